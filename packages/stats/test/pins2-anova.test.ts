// oneWayAnova pinned field by field (issue 18): groups given in interleaved order, every secondary
// field (sums and mean squares, η², residual sd, per-group n/mean/sd), Welch's F and df, and each
// degenerate case with its exact warning list (and no warning where none applies), option errors.
// References: scipy 1.17 (`scipy.stats.f_oneway`), R 4.2 (`anova(lm())`, `oneway.test()`), or the
// hand computation written beside the value.
import { renderMessage } from '@satlab/messages';
import { describe, expect, it } from 'vitest';
import { codes, near } from './pins-helpers.js';
import { oneWayAnova } from '@satlab/stats';

const close = near(1e-9);

// a: 4.2 4.8 5.1 | b: 6.0 6.3 5.9 5.5 | c: 5.0 5.2 4.9, given interleaved.
const V = [4.2, 6.0, 5.0, 4.8, 6.3, 5.2, 5.1, 5.9, 4.9, 5.5];
const G = ['a', 'b', 'c', 'a', 'b', 'c', 'a', 'b', 'c', 'b'];

describe('classic F with interleaved groups', () => {
  it('scipy f_oneway(a, b, c): F = 12.581636935991616, p = 0.004809304434579824; sums of squares by hand (numpy)', () => {
    const r = oneWayAnova(V, G);
    expect(r.method).toBe('One-way analysis of means');
    close(r.statistic, 12.581636935991616);
    expect(r.df).toEqual([2, 7]);
    close(r.pValue, 0.004809304434579824);
    close(r.ssBetween, 2.8548333333333367);
    close(r.ssWithin, 0.794166666666666);
    close(r.ssTotal, 3.649);
    close(r.msBetween, 2.8548333333333367 / 2);
    close(r.msWithin, 0.794166666666666 / 7);
    close(r.etaSquared, 0.7823604640540791);
    close(r.residualSd, 0.3368269302659466);
    expect(r.n).toBe(10);
    expect(r.nMissing).toBe(0);
    expect(r.warnings).toEqual([]);
    expect(r.groups.map((g) => [g.level, g.n])).toEqual([['a', 3], ['b', 4], ['c', 3]]);
    // numpy mean / std(ddof = 1) per group
    close(r.groups[0].mean, 4.7);
    close(r.groups[1].mean, 5.925);
    close(r.groups[2].mean, 5.033333333333333);
    close(r.groups[0].sd, 0.45825756949558377);
    close(r.groups[1].sd, 0.3304037933599834);
    close(r.groups[2].sd, 0.1527525231651946);
  });
  it("Welch (varEqual: false): scipy f_oneway(…, equal_var=False) F = 11.285635420376918, p = 0.02325363787932602; df₂ = 3.950828926566938 (hand: (k²−1)/(3Λ))", () => {
    const r = oneWayAnova(V, G, { varEqual: false });
    expect(r.method).toBe('One-way analysis of means (not assuming equal variances)');
    close(r.statistic, 11.285635420376918);
    expect(r.df[0]).toBe(2);
    close(r.df[1], 3.950828926566938);
    close(r.pValue, 0.02325363787932602);
    // the ANOVA table fields are the classic ones
    close(r.ssBetween, 2.8548333333333367);
    close(r.msWithin, 0.794166666666666 / 7);
    expect(r.warnings).toEqual([]);
  });
  it('numeric labels become strings, in order of first appearance; missing labels and NaN values are dropped', () => {
    const r = oneWayAnova([NaN, 4.2, 6.0, 5.0, 4.8, 6.3, 5.2, 5.1, 5.9, 4.9, 5.5, 7, 7, 7, 7], [1, 2, 10, 3, 2, 10, 3, 2, 10, 3, 10, null, undefined, '', NaN]);
    expect(r.groups.map((g) => g.level)).toEqual(['2', '10', '3']);
    expect(r.n).toBe(10);
    expect(r.nMissing).toBe(5);
    close(r.statistic, 12.581636935991616);
    expect(r.warnings).toEqual([]);
  });
});

describe('small and degenerate designs', () => {
  it('a group of one: smallGroup for it only, sd NaN; classic F still defined (scipy f_oneway([1,2,3],[10],[4,6]) F = 18.5, p = 0.020539595906443723)', () => {
    const r = oneWayAnova([1, 10, 4, 2, 3, 6], ['x', 'y', 'z', 'x', 'x', 'z']);
    expect(codes(r)).toEqual(['stats.smallGroup']);
    expect(r.warnings[0].params).toEqual({ level: 'y', n: 1 });
    expect(renderMessage(r.warnings[0], 'en')).toMatch(/^group .y. has only 1 observation\(s\)$/);
    close(r.statistic, 18.5);
    expect(r.df).toEqual([2, 3]);
    close(r.pValue, 0.020539595906443723);
    // hand: grand mean 13/3; SSB = 3(2 − 13/3)² + (10 − 13/3)² + 2(5 − 13/3)² = 148/3; SSW = 2 + 0 + 2
    close(r.ssBetween, 148 / 3);
    close(r.ssWithin, 4);
    close(r.msBetween, 74 / 3);
    close(r.msWithin, 4 / 3);
    close(r.etaSquared, 0.925);
    close(r.residualSd, Math.sqrt(4 / 3));
    expect(r.groups[1]).toEqual({ level: 'y', n: 1, mean: 10, sd: NaN });
    expect(r.groups[0].sd).toBe(1);
    close(r.groups[2].sd, Math.SQRT2);
  });
  it('two observations in a group is enough for no warning (smallGroup is for n < 2)', () => {
    const r = oneWayAnova([1, 2, 4, 5, 8], ['p', 'p', 'p', 'q', 'q']);
    expect(r.warnings).toEqual([]);
    close(r.statistic, 6.81818181818182); // scipy f_oneway([1,2,4],[5,8])
    close(r.pValue, 0.07960498081790626);
    expect(r.df).toEqual([1, 3]);
  });
  it('Welch with a group of one: smallGroup then welchNeedsVariance, df [2, NaN], F and p NaN', () => {
    const r = oneWayAnova([1, 10, 4, 2, 3, 6], ['x', 'y', 'z', 'x', 'x', 'z'], { varEqual: false });
    expect(codes(r)).toEqual(['stats.smallGroup', 'stats.welchNeedsVariance']);
    expect(r.df[0]).toBe(2);
    expect(r.df[1]).toBeNaN();
    expect(r.statistic).toBeNaN();
    expect(r.pValue).toBeNaN();
    close(r.ssBetween, 148 / 3);
  });
  it('Welch with a constant group (variance 0): welchNeedsVariance only', () => {
    const r = oneWayAnova([1, 2, 3, 5, 5, 5], ['a', 'a', 'a', 'b', 'b', 'b'], { varEqual: false });
    expect(codes(r)).toEqual(['stats.welchNeedsVariance']);
    expect(r.statistic).toBeNaN();
    expect(r.df[1]).toBeNaN();
    // the classic test is defined: SSB = 3·(2 − 3.5)² + 3·(5 − 3.5)² = 13.5, SSW = 2, F = 13.5/(2/4) = 27
    const c = oneWayAnova([1, 2, 3, 5, 5, 5], ['a', 'a', 'a', 'b', 'b', 'b']);
    close(c.statistic, 27);
    expect(c.warnings).toEqual([]);
  });
  it('Welch with two groups is the squared Welch t: scipy ttest_ind([1,2,4], [5,8,9,13], equal_var=False) t = −3.426455028072883, df = 4.415635009955848, p = 0.0227744987586955', () => {
    const r = oneWayAnova([1, 5, 2, 8, 4, 9, 13], ['a', 'b', 'a', 'b', 'a', 'b', 'b'], { varEqual: false });
    close(r.statistic, 3.426455028072883 ** 2);
    expect(r.df[0]).toBe(1);
    close(r.df[1], 4.415635009955848);
    close(r.pValue, 0.0227744987586955);
  });
  it('one observation per group: N − k = 0, tooFewObservations with n = N and min = k + 1, msWithin and residualSd NaN', () => {
    const r = oneWayAnova([1, 2, 4], ['a', 'b', 'c']);
    expect(codes(r)).toEqual(['stats.smallGroup', 'stats.smallGroup', 'stats.smallGroup', 'stats.tooFewObservations']);
    expect(r.warnings[3].params).toEqual({ what: 'oneWayAnova', n: 3, min: 4 });
    expect(r.df).toEqual([2, 0]);
    expect(r.statistic).toBeNaN();
    expect(r.pValue).toBeNaN();
    expect(r.msWithin).toBeNaN();
    expect(r.residualSd).toBeNaN();
    expect(r.ssWithin).toBe(0);
    // hand: mean 7/3, SSB = (4/3)² + (1/3)² + (5/3)² = 42/9
    close(r.ssBetween, 42 / 9);
    close(r.msBetween, 21 / 9);
    expect(r.etaSquared).toBe(1);
  });
  it('constant within groups but different means: zeroVariance naming oneWayAnova, η² = 1, residual sd 0', () => {
    const r = oneWayAnova([1, 2, 1, 2], ['a', 'b', 'a', 'b']);
    expect(codes(r)).toEqual(['stats.zeroVariance']);
    expect(r.warnings[0].params).toEqual({ what: 'oneWayAnova' });
    expect(r.statistic).toBeNaN();
    expect(r.pValue).toBeNaN();
    expect(r.ssWithin).toBe(0);
    expect(r.ssBetween).toBe(1);
    expect(r.msWithin).toBe(0);
    expect(r.residualSd).toBe(0);
    expect(r.etaSquared).toBe(1);
  });
  it('all values equal: zeroVariance, η² NaN (0/0)', () => {
    const r = oneWayAnova([3, 3, 3, 3], ['a', 'b', 'a', 'b']);
    expect(codes(r)).toEqual(['stats.zeroVariance']);
    expect(r.ssTotal).toBe(0);
    expect(r.etaSquared).toBeNaN();
  });
  it('a single group: singleGroup, df [0, N − 1], msBetween NaN, no F', () => {
    const r = oneWayAnova([1, 2, 4], ['a', 'a', 'a']);
    expect(codes(r)).toEqual(['stats.singleGroup']);
    expect(r.df).toEqual([0, 2]);
    expect(r.msBetween).toBeNaN();
    close(r.ssWithin, 14 / 3); // hand: Σ(x − 7/3)²
    close(r.msWithin, 7 / 3);
    expect(r.ssBetween).toBe(0);
    expect(r.etaSquared).toBe(0);
    expect(r.statistic).toBeNaN();
    const w = oneWayAnova([1, 2, 4], ['a', 'a', 'a'], { varEqual: false });
    expect(codes(w)).toEqual(['stats.singleGroup']);
    expect(w.df).toEqual([0, 2]);
  });
  it('nothing left: no group, n = 0, singleGroup only', () => {
    const r = oneWayAnova([NaN, 1, 2], ['a', null, '']);
    expect(codes(r)).toEqual(['stats.singleGroup']);
    expect(r.groups).toEqual([]);
    expect(r.n).toBe(0);
    expect(r.nMissing).toBe(3);
    // k = 0: df = [−1, 0], both mean squares NaN (not 0 / −1)
    expect(r.df).toEqual([-1, 0]);
    expect(r.msBetween).toBeNaN();
    expect(r.msWithin).toBeNaN();
    expect(r.statistic).toBeNaN();
    expect(r.ssTotal).toBe(0);
    expect(r.etaSquared).toBeNaN();
  });
});

describe('argument errors', () => {
  const fn = 'oneWayAnova\\(values, groups, opts\\)';
  it('varEqual, values, groups', () => {
    expect(() => oneWayAnova([1, 2], ['a', 'b'], { varEqual: 'no' as unknown as boolean })).toThrow(TypeError);
    expect(() => oneWayAnova([1, 2], ['a', 'b'], { varEqual: 'no' as unknown as boolean })).toThrow(new RegExp(`^${fn}: opts.varEqual must be a boolean, got no$`));
    expect(() => oneWayAnova('1,2' as unknown as number[], ['a', 'b'])).toThrow(TypeError);
    expect(() => oneWayAnova('1,2' as unknown as number[], ['a', 'b'])).toThrow(new RegExp(`^${fn}\\(values\\): expected a Float64Array or an array of numbers, got string$`));
    expect(() => oneWayAnova([1, '2' as unknown as number], ['a', 'b'])).toThrow(new RegExp(`^${fn}\\(values\\): element 1 is not a number \\(2\\); use NaN for missing$`));
    expect(() => oneWayAnova([1, Infinity], ['a', 'b'])).toThrow(RangeError);
    expect(() => oneWayAnova([1, Infinity], ['a', 'b'])).toThrow(new RegExp(`^${fn}\\(values\\): element 1 is Infinity; values must be finite \\(NaN for missing\\)$`));
    expect(() => oneWayAnova([1, 2], 'ab' as unknown as string[])).toThrow(TypeError);
    expect(() => oneWayAnova([1, 2], 'ab' as unknown as string[])).toThrow(new RegExp(`^${fn}\\(groups\\): expected an array of group labels, got string$`));
    expect(() => oneWayAnova([1, 2], ['a'])).toThrow(RangeError);
    expect(() => oneWayAnova([1, 2], ['a'])).toThrow(new RegExp(`^${fn}\\(values, groups\\): lengths differ \\(2 and 1\\)$`));
    expect(() => oneWayAnova([1, 2], ['a', true as unknown as string])).toThrow(TypeError);
    expect(() => oneWayAnova([1, 2], ['a', true as unknown as string])).toThrow(new RegExp(`^${fn}\\(groups\\): element 1 must be a string or a number, got boolean$`));
    expect(() => oneWayAnova([NaN, 2], [{} as unknown as string, 'a'])).toThrow(/element 0 must be a string or a number, got object$/);
  });
});

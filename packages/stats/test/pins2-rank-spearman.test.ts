// spearmanCorrelation pinned field by field (issue 18): exact permutation p-values on both sides of
// the two-sided switch, the t approximation with and without continuity correction, ties, n = 2,
// too few pairs, zero variance, the switches at n = 14/15 and 1290/1291, R's Edgeworth series,
// errors. References: permutations enumerated in Python (`itertools.permutations`, S = Σ(i − π_i)²),
// scipy 1.17 (`scipy.stats.spearmanr`, t approximation), R 4.2 `cor.test(method = "spearman")`
// (the call beside each value), or the hand computation written beside the value.
import { describe, expect, it } from 'vitest';
import { spearmanCorrelation } from '@satlab/stats';

const codes = (r: { warnings: { code: string }[] }): string[] => r.warnings.map((w) => w.code);
const close = (a: number, b: number, rel = 1e-9): void => {
  expect(Math.abs(a - b)).toBeLessThanOrEqual(rel * Math.max(1, Math.abs(b)));
};
type Alt = 'two.sided' | 'less' | 'greater';

describe('exact permutation p-values (n ≤ 9, where R is exact too)', () => {
  const cases: [number[], number[], number, number, number, number, number][] = [
    // x, y, S, rho, p two-sided, p greater (P(S ≤ s)), p less (P(S ≥ s)) — Python enumeration of all n! permutations
    [[1, 2, 3, 4, 5, 6, 7], [3, 1, 2, 7, 5, 4, 6], 20, 0.6428571428571428, 0.1388888888888889, 0.06944444444444445, 0.9452380952380952],
    [[1, 2, 3, 4, 5, 6, 7], [5, 7, 6, 1, 3, 4, 2], 92, -0.6428571428571428, 0.1388888888888889, 0.9452380952380952, 0.06944444444444445],
    [[1, 2, 3, 4, 5, 6, 7, 8], [4, 1, 6, 8, 2, 7, 3, 5], 70, 0.16666666666666663, 0.7033234126984127, 0.35166170634920635, 0.6677083333333333],
  ];
  it('S below and above its mean (n³ − n)/6, each alternative', () => {
    for (const [x, y, S, rho, two, greater, less] of cases) {
      const r = spearmanCorrelation(x, y);
      expect(r.method).toBe("Spearman's rank correlation rho");
      expect(r.pValueMethod).toBe('exact');
      close(r.statistic, S);
      close(r.estimate, rho);
      close(r.pValue, two);
      expect(r.warnings).toEqual([]);
      expect(r.n).toBe(x.length);
      expect(r.nMissing).toBe(0);
      expect(r.alternative).toBe('two.sided');
      const g = spearmanCorrelation(x, y, { alternative: 'greater' });
      close(g.pValue, greater);
      expect(g.alternative).toBe('greater');
      expect(g.pValueMethod).toBe('exact');
      const l = spearmanCorrelation(x, y, { alternative: 'less' });
      close(l.pValue, less);
      expect(l.pValueMethod).toBe('exact');
    }
  });
  it('the ranks, not the values, matter; a Float64Array is accepted', () => {
    const r = spearmanCorrelation(new Float64Array([0.1, 0.5, 2, 3.3, 10, 11, 100]), [30, 10, 20, 70, 50, 40, 60]);
    close(r.statistic, 20);
    close(r.pValue, 0.1388888888888889);
  });
  it('n = 2 and n = 3 (enumeration: S ∈ {0, 2} at n = 2; n = 3, y = 1 3 2: S = 2)', () => {
    const p = spearmanCorrelation([1, 2], [1, 2]);
    close(p.estimate, 1);
    close(p.statistic, 0);
    expect(p.pValue).toBe(1);
    expect(spearmanCorrelation([1, 2], [1, 2], { alternative: 'greater' }).pValue).toBe(0.5);
    expect(spearmanCorrelation([1, 2], [1, 2], { alternative: 'less' }).pValue).toBe(1);
    const m = spearmanCorrelation([1, 2], [2, 1]);
    close(m.estimate, -1);
    close(m.statistic, 2);
    expect(m.pValue).toBe(1);
    expect(spearmanCorrelation([1, 2], [2, 1], { alternative: 'less' }).pValue).toBe(0.5);
    expect(spearmanCorrelation([1, 2], [2, 1], { alternative: 'greater' }).pValue).toBe(1);
    const t = spearmanCorrelation([1, 2, 3], [1, 3, 2]);
    close(t.estimate, 0.5);
    close(t.statistic, 2);
    expect(t.pValue).toBe(1);
    close(spearmanCorrelation([1, 2, 3], [1, 3, 2], { alternative: 'greater' }).pValue, 0.5);
    close(spearmanCorrelation([1, 2, 3], [1, 3, 2], { alternative: 'less' }).pValue, 5 / 6);
  });
  it('n = 2 without the exact distribution: the t approximation has 0 df, p NaN', () => {
    const r = spearmanCorrelation([1, 2], [1, 2], { exact: false });
    expect(r.pValue).toBeNaN();
    expect(r.pValueMethod).toBe('t');
    close(r.estimate, 1);
    expect(r.warnings).toEqual([]);
  });
});

describe('t approximation', () => {
  it('no ties, exact: false: scipy spearmanr(1..7, [3,1,2,7,5,4,6]) ρ = 0.642857…, p = 0.11939237342741109 (less 0.9403038132862944, greater 0.059696186713705544)', () => {
    const x = [1, 2, 3, 4, 5, 6, 7];
    const y = [3, 1, 2, 7, 5, 4, 6];
    const want: [Alt, number][] = [['two.sided', 0.11939237342741109], ['less', 0.9403038132862944], ['greater', 0.059696186713705544]];
    for (const [alternative, p] of want) {
      const r = spearmanCorrelation(x, y, { exact: false, alternative });
      expect(r.pValueMethod).toBe('t');
      close(r.pValue, p);
      close(r.estimate, 0.642857142857143);
      close(r.statistic, 20);
      expect(r.warnings).toEqual([]);
    }
  });
  it('ties: scipy spearmanr([1,2,2,3,4,5,6], [2,1,3,3,5,6,4]) ρ = 0.8090909090909091, p = 0.027516578664500267 (less 0.9862417106677499, greater 0.013758289332250134), with the ties warning', () => {
    const x = [1, 2, 2, 3, 4, 5, 6];
    const y = [2, 1, 3, 3, 5, 6, 4];
    const want: [Alt, number][] = [['two.sided', 0.027516578664500267], ['less', 0.9862417106677499], ['greater', 0.013758289332250134]];
    for (const [alternative, p] of want) {
      const r = spearmanCorrelation(x, y, { alternative });
      expect(r.pValueMethod).toBe('t');
      close(r.pValue, p);
      close(r.estimate, 0.8090909090909091);
      // hand: S = (n³ − n)(1 − ρ)/6 = 56 · (1 − 0.8090909…)
      close(r.statistic, 56 * (1 - 0.8090909090909091));
      expect(codes(r)).toEqual(['stats.tiesNoExactSpearman']);
    }
    // ties only in y also count
    expect(codes(spearmanCorrelation([1, 2, 3, 4, 5, 6, 7], [2, 1, 3, 3, 5, 6, 4]))).toEqual(['stats.tiesNoExactSpearman']);
    // exact: false asked: no warning
    const q = spearmanCorrelation(x, y, { exact: false });
    expect(q.warnings).toEqual([]);
    close(q.pValue, 0.027516578664500267);
  });
});

describe('degenerate inputs', () => {
  it('fewer than 2 complete pairs: tooFewObservations with n and min 2, NaN', () => {
    const r = spearmanCorrelation([1, NaN, 3], [2, 5, NaN]);
    expect(codes(r)).toEqual(['stats.tooFewObservations']);
    expect(r.warnings[0].params).toEqual({ what: 'spearmanCorrelation', n: 1, min: 2 });
    expect(r.n).toBe(1);
    expect(r.nMissing).toBe(2);
    expect(r.estimate).toBeNaN();
    expect(r.statistic).toBeNaN();
    expect(r.pValue).toBeNaN();
    expect(r.pValueMethod).toBe('t');
    expect(r.method).toBe("Spearman's rank correlation rho");
    const e = spearmanCorrelation([], [], { alternative: 'less' });
    expect(e.warnings[0].params).toEqual({ what: 'spearmanCorrelation', n: 0, min: 2 });
    expect(e.alternative).toBe('less');
  });
  it('a constant variable: zeroVariance naming the function, NaN (either side)', () => {
    for (const [x, y] of [[[1, 2, 3, 4], [5, 5, 5, 5]], [[7, 7, 7], [1, 2, 3]]]) {
      const r = spearmanCorrelation(x, y);
      expect(codes(r)).toEqual(['stats.zeroVariance']);
      expect(r.warnings[0].params).toEqual({ what: 'spearmanCorrelation' });
      expect(r.estimate).toBeNaN();
      expect(r.statistic).toBeNaN();
      expect(r.pValue).toBeNaN();
      expect(r.pValueMethod).toBe('t');
      expect(r.n).toBe(x.length);
    }
  });
  it('incomplete pairs are dropped (NaN in x or y) and counted', () => {
    const r = spearmanCorrelation([1, 2, NaN, 3, 4, 5, 6, 7, 8], [3, 1, 9, 2, 7, 5, 4, 6, NaN]);
    expect(r.n).toBe(7);
    expect(r.nMissing).toBe(2);
    close(r.statistic, 20);
  });
  it('errors name the function and the option', () => {
    const fn = 'spearmanCorrelation\\(x, y, opts\\)';
    expect(() => spearmanCorrelation([1, 2, 3], [1, 2])).toThrow(RangeError);
    expect(() => spearmanCorrelation([1, 2, 3], [1, 2])).toThrow(new RegExp(`^${fn}\\(x, y\\): lengths differ \\(3 and 2\\)$`));
    expect(() => spearmanCorrelation([1, 2], 'ab' as unknown as number[])).toThrow(TypeError);
    expect(() => spearmanCorrelation([1, 2], 'ab' as unknown as number[])).toThrow(new RegExp(`^${fn}\\(y\\): expected a Float64Array or an array of numbers, got string$`));
    expect(() => spearmanCorrelation([1, null as unknown as number], [1, 2])).toThrow(TypeError);
    expect(() => spearmanCorrelation([1, null as unknown as number], [1, 2])).toThrow(new RegExp(`^${fn}\\(x\\): element 1 is not a number \\(null\\); use NaN for missing$`));
    expect(() => spearmanCorrelation([1, 2], [Infinity, 2])).toThrow(RangeError);
    expect(() => spearmanCorrelation([1, 2], [Infinity, 2])).toThrow(new RegExp(`^${fn}\\(y\\): element 0 is Infinity; values must be finite \\(NaN for missing\\)$`));
    expect(() => spearmanCorrelation([1, 2], [1, 2], { alternative: 'two-sided' as Alt })).toThrow(new RegExp(`^${fn}: opts.alternative must be 'two.sided', 'less' or 'greater', got two-sided$`));
    expect(() => spearmanCorrelation([1, 2], [1, 2], { exact: 'yes' as unknown as boolean })).toThrow(TypeError);
    expect(() => spearmanCorrelation([1, 2], [1, 2], { exact: 'yes' as unknown as boolean })).toThrow(new RegExp(`^${fn}: opts.exact must be a boolean, got yes$`));
    expect(() => spearmanCorrelation([1, 2], [1, 2], { continuity: 0 as unknown as boolean })).toThrow(TypeError);
    expect(() => spearmanCorrelation([1, 2], [1, 2], { continuity: 0 as unknown as boolean })).toThrow(new RegExp(`^${fn}: opts.continuity must be a boolean, got 0$`));
  });
});

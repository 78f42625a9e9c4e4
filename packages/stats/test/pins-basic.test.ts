// Behaviour that the sampled mutation run of December 2026 found unpinned in the basic
// functions: the exact bounds of the Wilson interval at x = 0 and x = n for every n, the words
// and parameters of the warnings (which function they name), the method strings, the boundary
// n = 2 of the t tests, the aliased columns and the warnings of vif, and the infinite arguments
// of the t distribution. Reference values: R 4.2.2, the call quoted beside each value.
import { describe, expect, it } from 'vitest';
import { codes, near } from './pins-helpers.js';
import {
  meanConfidenceInterval, oneSampleTTest, pearsonCorrelation, studentTQuantile, studentTSf, fisherFCdf, fisherFQuantile, vif, welchTTest,
  wilsonInterval,
} from '@satlab/stats';

const close = near(1e-9);

describe('wilsonInterval', () => {
  it('the lower bound is exactly 0 at x = 0 and the upper exactly 1 at x = n, for every n from 1 to 60 (documented: exact at the edges)', () => {
    for (let n = 1; n <= 60; n++) {
      for (const confidence of [0.9, 0.95, 0.99]) {
        expect(wilsonInterval(0, n, { confidence }).lower, `0/${n}`).toBe(0);
        expect(wilsonInterval(n, n, { confidence }).upper, `${n}/${n}`).toBe(1);
      }
    }
  });
  it('names itself in the warning of an empty group, and says "Wilson score" in every case', () => {
    const r = wilsonInterval(0, 0);
    expect(codes(r)).toEqual(['stats.noObservations']);
    expect(r.warnings[0].params).toEqual({ what: 'wilsonInterval' });
    expect(r.warnings[0].text).toBe('wilsonInterval: no non-missing observations; estimates are NaN');
    expect(r.method).toBe('Wilson score');
    const s = wilsonInterval(15, 40);
    expect(s.method).toBe('Wilson score');
    expect(codes(s)).toEqual([]);
  });
});

describe('pearsonCorrelation', () => {
  it('says its method and names itself in its warnings', () => {
    // cor.test(c(1, 2, 3, 4, 5), c(2, 4, 5, 4, 5)): r = 0.77459666924148340, p = 0.12402706265755457
    const r = pearsonCorrelation([1, 2, 3, 4, 5], [2, 4, 5, 4, 5]);
    expect(r.method).toBe("Pearson's product-moment correlation");
    close(r.estimate, 0.7745966692414834);
    close(r.pValue, 0.12402706265755457);
    expect(codes(r)).toEqual([]);
    const flat = pearsonCorrelation([1, 2, 3, 4], [5, 5, 5, 5]);
    expect(codes(flat)).toEqual(['stats.zeroVariance']);
    expect(flat.warnings[0].params).toEqual({ what: 'pearsonCorrelation' });
  });
});

describe('one-sample t at the boundary n = 2', () => {
  it('two observations are enough: t.test(c(1, 3)) t = 2, p = 0.29516723530086642, CI -10.70620473617469415 .. 14.70620473617469415, no warning', () => {
    const r = oneSampleTTest([1, 3]);
    expect(r.statistic).toBe(2);
    close(r.pValue, 0.29516723530086642);
    close(r.ci[0], -10.706204736174694);
    close(r.ci[1], 14.706204736174694);
    expect(codes(r)).toEqual([]);
    const m = meanConfidenceInterval([1, 3]);
    close(m.sd, Math.SQRT2); // sd(c(1, 3)) = sqrt(2)
    close(m.lower, -10.706204736174694);
    expect(m.df).toBe(1);
    expect(codes(m)).toEqual([]);
  });
  it('one observation: NaN, and the warning names the function, n = 1 and the minimum 2', () => {
    const m = meanConfidenceInterval([4, NaN]);
    expect(codes(m)).toEqual(['stats.tooFewObservations']);
    expect(m.warnings[0].params).toEqual({ what: 'meanConfidenceInterval', n: 1, min: 2 });
    expect(m.sd).toBeNaN();
    expect(m.df).toBeNaN();
  });
});

describe('welchTTest with two observations in a group', () => {
  it('t.test(c(1, 4), c(2, 7, 9)): t = -1.36409658516942489, df = 2.99903892359442592, p = 0.26588756401931707, sd = 2.12132034355964239 and 3.60555127546398912', () => {
    const r = welchTTest([1, 4], [2, 7, 9]);
    expect(r.method).toBe('Welch Two Sample t-test');
    close(r.statistic, -1.3640965851694249);
    close(r.df, 2.999038923594426);
    close(r.pValue, 0.26588756401931707);
    close(r.ci[0], -11.667003562732077);
    close(r.ci[1], 4.667003562732077);
    expect(r.sd.length).toBe(2);
    close(r.sd[0], 2.1213203435596424);
    close(r.sd[1], 3.605551275463989);
    expect(codes(r)).toEqual([]);
  });
  it('one observation in either group: NaN with tooFewObservations (n = 1, min 2), whichever group it is', () => {
    for (const [a, b] of [[[1], [2, 7, 9]], [[2, 7, 9], [1]]]) {
      const r = welchTTest(a, b);
      expect(r.statistic).toBeNaN();
      expect(codes(r)).toEqual(['stats.tooFewObservations']);
      expect(r.warnings[0].params).toEqual({ what: 'welchTTest', n: 1, min: 2 });
    }
  });
  it('names the second sample in its errors', () => {
    expect(() => welchTTest([1, 2, 3], [1, Infinity])).toThrow(/welchTTest\(a, b, opts\)\(b\): element 1/);
  });
});

describe('vif', () => {
  it('R: 1/(1 - summary(lm(a ~ b))$r.squared) = 3.0833333333333313 for a = 1:5, b = c(2, 1, 4, 3, 6); no warning, nothing aliased', () => {
    const r = vif([[1, 2], [2, 1], [3, 4], [4, 3], [5, 6]], { names: ['a', 'b'] });
    expect(r.vif.map((v) => v.name)).toEqual(['a', 'b']);
    close(r.vif[0].vif, 3.0833333333333313);
    close(r.vif[1].vif, 3.0833333333333313);
    expect(r.aliased).toEqual([]);
    expect(codes(r)).toEqual([]);
    expect(r.n).toBe(5);
    expect(r.method).toBe('VIF = 1/(1 - R²_j)');
  });
  it('a column that is the sum of two others is aliased (R lm: NA), named in the warning, and has no VIF', () => {
    const rows = [[1, 2], [2, 1], [3, 4], [4, 3], [5, 6], [6, 4]].map(([a, b]) => [a, b, a + b]);
    const r = vif(rows, { names: ['a', 'b', 's'] });
    expect(r.aliased).toEqual(['s']);
    expect(r.vif.map((v) => v.name)).toEqual(['a', 'b']);
    expect(codes(r)).toEqual(['stats.aliased']);
    expect(r.warnings[0].params).toEqual({ names: ['s'] });
  });
  it('weighted, with a zero weight: 1/(1 - summary(lm(a ~ b, weights = c(1, 2, 0, 1, 3, 1)))$r.squared) = 3.1157045009784703, and the zero-weight row is counted in a warning', () => {
    const rows = [[1, 2], [2, 1], [3, 4], [4, 3], [5, 6], [6, 4]];
    const r = vif(rows, { names: ['a', 'b'], weights: [1, 2, 0, 1, 3, 1] });
    close(r.vif[0].vif, 3.1157045009784703);
    expect(codes(r)).toEqual(['stats.zeroWeights']);
    expect(r.warnings[0].params).toEqual({ n: 1 });
  });
  it('flags exactly the columns above 10: x1 = 0:11, x2 = 2·x1 + 0.05·sin(x1), x3 = cos(x1) give 42036.36186280728, 42041.48332227218 and 1.1026252581617351 (R, 1/(1 - R²) of each lm on the others)', () => {
    const rows = Array.from({ length: 12 }, (_, i) => [i, 2 * i + Math.sin(i) * 0.05, Math.cos(i)]);
    const r = vif(rows, { names: ['x1', 'x2', 'x3'] });
    close(r.vif[0].vif, 42036.36186280728, 1e-6);
    close(r.vif[1].vif, 42041.48332227218, 1e-6);
    close(r.vif[2].vif, 1.1026252581617351, 1e-6);
    expect(codes(r)).toEqual(['stats.highVif']);
    expect(r.warnings[0].params).toEqual({ names: ['x1', 'x2'] });
  });
  it('names itself in its errors', () => {
    expect(() => vif([[1, 2], [2, Infinity], [3, 1]])).toThrow(/^vif\(X, opts\)/);
  });
  it('no complete row: no VIF, the noObservations warning naming vif, and no aliased warning', () => {
    const r = vif([[1, NaN], [NaN, 2], [NaN, NaN]], { names: ['a', 'b'] });
    expect(r.n).toBe(0);
    expect(r.nMissing).toBe(3);
    expect(r.vif).toEqual([]);
    expect(codes(r)).toEqual(['stats.noObservations']);
    expect(r.warnings[0].params).toEqual({ what: 'vif' });
  });
});

describe('t and F distributions at the edges', () => {
  it('pt(-Inf, 3, lower.tail = FALSE) = 1; qt(0, 3) = -Inf; qt(1, 3) = Inf', () => {
    expect(studentTSf(-Infinity, 3)).toBe(1);
    expect(studentTSf(Infinity, 3)).toBe(0);
    expect(studentTQuantile(0, 3)).toBe(-Infinity);
    expect(studentTQuantile(1, 3)).toBe(Infinity);
  });
  it('df = 0 is refused with the function named (R: NaN with a warning), df just above 0 is accepted', () => {
    expect(() => studentTSf(1, 0)).toThrow(/^studentTSf\(t, df\): df must be > 0, got 0$/);
    expect(() => fisherFCdf(1, 0, 3)).toThrow(/^fisherFCdf\(f, d1, d2\): df1 and df2 must be > 0, got 0, 3$/);
    expect(() => fisherFCdf(1, 3, 0)).toThrow(/fisherFCdf.*got 3, 0/);
    expect(() => fisherFQuantile(0.5, 2, 0)).toThrow(RangeError);
    expect(Number.isFinite(studentTSf(1, 1e-3))).toBe(true);
    expect(Number.isFinite(fisherFCdf(1, 1e-3, 1e-3))).toBe(true);
  });
});

// Pinning tests of kishEffectiveN and of pearsonCorrelation's core (issue 18, third round): the
// bookkeeping fields, the small-n branches (n = 0, 1, 2, 3 and the interval from n = 4), |r| = 1
// with each alternative, the clamp of r to [−1, 1] when rounding gives 1.0000000000000002, and the
// errors' wording. Reference values: hand computations (in the comments) and scipy 1.17
// (scipy.stats.pearsonr with its Fisher-z confidence_interval, the same formulas as R cor.test).
import { describe, expect, it } from 'vitest';
import { codes, near } from './pins-helpers.js';
import { kishEffectiveN, pearsonCorrelation } from '@satlab/stats';

const close = near(1e-12);

describe('kishEffectiveN', () => {
  it('(Σw)²/Σw² and n/n_eff: [1, 1, 2, 4] → 64/22 and 88/64 = 1.375 (hand)', () => {
    const k = kishEffectiveN([1, 1, 2, 4]);
    close(k.effectiveN, 64 / 22, 1e-15);
    close(k.designEffect, 1.375, 1e-15);
    expect(k.n).toBe(4);
    expect(k.nMissing).toBe(0);
    expect(k.sumWeights).toBe(8);
  });
  it('a zero weight counts in n but adds nothing: [0, 2, 2] → n_eff = 16/8 = 2, deff = 3/2', () => {
    const k = kishEffectiveN(Float64Array.of(0, 2, 2));
    expect(k).toEqual({ effectiveN: 2, designEffect: 1.5, n: 3, nMissing: 0, sumWeights: 4 });
  });
  it('NaN weights are missing: [NaN, 3, NaN] → n = 1, n_eff = 1, deff = 1', () => {
    expect(kishEffectiveN([NaN, 3, NaN])).toEqual({ effectiveN: 1, designEffect: 1, n: 1, nMissing: 2, sumWeights: 3 });
  });
  it('all-zero and empty weights: n_eff and deff are NaN (0/0), n and the sum as counted', () => {
    const z = kishEffectiveN([0, 0]);
    expect(z.effectiveN).toBeNaN();
    expect(z.designEffect).toBeNaN();
    expect([z.n, z.nMissing, z.sumWeights]).toEqual([2, 0, 0]);
    const e = kishEffectiveN([]);
    expect(e.effectiveN).toBeNaN();
    expect(e.designEffect).toBeNaN();
    expect([e.n, e.nMissing, e.sumWeights]).toEqual([0, 0, 0]);
  });
  it('errors: not an array (TypeError with the type), an element not a number (TypeError), a negative or infinite weight (RangeError)', () => {
    expect(() => kishEffectiveN('abc' as unknown as number[])).toThrow(TypeError);
    expect(() => kishEffectiveN('abc' as unknown as number[])).toThrow(/^kishEffectiveN\(weights\): expected a Float64Array or an array of numbers, got string$/);
    expect(() => kishEffectiveN(null as unknown as number[])).toThrow(/^kishEffectiveN\(weights\): expected a Float64Array or an array of numbers, got object$/);
    expect(() => kishEffectiveN({ length: 1, 0: 1 } as unknown as number[])).toThrow(/got object$/);
    expect(() => kishEffectiveN([1, '2' as unknown as number])).toThrow(TypeError);
    expect(() => kishEffectiveN([1, '2' as unknown as number])).toThrow(/^kishEffectiveN\(weights\): element 1 is not a number \(2\); use NaN for missing$/);
    expect(() => kishEffectiveN([1, -1])).toThrow(RangeError);
    expect(() => kishEffectiveN([1, -1])).toThrow(/^kishEffectiveN\(weights\): weight -1 at index 1; weights must be finite and ≥ 0$/);
    expect(() => kishEffectiveN([Infinity])).toThrow(/^kishEffectiveN\(weights\): weight Infinity at index 0; weights must be finite and ≥ 0$/);
    expect(() => kishEffectiveN([2, -Infinity])).toThrow(RangeError);
  });
});

describe('pearsonCorrelation: fields and defaults', () => {
  it('x = 1:4, y = (2, 1, 4, 3): r = 0.6, t = 0.6·√2/0.8, p = 0.4, 95 % interval tanh(atanh 0.6 ± 1.96/1); defaults echoed', () => {
    // scipy.stats.pearsonr([1, 2, 3, 4], [2, 1, 4, 3]): statistic 0.6, pvalue 0.3999999999999999
    const r = pearsonCorrelation([1, 2, 3, 4], [2, 1, 4, 3]);
    close(r.estimate, 0.6);
    close(r.statistic, (0.6 * Math.SQRT2) / 0.8);
    expect(r.df).toBe(2);
    close(r.pValue, 0.4, 1e-10);
    expect(r.alternative).toBe('two.sided');
    expect(r.confidence).toBe(0.95);
    expect(r.n).toBe(4);
    expect(r.nMissing).toBe(0);
    expect(codes(r)).toEqual([]);
    // n = 4 is the first n with an interval (1/√(n − 3) = 1); z of 0.975 = 1.959963984540054
    close(r.ci[0], Math.tanh(Math.atanh(0.6) - 1.959963984540054), 1e-12);
    close(r.ci[1], Math.tanh(Math.atanh(0.6) + 1.959963984540054), 1e-12);
  });
  it('one-sided alternatives at 90 %: scipy pearsonr(..., alternative = "less"/"greater").confidence_interval(0.9)', () => {
    const less = pearsonCorrelation([1, 2, 3, 4], [2, 1, 4, 3], { alternative: 'less', confidence: 0.9 });
    close(less.pValue, 0.8, 1e-10);
    expect(less.ci[0]).toBe(-1);
    close(less.ci[1], 0.9621957357793027, 1e-10);
    expect(less.alternative).toBe('less');
    expect(less.confidence).toBe(0.9);
    const greater = pearsonCorrelation([1, 2, 3, 4], [2, 1, 4, 3], { alternative: 'greater', confidence: 0.9 });
    close(greater.pValue, 0.19999999999999996, 1e-10);
    close(greater.ci[0], -0.5287470540849909, 1e-10);
    expect(greater.ci[1]).toBe(1);
    const two = pearsonCorrelation([1, 2, 3, 4], [2, 1, 4, 3], { confidence: 0.9 });
    close(two.ci[0], -0.7405546206758125, 1e-10);
    close(two.ci[1], 0.9815396021041629, 1e-10);
  });
  it('n = 7 at 80 %: r = 0.8723274412456696, t = 3.989558652612532 (r√5/√(1 − r²)), p and intervals as scipy', () => {
    const x = [1, 2, 3, 4, 5, 6, 7];
    const y = [2.5, 1.1, 4.0, 3.3, 6.1, 4.8, 7.7];
    const two = pearsonCorrelation(x, y, { confidence: 0.8 });
    close(two.estimate, 0.8723274412456696);
    close(two.statistic, 3.989558652612532, 1e-11);
    expect(two.df).toBe(5);
    close(two.pValue, 0.010431053946766222, 1e-9);
    close(two.ci[0], 0.6056094875833501, 1e-10);
    close(two.ci[1], 0.9628438474095157, 1e-10);
    const less = pearsonCorrelation(x, y, { alternative: 'less', confidence: 0.8 });
    close(less.pValue, 0.9947844730266168, 1e-10);
    expect(less.ci[0]).toBe(-1);
    close(less.ci[1], 0.9428976188749488, 1e-10);
    const greater = pearsonCorrelation(x, y, { alternative: 'greater', confidence: 0.8 });
    close(greater.pValue, 0.005215526973383111, 1e-9);
    close(greater.ci[0], 0.7268062120543832, 1e-10);
    expect(greater.ci[1]).toBe(1);
  });
  it('pairs with NaN on either side are dropped and counted', () => {
    const r = pearsonCorrelation([1, NaN, 2, 3, 4, 9], [2, 5, 1, 4, 3, NaN]);
    expect(r.n).toBe(4);
    expect(r.nMissing).toBe(2);
    close(r.estimate, 0.6);
  });
  it('refuses a bad alternative or confidence with the function named', () => {
    expect(() => pearsonCorrelation([1, 2, 3], [1, 2, 3], { alternative: 'two-sided' as 'less' })).toThrow(RangeError);
    expect(() => pearsonCorrelation([1, 2, 3], [1, 2, 3], { alternative: 'two-sided' as 'less' })).toThrow(
      /^pearsonCorrelation\(x, y, opts\): opts\.alternative must be 'two\.sided', 'less' or 'greater', got two-sided$/,
    );
    expect(() => pearsonCorrelation([1, 2, 3], [1, 2, 3], { confidence: 1 })).toThrow(/^pearsonCorrelation\(x, y, opts\): opts\.confidence must be a number in \(0, 1\), got 1$/);
    expect(() => pearsonCorrelation([1, 2, 3], [1, 2])).toThrow(/^pearsonCorrelation\(x, y, opts\)\(x, y\): lengths differ \(3 and 2\)$/);
  });
});

describe('pearsonCorrelation: small samples', () => {
  it('n = 3: x = 1:3, y = (1, 3, 2): r = 0.5, t = 0.5/√0.75, p = 2/3 on 1 df (Cauchy: 1 − 2·atan(1/√3)/π), no interval', () => {
    const r = pearsonCorrelation([1, 2, 3], [1, 3, 2]);
    close(r.estimate, 0.5);
    close(r.statistic, 0.5 / Math.sqrt(0.75));
    expect(r.df).toBe(1);
    close(r.pValue, 2 / 3, 1e-12);
    expect(r.ci[0]).toBeNaN();
    expect(r.ci[1]).toBeNaN();
    expect(codes(r)).toEqual([]);
  });
  it('n = 2: r is still given (±1), everything else NaN, df 0, and the warning says 2 of at least 3', () => {
    const up = pearsonCorrelation([1, 2], [3, 5]);
    expect(up.estimate).toBe(1);
    expect(up.statistic).toBeNaN();
    expect(up.pValue).toBeNaN();
    expect(up.ci[0]).toBeNaN();
    expect(up.ci[1]).toBeNaN();
    expect(up.df).toBe(0);
    expect(up.n).toBe(2);
    expect(codes(up)).toEqual(['stats.tooFewObservations']);
    expect(up.warnings[0].params).toEqual({ what: 'pearsonCorrelation', n: 2, min: 3 });
    expect(pearsonCorrelation([1, 2], [5, 3]).estimate).toBe(-1);
  });
  it('n = 2 clamps r to [−1, 1]: x = (7, 2.7), y = 0.3·x gives 1.0000000000000002 before the clamp', () => {
    const x = [7.0, 2.7];
    expect(pearsonCorrelation(x, x.map((v) => v * 0.3)).estimate).toBe(1);
    expect(pearsonCorrelation(x, x.map((v) => -v * 0.3)).estimate).toBe(-1);
  });
  it('n = 2 with a constant side, n = 1 and n = 0: r NaN, df 0, the warning with n', () => {
    const flat = pearsonCorrelation([1, 1], [3, 5]);
    expect(flat.estimate).toBeNaN();
    expect(flat.df).toBe(0);
    const flatY = pearsonCorrelation([1, 2], [4, 4]);
    expect(flatY.estimate).toBeNaN();
    const one = pearsonCorrelation([1], [3]);
    expect(one.estimate).toBeNaN();
    expect(one.df).toBe(0);
    expect(one.warnings[0].params).toEqual({ what: 'pearsonCorrelation', n: 1, min: 3 });
    const none = pearsonCorrelation([NaN], [1]);
    expect(none.estimate).toBeNaN();
    expect(none.df).toBe(0);
    expect(none.n).toBe(0);
    expect(none.nMissing).toBe(1);
    expect(none.warnings[0].params).toEqual({ what: 'pearsonCorrelation', n: 0, min: 3 });
  });
  it('zero variance from n = 3 on: NaN statistics with df = n − 2 and the zeroVariance warning (either side)', () => {
    const r = pearsonCorrelation([1, 2, 3, 4, 5], [2, 2, 2, 2, 2]);
    expect(r.estimate).toBeNaN();
    expect(r.statistic).toBeNaN();
    expect(r.pValue).toBeNaN();
    expect(r.df).toBe(3);
    expect(r.ci[0]).toBeNaN();
    expect(codes(r)).toEqual(['stats.zeroVariance']);
    const s = pearsonCorrelation([4, 4, 4], [1, 2, 3]);
    expect(s.df).toBe(1);
    expect(codes(s)).toEqual(['stats.zeroVariance']);
  });
});

describe('pearsonCorrelation: |r| = 1', () => {
  it('x = (0, 0, 1, 2, 2), y = 3x (Sxx = 4, Syy = 36, Sxy = 12: r = 12/(2·6) = 1 exactly): t = ∞, p = 0 two-sided and "greater", 1 for "less"; the interval collapses at 1; the perfectCorrelation warning', () => {
    const x = [0, 0, 1, 2, 2];
    const y = x.map((v) => 3 * v);
    const two = pearsonCorrelation(x, y);
    expect(two.estimate).toBe(1);
    expect(two.statistic).toBe(Infinity);
    expect(two.pValue).toBe(0);
    expect(two.ci).toEqual([1, 1]);
    expect(codes(two)).toEqual(['stats.perfectCorrelation']);
    const greater = pearsonCorrelation(x, y, { alternative: 'greater' });
    expect(greater.pValue).toBe(0);
    expect(greater.ci).toEqual([1, 1]);
    const less = pearsonCorrelation(x, y, { alternative: 'less' });
    expect(less.pValue).toBe(1);
    expect(less.ci).toEqual([-1, 1]);
  });
  it('y = −3x: r = −1, t = −∞, p = 0 two-sided and "less", 1 for "greater"', () => {
    const x = [0, 0, 1, 2, 2];
    const y = x.map((v) => -3 * v);
    const two = pearsonCorrelation(x, y);
    expect(two.estimate).toBe(-1);
    expect(two.statistic).toBe(-Infinity);
    expect(two.pValue).toBe(0);
    expect(two.ci).toEqual([-1, -1]);
    expect(pearsonCorrelation(x, y, { alternative: 'less' }).pValue).toBe(0);
    expect(pearsonCorrelation(x, y, { alternative: 'greater' }).pValue).toBe(1);
    expect(pearsonCorrelation(x, y, { alternative: 'greater' }).ci).toEqual([-1, 1]);
  });
  it('rounding above 1 is clamped: x = (1.2, 7.6, 4.7, 3.8, 2.1), y = 1.1·x gives 1.0000000000000002 before the clamp', () => {
    const x = [1.2, 7.6, 4.7, 3.8, 2.1];
    const up = pearsonCorrelation(x, x.map((v) => v * 1.1));
    expect(up.estimate).toBe(1);
    expect(up.pValue).toBe(0);
    expect(codes(up)).toEqual(['stats.perfectCorrelation']);
    const down = pearsonCorrelation(x, x.map((v) => -v * 1.1));
    expect(down.estimate).toBe(-1);
    expect(codes(down)).toEqual(['stats.perfectCorrelation']);
  });
});

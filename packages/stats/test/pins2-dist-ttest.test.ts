// Pinning tests for the t procedures (issue 18, third round): internal/tTest.ts (tBounds and the
// one-sample core), oneSampleTTest, pairedTTest, meanConfidenceInterval and welchTTest — every
// returned field, each alternative with a non-default confidence and mu, the warnings (present and
// absent) with their parameters, n = 0/1/2 and the refusals' wording.
// Reference values: mpmath 1.3 at 50 digits (python3), the textbook formulas written beside each
// case (R t.test's): mean, sd with n − 1, se = sd/√n, t = (x̄ − μ)/se, p from the t CDF
// (½·I_{df/(df+t²)}(df/2, ½)), bounds x̄ ± qt·se with qt found by bisection on that CDF.
// R 4.2.2's t.test, run afterwards on these samples, agrees to ≤ 1e-12 relative.
import { describe, expect, it } from 'vitest';
import { codes } from './pins-helpers.js';
import { meanConfidenceInterval, oneSampleTTest, pairedTTest, welchTTest } from '@satlab/stats';
import { oneSampleCore, tBounds } from '../src/internal/tTest.js';

const close = (got: number, want: number, rel = 1e-12): void => {
  expect(Math.abs(got - want)).toBeLessThanOrEqual(rel * Math.max(1e-300, Math.abs(want)));
};
const bad = (x: unknown): never => x as never;

describe('tBounds', () => {
  it('two-sided, less and greater bounds around an estimate (mpmath qt by bisection)', () => {
    // est 2, se 0.5, df 1, 95 %: qt(0.975, 1) = 12.706204736174707 → 2 ± 6.3531023680873467
    const [lo, hi] = tBounds(2, 0.5, 1, 0.95, 'two.sided');
    close(lo, -4.3531023680873467);
    close(hi, 8.3531023680873467);
    // est 5.48, se 0.20832666655999655, df 4, 90 %: qt(0.9, 4)·se = 0.31940775222357
    const less = tBounds(5.48, 0.20832666655999655, 4, 0.9, 'less');
    expect(less[0]).toBe(-Infinity);
    close(less[1], 5.7994077522235722);
    const greater = tBounds(5.48, 0.20832666655999655, 4, 0.9, 'greater');
    close(greater[0], 5.1605922477764276);
    expect(greater[1]).toBe(Infinity);
  });
  it('NaN bounds when df ≤ 0 or se is not finite', () => {
    expect(tBounds(1, 1, 0, 0.95, 'two.sided')).toEqual([NaN, NaN]);
    expect(tBounds(1, 1, -1, 0.95, 'less')).toEqual([NaN, NaN]);
    expect(tBounds(1, 1, NaN, 0.95, 'greater')).toEqual([NaN, NaN]);
    expect(tBounds(1, Infinity, 5, 0.95, 'two.sided')).toEqual([NaN, NaN]);
    expect(tBounds(1, NaN, 5, 0.95, 'less')).toEqual([NaN, NaN]);
  });
});

describe('oneSampleCore', () => {
  it('n = 0: noObservations only; n = 1: tooFewObservations with n 1 and min 2; df NaN for both', () => {
    const none = oneSampleCore('f0', new Float64Array(0), 0, 0.95, 'two.sided');
    expect(codes(none)).toEqual(['stats.noObservations']);
    expect(none.warnings[0].params).toEqual({ what: 'f0' });
    expect(none.n).toBe(0);
    expect(none.mean).toBeNaN();
    expect(none.df).toBeNaN();
    const one = oneSampleCore('f1', Float64Array.of(3), 0, 0.95, 'two.sided');
    expect(codes(one)).toEqual(['stats.tooFewObservations']);
    expect(one.warnings[0].params).toEqual({ what: 'f1', n: 1, min: 2 });
    expect(one.mean).toBe(3);
    expect(one.sd).toBeNaN();
    expect(one.se).toBeNaN();
    expect(one.df).toBeNaN();
    expect(one.statistic).toBeNaN();
    expect(one.pValue).toBeNaN();
    expect(one.lower).toBeNaN();
    expect(one.upper).toBeNaN();
  });
  it('n = 2 is enough: [1.5, 2.5] mean 2, sd √½, se ½, t 4 on 1 df, p 0.15595826075473865 (mpmath), no warning', () => {
    const r = oneSampleCore('f2', Float64Array.of(1.5, 2.5), 0, 0.95, 'two.sided');
    expect(r.warnings).toEqual([]);
    expect(r.n).toBe(2);
    expect(r.df).toBe(1);
    expect(r.mean).toBe(2);
    close(r.sd, Math.SQRT1_2);
    expect(r.se).toBe(0.5);
    expect(r.statistic).toBe(4);
    close(r.pValue, 0.15595826075473865);
    close(r.lower, -4.3531023680873467);
    close(r.upper, 8.3531023680873467);
  });
  it('data constant up to rounding (se > 0 but below 10·eps·|mean|) warn as R "essentially constant"', () => {
    // 1e9 and 1e9 + 2 ulps (ulp = 2^-23 at 1e9): se ≈ 7.9e-8 < 10·eps·1e9 ≈ 2.2e-6.
    const u = 2 ** -23;
    const r = oneSampleCore('fc', Float64Array.of(1e9, 1e9, 1e9 + 2 * u), 0, 0.95, 'two.sided');
    expect(r.se).toBeGreaterThan(0);
    expect(codes(r)).toEqual(['stats.zeroVariance']);
    expect(r.warnings[0].params).toEqual({ what: 'fc' });
    expect(r.statistic).toBeNaN();
    expect(r.pValue).toBeNaN();
    expect(r.lower).toBeNaN();
    expect(r.upper).toBeNaN();
    expect(r.df).toBe(2);
    // Exactly constant at 0: se = 0.
    const z = oneSampleCore('fz', Float64Array.of(0, 0, 0), 1, 0.95, 'two.sided');
    expect(z.se).toBe(0);
    expect(codes(z)).toEqual(['stats.zeroVariance']);
    expect(z.statistic).toBeNaN();
  });
});

describe('oneSampleTTest', () => {
  const x = [5.1, 4.9, 5.6, 5.8, 6.0];
  it('two-sided with mu 5: every field (mean 5.48, sd 0.46583258795408455, se 0.20832666655999655, t 2.3040737315391327, p 0.082568296745773804)', () => {
    const r = oneSampleTTest(x, { mu: 5 });
    expect(r.method).toBe('One Sample t-test');
    close(r.estimate, 5.48);
    close(r.sd, 0.46583258795408455);
    close(r.se, 0.20832666655999655);
    close(r.statistic, 2.3040737315391327);
    expect(r.df).toBe(4);
    close(r.pValue, 0.082568296745773804, 1e-11);
    close(r.ci[0], 4.9015924463473246);
    close(r.ci[1], 6.0584075536526751);
    expect(r.mu).toBe(5);
    expect(r.alternative).toBe('two.sided');
    expect(r.confidence).toBe(0.95);
    expect(r.n).toBe(5);
    expect(r.nMissing).toBe(0);
    expect(r.warnings).toEqual([]);
  });
  it("alternative 'less' and 'greater' at 90 %: p 0.9587158516271131 / 0.041284148372886902, one-sided bounds", () => {
    const less = oneSampleTTest(x, { mu: 5, alternative: 'less', confidence: 0.9 });
    close(less.pValue, 0.9587158516271131, 1e-12);
    expect(less.ci[0]).toBe(-Infinity);
    close(less.ci[1], 5.7994077522235722);
    expect(less.alternative).toBe('less');
    expect(less.confidence).toBe(0.9);
    const greater = oneSampleTTest(x, { mu: 5, alternative: 'greater', confidence: 0.9 });
    close(greater.pValue, 0.041284148372886902, 1e-11);
    close(greater.ci[0], 5.1605922477764276);
    expect(greater.ci[1]).toBe(Infinity);
  });
  it('mu 6 at 99 %: t −2.4960798758340615, p 0.067046920296180533, CI 4.5208442629256799 .. 6.4391557370743199; NaN counted', () => {
    const r = oneSampleTTest([NaN, ...x, NaN], { mu: 6, confidence: 0.99 });
    close(r.statistic, -2.4960798758340615);
    close(r.pValue, 0.067046920296180533, 1e-11);
    close(r.ci[0], 4.5208442629256799);
    close(r.ci[1], 6.4391557370743199);
    expect(r.n).toBe(5);
    expect(r.nMissing).toBe(2);
  });
  it('default mu is 0 and the warnings name oneSampleTTest', () => {
    // [1.5, 2.5]: t = 2/0.5 = 4 by hand.
    expect(oneSampleTTest([1.5, 2.5]).statistic).toBe(4);
    const one = oneSampleTTest([3]);
    expect(one.warnings[0].params).toEqual({ what: 'oneSampleTTest', n: 1, min: 2 });
    expect(one.df).toBeNaN();
  });
  it('refusals name oneSampleTTest and the option', () => {
    expect(() => oneSampleTTest([1, 2], { mu: Infinity })).toThrow(/^oneSampleTTest\(values, opts\): opts.mu must be a finite number, got Infinity$/);
    expect(() => oneSampleTTest([1, 2], { alternative: bad('two') })).toThrow(/^oneSampleTTest\(values, opts\): opts.alternative must be 'two.sided', 'less' or 'greater', got two$/);
    expect(() => oneSampleTTest([1, 2], { confidence: 1 })).toThrow(/^oneSampleTTest\(values, opts\): opts.confidence must be a number in \(0, 1\), got 1$/);
    expect(() => oneSampleTTest([1, Infinity])).toThrow(/^oneSampleTTest\(values, opts\)\(values\): element 1 is Infinity/);
  });
});

describe('pairedTTest', () => {
  const a = [10, 12, 9, 14, 7];
  const b = [8, 11, 9, 10, 3];
  it('the one-sample test of a − b = [2, 1, 0, 4, 4]: mean 2.2, sd 1.7888543819998318, se 0.8, t 2.75, p 0.051374430844368057', () => {
    const r = pairedTTest(a, b);
    expect(r.method).toBe('Paired t-test');
    close(r.estimate, 2.2);
    close(r.sd, 1.7888543819998318);
    close(r.se, 0.8);
    close(r.statistic, 2.75);
    expect(r.df).toBe(4);
    close(r.pValue, 0.051374430844368057, 1e-11);
    close(r.ci[0], -0.021156084158234792, 1e-10);
    close(r.ci[1], 4.4211560841582348);
    expect(r.mu).toBe(0);
    expect(r.alternative).toBe('two.sided');
    expect(r.confidence).toBe(0.95);
    expect(r.n).toBe(5);
    expect(r.nMissing).toBe(0);
    expect(r.warnings).toEqual([]);
  });
  it("mu 1, 'greater', 90 %: t 1.5, p 0.104 exactly (t² = 9/4 on 4 df: (1 + 9/16)^-2 … by mpmath 0.104), lower bound 0.97343498075284472", () => {
    const r = pairedTTest(a, b, { mu: 1, alternative: 'greater', confidence: 0.9 });
    close(r.statistic, 1.5);
    close(r.pValue, 0.104, 1e-12);
    close(r.ci[0], 0.97343498075284472);
    expect(r.ci[1]).toBe(Infinity);
    expect(r.mu).toBe(1);
    expect(r.alternative).toBe('greater');
    expect(r.confidence).toBe(0.9);
  });
  it('pairs with a NaN on either side are dropped and counted; warnings name pairedTTest', () => {
    const r = pairedTTest([NaN, ...a, 1], [0, ...b, NaN]);
    expect(r.n).toBe(5);
    expect(r.nMissing).toBe(2);
    close(r.statistic, 2.75);
    const one = pairedTTest([1, NaN], [0, 0]);
    expect(one.warnings[0].params).toEqual({ what: 'pairedTTest', n: 1, min: 2 });
    const constant = pairedTTest([3, 4, 5], [1, 2, 3]);
    expect(codes(constant)).toEqual(['stats.zeroVariance']);
    expect(constant.warnings[0].params).toEqual({ what: 'pairedTTest' });
    expect(constant.estimate).toBe(2);
  });
  it('refusals name pairedTTest and the option', () => {
    expect(() => pairedTTest([1, 2], [1])).toThrow(/^pairedTTest\(a, b, opts\)\(a, b\): lengths differ \(2 and 1\)$/);
    expect(() => pairedTTest([1, 2], [3, 4], { mu: NaN })).toThrow(/^pairedTTest\(a, b, opts\): opts.mu must be a finite number, got NaN$/);
    expect(() => pairedTTest([1, 2], [3, 4], { alternative: bad('up') })).toThrow(/^pairedTTest\(a, b, opts\): opts.alternative must be/);
    expect(() => pairedTTest([1, 2], [3, 4], { confidence: 0 })).toThrow(/^pairedTTest\(a, b, opts\): opts.confidence must be a number in \(0, 1\), got 0$/);
  });
});

describe('meanConfidenceInterval', () => {
  it('[2, 4, 4, 5, 7, NaN] at 95 % and 80 % (mpmath: 2.1444053337009597 .. 6.6555946662990403; 3.1544173347316331 .. 5.6455826652683669)', () => {
    const r = meanConfidenceInterval([2, 4, 4, 5, 7, NaN]);
    close(r.mean, 4.4);
    close(r.sd, 1.816590212458495);
    close(r.se, 0.81240384046359604);
    close(r.lower, 2.1444053337009597);
    close(r.upper, 6.6555946662990403);
    expect(r.n).toBe(5);
    expect(r.nMissing).toBe(1);
    expect(r.df).toBe(4);
    expect(r.confidence).toBe(0.95);
    expect(r.method).toBe('t');
    expect(r.warnings).toEqual([]);
    const r80 = meanConfidenceInterval([2, 4, 4, 5, 7], { confidence: 0.8 });
    close(r80.lower, 3.1544173347316331);
    close(r80.upper, 5.6455826652683669);
    expect(r80.confidence).toBe(0.8);
  });
  it('one value: the value as mean, NaN bounds, tooFewObservations naming meanConfidenceInterval', () => {
    const r = meanConfidenceInterval([7, NaN]);
    expect(r.mean).toBe(7);
    expect(r.lower).toBeNaN();
    expect(r.upper).toBeNaN();
    expect(r.df).toBeNaN();
    expect(r.warnings[0].params).toEqual({ what: 'meanConfidenceInterval', n: 1, min: 2 });
  });
  it('refusals name meanConfidenceInterval', () => {
    expect(() => meanConfidenceInterval([1, 2], { confidence: 1.5 })).toThrow(/^meanConfidenceInterval\(values, opts\): opts.confidence must be a number in \(0, 1\), got 1.5$/);
    expect(() => meanConfidenceInterval([1, -Infinity])).toThrow(/^meanConfidenceInterval\(values, opts\)\(values\): element 1 is -Infinity/);
    expect(() => meanConfidenceInterval(bad('1,2'))).toThrow(TypeError);
  });
});

describe('welchTTest', () => {
  const a = [19.1, 20.3, 21.0, 18.4, 22.2];
  const b = [16.8, 18.0, 17.1, 19.9];
  it('Welch, two-sided: every field (t 2.3176179118107222, df 6.7822580645161309, p 0.054742511148520523)', () => {
    const r = welchTTest(a, b);
    expect(r.method).toBe('Welch Two Sample t-test');
    close(r.statistic, 2.3176179118107222);
    close(r.df, 6.7822580645161309);
    close(r.pValue, 0.054742511148520523, 1e-11);
    close(r.estimate[0], 20.2);
    close(r.estimate[1], 17.95);
    close(r.difference, 2.25);
    close(r.se, 0.97082439194737952);
    close(r.ci[0], -0.06066016256603062, 1e-10);
    close(r.ci[1], 4.5606601625660303);
    close(r.sd[0], 1.5083103128998355);
    close(r.sd[1], 1.396424004376893);
    expect(r.n).toEqual([5, 4]);
    expect(r.nMissing).toBe(0);
    expect(r.mu).toBe(0);
    expect(r.alternative).toBe('two.sided');
    expect(r.confidence).toBe(0.95);
    expect(r.warnings).toEqual([]);
  });
  it("mu 1, 'less' and 'greater' at 90 %: t 1.2875655065615123, p 0.8799559351834027 / 0.1200440648165973", () => {
    const less = welchTTest(a, b, { mu: 1, alternative: 'less', confidence: 0.9 });
    close(less.statistic, 1.2875655065615123);
    close(less.pValue, 0.8799559351834027, 1e-12);
    expect(less.ci[0]).toBe(-Infinity);
    close(less.ci[1], 3.6282265437288382);
    expect(less.mu).toBe(1);
    expect(less.alternative).toBe('less');
    expect(less.confidence).toBe(0.9);
    const greater = welchTTest(a, b, { mu: 1, alternative: 'greater', confidence: 0.9 });
    close(greater.pValue, 0.1200440648165973, 1e-11);
    close(greater.ci[0], 0.87177345627116143);
    expect(greater.ci[1]).toBe(Infinity);
  });
  it('varEqual, mu 0.5, 99 %: pooled se 0.98034250574553173, df 7, t 1.7850904043675616, p 0.11741780444553333', () => {
    const r = welchTTest(a, b, { mu: 0.5, confidence: 0.99, varEqual: true });
    expect(r.method).toBe('Two Sample t-test');
    close(r.se, 0.98034250574553173);
    expect(r.df).toBe(7);
    close(r.statistic, 1.7850904043675616);
    close(r.pValue, 0.11741780444553333, 1e-11);
    close(r.ci[0], -1.1806922245392184);
    close(r.ci[1], 5.6806922245392181);
  });
  it('two values per group (the smallest Welch case): df 1.4705882352941176, p 0.19872738893452614; NaN counted on both sides', () => {
    const r = welchTTest([1, NaN, 2], [NaN, 3, 5, NaN]);
    close(r.df, 1.4705882352941176);
    close(r.statistic, -2.2360679774997897);
    close(r.pValue, 0.19872738893452614, 1e-11);
    close(r.ci[0], -9.418522830071065, 1e-10);
    close(r.ci[1], 4.418522830071065, 1e-10);
    expect(r.n).toEqual([2, 2]);
    expect(r.nMissing).toBe(3);
    expect(r.warnings).toEqual([]);
  });
  it('one value in a group (Welch needs 2 on each side): tooFewObservations with the smaller n, NaN sd for that group', () => {
    for (const [x, y] of [[[5], [1, 2, 3]], [[1, 2, 3], [5]]] as const) {
      const r = welchTTest(x, y);
      expect(codes(r)).toEqual(['stats.tooFewObservations']);
      expect(r.warnings[0].params).toEqual({ what: 'welchTTest', n: 1, min: 2 });
      expect(r.statistic).toBeNaN();
      expect(r.df).toBeNaN();
      expect(r.se).toBeNaN();
      expect(r.pValue).toBeNaN();
      expect(r.ci).toEqual([NaN, NaN]);
    }
    const r = welchTTest([5], [1, 2, 3]);
    expect(r.sd[0]).toBeNaN();
    close(r.sd[1], 1);
    expect(r.difference).toBe(3);
    const empty = welchTTest([], [1, 2, 3]);
    expect(empty.warnings[0].params).toEqual({ what: 'welchTTest', n: 0, min: 2 });
  });
  it('constant groups: zeroVariance; Welch leaves df NaN, the pooled test keeps n_a + n_b − 2', () => {
    const w = welchTTest([3, 3, 3], [4, 4]);
    expect(codes(w)).toEqual(['stats.zeroVariance']);
    expect(w.warnings[0].params).toEqual({ what: 'welchTTest' });
    expect(w.df).toBeNaN();
    expect(w.statistic).toBeNaN();
    expect(w.pValue).toBeNaN();
    expect(w.ci).toEqual([NaN, NaN]);
    expect(w.se).toBe(0);
    expect(w.difference).toBe(-1);
    const s = welchTTest([3, 3, 3], [4, 4], { varEqual: true });
    expect(codes(s)).toEqual(['stats.zeroVariance']);
    expect(s.df).toBe(3);
  });
  it('the essentially-constant rule uses the larger |mean| (R: max(abs(mx), abs(my))): a group at 0 does not hide it', () => {
    // a: 1e9 and 1e9 + 2 ulps (se ≈ 7.9e-8 < 10·eps·1e9 ≈ 2.2e-6), b constant 0.
    const u = 2 ** -23;
    const r = welchTTest([1e9, 1e9, 1e9 + 2 * u], [0, 0, 0]);
    expect(r.se).toBeGreaterThan(0);
    expect(codes(r)).toEqual(['stats.zeroVariance']);
    const r2 = welchTTest([0, 0, 0], [1e9, 1e9, 1e9 + 2 * u]);
    expect(codes(r2)).toEqual(['stats.zeroVariance']);
  });
  it('refusals name welchTTest and the option', () => {
    expect(() => welchTTest([1, 2], [3, 4], { alternative: bad('both') })).toThrow(/^welchTTest\(a, b, opts\): opts.alternative must be 'two.sided', 'less' or 'greater', got both$/);
    expect(() => welchTTest([1, 2], [3, 4], { confidence: 0 })).toThrow(/^welchTTest\(a, b, opts\): opts.confidence must be a number in \(0, 1\), got 0$/);
    expect(() => welchTTest([1, 2], [3, -Infinity])).toThrow(/^welchTTest\(a, b, opts\)\(b\): element 1 is -Infinity/);
    expect(() => welchTTest([1, 2], [3, 4], { mu: bad('1') })).toThrow(/^welchTTest\(a, b, opts\): opts.mu must be a finite number, got 1$/);
  });
});

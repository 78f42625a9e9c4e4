// mannWhitneyTest pinned field by field (issue 18): the exact null distribution of W for every
// attainable W, the default exact/normal switch at n = 50, the normal approximation's z with its
// tie and continuity corrections, the warnings (and their absence), empty samples, option errors.
// References: scipy 1.17 (`scipy.stats.mannwhitneyu`, the call beside each value), R 4.2 where
// noted, or the hand computation written beside the value.
import { renderMessage } from '@satlab/messages';
import { describe, expect, it } from 'vitest';
import { codes, near } from './pins-helpers.js';
import { mannWhitneyTest } from '@satlab/stats';

const close = near(1e-9);

/** All m-subsets of {1..N}. */
function subsets(N: number, m: number): number[][] {
  const out: number[][] = [];
  const rec = (start: number, acc: number[]): void => {
    if (acc.length === m) {
      out.push(acc.slice());
      return;
    }
    for (let v = start; v <= N; v++) {
      acc.push(v);
      rec(v + 1, acc);
      acc.pop();
    }
  };
  rec(1, []);
  return out;
}

/**
 * Checks every split of the ranks 1..m+n into a (size m) and b against the null distribution
 * `counts` (number of m-subsets with W = w, w = 0 … mn), counted by hand / by enumeration in Python:
 * `Counter(sum(s) - m(m+1)/2 for s in combinations(range(1, m+n+1), m))`. R's p-values:
 * less P(W ≤ w), greater P(W ≥ w), two-sided min(1, 2·(W > mn/2 ? P(W ≥ w) : P(W ≤ w))).
 */
function checkAllSplits(m: number, n: number, counts: number[]): void {
  const total = counts.reduce((s, c) => s + c, 0);
  const le = (w: number): number => counts.slice(0, w + 1).reduce((s, c) => s + c, 0) / total;
  const ge = (w: number): number => counts.slice(w).reduce((s, c) => s + c, 0) / total;
  const seen = new Set<number>();
  for (const s of subsets(m + n, m)) {
    const a = s.map((v) => v * 1.5); // ranks kept, values not the ranks themselves
    const b: number[] = [];
    for (let v = 1; v <= m + n; v++) if (!s.includes(v)) b.push(v * 1.5);
    const W = s.reduce((acc, v) => acc + v, 0) - (m * (m + 1)) / 2;
    seen.add(W);
    const two = mannWhitneyTest(a, b);
    const less = mannWhitneyTest(a, b, { alternative: 'less' });
    const greater = mannWhitneyTest(a, b, { alternative: 'greater' });
    expect(two.statistic).toBe(W);
    expect(two.exact).toBe(true);
    expect(two.method).toBe('Wilcoxon rank sum exact test');
    expect(two.z).toBeNaN();
    close(two.probabilityOfSuperiority, W / (m * n));
    close(less.pValue, le(W));
    close(greater.pValue, ge(W));
    close(two.pValue, Math.min(1, 2 * (W > (m * n) / 2 ? ge(W) : le(W))));
    expect(two.warnings).toEqual([]);
  }
  expect(seen.size).toBe(m * n + 1);
}

describe('exact null distribution of W, every attainable W', () => {
  it('m = 3, n = 4: counts 1 1 2 3 4 4 5 4 4 3 2 1 1 (35 splits)', () => {
    checkAllSplits(3, 4, [1, 1, 2, 3, 4, 4, 5, 4, 4, 3, 2, 1, 1]);
  });
  it('m = 2, n = 5 and m = 5, n = 2: counts 1 1 2 2 3 3 3 2 2 1 1 (21 splits)', () => {
    checkAllSplits(2, 5, [1, 1, 2, 2, 3, 3, 3, 2, 2, 1, 1]);
    checkAllSplits(5, 2, [1, 1, 2, 2, 3, 3, 3, 2, 2, 1, 1]);
  });
  it('m = 1, n = 3 and m = 3, n = 1: W uniform on 0..3', () => {
    checkAllSplits(1, 3, [1, 1, 1, 1]);
    checkAllSplits(3, 1, [1, 1, 1, 1]);
  });
  it('scipy: mannwhitneyu([1.1, 4.2, 6.3, 8.5, 9.9, 12.0], [2.5, 3.1, 5.0, 7.7, 10.4, 11.1, 13.2, 14.6], method="exact")', () => {
    const a = [1.1, 4.2, 6.3, 8.5, 9.9, 12.0];
    const b = [2.5, 3.1, 5.0, 7.7, 10.4, 11.1, 13.2, 14.6];
    const r = mannWhitneyTest(a, b);
    expect(r.statistic).toBe(19); // scipy U1 = 19.0
    close(r.pValue, 0.5727605727605728); // scipy two-sided
    close(mannWhitneyTest(a, b, { alternative: 'less' }).pValue, 0.2863802863802864); // scipy alternative='less'
    close(mannWhitneyTest(a, b, { alternative: 'greater' }).pValue, 0.7545787545787546); // scipy alternative='greater'
    // hand: 19 / 48
    close(r.probabilityOfSuperiority, 19 / 48);
    expect(r.n).toEqual([6, 8]);
    expect(r.nMissing).toBe(0);
    expect(r.mu).toBe(0);
    expect(r.alternative).toBe('two.sided');
    expect([r.estimate, r.ci, r.confLevel]).toEqual([null, null, null]);
  });
});

describe('default exact/normal switch: exact while n_a < 50 and n_b < 50', () => {
  const upTo = (k: number): number[] => Array.from({ length: k }, (_, i) => i + 1);
  it('n_a = 49, n_b = 1: exact (scipy mannwhitneyu(1..49, [10.5], method="exact"): U = 39, p = 0.44 = 2·11/50)', () => {
    const r = mannWhitneyTest(upTo(49), [10.5]);
    expect(r.exact).toBe(true);
    expect(r.method).toBe('Wilcoxon rank sum exact test');
    expect(r.statistic).toBe(39);
    close(r.pValue, 0.44);
    const s = mannWhitneyTest([10.5], upTo(49));
    expect(s.exact).toBe(true);
    expect(s.statistic).toBe(10);
    close(s.pValue, 0.44);
  });
  it('n_a = 50 or n_b = 50: normal approximation with continuity correction (scipy method="asymptotic": p = 0.3245842756703249)', () => {
    const r = mannWhitneyTest(upTo(50), [10.5]);
    expect(r.exact).toBe(false);
    expect(r.method).toBe('Wilcoxon rank sum test with continuity correction');
    expect(r.statistic).toBe(40);
    close(r.pValue, 0.3245842756703249);
    // hand: z = (40 − 25 − 0.5)/√(50·1/12·52) = 14.5/14.719601443879746
    close(r.z, 0.9850810197057982);
    const s = mannWhitneyTest([10.5], upTo(50));
    expect(s.exact).toBe(false);
    expect(s.statistic).toBe(10);
    close(s.pValue, 0.3245842756703249);
    close(s.z, -0.9850810197057982);
    expect(r.warnings).toEqual([]);
  });
  it('opts.exact: true forces the exact test at n = 50 (scipy method="exact": p = 0.43137254901960775 = 22/51)', () => {
    const r = mannWhitneyTest(upTo(50), [10.5], { exact: true });
    expect(r.exact).toBe(true);
    close(r.pValue, 22 / 51);
    expect(r.z).toBeNaN();
  });
  it('opts.exact: false and correct: false (scipy use_continuity=False: p = 0.3081795474670541, z = 15/14.719601443879746)', () => {
    const r = mannWhitneyTest(upTo(50), [10.5], { exact: false, correct: false });
    expect(r.method).toBe('Wilcoxon rank sum test');
    close(r.pValue, 0.3081795474670541);
    close(r.z, 1.019049330730136);
  });
});

describe('normal approximation: z with the tie-corrected variance and R’s continuity correction', () => {
  it('no ties, exact: false: a = [1.1 … 12], b = [2.5 … 14.6], W = 19, σ = √(6·8/12·15)', () => {
    const a = [1.1, 4.2, 6.3, 8.5, 9.9, 12.0];
    const b = [2.5, 3.1, 5.0, 7.7, 10.4, 11.1, 13.2, 14.6];
    const cases: [('two.sided' | 'less' | 'greater'), boolean, number, number][] = [
      // scipy mannwhitneyu(a, b, method='asymptotic', use_continuity=…, alternative=…); z by hand (W − 24 ∓ 0.5)/√60
      ['two.sided', true, 0.5612758361345778, -0.5809475019311126],
      ['less', true, 0.2806379180672889, -0.5809475019311126],
      ['greater', true, 0.7611624880070482, -0.710046946804693],
      ['two.sided', false, 0.5186050164287256, -0.6454972243679028],
      ['less', false, 0.2593025082143628, -0.6454972243679028],
      ['greater', false, 0.7406974917856373, -0.6454972243679028],
    ];
    for (const [alternative, correct, p, z] of cases) {
      const r = mannWhitneyTest(a, b, { exact: false, correct, alternative });
      expect(r.statistic).toBe(19);
      close(r.pValue, p);
      close(r.z, z);
      expect(r.exact).toBe(false);
      expect(r.warnings).toEqual([]);
    }
  });
  it('ties: a = [1,2,2,3,5,8], b = [2,3,4,4,6,7,9]: W = 12.5, Σ(t³ − t) = 24 + 6 + 6, σ = 6.942067969438767', () => {
    const a = [1, 2, 2, 3, 5, 8];
    const b = [2, 3, 4, 4, 6, 7, 9];
    const cases: [('two.sided' | 'less' | 'greater'), boolean, number, number][] = [
      // scipy mannwhitneyu(a, b, method='asymptotic', use_continuity=…, alternative=…); z by hand d/σ, d = W − 21 ∓ 0.5
      ['two.sided', true, 0.24915905606273037, -1.1523943636418705],
      ['less', true, 0.12457952803136518, -1.1523943636418705],
      ['greater', true, 0.9025886605900214, -1.2964436590971042],
      ['two.sided', false, 0.22079420110880033, -1.2244190113694873],
      ['less', false, 0.11039710055440016, -1.2244190113694873],
      ['greater', false, 0.8896028994455998, -1.2244190113694873],
    ];
    for (const [alternative, correct, p, z] of cases) {
      const r = mannWhitneyTest(a, b, { correct, alternative });
      expect(r.statistic).toBe(12.5);
      close(r.pValue, p);
      close(r.z, z);
      close(r.probabilityOfSuperiority, 12.5 / 42);
      expect(r.exact).toBe(false);
      expect(codes(r)).toEqual(['stats.tiesNoExact']);
      expect(r.warnings[0].params).toEqual({ what: 'mannWhitneyTest' });
      expect(renderMessage(r.warnings[0], 'en')).toBe('mannWhitneyTest: ties present, exact p-value not available; normal approximation used');
    }
  });
  it('ties with exact: false asked: no ties warning', () => {
    const r = mannWhitneyTest([1, 2, 2, 3, 5, 8], [2, 3, 4, 4, 6, 7, 9], { exact: false });
    expect(r.warnings).toEqual([]);
    close(r.pValue, 0.24915905606273037);
  });
  it('mu shifts a: a − 0.7 = [1,2,2,3,5,8] gives the same test (scipy p = 0.24915905606273037)', () => {
    const r = mannWhitneyTest([1.7, 2.7, 2.7, 3.7, 5.7, 8.7], [2, 3, 4, 4, 6, 7, 9], { mu: 0.7 });
    expect(r.mu).toBe(0.7);
    expect(r.statistic).toBe(12.5);
    close(r.pValue, 0.24915905606273037);
  });
  it('W = mn/2 exactly: no continuity correction two-sided (sign 0), z = 0, p = 1; one-sided ∓½ (hand, σ = √3.75)', () => {
    // a = [1,2,3], b = [2,2,2]: ranks 1, 3.5, 6 → R_a = 10.5, W = 4.5 = 9/2; one tie group of 4: σ² = 9/12·(7 − 60/30) = 3.75
    const r = mannWhitneyTest([1, 2, 3], [2, 2, 2]);
    expect(r.statistic).toBe(4.5);
    expect(r.z).toBe(0);
    expect(r.pValue).toBe(1);
    expect(r.probabilityOfSuperiority).toBe(0.5);
    const g = mannWhitneyTest([1, 2, 3], [2, 2, 2], { alternative: 'greater' });
    close(g.z, -0.2581988897471611); // −0.5/√3.75
    close(g.pValue, 0.6018732926311804); // scipy norm.sf(-0.5/sqrt(3.75))
    const l = mannWhitneyTest([1, 2, 3], [2, 2, 2], { alternative: 'less' });
    close(l.z, 0.2581988897471611);
    close(l.pValue, 0.6018732926311804); // norm.cdf(0.5/sqrt(3.75))
    const u = mannWhitneyTest([1, 2, 3], [2, 2, 2], { correct: false, alternative: 'greater' });
    expect(u.z).toBe(0);
    expect(u.pValue).toBe(0.5);
  });
});

describe('zero variance, empty samples, missing values', () => {
  it('all values equal: tiesNoExact then zeroVariance, z and p NaN, W = mn/2, no interval even with confInt', () => {
    const r = mannWhitneyTest([3, 3], [3, 3, 3], { confInt: true });
    expect(codes(r)).toEqual(['stats.tiesNoExact', 'stats.zeroVariance']);
    expect(r.warnings[1].params).toEqual({ what: 'mannWhitneyTest' });
    expect(r.statistic).toBe(3);
    expect(r.z).toBeNaN();
    expect(r.pValue).toBeNaN();
    expect(r.probabilityOfSuperiority).toBe(0.5);
    expect([r.estimate, r.ci, r.confLevel]).toEqual([null, null, null]);
    const q = mannWhitneyTest([3, 3], [3, 3, 3], { exact: false });
    expect(codes(q)).toEqual(['stats.zeroVariance']);
  });
  it('an empty sample: tooFewObservations with the smaller n and min 1, every statistic NaN', () => {
    const r = mannWhitneyTest([NaN], [1, 2, NaN], { confInt: true, mu: 2, alternative: 'less' });
    expect(codes(r)).toEqual(['stats.tooFewObservations']);
    expect(r.warnings[0].params).toEqual({ what: 'mannWhitneyTest', n: 0, min: 1 });
    expect(r.method).toBe('Wilcoxon rank sum test');
    expect(r.exact).toBe(false);
    expect(r.n).toEqual([0, 2]);
    expect(r.nMissing).toBe(2);
    expect(r.mu).toBe(2);
    expect(r.alternative).toBe('less');
    for (const v of [r.statistic, r.pValue, r.z, r.probabilityOfSuperiority]) expect(v).toBeNaN();
    expect([r.estimate, r.ci, r.confLevel]).toEqual([null, null, null]);
    const s = mannWhitneyTest([1, 2, 3], []);
    expect(s.warnings[0].params).toEqual({ what: 'mannWhitneyTest', n: 0, min: 1 });
    expect(s.n).toEqual([3, 0]);
    expect(s.statistic).toBeNaN();
  });
  it('one value each: exact, W ∈ {0, 1}, two-sided p = 1 (min(1, 2·½))', () => {
    const r = mannWhitneyTest([2], [1]);
    expect(r.statistic).toBe(1);
    expect(r.pValue).toBe(1);
    expect(mannWhitneyTest([2], [1], { alternative: 'greater' }).pValue).toBe(0.5);
    expect(mannWhitneyTest([2], [1], { alternative: 'less' }).pValue).toBe(1);
  });
  it('NaN values are dropped and counted in nMissing (a Float64Array is accepted)', () => {
    const r = mannWhitneyTest(new Float64Array([1.1, NaN, 4.2, 6.3, 8.5, 9.9, 12.0]), [NaN, 2.5, 3.1, 5.0, 7.7, 10.4, 11.1, 13.2, 14.6, NaN]);
    expect(r.n).toEqual([6, 8]);
    expect(r.nMissing).toBe(3);
    expect(r.statistic).toBe(19);
    close(r.pValue, 0.5727605727605728); // as without the NaN (scipy exact)
  });
});

describe('argument errors name the function and the option', () => {
  const fn = 'mannWhitneyTest\\(a, b, opts\\)';
  it('samples', () => {
    expect(() => mannWhitneyTest('x' as unknown as number[], [1])).toThrow(TypeError);
    expect(() => mannWhitneyTest('x' as unknown as number[], [1])).toThrow(new RegExp(`^${fn}\\(a\\): expected a Float64Array or an array of numbers, got string$`));
    expect(() => mannWhitneyTest([1], { length: 1, 0: 1 } as unknown as number[])).toThrow(new RegExp(`^${fn}\\(b\\): expected a Float64Array or an array of numbers, got object$`));
    expect(() => mannWhitneyTest([1], [2, 'x' as unknown as number])).toThrow(new RegExp(`^${fn}\\(b\\): element 1 is not a number \\(x\\); use NaN for missing$`));
    expect(() => mannWhitneyTest([1], [2, 'x' as unknown as number])).toThrow(TypeError);
    expect(() => mannWhitneyTest([1, -Infinity], [2])).toThrow(RangeError);
    expect(() => mannWhitneyTest([1, -Infinity], [2])).toThrow(new RegExp(`^${fn}\\(a\\): element 1 is -Infinity; values must be finite \\(NaN for missing\\)$`));
    expect(() => mannWhitneyTest([1], [Infinity])).toThrow(/\(b\): element 0 is Infinity;/);
  });
  it('options', () => {
    expect(() => mannWhitneyTest([1], [2], { alternative: 'both' as 'less' })).toThrow(RangeError);
    expect(() => mannWhitneyTest([1], [2], { alternative: 'both' as 'less' })).toThrow(new RegExp(`^${fn}: opts.alternative must be 'two.sided', 'less' or 'greater', got both$`));
    expect(() => mannWhitneyTest([1], [2], { mu: Infinity })).toThrow(TypeError);
    expect(() => mannWhitneyTest([1], [2], { mu: Infinity })).toThrow(new RegExp(`^${fn}: opts.mu must be a finite number, got Infinity$`));
    expect(() => mannWhitneyTest([1], [2], { mu: '1' as unknown as number })).toThrow(new RegExp(`^${fn}: opts.mu must be a finite number, got 1$`));
    expect(() => mannWhitneyTest([1], [2], { correct: 'yes' as unknown as boolean })).toThrow(TypeError);
    expect(() => mannWhitneyTest([1], [2], { correct: 'yes' as unknown as boolean })).toThrow(new RegExp(`^${fn}: opts.correct must be a boolean, got yes$`));
    expect(() => mannWhitneyTest([1], [2], { exact: 1 as unknown as boolean })).toThrow(TypeError);
    expect(() => mannWhitneyTest([1], [2], { exact: 1 as unknown as boolean })).toThrow(new RegExp(`^${fn}: opts.exact must be a boolean, got 1$`));
    expect(() => mannWhitneyTest([1], [2], { confInt: 1 as unknown as boolean })).toThrow(TypeError);
    expect(() => mannWhitneyTest([1], [2], { confInt: 1 as unknown as boolean })).toThrow(new RegExp(`^${fn}: opts.confInt must be a boolean, got 1$`));
    for (const c of [0, 1, NaN, -0.5, 1.5]) {
      expect(() => mannWhitneyTest([1], [2], { confLevel: c })).toThrow(RangeError);
      expect(() => mannWhitneyTest([1], [2], { confLevel: c })).toThrow(new RegExp(`^${fn}: opts.confLevel must be in \\(0, 1\\), got ${c}$`));
    }
    // valid extremes pass
    expect(mannWhitneyTest([1], [2], { confLevel: 0.999, mu: 0, correct: false, exact: false, confInt: false }).n).toEqual([1, 1]);
  });
});

// Exact-case Hodges–Lehmann: R's wilcox.test(a, b, conf.int = TRUE, …) exact branch, written out in
// Python from R's source (qwilcox by enumeration, p − 10·DBL_EPSILON, qu = 0 → 1); every estimate
// and bound below checked with R 4.2.2 wilcox.test(a, b, conf.int = TRUE, alternative, conf.level).
describe('exact Hodges–Lehmann estimate and interval', () => {
  const a3 = [1.3, 4.1, 7.9];
  const b5 = [0.2, 2.8, 3.3, 6.4, 9.5];
  const a4 = [1.3, 4.1, 7.9, 8.8];
  const b4 = [0.2, 2.8, 3.3, 6.4];
  type Alt = 'two.sided' | 'less' | 'greater';
  const cases: [number[], number[], Alt, number, number, number, number][] = [
    // a, b, alternative, confLevel, estimate, lower, upper
    [a3, b5, 'two.sided', 0.95, 0.8, -8.2, 7.7],
    [a3, b5, 'two.sided', 0.9, 0.8, -5.4, 5.1],
    [a3, b5, 'two.sided', 0.8, 0.8, -5.1, 4.6],
    [a3, b5, 'greater', 0.95, 0.8, -5.4, Infinity],
    [a3, b5, 'greater', 0.8, 0.8, -2, Infinity],
    [a3, b5, 'less', 0.9, 0.8, -Infinity, 4.6],
    [a3, b5, 'less', 0.8, 0.8, -Infinity, 1.5],
    [a4, b4, 'two.sided', 0.95, 1.95, -5.1, 8.6],
    [a4, b4, 'two.sided', 0.9, 1.95, -2.3, 7.7],
    [a4, b4, 'greater', 0.8, 1.95, 0.8, Infinity],
    [a4, b4, 'less', 0.95, 1.95, -Infinity, 7.7],
    [a4, b4, 'less', 0.8, 1.95, -Infinity, 5.1],
  ];
  it('m·n odd (15) and even (16): median of the differences, order statistics at qwilcox', () => {
    for (const [a, b, alternative, confLevel, est, lo, hi] of cases) {
      const r = mannWhitneyTest(a, b, { confInt: true, confLevel, alternative });
      expect(r.exact).toBe(true);
      close(r.estimate!, est, 1e-12);
      if (Number.isFinite(lo)) close(r.ci![0], lo, 1e-12);
      else expect(r.ci![0]).toBe(lo);
      if (Number.isFinite(hi)) close(r.ci![1], hi, 1e-12);
      else expect(r.ci![1]).toBe(hi);
      expect(r.confLevel).toBe(confLevel);
      expect(r.warnings).toEqual([]);
    }
  });
  it('P(W ≤ q) equal to α (3 vs 3, 1/20 and 2/20): R’s 10·DBL_EPSILON keeps q at the boundary, no warning', () => {
    const a = [1.0, 2.5, 3.1];
    const b = [0.3, 4.0, 2.2];
    // differences sorted: −3, −1.5, −1.2, −0.9, 0.3, 0.7, 0.9, 2.2, 2.8 → median 0.3
    const g = mannWhitneyTest(a, b, { confInt: true, confLevel: 0.9, alternative: 'greater' });
    close(g.estimate!, 0.3, 1e-12);
    expect(g.ci).toEqual([1.0 - 4.0, Infinity]); // qu = 1
    expect(g.confLevel).toBe(0.9);
    expect(g.warnings).toEqual([]);
    const l = mannWhitneyTest(a, b, { confInt: true, confLevel: 0.9, alternative: 'less' });
    expect(l.ci).toEqual([-Infinity, 3.1 - 0.3]); // d[9 − 1]
    expect(l.warnings).toEqual([]);
    const t = mannWhitneyTest(a, b, { confInt: true, confLevel: 0.8 });
    expect(t.ci).toEqual([1.0 - 4.0, 3.1 - 0.3]); // qu = 1 (P(W ≤ 1) = 0.1 = α/2)
    expect(t.confLevel).toBe(0.8);
    expect(t.warnings).toEqual([]);
  });
  it('2 vs 2: qwilcox gives 0, taken as 1; the level cannot be reached: warning (R 4.2.2 wilcox.test agrees on the interval)', () => {
    // R: wilcox.test(c(1, 2.5), c(0.3, 4), conf.int = TRUE) → −0.4 [−3, 2.2]; R's conf.level is then
    // 1 − achieved.alpha = 1 − 1/3 = 0.6666667 (two-sample branch; signif(·, 2) is the one-sample rule).
    const r = mannWhitneyTest([1.0, 2.5], [0.3, 4.0], { confInt: true });
    close(r.estimate!, -0.4, 1e-12); // differences −3, −1.5, 0.7, 2.2 → (−1.5 + 0.7)/2
    expect(r.ci).toEqual([1.0 - 4.0, 2.5 - 0.3]);
    // R's two-sample branch: conf.level <- 1 - achieved.alpha = 0.666666666666667
    expect(Math.abs(r.confLevel! - (1 - 1 / 3))).toBeLessThan(1e-15);
    expect(codes(r)).toEqual(['stats.confLevelNotReached']);
    expect(r.warnings[0].params.requested).toBe(0.95);
    expect(r.warnings[0].params.achieved).toBe(r.confLevel);
    // R: wilcox.test(c(1, 2.5), c(0.3, 4), conf.int = TRUE, alternative = "greater", conf.level = 0.9) → [−3, Inf]
    // α = 0.1 < P(W = 0) = 1/6: qu = 1, achieved 1/6, 1/6 − 0.1 > 0.05 → warning
    const g = mannWhitneyTest([1.0, 2.5], [0.3, 4.0], { confInt: true, alternative: 'greater', confLevel: 0.9 });
    expect(g.ci).toEqual([1.0 - 4.0, Infinity]);
    expect(Math.abs(g.confLevel! - (1 - 1 / 6))).toBeLessThan(1e-15); // R 0.833333333333333
    expect(codes(g)).toEqual(['stats.confLevelNotReached']);
  });
});

// Normal-approximation Hodges–Lehmann (ties): R's wilcox.test finds each bound with uniroot (tol 1e-4),
// satlab at the jump of the step score exactly. Exact values from a brute-force Python scan of the
// score (R's W(d) − zq: average ranks of c(a − d, b), tie-corrected σ, continuity ±½ as R's
// CORRECTION.CI) over every difference and every midpoint between consecutive differences; each
// checked with R 4.2.2 (printed value beside it, within 1e-4).
describe('Hodges–Lehmann with ties: the root of the score, exactly', () => {
  const a = [1, 2, 2, 3, 5, 8];
  const b = [2, 3, 4, 4, 6, 7, 9];
  it('two-sided, 95 %: [−5, 2] (R −4.999949592, 1.999996291); estimate −1.5, the middle of (−2, −1) where the score is 0 (R −1.46260558)', () => {
    const r = mannWhitneyTest(a, b, { confInt: true });
    expect(r.ci).toEqual([-5, 2]);
    expect(r.estimate).toBe(-1.5);
    expect(r.confLevel).toBe(0.95);
    expect(r.exact).toBe(false);
    expect(codes(r)).toEqual(['stats.tiesNoExact', 'stats.hodgesLehmannTies']);
    expect(renderMessage(r.warnings[1], 'en')).toMatch(/^ties or zeros present: the Hodges–Lehmann interval uses the normal approximation/);
  });
  it('two-sided 90 % without correction: [−4, 1] (R −4.000011975, 0.9999625003), estimate −1.5', () => {
    const r = mannWhitneyTest(a, b, { confInt: true, confLevel: 0.9, correct: false });
    expect(r.ci).toEqual([-4, 1]);
    expect(r.estimate).toBe(-1.5);
    expect(r.confLevel).toBe(0.9);
  });
  it('the estimate ignores the continuity correction, as R (correct <- FALSE before uniroot(W, zq = 0)): −1.5 for every alternative and level (R −1.46260558 each time, inside (−2, −1))', () => {
    // R: wilcox.test(a, b, conf.int = TRUE, alternative = al, conf.level = cl)$estimate for al in
    // greater/less/two.sided and cl in 0.8/0.9: −1.46260558 in all six cases.
    for (const alternative of ['greater', 'less', 'two.sided'] as const) {
      for (const confLevel of [0.8, 0.9]) {
        expect(mannWhitneyTest(a, b, { confInt: true, alternative, confLevel }).estimate).toBe(-1.5);
      }
    }
  });
  it('one-sided bounds: greater 90 % −4 (R −3.999920766), less 80 % −1 (R −0.9999979636), less 90 % uncorrected 0 (R 2.3e-5), greater 95 % uncorrected −4 (R −4.000011975)', () => {
    expect(mannWhitneyTest(a, b, { confInt: true, alternative: 'greater', confLevel: 0.9 }).ci).toEqual([-4, Infinity]);
    expect(mannWhitneyTest(a, b, { confInt: true, alternative: 'less', confLevel: 0.8 }).ci).toEqual([-Infinity, -1]);
    const l = mannWhitneyTest(a, b, { confInt: true, alternative: 'less', confLevel: 0.9, correct: false });
    expect(l.ci).toEqual([-Infinity, 0]);
    expect(l.estimate).toBe(-1.5);
    const g = mannWhitneyTest(a, b, { confInt: true, alternative: 'greater', correct: false });
    expect(g.ci).toEqual([-4, Infinity]);
    expect(g.estimate).toBe(-1.5);
    expect(g.confLevel).toBe(0.95);
  });
  it('tiny tied samples: the bounds stop at min(a) − max(b) and max(a) − min(b), as R (R: [−2, 0], estimate −1.000004691)', () => {
    const r = mannWhitneyTest([1, 2], [2, 3, 3], { confInt: true });
    expect(r.ci).toEqual([-2, 0]);
    expect(r.estimate).toBe(-1);
    // R conf.level = 0.5: [−2, −0.9999146872]; greater 80 %: [−2, Inf]; less 80 %: [−Inf, −0.9999966705]
    expect(mannWhitneyTest([1, 2], [2, 3, 3], { confInt: true, confLevel: 0.5 }).ci).toEqual([-2, -1]);
    expect(mannWhitneyTest([1, 2], [2, 3, 3], { confInt: true, alternative: 'greater', confLevel: 0.8 }).ci).toEqual([-2, Infinity]);
    expect(mannWhitneyTest([1, 2], [2, 3, 3], { confInt: true, alternative: 'less', confLevel: 0.8 }).ci).toEqual([-Infinity, -1]);
  });
  it('bounds sensitive to the −½ correction of "less" and to the tie term of σ (Python scan; R 4.2.2 within 1e-4)', () => {
    // R: wilcox.test(c(4,1,2,4), c(3,5,4,0,4,0,6), conf.int = TRUE, alternative = "less", conf.level = 0.8) → [−Inf, 0.9999961809]
    // (with +½ instead of −½ the scan gives 0)
    expect(mannWhitneyTest([4, 1, 2, 4], [3, 5, 4, 0, 4, 0, 6], { confInt: true, alternative: 'less', confLevel: 0.8 }).ci).toEqual([-Infinity, 1]);
    // R: wilcox.test(c(2,1,5,0,6), c(2,2,2,1,6,3,3), conf.int = TRUE) → [−2.000051136, 3.000008936]
    // (σ with + Σ(t³ − t)/(N(N − 1)) instead of − gives a lower bound of −3)
    expect(mannWhitneyTest([2, 1, 5, 0, 6], [2, 2, 2, 1, 6, 3, 3], { confInt: true }).ci).toEqual([-2, 3]);
    // R: wilcox.test(c(6,5,1,1,5,0), c(1,5,1), conf.int = TRUE) → [−4.000036189, 5]
    // (σ with N(N + 1) in the tie term gives −5)
    expect(mannWhitneyTest([6, 5, 1, 1, 5, 0], [1, 5, 1], { confInt: true }).ci).toEqual([-4, 5]);
  });
  it('no ties but exact: false: normal-approximation interval without the ties warning', () => {
    const r = mannWhitneyTest([1.1, 4.2, 6.3, 8.5, 9.9, 12.0], [2.5, 3.1, 5.0, 7.7, 10.4, 11.1, 13.2, 14.6], { confInt: true, exact: false });
    expect(r.warnings).toEqual([]);
    // Python scan: the differences 1.1 − 2.5 = −1.4 (estimate), 4.2 − 11.1 = −6.9 and 12 − 7.7 = 4.3 (bounds);
    // R: −1.39994772630 [−6.89999219985, 4.30002081843]
    close(r.estimate!, -1.4, 1e-12);
    close(r.ci![0], -6.9, 1e-12);
    close(r.ci![1], 4.3, 1e-12);
    expect(r.confLevel).toBe(0.95);
  });
});

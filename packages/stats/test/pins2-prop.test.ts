// Pinning tests for the proportion procedures (issue 18, third round): clopperPearsonInterval,
// the count checks of internal/proportion.ts, twoProportionTest (Yates, one-sided intervals and
// their clipping), columnProportionTests (every option, the letters, warnings and wording).
// Reference values: mpmath 1.3 at 40 digits (python3) from the formulas of R's binom.test and
// prop.test written beside each case, or hand computations. R 4.2.2's prop.test and binom.test,
// run afterwards on the quoted cases, agree to ≤ 1e-12 relative (R prints X-squared 5.9e-34
// for the exact 0 of prop.test(c(5, 5), c(10, 11)); its p-value is 1).
import { describe, expect, it } from 'vitest';
import { codes } from './pins-helpers.js';
import { clopperPearsonInterval, columnProportionTests, twoProportionTest, wilsonInterval } from '@satlab/stats';
import { checkCount } from '../src/internal/proportion.js';

const close = (got: number, want: number, rel = 1e-12): void => {
  expect(Math.abs(got - want)).toBeLessThanOrEqual(rel * Math.max(1e-300, Math.abs(want)));
};
const bad = (x: unknown): never => x as never;

describe('checkCount', () => {
  it('returns the counts as given, non-integers included, and accepts successes = n and n = 0', () => {
    expect(checkCount('f', 3, 10)).toEqual({ x: 3, n: 10 });
    expect(checkCount('f', 2.5, 7.5)).toEqual({ x: 2.5, n: 7.5 });
    expect(checkCount('f', 10, 10)).toEqual({ x: 10, n: 10 });
    expect(checkCount('f', 0, 0)).toEqual({ x: 0, n: 0 });
  });
  it('refuses n that is negative, not finite or not a number, naming the function', () => {
    expect(() => checkCount('g(x)', 0, -1)).toThrow(/^g\(x\): n must be a finite number ≥ 0, got -1$/);
    expect(() => checkCount('g(x)', 0, Infinity)).toThrow(/^g\(x\): n must be a finite number ≥ 0, got Infinity$/);
    expect(() => checkCount('g(x)', 0, NaN)).toThrow(/^g\(x\): n must be a finite number ≥ 0, got NaN$/);
    expect(() => checkCount('g(x)', 0, '5')).toThrow(/^g\(x\): n must be a finite number ≥ 0, got 5$/);
    expect(() => checkCount('g(x)', 0, -1)).toThrow(RangeError);
  });
  it('refuses successes outside [0, n], not finite or not a number', () => {
    expect(() => checkCount('g(x)', 11, 10)).toThrow(/^g\(x\): successes must be a finite number in \[0, n = 10\], got 11$/);
    expect(() => checkCount('g(x)', -1, 10)).toThrow(/^g\(x\): successes must be a finite number in \[0, n = 10\], got -1$/);
    expect(() => checkCount('g(x)', NaN, 10)).toThrow(/got NaN$/);
    expect(() => checkCount('g(x)', Infinity, Infinity)).toThrow(/n must be a finite number/);
    expect(() => checkCount('g(x)', '3', 10)).toThrow(/^g\(x\): successes must be a finite number in \[0, n = 10\], got 3$/);
    expect(() => checkCount('g(x)', 10.5, 10)).toThrow(RangeError);
  });
});

describe('clopperPearsonInterval', () => {
  // lower = qbeta(α/2, x, n − x + 1), upper = qbeta(1 − α/2, x + 1, n − x) (R binom.test), mpmath bisection on betainc.
  it('15 of 40: 0.22726272248182593 .. 0.54198524776738903, every field', () => {
    const r = clopperPearsonInterval(15, 40);
    expect(r.estimate).toBe(0.375);
    close(r.lower, 0.22726272248182593);
    close(r.upper, 0.54198524776738903);
    expect(r.successes).toBe(15);
    expect(r.n).toBe(40);
    expect(r.confidence).toBe(0.95);
    expect(r.method).toBe('Clopper-Pearson');
    expect(r.warnings).toEqual([]);
  });
  it('90 % and non-integer counts are used as given', () => {
    const r = clopperPearsonInterval(3, 20, { confidence: 0.9 });
    close(r.lower, 0.042169407885778584);
    close(r.upper, 0.34366380431428184);
    expect(r.confidence).toBe(0.9);
    const w = clopperPearsonInterval(2.5, 7.5);
    close(w.lower, 0.060027907726262089);
    close(w.upper, 0.73438706223210852);
    close(w.estimate, 1 / 3);
  });
  it('x = 0 and x = n: the exact bound is 0 or 1, the other 1 − 0.025^(1/n) or 0.025^(1/n) (by hand)', () => {
    const zero = clopperPearsonInterval(0, 8);
    expect(zero.lower).toBe(0);
    close(zero.upper, 0.36941664755281929);
    expect(zero.estimate).toBe(0);
    const all = clopperPearsonInterval(8, 8);
    close(all.lower, 0.63058335244718071);
    expect(all.upper).toBe(1);
    expect(all.estimate).toBe(1);
    // n = 1, x = 1 at 99 %: lower = 0.005 (α/2), upper 1.
    const one = clopperPearsonInterval(1, 1, { confidence: 0.99 });
    close(one.lower, 0.005, 1e-12);
    expect(one.upper).toBe(1);
  });
  it('n = 0: NaN estimate and bounds, noObservations naming clopperPearsonInterval', () => {
    const r = clopperPearsonInterval(0, 0, { confidence: 0.9 });
    expect(r.estimate).toBeNaN();
    expect(r.lower).toBeNaN();
    expect(r.upper).toBeNaN();
    expect(r.successes).toBe(0);
    expect(r.n).toBe(0);
    expect(r.confidence).toBe(0.9);
    expect(r.method).toBe('Clopper-Pearson');
    expect(codes(r)).toEqual(['stats.noObservations']);
    expect(r.warnings[0].params).toEqual({ what: 'clopperPearsonInterval' });
  });
  it('refusals name clopperPearsonInterval', () => {
    expect(() => clopperPearsonInterval(5, 4)).toThrow(/^clopperPearsonInterval\(successes, n, opts\): successes must be a finite number in \[0, n = 4\], got 5$/);
    expect(() => clopperPearsonInterval(1, 4, { confidence: 1 })).toThrow(/^clopperPearsonInterval\(successes, n, opts\): opts.confidence must be a number in \(0, 1\), got 1$/);
  });
});

describe('wilsonInterval at n = 0', () => {
  it('NaN bounds and noObservations naming wilsonInterval; the options are checked first', () => {
    const r = wilsonInterval(0, 0);
    expect(codes(r)).toEqual(['stats.noObservations']);
    expect(r.warnings[0].params).toEqual({ what: 'wilsonInterval' });
    expect(r.method).toBe('Wilson score');
    expect(() => wilsonInterval(0, 0, { confidence: 2 })).toThrow(/^wilsonInterval\(successes, n, opts\): opts.confidence must be a number in \(0, 1\), got 2$/);
  });
});

describe('twoProportionTest', () => {
  it("45/120 vs 30/125 with Yates: X² 4.6367531045751634, p 0.03129415656395738, CI 0.012341822860612788 .. 0.25765817713938721", () => {
    // R: prop.test(c(45, 30), c(120, 125))
    const r = twoProportionTest(45, 120, 30, 125, { correct: true });
    expect(r.method).toBe('2-sample test for equality of proportions with continuity correction');
    close(r.chiSquare, 4.6367531045751634);
    close(r.statistic, 2.1533121242809096);
    close(r.pValue, 0.03129415656395738, 1e-11);
    close(r.ci[0], 0.012341822860612788, 1e-11);
    close(r.ci[1], 0.25765817713938721);
    expect(r.df).toBe(1);
    expect(r.estimate).toEqual([0.375, 0.24]);
    close(r.difference, 0.135);
    close(r.pooled, 0.30612244897959184);
    expect(r.n).toEqual([120, 125]);
    close(r.minExpected, 36.73469387755102);
    expect(r.correct).toBe(true);
    expect(r.alternative).toBe('two.sided');
    expect(r.confidence).toBe(0.95);
    expect(r.warnings).toEqual([]);
  });
  it("one-sided without correction at 90 %: 'less' p 0.9890460720724041, CI [−1, 0.20986197483486592]; 'greater' p 0.010953927927595904, CI [0.06013802516513408, 1]", () => {
    const less = twoProportionTest(45, 120, 30, 125, { alternative: 'less', confidence: 0.9 });
    expect(less.method).toBe('2-sample test for equality of proportions without continuity correction');
    close(less.pValue, 0.9890460720724041, 1e-12);
    expect(less.ci[0]).toBe(-1);
    close(less.ci[1], 0.20986197483486592);
    expect(less.alternative).toBe('less');
    expect(less.confidence).toBe(0.9);
    expect(less.correct).toBe(false);
    const greater = twoProportionTest(45, 120, 30, 125, { alternative: 'greater', confidence: 0.9 });
    close(greater.pValue, 0.010953927927595904, 1e-11);
    close(greater.ci[0], 0.06013802516513408, 1e-11);
    expect(greater.ci[1]).toBe(1);
    close(greater.chiSquare, 5.2530882352941176);
  });
  it("'greater' with Yates at 90 %: p 0.01564707828197869, lower bound 0.051971358498467413", () => {
    const r = twoProportionTest(45, 120, 30, 125, { alternative: 'greater', confidence: 0.9, correct: true });
    close(r.pValue, 0.01564707828197869, 1e-11);
    close(r.ci[0], 0.051971358498467413, 1e-11);
    expect(r.ci[1]).toBe(1);
  });
  it('Yates capped at |O − E| = 5/21 < ½: X² 0, p 1 (R prop.test(c(5, 5), c(10, 11))), CI −0.42734156899206001 .. 0.51825065990115092', () => {
    const r = twoProportionTest(5, 10, 5, 11, { correct: true });
    expect(r.chiSquare).toBe(0);
    expect(r.statistic).toBe(0);
    expect(r.pValue).toBe(1);
    close(r.ci[0], -0.42734156899206001, 1e-11);
    close(r.ci[1], 0.51825065990115092, 1e-11);
    close(r.minExpected, 100 / 21);
    expect(codes(r)).toEqual(['stats.smallExpected']);
  });
  it('the interval is clipped to [−1, 1] on each side (9/10 vs 1/10 at 99 % with Yates; 1/10 vs 9/10 one-sided)', () => {
    const r = twoProportionTest(9, 10, 1, 10, { correct: true, confidence: 0.99 });
    close(r.chiSquare, 9.8);
    close(r.pValue, 0.001745118699528905, 1e-11);
    close(r.ci[0], 0.3544162347297231, 1e-11);
    expect(r.ci[1]).toBe(1);
    const less = twoProportionTest(1, 10, 9, 10, { alternative: 'less' });
    close(less.statistic, -3.5777087639996635);
    close(less.pValue, 0.00017330967556733349, 1e-11);
    expect(less.ci[0]).toBe(-1);
    close(less.ci[1], -0.57931972862596567, 1e-11);
    const greater = twoProportionTest(1, 10, 9, 10, { alternative: 'greater' });
    close(greater.pValue, 0.99982669032443267, 1e-12);
    expect(greater.ci).toEqual([-1, 1]);
    const twoSided = twoProportionTest(1, 10, 9, 10, { confidence: 0.99 });
    expect(twoSided.ci[0]).toBe(-1);
  });
  it('a pooled proportion of 0: NaN statistic and p, only the degenerate warning, interval [0, 0]', () => {
    const r = twoProportionTest(0, 10, 0, 12);
    expect(r.pooled).toBe(0);
    expect(r.chiSquare).toBeNaN();
    expect(r.statistic).toBeNaN();
    expect(r.pValue).toBeNaN();
    expect(codes(r)).toEqual(['stats.degenerateProportion']);
    expect(r.ci).toEqual([0, 0]);
    expect(r.minExpected).toBe(0);
    expect(r.difference).toBe(0);
  });
  it('refusals name twoProportionTest and the option', () => {
    expect(() => twoProportionTest(11, 10, 1, 10)).toThrow(/^twoProportionTest\(x1, n1, x2, n2, opts\): successes must be a finite number in \[0, n = 10\], got 11$/);
    expect(() => twoProportionTest(1, 10, 1, -10)).toThrow(/^twoProportionTest\(x1, n1, x2, n2, opts\): n must be a finite number ≥ 0, got -10$/);
    expect(() => twoProportionTest(1, 10, 1, 10, { alternative: bad('lower') })).toThrow(/^twoProportionTest\(x1, n1, x2, n2, opts\): opts.alternative must be/);
    expect(() => twoProportionTest(1, 10, 1, 10, { confidence: -0.5 })).toThrow(/^twoProportionTest\(x1, n1, x2, n2, opts\): opts.confidence must be a number in \(0, 1\), got -0.5$/);
  });
});

describe('columnProportionTests', () => {
  // Columns A (100), B (100), C (empty), D (20); D has no respondent in row 3 (proportion 0).
  const T = [[30, 6, 0, 12], [54, 36, 0, 8], [16, 58, 0, 0]];
  // z = (pA − pB)/√(p̄(1 − p̄)(1/nA + 1/nB)), p = 2·P(Z > |z|) (R prop.test(correct = FALSE)), mpmath:
  const ref = [
    { row: 0, colA: 0, colB: 1, z: 4.4172610429938618, p: 9.9959481324662771e-6 },
    { row: 0, colA: 0, colB: 3, z: -2.5677629550654775, p: 0.010235712391270751 },
    { row: 0, colA: 1, colB: 3, z: -6.1739490651303181, p: 6.6605006287474576e-10 },
    { row: 1, colA: 0, colB: 1, z: 2.5584085962673252, p: 0.01051524593585892 },
    { row: 1, colA: 0, colB: 3, z: 1.1437307958963273, p: 0.25273529766098045 },
    { row: 1, colA: 1, colB: 3, z: -0.33886949683494303, p: 0.73470804429165801 },
    { row: 2, colA: 0, colB: 1, z: -6.1512468522924552, p: 7.6876155578660913e-10 },
  ];
  it('defaults: every comparison (z, p, pA, pB), Bonferroni within each row, the letters, proportions and warnings', () => {
    const r = columnProportionTests(T);
    expect(r.comparisons.map((q) => [q.row, q.colA, q.colB])).toEqual(ref.map((q) => [q.row, q.colA, q.colB]));
    const m = [3, 3, 3, 3, 3, 3, 1]; // pairs compared in the row
    r.comparisons.forEach((q, k) => {
      close(q.z, ref[k].z, 1e-12);
      close(q.pValue, ref[k].p, 1e-10);
      close(q.pAdjusted, Math.min(1, m[k] * ref[k].p), 1e-10);
      expect(q.significant).toBe(Math.min(1, m[k] * ref[k].p) < 0.05);
    });
    expect(r.comparisons[5].pAdjusted).toBe(1);
    expect(r.comparisons[0].pA).toBe(0.3);
    expect(r.comparisons[0].pB).toBe(0.06);
    expect(r.comparisons[1].pB).toBe(0.6);
    // Row 1: A > B and D > A, D > B → "B", "", "", "AB"; row 2: A > B only; row 3: B > A.
    expect(r.letters).toEqual([['B', '', '', 'AB'], ['B', '', '', ''], ['', 'A', '', '']]);
    expect(r.proportions[0]).toEqual([0.3, 0.06, NaN, 0.6]);
    expect(r.proportions[2]).toEqual([0.16, 0.58, NaN, 0]);
    expect(r.columnLetters).toEqual(['A', 'B', 'C', 'D']);
    expect(r.rowLabels).toEqual(['1', '2', '3']);
    expect(r.colLabels).toEqual(['1', '2', '3', '4']);
    expect(r.adjust).toBe('bonferroni');
    expect(r.family).toBe('row');
    expect(r.alpha).toBe(0.05);
    expect(r.test).toBe('two-sided z test of two proportions, pooled variance');
    expect(r.method).toBe('Comparison of column proportions: two-sided z tests (pooled variance) for each pair of columns within each row, Bonferroni adjustment within each row, alpha = 0.05');
    expect(r.letterConvention).toBe('A letter in a cell names a column whose proportion in that row is significantly lower than this column’s (after adjustment).');
    expect(codes(r)).toEqual(['stats.table.emptyColumnNotTested', 'stats.table.propExtreme']);
    expect(r.warnings[0].params).toEqual({ cols: ['3'] });
    expect(r.warnings[1].params).toEqual({ cells: ['"3" × "4"'] });
  });
  it("family 'table' adjusts over the 7 pairs: only three stay below 0.05", () => {
    const r = columnProportionTests(T, { family: 'table' });
    r.comparisons.forEach((q, k) => close(q.pAdjusted, Math.min(1, 7 * ref[k].p), 1e-10));
    expect(r.comparisons.map((q) => q.significant)).toEqual([true, false, true, false, false, false, true]);
    expect(r.letters).toEqual([['B', '', '', 'B'], ['', '', '', ''], ['', 'A', '', '']]);
    expect(r.family).toBe('table');
    expect(r.method).toBe('Comparison of column proportions: two-sided z tests (pooled variance) for each pair of columns within each row, Bonferroni adjustment over all pairs of the table, alpha = 0.05');
  });
  it("'bh', 'holm' and 'none' within rows (hand: BH m/i·p₍ᵢ₎ with cummin, Holm (m − i + 1)·p₍ᵢ₎ with cummax)", () => {
    const p = ref.map((q) => q.p);
    const bh = columnProportionTests(T, { adjust: 'bh' });
    const wantBh = [1.5 * p[0], p[1], 3 * p[2], 3 * p[3], 1.5 * p[4], p[5], p[6]];
    bh.comparisons.forEach((q, k) => close(q.pAdjusted, wantBh[k], 1e-10));
    expect(bh.adjust).toBe('bh');
    expect(bh.method).toBe('Comparison of column proportions: two-sided z tests (pooled variance) for each pair of columns within each row, Benjamini–Hochberg adjustment within each row, alpha = 0.05');
    const holm = columnProportionTests(T, { adjust: 'holm' });
    const wantHolm = [2 * p[0], p[1], 3 * p[2], 3 * p[3], 2 * p[4], p[5], p[6]];
    holm.comparisons.forEach((q, k) => close(q.pAdjusted, wantHolm[k], 1e-10));
    expect(holm.method).toContain('Holm adjustment within each row');
    const none = columnProportionTests(T, { adjust: 'none' });
    none.comparisons.forEach((q, k) => close(q.pAdjusted, p[k], 1e-10));
    expect(none.method).toContain(', no adjustment within each row');
    expect(none.letters).toEqual([['B', '', '', 'AB'], ['B', '', '', ''], ['', 'A', '', '']]);
  });
  it('alpha decides significance strictly (p < alpha); 0.01 drops the 0.0307 of row 1', () => {
    const r = columnProportionTests(T, { alpha: 0.01 });
    expect(r.comparisons.map((q) => q.significant)).toEqual([true, false, true, false, false, false, true]);
    expect(r.letters).toEqual([['B', '', '', 'B'], ['', '', '', ''], ['', 'A', '', '']]);
    expect(r.alpha).toBe(0.01);
    expect(r.method).toMatch(/, alpha = 0.01$/);
    // An adjusted p exactly equal to alpha is not significant.
    const p0 = columnProportionTests([[30, 6], [70, 94]], { adjust: 'none' }).comparisons[0].pValue;
    const at = columnProportionTests([[30, 6], [70, 94]], { adjust: 'none', alpha: p0 });
    expect(at.comparisons[0].pAdjusted).toBe(p0);
    expect(at.comparisons[0].significant).toBe(false);
    expect(at.letters).toEqual([['', ''], ['', '']]);
  });
  it('labels and custom letters name the cells, the warnings and the letters', () => {
    const r = columnProportionTests(T, { rowLabels: ['r1', 'r2', 'r3'], colLabels: ['Auto', 'Habitation', 'Vide', 'Santé'], letters: ['w', 'x', 'y', 'z'] });
    expect(r.letters).toEqual([['x', '', '', 'wx'], ['x', '', '', ''], ['', 'w', '', '']]);
    expect(r.columnLetters).toEqual(['w', 'x', 'y', 'z']);
    expect(r.warnings[0].params).toEqual({ cols: ['Vide'] });
    expect(r.warnings[1].params).toEqual({ cells: ['"r3" × "Santé"'] });
    expect(r.rowLabels).toEqual(['r1', 'r2', 'r3']);
  });
  it('every extreme cell is listed, 0 and 1 alike, and no warning when none applies', () => {
    const r = columnProportionTests([[10, 0, 5], [0, 7, 5]]);
    expect(r.comparisons).toEqual([]);
    expect(codes(r)).toEqual(['stats.table.propExtreme']);
    expect(r.warnings[0].params).toEqual({ cells: ['"1" × "1"', '"1" × "2"', '"2" × "1"', '"2" × "2"'] });
    expect(r.letters).toEqual([['', '', ''], ['', '', '']]);
    const clean = columnProportionTests([[30, 6], [70, 94]]);
    expect(clean.warnings).toEqual([]);
  });
  it('default letters go on after Z: AA, AB … (28 columns), and after ZZ: AAA (703 columns)', () => {
    const r = columnProportionTests([Array.from({ length: 28 }, () => 1)]);
    expect(r.columnLetters.slice(0, 3)).toEqual(['A', 'B', 'C']);
    expect(r.columnLetters.slice(24)).toEqual(['Y', 'Z', 'AA', 'AB']);
    const big = columnProportionTests([Array.from({ length: 703 }, () => 1)]);
    expect(big.columnLetters[51]).toBe('AZ');
    expect(big.columnLetters[52]).toBe('BA');
    expect(big.columnLetters[701]).toBe('ZZ');
    expect(big.columnLetters[702]).toBe('AAA');
  });
  it('effective bases replace the column totals in the z test (hand: pA 0.3, pB 0.06 on bases 50 and 40)', () => {
    const r = columnProportionTests([[30, 6], [70, 94]], { effectiveBases: [50, 40] });
    // p̄ = (0.3·50 + 0.06·40)/90 = 17.4/90; z = 0.24/√(p̄(1 − p̄)(1/50 + 1/40)).
    const pool = 17.4 / 90;
    const z = 0.24 / Math.sqrt(pool * (1 - pool) * (1 / 50 + 1 / 40));
    close(r.comparisons[0].z, z, 1e-13);
    expect(codes(r)).toEqual(['stats.table.weightedColumnProportions']);
    expect(r.method).toBe('Comparison of column proportions (weighted, effective bases): two-sided z tests (pooled variance) for each pair of columns within each row, Bonferroni adjustment within each row, alpha = 0.05');
    // A base of 0 is allowed: that column's variance term is infinite, z = 0 and p = 1.
    const zero = columnProportionTests([[30, 6], [70, 94]], { effectiveBases: [0, 40] });
    expect(Math.abs(zero.comparisons[0].z)).toBe(0);
    expect(zero.comparisons[0].pValue).toBe(1);
  });
  it('cells with several letters, as colA and as colB, next to non-significant pairs and other rows (n = 100 per column)', () => {
    // Row 1: A 0.60, B 0.20, C 0.20, D 0.40, E 0.55; row 2 the complements. Bonferroni over the 10 pairs of a row
    // (mpmath z tests): AB, AC 7.76e-8; AD 0.0468; AE 1; BC 1; BD, CD 0.0203; BE, CE 3.19e-6; DE 0.337.
    const r = columnProportionTests([[60, 20, 20, 40, 55], [40, 80, 80, 60, 45]]);
    expect(r.comparisons.filter((q) => q.row === 0).map((q) => q.significant)).toEqual([true, true, true, false, false, true, true, true, true, false]);
    expect(r.letters).toEqual([['BCD', '', '', 'BC', 'BC'], ['', 'ADE', 'ADE', 'A', '']]);
  });
  it('refuses bad options with the option named', () => {
    const t = [[1, 2], [3, 4]];
    expect(() => columnProportionTests(t, { adjust: bad('BY') })).toThrow(/^columnProportionTests\(options.adjust\): expected 'bonferroni', 'bh', 'holm' or 'none', got BY$/);
    expect(() => columnProportionTests(t, { family: bad('col') })).toThrow(/^columnProportionTests\(options.family\): expected 'row' or 'table', got col$/);
    expect(() => columnProportionTests(t, { alpha: 0 })).toThrow(/^columnProportionTests\(options.alpha\): expected a number in \(0, 1\), got 0$/);
    expect(() => columnProportionTests(t, { alpha: 1 })).toThrow(/^columnProportionTests\(options.alpha\): expected a number in \(0, 1\), got 1$/);
    expect(() => columnProportionTests(t, { alpha: NaN })).toThrow(/got NaN$/);
    expect(() => columnProportionTests(t, { effectiveBases: [1] })).toThrow(/^columnProportionTests\(options.effectiveBases\): expected 2 numbers \(one per column\), got 1$/);
    expect(() => columnProportionTests(t, { effectiveBases: bad(5) })).toThrow(/^columnProportionTests\(options.effectiveBases\): expected 2 numbers \(one per column\), got number$/);
    expect(() => columnProportionTests(t, { effectiveBases: [10, -1] })).toThrow(/^columnProportionTests\(options.effectiveBases\): base -1 of column 2 is not a finite number ≥ 0$/);
    expect(() => columnProportionTests(t, { effectiveBases: [Infinity, 1] })).toThrow(/base Infinity of column 1 is not a finite number ≥ 0$/);
    expect(() => columnProportionTests(t, { effectiveBases: [NaN, 1] })).toThrow(/base NaN of column 1/);
    expect(() => columnProportionTests(t, { effectiveBases: bad(['3', 1]) })).toThrow(/base 3 of column 1/);
    expect(() => columnProportionTests(t, { rowLabels: ['a'] })).toThrow(/^columnProportionTests\(options.rowLabels\): expected 2 labels, got 1$/);
    expect(() => columnProportionTests(t, { colLabels: ['a', 'b', 'c'] })).toThrow(/^columnProportionTests\(options.colLabels\): expected 2 labels, got 3$/);
    expect(() => columnProportionTests(t, { letters: ['A'] })).toThrow(/^columnProportionTests\(options.letters\): expected 2 labels, got 1$/);
    expect(() => columnProportionTests(bad('x'))).toThrow(/^columnProportionTests\(table\): expected an array of rows/);
  });
});

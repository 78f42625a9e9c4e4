// raoScottChiSquare.ts pinned field by field. The reference is a numpy transcription of R
// survey::svychisq (survey 4.x, svychisq.survey.design), written independently of our code: R's
// contrast basis Cmat = qr.resid(qr(X1), X2[, interaction]) (not our double-centred one), the
// with-replacement covariance V of the cell means, iD = diag(1/p̂, 0 where p̂ = 0),
// Δ = solve(t(C) iD/n C, t(C) iD V iD C), first order X²/mean(diag Δ), second order
// F = X²/tr Δ on (d0, d0 (n − 1)), d0 = tr(Δ)²/tr(Δ²); X² and G² of svytable(…, Ntotal = n);
// stdres of that table / √δ̄. The transcription reproduces the three svychisq fixtures of
// fixtures/chisq.json (R) to 6e-15 relative on X², p, F, ndf and pF. In outline:
//   keep = not missing; W = weights; Y = cell indicators; p = Σ W Y / Σ W
//   z = W (Y − p) / Σ W; V = n/(n − 1) z'z; Cm = X2 − X1 lstsq(X1, X2)
//   Δ = solve(Cm' iD/n Cm, Cm' iD V iD Cm); tab = n p; X² = Σ (tab − E)²/E; …
//   scipy.stats.chi2.sf(X²/δ̄, df), scipy.stats.f.sf(F, d0, d0 (n − 1))
import { describe, expect, it } from 'vitest';
import { caught, expectRel, expectRows } from './pins-helpers.js';
import { SatlabError } from '@satlab/messages';
import { raoScottChiSquare } from '@satlab/stats';

// 24 respondents: one with no row (17), one with a NaN weight (18), two with weight 0 (16, in a
// row level "w" nobody else has, and 20 in cell (a, z)); levels given with empty ones in the middle.
const a = ['a', 'b', 'c', 'a', 'b', 'c', 'a', 'a', 'b', 'c', 'c', 'b', 'a', 'c', 'b', 'a', 'w', null, 'b', 'c', 'a', 'b', 'c', 'a'];
const b = ['x', 'y', 'z', 'y', 'x', 'x', 'z', 'x', 'y', 'y', 'z', 'z', 'x', 'x', 'y', 'y', 'z', 'x', 'x', 'z', 'z', 'y', 'y', 'x'];
const w = [1.2, 0.8, 2.5, 1.0, 0.5, 1.7, 0.9, 3.1, 1.4, 0.6, 1.1, 2.2, 0.7, 1.9, 1.3, 0.4, 0, 1.0, NaN, 1.5, 0, 2.0, 0.9, 1.6];
const run = () => raoScottChiSquare(a, b, w, { rowLevels: ['c', 'v', 'b', 'w', 'a'], colLevels: ['x', 'u', 'y', 'z'] });

describe('raoScottChiSquare on a 3 × 3 design with missing values, zero weights and empty levels', () => {
  it('first-order statistic, p, design effect and Pearson X² (svychisq statistic = "Chisq")', () => {
    const r = run();
    expect(r.method).toBe("Pearson's X^2: Rao & Scott adjustment");
    expect(r.df).toBe(4);
    expectRel(r.pearsonStatistic, 10.22378675615359);
    expectRel(r.designEffect, 0.9508599359417649);
    expectRel(r.statistic, 10.752147997515106);
    expectRel(r.pValue, 0.029495385502695266);
  });

  it('second order (svychisq default "F"): F, ndf, ddf, p', () => {
    const r = run();
    expect(r.secondOrder.method).toBe("Pearson's X^2: Rao & Scott adjustment (F, second order)");
    expectRel(r.secondOrder.statistic, 2.6880369993787765);
    expectRel(r.secondOrder.ndf, 3.5627039523631088);
    expectRel(r.secondOrder.ddf, 74.81678299962529);
    expectRel(r.secondOrder.pValue, 0.04333030816792576);
  });

  it('G² of the rescaled table with the same first-order correction', () => {
    const r = run();
    expect(r.gTest.method).toBe('Likelihood ratio G² with Rao & Scott first-order correction');
    expect(r.gTest.df).toBe(4);
    expectRel(r.gTest.statisticUncorrected, 10.493872812738518);
    expectRel(r.gTest.statistic, 11.036191994297267);
    expectRel(r.gTest.pValue, 0.026160263264008953);
  });

  it('counts, labels, removed levels, n, weights (hand counts)', () => {
    const r = run();
    expect(r.rowLabels).toEqual(['c', 'b', 'a']);
    expect(r.colLabels).toEqual(['x', 'y', 'z']);
    expect(r.removedRows).toEqual(['v', 'w']);
    expect(r.removedCols).toEqual(['u']);
    // 24 − 2 missing; the two zero-weight respondents count.
    expect(r.n).toBe(22);
    expect(r.nMissing).toBe(2);
    expectRel(r.sumWeights, 27.3, 1e-12);
    // c: x 1.7+1.9, y 0.6+0.9, z 2.5+1.1+1.5 ; b: x 0.5, y 0.8+1.4+1.3+2.0, z 2.2 ; a: x 1.2+3.1+0.7+1.6, y 1.0+0.4, z 0.9+0.
    expectRows(r.weightedCounts, [[3.6, 1.5, 5.1], [0.5, 5.5, 2.2], [6.6, 1.4, 0.9]], 1e-12);
    expect(r.unweightedCounts).toEqual([[2, 2, 3], [1, 4, 1], [4, 2, 2]]);
    // Kish: (Σw)²/Σw² over the used respondents = 27.3² / 46.83.
    expectRel(r.effectiveN, 15.914798206278027);
    expectRel(r.effectiveN, (27.3 * 27.3) / 46.83, 1e-12);
  });

  it('expected weighted counts, design-adjusted residuals, Cramér’s V', () => {
    const r = run();
    expectRows(r.expected, [
      [3.9978021978021974, 3.138461538461538, 3.063736263736263],
      [3.213919413919413, 2.523076923076923, 2.4630036630036627],
      [3.4882783882783883, 2.7384615384615385, 2.6732600732600726],
    ]);
    expectRows(r.adjustedResiduals, [
      [-0.2967828610695884, -1.2929546068359477, 1.6178117639288392],
      [-2.136697874658313, 2.4790721742187687, -0.22051101613825183],
      [2.395888491564474, -1.090051831609757, -1.453987336053209],
    ]);
    expectRel(r.cramersV, 0.48203608776997353);
    expect(r.cramersVBiasCorrected).toBeNull();
  });

  it('warnings: the cross-tab’s (missing, zero weights), the removed levels by name; no Kish warning (15.9 ≥ 0.7 × 22)', () => {
    const r = run();
    expect(r.warnings).toEqual([
      { code: 'stats.table.missingExcluded', params: { n: 2, rows: 1, cols: 0, weights: 1 }, text: '2 respondent(s) excluded for a missing value (row variable: 1, column variable: 0, weight: 1).' },
      { code: 'stats.table.zeroWeights', params: { n: 2 }, text: '2 respondent(s) have a weight of 0: they count in n but not in the weighted table.' },
      { code: 'stats.table.emptyRemoved', params: { what: 'row', labels: ['v', 'w'], numbered: false }, text: 'Empty rows “v” and “w” (no observations) were removed before the test.' },
      { code: 'stats.table.emptyRemoved', params: { what: 'column', labels: ['u'], numbered: false }, text: 'Empty column “u” (no observations) was removed before the test.' },
    ]);
  });
});

describe('raoScottChiSquare: Kish effective size at and below 0.7 n', () => {
  const a2 = ['a', 'a', 'b', 'b', 'a', 'b', 'a', 'b', 'a', 'b'];
  const b2 = ['x', 'y', 'x', 'y', 'x', 'x', 'y', 'y', 'y', 'x'];
  it('seven weights 1 and three 0: n_eff = 49/7 = 7 = 0.7 × 10 exactly, no warning; values of a 2 × 2', () => {
    const r = raoScottChiSquare(a2, b2, [1, 1, 1, 1, 1, 1, 1, 0, 0, 0]);
    expect(r.effectiveN).toBe(7);
    expect(r.n).toBe(10);
    expect(r.df).toBe(1);
    expect(r.warnings).toEqual([{ code: 'stats.table.zeroWeights', params: { n: 3 }, text: '3 respondent(s) have a weight of 0: they count in n but not in the weighted table.' }]);
    // numpy transcription of svychisq (header): weighted table [[2, 2], [2, 1]] rescaled to n = 10.
    expect(r.weightedCounts).toEqual([[2, 2], [2, 1]]);
    expect(r.unweightedCounts).toEqual([[2, 3], [3, 2]]);
    expectRel(r.pearsonStatistic, 0.2777777777777778);
    expectRel(r.designEffect, 1.5873015873015874);
    expectRel(r.statistic, 0.175);
    expectRel(r.pValue, 0.6757058487030952);
    expectRel(r.gTest.statisticUncorrected, 0.2806443022259486);
    expectRel(r.gTest.statistic, 0.1768059104023476);
    expectRel(r.gTest.pValue, 0.6741326830019476);
    expectRel(r.secondOrder.statistic, 0.175);
    expectRel(r.secondOrder.ndf, 1);
    expectRel(r.secondOrder.ddf, 9);
    expectRel(r.secondOrder.pValue, 0.6855112163440292);
    expectRows(r.expected, [[16 / 7, 12 / 7], [12 / 7, 9 / 7]]);
    expectRows(r.adjustedResiduals, [[-0.4183300132670382, 0.4183300132670378], [0.4183300132670378, -0.4183300132670374]]);
    expectRel(r.cramersV, 0.16666666666666669);
  });
  it('six weights 1 and four 0: n_eff = 6 < 7, warned with both sizes', () => {
    const r = raoScottChiSquare(a2, b2, [0, 1, 1, 1, 1, 1, 1, 0, 0, 0]);
    expect(r.effectiveN).toBe(6);
    expect(r.weightedCounts).toEqual([[1, 2], [2, 1]]);
    expectRel(r.pearsonStatistic, 1.1111111111111107);
    expectRel(r.designEffect, 1.8518518518518523);
    expectRel(r.statistic, 0.6);
    expectRel(r.secondOrder.pValue, 0.45844365389978753);
    expectRows(r.adjustedResiduals, [[-0.7745966692414837, 0.7745966692414825], [0.7745966692414825, -0.7745966692414837]]);
    expect(r.warnings).toEqual([
      { code: 'stats.table.zeroWeights', params: { n: 4 }, text: '4 respondent(s) have a weight of 0: they count in n but not in the weighted table.' },
      { code: 'stats.table.lowEffectiveN', params: { neff: 6, n: 10 }, text: 'Kish effective sample size is 6 for 10 respondents: weighting costs 40% of the precision.' },
    ]);
  });
});

describe('raoScottChiSquare: a 2 × 3 table with one nearly empty cell (Gaussian elimination swaps rows)', () => {
  // Cell (a, y) weighs 0.1: in our double-centred basis |A[1][0]| = 1.21 > A[0][0] = 0.71, so the
  // solver pivots on row 2 first (checked on the same A in numpy).
  const a3 = ['a', 'a', 'a', 'a', 'a', 'b', 'b', 'b', 'b', 'b', 'b', 'b'];
  const b3 = ['x', 'x', 'y', 'z', 'z', 'x', 'x', 'y', 'y', 'z', 'z', 'z'];
  const w3 = [2, 3, 0.1, 1, 4, 2.5, 2.5, 1, 4, 3, 1, 1];
  it('first and second order, G², residuals as the svychisq transcription', () => {
    const r = raoScottChiSquare(a3, b3, w3);
    expect(r.df).toBe(2);
    expectRows(r.weightedCounts, [[5, 0.1, 5], [5, 5, 5]], 1e-12);
    expect(r.unweightedCounts).toEqual([[2, 1, 2], [2, 2, 3]]);
    expectRel(r.pearsonStatistic, 1.8644923315861);
    expectRel(r.designEffect, 0.7531134204440948);
    expectRel(r.statistic, 2.4757125301082126);
    expectRel(r.pValue, 0.29000524642223446);
    expectRel(r.gTest.statisticUncorrected, 2.4492266100860385);
    expectRel(r.gTest.statistic, 3.2521351281215813);
    expectRel(r.gTest.pValue, 0.19670157154610762);
    expectRel(r.secondOrder.statistic, 1.2378562650541063);
    expectRel(r.secondOrder.ndf, 1.15813822568291);
    expectRel(r.secondOrder.ddf, 12.73952048251201);
    expectRel(r.secondOrder.pValue, 0.2953930997096674);
    expectRows(r.adjustedResiduals, [
      [0.6465940798454018, -1.5734397128928113, 0.6465940798454018],
      [-0.6465940798454016, 1.5734397128928113, -0.6465940798454016],
    ]);
    expectRows(r.expected, [
      [4.0239043824701195, 2.0521912350597606, 4.0239043824701195],
      [5.9760956175298805, 3.047808764940239, 5.9760956175298805],
    ]);
    expectRel(r.cramersV, 0.3941755458745612);
    expectRel(r.effectiveN, 8.935044674514256);
    expectRel(r.sumWeights, 25.1, 1e-12);
    // n_eff 8.94 ≥ 0.7 × 12 = 8.4, nothing missing: no warning.
    expect(r.warnings).toEqual([]);
    expect(r.nMissing).toBe(0);
    expect(r.removedRows).toEqual([]);
    expect(r.removedCols).toEqual([]);
  });
});

describe('raoScottChiSquare: a singular design-effect matrix, and errors', () => {
  it('a diagonal 3 × 3 table (3 filled cells for 4 contrasts): Δ cannot be solved, NaN statistics with a warning', () => {
    const r = raoScottChiSquare(['a', 'b', 'c', 'a', 'b', 'c'], ['x', 'y', 'z', 'x', 'y', 'z'], [1, 2, 3, 1, 2, 3]);
    expect(r.df).toBe(4);
    // Rescaled to n = 6: [[1, 0, 0], [0, 2, 0], [0, 0, 3]], X² = n (min(r, c) − 1) = 12, V = 1.
    expectRel(r.pearsonStatistic, 12, 1e-12);
    expectRel(r.cramersV, 1, 1e-12);
    expect(r.designEffect).toBeNaN();
    expect(r.statistic).toBeNaN();
    expect(r.pValue).toBeNaN();
    expect(r.gTest.statistic).toBeNaN();
    expect(r.secondOrder.statistic).toBeNaN();
    expect(r.secondOrder.ndf).toBeNaN();
    expect(r.secondOrder.pValue).toBeNaN();
    expect(r.adjustedResiduals.flat().every((v) => Number.isNaN(v))).toBe(true);
    // G² = 2 Σ O ln(O/E), E_ii = R_i²/6: 2 (1 ln 6 + 2 ln 3 + 3 ln 2).
    expectRel(r.gTest.statisticUncorrected, 2 * (Math.log(6) + 2 * Math.log(3) + 3 * Math.log(2)), 1e-12);
    // (Σw)²/Σw² = 144/28 ≈ 5.14 ≥ 0.7 × 6 = 4.2: no Kish warning.
    expectRel(r.effectiveN, 144 / 28, 1e-12);
    expect(r.warnings).toEqual([
      { code: 'stats.table.designEffectSingular', params: {}, text: 'The Rao–Scott design-effect matrix is singular (sparse table): the corrected statistic is not available.' },
    ]);
  });

  it('a 3 × 4 staircase (4 filled cells for 6 contrasts) with a tiny weight: singular although rounding leaves a pivot of 1e-17 × scale', () => {
    // Weighted cells (a,w) 7.5, (b,x) 0.001, (c,y) 8, (c,z) 0.5; the elimination's fifth pivot is
    // rounding noise, below 1e-13 × max|A| (≈ 667) but not 0 (checked on the same A in numpy).
    const r = raoScottChiSquare(['a', 'a', 'b', 'c', 'c', 'c'], ['w', 'w', 'x', 'y', 'y', 'z'], [3.75, 3.75, 0.001, 4, 4, 0.5]);
    expect(r.df).toBe(6);
    expect(r.designEffect).toBeNaN();
    expect(r.statistic).toBeNaN();
    expect(r.secondOrder.pValue).toBeNaN();
    expect(r.warnings.map((m) => m.code)).toEqual(['stats.table.designEffectSingular']);
  });

  it('a 3 × 3 table whose elimination exchanges rows at every step: values as the svychisq transcription', () => {
    // One respondent per cell, weights [[6, 2, 4], [3, 0.25, 3], [4, 2, 2]], n = 9.
    const r = raoScottChiSquare(['a', 'a', 'a', 'b', 'b', 'b', 'c', 'c', 'c'], ['x', 'y', 'z', 'x', 'y', 'z', 'x', 'y', 'z'], [6, 2, 4, 3, 0.25, 3, 4, 2, 2]);
    expect(r.df).toBe(4);
    expectRel(r.pearsonStatistic, 0.517677224736048);
    expectRel(r.designEffect, 0.9314467086311748);
    expectRel(r.statistic, 0.555777609109608);
    expectRel(r.pValue, 0.967848744326889);
    expectRel(r.gTest.statistic, 0.6215675347076713);
    expectRel(r.secondOrder.statistic, 0.138944402277402);
    expectRel(r.secondOrder.ndf, 3.128834920138365);
    expectRel(r.secondOrder.ddf, 25.03067936110692);
    expectRel(r.secondOrder.pValue, 0.9410181248577857);
    expectRows(r.adjustedResiduals, [
      [0.027167885428873516, 0.03687479774577241, -0.057233412821885814],
      [-0.05295995841171413, -0.5750577122151532, 0.5020580739838257],
      [0.019601360013517005, 0.4921888189184621, -0.4026100647948971],
    ]);
    expectRel(r.effectiveN, 7.0267686424474185);
    expect(r.warnings).toEqual([]);
  });

  it('refuses missing weights, and a table with fewer than 2 × 2 weighted categories', () => {
    const e = caught(() => (raoScottChiSquare as unknown as (x: string[], y: string[]) => unknown)(['a', 'b'], ['x', 'y']));
    expect(e).toBeInstanceOf(TypeError);
    expect(e.message).toBe('raoScottChiSquare(weights): weights are required (use chiSquareTest for unweighted data)');
    const few = caught(() => raoScottChiSquare(['a', 'b', 'a', 'b'], ['x', 'y', 'y', 'x'], [1, 0, 1, 0]));
    expect(few).toBeInstanceOf(SatlabError);
    expect(few.message).toBe('raoScottChiSquare: after removing empty rows and columns the table is 1 × 2; a test of independence needs at least 2 × 2');
    const len = caught(() => raoScottChiSquare(['a', 'b'], ['x', 'y'], [1]));
    expect(len.message).toBe('crossTab(options.weights): length 1, expected 2 (one weight per respondent)');
  });
});

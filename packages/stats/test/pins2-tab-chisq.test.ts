// chiSquareTest.ts and gTest.ts pinned field by field against scipy 1.17 (python3):
//   O = np.array(table); E = np.outer(R, C)/n; scipy.stats.chi2_contingency(O, correction=…)
//   for X², p, E; chi2_contingency(O, correction=…, lambda_="log-likelihood") for G² and its p;
//   residuals (O − E)/√E, stdres (O − E)/√(R(n − R) C(n − C)/n³), Cramér's V √(X²/(n(min − 1))),
//   Bergsma's V (formula of the docs), C = √(X²/(X² + n)); Williams' q = 1 + (n Σ1/R − 1)(n Σ1/C − 1)/(6 n df)
//   with scipy.stats.chi2.sf(G/q, df). Counts of small cells by hand.
import { describe, expect, it } from 'vitest';
import { caught, expectRel, expectRows } from './pins-helpers.js';
import { chiSquareTest, crossTab, gTest } from '@satlab/stats';

const T33 = [[12, 3, 0], [5, 9, 2], [1, 4, 6]];
const T22 = [[12, 5], [7, 15]];
const T23 = [[3, 7, 2], [8, 1, 6]];

describe('chiSquareTest on a 3 × 3 table with a zero cell and small expected counts', () => {
  it('X², df, p, no Yates on 3 × 3 even when asked', () => {
    const t = chiSquareTest(T33);
    expect(t.method).toBe("Pearson's Chi-squared test");
    expect(t.yates).toBe(false);
    expect(t.df).toBe(4);
    expectRel(t.statistic, 21.434517045454548);
    expect(t.statisticUncorrected).toBe(t.statistic);
    expectRel(t.pValue, 0.00025964488683825264);
    expect(t.n).toBe(42);
    expect(t.nMissing).toBe(0);
    expect(t.cells).toBe(9);
    expect(t.rowLabels).toEqual(['1', '2', '3']);
    expect(t.colLabels).toEqual(['1', '2', '3']);
    expect(t.removedRows).toEqual([]);
    expect(t.removedCols).toEqual([]);
    expect(t.observed).toEqual(T33);
    expect(t.rowTotals).toEqual([15, 16, 11]);
    expect(t.colTotals).toEqual([18, 16, 8]);
    expect(t.monteCarlo).toBeNull();
  });

  it('expected counts, Pearson and adjusted residuals, contributions', () => {
    const t = chiSquareTest(T33);
    expectRows(t.expected, [
      [6.428571428571429, 5.714285714285714, 2.857142857142857],
      [6.857142857142857, 6.095238095238095, 3.0476190476190474],
      [4.714285714285714, 4.190476190476191, 2.0952380952380953],
    ]);
    expectRows(t.residuals, [
      [2.197401062294143, -1.135467178867674, -1.6903085094570331],
      [-0.7092081432669751, 1.1765630434609509, -0.600099198148979],
      [-1.7106744068953994, -0.09304842103984719, 2.697601949335053],
    ]);
    expectRows(t.adjustedResiduals, [
      [3.62552678164766, -1.7999287735195495, -2.3431167445160246],
      [-1.1924240017711818, 1.9006018394369206, -0.8477078490170229],
      [-2.634087398376787, -0.13765461540515656, 3.4898507322688372],
    ]);
    expectRows(t.contributions, [
      [4.828571428571427, 1.2892857142857144, 2.857142857142857],
      [0.5029761904761904, 1.3843005952380953, 0.3601190476190476],
      [2.9264069264069263, 0.008658008658008677, 7.2770562770562774],
    ]);
  });

  it('effect sizes: V, Bergsma’s V, C; phi only on 2 × 2', () => {
    const t = chiSquareTest(T33);
    expectRel(t.cramersV, 0.5051463371832928);
    expectRel(t.cramersVBiasCorrected, 0.46580742418909715);
    expectRel(t.contingencyCoefficient, 0.5812915802325671);
    expect(t.phi).toBeNull();
  });

  it('the G-test inside (zero cell contributes 0)', () => {
    const t = chiSquareTest(T33);
    expect(t.gTest.method).toBe('Log-likelihood ratio (G) test of independence');
    expectRel(t.gTest.statistic, 22.436831811936365);
    expect(t.gTest.df).toBe(4);
    expectRel(t.gTest.pValue, 0.00016402829871417791);
  });

  it('small cells: 5 of 9 below 5, min 2.095; Cochran broken (5/9 > 20 %); exact warnings', () => {
    const t = chiSquareTest(T33);
    expect(t.expectedBelow5).toBe(5);
    expectRel(t.expectedBelow5Share, 5 / 9, 1e-15);
    expectRel(t.minExpected, 2.0952380952380953, 1e-12);
    expect(t.warnings.map((w) => w.code)).toEqual(['stats.table.smallExpected', 'stats.table.cochranRule']);
    expect(t.warnings[0].params).toEqual({ below: 5, cells: 9, min: t.minExpected });
    expect(t.warnings[0].text).toBe(
      '5 of 9 cells (55.6%) have expected counts below 5; the minimum expected count is 2.1. The chi-square approximation may be inaccurate: consider the Monte-Carlo or exact p-value.',
    );
    expect(t.warnings[1]).toEqual({
      code: 'stats.table.cochranRule',
      params: {},
      text: "Cochran's rule (no expected count below 1 and at most 20% of cells below 5) is not met: prefer the Monte-Carlo or exact p-value.",
    });
  });
});

describe('chiSquareTest on 2 × 2 (Yates) and 2 × 3 / 3 × 2 tables', () => {
  it('2 × 2 with Yates: corrected X² and p, uncorrected V and phi, G uncorrected, the Yates warning alone', () => {
    const t = chiSquareTest(T22);
    expect(t.method).toBe("Pearson's Chi-squared test with Yates' continuity correction");
    expect(t.yates).toBe(true);
    expect(t.df).toBe(1);
    expectRel(t.statistic, 4.322120391218687);
    expectRel(t.pValue, 0.03762001663483994);
    expectRel(t.statisticUncorrected, 5.769596115958342);
    expectRel(t.cramersV, 0.3846275626468413);
    expectRel(t.phi as number, 0.3846275626468413);
    expectRel(t.cramersVBiasCorrected, 0.3534256202191856);
    expectRel(t.contingencyCoefficient, 0.35898898082947195);
    expectRel(t.gTest.statistic, 5.921101441044494);
    expectRel(t.gTest.pValue, 0.01496060322891995);
    expectRows(t.adjustedResiduals, [[2.401998358858378, -2.401998358858378], [-2.401998358858378, 2.401998358858378]]);
    expectRows(t.contributions, [[1.6690481860760489, 1.585595776772247], [1.289719052876947, 1.2252331002330998]]);
    expect(t.expectedBelow5).toBe(0);
    expect(t.expectedBelow5Share).toBe(0);
    expectRel(t.minExpected, 8.282051282051283, 1e-12);
    expect(t.warnings).toEqual([
      {
        code: 'stats.table.yatesApplied',
        params: {},
        text: "Yates' continuity correction was applied to the 2×2 statistic and p-value; Cramér's V, phi and the residuals use the uncorrected statistic.",
      },
    ]);
  });

  it('2 × 2 without Yates: no warning at all', () => {
    const t = chiSquareTest(T22, { correct: false });
    expect(t.method).toBe("Pearson's Chi-squared test");
    expectRel(t.statistic, 5.769596115958342);
    expectRel(t.pValue, 0.01630578158465016);
    expect(t.warnings).toEqual([]);
  });

  it('2 × 3 and its transpose: phi is null, V and Bergsma’s V as scipy', () => {
    const t = chiSquareTest(T23);
    expect(t.phi).toBeNull();
    expect(t.yates).toBe(false);
    expect(t.df).toBe(2);
    expectRel(t.statistic, 8.544886363636365);
    expectRel(t.pValue, 0.013947664810581073);
    expectRel(t.cramersV, 0.5625631277708065);
    expectRel(t.cramersVBiasCorrected, 0.4991356164774897);
    expectRel(t.contingencyCoefficient, 0.4903030340212868);
    expectRel(t.gTest.statistic, 9.179282639573417);
    expect(t.expectedBelow5).toBe(5);
    expect(t.cells).toBe(6);
    expectRel(t.minExpected, 3.5555555555555554, 1e-12);
    const tr = chiSquareTest([[3, 8], [7, 1], [2, 6]]);
    expect(tr.phi).toBeNull();
    expectRel(tr.statistic, 8.544886363636365);
    expectRel(tr.cramersVBiasCorrected, 0.4991356164774897);
    expectRows(tr.adjustedResiduals, [
      [-1.488879230708913, 1.488879230708913],
      [2.9215060103345762, -2.9215060103345762],
      [-1.3193898111188405, 1.3193898111188405],
    ]);
  });

  it('non-integer counts: a warning, and the Monte-Carlo p-value refused with its own warning', () => {
    const t = chiSquareTest([[10.5, 20], [20, 10]], { monteCarlo: { replicates: 100, seed: 1 } });
    expect(t.monteCarlo).toBeNull();
    expect(t.warnings.map((w) => w.code)).toEqual(['stats.table.nonInteger', 'stats.table.yatesApplied', 'stats.table.monteCarloNotRun']);
    expect(t.warnings[0].text).toBe(
      'The table holds non-integer counts (weighted data?): a plain Pearson chi-square assumes counts of independent respondents; for weighted data use raoScottChiSquare.',
    );
    expect(t.warnings[2].text).toBe('Monte-Carlo p-value needs integer counts: not computed.');
    const mc = chiSquareTest([[10, 20], [20, 10]], { monteCarlo: { replicates: 100, seed: 1 } });
    expect(mc.monteCarlo).not.toBeNull();
    expect(mc.monteCarlo!.replicates).toBe(100);
    expect(mc.warnings.map((w) => w.code)).not.toContain('stats.table.monteCarloNotRun');
  });

  it('Bergsma’s V is NaN when n = 1 (its denominators n − 1 vanish)', () => {
    // [[0.5, 0], [0, 0.5]]: n = 1, k̃ = 2 − 1/0 = −∞, so min(k̃ − 1, r̃ − 1) = −∞ ≤ 0: NaN. X² = 4 × 0.25²/0.25 = 1, V = 1.
    const t = chiSquareTest([[0.5, 0], [0, 0.5]], { correct: false });
    expect(t.n).toBe(1);
    expectRel(t.statistic, 1, 1e-12);
    expectRel(t.cramersV, 1, 1e-12);
    expect(t.cramersVBiasCorrected).toBeNaN();
  });

  it('refuses a correct that is not a boolean, naming its type', () => {
    const e = caught(() => chiSquareTest(T22, { correct: 'yes' as unknown as boolean }));
    expect(e).toBeInstanceOf(TypeError);
    expect(e.message).toBe('chiSquareTest(options.correct): expected a boolean, got string');
    const n = caught(() => chiSquareTest(T22, { correct: 0 as unknown as boolean }));
    expect(n.message).toBe('chiSquareTest(options.correct): expected a boolean, got number');
    // null is read as not given (Yates on by default).
    expect(chiSquareTest(T22, { correct: null as unknown as boolean }).yates).toBe(true);
  });
});

describe('chiSquareTest of a cross-tab', () => {
  // rows a b a b a b null a ; cols x y y x x y x null → (a,x) 2, (a,y) 1, (b,x) 1, (b,y) 2; 2 missing.
  const rows = ['a', 'b', 'a', 'b', 'a', 'b', null, 'a'];
  const cols = ['x', 'y', 'y', 'x', 'x', 'y', 'x', null];
  it('takes counts, levels, nMissing and warnings from it, the cross-tab’s warnings first', () => {
    const t = chiSquareTest(crossTab(rows, cols), { correct: false });
    expect(t.observed).toEqual([[2, 1], [1, 2]]);
    expect(t.rowLabels).toEqual(['a', 'b']);
    expect(t.colLabels).toEqual(['x', 'y']);
    expect(t.nMissing).toBe(2);
    expect(t.n).toBe(6);
    // X² = Σ (O − 1.5)²/1.5 = 4 × 0.25/1.5 = 2/3.
    expectRel(t.statistic, 2 / 3, 1e-12);
    expect(t.warnings.map((w) => w.code)).toEqual(['stats.table.missingExcluded', 'stats.table.smallExpected', 'stats.table.cochranRule']);
    expect(t.warnings[0].params).toEqual({ n: 2, rows: 1, cols: 1, weights: 0 });
    for (const k of ['rowVariable', 'colVariable', 'rowVariableLabel', 'colVariableLabel']) expect(k in t).toBe(false);
  });

  it('labels given override the cross-tab’s levels; named factors give the variable names', () => {
    const t = chiSquareTest(crossTab(rows, cols), { rowLabels: ['A', 'B'], colLabels: ['X', 'Y'] });
    expect(t.rowLabels).toEqual(['A', 'B']);
    expect(t.colLabels).toEqual(['X', 'Y']);
    const f = { name: 'r', label: 'Rows', codes: Int32Array.of(0, 1, 0, 1), levels: ['a', 'b'] };
    const g = { name: 'c', label: 'Cols', codes: Int32Array.of(0, 1, 1, 0), levels: ['x', 'y'] };
    const named = chiSquareTest(crossTab(f, g));
    expect([named.rowVariable, named.colVariable, named.rowVariableLabel, named.colVariableLabel]).toEqual(['r', 'c', 'Rows', 'Cols']);
  });

  it('refuses a weighted cross-tab with the whole explanation', () => {
    const e = caught(() => chiSquareTest(crossTab(['a', 'b'], ['x', 'y'], { weights: [1, 1] })));
    expect(e).toBeInstanceOf(TypeError);
    expect(e.message).toBe('chiSquareTest(table): this cross-tab is weighted; a plain Pearson chi-square on weighted counts is wrong — use raoScottChiSquare(rows, cols, weights)');
  });
});

describe('gTest', () => {
  it('no correction (default): G², p, n, fields of a plain test, no warning', () => {
    const g = gTest(T33);
    expect(g.method).toBe('Log-likelihood ratio (G) test of independence');
    expectRel(g.statistic, 22.436831811936365);
    expectRel(g.pValue, 0.00016402829871417791);
    expect(g.df).toBe(4);
    expect(g.n).toBe(42);
    expect(g.yates).toBe(false);
    expect(g.williamsQ).toBeNull();
    expect(g.statisticUncorrected).toBe(g.statistic);
    expect(g.warnings).toEqual([]);
  });

  it('"yates" is ignored beyond 2 × 2', () => {
    const g = gTest(T33, { correct: 'yates' });
    expect(g.yates).toBe(false);
    expect(g.method).toBe('Log-likelihood ratio (G) test of independence');
    expectRel(g.statistic, 22.436831811936365);
  });

  it('"yates" is ignored on 3 × 2 and 2 × 3 too (G² as scipy without correction: 9.179282639573417)', () => {
    for (const t of [T23, [[3, 8], [7, 1], [2, 6]]]) {
      const g = gTest(t, { correct: 'yates' });
      expect(g.yates).toBe(false);
      expect(g.method).toBe('Log-likelihood ratio (G) test of independence');
      expectRel(g.statistic, 9.179282639573417);
    }
  });

  it('"yates" on 2 × 2 (scipy correction=True, lambda_="log-likelihood")', () => {
    const g = gTest(T22, { correct: 'yates' });
    expect(g.yates).toBe(true);
    expect(g.method).toBe("Log-likelihood ratio (G) test of independence with Yates' continuity correction");
    expectRel(g.statistic, 4.40478157156848);
    expectRel(g.pValue, 0.03583831398632644);
    expect(g.statisticUncorrected).toBe(g.statistic);
    expect(g.williamsQ).toBeNull();
    expect(g.warnings).toEqual([]);
  });

  it('"yates" moves each count at most to its expected count: [[5, 5], [5, 6]] gives 0, [[2, 2], [2, 2]] too', () => {
    // |O − E| = 0.238… < 0.5 everywhere: the corrected counts equal E, G = 0 (scipy: 0.0, p 1.0).
    const g = gTest([[5, 5], [5, 6]], { correct: 'yates' });
    expect(Math.abs(g.statistic)).toBeLessThan(1e-12);
    expect(g.pValue).toBeCloseTo(1, 9);
    const eq = gTest([[2, 2], [2, 2]], { correct: 'yates' });
    expect(eq.statistic).toBe(0);
  });

  it('"williams": q, G/q and its p, the uncorrected G, a warning giving q', () => {
    const g = gTest(T33, { correct: 'williams' });
    expect(g.method).toBe("Log-likelihood ratio (G) test of independence with Williams' correction");
    expectRel(g.williamsQ as number, 1.0753035376082252);
    expectRel(g.statistic, 20.865579836036);
    expectRel(g.pValue, 0.0003367046630300378);
    expectRel(g.statisticUncorrected, 22.436831811936365);
    expect(g.df).toBe(4);
    expect(g.n).toBe(42);
    expect(g.yates).toBe(false);
    expect(g.warnings).toEqual([{ code: 'stats.table.williamsApplied', params: { q: g.williamsQ }, text: "Williams' correction applied to G (divided by q = 1.0753)." }]);
    const two = gTest(T22, { correct: 'williams' });
    expect(two.yates).toBe(false);
    expectRel(two.williamsQ as number, 1.039353014546513);
    expectRel(two.statistic, 5.696910826422117);
    expectRel(two.pValue, 0.01699479910495881);
    const t23 = gTest(T23, { correct: 'williams' });
    expectRel(t23.williamsQ as number, 1.0772341470258138);
    expectRel(t23.statistic, 8.521158250429517);
    expectRel(t23.pValue, 0.014114126196502047);
  });

  it('"williams" after removing an empty row uses the reduced table’s margins', () => {
    const g = gTest([[3, 7, 2], [0, 0, 0], [8, 1, 6]], { correct: 'williams' });
    expectRel(g.williamsQ as number, 1.0772341470258138);
    expect(g.warnings.map((w) => w.code)).toEqual(['stats.table.emptyRemoved', 'stats.table.williamsApplied']);
  });

  it('refuses an unknown correction, naming it', () => {
    const e = caught(() => gTest(T22, { correct: 'pearson' as 'none' }));
    expect(e).toBeInstanceOf(RangeError);
    expect(e.message).toBe("gTest(options.correct): expected 'none', 'yates' or 'williams', got pearson");
    const b = caught(() => gTest(T22, { correct: true as unknown as 'none' }));
    expect(b.message).toBe("gTest(options.correct): expected 'none', 'yates' or 'williams', got true");
  });
});

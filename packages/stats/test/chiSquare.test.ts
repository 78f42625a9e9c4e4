import { renderMessage, SatlabError } from '@satlab/messages';
import { describe, expect, it } from 'vitest';
import { binomialCdf, chiSquareTest, collapseCategories, fisherExactTest, gTest, matrixFromRows, monteCarloChiSquare, r2dtable } from '@satlab/stats';
import fx from './fixtures/chisq.json' with { type: 'json' };
import gx from './fixtures/gtest.json' with { type: 'json' };
import bts from './fixtures/bts-annex3.json' with { type: 'json' };
import frx from './fixtures/fisher-rxc.json' with { type: 'json' };

/** Relative error (absolute below 1e-300). */
function rel(got: number, want: number): number {
  if (want === 0) return Math.abs(got);
  return Math.abs(got - want) / Math.abs(want);
}
function maxRelMatrix(got: number[][], want: number[][]): number {
  expect(got.length).toBe(want.length);
  let m = 0;
  got.forEach((row, i) => {
    expect(row.length).toBe(want[i].length);
    row.forEach((v, j) => (m = Math.max(m, Math.abs(want[i][j]) < 1e-12 ? Math.abs(v - want[i][j]) : rel(v, want[i][j]))));
  });
  return m;
}
const num = (v: number | string): number => (v === 'Inf' ? Infinity : v === '-Inf' ? -Infinity : (v as number));
const TOL = 1e-9;

describe('chiSquareTest matches R chisq.test and vcd::assocstats (fixtures/chisq.R)', () => {
  for (const c of fx.chisq) {
    it(`${c.name}: X², df, p, expected, residuals, stdres, V, C, phi, G² (${c.call})`, () => {
      const t = chiSquareTest(c.table);
      const t0 = chiSquareTest(c.table, { correct: false });
      expect(rel(t.statistic, c.corrected.statistic)).toBeLessThan(TOL);
      expect(t.df).toBe(c.corrected.df);
      expect(rel(t.pValue, c.corrected.pValue)).toBeLessThan(TOL);
      expect(t.method).toBe(c.corrected.method);
      expect(rel(t0.statistic, c.uncorrected.statistic)).toBeLessThan(TOL);
      expect(rel(t0.pValue, c.uncorrected.pValue)).toBeLessThan(TOL);
      expect(t0.method).toBe(c.uncorrected.method);
      expect(rel(t.statisticUncorrected, c.uncorrected.statistic)).toBeLessThan(TOL);
      expect(maxRelMatrix(t.expected, c.expected)).toBeLessThan(TOL);
      expect(maxRelMatrix(t.residuals, c.residuals)).toBeLessThan(TOL);
      expect(maxRelMatrix(t.adjustedResiduals, c.stdres)).toBeLessThan(TOL);
      expect(rel(t.cramersV, c.assocstats.cramer)).toBeLessThan(TOL);
      expect(rel(t.contingencyCoefficient, c.assocstats.contingency)).toBeLessThan(TOL);
      if (c.assocstats.phi === null) expect(t.phi).toBeNull();
      else expect(rel(t.phi as number, c.assocstats.phi)).toBeLessThan(TOL);
      expect(rel(t.gTest.statistic, c.assocstats.lrStatistic)).toBeLessThan(TOL);
      // vcd's p is 1 − pchisq (absolute precision only); ours is the survival function, as pchisq(G², df, lower.tail = FALSE).
      expect(rel(t.gTest.pValue, c.assocstats.lrPValueSf)).toBeLessThan(TOL);
      expect(Math.abs(t.gTest.pValue - c.assocstats.lrPValue)).toBeLessThan(1e-14);
      if (c.bergsma.value !== null) expect(rel(t.cramersVBiasCorrected, c.bergsma.value)).toBeLessThan(TOL);
      const contributions = t.contributions.flat().reduce((a, b) => a + b, 0);
      expect(rel(contributions, c.uncorrected.statistic)).toBeLessThan(1e-12);
    });
  }

  it('applies Yates only on 2×2 tables, says so, and keeps V/phi on the uncorrected X²', () => {
    const two = chiSquareTest([[12, 5], [7, 15]]);
    expect(two.yates).toBe(true);
    expect(two.statistic).toBeLessThan(two.statisticUncorrected);
    expect(two.warnings.some((w) => w.text.includes('Yates'))).toBe(true);
    expect(rel(two.phi as number, Math.sqrt(two.statisticUncorrected / two.n))).toBeLessThan(1e-15);
    const off = chiSquareTest([[12, 5], [7, 15]], { correct: false });
    expect(off.yates).toBe(false);
    expect(off.warnings.some((w) => w.text.includes('Yates'))).toBe(false);
    const big = chiSquareTest([[8, 2], [3, 9], [5, 5]]);
    expect(big.yates).toBe(false);
    expect(big.statistic).toBe(big.statisticUncorrected);
  });

  it('accepts a column-major Matrix the same as rows', () => {
    const rows = fx.chisq[0].table;
    const a = chiSquareTest(rows);
    const b = chiSquareTest(matrixFromRows(rows));
    expect(b.statistic).toBe(a.statistic);
    expect(b.adjustedResiduals).toEqual(a.adjustedResiduals);
  });

  it('removes empty rows and columns, names them in a warning, and tests the rest as R does on the reduced table', () => {
    const withEmpty = [[8, 0, 2], [0, 0, 0], [3, 0, 9], [5, 0, 5]];
    const t = chiSquareTest(withEmpty, { rowLabels: ['a', 'vide', 'b', 'c'], colLabels: ['x', 'rien', 'y'] });
    expect(t.removedRows).toEqual(['vide']);
    expect(t.removedCols).toEqual(['rien']);
    expect(t.rowLabels).toEqual(['a', 'b', 'c']);
    const removed = t.warnings.filter((w) => w.code === 'stats.table.emptyRemoved');
    expect(removed.map((w) => w.params.labels)).toEqual([['vide'], ['rien']]);
    expect(removed[0].text).toBe('Empty row “vide” (no observations) was removed before the test.');
    expect(renderMessage(removed[1], 'fr')).toBe('La colonne vide «\u00a0rien\u00a0» (aucune observation) a été retirée avant le test.');
    const r3x2 = fx.chisq.find((c) => c.name === 'r3x2')!;
    expect(rel(t.statistic, r3x2.corrected.statistic)).toBeLessThan(TOL);
  });

  it('throws a RangeError naming the function when fewer than 2×2 non-empty cells remain', () => {
    expect(() => chiSquareTest([[1, 2], [0, 0]])).toThrow(/chiSquareTest.*2 × 2/);
    expect(() => chiSquareTest([[1, -2], [3, 4]])).toThrow(RangeError);
    expect(() => chiSquareTest([[1, 2], [3]])).toThrow(/row 1 has 1 cells/);
    expect(() => chiSquareTest([[1, NaN], [3, 4]])).toThrow(/no missing cells/);
  });

  it('warns on non-integer counts (weighted data) instead of pretending they are respondents', () => {
    const t = chiSquareTest([[10.5, 4.2], [3.3, 12.9]]);
    expect(t.warnings.some((w) => w.text.includes('raoScottChiSquare'))).toBe(true);
  });
});

describe('BTS annex 3 reproduces ../shared/reference/bts-expected.json (copied in fixtures/bts-annex3.json)', () => {
  const e = bts.expected;
  // Computed inside each test, not once while the block is collected: mutation testing (Stryker)
  // switches a mutant on only when the tests run, and runs only the tests that reached it.
  const run = () => chiSquareTest(bts.table, { rowLabels: bts.rowLabels, colLabels: bts.colLabels });
  it('X² = 53.759, df = 12, p = 3.02e-7, n = 582 (R chisq.test(m))', () => {
    const t = run();
    expect(rel(t.statistic, e.statistic)).toBeLessThan(1e-10);
    expect(t.df).toBe(e.df);
    expect(rel(t.pValue, e.pValue)).toBeLessThan(1e-9);
    expect(t.n).toBe(e.n);
    expect(t.yates).toBe(false);
  });
  it("Cramér's V, Bergsma's V, contingency coefficient, G² (vcd::assocstats)", () => {
    const t = run();
    expect(rel(t.cramersV, e.cramersV)).toBeLessThan(1e-9);
    expect(rel(t.cramersVBiasCorrected, e.cramersVBiasCorrected_Bergsma)).toBeLessThan(1e-9);
    expect(Math.abs(t.contingencyCoefficient - e.contingencyCoefficient)).toBeLessThan(5e-4); // printed to 3 decimals
    expect(rel(t.gTest.statistic, e.likelihoodRatio_G2)).toBeLessThan(1e-10);
    expect(rel(t.gTest.pValue, e.likelihoodRatio_pValue)).toBeLessThan(1e-9);
  });
  it('2 cells with expected < 5, minimum 2.7835, with the SPSS-style warning', () => {
    const t = run();
    expect(t.expectedBelow5).toBe(e.cellsExpectedBelow5);
    expect(Math.abs(t.minExpected - e.minExpected)).toBeLessThan(5e-7);
    expect(t.expected[2].map((v, j) => Math.abs(v - e.expected_row_Prev_Retraite[j])).every((d) => d < 5e-6)).toBe(true);
    const w = t.warnings.find((m) => m.code === 'stats.table.smallExpected')!;
    expect(w.params).toMatchObject({ below: 2, cells: 20 });
    expect(w.text).toBe(
      '2 of 20 cells (10.0%) have expected counts below 5; the minimum expected count is 2.78. The chi-square approximation may be inaccurate: consider the Monte-Carlo or exact p-value.',
    );
    expect(renderMessage(w, 'fr')).toBe(
      "2 cases sur 20 (10,0\u00a0%) ont un effectif attendu inférieur à 5 ; le plus petit effectif attendu est 2,78. L'approximation du khi-deux peut être imprécise : préférez la p-valeur de Monte-Carlo ou exacte.",
    );
  });
  it('adjusted standardized residuals (R $stdres, rounded to 6 decimals)', () => {
    const t = run();
    t.adjustedResiduals.forEach((row, i) => row.forEach((v, j) => expect(Math.abs(v - e.adjustedResiduals[i][j])).toBeLessThan(5e-7)));
  });
  it('collapsed to not satisfied vs satisfied: X² = 15.989, df = 4 (R chisq.test(cbind(m[,1]+m[,2], m[,3]+m[,4])))', () => {
    const c = collapseCategories(bts.table, {
      colLabels: bts.colLabels,
      cols: [
        { label: 'Insatisfait', members: ['Pas du tout satisfait', 'Plutôt pas satisfait'] },
        { label: 'Satisfait', members: ['Plutôt satisfait', 'Tout à fait satisfait'] },
      ],
    });
    expect(c.colLabels).toEqual(['Insatisfait', 'Satisfait']);
    const t2 = chiSquareTest(c.table);
    const w = e.collapsed_not_satisfied_vs_satisfied;
    expect(rel(t2.statistic, w.statistic)).toBeLessThan(1e-10);
    expect(t2.df).toBe(w.df);
    expect(rel(t2.pValue, w.pValue)).toBeLessThan(1e-9);
  });
});

describe('gTest matches scipy chi2_contingency(lambda_="log-likelihood") (fixtures/gtest.py)', () => {
  for (const c of gx.cases) {
    it(`${c.name}: ${c.call}`, () => {
      const g0 = gTest(c.table);
      expect(rel(g0.statistic, c.none.statistic)).toBeLessThan(TOL);
      expect(rel(g0.pValue, c.none.pValue)).toBeLessThan(TOL);
      expect(g0.df).toBe(c.none.df);
      const g1 = gTest(c.table, { correct: 'yates' });
      expect(rel(g1.statistic, c.yates.statistic)).toBeLessThan(TOL);
      expect(rel(g1.pValue, c.yates.pValue)).toBeLessThan(TOL);
      expect(g1.yates).toBe(c.table.length === 2 && c.table[0].length === 2);
    });
  }
});

describe('fisherExactTest matches R fisher.test', () => {
  for (const c of fx.fisher2x2) {
    it(`2×2 ${c.name}: p (two-sided, less, greater) equal R's; MLE and CI equal R's functions solved to 1e-15 (${c.call})`, () => {
      const f = fisherExactTest(c.table);
      expect(f.algorithm).toBe('exact 2x2 (hypergeometric)');
      expect(rel(f.pValue, c.pValue)).toBeLessThan(TOL);
      expect(rel(fisherExactTest(c.table, { alternative: 'less' }).pValue, c.pLess)).toBeLessThan(TOL);
      expect(rel(fisherExactTest(c.table, { alternative: 'greater' }).pValue, c.pGreater)).toBeLessThan(TOL);
      const p = c.precise;
      const relOrEqual = (got: number, want: number | string): number => (num(want) === got ? 0 : rel(got, num(want)));
      expect(relOrEqual(f.estimate as number, p.estimate[0])).toBeLessThan(1e-8);
      expect(relOrEqual(f.ci![0], p.ci[0])).toBeLessThan(1e-8);
      expect(relOrEqual(f.ci![1], p.ci[1])).toBeLessThan(1e-8);
      const less = fisherExactTest(c.table, { alternative: 'less' }).ci!;
      const greater = fisherExactTest(c.table, { alternative: 'greater' }).ci!;
      expect(relOrEqual(less[1], p.ciLess[1])).toBeLessThan(1e-8);
      expect(relOrEqual(greater[0], p.ciGreater[0])).toBeLessThan(1e-8);
      const ci90 = fisherExactTest(c.table, { confLevel: 0.9 }).ci!;
      expect(relOrEqual(ci90[0], p.ci90[0])).toBeLessThan(1e-8);
      expect(relOrEqual(ci90[1], p.ci90[1])).toBeLessThan(1e-8);
      // R's printed values (uniroot tol ≈ 1.2e-4 on its internal scale) are within that tolerance.
      expect(relOrEqual(f.estimate as number, c.rEstimate)).toBeLessThan(1e-3);
    });
  }
  for (const c of fx.fisherRxC) {
    it(`r×c ${c.name}: exact p by the network algorithm equals ${c.call}`, () => {
      const f = fisherExactTest(c.table);
      expect(f.algorithm).toBe('exact r x c (network algorithm)');
      expect(rel(f.pValue, c.pValue)).toBeLessThan(1e-9);
      expect(f.estimate).toBeNull();
    });
  }
  it('beyond its work budget falls back to a seeded Monte-Carlo p with its standard error and a warning (BTS annex 3, where R fails with "LDSTP too small")', () => {
    const f = fisherExactTest(bts.table, { maxWork: 1e5, monteCarloFallback: { replicates: 2000, seed: 3 } });
    expect(f.algorithm).toBe('monte-carlo');
    expect(f.replicates).toBe(2000);
    expect(f.pValue).toBe(1 / 2001);
    expect(f.se).toBeCloseTo(Math.sqrt((f.pValue * (1 - f.pValue)) / 2000), 15);
    expect(f.network!.exceeded).toBe('work');
    const w = f.warnings.find((m) => m.code === 'stats.table.fisherFallback')!;
    expect(w.params).toMatchObject({ reason: 'work', limit: 1e5 });
    expect(w.text).toMatch(/work budget \(1e\+5 steps\).*Monte-Carlo estimate \(standard error 0\.00050\)/);
    expect(renderMessage(w, 'fr')).toMatch(/budget de calcul .* estimation de Monte-Carlo \(erreur type 0,0005\)/);
    // None of the 2000 tables was as extreme: p = 1/2001 is only an upper bound, and a warning says so.
    const none = f.warnings.find((m) => m.code === 'stats.table.monteCarloNoneAsExtreme')!;
    expect(none.params).toMatchObject({ b: 2000 });
    expect(none.text).toMatch(/upper bound, not an estimate/);
    expect(renderMessage(none, 'fr')).toMatch(/0,000500 = 1\/\(B \+ 1\) est un majorant/);
    let err: unknown;
    try {
      fisherExactTest(bts.table, { maxWork: 1e5, monteCarloFallback: false });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(SatlabError);
    expect((err as SatlabError).code).toBe('stats.table.error.fisherTooLarge');
  });
  it('beyond its memory budget falls back cleanly too (no crash), and names the memory budget', () => {
    const f = fisherExactTest(bts.table, { maxMemory: 2 ** 20, monteCarloFallback: { replicates: 500, seed: 5 } });
    expect(f.algorithm).toBe('monte-carlo');
    expect(f.network!.exceeded).toBe('memory');
    expect(f.network!.peakBytes).toBeLessThan(2 ** 21);
    const w = f.warnings.find((m) => m.code === 'stats.table.fisherFallback')!;
    expect(w.params.reason).toBe('memory');
    expect(renderMessage(w, 'en')).toMatch(/memory budget \(1 MiB\)/);
  });
  // Left out under mutation testing (SATLAB_MUTATION): 0.8 billion tables, 20 s instrumented.
  it.skipIf(process.env.SATLAB_MUTATION)('HairEyeColor (females, first three eye colours, 4×3, n = 282): exact p = 5.14510991434e-21 (complete enumeration of 819,863,448 tables; R FEXACT 1.6e-7 above), well within budget', () => {
    const ref = frx.hairEye;
    const f = fisherExactTest(ref.table);
    expect(f.algorithm).toBe('exact r x c (network algorithm)');
    expect(rel(f.pValue, ref.bruteForce)).toBeLessThan(1e-9);
    expect(rel(f.pValue, ref.R)).toBeLessThan(1e-6);
    expect(f.network!.exceeded).toBeNull();
    expect(f.network!.work).toBeLessThan(2e7);
    // The same p with the table transposed and its rows and columns permuted.
    const tr = ref.table[0].map((_, j) => ref.table.map((row) => row[j]).reverse());
    expect(rel(fisherExactTest(tr).pValue, ref.bruteForce)).toBeLessThan(1e-9);
  });
  it('the Monte-Carlo Fisher p is within a binomial margin of the exact p (sparse 3×4)', () => {
    const c = fx.fisherRxC.find((q) => q.name === 'sparse')!;
    const B = 20000;
    const f = fisherExactTest(c.table, { simulate: true, monteCarloFallback: { replicates: B, seed: 11 } });
    expect(f.algorithm).toBe('monte-carlo');
    const b = Math.round(f.pValue * (B + 1)) - 1;
    // b ~ Binomial(B, p): two-sided 1e-4 acceptance region.
    expect(binomialCdf(b, B, c.pValue)).toBeGreaterThan(5e-5);
    expect(1 - binomialCdf(b - 1, B, c.pValue)).toBeGreaterThan(5e-5);
  });
  it('rejects non-integer counts and one-sided alternatives on r×c', () => {
    expect(() => fisherExactTest([[1.5, 2], [3, 4]])).toThrow(/integer/);
    expect(() => fisherExactTest([[1, 2, 3], [3, 4, 5]], { alternative: 'less' })).toThrow(/two.sided/);
  });
});

describe('monteCarloChiSquare (Patefield tables, p = (1 + b)/(B + 1), seeded)', () => {
  it('the same seed gives the same p, another seed another stream', () => {
    const m = fx.chisq.find((c) => c.name === 'sparse')!.table;
    const a = monteCarloChiSquare(m, { replicates: 3000, seed: 42 });
    const b = monteCarloChiSquare(m, { replicates: 3000, seed: 42 });
    const c = monteCarloChiSquare(m, { replicates: 3000, seed: 43 });
    expect(b.pValue).toBe(a.pValue);
    expect(c.exceedances).not.toBe(a.exceedances);
    expect(a.pValue).toBe((1 + a.exceedances) / 3001);
    expect(a.method).toBe("Pearson's Chi-squared test with simulated p-value (based on 3000 replicates)");
  });
  for (const c of fx.monteCarlo) {
    it(`${c.name}: p within a binomial margin of R's ${c.call}`, () => {
      const B = 20000;
      const r = monteCarloChiSquare(c.table, { replicates: B, seed: 2024 });
      // R's estimate has its own MC error (B = 1e6, se ≤ 5e-4); allow for both.
      const pR = c.pValue;
      const se = Math.sqrt((pR * (1 - pR)) / B + (pR * (1 - pR)) / c.replicates);
      expect(Math.abs(r.pValue - pR)).toBeLessThan(4.5 * se);
    });
  }
  it('r2dtable: simulated tables keep the margins, and cells have the hypergeometric mean and variance', () => {
    // E[x_ij] = R_i C_j / n and Var = R_i C_j (n − R_i)(n − C_j) / (n² (n − 1)) under the multiple hypergeometric.
    const rows = [7, 12, 4];
    const cols = [5, 9, 6, 3];
    const n = 23;
    const B = 40000;
    const tables = r2dtable(B, rows, cols, { seed: 5 });
    expect(tables.length).toBe(B);
    const sum = new Float64Array(12);
    const sumSq = new Float64Array(12);
    let marginsOk = true;
    for (const t of tables) {
      for (let i = 0; i < 3; i++) if (t[i].reduce((a, b) => a + b, 0) !== rows[i]) marginsOk = false;
      for (let j = 0; j < 4; j++) if (t[0][j] + t[1][j] + t[2][j] !== cols[j]) marginsOk = false;
      for (let q = 0; q < 12; q++) {
        const v = t[Math.floor(q / 4)][q % 4];
        sum[q] += v;
        sumSq[q] += v * v;
      }
    }
    expect(marginsOk).toBe(true);
    for (let i = 0; i < 3; i++) for (let j = 0; j < 4; j++) {
      const q = i * 4 + j;
      const mean = sum[q] / B;
      const v = (rows[i] * cols[j] * (n - rows[i]) * (n - cols[j])) / (n * n * (n - 1));
      expect(Math.abs(mean - (rows[i] * cols[j]) / n)).toBeLessThan(5 * Math.sqrt(v / B));
      expect(Math.abs(sumSq[q] / B - mean * mean - v)).toBeLessThan(0.05 * v + 0.01);
    }
    expect(r2dtable(3, rows, cols, { seed: 9 })).toEqual(r2dtable(3, rows, cols, { seed: 9 }));
    expect(() => r2dtable(1, [3, 2], [1, 3])).toThrow(/totals differ/);
  });
  it('chiSquareTest carries the Monte-Carlo p when asked (BTS: no simulated table reaches X² = 53.8)', () => {
    const t = chiSquareTest(bts.table, { monteCarlo: { replicates: 2000, seed: 1 } });
    expect(t.monteCarlo?.pValue).toBe(1 / 2001);
    expect(t.monteCarlo?.seed).toBe(1);
    expect(t.monteCarlo?.statistic).toBe(t.statistic);
  });
});

import { renderMessage } from '@satlab/messages';
import { describe, expect, it } from 'vitest';
import { chiSquareTest, collapseCategories, columnProportionTests, crossTab, kishEffectiveN, raoScottChiSquare } from '@satlab/stats';
import fx from './fixtures/chisq.json' with { type: 'json' };

function rel(got: number, want: number): number {
  if (want === 0) return Math.abs(got);
  return Math.abs(got - want) / Math.abs(want);
}

describe('crossTab', () => {
  it('counts strings, sorts levels with numeric collation, reports margins and percentages', () => {
    const ct = crossTab(['b', 'a', 'a', '10', '2', 'a'], ['x', 'y', 'x', 'x', 'y', 'y']);
    expect(ct.rowLevels).toEqual(['2', '10', 'a', 'b']);
    expect(ct.colLevels).toEqual(['x', 'y']);
    expect(ct.counts).toEqual([[0, 1], [1, 0], [1, 2], [1, 0]]);
    expect(ct.rowTotals).toEqual([1, 1, 3, 1]);
    expect(ct.colTotals).toEqual([3, 3]);
    expect(ct.total).toBe(6);
    expect(ct.rowPercents[2][1]).toBeCloseTo(200 / 3, 12);
    expect(ct.colPercents[2][1]).toBeCloseTo(200 / 3, 12);
    expect(ct.totalPercents[2][1]).toBeCloseTo(100 / 3, 12);
    expect(ct.n).toBe(6);
    expect(ct.nMissing).toBe(0);
  });

  it('excludes and counts respondents with a missing row, column or weight (never silently)', () => {
    const ct = crossTab(Int32Array.from([0, 1, -1, 0, 1]), Int32Array.from([1, 0, 0, -1, 1]), {
      weights: [1, 2, 3, 4, NaN],
      rowLevels: ['Auto', 'Santé'],
      colLevels: ['non', 'oui'],
    });
    expect(ct.counts).toEqual([[0, 1], [2, 0]]);
    expect(ct.n).toBe(2);
    expect(ct.nMissing).toBe(3);
    expect(ct.missingBy).toEqual({ rows: 1, cols: 1, weights: 1 });
    expect(ct.warnings[0].code).toBe('stats.table.missingExcluded');
    expect(ct.warnings[0].text).toMatch(/3 respondent\(s\) excluded/);
    expect(renderMessage(ct.warnings[0], 'fr')).toMatch(/^3 répondant\(s\) exclu\(s\)/);
    expect(ct.weighted).toBe(true);
  });

  it('matches R xtabs(w ~ a + b) on weighted data (fixtures/chisq.R)', () => {
    for (const c of fx.raoScott) {
      const ct = crossTab(c.a, c.b, { weights: c.w });
      expect(ct.rowLevels).toEqual(c.rowLevels);
      expect(ct.colLevels).toEqual(c.colLevels);
      ct.counts.forEach((row, i) => row.forEach((v, j) => expect(Math.abs(v - c.xtabs[i][j])).toBeLessThan(1e-9)));
    }
  });

  it('keeps empty levels (chiSquareTest then removes and names them)', () => {
    const ct = crossTab(['a', 'a', 'c', 'c', 'a', 'c'], ['x', 'y', 'x', 'y', 'y', 'x'], { rowLevels: ['a', 'b', 'c'] });
    expect(ct.counts[1]).toEqual([0, 0]);
    expect(Number.isNaN(ct.rowPercents[1][0])).toBe(true);
    const t = chiSquareTest(ct);
    expect(t.removedRows).toEqual(['b']);
    expect(t.rowLabels).toEqual(['a', 'c']);
  });

  it('throws on misuse, naming the function and the argument', () => {
    expect(() => crossTab(['a'], ['x', 'y'])).toThrow(/crossTab\(rows, cols\): lengths differ/);
    expect(() => crossTab(['a', 'z'], ['x', 'y'], { rowLevels: ['a', 'b'] })).toThrow(/"z"/);
    expect(() => crossTab(['a', 'b'], ['x', 'y'], { weights: [1, -1] })).toThrow(/weights/);
    expect(() => crossTab(Int32Array.from([0, 3]), Int32Array.from([0, 1]), { rowLevels: ['a', 'b'] })).toThrow(/code 3/);
  });

  it('refuses a weighted cross-tab in chiSquareTest (plain Pearson on weighted counts is wrong)', () => {
    const ct = crossTab(['a', 'b', 'a', 'b'], ['x', 'x', 'y', 'y'], { weights: [1, 2, 3, 4] });
    expect(() => chiSquareTest(ct)).toThrow(/raoScottChiSquare/);
  });
});

describe('kishEffectiveN', () => {
  it('(Σw)²/Σw² as R sum(w)^2 / sum(w^2) (fixtures/chisq.R)', () => {
    for (const c of fx.raoScott) expect(rel(kishEffectiveN(c.w).effectiveN, c.kish)).toBeLessThan(1e-12);
  });
  it('equals n for equal weights, counts NaN weights as missing', () => {
    const k = kishEffectiveN([2, 2, 2, NaN]);
    expect(k.effectiveN).toBe(3);
    expect(k.designEffect).toBe(1);
    expect(k.nMissing).toBe(1);
    expect(k.sumWeights).toBe(6);
    expect(() => kishEffectiveN([1, -1])).toThrow(RangeError);
  });
});

describe('raoScottChiSquare matches R survey::svychisq on a weighted one-stage design (fixtures/chisq.R)', () => {
  for (const c of fx.raoScott) {
    it(`${c.name}: first order (statistic = "Chisq") and second order (statistic = "F") — ${c.call}`, () => {
      const r = raoScottChiSquare(c.a, c.b, c.w);
      expect(rel(r.pearsonStatistic, c.pearson)).toBeLessThan(1e-9);
      expect(r.df).toBe(c.df);
      expect(rel(r.pValue, c.pValue)).toBeLessThan(1e-9);
      expect(rel(r.secondOrder.statistic, c.F)).toBeLessThan(1e-9);
      expect(rel(r.secondOrder.ndf, c.ndf)).toBeLessThan(1e-9);
      expect(rel(r.secondOrder.ddf, c.ddf)).toBeLessThan(1e-9);
      expect(rel(r.secondOrder.pValue, c.pValueF)).toBeLessThan(1e-9);
      // δ̄ = X² / (F · df) from svychisq's two statistics.
      expect(rel(r.designEffect, c.pearson / (c.F * c.df))).toBeLessThan(1e-9);
      expect(rel(r.statistic, r.pearsonStatistic / r.designEffect)).toBeLessThan(1e-14);
      expect(rel(r.effectiveN, c.kish)).toBeLessThan(1e-12);
      expect(r.method).toBe("Pearson's X^2: Rao & Scott adjustment");
    });
  }
  it('svychisq’s printed values side by side: "X-squared = 0.24, df = 1, p-value = 0.6698" is pearsonStatistic and pValue; "F = 0.18182, ndf = 1, ddf = 5, p-value = 0.6875" is secondOrder', () => {
    // R: d <- data.frame(a = c("a","a","b","b","a","b"), b = c("x","y","x","y","x","x"), w = c(1,2,1,3,2,1));
    //    des <- svydesign(ids = ~1, weights = ~w, data = d); svychisq(~a + b, des, statistic = "Chisq"); svychisq(~a + b, des)
    const r = raoScottChiSquare(['a', 'a', 'b', 'b', 'a', 'b'], ['x', 'y', 'x', 'y', 'x', 'x'], [1, 2, 1, 3, 2, 1]);
    const printed = { xSquared: 0.24, df: 1, pChisq: 0.6698, F: 0.18182, ndf: 1, ddf: 5, pF: 0.6875 };
    const ours = { xSquared: r.pearsonStatistic, df: r.df, pChisq: r.pValue, F: r.secondOrder.statistic, ndf: r.secondOrder.ndf, ddf: r.secondOrder.ddf, pF: r.secondOrder.pValue };
    for (const k of Object.keys(printed) as (keyof typeof printed)[]) expect(Number(ours[k].toPrecision(k === 'F' ? 5 : 4))).toBe(printed[k]);
    // statistic is the corrected X²_n/δ̄ (0.1818…), which svychisq does not print in "Chisq" mode.
    expect(rel(r.statistic, 0.24 / r.designEffect)).toBeLessThan(1e-12);
    expect(r.statistic).not.toBeCloseTo(0.24, 3);
  });
  it('with equal weights the design effect is n/(n − 1) and the statistic is Pearson’s X² × (n − 1)/n', () => {
    const c = fx.raoScott.find((q) => q.name === 'equal')!;
    const r = raoScottChiSquare(c.a, c.b, c.w);
    const n = c.a.length;
    expect(rel(r.designEffect, n / (n - 1))).toBeLessThan(1e-12);
    const plain = chiSquareTest(crossTab(c.a, c.b), { correct: false });
    expect(rel(r.statistic, (plain.statistic * (n - 1)) / n)).toBeLessThan(1e-12);
    // The same first-order correction applied to G² (Rao & Scott 1984).
    expect(rel(r.gTest.statistic, (plain.gTest.statistic * (n - 1)) / n)).toBeLessThan(1e-12);
    expect(rel(r.gTest.statisticUncorrected, plain.gTest.statistic)).toBeLessThan(1e-12);
  });
});

describe('columnProportionTests (SPSS "compare column proportions")', () => {
  for (const c of fx.columnProportions) {
    it(`${c.name}: z tests and p-values equal ${c.call}`, () => {
      for (const adjust of ['bonferroni', 'bh'] as const) {
        const res = columnProportionTests(c.table, { adjust });
        expect(res.comparisons.length).toBe(c.comparisons.length);
        res.comparisons.forEach((q, k) => {
          const w = c.comparisons[k];
          expect([q.row, q.colA, q.colB]).toEqual([w.row, w.colA, w.colB]);
          expect(rel(q.z * q.z, w.X2)).toBeLessThan(1e-9);
          expect(rel(q.pValue, w.pValue)).toBeLessThan(1e-9);
          expect(rel(q.pAdjusted, adjust === 'bonferroni' ? w.bonferroni : w.bh)).toBeLessThan(1e-9);
          expect(q.significant).toBe((adjust === 'bonferroni' ? w.bonferroni : w.bh) < 0.05);
        });
      }
    });
  }
  it('letters: a cell names the columns whose proportion in that row is significantly lower', () => {
    const bts = fx.chisq.find((q) => q.name === 'bts')!.table;
    // satisfaction levels in rows, contracts in columns (A Auto/Moto, B Habitation, C Prév. Retraite, D Resp. civile, E Santé)
    const t = bts[0].map((_, j) => bts.map((row) => row[j]));
    const res = columnProportionTests(t, { colLabels: ['Auto/Moto', 'Habitation', 'Prév. Retraite', 'Resp. civile', 'Santé'] });
    expect(res.columnLetters).toEqual(['A', 'B', 'C', 'D', 'E']);
    for (const q of res.comparisons) {
      const hi = q.pA > q.pB ? q.colA : q.colB;
      const lo = hi === q.colA ? q.colB : q.colA;
      expect(res.letters[q.row][hi].includes(res.columnLetters[lo])).toBe(q.significant);
    }
    // "Pas du tout satisfait": Auto/Moto (15.2 %) vs Habitation (3.7 %), prop.test p = 3.2e-4, × 10 pairs < 0.05.
    expect(res.letters[0][0]).toContain('B');
    // Prév. Retraite has 0 "Plutôt pas satisfait": not compared in that row (as SPSS), with a warning.
    expect(res.comparisons.some((q) => q.row === 1 && (q.colA === 2 || q.colB === 2))).toBe(false);
    expect(res.warnings.some((w) => w.code === 'stats.table.propExtreme' && w.text.includes('Prév. Retraite'))).toBe(true);
  });
  it('family "table" adjusts over all pairs of the table', () => {
    const job = fx.columnProportions.find((q) => q.name === 'job')!.table;
    const row = columnProportionTests(job, { adjust: 'bonferroni' });
    const all = columnProportionTests(job, { adjust: 'bonferroni', family: 'table' });
    const m = all.comparisons.length;
    all.comparisons.forEach((q) => expect(q.pAdjusted).toBeCloseTo(Math.min(1, q.pValue * m), 14));
    expect(row.comparisons.length).toBe(m);
  });
});

describe('collapseCategories', () => {
  it('sums rows and columns into groups placed at their first member', () => {
    const c = collapseCategories(
      [[1, 2, 3], [4, 5, 6], [7, 8, 9]],
      { rowLabels: ['a', 'b', 'c'], colLabels: ['x', 'y', 'z'], rows: [{ label: 'a+c', members: ['a', 'c'] }], cols: [{ label: 'yz', members: [1, 2] }] },
    );
    expect(c.table).toEqual([[1 + 7, 2 + 3 + 8 + 9], [4, 11]]);
    expect(c.rowLabels).toEqual(['a+c', 'b']);
    expect(c.colLabels).toEqual(['x', 'yz']);
    expect(c.rowSources).toEqual([[0, 2], [1]]);
  });
  it('throws on an unknown member or a category in two groups', () => {
    expect(() => collapseCategories([[1, 2], [3, 4]], { colLabels: ['x', 'y'], cols: [{ label: 'g', members: ['w'] }] })).toThrow(/"w" is not a category/);
    expect(() => collapseCategories([[1, 2], [3, 4]], { cols: [{ label: 'g', members: [0] }, { label: 'h', members: [0, 1] }] })).toThrow(/two groups/);
  });
});

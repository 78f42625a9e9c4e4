import { renderMessage } from '@satlab/messages';
import { describe, expect, it } from 'vitest';
import { columnProportionTests, crossTab, gTest, kishEffectiveN, mannWhitneyTest, pAdjust, spearmanCorrelation } from '@satlab/stats';
import fx from './fixtures/issue16.json' with { type: 'json' };
import sx from './fixtures/spearman-exact.json' with { type: 'json' };

// References: fixtures/issue16.R (R 4.x: p.adjust, cor.test, wilcox.test(conf.int = TRUE), Williams'
// q and the effective-base z tests written out in R) and fixtures/spearman-exact.py (permutations).
const rel = (a: number, b: number): number => (a === b ? 0 : Math.abs(a - b) / Math.max(Math.abs(b), 1e-300));
const num = (a: readonly (number | null)[]): number[] => a.map((v) => (v === null ? NaN : v));

describe("pAdjust(p, 'hommel') equals R p.adjust(p, 'hommel')", () => {
  for (const c of fx.hommel) {
    it(`m = ${c.p.length}: ${JSON.stringify(c.p).slice(0, 60)}`, () => {
      const got = pAdjust(num(c.p), 'hommel');
      const want = num(c.adjusted as (number | null)[]);
      got.forEach((v, i) => (Number.isNaN(want[i]) ? expect(v).toBeNaN() : expect(rel(v, want[i])).toBeLessThan(1e-12)));
    });
  }
  it('is never larger than Hochberg and never smaller than the raw p-values', () => {
    const p = [0.001, 0.012, 0.013, 0.04, 0.3, 0.31];
    const h = pAdjust(p, 'hommel');
    const hb = pAdjust(p, 'hochberg');
    h.forEach((v, i) => {
      expect(v).toBeLessThanOrEqual(hb[i] + 1e-15);
      expect(v).toBeGreaterThanOrEqual(p[i]);
    });
  });
});

describe('spearmanCorrelation: exact p by the permutation distribution for n ≤ 14 (R uses the Edgeworth series from n = 10)', () => {
  for (const c of sx) {
    it(`n = ${c.n}, S = ${c.S}: p = ${c.pValue.toPrecision(6)} (${c.method} in Python)`, () => {
      const r = spearmanCorrelation(c.x, c.y);
      expect(r.pValueMethod).toBe('exact');
      expect(r.statistic).toBeCloseTo(c.S, 9);
      expect(rel(r.pValue, c.pValue)).toBeLessThan(1e-12);
    });
  }
  it('x = 1..10, y = (2,1,4,3,…): R prints p = 0, satlab gives the exact 2.06e-4 and says where R differs', () => {
    const c = fx.spearman[0];
    expect(c.rPValue).toBe(0);
    const r = spearmanCorrelation(c.x, c.y);
    expect(rel(r.estimate, c.rho)).toBeLessThan(1e-12);
    expect(r.pValue).toBeGreaterThan(2.05e-4);
    expect(r.pValue).toBeLessThan(2.07e-4);
    const w = r.warnings.find((m) => m.code === 'stats.spearmanExactDiffersFromR')!;
    expect(w.params).toMatchObject({ n: 10, rValue: 0 });
    expect(renderMessage(w, 'fr')).toMatch(/^p-valeur exacte 0,0002056 .*série d'Edgeworth et affiche 0$/);
  });
  it('agrees with R where R is exact (n ≤ 9) and warns only where R’s Edgeworth value is off by more than 1 %', () => {
    const r = spearmanCorrelation([1, 2, 3, 4, 5, 6], [2, 1, 4, 3, 6, 5]);
    expect(rel(r.pValue, 0.0583333333333333)).toBeLessThan(1e-12);
    expect(r.warnings).toEqual([]);
    const c = fx.spearman[2];
    const m = spearmanCorrelation(c.x, c.y);
    if (Math.abs(m.pValue - c.rPValue) <= 0.01 * m.pValue) expect(m.warnings).toEqual([]);
    else expect(m.warnings.map((q) => q.code)).toEqual(['stats.spearmanExactDiffersFromR']);
  });
});

describe("gTest(…, { correct: 'williams' }) — Williams' (1976) q as DescTools::GTest", () => {
  for (const [name, c] of Object.entries(fx.williams)) {
    it(`${name}: q, G/q, p equal the R computation to 1e-12`, () => {
      const r = gTest(c.table);
      const w = gTest(c.table, { correct: 'williams' });
      expect(rel(r.statistic, c.g)).toBeLessThan(1e-12);
      expect(rel(w.williamsQ!, c.q)).toBeLessThan(1e-12);
      expect(rel(w.statistic, c.statistic)).toBeLessThan(1e-12);
      expect(rel(w.statisticUncorrected, c.g)).toBeLessThan(1e-12);
      expect(rel(w.pValue, c.pValue)).toBeLessThan(1e-10);
      expect(w.df).toBe(c.df);
      expect(w.warnings.map((m) => m.code)).toContain('stats.table.williamsApplied');
    });
  }
});

describe('mannWhitneyTest(…, { confInt: true }): Hodges–Lehmann estimate and interval as wilcox.test(conf.int = TRUE)', () => {
  for (const [name, c] of Object.entries(fx.hodgesLehmann)) {
    const args = (Array.isArray(c.args) ? {} : c.args) as { conf_level?: number; alternative?: 'less' | 'greater'; 'conf.level'?: number };
    it(`${name}: estimate and bounds (exact case to 1e-12; with ties to R's uniroot tolerance 1e-4)`, () => {
      const r = mannWhitneyTest(c.x, c.y, { confInt: true, ...(args['conf.level'] ? { confLevel: args['conf.level'] } : {}), ...(args.alternative ? { alternative: args.alternative } : {}) });
      const tol = r.exact ? 1e-12 : 2e-4;
      expect(Math.abs(r.estimate! - c.estimate)).toBeLessThan(tol);
      // R's infinite bounds come through JSON as null.
      const ci = c.ci.map((v) => (v === null ? NaN : v));
      [0, 1].forEach((k) => (Number.isNaN(ci[k]) ? expect(Math.abs(r.ci![k])).toBe(Infinity) : expect(Math.abs(r.ci![k] - ci[k])).toBeLessThan(tol)));
      expect(rel(r.confLevel!, c.confLevel)).toBeLessThan(1e-12);
      expect(rel(r.pValue, c.pValue)).toBeLessThan(1e-12);
    });
  }
  it('without confInt the estimate and interval are null (no O(mn) work)', () => {
    const r = mannWhitneyTest([1, 2, 3], [4, 5, 6, 7]);
    expect([r.estimate, r.ci, r.confLevel]).toEqual([null, null, null]);
  });
  it('tiny samples: the requested level cannot be reached, R lowers it and so do we, with a warning', () => {
    const c = fx.hodgesLehmann.tiny;
    const r = mannWhitneyTest(c.x, c.y, { confInt: true });
    expect(rel(r.confLevel!, c.confLevel)).toBeLessThan(1e-12);
    expect(r.warnings.map((m) => m.code)).toContain('stats.confLevelNotReached');
  });
});

describe('columnProportionTests on weighted data: Kish effective base per column (as SPSS)', () => {
  const c = fx.weightedColumnProportions;
  it('z and p of every pair equal the R computation to 1e-12; bases are kishEffectiveN of each column’s weights', () => {
    const ct = crossTab(c.r, c.c, { weights: c.w, rowLevels: c.rowLevels, colLevels: c.colLevels });
    ct.counts.forEach((row, i) => row.forEach((v, j) => expect(rel(v, c.table[i][j])).toBeLessThan(1e-12)));
    const bases = c.colLevels.map((lv) => kishEffectiveN(c.w.filter((_, k) => c.c[k] === lv)).effectiveN);
    bases.forEach((b, j) => expect(rel(b, c.effectiveBases[j])).toBeLessThan(1e-12));
    const res = columnProportionTests(ct.counts, { effectiveBases: bases, rowLabels: c.rowLevels, colLabels: c.colLevels });
    for (const q of c.comparisons) {
      const mine = res.comparisons.find((m) => c.rowLevels[m.row] === q.row && c.colLevels[m.colA] === q.colA && c.colLevels[m.colB] === q.colB)!;
      expect(rel(mine.z, q.z)).toBeLessThan(1e-12);
      expect(rel(mine.pValue, q.pValue)).toBeLessThan(1e-10);
    }
    expect(res.method).toMatch(/weighted, effective bases/);
    expect(res.warnings.map((m) => m.code)).toContain('stats.table.weightedColumnProportions');
  });
  it('rejects effective bases of the wrong length', () => {
    expect(() => columnProportionTests([[1, 2], [3, 4]], { effectiveBases: [1] })).toThrow(RangeError);
  });
});

import { describe, expect, it } from 'vitest';
import {
  clopperPearsonInterval, kruskalWallisTest, mannWhitneyTest, meanConfidenceInterval, oneWayAnova, ols, pAdjust, pairedTTest,
  pearsonCorrelation, spearmanCorrelation, twoProportionTest, vif, welchTTest, wilsonInterval, matrixFromRows,
} from '@satlab/stats';

/** True when an object survives JSON round-trip as plain data (no typed arrays, class instances or functions). */
function isPlain(v: unknown): boolean {
  if (v === null || typeof v !== 'object') return typeof v !== 'function' && typeof v !== 'bigint';
  if (ArrayBuffer.isView(v)) return false;
  if (Array.isArray(v)) return v.every(isPlain);
  if (Object.getPrototypeOf(v) !== Object.prototype) return false;
  return Object.values(v).every(isPlain);
}

describe('proportion intervals', () => {
  it('Wilson and Clopper–Pearson bounds are exactly 0 at x = 0 and exactly 1 at x = n', () => {
    expect(wilsonInterval(0, 12).lower).toBe(0);
    expect(wilsonInterval(12, 12).upper).toBe(1);
    expect(clopperPearsonInterval(0, 12).lower).toBe(0);
    expect(clopperPearsonInterval(12, 12).upper).toBe(1);
  });
  it('an empty group (n = 0) gives NaN bounds and a warning, not an exception', () => {
    const r = wilsonInterval(0, 0);
    expect(r.estimate).toBeNaN();
    expect(r.warnings.length).toBe(1);
  });
  it('misuse throws RangeError naming the function and the argument', () => {
    expect(() => wilsonInterval(5, 3)).toThrow(/wilsonInterval.*successes/);
    expect(() => clopperPearsonInterval(1, 10, { confidence: 95 })).toThrow(/confidence/);
    expect(() => twoProportionTest(1, 0, 1, 5)).toThrow(RangeError);
  });
  it('twoProportionTest warns when an expected count is below 5 and when the pooled proportion is 0', () => {
    expect(twoProportionTest(1, 8, 3, 9).warnings.map((w) => w.text).join()).toMatch(/expected count below 5/);
    const r = twoProportionTest(0, 10, 0, 12);
    expect(r.statistic).toBeNaN();
    expect(r.warnings.map((w) => w.text).join()).toMatch(/pooled proportion/);
  });
});

describe('means and t tests', () => {
  it('counts NaN in nMissing and never skips it silently', () => {
    const r = meanConfidenceInterval([1, NaN, 3, NaN, 5]);
    expect(r.n).toBe(3);
    expect(r.nMissing).toBe(2);
    expect(r.mean).toBe(3);
  });
  it('n < 2 and constant data give NaN with a warning (R t.test stops with an error)', () => {
    const one = meanConfidenceInterval([4]);
    expect(one.lower).toBeNaN();
    expect(one.warnings.map((w) => w.text).join()).toMatch(/only 1 non-missing/);
    const flat = welchTTest([2, 2, 2], [2, 2, 2, 2]);
    expect(flat.pValue).toBeNaN();
    expect(flat.warnings.map((w) => w.text).join()).toMatch(/zero variance/);
  });
  it('±Infinity and non-numbers are misuse', () => {
    expect(() => meanConfidenceInterval([1, Infinity])).toThrow(/meanConfidenceInterval.*finite/);
    expect(() => welchTTest([1, 2, 3], ['a' as unknown as number])).toThrow(TypeError);
    expect(() => pairedTTest([1, 2], [1, 2, 3])).toThrow(/lengths differ/);
  });
  it('keeps the precision of data with a large common offset (two-pass moments)', () => {
    const base = [0.1, 0.2, 0.3, 0.25, 0.15];
    const a = meanConfidenceInterval(base);
    const b = meanConfidenceInterval(base.map((v) => v + 1e9));
    expect(Math.abs(b.sd - a.sd) / a.sd).toBeLessThan(1e-6);
  });
});

describe('rank tests and correlation', () => {
  it('Spearman with ties falls back to the t approximation with a warning (as R)', () => {
    const r = spearmanCorrelation([1, 2, 2, 3, 4, 5], [1, 3, 2, 4, 4, 6]);
    expect(r.pValueMethod).toBe('t');
    expect(r.warnings.map((w) => w.text).join()).toMatch(/ties/);
    expect(spearmanCorrelation([1, 2, 3, 4, 5, 6, 7], [2, 1, 4, 3, 7, 5, 6]).pValueMethod).toBe('exact');
    // Exact permutation distribution up to n = 14 (R switches to the Edgeworth series at n = 10), then Edgeworth as R.
    expect(spearmanCorrelation(Array.from({ length: 12 }, (_, i) => i), Array.from({ length: 12 }, (_, i) => (i * 5) % 12)).pValueMethod).toBe('exact');
    expect(spearmanCorrelation(Array.from({ length: 15 }, (_, i) => i), Array.from({ length: 15 }, (_, i) => (i * 4) % 15)).pValueMethod).toBe('Edgeworth');
  });
  it('Mann–Whitney with ties uses the normal approximation and says so', () => {
    const r = mannWhitneyTest([1, 2, 2, 3], [2, 4, 5, 6]);
    expect(r.exact).toBe(false);
    expect(r.warnings.map((w) => w.text).join()).toMatch(/ties/);
  });
  it('Pearson with a constant variable gives NaN and a warning', () => {
    const r = pearsonCorrelation([1, 2, 3, 4], [5, 5, 5, 5]);
    expect(r.estimate).toBeNaN();
    expect(r.warnings.map((w) => w.text).join()).toMatch(/zero variance/);
  });
  it('ANOVA and Kruskal–Wallis count missing values and missing group labels', () => {
    const v = [1, 2, NaN, 4, 5, 6, 7, 8];
    const g = ['a', 'a', 'a', null, 'b', 'b', 'c', 'c'];
    expect(oneWayAnova(v, g).nMissing).toBe(2);
    expect(kruskalWallisTest(v, g).n).toBe(6);
    expect(oneWayAnova([1, 2, 3], ['a', 'a', 'a']).warnings.map((w) => w.text).join()).toMatch(/fewer than 2/);
  });
});

describe('OLS by QR', () => {
  it('reports aliased columns as NaN coefficients with a warning (R: NA)', () => {
    const X = [[1, 2, 3], [2, 1, 3], [3, 5, 8], [4, 3, 7], [5, 4, 9], [6, 7, 13]];
    const r = ols([1.1, 2.3, 2.9, 4.2, 5.1, 5.8], X, { names: ['a', 'b', 's'] });
    expect(r.rank).toBe(3);
    expect(r.aliased).toEqual(['s']);
    expect(r.coefficients[3].estimate).toBeNaN();
    expect(r.warnings.map((w) => w.text).join()).toMatch(/aliased/);
  });
  it('flags VIF above 10 (Longley-like collinearity) and accepts a column-major Matrix', () => {
    const t = Array.from({ length: 12 }, (_, i) => i);
    const rows = t.map((i) => [i, 2 * i + Math.sin(i) * 0.05, Math.cos(i)]);
    const y = t.map((i) => 3 + i + Math.cos(i));
    const a = ols(y, matrixFromRows(rows));
    const b = ols(y, rows);
    expect(a.coefficients.map((c) => c.estimate)).toEqual(b.coefficients.map((c) => c.estimate));
    expect(a.warnings.map((w) => w.text).join()).toMatch(/VIF above 10/);
    expect(vif(rows).vif.length).toBe(3);
  });
  it('drops rows with NaN (na.exclude: NaN residual in place) and rejects null cells', () => {
    const r = ols([1, 2, NaN, 4, 5.5, 5.9], [[1], [2], [3], [NaN], [5], [6]]);
    expect(r.n).toBe(4);
    expect(r.nMissing).toBe(2);
    expect(r.residuals[2]).toBeNaN();
    expect(Number.isFinite(r.residuals[0])).toBe(true);
    expect(() => ols([1, 2], [[1], [null as unknown as number]])).toThrow(/not a number/);
    expect(() => ols([1, 2, 3], [1, 2, 3] as unknown as number[][])).toThrow(/array of rows/);
  });
});

describe('result objects', () => {
  it('are plain JSON-safe objects with a warnings array', () => {
    const results: unknown[] = [
      wilsonInterval(3, 10), clopperPearsonInterval(3, 10), meanConfidenceInterval([1, 2, 3]), twoProportionTest(3, 10, 5, 12),
      welchTTest([1, 2, 3], [2, 3, 5]), pearsonCorrelation([1, 2, 3, 4], [2, 1, 4, 3]), spearmanCorrelation([1, 2, 3, 4], [2, 1, 4, 3]),
      oneWayAnova([1, 2, 3, 4, 5, 7], [1, 1, 2, 2, 3, 3]), kruskalWallisTest([1, 2, 3, 4, 5, 7], [1, 1, 2, 2, 3, 3]),
      mannWhitneyTest([1, 2, 3], [4, 5, 6]), ols([1, 2, 4, 3, 5], [[1, 0], [2, 1], [3, 0], [4, 1], [5, 0]]), vif([[1, 0], [2, 1], [3, 0], [4, 2]]),
    ];
    for (const r of results) {
      expect(isPlain(r)).toBe(true);
      expect(Array.isArray((r as { warnings: unknown }).warnings)).toBe(true);
    }
    expect(isPlain(pAdjust([0.1, 0.2], 'holm'))).toBe(true);
  });
  it('pAdjust keeps NaN in place and excludes it from m (as R)', () => {
    expect(pAdjust([0.01, NaN, 0.02], 'bonferroni').slice(0, 1)).toEqual([0.02]);
    expect(pAdjust([0.01, NaN, 0.02], 'bonferroni')[1]).toBeNaN();
    expect(() => pAdjust([0.5], 'fdr' as 'BH')).toThrow(/method/);
  });
});

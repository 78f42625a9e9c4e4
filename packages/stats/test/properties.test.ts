import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chiSquareTest, fisherExactTest, gTest, mannWhitneyTest, pAdjust, spearmanCorrelation } from '@satlab/stats';

// Fewer random cases under mutation testing (SATLAB_MUTATION, see vitest.stryker.config.ts).
const runs = (n: number): number => (process.env.SATLAB_MUTATION ? Math.ceil(n / 5) : n);

// Property tests of the numeric core (fast-check, seeded so a failure replays): p-values in
// [0, 1], symmetry under transposition, invariance under row/column permutation, the network
// Fisher p equal to a brute-force enumeration, and exact vs Monte-Carlo agreement within error.
const SEED = 16;
const rel = (a: number, b: number): number => (a === b ? 0 : Math.abs(a - b) / Math.max(Math.abs(b), 1e-300));

/** A table of counts r × c with every row and column total positive. */
const table = (maxR: number, maxC: number, maxCell: number): fc.Arbitrary<number[][]> =>
  fc
    .tuple(fc.integer({ min: 2, max: maxR }), fc.integer({ min: 2, max: maxC }))
    .chain(([r, c]) => fc.array(fc.array(fc.integer({ min: 0, max: maxCell }), { minLength: c, maxLength: c }), { minLength: r, maxLength: r }))
    .filter((t) => t.every((row) => row.some((v) => v > 0)) && t[0].every((_, j) => t.some((row) => row[j] > 0)));

const transpose = (t: number[][]): number[][] => t[0].map((_, j) => t.map((row) => row[j]));
const lf = (n: number): number => {
  let s = 0;
  for (let k = 2; k <= n; k++) s += Math.log(k);
  return s;
};

/** Fisher's p by brute force: every table with the margins of t (small tables only). */
function bruteFisher(t: number[][]): number {
  const r = t.length;
  const c = t[0].length;
  const rs = t.map((row) => row.reduce((a, b) => a + b, 0));
  const cs = t[0].map((_, j) => t.reduce((a, row) => a + row[j], 0));
  const n = rs.reduce((a, b) => a + b, 0);
  let K = -lf(n);
  for (const v of rs) K += lf(v);
  for (const v of cs) K += lf(v);
  let obs = 0;
  for (const row of t) for (const v of row) obs -= lf(v);
  const thr = obs + Math.log1p(1e-7);
  let p = 0;
  const x = t.map((row) => row.map(() => 0));
  const rec = (i: number, j: number, colLeft: number[], rowLeft: number, acc: number): void => {
    if (i === r - 1) {
      let a = acc;
      for (let q = 0; q < c; q++) a -= lf(colLeft[q]);
      if (a <= thr) p += Math.exp(K + a);
      return;
    }
    if (j === c - 1) {
      if (rowLeft > colLeft[j]) return;
      const cl = colLeft.slice();
      cl[j] -= rowLeft;
      rec(i + 1, 0, cl, rs[i + 1], acc - lf(rowLeft));
      return;
    }
    let rest = 0;
    for (let q = j + 1; q < c; q++) rest += colLeft[q];
    for (let v = Math.max(0, rowLeft - rest); v <= Math.min(rowLeft, colLeft[j]); v++) {
      x[i][j] = v;
      const cl = colLeft.slice();
      cl[j] -= v;
      rec(i, j + 1, cl, rowLeft - v, acc - lf(v));
    }
  };
  rec(0, 0, cs.slice(), rs[0], 0);
  return p;
}

describe('contingency tests: properties over random tables', () => {
  it('p-values are in [0, 1] and the statistics are finite and ≥ 0 (chi-square, G, Williams G, Fisher)', () => {
    fc.assert(
      fc.property(table(4, 4, 12), (t) => {
        const x = chiSquareTest(t, { correct: false });
        const g = gTest(t);
        const w = gTest(t, { correct: 'williams' });
        const f = fisherExactTest(t, { monteCarloFallback: { replicates: 200, seed: 1 } });
        for (const p of [x.pValue, g.pValue, w.pValue, f.pValue]) expect(p >= 0 && p <= 1).toBe(true);
        for (const s of [x.statistic, g.statistic, w.statistic]) expect(s >= 0 && Number.isFinite(s)).toBe(true);
      }),
      { seed: SEED, numRuns: runs(60) },
    );
  });
  it('are symmetric under transposition (same statistic and p)', () => {
    fc.assert(
      fc.property(table(4, 4, 10), (t) => {
        const tt = transpose(t);
        expect(rel(chiSquareTest(tt, { correct: false }).statistic, chiSquareTest(t, { correct: false }).statistic)).toBeLessThan(1e-12);
        expect(rel(gTest(tt, { correct: 'williams' }).pValue, gTest(t, { correct: 'williams' }).pValue)).toBeLessThan(1e-10);
        const a = fisherExactTest(t, { monteCarloFallback: false });
        const b = fisherExactTest(tt, { monteCarloFallback: false });
        expect(rel(b.pValue, a.pValue)).toBeLessThan(1e-9);
      }),
      { seed: SEED, numRuns: runs(25) },
    );
  });
  it('are invariant under permutations of rows and columns', () => {
    fc.assert(
      fc.property(table(4, 4, 10), fc.integer(), (t, k) => {
        const rows = t.map((_, i) => i).sort((a, b) => ((a * 7 + k) % 5) - ((b * 7 + k) % 5) || a - b);
        const cols = t[0].map((_, j) => j).sort((a, b) => ((b * 3 + k) % 7) - ((a * 3 + k) % 7) || b - a);
        const p = rows.map((i) => cols.map((j) => t[i][j]));
        expect(rel(chiSquareTest(p, { correct: false }).pValue, chiSquareTest(t, { correct: false }).pValue)).toBeLessThan(1e-10);
        expect(rel(fisherExactTest(p, { monteCarloFallback: false }).pValue, fisherExactTest(t, { monteCarloFallback: false }).pValue)).toBeLessThan(1e-9);
      }),
      { seed: SEED, numRuns: runs(25) },
    );
  });
  it('the network Fisher p equals a brute-force enumeration of every table with the margins', () => {
    fc.assert(
      fc.property(table(3, 4, 6), (t) => {
        const f = fisherExactTest(t, { monteCarloFallback: false });
        expect(Math.abs(f.pValue - bruteFisher(t))).toBeLessThan(1e-12 + 1e-9 * f.pValue);
      }),
      { seed: SEED, numRuns: runs(60) },
    );
  });
  it('exact and Monte-Carlo Fisher p agree within 4.5 standard errors', () => {
    fc.assert(
      fc.property(table(3, 3, 8), fc.integer({ min: 1, max: 1e6 }), (t, seed) => {
        const exact = fisherExactTest(t, { monteCarloFallback: false }).pValue;
        const B = 2000;
        const mc = fisherExactTest(t, { simulate: true, monteCarloFallback: { replicates: B, seed } });
        // (1 + b)/(B + 1) is biased up by at most 1/(B + 1).
        const se = Math.sqrt((exact * (1 - exact)) / B);
        expect(Math.abs(mc.pValue - exact)).toBeLessThan(4.5 * se + 2 / (B + 1));
      }),
      { seed: SEED, numRuns: runs(25) },
    );
  });
});

describe('pAdjust and rank tests: properties', () => {
  const pvals = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 25 });
  it('every method stays in [p, 1]; Hommel ≤ Hochberg ≤ Holm ≤ Bonferroni; BH ≤ BY', () => {
    fc.assert(
      fc.property(pvals, (p) => {
        const m = Object.fromEntries((['bonferroni', 'holm', 'hochberg', 'hommel', 'BH', 'BY'] as const).map((k) => [k, pAdjust(p, k)]));
        p.forEach((v, i) => {
          for (const k of Object.keys(m)) expect(m[k][i] >= v - 1e-15 && m[k][i] <= 1).toBe(true);
          expect(m.hommel[i]).toBeLessThanOrEqual(m.hochberg[i] + 1e-12);
          expect(m.hochberg[i]).toBeLessThanOrEqual(m.holm[i] + 1e-12);
          expect(m.holm[i]).toBeLessThanOrEqual(m.bonferroni[i] + 1e-12);
          expect(m.BH[i]).toBeLessThanOrEqual(m.BY[i] + 1e-12);
        });
      }),
      { seed: SEED, numRuns: runs(200) },
    );
  });
  it('Spearman: symmetric in (x, y), p in [0, 1], and the exact p of the reversed ranking is the same', () => {
    fc.assert(
      fc.property(fc.integer({ min: 3, max: 12 }).chain((n) => fc.shuffledSubarray(Array.from({ length: n }, (_, i) => i + 1), { minLength: n, maxLength: n })), (y) => {
        const x = y.map((_, i) => i + 1);
        const a = spearmanCorrelation(x, y);
        const b = spearmanCorrelation(y, x);
        expect(a.pValue >= 0 && a.pValue <= 1).toBe(true);
        expect(rel(a.estimate, b.estimate) < 1e-12 || Math.abs(a.estimate - b.estimate) < 1e-15).toBe(true);
        expect(Math.abs(a.pValue - b.pValue)).toBeLessThan(1e-12);
        const r = spearmanCorrelation(x, y.map((v) => y.length + 1 - v));
        expect(Math.abs(r.pValue - a.pValue)).toBeLessThan(1e-12);
      }),
      { seed: SEED, numRuns: runs(80) },
    );
  });
  it('Hodges–Lehmann (normal approximation, as with ties): the estimate lies in its interval, and shifting a by δ shifts both by δ', () => {
    // exact: false on both sides: a shift can create or remove ties between a and b, which would
    // switch R's (and our) method between the exact and the normal computation.
    const sample = fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 3, maxLength: 12 }).map((v) => v.map((k) => k / 7 + 1e-3 * Math.sin(k)));
    fc.assert(
      fc.property(sample, sample, fc.integer({ min: -20, max: 20 }), (a, b, d) => {
        const r = mannWhitneyTest(a, b, { confInt: true, confLevel: 0.9, exact: false });
        if (r.estimate === null) return;
        expect(r.ci![0]).toBeLessThanOrEqual(r.estimate + 1e-12);
        expect(r.estimate).toBeLessThanOrEqual(r.ci![1] + 1e-12);
        const s = mannWhitneyTest(a.map((v) => v + d), b, { confInt: true, confLevel: 0.9, exact: false });
        expect(Math.abs(s.estimate! - r.estimate - d)).toBeLessThan(1e-9);
      }),
      { seed: SEED, numRuns: runs(60) },
    );
  });
});

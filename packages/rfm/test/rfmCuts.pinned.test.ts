// rfmCuts at the edges mutation testing found unpinned: a large tie group at the top, tied money
// amounts (the sorting path), the "lower boundary on equal distance" rule, every level used when
// the data allow, and the fewer-distinct-values and error cases. The expected cuts are derived by
// hand from the rule in rfmCuts' doc comment (shown next to each case) and, on random data, by an
// independent brute-force reading of the same rule.
import { describe, expect, it } from 'vitest';
import { rng } from '@satlab/stats';
import { rfmCuts } from '@satlab/rfm';

/** Level of each value: 1 + number of cuts ≤ value. */
const levelsOf = (values: readonly number[], cuts: readonly number[]): number[] => values.map((v) => 1 + cuts.filter((c) => c <= v).length);
const countLevels = (values: readonly number[], cuts: readonly number[], bins: number): number[] => {
  const n = new Array<number>(bins).fill(0);
  for (const l of levelsOf(values, cuts)) n[l - 1]++;
  return n;
};

/** The documented rule, written the slow way: boundaries between tie groups, nearest to k·n/bins (lower on equal distance), then spread apart. */
function bruteCuts(values: readonly number[], bins: number): number[] {
  const s = [...values].sort((a, b) => a - b);
  const dv = [...new Set(s)];
  const below = (j: number): number => s.filter((v) => v < dv[j]).length; // values below boundary j (before dv[j])
  if (dv.length <= bins) return dv.slice(1);
  const e = [0];
  for (let k = 1; k < bins; k++) {
    const t = (k * s.length) / bins;
    let best = 1;
    for (let j = 2; j < dv.length; j++) if (Math.abs(below(j) - t) < Math.abs(below(best) - t)) best = j;
    e.push(best);
  }
  e.push(dv.length);
  for (let k = 1; k < bins; k++) e[k] = Math.max(e[k], e[k - 1] + 1);
  for (let k = bins - 1; k >= 1; k--) e[k] = Math.min(e[k], e[k + 1] - 1);
  return e.slice(1, bins).map((j) => dv[j]);
}

describe('rfmCuts: ties', () => {
  it('keeps a large tie group at the top in the top level and still uses every level (cuts 4, 5, 6, 9)', () => {
    // n = 16, targets 3.2, 6.4, 9.6, 12.8; boundaries below 2…7 have 1…6 values below them: the
    // last three targets all land on the boundary before the ten 9s and are spread downwards.
    const v = [1, 2, 3, 4, 5, 6, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9];
    const r = rfmCuts(v, 5);
    expect(r).toEqual({ cuts: [4, 5, 6, 9], levels: 5, distinct: 7, method: 'rank-based quantiles, ties kept together' });
    expect(countLevels(v, r.cuts, 5)).toEqual([3, 1, 1, 1, 10]);
  });

  it('keeps a large tie group at the bottom together and spreads the cuts upwards (cuts 2, 3, 4, 5)', () => {
    // Boundaries before 2…7 have 10…15 values below them: targets 3.2, 6.4 and 9.6 land on the
    // first (10), 12.8 on the fourth (13); the cuts are then moved up one boundary at a time.
    const v = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 3, 4, 5, 6, 7];
    const r = rfmCuts(v, 5);
    expect(r.cuts).toEqual([2, 3, 4, 5]);
    expect(countLevels(v, r.cuts, 5)).toEqual([10, 1, 1, 1, 3]);
  });

  it('never splits tied money amounts (non-integers go through the sorting path)', () => {
    const v = [9.5, 9.5, 9.5, 20.25, 20.25, 20.25, 31, 31, 45.5, 80.75];
    const r = rfmCuts(Float64Array.from(v), 5);
    expect(r.cuts).toEqual(bruteCuts(v, 5));
    expect(r.cuts).toEqual([20.25, 31, 45.5, 80.75]);
    expect(r.distinct).toBe(5);
    expect(countLevels(v, r.cuts, 5)).toEqual([3, 3, 2, 1, 1]);
  });

  it('takes the lower boundary when two are equally near k·n/bins', () => {
    // n = 5, bins = 2: target 2.5, boundaries with 2 and 3 values below are equally near → 2.
    expect(rfmCuts([1, 2, 3, 4, 5], 2).cuts).toEqual([3]);
    expect(rfmCuts([5, 4, 3, 2, 1, 0.5], 3).cuts).toEqual([2, 4]);
  });

  it('gives the same cuts through the counting path (small-range integers) and the sorting path (wide range)', () => {
    const small = [3, 3, 7, 7, 7, 8, 12, 15, 15, 20, 21, 30];
    const wide = small.map((x) => x * 1e6);
    expect(rfmCuts(small, 4).cuts.map((c) => c * 1e6)).toEqual(rfmCuts(wide, 4).cuts);
    expect(rfmCuts(Int32Array.from(small), 4)).toEqual(rfmCuts(small, 4));
  });

  it('takes negative amounts (refunds) through the counting path', () => {
    const v = [-5, -3, -3, -1, 0, 0, 2, 4, 4, 4];
    expect(rfmCuts(v, 3).cuts).toEqual(bruteCuts(v, 3));
    expect(rfmCuts(v, 3).cuts).toEqual([-1, 4]); // targets 3.33 and 6.67: boundaries with 3 and 7 values below
  });

  it('follows the rule on random tied data, with every level used', () => {
    const g = rng(20261204);
    for (let trial = 0; trial < 200; trial++) {
      const n = 5 + g.int(60);
      const spread = 1 + g.int(12);
      const skew = g.next() < 0.3;
      const v = Array.from({ length: n }, () => (skew && g.next() < 0.6 ? spread : g.int(spread + 1)) + (trial % 2 ? 0.25 : 0));
      const bins = 2 + g.int(5);
      const r = rfmCuts(v, bins);
      expect(r.cuts).toEqual(bruteCuts(v, bins));
      const distinct = new Set(v).size;
      expect(r.distinct).toBe(distinct);
      expect(r.levels).toBe(Math.min(bins, distinct));
      if (distinct >= bins) expect(countLevels(v, r.cuts, bins).every((c) => c > 0)).toBe(true);
    }
  });
});

describe('rfmCuts: few values and bad input', () => {
  it('with fewer distinct values than bins, makes one level per distinct value', () => {
    expect(rfmCuts([5, 5, 7], 5)).toEqual({ cuts: [7], levels: 2, distinct: 2, method: 'rank-based quantiles, ties kept together' });
    expect(rfmCuts([4, 4, 4], 5)).toMatchObject({ cuts: [], levels: 1, distinct: 1 });
    expect(rfmCuts([1, 2, 3, 4, 5], 5)).toMatchObject({ cuts: [2, 3, 4, 5], levels: 5, distinct: 5 });
    expect(rfmCuts([], 5)).toMatchObject({ cuts: [], levels: 0, distinct: 0 });
  });

  it('refuses bins outside 2…20 or not whole, and non-finite values, naming them', () => {
    expect(() => rfmCuts([1, 2, 3], 1)).toThrow('rfmCuts(bins): must be an integer between 2 and 20, got 1');
    expect(() => rfmCuts([1, 2, 3], 21)).toThrow(RangeError);
    expect(() => rfmCuts([1, 2, 3], 2.5)).toThrow(RangeError);
    expect(rfmCuts([1, 2, 3], 20).levels).toBe(3);
    expect(() => rfmCuts([1, NaN, 3])).toThrow('rfmCuts(values): value 1 is not finite (NaN)');
    expect(() => rfmCuts([1, 2, Infinity])).toThrow('value 2 is not finite');
  });
});

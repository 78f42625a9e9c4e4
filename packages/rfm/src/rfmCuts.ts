import { sortFloat64 } from './internal/sortFloat64.js';

/** What `rfmCuts` returns. */
export interface RfmCuts {
  /** Cut points, strictly increasing: level of x = 1 + number of cuts ≤ x. */
  cuts: number[];
  /** Levels actually formed: `bins`, or the number of distinct values when smaller. */
  levels: number;
  /** Distinct values in the data. */
  distinct: number;
  method: string;
}

/**
 * Quantile cut points for RFM scores, with ties never split and every level used whenever the
 * data have at least `bins` distinct values.
 *
 * Rule (rank-based quantiles, ties kept together): sort the n values; the boundaries between
 * runs of equal values ("tie groups") are the only places a cut may go. The k-th cut
 * (k = 1 … bins − 1) goes to the tie-group boundary whose rank (number of values below it) is
 * nearest to k·n/bins — the lower one on equal distance. Cuts that land on the same boundary (a
 * large tie group) are then moved apart minimally, left to right and right to left, so that each
 * of the `bins` levels holds at least one distinct value. With fewer distinct values than `bins`,
 * each distinct value is its own level (levels 1 … distinct) and the caller warns.
 * The cut value is the smallest value above the boundary, so a value ≥ cut is in the upper level;
 * the cuts can be fed back as given thresholds and reproduce the same levels.
 *
 * Difference from R's `rfm` package (`rfm_table_order`): rfm takes `quantile(x, type = 7)` at
 * 1/bins … (bins−1)/bins, adds 1, and scores `lower ≤ x < upper`; on tied data (frequency) several
 * thresholds coincide and some scores are never used, and the +1 shifts continuous thresholds.
 * Here no score is left empty when the data allow, and no group of equal values is split.
 *
 * @param values the customers' values (recency, frequency or monetary); must be finite.
 * @param bins number of levels wanted, an integer in [2, 20]. Default 5.
 * @returns `{ cuts, levels, distinct, method }`
 * @throws {RangeError} when `bins` is out of range or a value is not finite.
 * @example
 * rfmCuts([1, 1, 1, 1, 2, 2, 3, 4, 5, 8], 5);
 * //=> { cuts: [2, 3, 4, 5], levels: 5, distinct: 6, method: 'rank-based quantiles,
 * //   ties kept together' }
 */
export function rfmCuts(values: Float64Array | Int32Array | readonly number[], bins = 5): RfmCuts {
  if (!Number.isInteger(bins) || bins < 2 || bins > 20) throw new RangeError(`rfmCuts(bins): must be an integer between 2 and 20, got ${bins}`);
  const method = 'rank-based quantiles, ties kept together';
  const n = values.length;
  let integers = true;
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) throw new RangeError(`rfmCuts(values): value ${i} is not finite (${v})`);
    if (v !== Math.floor(v)) integers = false;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  // Distinct values in order with cumulative counts: by counting for integers of a small range
  // (recency in days, frequency), by sorting otherwise.
  const dv: number[] = [];
  const cum: number[] = [];
  if (n > 0 && integers && hi - lo <= Math.max(1 << 20, 4 * n)) {
    const counts = new Int32Array(hi - lo + 1);
    for (let i = 0; i < n; i++) counts[values[i] - lo]++;
    let c = 0;
    for (let k = 0; k < counts.length; k++) {
      if (counts[k] === 0) continue;
      c += counts[k];
      dv.push(lo + k);
      cum.push(c);
    }
  } else {
    const sorted = sortFloat64(values as ArrayLike<number>);
    for (let i = 0; i < n; i++) {
      if (i === 0 || sorted[i] !== sorted[i - 1]) {
        dv.push(sorted[i]);
        cum.push(0);
      }
      cum[cum.length - 1] = i + 1;
    }
  }
  const D = dv.length;
  if (D <= bins) return { cuts: dv.slice(1), levels: D, distinct: D, method };
  // Edge j (1 ≤ j ≤ D − 1) splits before dv[j]; cum[j − 1] values lie below it.
  const e = new Int32Array(bins + 1);
  e[bins] = D;
  for (let k = 1; k < bins; k++) {
    const t = (k * n) / bins;
    let lo = 1;
    let hi = D - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid - 1] >= t) hi = mid;
      else lo = mid + 1;
    }
    let j = lo;
    if (j > 1 && t - cum[j - 2] <= cum[j - 1] - t) j--;
    e[k] = j;
  }
  for (let k = 1; k < bins; k++) if (e[k] < e[k - 1] + 1) e[k] = e[k - 1] + 1;
  for (let k = bins - 1; k >= 1; k--) if (e[k] > e[k + 1] - 1) e[k] = e[k + 1] - 1;
  const cuts: number[] = [];
  for (let k = 1; k < bins; k++) cuts.push(dv[e[k]]);
  return { cuts, levels: bins, distinct: D, method };
}

import { isoDay, toDay } from './internal/days.js';
import { msg } from './messages.js';
import { rfmCuts } from './rfmCuts.js';
import { btsSegments } from './segmentMaps/btsSegments.js';
import { classicSegments } from './segmentMaps/classicSegments.js';
import type { SegmentMap } from './segmentMaps/segmentMap.js';
import type { RfmCell, RfmCustomerTotals, RfmOptions, RfmResult, RfmScoreRange, RfmSegmentRow } from './types.js';

const FN = 'rfmFromCustomers';

/**
 * RFM scores and segments from per-customer totals (last purchase day, number of purchases, sum
 * of amounts) — the second half of `rfm`, also fed by the DuckDB engine's GROUP BY.
 *
 * - Recency = analysis date − day of the last purchase, in whole days (0 = bought on the
 *   analysis day); frequency = purchases; monetary = sum of amounts (or sum / frequency with
 *   `monetary: 'mean'`).
 * - Scores 1–`bins` by `rfmCuts` (rank-based quantiles, ties kept together, every level used
 *   when the data allow) or by the thresholds given; R = `bins` is the most recent, F and M =
 *   `bins` the highest. Thresholds are returned (`thresholds`, `scoreRanges`) as R's `rfm`
 *   package returns its `threshold` table.
 * - Segment of each customer from the chosen map (`classicSegments` or `btsSegments`) on R and
 *   FM = round-half-up((F + M) / 2); every score combination has exactly one segment.
 *
 * @param totals `{ customerIds, lastDay, frequency, total, transactions }` (customers with ≥ 1 purchase).
 * @param opts see `RfmOptions` (asOf default: the day after the last purchase; monetary 'sum';
 *   bins 5; binning 'quantile'; segments 'classic').
 * @returns a plain `RfmResult`.
 * @throws {RangeError} on arrays of different lengths, bad bins or thresholds, or a bad asOf.
 * @example
 * rfmFromCustomers({ customerIds: ['a', 'b'], lastDay: Float64Array.of(19000, 19010), frequency: Int32Array.of(1, 3), total: Float64Array.of(10, 90), transactions: 4 }, { bins: 2 });
 * //=> { asOf: '2022-01-19', recency: Float64Array [11, 1], r: Uint8Array [1, 2],
 * //   f: Uint8Array [1, 2], m: Uint8Array [1, 2], … }
 */
export function rfmFromCustomers(totals: RfmCustomerTotals, opts: RfmOptions = {}): RfmResult {
  const K = totals.customerIds.length;
  if (totals.lastDay.length !== K || totals.frequency.length !== K || totals.total.length !== K) {
    throw new RangeError(`${FN}(totals): customerIds, lastDay, frequency and total must have the same length (${K}, ${totals.lastDay.length}, ${totals.frequency.length}, ${totals.total.length})`);
  }
  const monetaryKind = opts.monetary ?? 'sum';
  if (monetaryKind !== 'sum' && monetaryKind !== 'mean') throw new RangeError(`${FN}(opts.monetary): must be "sum" or "mean", got "${String(monetaryKind)}"`);
  const mapId = opts.segments ?? 'classic';
  if (mapId !== 'classic' && mapId !== 'bts') throw new RangeError(`${FN}(opts.segments): must be "classic" or "bts", got "${String(mapId)}"`);
  const map: SegmentMap = mapId === 'bts' ? btsSegments : classicSegments;
  const warnings = [...(totals.warnings ?? [])];

  let maxDay = -Infinity;
  for (let i = 0; i < K; i++) if (totals.lastDay[i] > maxDay) maxDay = totals.lastDay[i];
  const asOfDay = opts.asOf !== undefined ? toDay(FN, 'opts.asOf', opts.asOf) : K > 0 ? Math.floor(maxDay) + 1 : NaN;

  const recency = new Float64Array(K);
  const monetary = new Float64Array(K);
  let totalRevenue = 0;
  let nonPositive = 0;
  for (let i = 0; i < K; i++) {
    recency[i] = asOfDay - Math.floor(totals.lastDay[i]);
    monetary[i] = monetaryKind === 'sum' ? totals.total[i] : totals.total[i] / totals.frequency[i];
    totalRevenue += totals.total[i];
    if (totals.total[i] <= 0) nonPositive++;
  }
  if (K === 0) warnings.push(msg.noCustomers());
  if (nonPositive > 0) warnings.push(msg.nonPositiveMonetary({ n: nonPositive }));

  const binning = opts.binning ?? 'quantile';
  const bins = opts.bins ?? 5;
  const dims = [
    { key: 'recency' as const, values: recency, reverse: true },
    { key: 'frequency' as const, values: Float64Array.from(totals.frequency), reverse: false },
    { key: 'monetary' as const, values: monetary, reverse: false },
  ];
  const thresholds = { recency: [] as number[], frequency: [] as number[], monetary: [] as number[] };
  const levelsAsked = { recency: bins, frequency: bins, monetary: bins };
  const scores: Record<'recency' | 'frequency' | 'monetary', Uint8Array> = { recency: new Uint8Array(K), frequency: new Uint8Array(K), monetary: new Uint8Array(K) };
  const scoreRanges = { recency: [] as RfmScoreRange[], frequency: [] as RfmScoreRange[], monetary: [] as RfmScoreRange[] };
  for (const d of dims) {
    let cuts: number[];
    let levels: number;
    if (binning === 'quantile') {
      if (!Number.isInteger(bins) || bins < 2 || bins > 20) throw new RangeError(`${FN}(opts.bins): must be an integer between 2 and 20, got ${bins}`);
      if (K === 0) {
        cuts = [];
        levels = bins;
      } else {
        const c = rfmCuts(d.values, bins);
        cuts = c.cuts;
        levels = c.levels;
        if (c.levels < bins) warnings.push(msg.fewDistinct({ dim: d.key, distinct: c.distinct }));
      }
    } else {
      if (typeof binning !== 'object' || binning === null || !Array.isArray(binning[d.key])) throw new RangeError(`${FN}(opts.binning): must be "quantile" or { recency, frequency, monetary } arrays of cut points`);
      cuts = [...binning[d.key]];
      for (let k = 0; k < cuts.length; k++) {
        if (!Number.isFinite(cuts[k]) || (k > 0 && !(cuts[k] > cuts[k - 1]))) throw new RangeError(`${FN}(opts.binning.${d.key}): cut points must be finite and strictly increasing, got [${cuts.join(', ')}]`);
      }
      if (cuts.length < 1 || cuts.length > 19) throw new RangeError(`${FN}(opts.binning.${d.key}): give 1 to 19 cut points, got ${cuts.length}`);
      levels = cuts.length + 1;
      levelsAsked[d.key] = levels;
    }
    thresholds[d.key] = cuts;
    const ranges = scoreValues(d.values, cuts, levels, d.reverse, scores[d.key]);
    scoreRanges[d.key] = ranges;
    if (binning !== 'quantile' && K > 0) {
      const empty = ranges.filter((r) => r.customers === 0).map((r) => r.score);
      if (empty.length > 0) warnings.push(msg.emptyScore({ dim: d.key, scores: empty }));
    }
  }

  // Segments on 1–5 scores (rescaled when a dimension has another number of levels).
  const rescaledDims = (['recency', 'frequency', 'monetary'] as const).filter((k) => levelsAsked[k] !== 5);
  if (rescaledDims.length > 0 && K > 0) warnings.push(msg.rescaled({ dims: rescaledDims }));
  const to5 = (levels: number): Uint8Array => {
    const t = new Uint8Array(levels + 1);
    for (let s = 1; s <= levels; s++) t[s] = levels === 5 ? s : 1 + Math.round(((s - 1) * 4) / (levels - 1));
    return t;
  };
  const r5 = to5(levelsAsked.recency);
  const f5 = to5(levelsAsked.frequency);
  const m5 = to5(levelsAsked.monetary);
  const r = scores.recency;
  const f = scores.frequency;
  const m = scores.monetary;
  const segment = new Uint8Array(K);
  const nSeg = map.names.length;
  const segCustomers = new Float64Array(nSeg);
  const segRevenue = new Float64Array(nSeg);
  const cellCount = new Float64Array(25);
  const cellMonetary = new Float64Array(25);
  const cellRevenue = new Float64Array(25);
  const useCells = levelsAsked.recency === 5 && levelsAsked.frequency === 5;
  for (let i = 0; i < K; i++) {
    const R = r5[r[i]];
    const F = f5[f[i]];
    const M = m5[m[i]];
    const c = map.table[(R - 1) * 25 + (F - 1) * 5 + (M - 1)];
    segment[i] = c;
    segCustomers[c]++;
    segRevenue[c] += totals.total[i];
    const cell = useCells ? (r[i] - 1) * 5 + (f[i] - 1) : (R - 1) * 5 + (F - 1);
    cellCount[cell]++;
    cellMonetary[cell] += monetary[i];
    cellRevenue[cell] += totals.total[i];
  }
  const segments: RfmSegmentRow[] = map.names.map((name, c) => ({
    name,
    label: map.labels[c],
    code: c,
    customers: segCustomers[c],
    share: K > 0 ? segCustomers[c] / K : NaN,
    revenue: segRevenue[c],
    revenueShare: totalRevenue !== 0 ? segRevenue[c] / totalRevenue : NaN,
    rule: map.rules[c],
  }));
  const cells: RfmCell[] = [];
  for (let R = 5; R >= 1; R--) for (let F = 1; F <= 5; F++) {
    const k = (R - 1) * 5 + (F - 1);
    cells.push({ r: R, f: F, customers: cellCount[k], monetary: cellCount[k] > 0 ? cellMonetary[k] / cellCount[k] : NaN, revenue: cellRevenue[k] });
  }
  const excludedBy = { ...(totals.excluded ?? {}) };
  let excludedN = 0;
  for (const v of Object.values(excludedBy)) excludedN += v;
  return {
    method: `RFM: ${binning === 'quantile' ? `${bins} levels by rank-based quantiles (ties kept together)` : 'levels by the thresholds given'}, monetary = ${monetaryKind} of amounts, ${map.id} segment map`,
    asOf: Number.isFinite(asOfDay) ? isoDay(asOfDay) : '',
    asOfDay,
    customers: K,
    transactions: totals.transactions,
    customerIds: [...totals.customerIds],
    recency,
    frequency: totals.frequency,
    monetary,
    revenue: totals.total,
    r,
    f,
    m,
    segment,
    monetaryKind,
    binning: binning === 'quantile' ? 'quantile' : 'thresholds',
    bins: levelsAsked,
    thresholds,
    scoreRanges,
    segmentMap: map.id,
    segmentNames: [...map.names],
    segments,
    cells,
    totalRevenue,
    excluded: { transactions: excludedN, byReason: excludedBy },
    warnings,
  };
}

/**
 * Scores of `values` by `cuts` (level = 1 + number of cuts ≤ value; reversed for recency) into
 * `out`, and each level's value range and count. One monomorphic loop over a Float64Array.
 */
function scoreValues(values: Float64Array, cutList: number[], levels: number, reverse: boolean, out: Uint8Array): RfmScoreRange[] {
  const cuts = Float64Array.from(cutList);
  const nc = cuts.length;
  const min = new Float64Array(levels).fill(Infinity);
  const max = new Float64Array(levels).fill(-Infinity);
  const count = new Float64Array(levels);
  const K = values.length;
  for (let i = 0; i < K; i++) {
    const x = values[i];
    let g = 0;
    while (g < nc && x >= cuts[g]) g++;
    const score = reverse ? levels - g : g + 1;
    out[i] = score;
    const k = score - 1;
    count[k]++;
    if (x < min[k]) min[k] = x;
    if (x > max[k]) max[k] = x;
  }
  const ranges: RfmScoreRange[] = [];
  for (let k = 0; k < levels; k++) ranges.push({ score: k + 1, min: count[k] > 0 ? min[k] : NaN, max: count[k] > 0 ? max[k] : NaN, customers: count[k] });
  return ranges;
}

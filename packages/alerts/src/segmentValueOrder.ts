/**
 * RFM segments from most to least valuable to keep, for the segment-based value of the callback
 * queue (`customerValues` with basis `segment`). The segments are those of @satlab/rfm's maps;
 * the order puts spending and frequency (FM) first, then recency:
 *
 * - `bts` (BTS MUC 2007 case): Vedettes (R ≥ 4, FM ≥ 4), Fidèles endormis (R ≤ 2, FM ≥ 4),
 *   Occasionnels (R = 3 or FM = 3), Timides (R ≥ 4, FM ≤ 2), Perdus (R ≤ 2, FM ≤ 2).
 * - `classic`: Champions (R 5, FM ≥ 4), Loyal customers (R 3–4, FM ≥ 4), Can't lose them (R ≤ 2,
 *   FM 5), At risk (R ≤ 2, FM 3–4), Potential loyalists (R ≥ 4, FM 2–3), Need attention (R 3,
 *   FM 3), New customers (R 5, FM 1), Promising (R 4, FM 1), About to sleep (R 3, FM ≤ 2),
 *   Hibernating (R ≤ 2, FM ≤ 2), Lost (R 1, FM 1).
 *
 * A judgement, not a statistic: give your own order (`segmentOrder`) when your map differs.
 */
export const SEGMENT_VALUE_ORDER: Readonly<Record<'bts' | 'classic', readonly string[]>> = Object.freeze({
  bts: Object.freeze(['Vedettes', 'Fidèles endormis', 'Occasionnels', 'Timides', 'Perdus']),
  classic: Object.freeze([
    'Champions', 'Loyal customers', "Can't lose them", 'At risk', 'Potential loyalists', 'Need attention',
    'New customers', 'Promising', 'About to sleep', 'Hibernating', 'Lost',
  ]),
});

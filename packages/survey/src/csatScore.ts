import type { Message } from '@satlab/messages';
import type { Table } from '@satlab/data';
import { isColumnTable, resolveByName } from './byName.js';
import type { ByNameSegmentOptions } from './byName.js';
import type { InvalidPolicy, Numbers, SegmentOptions, SourceOptions } from './util.js';
import { addSegmentGroups, allRows, checkConfidence, checkIntegerScale, checkNumbers, exclusions, screenValues, wilsonCi } from './util.js';

/** Options of {@link csatScore}. */
export interface CsatOptions extends SegmentOptions, SourceOptions {
  /** The rating scale [min, max], integers (e.g. [1, 5], [1, 10]). Required. */
  scale: readonly [number, number];
  /** How many boxes at the top count as satisfied. Default 2 (top-2-box). */
  topBox?: number;
  /** Confidence level of the Wilson interval. Default 0.95. */
  confidence?: number;
  /** A value outside the scale or not an integer: `"error"` (InputError) or `"exclude"`. Default `"error"`. */
  invalid?: InvalidPolicy;
}

export interface CsatSummary {
  /** Valid ratings. */
  n: number;
  /** Ratings in the top box(es). */
  satisfied: number;
  /** CSAT: share of valid ratings in the top box(es), 0–1. */
  csat: number;
  /** Wilson score interval of `csat`. */
  ci: [number, number];
  /** Mean rating (for reference; CSAT is the top-box share). */
  mean: number;
  excluded: number;
  excludedByReason: Record<string, number>;
  warnings: Message[];
}

export interface CsatResult extends CsatSummary {
  method: string;
  confidence: number;
  scale: [number, number];
  /** The ratings counted as satisfied, e.g. [4, 5] on a 1–5 scale. */
  topBoxValues: number[];
  groups?: (CsatSummary & { name: string })[];
  unknownSegment?: number;
}

/**
 * CSAT as the top-2-box share (or top-k): the share of valid ratings in the k highest points of
 * the scale — 4–5 on 1–5, 9–10 on 1–10, 6–7 on 1–7 — with a Wilson score interval
 * (Wilson 1927; R `prop.test(x, n, correct = FALSE)$conf.int`).
 *
 * Assumptions: integer ratings on the declared scale, independent respondents.
 *
 * @throws {InputError} a rating outside the scale or not an integer, when `invalid` is "error".
 * @throws {RangeError} a bad scale, topBox, confidence, or `by` of the wrong length.
 * Column-name form: `csatScore(table, "satisfaction", { scale: [1, 4], by: "contrat" })`.
 * @example
 * csatScore([5, 4, 4, 3, 2, 5, 1, 4], { scale: [1, 5] });
 * //=> { n: 8, satisfied: 5, csat: 0.625, ci: [0.305742…, 0.863155…], topBoxValues: [4, 5], … }
 */
export function csatScore(table: Table, column: string, options: Omit<CsatOptions, 'by'> & ByNameSegmentOptions): CsatResult;
export function csatScore(values: Numbers, options: CsatOptions): CsatResult;
export function csatScore(a: Numbers | Table, b: string | CsatOptions, c?: Omit<CsatOptions, 'by'> & ByNameSegmentOptions): CsatResult {
  const fn = 'csatScore';
  if (isColumnTable(a) && typeof b === 'string') {
    const r = resolveByName<CsatOptions>(fn, a as Table, b, c ?? ({} as CsatOptions));
    return csatScore(r.values, r.options);
  }
  const values = a as Numbers;
  const options = b as CsatOptions;
  checkNumbers(fn, 'values', values);
  checkIntegerScale(fn, options?.scale);
  const [lo, hi] = options.scale;
  const topBox = options.topBox ?? 2;
  if (!Number.isInteger(topBox) || topBox < 1 || topBox > hi - lo) {
    throw new RangeError(`${fn}: options.topBox must be an integer from 1 to ${hi - lo} on the scale ${lo}-${hi}, got ${String(topBox)}`);
  }
  const confidence = options.confidence ?? 0.95;
  checkConfidence(fn, confidence);
  const rule = { min: lo, max: hi, integer: true, reason: `out of scale ${lo}-${hi}` };
  const screened = screenValues(fn, values, rule, options.invalid ?? 'error', options.source, options.missingReasons);
  const threshold = hi - topBox + 1;
  const summarise = (rows: readonly number[], label: string): CsatSummary => {
    let n = 0, k = 0, sum = 0;
    for (const i of rows) {
      if (screened.reason[i] !== null) continue;
      n++;
      sum += values[i];
      if (values[i] >= threshold) k++;
    }
    const { excluded, byReason, warnings } = exclusions(screened, rows, rule, label, n);
    return { n, satisfied: k, csat: n > 0 ? k / n : NaN, ci: wilsonCi(k, n, confidence), mean: n > 0 ? sum / n : NaN, excluded, excludedByReason: byReason, warnings };
  };
  const result: CsatResult = {
    method: `CSAT top-${topBox}-box share, Wilson score interval`,
    confidence,
    scale: [lo, hi],
    topBoxValues: Array.from({ length: topBox }, (_, j) => threshold + j),
    ...summarise(allRows(values.length), 'all'),
  };
  addSegmentGroups(fn, result, options, values.length, summarise);
  return result;
}

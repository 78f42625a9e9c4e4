import type { Message } from '@satlab/messages';
import { meanConfidenceInterval } from '@satlab/stats';
import type { InvalidPolicy, Numbers, SegmentOptions, SourceOptions } from './util.js';
import { addSegmentGroups, allRows, checkConfidence, checkIntegerScale, checkNumbers, exclusions, screenValues, wilsonCi } from './util.js';

/** Options of {@link customerEffortScore}. */
export interface CesOptions extends SegmentOptions, SourceOptions {
  /** The rating scale [min, max], integers. Default [1, 7] (CES 2.0: "the company made it easy…"). */
  scale?: readonly [number, number];
  /**
   * Which end of the scale means little effort. `"higher-is-easier"` (CES 2.0 agreement scale,
   * the default) or `"lower-is-easier"` (e.g. 1 = very low effort … 5 = very high effort).
   */
  direction?: 'higher-is-easier' | 'lower-is-easier';
  /** How many boxes at the easy end count in the top-box share. Default 1. */
  topBox?: number;
  /** Confidence level of both intervals. Default 0.95. */
  confidence?: number;
  /** A value outside the scale or not an integer: `"error"` (InputError) or `"exclude"`. Default `"error"`. */
  invalid?: InvalidPolicy;
}

export interface CesSummary {
  n: number;
  /** Mean effort score on the scale as answered. */
  mean: number;
  /** Sample standard deviation (n − 1). */
  sd: number;
  /** Student t interval of the mean. */
  meanCI: [number, number];
  /** Answers in the easy-end box(es). */
  topBoxCount: number;
  /** Share of answers in the easy-end box(es), 0–1. */
  topBox: number;
  /** Wilson score interval of `topBox`. */
  topBoxCI: [number, number];
  excluded: number;
  excludedByReason: Record<string, number>;
  warnings: Message[];
}

export interface CesResult extends CesSummary {
  method: string;
  confidence: number;
  scale: [number, number];
  direction: 'higher-is-easier' | 'lower-is-easier';
  /** The answers counted in the top box (the easy end). */
  topBoxValues: number[];
  groups?: (CesSummary & { name: string })[];
  unknownSegment?: number;
}

/**
 * Customer Effort Score (Dixon, Freeman & Toman 2010; CES 2.0 on a 1–7 agreement scale): the
 * mean answer with a Student t interval (R `t.test(x)$conf.int`) and the top-box share — the
 * share of answers at the easy end of the scale — with a Wilson interval
 * (R `prop.test(k, n, correct = FALSE)$conf.int`).
 *
 * @throws {InputError} an answer outside the scale or not an integer, when `invalid` is "error".
 * @throws {RangeError} a bad scale, topBox, direction, confidence, or `by` of the wrong length.
 * @example
 * customerEffortScore([7, 6, 5, 7, 3, 6, 7, 4]);
 * //=> { n: 8, mean: 5.625, meanCI: [4.36600…, 6.88399…], topBox: 0.375, topBoxValues: [7], … }
 */
export function customerEffortScore(values: Numbers, options: CesOptions = {}): CesResult {
  const fn = 'customerEffortScore';
  checkNumbers(fn, 'values', values);
  const scale = options.scale ?? [1, 7];
  checkIntegerScale(fn, scale);
  const [lo, hi] = scale;
  const direction = options.direction ?? 'higher-is-easier';
  if (direction !== 'higher-is-easier' && direction !== 'lower-is-easier') {
    throw new RangeError(`${fn}: options.direction must be "higher-is-easier" or "lower-is-easier", got ${JSON.stringify(direction)}`);
  }
  const topBox = options.topBox ?? 1;
  if (!Number.isInteger(topBox) || topBox < 1 || topBox > hi - lo) {
    throw new RangeError(`${fn}: options.topBox must be an integer from 1 to ${hi - lo}, got ${String(topBox)}`);
  }
  const confidence = options.confidence ?? 0.95;
  checkConfidence(fn, confidence);
  const rule = { min: lo, max: hi, integer: true, reason: `out of scale ${lo}-${hi}` };
  const screened = screenValues(fn, values, rule, options.invalid ?? 'error', options.source, options.missingReasons);
  const topBoxValues = direction === 'higher-is-easier' ? Array.from({ length: topBox }, (_, j) => hi - topBox + 1 + j) : Array.from({ length: topBox }, (_, j) => lo + j);
  const inTop = (x: number): boolean => (direction === 'higher-is-easier' ? x >= hi - topBox + 1 : x <= lo + topBox - 1);
  const summarise = (rows: readonly number[], label: string): CesSummary => {
    const valid: number[] = [];
    let k = 0;
    for (const i of rows) {
      if (screened.reason[i] !== null) continue;
      valid.push(values[i]);
      if (inTop(values[i])) k++;
    }
    const n = valid.length;
    const { excluded, byReason, warnings } = exclusions(screened, rows, rule, label, n);
    const m = n >= 2 ? meanConfidenceInterval(valid, { confidence }) : { mean: n === 1 ? valid[0] : NaN, sd: NaN, lower: NaN, upper: NaN };
    return {
      n,
      mean: m.mean,
      sd: m.sd,
      meanCI: [m.lower, m.upper],
      topBoxCount: k,
      topBox: n > 0 ? k / n : NaN,
      topBoxCI: wilsonCi(k, n, confidence),
      excluded,
      excludedByReason: byReason,
      warnings,
    };
  };
  const result: CesResult = {
    method: `Customer Effort Score: mean with Student t interval; top-${topBox}-box share (easy end) with Wilson interval`,
    confidence,
    scale: [lo, hi],
    direction,
    topBoxValues,
    ...summarise(allRows(values.length), 'all'),
  };
  addSegmentGroups(fn, result, options, values.length, summarise);
  return result;
}

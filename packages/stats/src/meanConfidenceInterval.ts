import type { Message } from '@satlab/messages';
import { checkConfidence, readSample, type Values } from './internal/sample.js';
import { oneSampleCore } from './internal/tTest.js';

/** Options of {@link meanConfidenceInterval}. */
export interface MeanConfidenceIntervalOptions {
  /** Confidence level in (0, 1). Default 0.95. */
  confidence?: number;
}

/** Result of {@link meanConfidenceInterval}. */
export interface MeanConfidenceInterval {
  mean: number;
  /** Sample standard deviation (denominator n − 1). */
  sd: number;
  /** Standard error of the mean, sd / √n. */
  se: number;
  lower: number;
  upper: number;
  /** Non-missing values used. */
  n: number;
  /** NaN values excluded. */
  nMissing: number;
  /** Degrees of freedom n − 1. */
  df: number;
  confidence: number;
  method: 't';
  warnings: Message[];
}

/**
 * Student t confidence interval for a mean: x̄ ± t_{1−α/2, n−1} · s/√n.
 * Assumes independent observations from a roughly normal population (or n large enough for
 * the central limit theorem). NaN values are excluded and counted in `nMissing`. With n < 2 or
 * constant data the bounds are NaN and a warning says why.
 *
 * Reference: R `t.test(x, conf.level = confidence)$conf.int`.
 *
 * @param values the sample; NaN marks a missing value.
 * @throws {TypeError} when values is not numeric. @throws {RangeError} on ±Infinity or a confidence outside (0, 1).
 * @example
 * meanConfidenceInterval([2, 4, 4, 5, 7, NaN]);
 * //=> { mean: 4.4, sd: 1.81659…, se: 0.812403…, lower: 2.14440…, upper: 6.65559…, n: 5,
 * //   nMissing: 1, df: 4, confidence: 0.95, method: 't', warnings: [] }
 */
export function meanConfidenceInterval(values: Values, opts: MeanConfidenceIntervalOptions = {}): MeanConfidenceInterval {
  const fn = 'meanConfidenceInterval(values, opts)';
  const { x, nMissing } = readSample(fn, 'values', values);
  const confidence = checkConfidence(fn, opts.confidence ?? 0.95);
  const r = oneSampleCore('meanConfidenceInterval', x, 0, confidence, 'two.sided');
  return { mean: r.mean, sd: r.sd, se: r.se, lower: r.lower, upper: r.upper, n: r.n, nMissing, df: r.df, confidence, method: 't', warnings: r.warnings };
}

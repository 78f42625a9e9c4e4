import type { Message } from '@satlab/messages';
import { checkAlternative, checkConfidence, checkFiniteNumber, readSample, type Alternative, type Values } from './internal/sample.js';
import { oneSampleCore } from './internal/tTest.js';

/** Options of {@link oneSampleTTest}. */
export interface OneSampleTTestOptions {
  /** Hypothesised mean μ₀. Default 0. */
  mu?: number;
  /** Alternative hypothesis. Default 'two.sided'. */
  alternative?: Alternative;
  /** Confidence level of the interval, in (0, 1). Default 0.95. */
  confidence?: number;
}

/** Result of {@link oneSampleTTest} and {@link pairedTTest}. */
export interface OneSampleTTest {
  method: 'One Sample t-test' | 'Paired t-test';
  /** t = (x̄ − μ₀) / (s/√n). */
  statistic: number;
  df: number;
  pValue: number;
  /** Sample mean (of the differences for the paired test). */
  estimate: number;
  sd: number;
  se: number;
  /** Confidence interval for the mean (±Infinity on the open side of a one-sided test). */
  ci: [number, number];
  mu: number;
  alternative: Alternative;
  confidence: number;
  n: number;
  nMissing: number;
  warnings: Message[];
}

/**
 * One-sample Student t test of H₀: μ = μ₀, t = (x̄ − μ₀)/(s/√n) with n − 1 df; p-value from the t
 * survival function. Assumes independent, roughly normal observations.
 *
 * Reference: R `t.test(x, mu = mu, alternative = alternative, conf.level = confidence)`.
 *
 * @throws {TypeError} when values is not numeric. @throws {RangeError} on ±Infinity or bad options.
 * @example
 * oneSampleTTest([5.1, 4.9, 5.6, 5.8, 6.0], { mu: 5 });
 * //=> { statistic: 2.30407…, df: 4, pValue: 0.0825682…, estimate: 5.48, ci: [4.90159…,
 * //   6.05840…], … }
 */
export function oneSampleTTest(values: Values, opts: OneSampleTTestOptions = {}): OneSampleTTest {
  const fn = 'oneSampleTTest(values, opts)';
  const { x, nMissing } = readSample(fn, 'values', values);
  const mu = checkFiniteNumber(fn, 'opts.mu', opts.mu ?? 0);
  const alternative = checkAlternative(fn, opts.alternative ?? 'two.sided');
  const confidence = checkConfidence(fn, opts.confidence ?? 0.95);
  const r = oneSampleCore('oneSampleTTest', x, mu, confidence, alternative);
  return {
    method: 'One Sample t-test', statistic: r.statistic, df: r.df, pValue: r.pValue, estimate: r.mean, sd: r.sd, se: r.se,
    ci: [r.lower, r.upper], mu, alternative, confidence, n: r.n, nMissing, warnings: r.warnings,
  };
}

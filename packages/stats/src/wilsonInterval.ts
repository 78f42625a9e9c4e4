import type { Message } from '@satlab/messages';
import { normalQuantile } from './distributions/normal.js';
import { checkConfidence } from './internal/sample.js';
import { checkCount, type ProportionInterval } from './internal/proportion.js';
import { msg } from './messages.js';

export type { ProportionInterval } from './internal/proportion.js';

/** Options of {@link wilsonInterval}. */
export interface WilsonIntervalOptions {
  /** Confidence level in (0, 1). Default 0.95. */
  confidence?: number;
}

/**
 * Wilson score interval for a binomial proportion (without continuity correction):
 *
 *   (p̂ + z²/2n ± z·√(p̂(1−p̂)/n + z²/4n²)) / (1 + z²/n),  z = Φ⁻¹((1 + confidence)/2).
 *
 * Unlike the Wald interval p̂ ± z·√(p̂(1−p̂)/n) it keeps its coverage for small n and p̂ near 0
 * or 1, and never leaves [0, 1]. The bound at 0 (successes = 0) or 1 (successes = n) is exact.
 * Non-integer counts are accepted (e.g. weighted counts with an effective n).
 *
 * Reference: Wilson (1927), JASA 22:209; R `prop.test(x, n, correct = FALSE)$conf.int`
 * (identical), `binom::binom.wilson`.
 *
 * @param successes number of successes, 0 ≤ successes ≤ n.
 * @param n number of trials (n = 0 gives NaN bounds and a warning).
 * @throws {RangeError} when successes or n are out of range or confidence is not in (0, 1).
 * @example
 * wilsonInterval(15, 40);
 * //=> { estimate: 0.375, lower: 0.242229…, upper: 0.529675…, successes: 15, n: 40,
 * //   confidence: 0.95, method: 'Wilson score', warnings: [] }
 */
export function wilsonInterval(successes: number, n: number, opts: WilsonIntervalOptions = {}): ProportionInterval {
  const fn = 'wilsonInterval(successes, n, opts)';
  const c = checkCount(fn, successes, n);
  const confidence = checkConfidence(fn, opts.confidence ?? 0.95);
  const warnings: Message[] = [];
  if (c.n === 0) {
    warnings.push(msg.noObservations({ what: 'wilsonInterval' }));
    return { estimate: NaN, lower: NaN, upper: NaN, successes: c.x, n: c.n, confidence, method: 'Wilson score', warnings };
  }
  const p = c.x / c.n;
  const z = normalQuantile((1 + confidence) / 2);
  const z22n = (z * z) / (2 * c.n);
  const half = z * Math.sqrt((p * (1 - p)) / c.n + z22n / (2 * c.n));
  const centre = p + z22n;
  const den = 1 + 2 * z22n;
  const lower = p <= 0 ? 0 : Math.max(0, (centre - half) / den);
  const upper = p >= 1 ? 1 : Math.min(1, (centre + half) / den);
  return { estimate: p, lower, upper, successes: c.x, n: c.n, confidence, method: 'Wilson score', warnings };
}

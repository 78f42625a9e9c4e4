import type { Message } from '@satlab/messages';
import { betaQuantile } from './distributions/beta.js';
import { checkConfidence } from './internal/sample.js';
import { checkCount, type ProportionInterval } from './internal/proportion.js';
import { msg } from './messages.js';

/** Options of {@link clopperPearsonInterval}. */
export interface ClopperPearsonIntervalOptions {
  /** Confidence level in (0, 1). Default 0.95. */
  confidence?: number;
}

/**
 * Clopper–Pearson ("exact") interval for a binomial proportion, from beta quantiles:
 *
 *   lower = B⁻¹(α/2; x, n − x + 1)  (0 when x = 0),  upper = B⁻¹(1 − α/2; x + 1, n − x)  (1 when x = n),
 *
 * with α = 1 − confidence. Guaranteed coverage ≥ confidence (conservative). Non-integer counts
 * are accepted and used as is (the Korn–Graubard effective-n form); R's `binom.test` would round them.
 *
 * Reference: Clopper & Pearson (1934), Biometrika 26:404; R `binom.test(x, n)$conf.int`.
 *
 * @param successes number of successes, 0 ≤ successes ≤ n.
 * @param n number of trials (n = 0 gives NaN bounds and a warning).
 * @throws {RangeError} when successes or n are out of range or confidence is not in (0, 1).
 * @example
 * clopperPearsonInterval(15, 40);
 * //=> { estimate: 0.375, lower: 0.227262…, upper: 0.541985…, successes: 15, n: 40,
 * //   confidence: 0.95, method: 'Clopper-Pearson', warnings: [] }
 */
export function clopperPearsonInterval(successes: number, n: number, opts: ClopperPearsonIntervalOptions = {}): ProportionInterval {
  const fn = 'clopperPearsonInterval(successes, n, opts)';
  const c = checkCount(fn, successes, n);
  const confidence = checkConfidence(fn, opts.confidence ?? 0.95);
  const warnings: Message[] = [];
  if (c.n === 0) {
    warnings.push(msg.noObservations({ what: 'clopperPearsonInterval' }));
    return { estimate: NaN, lower: NaN, upper: NaN, successes: c.x, n: c.n, confidence, method: 'Clopper-Pearson', warnings };
  }
  const alpha = 1 - confidence;
  const lower = c.x === 0 ? 0 : betaQuantile(alpha / 2, c.x, c.n - c.x + 1);
  const upper = c.x === c.n ? 1 : betaQuantile(1 - alpha / 2, c.x + 1, c.n - c.x);
  return { estimate: c.x / c.n, lower, upper, successes: c.x, n: c.n, confidence, method: 'Clopper-Pearson', warnings };
}

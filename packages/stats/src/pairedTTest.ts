import { checkAlternative, checkConfidence, checkFiniteNumber, readPairs, type Values } from './internal/sample.js';
import { oneSampleCore } from './internal/tTest.js';
import type { OneSampleTTest, OneSampleTTestOptions } from './oneSampleTTest.js';

/**
 * Paired t test: the one-sample t test on the differences a − b (H₀: mean difference = μ₀).
 * Pairs with a NaN on either side are excluded and counted in `nMissing`.
 *
 * Reference: R `t.test(a, b, paired = TRUE, mu = mu, alternative = alternative)`.
 *
 * @throws {TypeError} when a or b is not numeric. @throws {RangeError} on different lengths, ±Infinity or bad options.
 * @example
 * pairedTTest([10, 12, 9, 14], [8, 11, 9, 10]);
 * //=> { statistic: 2.04939…, df: 3, pValue: 0.132841…, estimate: 1.75, … }
 */
export function pairedTTest(a: Values, b: Values, opts: OneSampleTTestOptions = {}): OneSampleTTest {
  const fn = 'pairedTTest(a, b, opts)';
  const { x, y, nMissing } = readPairs(fn, a, b, 'a', 'b');
  const mu = checkFiniteNumber(fn, 'opts.mu', opts.mu ?? 0);
  const alternative = checkAlternative(fn, opts.alternative ?? 'two.sided');
  const confidence = checkConfidence(fn, opts.confidence ?? 0.95);
  const d = new Float64Array(x.length);
  for (let i = 0; i < d.length; i++) d[i] = x[i] - y[i];
  const r = oneSampleCore('pairedTTest', d, mu, confidence, alternative);
  return {
    method: 'Paired t-test', statistic: r.statistic, df: r.df, pValue: r.pValue, estimate: r.mean, sd: r.sd, se: r.se,
    ci: [r.lower, r.upper], mu, alternative, confidence, n: r.n, nMissing, warnings: r.warnings,
  };
}

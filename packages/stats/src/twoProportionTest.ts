import type { Message } from '@satlab/messages';
import { chiSquareSf } from './distributions/chiSquare.js';
import { normalQuantile } from './distributions/normal.js';
import { checkAlternative, checkConfidence, zPValue, type Alternative } from './internal/sample.js';
import { checkCount } from './internal/proportion.js';
import { msg } from './messages.js';

/** Options of {@link twoProportionTest}. */
export interface TwoProportionTestOptions {
  /** Yates continuity correction (R's `correct`). Default false. */
  correct?: boolean;
  /** Alternative hypothesis about p₁ − p₂. Default 'two.sided'. */
  alternative?: Alternative;
  /** Confidence level of the interval for p₁ − p₂, in (0, 1). Default 0.95. */
  confidence?: number;
}

/** Result of {@link twoProportionTest}. */
export interface TwoProportionTest {
  method: string;
  /** Signed z = sign(p₁ − p₂)·√X² (z² = R's X-squared). */
  statistic: number;
  /** R's X-squared (Pearson χ² of the 2 × 2 table, Yates-corrected when `correct`). */
  chiSquare: number;
  /** Degrees of freedom of chiSquare (1). */
  df: number;
  pValue: number;
  /** Sample proportions [p₁, p₂]. */
  estimate: [number, number];
  /** p₁ − p₂. */
  difference: number;
  /** Wald interval for p₁ − p₂ (with the continuity term when `correct`), clipped to [−1, 1]. */
  ci: [number, number];
  /** Pooled proportion (x₁ + x₂)/(n₁ + n₂) used under H₀. */
  pooled: number;
  n: [number, number];
  /** Smallest expected count of the 2 × 2 table under H₀. */
  minExpected: number;
  correct: boolean;
  alternative: Alternative;
  confidence: number;
  warnings: Message[];
}

/**
 * Two-sample z test for equality of proportions H₀: p₁ = p₂, using the pooled proportion p̄:
 *
 *   z = (p̂₁ − p̂₂) / √(p̄(1 − p̄)(1/n₁ + 1/n₂)),  z² = Pearson X² of the 2 × 2 table.
 *
 * With `correct: true`, Yates' correction min(½, |x₁ − n₁p̄|) is subtracted from every |O − E|
 * (and min(½, |p̂₁−p̂₂|/(1/n₁+1/n₂))·(1/n₁+1/n₂) added to the CI half-width), exactly as R.
 * The confidence interval is the unpooled Wald interval p̂₁ − p̂₂ ± z·√(Σ p̂(1−p̂)/n).
 * Warns when an expected count is below 5 (R: "Chi-squared approximation may be incorrect").
 *
 * Reference: R `prop.test(c(x1, x2), c(n1, n2), correct = correct, alternative = alternative)`.
 *
 * @throws {RangeError} when a count is out of range or an option is invalid.
 * @example
 * twoProportionTest(45, 120, 30, 125);
 * //=> { statistic: 2.29196…, chiSquare: 5.25308…, pValue: 0.0219078…, estimate: [0.375, 0.24],
 * //   difference: 0.135, ci: [0.0205084…, 0.249491…], … }
 */
export function twoProportionTest(x1: number, n1: number, x2: number, n2: number, opts: TwoProportionTestOptions = {}): TwoProportionTest {
  const fn = 'twoProportionTest(x1, n1, x2, n2, opts)';
  const g1 = checkCount(fn, x1, n1);
  const g2 = checkCount(fn, x2, n2);
  if (g1.n === 0 || g2.n === 0) throw new RangeError(`${fn}: n1 and n2 must be > 0, got ${n1} and ${n2}`);
  const correct = opts.correct ?? false;
  if (typeof correct !== 'boolean') throw new TypeError(`${fn}: opts.correct must be a boolean, got ${String(correct)}`);
  const alternative = checkAlternative(fn, opts.alternative ?? 'two.sided');
  const confidence = checkConfidence(fn, opts.confidence ?? 0.95);
  const warnings: Message[] = [];
  const p1 = g1.x / g1.n;
  const p2 = g2.x / g2.n;
  const difference = p1 - p2;
  const N = g1.n + g2.n;
  const pooled = (g1.x + g2.x) / N;
  const e = [g1.n * pooled, g1.n * (1 - pooled), g2.n * pooled, g2.n * (1 - pooled)];
  const minExpected = Math.min(...e);
  const invN = 1 / g1.n + 1 / g2.n;
  // |O − E| is the same in the four cells: |x1·n2 − x2·n1| / N.
  const dev = Math.abs(g1.x * g2.n - g2.x * g1.n) / N;
  const yates = correct ? Math.min(0.5, dev) : 0;
  let chiSquare = NaN;
  let statistic = NaN;
  let pValue = NaN;
  if (pooled <= 0 || pooled >= 1) {
    warnings.push(msg.degenerateProportion());
  } else {
    const d = dev - yates;
    chiSquare = d * d * (1 / e[0] + 1 / e[1] + 1 / e[2] + 1 / e[3]);
    statistic = Math.sign(difference) * Math.sqrt(chiSquare);
    pValue = alternative === 'two.sided' ? chiSquareSf(chiSquare, 1) : zPValue(statistic, alternative);
    if (minExpected < 5) warnings.push(msg.smallExpected({ min: minExpected }));
  }
  const ciYates = correct ? Math.min(0.5, Math.abs(difference) / invN) : 0;
  const z = normalQuantile(alternative === 'two.sided' ? (1 + confidence) / 2 : confidence);
  const width = z * Math.sqrt((p1 * (1 - p1)) / g1.n + (p2 * (1 - p2)) / g2.n) + ciYates * invN;
  const ci: [number, number] =
    alternative === 'less' ? [-1, Math.min(difference + width, 1)]
    : alternative === 'greater' ? [Math.max(difference - width, -1), 1]
    : [Math.max(difference - width, -1), Math.min(difference + width, 1)];
  const method = `2-sample test for equality of proportions ${correct ? 'with' : 'without'} continuity correction`;
  return {
    method, statistic, chiSquare, df: 1, pValue, estimate: [p1, p2], difference, ci, pooled, n: [g1.n, g2.n], minExpected,
    correct, alternative, confidence, warnings,
  };
}

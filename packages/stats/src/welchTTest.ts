import type { Message } from '@satlab/messages';
import { checkAlternative, checkConfidence, checkFiniteNumber, mean, readSample, sumSquares, tPValue, type Alternative, type Values } from './internal/sample.js';
import { tBounds } from './internal/tTest.js';
import { msg } from './messages.js';

/** Options of {@link welchTTest}. */
export interface WelchTTestOptions {
  /** Hypothesised difference of means μ_a − μ_b. Default 0. */
  mu?: number;
  /** Alternative hypothesis about μ_a − μ_b. Default 'two.sided'. */
  alternative?: Alternative;
  /** Confidence level of the interval for the difference, in (0, 1). Default 0.95. */
  confidence?: number;
  /** Pool the variances (classic Student test, df = n_a + n_b − 2) instead of Welch. Default false. */
  varEqual?: boolean;
}

/** Result of {@link welchTTest}. */
export interface WelchTTest {
  method: 'Welch Two Sample t-test' | 'Two Sample t-test';
  /** t = (x̄_a − x̄_b − μ) / se. */
  statistic: number;
  /** Welch–Satterthwaite degrees of freedom (n_a + n_b − 2 when varEqual). */
  df: number;
  pValue: number;
  /** Group means [x̄_a, x̄_b]. */
  estimate: [number, number];
  /** x̄_a − x̄_b. */
  difference: number;
  /** Standard error of the difference. */
  se: number;
  /** Confidence interval for μ_a − μ_b (±Infinity on the open side of a one-sided test). */
  ci: [number, number];
  /** Group standard deviations [s_a, s_b]. */
  sd: [number, number];
  /** Non-missing sizes [n_a, n_b]. */
  n: [number, number];
  /** NaN values excluded (a and b together). */
  nMissing: number;
  mu: number;
  alternative: Alternative;
  confidence: number;
  warnings: Message[];
}

/**
 * Welch two-sample t test of H₀: μ_a − μ_b = μ, not assuming equal variances:
 *
 *   t = (x̄_a − x̄_b − μ)/√(s_a²/n_a + s_b²/n_b),
 *   df = (s_a²/n_a + s_b²/n_b)² / [(s_a²/n_a)²/(n_a−1) + (s_b²/n_b)²/(n_b−1)].
 *
 * Assumes independent samples from roughly normal populations. With `varEqual: true` the pooled
 * (Student) version. NaN values are excluded and counted.
 *
 * Reference: Welch (1947), Biometrika 34:28; R `t.test(a, b, mu = mu, alternative = alternative, var.equal = varEqual)`.
 *
 * @throws {TypeError} when a or b is not numeric. @throws {RangeError} on ±Infinity or bad options.
 * @example
 * welchTTest([19.1, 20.3, 21.0, 18.4, 22.2], [16.8, 18.0, 17.1, 19.9]);
 * //=> { method: 'Welch Two Sample t-test', statistic: 2.31761…, df: 6.78225…,
 * //   pValue: 0.0547425…, … }
 */
export function welchTTest(a: Values, b: Values, opts: WelchTTestOptions = {}): WelchTTest {
  const fn = 'welchTTest(a, b, opts)';
  const A = readSample(fn, 'a', a);
  const B = readSample(fn, 'b', b);
  const mu = checkFiniteNumber(fn, 'opts.mu', opts.mu ?? 0);
  const alternative = checkAlternative(fn, opts.alternative ?? 'two.sided');
  const confidence = checkConfidence(fn, opts.confidence ?? 0.95);
  const varEqual = opts.varEqual ?? false;
  if (typeof varEqual !== 'boolean') throw new TypeError(`${fn}: opts.varEqual must be a boolean, got ${String(varEqual)}`);
  const method = varEqual ? 'Two Sample t-test' : 'Welch Two Sample t-test';
  const na = A.x.length;
  const nb = B.x.length;
  const ma = mean(A.x);
  const mb = mean(B.x);
  const va = na >= 2 ? sumSquares(A.x, ma) / (na - 1) : NaN;
  const vb = nb >= 2 ? sumSquares(B.x, mb) / (nb - 1) : NaN;
  const warnings: Message[] = [];
  let se = NaN;
  let df = NaN;
  if (varEqual) {
    df = na + nb - 2;
    if (na < 1 || nb < 1 || df < 1) warnings.push(msg.tooFewObservations({ what: 'welchTTest', n: Math.min(na, nb), min: 1 }));
    else {
      const pooled = ((na > 1 ? (na - 1) * va : 0) + (nb > 1 ? (nb - 1) * vb : 0)) / df;
      se = Math.sqrt(pooled * (1 / na + 1 / nb));
    }
  } else if (na < 2 || nb < 2) {
    warnings.push(msg.tooFewObservations({ what: 'welchTTest', n: Math.min(na, nb), min: 2 }));
  } else {
    const sa2 = va / na;
    const sb2 = vb / nb;
    se = Math.sqrt(sa2 + sb2);
    df = (sa2 + sb2) ** 2 / ((sa2 * sa2) / (na - 1) + (sb2 * sb2) / (nb - 1));
  }
  const difference = ma - mb;
  let statistic = NaN;
  let pValue = NaN;
  let ci: [number, number] = [NaN, NaN];
  if (Number.isFinite(se)) {
    if (se <= 10 * Number.EPSILON * Math.max(Math.abs(ma), Math.abs(mb)) || se === 0) {
      warnings.push(msg.zeroVariance({ what: 'welchTTest' }));
      if (!varEqual) df = NaN;
    } else {
      statistic = (difference - mu) / se;
      pValue = tPValue(statistic, df, alternative);
      ci = tBounds(difference, se, df, confidence, alternative);
    }
  }
  return {
    method, statistic, df, pValue, estimate: [ma, mb], difference, se, ci, sd: [Math.sqrt(va), Math.sqrt(vb)],
    n: [na, nb], nMissing: A.nMissing + B.nMissing, mu, alternative, confidence, warnings,
  };
}

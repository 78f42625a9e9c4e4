import { solveIncreasing } from './invert.js';
import { logBeta, regularizedBeta, regularizedBetaUpper } from './special.js';

/**
 * Beta(a, b) CDF I_x(a, b). R: `pbeta(x, a, b)`.
 * @example
 * betaCdf(0.3, 3, 8); //=> 0.617217…
 */
export function betaCdf(x: number, a: number, b: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  return regularizedBeta(x, a, b);
}

/**
 * Beta(a, b) quantile: the x with I_x(a, b) = p, by safeguarded Newton on the smaller tail
 * (used for Clopper–Pearson intervals and the t and F quantiles). R: `qbeta(p, a, b)`.
 * @throws {RangeError} when p is outside [0, 1] or a, b ≤ 0.
 * @example
 * betaQuantile(0.025, 3, 8); //=> 0.0667395…
 * // (R: qbeta(0.025, 3, 8))
 */
export function betaQuantile(p: number, a: number, b: number): number {
  if (!(a > 0) || !(b > 0)) throw new RangeError(`betaQuantile(p, a, b): a and b must be > 0, got a=${a}, b=${b}`);
  if (Number.isNaN(p)) return NaN;
  if (p < 0 || p > 1) throw new RangeError(`betaQuantile(p, a, b): p must be in [0, 1], got ${p}`);
  if (p === 0) return 0;
  if (p === 1) return 1;
  const lb = logBeta(a, b);
  const pdf = (x: number): number => Math.exp((a - 1) * Math.log(x) + (b - 1) * Math.log1p(-x) - lb);
  const h = p <= 0.5 ? (x: number): number => regularizedBeta(x, a, b) - p : (x: number): number => 1 - p - regularizedBetaUpper(x, 1 - x, a, b);
  return solveIncreasing(h, pdf, a / (a + b), 0, 1);
}

import { logGamma, regularizedBetaXY } from './special.js';

function check(fn: string, n: number, p: number): void {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`${fn}: n must be a non-negative integer, got ${n}`);
  if (!(p >= 0 && p <= 1)) throw new RangeError(`${fn}: p must be in [0, 1], got ${p}`);
}

/**
 * Binomial probability P(X = k) for X ~ B(n, p). R: `dbinom(k, n, p)`.
 * @example
 * binomialPmf(3, 10, 0.5); //=> 0.117187…
 */
export function binomialPmf(k: number, n: number, p: number): number {
  check('binomialPmf(k, n, p)', n, p);
  if (!Number.isInteger(k) || k < 0 || k > n) return 0;
  if (p === 0) return k === 0 ? 1 : 0;
  if (p === 1) return k === n ? 1 : 0;
  const logC = logGamma(n + 1) - logGamma(k + 1) - logGamma(n - k + 1);
  return Math.exp(logC + k * Math.log(p) + (n - k) * Math.log1p(-p));
}

/**
 * Binomial CDF P(X ≤ k) = I_{1−p}(n − k, k + 1). R: `pbinom(k, n, p)`.
 * @example
 * binomialCdf(3, 10, 0.5); //=> 0.171875
 */
export function binomialCdf(k: number, n: number, p: number): number {
  check('binomialCdf(k, n, p)', n, p);
  k = Math.floor(k);
  if (k < 0) return 0;
  if (k >= n) return 1;
  return regularizedBetaXY(1 - p, p, n - k, k + 1);
}

/**
 * Binomial upper tail P(X > k) = I_p(k + 1, n − k), computed directly. R: `pbinom(k, n, p, lower.tail = FALSE)`.
 * @example
 * binomialSf(3, 10, 0.5); //=> 0.828125
 */
export function binomialSf(k: number, n: number, p: number): number {
  check('binomialSf(k, n, p)', n, p);
  k = Math.floor(k);
  if (k < 0) return 1;
  if (k >= n) return 0;
  return regularizedBetaXY(p, 1 - p, k + 1, n - k);
}

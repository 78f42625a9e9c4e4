import { betaQuantile } from './beta.js';
import { regularizedBetaXY } from './special.js';

function checkDf(fn: string, d1: number, d2: number): void {
  if (!(d1 > 0) || !(d2 > 0)) throw new RangeError(`${fn}: df1 and df2 must be > 0, got ${d1}, ${d2}`);
}

/**
 * F(d1, d2) CDF: I_{d1·f/(d1·f + d2)}(d1/2, d2/2). R: `pf(f, d1, d2)`.
 * @example
 * fisherFCdf(3.4903, 3, 12); //=> 0.950000…
 */
export function fisherFCdf(f: number, d1: number, d2: number): number {
  checkDf('fisherFCdf(f, d1, d2)', d1, d2);
  if (Number.isNaN(f)) return NaN;
  if (f <= 0) return 0;
  if (f === Infinity) return 1;
  const den = d1 * f + d2;
  return regularizedBetaXY((d1 * f) / den, d2 / den, d1 / 2, d2 / 2);
}

/**
 * F(d1, d2) upper tail P(F > f) = I_{d2/(d2 + d1·f)}(d2/2, d1/2), computed directly.
 * R: `pf(f, d1, d2, lower.tail = FALSE)`.
 * @example
 * fisherFSf(3.4903, 3, 12); //=> 0.0499998…
 */
export function fisherFSf(f: number, d1: number, d2: number): number {
  checkDf('fisherFSf(f, d1, d2)', d1, d2);
  if (Number.isNaN(f)) return NaN;
  if (f <= 0) return 1;
  if (f === Infinity) return 0;
  const den = d1 * f + d2;
  return regularizedBetaXY(d2 / den, (d1 * f) / den, d2 / 2, d1 / 2);
}

/**
 * F(d1, d2) quantile via the beta quantile: f = d2·x / (d1·(1 − x)), x = qbeta(p, d1/2, d2/2). R: `qf(p, d1, d2)`.
 * @example
 * fisherFQuantile(0.95, 3, 12); //=> 3.49029…
 */
export function fisherFQuantile(p: number, d1: number, d2: number): number {
  checkDf('fisherFQuantile(p, d1, d2)', d1, d2);
  if (Number.isNaN(p)) return NaN;
  if (p < 0 || p > 1) throw new RangeError(`fisherFQuantile(p, d1, d2): p must be in [0, 1], got ${p}`);
  if (p === 0) return 0;
  if (p === 1) return Infinity;
  const x = betaQuantile(p, d1 / 2, d2 / 2);
  return (d2 * x) / (d1 * (1 - x));
}

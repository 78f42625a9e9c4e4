import { logGamma, regularizedGammaP, regularizedGammaQ } from './special.js';
import { solveIncreasing } from './invert.js';
import { normalQuantile } from './normal.js';

function checkDf(fn: string, df: number): void {
  if (!(df > 0)) throw new RangeError(`${fn}: df must be > 0, got ${df}`);
}

/**
 * χ² CDF P(X ≤ x) with df degrees of freedom = P(df/2, x/2). R: `pchisq(x, df)`.
 * @example
 * chiSquareCdf(3.841458820694124, 1); //=> 0.95
 */
export function chiSquareCdf(x: number, df: number): number {
  checkDf('chiSquareCdf(x, df)', df);
  if (Number.isNaN(x)) return NaN;
  return x <= 0 ? 0 : regularizedGammaP(df / 2, x / 2);
}

/**
 * χ² upper tail P(X > x) = Q(df/2, x/2), computed directly (no 1 − cdf), so tiny p-values keep
 * their digits. R: `pchisq(x, df, lower.tail = FALSE)`.
 * @example
 * chiSquareSf(53.7592805094, 12); //=> 3.01686…e-7
 */
export function chiSquareSf(x: number, df: number): number {
  checkDf('chiSquareSf(x, df)', df);
  if (Number.isNaN(x)) return NaN;
  return x <= 0 ? 1 : regularizedGammaQ(df / 2, x / 2);
}

/**
 * χ² quantile: the x with P(X ≤ x) = p (Wilson–Hilferty start, safeguarded Newton on the tail
 * that is smaller, so extreme p keep their precision). R: `qchisq(p, df)`.
 * @throws {RangeError} when p is outside [0, 1] or df ≤ 0.
 * @example
 * chiSquareQuantile(0.95, 12); //=> 21.0260…
 */
export function chiSquareQuantile(p: number, df: number): number {
  checkDf('chiSquareQuantile(p, df)', df);
  if (Number.isNaN(p)) return NaN;
  if (p < 0 || p > 1) throw new RangeError(`chiSquareQuantile(p, df): p must be in [0, 1], got ${p}`);
  if (p === 0) return 0;
  if (p === 1) return Infinity;
  const a = df / 2;
  const logNorm = a * Math.LN2 + logGamma(a);
  const pdf = (x: number): number => Math.exp((a - 1) * Math.log(x) - x / 2 - logNorm);
  const z = normalQuantile(p);
  const w = 2 / (9 * df);
  const x0 = Math.max(df * Math.pow(1 - w + z * Math.sqrt(w), 3), 1e-10);
  const h = p <= 0.5 ? (x: number): number => chiSquareCdf(x, df) - p : (x: number): number => 1 - p - chiSquareSf(x, df);
  return solveIncreasing(h, pdf, x0, 0, Infinity);
}

import { betaQuantile } from './beta.js';
import { normalCdf, normalQuantile, normalSf } from './normal.js';
import { regularizedBetaXY } from './special.js';

function checkDf(fn: string, df: number): void {
  if (!(df > 0)) throw new RangeError(`${fn}: df must be > 0, got ${df}`);
}

/**
 * Student t upper tail P(T > t) with df degrees of freedom: ½·I_{df/(df+t²)}(df/2, 1/2) for t > 0,
 * both arguments formed without cancellation. R: `pt(t, df, lower.tail = FALSE)`.
 * @example
 * studentTSf(2.228138851986274, 10); //=> 0.025
 */
export function studentTSf(t: number, df: number): number {
  checkDf('studentTSf(t, df)', df);
  if (Number.isNaN(t)) return NaN;
  if (df === Infinity) return normalSf(t);
  if (t === Infinity) return 0;
  if (t === -Infinity) return 1;
  const t2 = t * t;
  const x = df / (df + t2);
  const y = t2 / (df + t2);
  const tail = 0.5 * regularizedBetaXY(x, y, df / 2, 0.5);
  return t > 0 ? tail : 1 - tail;
}

/**
 * Student t CDF P(T ≤ t). R: `pt(t, df)`.
 * @example
 * studentTCdf(2.228138851986274, 10); //=> 0.975
 */
export function studentTCdf(t: number, df: number): number {
  checkDf('studentTCdf(t, df)', df);
  if (df === Infinity) return normalCdf(t);
  return Number.isNaN(t) ? NaN : studentTSf(-t, df);
}

/**
 * Student t quantile from the beta quantile: t = √(df·(1/x − 1)) with x = qbeta(2·min(p, 1−p), df/2, ½).
 * R: `qt(p, df)`.
 * @throws {RangeError} when p is outside [0, 1] or df ≤ 0.
 * @example
 * studentTQuantile(0.975, 10); //=> 2.22813…
 */
export function studentTQuantile(p: number, df: number): number {
  checkDf('studentTQuantile(p, df)', df);
  if (Number.isNaN(p)) return NaN;
  if (p < 0 || p > 1) throw new RangeError(`studentTQuantile(p, df): p must be in [0, 1], got ${p}`);
  if (df === Infinity) return normalQuantile(p);
  if (p === 0.5) return 0;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  const tail = Math.min(p, 1 - p);
  const x = betaQuantile(2 * tail, df / 2, 0.5);
  const t = Math.sqrt(df * (1 / x - 1));
  return p < 0.5 ? -t : t;
}

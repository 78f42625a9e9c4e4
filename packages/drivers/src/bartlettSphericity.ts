import type { Matrix } from '@satlab/stats';
import { chiSquareSf } from '@satlab/stats';
import { logDetSpd } from './internal/matrixOps.js';

/** Result of {@link bartlettSphericity}. */
export interface BartlettResult {
  method: string;
  statistic: number;
  df: number;
  pValue: number;
  n: number;
  p: number;
}

/**
 * Bartlett's (1951) test that a correlation matrix is an identity (no shared variance, factor
 * analysis pointless): χ² = −ln|R| · (n − 1 − (2p + 5)/6), df = p(p − 1)/2, upper tail of χ²
 * (survival function). ln|R| from the Cholesky factor (accurate for near-singular R; +∞ statistic
 * when R is singular).
 *
 * @param r a p × p correlation matrix. @param n the number of respondents it was computed from.
 * @throws {TypeError} when `r` is not a square Matrix. @throws {RangeError} when it has fewer than 2
 *   variables, or n is not a number > 1.
 * @see R: `psych::cortest.bartlett(r, n)`.
 * @example
 * import { matrixFromRows } from '@satlab/stats';
 * bartlettSphericity(matrixFromRows([[1, 0.5], [0.5, 1]]), 100);
 * //=> { statistic: 28.0490…, df: 1, pValue: 1.18282…e-7, … }
 */
export function bartlettSphericity(r: Matrix, n: number): BartlettResult {
  if (!r || !(r.data instanceof Float64Array) || r.rows !== r.cols) throw new TypeError('bartlettSphericity(r): expected a square correlation Matrix');
  if (r.rows < 2) throw new RangeError(`bartlettSphericity(r): at least 2 variables are needed, got ${r.rows}`);
  if (typeof n !== 'number' || !(n > 1)) throw new RangeError(`bartlettSphericity(n): expected a number of respondents > 1, got ${n}`);
  const p = r.rows;
  let logDet: number;
  try {
    logDet = logDetSpd(r);
  } catch {
    logDet = -Infinity;
  }
  const statistic = -logDet * (n - 1 - (2 * p + 5) / 6);
  const df = (p * (p - 1)) / 2;
  return { method: "Bartlett's test of sphericity (psych::cortest.bartlett)", statistic, df, pValue: chiSquareSf(statistic, df), n, p };
}

import type { Matrix } from '@satlab/stats';
import { invSpd } from './internal/matrixOps.js';

/** Result of {@link kmo}. */
export interface KmoResult {
  method: string;
  /** Overall measure of sampling adequacy (Kaiser–Meyer–Olkin). */
  overall: number;
  /** MSA of each variable, in the matrix order. */
  items: number[];
}

/**
 * Kaiser–Meyer–Olkin measure of sampling adequacy, as psych::KMO: with Q the partial
 * correlations (R⁻¹ rescaled to unit diagonal) and off-diagonal sums,
 * MSA = Σ r²ᵢⱼ / (Σ r²ᵢⱼ + Σ q²ᵢⱼ) overall and per column. Kaiser's reading: ≥ 0.9 marvelous,
 * 0.8 meritorious, 0.7 middling, 0.6 mediocre, 0.5 miserable, below unacceptable.
 *
 * @param r a p × p correlation matrix (positive definite).
 * @throws {TypeError} when `r` is not a square Matrix. @throws {RangeError} when `r` is singular.
 * @see R: `psych::KMO(r)`; Kaiser (1970), Kaiser & Rice (1974).
 * @example
 * import { matrixFromRows } from '@satlab/stats';
 * kmo(matrixFromRows([[1, 0.5, 0.4], [0.5, 1, 0.3], [0.4, 0.3, 1]])).overall;
 * //=> 0.627861… (psych::KMO gives the same)
 */
export function kmo(r: Matrix): KmoResult {
  if (!r || !(r.data instanceof Float64Array) || r.rows !== r.cols) throw new TypeError('kmo(r): expected a square correlation Matrix');
  const p = r.rows;
  let Q: Matrix;
  try {
    Q = invSpd(r);
  } catch {
    throw new RangeError('kmo(r): the correlation matrix is singular (collinear variables); KMO is undefined');
  }
  const colR = new Float64Array(p);
  const colQ = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    for (let i = 0; i < p; i++) {
      if (i === j) continue;
      const q = Q.data[i + j * p] / Math.sqrt(Q.data[i + i * p] * Q.data[j + j * p]);
      colR[j] += r.data[i + j * p] ** 2;
      colQ[j] += q * q;
    }
  }
  const sr = colR.reduce((a, b) => a + b, 0);
  const sq = colQ.reduce((a, b) => a + b, 0);
  return {
    method: 'Kaiser-Meyer-Olkin measure of sampling adequacy (psych::KMO)',
    overall: sr / (sr + sq),
    items: Array.from(colR, (v, j) => v / (v + colQ[j])),
  };
}

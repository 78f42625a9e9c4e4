import type { Matrix, QR } from './types.js';

/**
 * The unscaled covariance matrix (X'X)⁻¹ = R⁻¹R⁻ᵀ of the estimable coefficients, returned in
 * the ORIGINAL column order of X (p × p) with NaN rows and columns for aliased columns.
 * Multiply by σ̂² for the coefficients' covariance matrix.
 *
 * @param q the result of {@link qr}.
 * @throws {TypeError} when `q` is not a QR result.
 * @see R: `chol2inv(qr$qr[1:rank, 1:rank])`, i.e. `summary(lm(...))$cov.unscaled` (which drops
 *   the aliased rows instead of filling them with NaN).
 * @example
 * matrixToRows(qrUnscaledCovariance(qr(matrixFromRows([[1, 0], [1, 1], [1, 2]]))));
 * //=> [[0.833333…, -0.5], [-0.5, 0.5]]
 */
export function qrUnscaledCovariance(q: QR): Matrix {
  if (q === null || typeof q !== 'object' || !q.qr || !(q.qr.data instanceof Float64Array) || !(q.pivot instanceof Int32Array)) {
    throw new TypeError('qrUnscaledCovariance(q): expected the result of qr()');
  }
  const n = q.qr.rows;
  const p = q.qr.cols;
  const k = q.rank;
  const a = q.qr.data;
  // Rinv: upper triangular inverse of R[0:k, 0:k], column-major k × k.
  const rinv = new Float64Array(k * k);
  for (let j = 0; j < k; j++) {
    rinv[j + j * k] = 1 / a[j + j * n];
    for (let i = j - 1; i >= 0; i--) {
      let s = 0;
      for (let m = i + 1; m <= j; m++) s += a[i + m * n] * rinv[m + j * k];
      rinv[i + j * k] = -s / a[i + i * n];
    }
  }
  const out = new Float64Array(p * p).fill(NaN);
  for (let i = 0; i < k; i++) {
    for (let j = i; j < k; j++) {
      // (Rinv Rinv')_{ij} = Σ_m Rinv[i,m] Rinv[j,m], m ≥ max(i, j) = j
      let s = 0;
      for (let m = j; m < k; m++) s += rinv[i + m * k] * rinv[j + m * k];
      const oi = q.pivot[i];
      const oj = q.pivot[j];
      out[oi + oj * p] = s;
      out[oj + oi * p] = s;
    }
  }
  return { rows: p, cols: p, data: out };
}

import type { QR } from './types.js';
import { applyQ, checkQrY } from './qrApply.js';

/**
 * Least-squares coefficients b minimising ‖y − X b‖ from a QR decomposition of X: Q'y, then
 * back-substitution in R[1:rank, 1:rank]; coefficients are returned in the ORIGINAL column
 * order of X, with NaN for aliased columns (R's NA).
 *
 * @param q the result of {@link qr}.
 * @param y the response, length = rows of X, finite values.
 * @returns Float64Array of length cols(X).
 * @throws {TypeError} when `q` is not a QR result. @throws {RangeError} when `y` has the wrong length or non-finite values.
 * @see R: `qr.coef(qr(x), y)` (LINPACK `dqrcf`), which `lm.fit()` uses.
 * @example
 * const X = matrixFromRows([[1, 0], [1, 1], [1, 2]]);
 * qrCoef(qr(X), Float64Array.of(1, 3, 5)); //=> Float64Array [1, 2]
 */
export function qrCoef(q: QR, y: Float64Array | readonly number[]): Float64Array {
  const { n, k } = checkQrY('qrCoef', q, y);
  const p = q.qr.cols;
  const qty = Float64Array.from(y as ArrayLike<number>);
  applyQ(q, qty, k, true);
  const a = q.qr.data;
  const b = new Float64Array(k);
  for (let i = k - 1; i >= 0; i--) {
    let s = qty[i];
    for (let j = i + 1; j < k; j++) s -= a[i + j * n] * b[j];
    b[i] = s / a[i + i * n];
  }
  const coef = new Float64Array(p).fill(NaN);
  for (let i = 0; i < k; i++) coef[q.pivot[i]] = b[i];
  return coef;
}

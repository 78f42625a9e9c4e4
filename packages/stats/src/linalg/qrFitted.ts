import type { QR } from './types.js';
import { applyQ, checkQrY } from './qrApply.js';

/**
 * Fitted values ŷ = Q₁Q₁'y: the projection of y on the column space of X (the first `rank`
 * columns of Q).
 *
 * @param q the result of {@link qr}. @param y the response, length = rows of X.
 * @throws {TypeError} when `q` is not a QR result. @throws {RangeError} on wrong length / non-finite y.
 * @see R: `qr.fitted(qr(x), y)` (LINPACK `dqrsl`, job 1).
 * @example
 * qrFitted(qr(matrixFromRows([[1, 0], [1, 1], [1, 2]])), [1, 3, 4]);
 * //=> Float64Array [1.16666…, 2.66666…, 4.16666…]
 */
export function qrFitted(q: QR, y: Float64Array | readonly number[]): Float64Array {
  const { n, k } = checkQrY('qrFitted', q, y);
  const v = Float64Array.from(y as ArrayLike<number>);
  applyQ(q, v, k, true);
  for (let i = k; i < n; i++) v[i] = 0;
  applyQ(q, v, k, false);
  return v;
}

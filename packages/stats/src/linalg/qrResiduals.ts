import type { QR } from './types.js';
import { applyQ, checkQrY } from './qrApply.js';

/**
 * Residuals y − ŷ = Q₂Q₂'y: the component of y orthogonal to the column space of X.
 * Computed by zeroing the first `rank` entries of Q'y and applying Q (more accurate than y − ŷ).
 *
 * @param q the result of {@link qr}. @param y the response, length = rows of X.
 * @throws {TypeError} when `q` is not a QR result. @throws {RangeError} on wrong length / non-finite y.
 * @see R: `qr.resid(qr(x), y)` (LINPACK `dqrsl`, job 10).
 * @example
 * qrResiduals(qr(matrixFromRows([[1, 0], [1, 1], [1, 2]])), [1, 3, 4]);
 * //=> Float64Array [-0.166666…, 0.333333…, -0.166666…]
 */
export function qrResiduals(q: QR, y: Float64Array | readonly number[]): Float64Array {
  const { k } = checkQrY('qrResiduals', q, y);
  const v = Float64Array.from(y as ArrayLike<number>);
  applyQ(q, v, k, true);
  for (let i = 0; i < k; i++) v[i] = 0;
  applyQ(q, v, k, false);
  return v;
}

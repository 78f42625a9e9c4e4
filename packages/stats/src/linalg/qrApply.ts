import type { QR } from './types.js';

/** Internal: validates a QR object and a right-hand side, returning n and the number k of reflections used. */
export function checkQrY(fn: string, q: QR, y: ArrayLike<number>): { n: number; k: number } {
  if (q === null || typeof q !== 'object' || !q.qr || !(q.qr.data instanceof Float64Array) || !(q.qraux instanceof Float64Array) || !(q.pivot instanceof Int32Array)) {
    throw new TypeError(`${fn}(q): expected the result of qr()`);
  }
  const n = q.qr.rows;
  if (y === null || typeof y !== 'object' || typeof y.length !== 'number') throw new TypeError(`${fn}(y): expected a Float64Array or array of numbers`);
  if (y.length !== n) throw new RangeError(`${fn}(y): y has length ${y.length}, expected ${n} (rows of the decomposed matrix)`);
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(y[i])) throw new RangeError(`${fn}(y): non-finite value ${y[i]} at index ${i}`);
  }
  return { n, k: q.rank };
}

/**
 * Internal: applies Q' (transpose = true) or Q to v in place using the first k Householder
 * reflections, as LINPACK `dqrsl` does (ju = min(k, n - 1)).
 */
export function applyQ(q: QR, v: Float64Array, k: number, transpose: boolean): void {
  const n = q.qr.rows;
  const a = q.qr.data;
  const ju = Math.min(k, n - 1);
  const one = (j: number): void => {
    const h = q.qraux[j];
    if (h === 0) return;
    const col = j * n;
    // Householder vector u = (qraux[j], a[j+1.., j]); H v = v − u (u'v) / u₁.
    let s = h * v[j];
    for (let i = j + 1; i < n; i++) s += a[i + col] * v[i];
    const t = -s / h;
    v[j] += t * h;
    for (let i = j + 1; i < n; i++) v[i] += t * a[i + col];
  };
  if (transpose) for (let j = 0; j < ju; j++) one(j);
  else for (let j = ju - 1; j >= 0; j--) one(j);
}

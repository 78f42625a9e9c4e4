import type { Matrix, QR } from './types.js';
import { checkFinite, checkMatrix } from './checkMatrix.js';
import { axpy, dot, nrm2 } from './blas.js';

/**
 * QR decomposition by Householder reflections with R's limited column pivoting — a line-by-line
 * port of LINPACK `dqrdc2` as modified for R (Ihaka 1995, Ripley 1999), the routine behind
 * `qr(x)` (LAPACK = FALSE) and therefore `lm()`.
 *
 * Columns are processed left to right; a column whose remaining norm (after the reflections
 * already applied) has fallen below `tol` × its original norm is judged linearly dependent on
 * the columns before it and is moved to the end. The result is that aliased columns end up
 * after the `rank` estimable ones, in their original relative order, exactly as in `lm()`
 * (whose coefficients for them are `NA`). No other pivoting is done, so for a full-rank matrix
 * `pivot` is the identity.
 *
 * @param x an n × p matrix (n may be smaller than p); finite values only.
 * @param tol relative tolerance for detecting linear dependence (default 1e-7, R's `qr()` and
 *   `lm.fit()` default).
 * @returns `{ qr, qraux, pivot, rank, tol }` with the compact Householder form of R's `qr()`
 *   (`pivot` is 0-based).
 * @throws {TypeError} when `x` is not a Matrix. @throws {RangeError} on NaN/Infinity in `x`
 *   (R: "NA/NaN/Inf in 'x'") or when `tol` is not a non-negative number.
 * @see R: `qr(x, tol = 1e-07)`, src/appl/dqrdc2.f.
 * @example
 * const q = qr(matrixFromRows([[1, 1, 2], [1, 2, 3], [1, 3, 4], [1, 4, 5]]));
 * q.rank; //=> 2 (column 3 = column 1 + column 2)
 * Array.from(q.pivot); //=> [0, 1, 2]
 */
export function qr(x: Matrix, tol = 1e-7): QR {
  checkMatrix('qr', 'x', x);
  checkFinite('qr', 'x', x);
  if (typeof tol !== 'number' || !(tol >= 0)) throw new RangeError(`qr(tol): tol must be a non-negative number, got ${String(tol)}`);
  const n = x.rows;
  const p = x.cols;
  const a = Float64Array.from(x.data);
  const qraux = new Float64Array(p);
  const work1 = new Float64Array(p);
  const work2 = new Float64Array(p);
  const jpvt = new Int32Array(p);
  for (let j = 0; j < p; j++) jpvt[j] = j;
  if (n > 0) {
    for (let j = 0; j < p; j++) {
      qraux[j] = nrm2(a, j * n, n);
      work1[j] = qraux[j];
      work2[j] = qraux[j] === 0 ? 1 : qraux[j];
    }
  }
  const lup = Math.min(n, p);
  // Fortran k = p + 1 (1-based): index one past the last column not yet moved to the end.
  let k = p + 1;
  const tmp = new Float64Array(n);
  for (let l = 0; l < lup; l++) {
    // Cycle negligible columns to the end (1-based test l+1 >= k).
    while (!(l + 1 >= k || qraux[l] >= work2[l] * tol)) {
      for (let i = 0; i < n; i++) tmp[i] = a[i + l * n];
      a.copyWithin(l * n, (l + 1) * n, p * n);
      a.set(tmp, (p - 1) * n);
      const pv = jpvt[l];
      const t = qraux[l];
      const tt = work1[l];
      const ttt = work2[l];
      for (let j = l + 1; j < p; j++) {
        jpvt[j - 1] = jpvt[j];
        qraux[j - 1] = qraux[j];
        work1[j - 1] = work1[j];
        work2[j - 1] = work2[j];
      }
      jpvt[p - 1] = pv;
      qraux[p - 1] = t;
      work1[p - 1] = tt;
      work2[p - 1] = ttt;
      k--;
    }
    if (l === n - 1) continue;
    const ll = l + l * n; // index of x(l, l)
    const len = n - l;
    let nrmxl = nrm2(a, ll, len);
    if (nrmxl === 0) continue;
    if (a[ll] !== 0) nrmxl = a[ll] < 0 ? -Math.abs(nrmxl) : Math.abs(nrmxl);
    const s = 1 / nrmxl;
    for (let i = 0; i < len; i++) a[ll + i] *= s;
    a[ll] = 1 + a[ll];
    for (let j = l + 1; j < p; j++) {
      const lj = l + j * n;
      const t = -dot(a, ll, a, lj, len) / a[ll];
      axpy(len, t, a, ll, a, lj);
      if (qraux[j] !== 0) {
        const r = Math.abs(a[lj]) / qraux[j];
        const tt = Math.max(1 - r * r, 0);
        if (Math.abs(tt) >= 1e-6) {
          qraux[j] = qraux[j] * Math.sqrt(tt);
        } else {
          qraux[j] = nrm2(a, lj + 1, n - l - 1);
          work1[j] = qraux[j];
        }
      }
    }
    qraux[l] = a[ll];
    a[ll] = -nrmxl;
  }
  const rank = Math.min(k - 1, n);
  return { qr: { rows: n, cols: p, data: a }, qraux, pivot: jpvt, rank, tol };
}

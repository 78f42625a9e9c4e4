import type { Matrix, SymmetricEigen } from './types.js';
import { checkFinite, checkSquare } from './checkMatrix.js';

/**
 * Eigenvalues and eigenvectors of a real symmetric matrix: Householder reduction to
 * tridiagonal form then the implicit QL algorithm with shifts (EISPACK `tred2` + `tql2`, as in
 * JAMA; Wilkinson & Reinsch 1971). Only the lower triangle of `a` is read.
 *
 * Eigenvalues are returned in decreasing order (like R's `eigen()`); eigenvectors are
 * orthonormal columns. Because an eigenvector's sign is arbitrary (R/LAPACK returns whatever
 * its algorithm produces), satlab fixes it: the component of largest magnitude is made
 * positive (the first one within a relative 1e-10 of the largest, on ties), so results are deterministic across platforms.
 * For repeated eigenvalues the basis of the eigenspace is not unique.
 *
 * @param a an n × n symmetric matrix with finite values.
 * @returns `{ values, vectors }` with `a ≈ vectors · diag(values) · vectorsᵀ`.
 * @throws {TypeError} when `a` is not a Matrix. @throws {RangeError} when `a` is not square
 *   or holds non-finite values. @throws {Error} if QL fails to converge (30·n iterations for one eigenvalue; not seen in practice).
 * @see R: `eigen(a, symmetric = TRUE)` (LAPACK `dsyevr`); values agree to rounding, vectors up to sign.
 * @example
 * const e = symmetricEigen(matrixFromRows([[2, 1], [1, 2]]));
 * Array.from(e.values); //=> [3, 1]
 * matrixToRows(e.vectors).map((r) => r.map(Math.abs));
 * //=> [[0.707106…, 0.707106…], [0.707106…, 0.707106…]]
 */
export function symmetricEigen(a: Matrix): SymmetricEigen {
  checkSquare('symmetricEigen', 'a', a);
  checkFinite('symmetricEigen', 'a', a);
  const n = a.rows;
  if (n === 0) return { values: new Float64Array(0), vectors: { rows: 0, cols: 0, data: new Float64Array(0) } };
  // V row-major: V[i][j] = v[i * n + j]; start from the lower triangle, symmetrised.
  const v = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    for (let i = j; i < n; i++) {
      const x = a.data[i + j * n];
      v[i * n + j] = x;
      v[j * n + i] = x;
    }
  }
  const d = new Float64Array(n);
  const e = new Float64Array(n);
  tred2(n, v, d, e);
  tql2(n, v, d, e);
  // Order by decreasing eigenvalue (stable).
  const order = Array.from({ length: n }, (_, i) => i).sort((x, y) => d[y] - d[x] || x - y);
  const values = new Float64Array(n);
  const vec = new Float64Array(n * n);
  for (let c = 0; c < n; c++) {
    const src = order[c];
    values[c] = d[src];
    let maxAbs = 0;
    for (let i = 0; i < n; i++) maxAbs = Math.max(maxAbs, Math.abs(v[i * n + src]));
    let big = 0;
    while (Math.abs(v[big * n + src]) < maxAbs * (1 - 1e-10)) big++;
    const s = v[big * n + src] < 0 ? -1 : 1;
    for (let i = 0; i < n; i++) vec[i + c * n] = s * v[i * n + src];
  }
  return { values, vectors: { rows: n, cols: n, data: vec } };
}

/** Householder tridiagonalisation (EISPACK tred2 / JAMA); V row-major, overwritten by the orthogonal transform. */
function tred2(n: number, V: Float64Array, d: Float64Array, e: Float64Array): void {
  for (let j = 0; j < n; j++) d[j] = V[(n - 1) * n + j];
  for (let i = n - 1; i > 0; i--) {
    let scale = 0;
    let h = 0;
    for (let k = 0; k < i; k++) scale += Math.abs(d[k]);
    if (scale === 0) {
      e[i] = d[i - 1];
      for (let j = 0; j < i; j++) {
        d[j] = V[(i - 1) * n + j];
        V[i * n + j] = 0;
        V[j * n + i] = 0;
      }
    } else {
      for (let k = 0; k < i; k++) {
        d[k] /= scale;
        h += d[k] * d[k];
      }
      let f = d[i - 1];
      let g = Math.sqrt(h);
      if (f > 0) g = -g;
      e[i] = scale * g;
      h -= f * g;
      d[i - 1] = f - g;
      for (let j = 0; j < i; j++) e[j] = 0;
      for (let j = 0; j < i; j++) {
        f = d[j];
        V[j * n + i] = f;
        g = e[j] + V[j * n + j] * f;
        for (let k = j + 1; k <= i - 1; k++) {
          g += V[k * n + j] * d[k];
          e[k] += V[k * n + j] * f;
        }
        e[j] = g;
      }
      f = 0;
      for (let j = 0; j < i; j++) {
        e[j] /= h;
        f += e[j] * d[j];
      }
      const hh = f / (h + h);
      for (let j = 0; j < i; j++) e[j] -= hh * d[j];
      for (let j = 0; j < i; j++) {
        f = d[j];
        g = e[j];
        for (let k = j; k <= i - 1; k++) V[k * n + j] -= f * e[k] + g * d[k];
        d[j] = V[(i - 1) * n + j];
        V[i * n + j] = 0;
      }
    }
    d[i] = h;
  }
  for (let i = 0; i < n - 1; i++) {
    V[(n - 1) * n + i] = V[i * n + i];
    V[i * n + i] = 1;
    const h = d[i + 1];
    if (h !== 0) {
      for (let k = 0; k <= i; k++) d[k] = V[k * n + i + 1] / h;
      for (let j = 0; j <= i; j++) {
        let g = 0;
        for (let k = 0; k <= i; k++) g += V[k * n + i + 1] * V[k * n + j];
        for (let k = 0; k <= i; k++) V[k * n + j] -= g * d[k];
      }
    }
    for (let k = 0; k <= i; k++) V[k * n + i + 1] = 0;
  }
  for (let j = 0; j < n; j++) {
    d[j] = V[(n - 1) * n + j];
    V[(n - 1) * n + j] = 0;
  }
  V[(n - 1) * n + n - 1] = 1;
  e[0] = 0;
}

/** Implicit QL with shifts on the tridiagonal (d, e) (EISPACK tql2 / JAMA), accumulating into V. */
function tql2(n: number, V: Float64Array, d: Float64Array, e: Float64Array): void {
  for (let i = 1; i < n; i++) e[i - 1] = e[i];
  e[n - 1] = 0;
  let f = 0;
  let tst1 = 0;
  const eps = 2 ** -52;
  for (let l = 0; l < n; l++) {
    tst1 = Math.max(tst1, Math.abs(d[l]) + Math.abs(e[l]));
    let m = l;
    while (m < n) {
      if (Math.abs(e[m]) <= eps * tst1) break;
      m++;
    }
    if (m > l) {
      let iter = 0;
      do {
        if (++iter > 30 * n) throw new Error(`symmetricEigen(a): QL iteration did not converge for eigenvalue ${l}`);
        let g = d[l];
        let p = (d[l + 1] - g) / (2 * e[l]);
        let r = Math.hypot(p, 1);
        if (p < 0) r = -r;
        d[l] = e[l] / (p + r);
        d[l + 1] = e[l] * (p + r);
        const dl1 = d[l + 1];
        let h = g - d[l];
        for (let i = l + 2; i < n; i++) d[i] -= h;
        f += h;
        p = d[m];
        let c = 1;
        let c2 = c;
        let c3 = c;
        const el1 = e[l + 1];
        let s = 0;
        let s2 = 0;
        for (let i = m - 1; i >= l; i--) {
          c3 = c2;
          c2 = c;
          s2 = s;
          g = c * e[i];
          h = c * p;
          r = Math.hypot(p, e[i]);
          e[i + 1] = s * r;
          s = e[i] / r;
          c = p / r;
          p = c * d[i] - s * g;
          d[i + 1] = h + s * (c * g + s * d[i]);
          for (let k = 0; k < n; k++) {
            const row = k * n;
            h = V[row + i + 1];
            V[row + i + 1] = s * V[row + i] + c * h;
            V[row + i] = c * V[row + i] - s * h;
          }
        }
        p = (-s * s2 * c3 * el1 * e[l]) / dl1;
        e[l] = s * p;
        d[l] = c * p;
      } while (Math.abs(e[l]) > eps * tst1);
    }
    d[l] += f;
    e[l] = 0;
  }
}

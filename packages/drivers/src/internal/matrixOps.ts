/**
 * Small dense-matrix helpers on the column-major `Matrix` of @satlab/stats (internal to
 * @satlab/drivers; the shared contract lives in @satlab/stats/linalg).
 */
import type { Matrix } from '@satlab/stats';
import { cholesky } from '@satlab/stats';

export function zeros(rows: number, cols: number): Matrix {
  return { rows, cols, data: new Float64Array(rows * cols) };
}

export function identity(n: number): Matrix {
  const m = zeros(n, n);
  for (let i = 0; i < n; i++) m.data[i + i * n] = 1;
  return m;
}

export function get(m: Matrix, i: number, j: number): number {
  return m.data[i + j * m.rows];
}

export function copy(m: Matrix): Matrix {
  return { rows: m.rows, cols: m.cols, data: Float64Array.from(m.data) };
}

export function transpose(m: Matrix): Matrix {
  const t = zeros(m.cols, m.rows);
  for (let j = 0; j < m.cols; j++) for (let i = 0; i < m.rows; i++) t.data[j + i * m.cols] = m.data[i + j * m.rows];
  return t;
}

/** a · b */
export function mul(a: Matrix, b: Matrix): Matrix {
  if (a.cols !== b.rows) throw new RangeError(`internal mul: ${a.rows}×${a.cols} times ${b.rows}×${b.cols}`);
  const c = zeros(a.rows, b.cols);
  const n = a.rows;
  for (let j = 0; j < b.cols; j++) {
    for (let k = 0; k < a.cols; k++) {
      const bkj = b.data[k + j * b.rows];
      if (bkj === 0) continue;
      const ak = k * n;
      const cj = j * n;
      for (let i = 0; i < n; i++) c.data[cj + i] += a.data[ak + i] * bkj;
    }
  }
  return c;
}

/** aᵀ · b */
export function crossprod(a: Matrix, b: Matrix): Matrix {
  if (a.rows !== b.rows) throw new RangeError('internal crossprod: row mismatch');
  const c = zeros(a.cols, b.cols);
  const n = a.rows;
  for (let i = 0; i < a.cols; i++) {
    for (let j = 0; j < b.cols; j++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += a.data[k + i * n] * b.data[k + j * n];
      c.data[i + j * a.cols] = s;
    }
  }
  return c;
}

/** Inverse of a symmetric positive-definite matrix through its Cholesky factor (throws RangeError when not PD). */
export function invSpd(a: Matrix): Matrix {
  const n = a.rows;
  const l = cholesky(a).data;
  // Linv lower
  const li = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    li[j + j * n] = 1 / l[j + j * n];
    for (let i = j + 1; i < n; i++) {
      let s = 0;
      for (let k = j; k < i; k++) s += l[i + k * n] * li[k + j * n];
      li[i + j * n] = -s / l[i + i * n];
    }
  }
  const out = zeros(n, n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = 0;
      for (let k = i; k < n; k++) s += li[k + i * n] * li[k + j * n];
      out.data[i + j * n] = s;
      out.data[j + i * n] = s;
    }
  }
  return out;
}

/**
 * General inverse by Gaussian elimination with partial pivoting (small matrices: rotation
 * matrices). Throws RangeError when singular.
 */
export function inverse(a: Matrix): Matrix {
  const n = a.rows;
  const m = Float64Array.from(a.data);
  const inv = identity(n).data;
  for (let c = 0; c < n; c++) {
    let piv = c;
    let best = Math.abs(m[c + c * n]);
    for (let r = c + 1; r < n; r++) {
      const v = Math.abs(m[r + c * n]);
      if (v > best) {
        best = v;
        piv = r;
      }
    }
    if (best === 0) throw new RangeError('internal inverse: singular matrix');
    if (piv !== c) {
      for (let k = 0; k < n; k++) {
        let t = m[c + k * n];
        m[c + k * n] = m[piv + k * n];
        m[piv + k * n] = t;
        t = inv[c + k * n];
        inv[c + k * n] = inv[piv + k * n];
        inv[piv + k * n] = t;
      }
    }
    const d = m[c + c * n];
    for (let k = 0; k < n; k++) {
      m[c + k * n] /= d;
      inv[c + k * n] /= d;
    }
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r + c * n];
      if (f === 0) continue;
      for (let k = 0; k < n; k++) {
        m[r + k * n] -= f * m[c + k * n];
        inv[r + k * n] -= f * inv[c + k * n];
      }
    }
  }
  return { rows: n, cols: n, data: inv };
}

/** Solves a X = B for square a by the inverse (small systems). */
export function solve(a: Matrix, b: Matrix): Matrix {
  return mul(inverse(a), b);
}

/** Determinant's log of an SPD matrix via Cholesky (throws when not PD). */
export function logDetSpd(a: Matrix): number {
  const l = cholesky(a);
  let s = 0;
  for (let i = 0; i < a.rows; i++) s += Math.log(l.data[i + i * a.rows]);
  return 2 * s;
}

/** Sub-matrix of the given rows and columns. */
export function sub(a: Matrix, rows: readonly number[], cols: readonly number[]): Matrix {
  const m = zeros(rows.length, cols.length);
  for (let j = 0; j < cols.length; j++) for (let i = 0; i < rows.length; i++) m.data[i + j * rows.length] = a.data[rows[i] + cols[j] * a.rows];
  return m;
}

/** Columns of m, as arrays of rows (JSON-safe). */
export function toRows(m: Matrix): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < m.rows; i++) {
    const r: number[] = new Array(m.cols);
    for (let j = 0; j < m.cols; j++) r[j] = m.data[i + j * m.rows];
    out.push(r);
  }
  return out;
}

/** Multiplies column j of m by s[j] in place. */
export function scaleColumns(m: Matrix, s: ArrayLike<number>): void {
  for (let j = 0; j < m.cols; j++) for (let i = 0; i < m.rows; i++) m.data[i + j * m.rows] *= s[j];
}

/** Picks and reorders columns. */
export function columns(m: Matrix, idx: readonly number[]): Matrix {
  const out = zeros(m.rows, idx.length);
  for (let j = 0; j < idx.length; j++) out.data.set(m.data.subarray(idx[j] * m.rows, (idx[j] + 1) * m.rows), j * m.rows);
  return out;
}

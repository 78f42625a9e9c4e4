import type { Matrix } from './types.js';
import { checkFinite, checkSquare } from './checkMatrix.js';

/**
 * Cholesky factor L (lower triangular, positive diagonal) of a symmetric positive-definite
 * matrix: A = L Lᵀ. Only the lower triangle of `a` is read.
 *
 * @param a an n × n symmetric positive-definite matrix.
 * @returns L as an n × n Matrix with zeros above the diagonal (R's `t(chol(a))`).
 * @throws {TypeError} when `a` is not a Matrix. @throws {RangeError} when `a` is not square,
 *   holds non-finite values, or is not positive definite (the leading minor of order k is not positive).
 * @see R: `chol(a)` returns the upper factor Lᵀ (LAPACK `dpotrf`).
 * @example
 * matrixToRows(cholesky(matrixFromRows([[4, 2], [2, 3]]))); //=> [[2, 0], [1, 1.41421…]]
 */
export function cholesky(a: Matrix): Matrix {
  checkSquare('cholesky', 'a', a);
  checkFinite('cholesky', 'a', a);
  const n = a.rows;
  const l = new Float64Array(n * n);
  const src = a.data;
  for (let j = 0; j < n; j++) {
    let d = src[j + j * n];
    for (let k = 0; k < j; k++) d -= l[j + k * n] * l[j + k * n];
    if (!(d > 0)) {
      throw new RangeError(`cholesky(a): matrix is not positive definite (the leading minor of order ${j + 1} is not positive)`);
    }
    const ljj = Math.sqrt(d);
    l[j + j * n] = ljj;
    for (let i = j + 1; i < n; i++) {
      let s = src[i + j * n];
      for (let k = 0; k < j; k++) s -= l[i + k * n] * l[j + k * n];
      l[i + j * n] = s / ljj;
    }
  }
  return { rows: n, cols: n, data: l };
}

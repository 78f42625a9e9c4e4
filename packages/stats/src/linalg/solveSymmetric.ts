import type { Matrix } from './types.js';
import { cholesky } from './cholesky.js';

/**
 * Solves A x = b for a symmetric positive-definite A through its Cholesky factor
 * (A = L Lᵀ: forward substitution L z = b, then back substitution Lᵀ x = z).
 *
 * @param a an n × n symmetric positive-definite matrix (lower triangle read).
 * @param b right-hand side of length n.
 * @returns x, a new Float64Array of length n.
 * @throws {TypeError} when `a` is not a Matrix or `b` not an array. @throws {RangeError} when
 *   `a` is not square / not positive definite, or `b` has the wrong length or non-finite values.
 * @see R: `solve(a, b)` (which uses an LU factorisation; same solution for SPD `a`).
 * @example
 * solveSymmetric(matrixFromRows([[4, 2], [2, 3]]), [2, 1]); //=> Float64Array [0.5, 0]
 */
export function solveSymmetric(a: Matrix, b: Float64Array | readonly number[]): Float64Array {
  if (b === null || typeof b !== 'object' || typeof b.length !== 'number') throw new TypeError('solveSymmetric(b): expected a Float64Array or array of numbers');
  const l = cholesky(a);
  const n = a.rows;
  if (b.length !== n) throw new RangeError(`solveSymmetric(b): b has length ${b.length}, expected ${n}`);
  const x = Float64Array.from(b as ArrayLike<number>);
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(x[i])) throw new RangeError(`solveSymmetric(b): non-finite value ${x[i]} at index ${i}`);
  }
  const d = l.data;
  for (let i = 0; i < n; i++) {
    let s = x[i];
    for (let k = 0; k < i; k++) s -= d[i + k * n] * x[k];
    x[i] = s / d[i + i * n];
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = x[i];
    for (let k = i + 1; k < n; k++) s -= d[k + i * n] * x[k];
    x[i] = s / d[i + i * n];
  }
  return x;
}

import type { Matrix } from './types.js';

/** Internal: throws a TypeError naming the function and argument when `m` is not a Matrix. */
export function checkMatrix(fn: string, arg: string, m: Matrix): void {
  if (m === null || typeof m !== 'object' || !(m.data instanceof Float64Array) || !Number.isInteger(m.rows) || !Number.isInteger(m.cols) || m.rows < 0 || m.cols < 0) {
    throw new TypeError(`${fn}(${arg}): expected a Matrix { rows, cols, data: Float64Array }`);
  }
  if (m.data.length !== m.rows * m.cols) {
    throw new TypeError(`${fn}(${arg}): data has length ${m.data.length}, expected rows × cols = ${m.rows * m.cols}`);
  }
}

/** Internal: throws when `m` is not square. */
export function checkSquare(fn: string, arg: string, m: Matrix): void {
  checkMatrix(fn, arg, m);
  if (m.rows !== m.cols) throw new RangeError(`${fn}(${arg}): matrix must be square, got ${m.rows} × ${m.cols}`);
}

/** Internal: throws when a matrix holds NaN or ±Infinity. */
export function checkFinite(fn: string, arg: string, m: Matrix): void {
  const d = m.data;
  for (let k = 0; k < d.length; k++) {
    if (!Number.isFinite(d[k])) {
      const i = k % m.rows;
      const j = (k - i) / m.rows;
      throw new RangeError(`${fn}(${arg}): non-finite value ${d[k]} at row ${i}, column ${j}`);
    }
  }
}

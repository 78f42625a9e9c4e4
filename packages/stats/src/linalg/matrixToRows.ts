import type { Matrix } from './types.js';
import { checkMatrix } from './checkMatrix.js';

/**
 * Converts a column-major {@link Matrix} to an array of rows (plain numbers, JSON-safe apart
 * from NaN, which is kept).
 *
 * @throws {TypeError} when `m` is not a valid Matrix (data length ≠ rows × cols).
 * @example
 * matrixToRows({ rows: 2, cols: 2, data: Float64Array.of(1, 3, 2, 4) }); //=> [[1, 2], [3, 4]]
 */
export function matrixToRows(m: Matrix): number[][] {
  checkMatrix('matrixToRows', 'm', m);
  const out: number[][] = [];
  for (let i = 0; i < m.rows; i++) {
    const r = new Array<number>(m.cols);
    for (let j = 0; j < m.cols; j++) r[j] = m.data[i + j * m.rows];
    out.push(r);
  }
  return out;
}

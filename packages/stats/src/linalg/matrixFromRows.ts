import type { Matrix } from './types.js';

/**
 * Builds a column-major {@link Matrix} from an array of rows (row i, column j → `data[i + j * rows]`).
 *
 * @param rows an array of equally long rows of numbers (NaN allowed; it is stored as is).
 * @returns a new matrix with `rows.length` rows and `rows[0].length` columns (0 × 0 when empty).
 * @throws {TypeError} when `rows` is not an array of arrays.
 * @throws {RangeError} when the rows do not all have the same length.
 * @example
 * const m = matrixFromRows([[1, 2], [3, 4]]);
 * m.rows; //=> 2
 * m.data; //=> Float64Array [1, 3, 2, 4]
 */
export function matrixFromRows(rows: readonly (readonly number[])[]): Matrix {
  if (!Array.isArray(rows)) throw new TypeError(`matrixFromRows(rows): rows must be an array of rows, got ${typeof rows}`);
  const n = rows.length;
  if (n === 0) return { rows: 0, cols: 0, data: new Float64Array(0) };
  const first = rows[0];
  if (first === null || typeof first !== 'object' || typeof (first as ArrayLike<number>).length !== 'number') {
    throw new TypeError('matrixFromRows(rows): rows[0] must be an array of numbers');
  }
  const p = first.length;
  const data = new Float64Array(n * p);
  for (let i = 0; i < n; i++) {
    const r = rows[i];
    if (r === null || typeof r !== 'object' || r.length !== p) {
      throw new RangeError(`matrixFromRows(rows): row ${i} has length ${r === null || typeof r !== 'object' ? 'n/a' : r.length}, expected ${p}`);
    }
    for (let j = 0; j < p; j++) data[i + j * n] = r[j];
  }
  return { rows: n, cols: p, data };
}

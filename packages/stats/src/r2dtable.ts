import { rng } from './rng.js';
import { patefieldSampler } from './internal/patefield.js';
import { toRows } from './internal/contingency.js';

/** Options of {@link r2dtable}. */
export interface R2dtableOptions {
  /** Seed of the generator ({@link rng}). Default 1. */
  seed?: number;
}

function totals(fn: string, arg: string, v: readonly number[] | Int32Array): Int32Array {
  if (!Array.isArray(v) && !(v instanceof Int32Array)) throw new TypeError(`${fn}(${arg}): expected an array of integers`);
  if (v.length < 1) throw new RangeError(`${fn}(${arg}): expected at least one total`);
  for (let i = 0; i < v.length; i++) {
    if (!Number.isInteger(v[i]) || v[i] < 0) throw new RangeError(`${fn}(${arg}): total ${v[i]} at index ${i} is not an integer ≥ 0`);
  }
  return Int32Array.from(v);
}

/**
 * Random two-way tables with given row and column totals, drawn from their conditional
 * distribution under independence (the multiple hypergeometric: every way of pairing the units
 * of the row totals with those of the column totals is equally likely), by Patefield's algorithm
 * AS 159. The null model behind Monte-Carlo chi-square and Fisher p-values.
 *
 * Reference: Patefield (1981) Applied Statistics 30, 91–97; R `r2dtable(n, r, c)` (same
 * distribution; the random stream is satlab's `rng(seed)`, not R's).
 *
 * @param n number of tables.
 * @param rowTotals non-negative integer row totals; @param colTotals column totals with the same sum.
 * @throws {RangeError} on non-integer or negative totals, sums that differ, or n not a non-negative integer.
 * @example
 * const [t] = r2dtable(1, [3, 2], [1, 4], { seed: 1 });
 * t.map((row) => row[0] + row[1]); //=> [3, 2]
 * t[0][0] + t[1][0]; //=> 1
 */
export function r2dtable(n: number, rowTotals: readonly number[] | Int32Array, colTotals: readonly number[] | Int32Array, options: R2dtableOptions = {}): number[][][] {
  const fn = 'r2dtable';
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`${fn}(n): expected an integer ≥ 0, got ${n}`);
  const r = totals(fn, 'rowTotals', rowTotals);
  const c = totals(fn, 'colTotals', colTotals);
  const sr = r.reduce((a, b) => a + b, 0);
  const sc = c.reduce((a, b) => a + b, 0);
  if (sr !== sc) throw new RangeError(`${fn}(rowTotals, colTotals): the totals differ (${sr} and ${sc})`);
  const draw = patefieldSampler(r, c, rng(options.seed ?? 1));
  const out = new Int32Array(r.length * c.length);
  const tables: number[][][] = [];
  for (let k = 0; k < n; k++) {
    draw(out);
    tables.push(toRows(out, r.length, c.length));
  }
  return tables;
}

/**
 * Internal helpers shared by the contingency-table functions (chi-square, G, Fisher, Monte-Carlo,
 * column proportions, collapsing). Not exported from the package.
 */
import type { Matrix } from '../linalg/types.js';
import { logGamma } from '../distributions/special.js';
import { chiSquareSf } from '../distributions/chiSquare.js';
import { SatlabError } from '@satlab/messages';
import type { Message } from '@satlab/messages';
import { ctErr, ctMsg } from '../messages.js';

/** A contingency table as callers write it: rows of counts, or a column-major {@link Matrix}. */
export type TableInput = Matrix | readonly (readonly number[])[];

/** A validated table, row-major: cell (i, j) at `x[i * c + j]`. */
export interface Table2 {
  r: number;
  c: number;
  x: Float64Array;
}

function isMatrix(t: unknown): t is Matrix {
  return typeof t === 'object' && t !== null && !Array.isArray(t) && (t as Matrix).data instanceof Float64Array && typeof (t as Matrix).rows === 'number' && typeof (t as Matrix).cols === 'number';
}

/**
 * Reads a table given as rows (`number[][]`, row-major as people write tables) or as a
 * column-major {@link Matrix}. Cells must be finite and ≥ 0.
 * @throws {TypeError} when the argument is neither; {RangeError} on ragged rows or bad cells.
 */
export function readTable(fn: string, arg: string, table: TableInput, { integer = false } = {}): Table2 {
  let r: number, c: number, x: Float64Array;
  if (isMatrix(table)) {
    r = table.rows;
    c = table.cols;
    if (table.data.length !== r * c) throw new RangeError(`${fn}(${arg}): matrix data has length ${table.data.length}, expected rows × cols = ${r * c}`);
    x = new Float64Array(r * c);
    for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) x[i * c + j] = table.data[i + j * r];
  } else if (Array.isArray(table)) {
    r = table.length;
    const first = table[0] as unknown;
    if (r === 0 || !isArrayLike(first)) throw new TypeError(`${fn}(${arg}): expected a non-empty array of rows (number[][]) or a Matrix`);
    c = (first as readonly number[]).length;
    x = new Float64Array(r * c);
    for (let i = 0; i < r; i++) {
      const row = table[i] as unknown;
      if (!isArrayLike(row)) throw new TypeError(`${fn}(${arg}): row ${i} is not an array of numbers`);
      const rr = row as readonly number[];
      if (rr.length !== c) throw new RangeError(`${fn}(${arg}): row ${i} has ${rr.length} cells, expected ${c} (all rows must have the same length)`);
      for (let j = 0; j < c; j++) {
        if (typeof rr[j] !== 'number') throw new TypeError(`${fn}(${arg}): cell [${i}][${j}] is not a number (${String(rr[j])})`);
        x[i * c + j] = rr[j];
      }
    }
  } else {
    throw new TypeError(`${fn}(${arg}): expected an array of rows (number[][]) or a Matrix, got ${table === null ? 'null' : typeof table}`);
  }
  for (let k = 0; k < x.length; k++) {
    const v = x[k];
    if (!Number.isFinite(v) || v < 0) {
      throw new RangeError(`${fn}(${arg}): cell [${Math.floor(k / c)}][${k % c}] is ${v}; counts must be finite and ≥ 0 (a table has no missing cells)`);
    }
    if (integer && !Number.isInteger(v)) {
      throw new RangeError(`${fn}(${arg}): cell [${Math.floor(k / c)}][${k % c}] is ${v}; this test needs integer counts (unweighted respondents)`);
    }
  }
  return { r, c, x };
}

function isArrayLike(v: unknown): boolean {
  return Array.isArray(v) || (ArrayBuffer.isView(v) && !(v instanceof DataView));
}

/** Checks (or builds, "1", "2", …) labels for a dimension of length `len`. */
export function checkLabels(fn: string, arg: string, labels: readonly string[] | undefined, len: number): string[] {
  if (labels === undefined) return Array.from({ length: len }, (_, i) => String(i + 1));
  if (!Array.isArray(labels) || labels.length !== len) {
    throw new RangeError(`${fn}(${arg}): expected ${len} labels, got ${Array.isArray(labels) ? labels.length : typeof labels}`);
  }
  return labels.map(String);
}

/** Row and column totals and the grand total. */
export function margins(t: Table2): { rowTotals: Float64Array; colTotals: Float64Array; n: number } {
  const { r, c, x } = t;
  const rowTotals = new Float64Array(r);
  const colTotals = new Float64Array(c);
  let n = 0;
  for (let i = 0; i < r; i++) {
    for (let j = 0; j < c; j++) {
      const v = x[i * c + j];
      rowTotals[i] += v;
      colTotals[j] += v;
    }
  }
  for (let i = 0; i < r; i++) n += rowTotals[i];
  return { rowTotals, colTotals, n };
}

/**
 * Removes rows and columns whose total is 0 (they carry no information and make expected
 * counts 0, hence a NaN statistic in R). Returns the reduced table and what was removed.
 */
export function dropEmpty(t: Table2, rowLabels: string[], colLabels: string[]): { t: Table2; rowLabels: string[]; colLabels: string[]; removedRows: string[]; removedCols: string[] } {
  const { rowTotals, colTotals } = margins(t);
  const keepR: number[] = [];
  const keepC: number[] = [];
  const removedRows: string[] = [];
  const removedCols: string[] = [];
  for (let i = 0; i < t.r; i++) {
    if (rowTotals[i] > 0) keepR.push(i);
    else removedRows.push(rowLabels[i]);
  }
  for (let j = 0; j < t.c; j++) {
    if (colTotals[j] > 0) keepC.push(j);
    else removedCols.push(colLabels[j]);
  }
  if (removedRows.length === 0 && removedCols.length === 0) return { t, rowLabels, colLabels, removedRows, removedCols };
  const r = keepR.length;
  const c = keepC.length;
  const x = new Float64Array(r * c);
  for (let a = 0; a < r; a++) for (let b = 0; b < c; b++) x[a * c + b] = t.x[keepR[a] * t.c + keepC[b]];
  return { t: { r, c, x }, rowLabels: keepR.map((i) => rowLabels[i]), colLabels: keepC.map((j) => colLabels[j]), removedRows, removedCols };
}

/**
 * {@link dropEmpty} as the tests of independence use it: each removal is recorded in `warnings`
 * (unless null), and fewer than 2 × 2 categories left is an error. Without labels (both
 * undefined) the rows and columns are numbered from 1 and the warning says "row 2", "column 3".
 * @throws {SatlabError} `stats.table.error.tooFewCategories` when fewer than 2 rows or 2 columns remain.
 */
export function dropEmptyForTest(
  fn: string,
  t: Table2,
  rowLabels: string[] | undefined,
  colLabels: string[] | undefined,
  warnings: Message[] | null,
): ReturnType<typeof dropEmpty> {
  const numbered = rowLabels === undefined && colLabels === undefined;
  const d = dropEmpty(t, rowLabels ?? checkLabels(fn, 'rows', undefined, t.r), colLabels ?? checkLabels(fn, 'cols', undefined, t.c));
  if (warnings) {
    if (d.removedRows.length) warnings.push(ctMsg.emptyRemoved({ what: 'row', labels: d.removedRows, numbered }));
    if (d.removedCols.length) warnings.push(ctMsg.emptyRemoved({ what: 'column', labels: d.removedCols, numbered }));
  }
  if (d.t.r < 2 || d.t.c < 2) throw new SatlabError(ctErr.tooFewCategories({ fn, r: d.t.r, c: d.t.c }));
  return d;
}

/** Expected counts under independence, E_ij = R_i C_j / n (computed as R does: outer(sr, sc) / n). */
export function expectedCounts(rowTotals: Float64Array, colTotals: Float64Array, n: number): Float64Array {
  const r = rowTotals.length;
  const c = colTotals.length;
  const e = new Float64Array(r * c);
  for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) e[i * c + j] = (rowTotals[i] * colTotals[j]) / n;
  return e;
}

/** Row-major flat array → `number[][]` (JSON-safe result field). */
export function toRows(x: ArrayLike<number>, r: number, c: number): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < r; i++) {
    const row = new Array<number>(c);
    for (let j = 0; j < c; j++) row[j] = x[i * c + j];
    out.push(row);
  }
  return out;
}

/** Table of log(k!) for k = 0..n (R's lfactorial), accurate to ~1e-15 relative. */
export function logFactorials(n: number): Float64Array {
  const f = new Float64Array(n + 1);
  for (let k = 2; k <= n; k++) f[k] = logGamma(k + 1);
  return f;
}

/** Pearson X² = Σ (x − E)² / E over cells with E > 0. */
export function pearsonStatistic(x: ArrayLike<number>, e: ArrayLike<number>): number {
  let s = 0;
  for (let k = 0; k < e.length; k++) {
    const d = x[k] - e[k];
    if (e[k] > 0) s += (d * d) / e[k];
  }
  return s;
}

/** G², df and p for observed `x` and expected `e` (flat, same order). Used by gTest and chiSquareTest. */
export function gStatistic(x: ArrayLike<number>, e: ArrayLike<number>, df: number, yates = false): { statistic: number; df: number; pValue: number } {
  let g = 0;
  for (let k = 0; k < e.length; k++) {
    let o = x[k];
    if (yates) {
      const diff = e[k] - o;
      o += Math.sign(diff) * Math.min(0.5, Math.abs(diff));
    }
    if (o > 0) g += o * Math.log(o / e[k]);
  }
  const statistic = 2 * g;
  return { statistic, df, pValue: chiSquareSf(statistic, df) };
}

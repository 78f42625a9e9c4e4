import type { Message } from '@satlab/messages';
import { ctMsg } from './messages.js';
import type { ColumnTable, FactorLike } from './byName.js';
import { crossTabOf } from './crossTabOf.js';
import type { CrossTabByNameOptions } from './crossTabOf.js';

/** A categorical variable: factor codes (`Int32Array`, -1 = missing) or strings (null, undefined or "" = missing). */
export type Categorical = Int32Array | readonly (string | null | undefined)[];

/** Options of {@link crossTab}. */
export interface CrossTabOptions {
  /** Case weights (NaN = missing, excluded and counted). Default: none (every respondent counts 1). */
  weights?: Float64Array | readonly number[];
  /**
   * Row categories in order. With codes: the label of code k (default "0", "1", … up to the largest
   * code). With strings: the categories and their order; a value outside them throws (default: the
   * values present, sorted with numeric collation, e.g. "2" before "10").
   */
  rowLevels?: readonly string[];
  /** Column categories in order (as `rowLevels`). */
  colLevels?: readonly string[];
}

/** A two-way frequency table with its margins and percentages (plain, JSON-safe). */
export interface CrossTab {
  /** Counts (weighted sums when weighted), `counts[i][j]` for row level i and column level j. */
  counts: number[][];
  /** Unweighted counts of respondents per cell (equal to `counts` when unweighted). */
  unweightedCounts: number[][];
  /** Sum of squared weights per cell (equal to `counts` when unweighted); used by Rao–Scott. */
  sumSquaredWeights: number[][];
  rowLevels: string[];
  colLevels: string[];
  rowTotals: number[];
  colTotals: number[];
  /** Grand total of `counts` (sum of weights when weighted). */
  total: number;
  /** Row percentages, 0–100: 100 · counts[i][j] / rowTotals[i] (NaN for an empty row). */
  rowPercents: number[][];
  /** Column percentages, 0–100: 100 · counts[i][j] / colTotals[j] (NaN for an empty column). */
  colPercents: number[][];
  /** Percentages of the grand total, 0–100. */
  totalPercents: number[][];
  /** Respondents used (unweighted). */
  n: number;
  /** Respondents excluded for a missing row, column or weight value (counted once each). */
  nMissing: number;
  /** Why: missing row value, missing column value, missing weight (a respondent may count in several). */
  missingBy: { rows: number; cols: number; weights: number };
  weighted: boolean;
  /** Column names of the row and column variables (column-name and named-factor forms only). */
  rowVariable?: string;
  colVariable?: string;
  /** Their codebook labels (question wording), when the codebook gives them. */
  rowVariableLabel?: string;
  colVariableLabel?: string;
  warnings: Message[];
}

const collator = new Intl.Collator('en', { numeric: true });

function codesOf(fn: string, arg: string, v: Categorical, levels: readonly string[] | undefined): { codes: Int32Array; levels: string[] } {
  if (v instanceof Int32Array) {
    let max = -1;
    for (let i = 0; i < v.length; i++) {
      const k = v[i];
      if (k < -1) throw new RangeError(`${fn}(${arg}): code ${k} at index ${i} is invalid (codes are ≥ 0, -1 for missing)`);
      if (k > max) max = k;
    }
    if (levels !== undefined) {
      if (max >= levels.length) throw new RangeError(`${fn}(${arg}): code ${max} has no level (${levels.length} levels given)`);
      return { codes: v, levels: levels.map(String) };
    }
    return { codes: v, levels: Array.from({ length: max + 1 }, (_, k) => String(k)) };
  }
  if (!Array.isArray(v)) throw new TypeError(`${fn}(${arg}): expected an Int32Array of codes or an array of strings, got ${typeof v}`);
  const codes = new Int32Array(v.length);
  let lv: string[];
  if (levels !== undefined) {
    lv = levels.map(String);
  } else {
    const seen = new Set<string>();
    for (const s of v) if (s !== null && s !== undefined && s !== '') seen.add(String(s));
    lv = [...seen].sort(collator.compare);
  }
  const index = new Map(lv.map((l, k) => [l, k]));
  for (let i = 0; i < v.length; i++) {
    const s = v[i];
    if (s === null || s === undefined || s === '') {
      codes[i] = -1;
      continue;
    }
    const k = index.get(String(s));
    if (k === undefined) throw new RangeError(`${fn}(${arg}): value "${String(s)}" at index ${i} is not one of the levels given (${lv.join(', ')})`);
    codes[i] = k;
  }
  return { codes, levels: lv };
}

/**
 * Cross-tabulates two categorical variables (one entry per respondent), optionally weighted:
 * counts n_ij (or Σ w over the respondents of cell ij), margins, and row, column and total
 * percentages. Respondents with a missing row value, column value or weight are excluded and
 * counted in `nMissing` (nothing is dropped silently). Levels with no respondent are kept (an
 * empty row or column); {@link chiSquareTest} removes them and says so.
 *
 * Reference: R `xtabs(w ~ rows + cols)` / `table(rows, cols)`, `prop.table(t, 1)`.
 *
 * Column-name form: `crossTab(table, "contrat", "satisfaction")` reads the two columns of a
 * `@satlab/data` table; the levels are the factor's (codebook labels, e.g. "Plutôt satisfait"
 * rather than 3, every labelled level kept), `rowVariable`/`colVariable` name the variables, and
 * `options.weights` may be a column name. A factor (`factorOf(table, name)`) is accepted wherever
 * codes are.
 *
 * @param rows row variable: factor codes (`Int32Array`, -1 missing), a factor, or strings.
 * @param cols column variable, same length.
 * @throws {SatlabError} `stats.columns.noSuchColumn` naming the column and the columns available.
 * @throws {TypeError} on inputs of the wrong type; {RangeError} on different lengths, a negative
 *   or infinite weight, a code without level or a string outside the given levels.
 * @example
 * const t = crossTab(['a', 'a', 'b', null], ['x', 'y', 'y', 'y']);
 * t.counts; //=> [[1, 1], [0, 1]]
 * t.rowLevels; //=> ['a', 'b']
 * t.nMissing; //=> 1
 * t.rowPercents; //=> [[50, 50], [0, 100]]
 */
export function crossTab(table: ColumnTable, rows: string, cols: string, options?: CrossTabByNameOptions): CrossTab;
export function crossTab(rows: Categorical | FactorLike, cols: Categorical | FactorLike, options?: CrossTabOptions): CrossTab;
export function crossTab(a: ColumnTable | Categorical | FactorLike, b: string | Categorical | FactorLike, c?: string | CrossTabOptions, d?: CrossTabByNameOptions): CrossTab {
  return crossTabOf(a, b, c, d, crossTabCodes);
}

function crossTabCodes(rows: Categorical, cols: Categorical, options: CrossTabOptions = {}): CrossTab {
  const fn = 'crossTab';
  const R = codesOf(fn, 'rows', rows, options.rowLevels);
  const C = codesOf(fn, 'cols', cols, options.colLevels);
  const len = R.codes.length;
  if (C.codes.length !== len) throw new RangeError(`${fn}(rows, cols): lengths differ (${len} and ${C.codes.length})`);
  const w = options.weights;
  if (w !== undefined) {
    if (!(w instanceof Float64Array) && !Array.isArray(w)) throw new TypeError(`${fn}(options.weights): expected a Float64Array or an array of numbers`);
    if (w.length !== len) throw new RangeError(`${fn}(options.weights): length ${w.length}, expected ${len} (one weight per respondent)`);
  }
  const r = R.levels.length;
  const c = C.levels.length;
  const cnt = new Float64Array(r * c);
  const unw = new Float64Array(r * c);
  const sw2 = new Float64Array(r * c);
  let nMissing = 0;
  let zeroW = 0;
  const missingBy = { rows: 0, cols: 0, weights: 0 };
  for (let i = 0; i < len; i++) {
    const a = R.codes[i];
    const b = C.codes[i];
    let wi = 1;
    let miss = false;
    if (a < 0) {
      missingBy.rows++;
      miss = true;
    }
    if (b < 0) {
      missingBy.cols++;
      miss = true;
    }
    if (w !== undefined) {
      wi = w[i];
      if (typeof wi !== 'number') throw new TypeError(`${fn}(options.weights): element ${i} is not a number (${String(wi)}); use NaN for missing`);
      if (Number.isNaN(wi)) {
        missingBy.weights++;
        miss = true;
      } else if (!Number.isFinite(wi) || wi < 0) {
        throw new RangeError(`${fn}(options.weights): weight ${wi} at index ${i}; weights must be finite and ≥ 0 (NaN for missing)`);
      }
    }
    if (miss) {
      nMissing++;
      continue;
    }
    if (wi === 0) zeroW++;
    const k = a * c + b;
    cnt[k] += wi;
    unw[k] += 1;
    sw2[k] += wi * wi;
  }
  const rowTotals = new Array<number>(r).fill(0);
  const colTotals = new Array<number>(c).fill(0);
  let total = 0;
  for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) {
    rowTotals[i] += cnt[i * c + j];
    colTotals[j] += cnt[i * c + j];
  }
  for (let i = 0; i < r; i++) total += rowTotals[i];
  const grid = (f: (i: number, j: number) => number): number[][] => Array.from({ length: r }, (_, i) => Array.from({ length: c }, (_, j) => f(i, j)));
  const pct = (num: number, den: number): number => (den > 0 ? (100 * num) / den : NaN);
  const warnings: Message[] = [];
  if (nMissing > 0) warnings.push(ctMsg.missingExcluded({ n: nMissing, rows: missingBy.rows, cols: missingBy.cols, weights: missingBy.weights }));
  if (zeroW > 0) warnings.push(ctMsg.zeroWeights({ n: zeroW }));
  return {
    counts: grid((i, j) => cnt[i * c + j]),
    unweightedCounts: grid((i, j) => unw[i * c + j]),
    sumSquaredWeights: grid((i, j) => sw2[i * c + j]),
    rowLevels: R.levels,
    colLevels: C.levels,
    rowTotals,
    colTotals,
    total,
    rowPercents: grid((i, j) => pct(cnt[i * c + j], rowTotals[i])),
    colPercents: grid((i, j) => pct(cnt[i * c + j], colTotals[j])),
    totalPercents: grid((i, j) => pct(cnt[i * c + j], total)),
    n: len - nMissing,
    nMissing,
    missingBy,
    weighted: w !== undefined,
    warnings,
  };
}

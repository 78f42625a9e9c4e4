/**
 * The column-typed table that every satlab analysis reads. Plain objects, typed arrays for
 * numbers, NaN (numbers, dates) or -1 (factor codes) or null (text) for missing values.
 */

/** The kinds of column a codebook can declare or the loader can infer. */
export type ColumnType = 'numeric' | 'ordinal' | 'categorical' | 'date' | 'id' | 'text';

/** Why a value is missing: a declared missing code, an empty cell, or a value refused by the codebook. */
export interface MissingTally {
  /** Total missing values in the column. */
  count: number;
  /** Count per reason, e.g. `{ "empty": 3, "code 9": 12, "code NSP": 4, "out of scale 1-4": 1 }`. */
  byReason: Record<string, number>;
}

interface ColumnBase {
  name: string;
  /** Human label from the codebook (question wording), if any. */
  label?: string;
  missing: MissingTally;
  /** True when the type was inferred rather than declared by a codebook. */
  inferred: boolean;
}

/** Numbers (ratings, amounts, scores). Missing is NaN. */
export interface NumericColumn extends ColumnBase {
  type: 'numeric';
  values: Float64Array;
  /** Declared scale, e.g. [1, 4] or [0, 10]; values outside it are missing with reason "out of scale". */
  scale?: [number, number];
  /** Value labels, keyed by the number as written (e.g. `{ "1": "Pas du tout satisfait" }`). */
  valueLabels?: Record<string, string>;
}

/**
 * Categories. `codes[i]` indexes `levels` (-1 = missing). For `ordinal`, `levels` are in order
 * and `scores[k]` is the numeric score of level k (the code written in the file, or k+1).
 */
export interface FactorColumn extends ColumnBase {
  type: 'categorical' | 'ordinal';
  codes: Int32Array;
  levels: string[];
  /** Ordinal only: numeric score for each level (same length as `levels`). */
  scores?: Float64Array;
}

/** Dates as milliseconds since 1970-01-01 UTC (midnight for date-only values). Missing is NaN. */
export interface DateColumn extends ColumnBase {
  type: 'date';
  values: Float64Array;
}

/** Identifiers and free text (verbatims). Missing is null. */
export interface TextColumn extends ColumnBase {
  type: 'id' | 'text';
  values: (string | null)[];
}

export type Column = NumericColumn | FactorColumn | DateColumn | TextColumn;

/** A column-typed table: columns of equal length `nRows`. */
export interface Table {
  nRows: number;
  columns: Column[];
}

/** How a file was read, and everything that was set aside. Nothing is dropped without a line here. */
export interface LoadReport {
  file: string;
  encoding: 'utf-8' | 'windows-1252';
  bom: boolean;
  separator: ',' | ';' | '\t';
  decimal: '.' | ',';
  /** Data rows read (header excluded). */
  rowsRead: number;
  /** Rows kept in the table. */
  rowsKept: number;
  /** Rows excluded, with the 1-based line number in the file and the reason. */
  rowsExcluded: { line: number; reason: string }[];
  /** Per column: missing values and why (same objects as `column.missing`). */
  missing: Record<string, MissingTally>;
  /** Columns whose type was inferred, with the reason (e.g. "all values are integers 1-4"). */
  inferred: { column: string; type: ColumnType; reason: string }[];
  warnings: string[];
}

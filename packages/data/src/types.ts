import type { Message } from '@satlab/messages';

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
  /**
   * Why each row is missing, so that `filterRows` can recount `missing.byReason`: `index[i]` is 0
   * when row i has a value, else 1 + the position of its reason in `reasons`. Optional: columns
   * built by hand may leave it out (their missing values are then counted under "missing").
   */
  missingReasons?: { reasons: string[]; index: Uint16Array };
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
  /** What the file was: delimited text, an Excel workbook, an SPSS file, a Parquet file. */
  source?: 'csv' | 'xlsx' | 'xls' | 'sav' | 'parquet';
  /**
   * What read it: the `byte scanner` (CSV from disk, one pass, selected columns), `csv-parse`
   * (CSV in memory or with unusual rows), `SheetJS`, `sav-reader`, `DuckDB` (Parquet).
   */
  reader?: 'byte scanner' | 'csv-parse' | 'SheetJS' | 'sav-reader' | 'DuckDB';
  /** Excel: the sheet read. */
  sheet?: string;
  /** Text encoding (`utf-8` for Excel, SPSS and Parquet files, which are not text). */
  encoding: Encoding;
  bom: boolean;
  separator: Separator;
  decimal: DecimalMark;
  /** Data rows read (header excluded). */
  rowsRead: number;
  /** Rows kept in the table. */
  rowsKept: number;
  /**
   * Rows excluded, with the 1-based line number in the file and the reason ("blank line",
   * "empty row" for a row of empty fields such as `;;;`). `rowsRead = rowsKept + rowsExcluded.length`.
   */
  rowsExcluded: { line: number; reason: string }[];
  /** Header cells renamed (empty → `...j`, repeated → `name...j`), with their 1-based column. */
  renamed?: { column: number; from: string; to: string; reason: 'empty' | 'duplicate' }[];
  /**
   * Values written in the other encoding than the file's (UTF-8 inside Windows-1252, or the
   * reverse), decoded in theirs: per column, how many cells, the first values and lines.
   */
  repaired?: { column: string; count: number; values: string[]; lines: number[] }[];
  /** Per column: missing values and why (same objects as `column.missing`). */
  missing: Record<string, MissingTally>;
  /** Columns whose type was inferred, with the reason (a message: "all values are integers 1-4"). */
  inferred: { column: string; type: ColumnType; reason: Message }[];
  /** Cautions of the load (`data.*` messages; render them with `renderMessage(m, lang)`). */
  warnings: Message[];
}

/**
 * Text encoding of a delimited file. UTF-16 is only recognised with its byte-order mark (Excel's
 * "Unicode text" export); files without a BOM are UTF-8 when valid, else Windows-1252.
 */
export type Encoding = 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';
/** Field separator of a delimited file. */
export type Separator = ',' | ';' | '\t';
/** Decimal mark of numbers in a file. */
export type DecimalMark = '.' | ',';

/** How a delimited file is written: what `detectFormat` finds (or the caller imposes). */
export interface CsvFormat {
  encoding: Encoding;
  /** True when the file starts with a byte-order mark (removed before parsing). */
  bom: boolean;
  separator: Separator;
  decimal: DecimalMark;
}

/** Explicit format choices that override detection. */
export interface FormatOverrides {
  encoding?: Encoding;
  separator?: Separator;
  decimal?: DecimalMark;
}

/** A missing-value code: a number (matches `9`, `9.0`, `09`) or a string matched as written (`"NSP"`). */
export type MissingCode = number | string;

/**
 * One column of a codebook (see the brief's shared contract). Keys of `labels` are the values as
 * written in the file (numeric codes as text: `"1"`).
 */
export interface ColumnSpec {
  type: ColumnType;
  /** Question wording or human name. */
  label?: string;
  /** Valid range [min, max] for numeric and ordinal columns; values outside are missing ("out of scale"). */
  scale?: [number, number];
  /** Values that mean "no answer" (e.g. 9, 99, "NSP"). */
  missing?: MissingCode[];
  /** Value → label (e.g. `{ "1": "Pas du tout satisfait" }`). For factors, the labels become the levels. */
  labels?: Record<string, string>;
  /** Categories in order (ordinal: low → high). */
  levels?: string[];
}

/** A parsed, validated codebook. */
export interface Codebook {
  name?: string;
  /** Where it was read from (for error messages), `<codebook>` when built in memory. */
  file: string;
  /** Column name → declaration, in the codebook's order. */
  columns: Record<string, ColumnSpec>;
  /** Cautions found while reading it (unknown keys that were ignored). */
  warnings: Message[];
}

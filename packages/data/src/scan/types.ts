/**
 * Types of the column-typed fast scanner (`scanColumns`). The scanner reads CSV bytes straight
 * into typed arrays: ids and categories become Int32Array codes into a string dictionary, numbers
 * and dates become Float64Array (NaN when missing or bad, code -1 for a missing id).
 */

/** How one selected column is read. */
export type ScanColumnType = 'id' | 'categorical' | 'number' | 'date';

/** One selected column: its header name in the file and how to read it. */
export interface ScanColumnSpec {
  /** Header name as written in the file (matched exactly, then trimmed and case-insensitively). */
  column: string;
  type: ScanColumnType;
  /** 0-based position of the field in a row, when known (then `column` only names the result). */
  field?: number;
  /** Dates only: `'days'` since 1970-01-01 UTC (fractional with a time of day) or `'ms'`. Default `'days'`. */
  unit?: 'days' | 'ms';
}

/** Options of `scanColumns`; every field is optional. */
export interface ScanOptions {
  /** `'auto'` (default): a UTF-8 BOM or valid UTF-8 means UTF-8, anything else windows-1252. */
  encoding?: 'auto' | 'utf-8' | 'windows-1252';
  /** Field separator; default `'auto'`: the most frequent of `,` `;` tab in the header line. */
  separator?: 'auto' | ',' | ';' | '\t';
  /** Largest file read (default 2 GiB); a bigger file, a device or a FIFO is an `InputError` at once. */
  maxBytes?: number;
  /** Bytes read at a time (default 4 MiB: 1–32 MiB chunks parse at the same speed). Memory beyond the output arrays is about one chunk per thread. */
  chunkSize?: number;
  /**
   * Threads used to parse (default 1; measure before raising it: see `scanColumns`). With 2 or
   * more, worker threads parse byte ranges (when the compiled worker is available); their
   * dictionaries are merged so that codes are in order of first appearance in the file, exactly
   * as with one thread.
   */
  threads?: number;
  /** Smallest file parsed with worker threads when `threads` > 1 (default 1 MiB: smaller files are read by one thread). */
  minParallelBytes?: number;
  /** Read only the rows that start within this many bytes after the header (a quick look at a big file). Default: all. */
  limitBytes?: number;
  /** Use the generated row loop for plain rows (default true; false forces the general parser, for tests and comparison). */
  fastPath?: boolean;
  /** How many bad cells to keep with their line numbers (default 10); all are counted. */
  maxIssues?: number;
  /** Called now and then with bytes parsed so far and the file size (for a progress bar). */
  onProgress?: (bytesDone: number, bytesTotal: number) => void;
}

/** Ids and categories: `codes[i]` indexes `dictionary` (-1 = missing). Dictionary in order of first appearance. */
export interface ScannedFactor {
  type: 'id' | 'categorical';
  name: string;
  codes: Int32Array;
  dictionary: string[];
  /**
   * Dictionary entries written in the other encoding than the file's (a Latin-1 value in a UTF-8
   * file, a UTF-8 value in a windows-1252 file), decoded with that encoding. Absent when none.
   */
  repaired?: number[];
}

/** Numbers (`.` or `,` as decimal mark) as doubles; NaN when missing or bad. */
export interface ScannedNumber {
  type: 'number';
  name: string;
  values: Float64Array;
  /** Decimal marks seen in the column's values. */
  decimalMarks: ('.' | ',')[];
}

/** Dates as days (or ms) since 1970-01-01 UTC; NaN when missing or bad. */
export interface ScannedDate {
  type: 'date';
  name: string;
  values: Float64Array;
  unit: 'days' | 'ms';
  /** Date layouts seen, e.g. `['YYYY-MM-DD']` or `['DD/MM/YYYY', 'YYYY-MM-DD hh:mm:ss']`. */
  formats: string[];
}

export type ScannedColumn = ScannedFactor | ScannedNumber | ScannedDate;

/** One bad or missing cell, with its 1-based line in the file. */
export interface ScanIssue {
  line: number;
  /** Header name of the column. */
  column: string;
  /** The cell as written (at most 40 characters). */
  value: string;
  /** `'empty'`, `'not a number'`, `'not a date'`, `'missing field'` or `'unterminated quote'`. */
  reason: string;
}

/** What `scanColumns` returns: the columns, and everything set aside (nothing is dropped silently). */
export interface ScanResult {
  file: string;
  encoding: 'utf-8' | 'windows-1252';
  bom: boolean;
  separator: ',' | ';' | '\t';
  /** Decimal mark detected in the head of the file (numbers are read with either mark). */
  decimal: '.' | ',';
  /** Lines taken by the header row (1 unless a quoted name holds a line break). */
  headerLines: number;
  /** All header names, in file order. */
  header: string[];
  /** Data rows read (header and blank lines excluded). Every column has this length. */
  rows: number;
  /** Blank lines skipped. */
  blankLines: number;
  /** Selected columns, keyed by header name as asked in the spec. */
  columns: Record<string, ScannedColumn>;
  /** Bad or missing cells: total, rows touched, count per column and reason, and the first few with lines. */
  issues: {
    cells: number;
    rows: number;
    byColumn: Record<string, Record<string, number>>;
    first: ScanIssue[];
  };
  /** Rows whose number of fields differs from the header's (counted; they are kept when the selected fields are present). */
  raggedRows: { count: number; firstLines: number[] };
  /** Threads that parsed the file. */
  threads: number;
  /** Seconds spent (wall clock). */
  seconds: number;
  warnings: string[];
}

import { InputError } from './errors.js';
import { assembleColumn } from './internal/assemble.js';
import type { BuildContext } from './internal/columns.js';
import type { CodebookInput } from './internal/codebookInput.js';
import { resolveCodebook } from './internal/codebookInput.js';
import type { DelimitedSource } from './internal/source.js';
import { msg } from './messages.js';
import { parseCodebook } from './parseCodebook.js';
import { readDelimited } from './readDelimited.js';
import type { Column, ColumnSpec, FormatOverrides, LoadReport, Table } from './types.js';

/** Options of `loadTable`. */
export interface LoadTableOptions extends FormatOverrides {
  /**
   * A codebook (as `parseCodebook`/`loadCodebook` return it, or just `{ columns }`, validated
   * the same way), or the path of a YAML/JSON codebook file. Default: none (every column inferred).
   */
  codebook?: CodebookInput;
  /**
   * Declarations that override (field by field) the codebook's, or add to it, e.g.
   * `{ nps: { scale: [0, 10] } }`. A column named here but not in the codebook needs a `type`.
   * Default: none.
   */
  columns?: Record<string, Partial<ColumnSpec>>;
  /** Out-of-scale values and undeclared levels throw `InputError` instead of becoming missing. Default false. */
  strict?: boolean;
  /** A factor value that is not a declared level: `'error'` throws, `'missing'` makes it missing (reason "not a declared level") with a warning. Default `'error'`. */
  unknownLevels?: 'error' | 'missing';
}

/** What `loadTable` returns: the typed table and how it was read. */
export interface LoadResult {
  table: Table;
  report: LoadReport;
}

/**
 * Loads a survey file into a column-typed `Table` with its `LoadReport`: the file is read by
 * `readDelimited` (encoding, separator, decimal mark detected unless given), then each column is
 * typed by its codebook declaration, or inferred and listed in `report.inferred` with the reason.
 *
 * Per declared type: numeric → `Float64Array` (numbers written with the file's decimal mark,
 * thousands grouped by spaces accepted); ordinal/categorical → codes into `levels` (labels give
 * the levels in code order, ordinal scores are the codes); date → ms since 1970 UTC (ISO or
 * DD/MM/YYYY); id/text → trimmed strings. Missing values are NaN / -1 / null with a reason
 * counted in `column.missing.byReason` and `report.missing`: `empty`, `code 9` (a declared
 * missing code), `out of scale 1-4` (also a warning with the first lines, or an error when
 * `strict`), `not a declared level` (with `unknownLevels: 'missing'`). Blank lines and rows of
 * empty fields are excluded and listed in `report.rowsExcluded`. Without a codebook the
 * inference rules are: numbers → numeric ("all values are integers 1-4" when so); dates →
 * date; ≤ 20 distinct values and fewer than half the rows → categorical, levels in order of
 * first appearance; distinct short values → id; else text.
 *
 * @param source A file path, or `{ name, bytes }`.
 * @param opts Codebook, overrides, strictness, format overrides (see `LoadTableOptions`).
 * @throws {InputError} Everything `readDelimited` and `loadCodebook` throw; a codebook column
 *   absent from the file; a value that is not a number in a numeric column, not a date in a
 *   date column, or not a declared level (file, line, column number, column name, value).
 * @throws {TypeError} An override in `opts.columns` for an undeclared column without `type`.
 * @example
 * const { table, report } = loadTable({ name: 's.csv', bytes: 'q1;nps\n3;9\n9;10\n' },
 *   { codebook: { columns: { q1: { type: 'ordinal', scale: [1, 4], missing: [9] } } } });
 * table.columns[0] // { name: 'q1', type: 'ordinal', codes: Int32Array [2, -1], levels: ['1','2','3','4'], scores: [1,2,3,4], missing: { count: 1, byReason: { 'code 9': 1 } }, … }
 * report.inferred  // [{ column: 'nps', type: 'numeric', reason: 'all values are integers 9-10' }]
 */
export function loadTable(source: DelimitedSource, opts: LoadTableOptions = {}): LoadResult {
  const data = readDelimited(source, opts);
  const codebook = opts.codebook === undefined ? undefined : resolveCodebook(opts.codebook);
  const specs: Record<string, ColumnSpec> = { ...(codebook?.columns ?? {}) };
  const warnings: string[] = [...(codebook?.warnings ?? [])];
  if (opts.columns) {
    const merged: Record<string, unknown> = {};
    for (const [name, o] of Object.entries(opts.columns)) {
      const m = { ...specs[name], ...o };
      if (!m.type) throw new TypeError(msg.overrideNeedsType(name));
      merged[name] = m;
    }
    Object.assign(specs, parseCodebook(JSON.stringify({ columns: merged }), '<options.columns>').columns);
  }
  const header = data.header;
  const inFile = new Set(header);
  const absent = Object.keys(specs).filter((c) => !inFile.has(c));
  if (absent.length > 0) {
    throw new InputError(msg.codebookColumnsAbsent(data.file, absent, header), { file: codebook && absent.some((c) => c in codebook.columns) ? codebook.file : '<options.columns>' });
  }
  if (codebook) {
    const undeclared = header.filter((c) => !(c in specs));
    if (undeclared.length > 0) warnings.push(msg.warnUndeclared(undeclared));
  }

  const nRows = data.rows.length;
  const inferred: LoadReport['inferred'] = [];
  const columns: Column[] = [];
  const missing: LoadReport['missing'] = {};
  const cells = new Array<string>(nRows);
  for (let j = 0; j < header.length; j++) {
    for (let i = 0; i < nRows; i++) cells[i] = data.rows[i][j];
    const ctx: BuildContext = {
      file: data.file,
      lines: data.lines,
      column: j + 1,
      decimal: data.format.decimal,
      strict: opts.strict ?? false,
      unknownLevels: opts.unknownLevels ?? 'error',
      warnings,
    };
    const col = assembleColumn(header[j], cells, specs[header[j]], ctx, inferred);
    columns.push(col);
    missing[col.name] = col.missing;
  }
  const report: LoadReport = {
    file: data.file,
    ...data.format,
    rowsRead: data.rowsRead,
    rowsKept: nRows,
    rowsExcluded: data.excluded,
    missing,
    inferred,
    warnings,
  };
  return { table: { nRows, columns }, report };
}

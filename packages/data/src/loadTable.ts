import type { DelimitedSource } from './internal/source.js';
import type { ReadSurveyOptions } from './readSurvey.js';
import { readSurvey } from './readSurvey.js';
import type { LoadReport, Table } from './types.js';

/** Options of `loadTable`: those of `readSurvey` (codebook, overrides, strictness, selected columns, sheet, format overrides, size limit). */
export type LoadTableOptions = ReadSurveyOptions;

/** What `loadTable` returns: the typed table and how it was read. */
export interface LoadResult {
  table: Table;
  report: LoadReport;
}

/**
 * Loads a survey file into a column-typed `Table` with its `LoadReport` (`readSurvey` without the
 * row positions): CSV (encoding, separator, decimal mark detected unless given), Excel, SPSS or
 * Parquet; then each column is
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
 * table.columns[0];
 * //=> { name: 'q1', type: 'ordinal', codes: Int32Array [2, -1], levels: ['1', '2', '3', '4'], scores: Float64Array [1, 2, 3, 4],
 * //     missing: { count: 1, byReason: { 'code 9': 1 } }, … }
 * report.inferred; //=> [{ column: 'nps', type: 'numeric', reason: { code: 'data.inferIntegers', params: { min: 9, max: 10, … }, text: 'all values are integers 9-10' } }]
 */
export function loadTable(source: DelimitedSource, opts: LoadTableOptions = {}): LoadResult {
  const { table, report } = readSurvey(source, opts);
  return { table, report };
}

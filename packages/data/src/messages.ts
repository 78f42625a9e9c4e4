/**
 * Every message @satlab/data puts in an error, a warning or an inference reason (English; the
 * CLI and notebooks translate around them). Locations (file:line:column) are added by
 * `InputError`, so these texts never repeat them.
 */

const q = (s: string): string => JSON.stringify(s);
const list = (xs: readonly string[], max = 8): string =>
  xs.slice(0, max).map(q).join(', ') + (xs.length > max ? `, … (${xs.length - max} more)` : '');
const lineList = (lines: readonly number[], max = 5): string =>
  lines.slice(0, max).join(', ') + (lines.length > max ? ', …' : '');

/** Scale as written in missing reasons: `1-4`, `0-10`. */
export const scaleText = (scale: readonly [number, number]): string => `${scale[0]}-${scale[1]}`;

export const msg = {
  // files and formats
  fileNotFound: () => 'file not found',
  fileUnreadable: (why: string) => `cannot read the file (${why})`,
  notRegularFile: (kind: string) => `not a regular file (a ${kind}): satlab reads files of known size`,
  fileTooLarge: (size: number, max: number) => `the file is ${size} bytes, more than the limit of ${max} bytes (raise it with --max-bytes)`,
  emptyFile: () => 'the file is empty (no header line)',
  excelWorkbook: () => 'this is an Excel workbook, not a text file: save it as "CSV UTF-8" (or CSV with ";" separator) and read that',
  readerFailed: (kind: string, why: string) => `cannot read this ${kind === 'sav' ? 'SPSS .sav' : 'Parquet'} file (${why})`,
  legacyExcel: () => 'this is an old Excel .xls workbook: save it as .xlsx (or CSV UTF-8) and read that',
  noSuchSheet: (sheet: string, sheets: readonly string[]) => `no sheet ${q(sheet)} in this workbook (its sheets: ${list(sheets)})`,
  emptySheet: (sheet: string) => `sheet ${q(sheet)} is empty`,
  noColumn: (name: string, available: readonly string[]) => `no column ${q(name)} (the columns are: ${list(available, 40)})`,
  savMissingRange: (name: string) => `variable ${q(name)} declares a range of user-missing values: only discrete missing values are applied, declare the range's codes in a codebook`,
  renamedEmpty: (column: number, to: string) => `column ${column} has no name in the header: named ${q(to)} (as readr names it)`,
  renamedDuplicate: (column: number, from: string, to: string) => `column ${column} repeats the name ${q(from)}: named ${q(to)}`,
  repairedEncoding: (column: string, count: number, fileEncoding: string, values: readonly string[], lines: readonly number[]) =>
    `column ${q(column)}: ${count} value${count > 1 ? 's' : ''} written in ${fileEncoding === 'utf-8' ? 'Latin-1/Windows-1252 inside a UTF-8 file' : 'UTF-8 inside a Windows-1252 file'} read in that encoding: ${list(values, 5)} (line${lines.length > 1 ? 's' : ''} ${lineList(lines)})`,
  binaryFile: () => 'the file contains NUL bytes: it is binary, or UTF-16 without a byte-order mark (save it as "CSV UTF-8")',
  // delimited parsing
  raggedRow: (found: number, expected: number) => `row has ${found} field${found === 1 ? '' : 's'}, expected ${expected} as in the header line`,
  emptyHeader: () => 'empty column name in the header line',
  duplicateHeader: (name: string, firstColumn: number) => `duplicate column name ${q(name)} (also column ${firstColumn})`,
  unclosedQuote: () => 'a quoted field is never closed (missing closing quote in the record starting here)',
  badClosingQuote: () => 'a quote inside a quoted field is not doubled ("" is how a quote is written inside quotes)',
  csvSyntax: (detail: string) => `malformed delimited text: ${detail}`,
  blankLine: () => 'blank line',
  emptyRow: () => 'empty row (every field empty)',
  // codebooks
  codebookSyntax: (detail: string) => `not valid YAML or JSON: ${detail}`,
  codebookNotObject: () => 'a codebook is an object with a "columns" key (column name → declaration)',
  codebookNoColumns: () => 'the codebook has no "columns" object',
  codebookColumnNotObject: () => 'a column declaration is an object such as { type: numeric }',
  codebookColumnNoName: (i: number) => `column entry #${i + 1} has no "name"`,
  codebookMissingType: () => 'no "type" (numeric, ordinal, categorical, date, id or text)',
  codebookUnknownType: (t: string) => `unknown type ${q(t)} (expected numeric, ordinal, categorical, date, id or text)`,
  codebookBadScale: (v: string) => `scale must be [min, max] with two numbers, min ≤ max; got ${v}`,
  codebookScaleType: (t: string) => `a scale only applies to numeric or ordinal columns, not ${t}`,
  codebookScaleTooWide: (v: string) => `an ordinal scale ${v} without labels or levels has too many points (at most 1000)`,
  codebookBadMissing: (v: string) => `missing must be a list of codes (numbers or strings); got ${v}`,
  codebookBadLevels: (v: string) => `levels must be a list of strings; got ${v}`,
  codebookDuplicateLevel: (level: string) => `level ${q(level)} is listed twice`,
  codebookBadLabels: (v: string) => `labels must map values to strings, e.g. { 1: "Pas du tout satisfait" }; got ${v}`,
  codebookDuplicateLabel: (label: string) => `label ${q(label)} is given to two codes`,
  codebookLabelNotLevel: (code: string, label: string) => `label ${q(label)} of code ${code} is not one of the levels`,
  codebookBadLabel: () => 'label must be a string',
  codebookUnknownKeys: (file: string, column: string, keys: string[]) => `${file}: column ${q(column)}: ignored unknown key${keys.length > 1 ? 's' : ''} ${list(keys)} (known: type, label, scale, missing, labels, levels)`,
  codebookColumnsAbsent: (file: string, names: string[], available: string[]) =>
    `codebook column${names.length > 1 ? 's' : ''} ${list(names)} not found in ${file} (its columns: ${list(available, 20)})`,
  // values
  notANumber: (value: string, decimal: '.' | ',', others: number) =>
    `${q(value)} is not a number` +
    (decimal === ',' && /^[+-]?\d*\.\d+$/.test(value) ? ' (the decimal mark of this file is ",")' : '') +
    (decimal === '.' && /^[+-]?\d*,\d+$/.test(value) ? ' (the decimal mark of this file is "."; pass decimal "," if commas are decimal marks)' : '') +
    (!/\d/.test(value) ? ' (if it means "no answer", declare it among the column\'s missing codes)' : '') +
    (others > 0 ? `; ${others} other value${others > 1 ? 's' : ''} in this column ${others > 1 ? 'are' : 'is'} not numbers either` : ''),
  notADate: (value: string, others: number) =>
    `${q(value)} is not a date (expected YYYY-MM-DD or DD/MM/YYYY)` +
    (others > 0 ? `; ${others} other value${others > 1 ? 's' : ''} in this column ${others > 1 ? 'are' : 'is'} not dates either` : ''),
  notALevel: (value: string, levels: readonly string[], others: number) =>
    `${q(value)} is not one of the declared levels (${list(levels)})` +
    (others > 0 ? `; ${others} other value${others > 1 ? 's' : ''} in this column ${others > 1 ? 'are' : 'is'} not declared either` : '') +
    ' (declare it, add it to the missing codes, or load with unknownLevels: "missing")',
  outOfScale: (value: string, scale: readonly [number, number]) => `${q(value)} is outside the scale ${scaleText(scale)} (strict mode)`,
  ordinalNeedsOrder: (value: string) => `ordinal column without levels, labels or scale in the codebook, and ${q(value)} is not a number: the order of its categories is unknown`,
  // missing reasons (keys of MissingTally.byReason)
  reasonEmpty: () => 'empty',
  reasonCode: (code: string | number) => `code ${String(code)}`,
  reasonOutOfScale: (scale: readonly [number, number]) => `out of scale ${scaleText(scale)}`,
  reasonUnknownLevel: () => 'not a declared level',
  reasonNoValue: () => 'missing',
  // warnings
  warnOutOfScale: (column: string, count: number, scale: readonly [number, number], lines: number[]) =>
    `column ${q(column)}: ${count} value${count > 1 ? 's' : ''} outside the scale ${scaleText(scale)} treated as missing (line${lines.length > 1 ? 's' : ''} ${lineList(lines)})`,
  warnUnknownLevels: (column: string, count: number, values: string[], lines: number[]) =>
    `column ${q(column)}: ${count} value${count > 1 ? 's' : ''} not among the declared levels treated as missing: ${list(values)} (line${lines.length > 1 ? 's' : ''} ${lineList(lines)})`,
  warnUndeclared: (names: string[]) => `column${names.length > 1 ? 's' : ''} not declared in the codebook (type inferred, see report.inferred): ${list(names, 20)}`,
  warnLevelsByAppearance: (column: string) => `column ${q(column)}: no levels declared, levels are in order of first appearance`,
  warnDuplicateIds: (column: string, count: number, value: string, lines: number[]) =>
    `column ${q(column)}: ${count} duplicated identifier${count > 1 ? 's' : ''} (first: ${q(value)} on lines ${lineList(lines)})`,
  // inference reasons
  inferEmpty: () => 'all values are empty',
  inferIntegers: (min: number, max: number) => `all values are integers ${min}-${max}`,
  inferNumbers: (min: number, max: number) => `all values are numbers (${min} to ${max})`,
  inferIdNumbers: (n: number) => `all ${n} values are distinct integers and the name looks like an identifier`,
  inferDates: (kinds: string) => `all values are dates (${kinds})`,
  inferCategorical: (distinct: number, n: number) => `${distinct} distinct values in ${n} non-empty cells; levels in order of first appearance`,
  inferId: (n: number, maxLength: number) => `all ${n} values are distinct, short (at most ${maxLength} characters) and without spaces`,
  inferText: (distinct: number, n: number) => `${distinct} distinct values in ${n} non-empty cells (free text)`,
  inferLeadingZeros: () => 'numbers written with leading zeros are kept as text',
  inferMissingTokens: (tokens: string[]) => `; ${list(tokens)} treated as missing`,
  // API misuse
  noSuchColumn: (fn: string, name: string, available: string[]) => `${fn}: no column ${q(name)} (columns: ${list(available, 30)})`,
  notNumeric: (fn: string, name: string, type: string) => `${fn}: column ${q(name)} is ${type}, not numeric or ordinal`,
  overrideNeedsType: (name: string) => `loadTable: options.columns[${q(name)}] has no type and the codebook does not declare it`,
  lengthMismatch: (fn: string, name: string, length: number, expected: number) => `${fn}: column ${q(name)} has ${length} values, expected ${expected} like the first column`,
  maskLength: (length: number, expected: number) => `filterRows: mask has length ${length}, expected ${expected} (table.nRows)`,
  notADataFrame: (fn: string) => `${fn}: expected a danfojs DataFrame (an object with "columns" and "column(name)")`,
};

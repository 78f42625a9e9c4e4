import { createRequire } from 'node:module';
import type { Message } from '@satlab/messages';
import { InputError } from './errors.js';
import { assembleColumn } from './internal/assemble.js';
import type { BuildContext } from './internal/columns.js';
import type { CodebookInput } from './internal/codebookInput.js';
import { resolveCodebook } from './internal/codebookInput.js';
import { repairMojibake } from './internal/cp1252.js';
import type { RenamedColumn } from './internal/header.js';
import { repairHeader } from './internal/header.js';
import { recordStartLines } from './internal/lines.js';
import type { TextColumns } from './internal/readInWorker.js';
import { readInWorker } from './internal/readInWorker.js';
import type { DelimitedSource, SourceKind } from './internal/source.js';
import { checkFile, DEFAULT_MAX_BYTES, kindOf, readHead, readSource } from './internal/source.js';
import { msg, reasons, usage } from './messages.js';
import { parseCodebook } from './parseCodebook.js';
import { readDelimited } from './readDelimited.js';
import { scanColumnsSync, scanHeader } from './scan/scanColumns.js';
import type { ScannedFactor } from './scan/types.js';
import type { Codebook, Column, ColumnSpec, CsvFormat, FormatOverrides, LoadReport, Table } from './types.js';

/** Options of `readSurvey` (and `loadTable`). */
export interface ReadSurveyOptions extends FormatOverrides {
  /**
   * A codebook (as `parseCodebook`/`loadCodebook` return it, or just `{ columns }`), or the path of
   * a YAML/JSON codebook file. Declarations found in the file itself (an SPSS dictionary) come
   * first; this one overrides them column by column. Default: none.
   */
  codebook?: CodebookInput;
  /** Declarations that override (field by field) the codebook's, e.g. `{ nps: { scale: [0, 10] } }`; a column not in the codebook needs a `type`. Default: none. */
  columns?: Record<string, Partial<ColumnSpec>>;
  /** Out-of-scale values and undeclared levels throw `InputError` instead of becoming missing. Default false. */
  strict?: boolean;
  /** A factor value that is not a declared level: `'error'` (default) throws, `'missing'` makes it missing with a warning. */
  unknownLevels?: 'error' | 'missing';
  /**
   * Only these columns are typed (and, for a CSV file read from disk, only these are parsed):
   * names as in `header` (after renaming). Default: every column.
   */
  select?: readonly string[];
  /**
   * Only these undeclared columns have their type inferred; other undeclared columns are read as
   * text (no inference cost, no inference notes). Default: every undeclared column is inferred.
   */
  inferColumns?: readonly string[];
  /** Excel: the sheet to read, by name or 1-based number. Default: the first. */
  sheet?: string | number;
  /** Largest file accepted, in bytes (default 2 GiB). Devices, FIFOs and bigger files are refused at once. */
  maxBytes?: number;
}

/** What `readSurvey` returns. */
export interface SurveyData {
  table: Table;
  report: LoadReport;
  /** Every column name of the file, after renaming (`...1` for an empty header cell), in file order. */
  header: string[];
  /**
   * Where each row of the table comes from: the 1-based line of a text file, the row of the Excel
   * sheet, the case number of an SPSS file, the row number of a Parquet file. Computed on first
   * use for a CSV read by the fast path (nothing is computed when no message needs a line).
   */
  lines: ArrayLike<number>;
  /** The cells of a loaded column as read (text, untrimmed; '' when empty). */
  raw(name: string): readonly string[];
  /** The codebook used: the file's own (SPSS) merged with the one given. */
  codebook?: Codebook;
}

/** Columns as text, whatever the format, before typing. */
interface RawColumns {
  file: string;
  kind: SourceKind;
  reader: NonNullable<LoadReport['reader']>;
  format: CsvFormat;
  sheet?: string;
  header: string[];
  renamed: RenamedColumn[];
  nRows: number;
  rowsRead: number;
  excluded: { line: number; reason: string }[];
  lines: ArrayLike<number>;
  /** Cells of the selected columns, by header index. */
  cells: Map<number, string[]>;
  /** Values read in the other encoding, by header index: rows (first 5), count, values. */
  repaired: Map<number, { count: number; rows: number[]; values: string[] }>;
  codebook?: Codebook;
  notes: Message[];
}

const TEXT_FORMAT: CsvFormat = { encoding: 'utf-8', bom: false, separator: ',', decimal: '.' };

/**
 * Reads a survey file in any of the formats analysts receive into a column-typed `Table` with its
 * `LoadReport`: delimited text (CSV, `;`, tab; UTF-8, Windows-1252 or UTF-16 with BOM; decimal
 * comma), Excel `.xlsx` (first sheet or `sheet`), SPSS `.sav` (compressed or not: variable
 * labels, value labels and user-missing values become the codebook) and Parquet (through DuckDB).
 * The format is recognised from the file's first bytes, not its name.
 *
 * One place types every format: each column's cells go through the same declared or inferred
 * typing as `loadTable` (numbers with the file's decimal mark, `1 234,5` and `12,5 %` included;
 * missing codes, scales, labels; `NA`, `N/A`, `#N/A`, `NSP`, `-`… as missing with their reason).
 * A CSV on disk is read in one pass by the byte scanner (`scanColumnsSync`), only the `select`ed
 * columns, and falls back to the csv-parse reader (the reference) when a row is unusual (blank
 * line, empty row, ragged row, unclosed quote). The header is repaired, never refused: an empty
 * cell becomes `...j`, a repeated name `name...j`, both listed in `report.renamed`. Values of a
 * file that mixes UTF-8 and Windows-1252 are decoded one by one and listed in `report.repaired`.
 *
 * @param source A file path, or `{ name, bytes }` (bytes or text).
 * @param opts Codebook, overrides, selected columns, sheet, format overrides, size limit.
 * @throws {InputError} Everything `loadTable` throws; a device, FIFO or file past `maxBytes`; an
 *   `.xls` workbook; an unknown sheet; a selected column absent from the header.
 * @example
 * const s = readSurvey('packages/data/test/fixtures/survey4/survey.sav', { select: ['educ', 'smoke'] });
 * s.report.source; //=> 'sav'
 * s.codebook?.columns.educ.labels; //=> { '1': 'Primaire', '2': 'Secondaire', '3': 'Supérieur', '9': 'Refus' }
 * s.report.missing.educ; //=> { count: 7, byReason: { 'code 9': 7 } } (user-missing value 9)
 */
export function readSurvey(source: DelimitedSource, opts: ReadSurveyOptions = {}): SurveyData {
  const raw = readRaw(source, opts);
  return typeRaw(raw, opts);
}

function readRaw(source: DelimitedSource, opts: ReadSurveyOptions): RawColumns {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  if (typeof source === 'string') {
    checkFile(source, source, maxBytes);
    const kind = kindOf(readHead(source, 8));
    if (kind === 'sav' || kind === 'parquet') return fromTextColumns(readInWorker({ kind, path: source }, source), source, kind, opts);
    if (kind === 'csv' && opts.encoding !== 'utf-16le' && opts.encoding !== 'utf-16be') {
      const fast = scanCsv(source, opts);
      if (fast) return fast;
    }
  }
  const { file, bytes } = readSource(source, maxBytes);
  const kind = typeof bytes === 'string' ? 'csv' : kindOf(bytes);
  if (kind === 'xls') throw new InputError(msg.legacyExcel(), { file });
  if (kind === 'xlsx') return readXlsx(bytes as Uint8Array, file, opts);
  if (kind === 'sav' || kind === 'parquet') throw new InputError(msg.readerFailed({ kind, why: 'read it from a file path' }), { file });
  return fromDelimited(file, bytes, opts);
}

/** Header indices of the selected columns (all when no selection). */
function selectedIndices(file: string, header: readonly string[], select: readonly string[] | undefined): number[] {
  if (!select) return header.map((_, j) => j);
  const out = new Set<number>();
  for (const name of select) {
    const j = header.indexOf(name);
    if (j < 0) throw new InputError(msg.noColumn({ name, available: header }), { file, line: 1, columnName: name });
    out.add(j);
  }
  return [...out].sort((a, b) => a - b);
}

/** A lazily computed line table (only built when a message needs a line). */
function lazyLines(n: number, compute: () => ArrayLike<number>): ArrayLike<number> {
  let lines: ArrayLike<number> | null = null;
  return new Proxy({ length: n } as ArrayLike<number>, {
    get(target, p) {
      if (p === 'length') return n;
      if (typeof p === 'string' && /^\d+$/.test(p)) {
        lines ??= compute();
        return lines[Number(p)];
      }
      return Reflect.get(target, p) as unknown;
    },
  });
}

/** The fast path: the byte scanner reads the selected columns; null when the file needs the reference reader. */
function scanCsv(path: string, opts: ReadSurveyOptions): RawColumns | null {
  const enc = opts.encoding === 'utf-8' || opts.encoding === 'windows-1252' ? opts.encoding : 'auto';
  let head;
  try {
    head = scanHeader(path, { encoding: enc, ...(opts.separator ? { separator: opts.separator } : {}), maxBytes: opts.maxBytes });
  } catch {
    return null; // UTF-16, no line end in the first MiB…: the reference reader says what is wrong
  }
  const { names, renamed } = repairHeader(head.header.map((s, j) => (j === 0 ? s.replace(/^\uFEFF/, '') : s)));
  const idx = selectedIndices(path, names, opts.select);
  const scan = scanColumnsSync(
    path,
    idx.map((j) => ({ column: names[j], field: j, type: 'categorical' as const })),
    { encoding: enc, separator: head.separator, maxIssues: 1, maxBytes: opts.maxBytes },
  );
  if (scan.blankLines > 0 || scan.raggedRows.count > 0) return null;
  for (const counts of Object.values(scan.issues.byColumn)) if ((counts['unterminated quote'] ?? 0) > 0) return null;
  const n = scan.rows;
  const cols = idx.map((j) => scan.columns[names[j]] as ScannedFactor);
  // A row whose selected cells are all empty may be a row of empty fields (excluded by the reference reader).
  const blank = cols.map((c) => Uint8Array.from(c.dictionary, (s) => (s.trim() === '' ? 1 : 0)));
  const first = cols[0].codes;
  const blank0 = blank[0];
  for (let i = 0; i < n; i++) {
    const k0 = first[i];
    if (k0 >= 0 && blank0[k0] === 0) continue;
    let empty = true;
    for (let c = 1; c < cols.length && empty; c++) {
      const k = cols[c].codes[i];
      if (k >= 0 && blank[c][k] === 0) empty = false;
    }
    if (empty) return null;
  }
  const cells = new Map<number, string[]>();
  const repaired = new Map<number, { count: number; rows: number[]; values: string[] }>();
  idx.forEach((j, c) => {
    const { codes, dictionary } = cols[c];
    const out = new Array<string>(n);
    for (let i = 0; i < n; i++) {
      const k = codes[i];
      out[i] = k < 0 ? '' : dictionary[k];
    }
    cells.set(j, out);
    const rep = cols[c].repaired;
    if (rep && rep.length > 0) {
      const set = new Set(rep);
      const rows: number[] = [];
      let count = 0;
      for (let i = 0; i < n; i++) {
        if (set.has(codes[i])) {
          count++;
          if (rows.length < 5) rows.push(i);
        }
      }
      repaired.set(j, { count, rows, values: rep.slice(0, 5).map((k) => dictionary[k]) });
    }
  });
  const sep = head.separator.charCodeAt(0);
  const lines = lazyLines(n, () => {
    const bytes = readSource(path, opts.maxBytes).bytes as Uint8Array;
    const starts = recordStartLines(bytes, sep);
    return starts.slice(1, n + 1);
  });
  return {
    file: path,
    kind: 'csv',
    reader: 'byte scanner',
    format: { encoding: scan.encoding, bom: scan.bom, separator: scan.separator, decimal: opts.decimal ?? scan.decimal },
    header: names,
    renamed,
    nRows: n,
    rowsRead: n,
    excluded: [],
    lines,
    cells,
    repaired,
    notes: [],
  };
}

/** The reference path: csv-parse over the decoded text, every row as strings. */
function fromDelimited(file: string, bytes: Uint8Array | string, opts: ReadSurveyOptions): RawColumns {
  const data = readDelimited({ name: file, bytes }, opts);
  const idx = selectedIndices(file, data.header, opts.select);
  const cells = new Map<number, string[]>();
  const repaired = new Map<number, { count: number; rows: number[]; values: string[] }>();
  for (const j of idx) {
    const col = data.rows.map((r) => r[j]);
    if (data.format.encoding === 'windows-1252') {
      const memo = new Map<string, string | null>();
      const rep = { count: 0, rows: [] as number[], values: [] as string[] };
      for (let i = 0; i < col.length; i++) {
        const s = col[i];
        let fixed = memo.get(s);
        if (fixed === undefined) {
          fixed = repairMojibake(s);
          memo.set(s, fixed);
          if (fixed !== null && rep.values.length < 5) rep.values.push(fixed.trim());
        }
        if (fixed !== null) {
          col[i] = fixed;
          rep.count++;
          if (rep.rows.length < 5) rep.rows.push(i);
        }
      }
      if (rep.count > 0) repaired.set(j, rep);
    }
    cells.set(j, col);
  }
  return {
    file,
    kind: 'csv',
    reader: 'csv-parse',
    format: data.format,
    header: data.header,
    renamed: data.renamed,
    nRows: data.rows.length,
    rowsRead: data.rowsRead,
    excluded: data.excluded,
    lines: data.lines,
    cells,
    repaired,
    notes: [],
  };
}

interface XlsxModule {
  read(data: Uint8Array, opts: Record<string, unknown>): {
    SheetNames: string[];
    Sheets: Record<string, Record<string, { t: string; v: unknown; z?: string; w?: string }> & { '!ref'?: string }>;
    Workbook?: { WBProps?: { date1904?: boolean } };
  };
  utils: { decode_range(ref: string): { s: { r: number; c: number }; e: { r: number; c: number } }; encode_cell(c: { r: number; c: number }): string };
  SSF: { is_date(fmt: string): boolean };
}

/**
 * An Excel workbook with SheetJS (`xlsx` 0.18.5): numbers as numbers (their shortest exact
 * decimal text), date-formatted cells as dates (the serial number read as UTC, 1900 or 1904
 * system), booleans as TRUE/FALSE, Excel errors (`#N/A`…) as written, empty cells empty.
 * Rows are numbered as in Excel; the header is the first non-empty row.
 */
function readXlsx(bytes: Uint8Array, file: string, opts: ReadSurveyOptions): RawColumns {
  const XLSX = createRequire(import.meta.url)('xlsx') as XlsxModule;
  const wb = XLSX.read(bytes, { type: 'buffer', cellNF: true, cellDates: false, dense: false });
  const sheetName =
    opts.sheet === undefined ? wb.SheetNames[0] : typeof opts.sheet === 'number' ? wb.SheetNames[opts.sheet - 1] : wb.SheetNames.find((s) => s === opts.sheet || s.toLowerCase() === String(opts.sheet).toLowerCase());
  if (sheetName === undefined) throw new InputError(msg.noSuchSheet({ sheet: String(opts.sheet), sheets: wb.SheetNames }), { file });
  const ws = wb.Sheets[sheetName];
  const ref = ws['!ref'];
  if (!ref) throw new InputError(msg.emptySheet({ sheet: sheetName }), { file });
  const range = XLSX.utils.decode_range(ref);
  const date1904 = wb.Workbook?.WBProps?.date1904 === true;
  const text = (r: number, c: number): string => {
    const cell = ws[XLSX.utils.encode_cell({ r, c })];
    if (!cell || cell.v === undefined || cell.v === null) return '';
    switch (cell.t) {
      case 'n': {
        const x = cell.v as number;
        if (cell.z && cell.z !== 'General' && XLSX.SSF.is_date(cell.z)) {
          const ms = Math.round((x - (date1904 ? 24107 : 25569)) * 86_400_000);
          const iso = new Date(ms).toISOString();
          return ms % 86_400_000 === 0 ? iso.slice(0, 10) : iso;
        }
        return String(x);
      }
      case 'b':
        return cell.v ? 'TRUE' : 'FALSE';
      case 'e':
        return cell.w ?? '#N/A';
      case 'd':
        return (cell.v as Date).toISOString();
      default:
        return String(cell.v);
    }
  };
  const width = range.e.c - range.s.c + 1;
  const rowTexts = (r: number): string[] => Array.from({ length: width }, (_, k) => text(r, range.s.c + k));
  const excluded: { line: number; reason: string }[] = [];
  let r = range.s.r;
  let headerRow: string[] = [];
  for (; r <= range.e.r; r++) {
    headerRow = rowTexts(r);
    if (headerRow.some((s) => s.trim() !== '')) break;
    excluded.push({ line: r + 1, reason: reasons.blankLine() });
  }
  if (r > range.e.r) throw new InputError(msg.emptySheet({ sheet: sheetName }), { file });
  // Trailing columns without a name and without any value are Excel's formatting leftovers.
  const { names, renamed } = repairHeader(headerRow);
  const idx = selectedIndices(file, names, opts.select);
  const lines: number[] = [];
  const rows: string[][] = [];
  let rowsRead = 0;
  for (let rr = r + 1; rr <= range.e.r; rr++) {
    rowsRead++;
    const cells = idx.map((j) => text(rr, range.s.c + j));
    const all = opts.select ? rowTexts(rr) : cells;
    if (all.every((s) => s.trim() === '')) {
      excluded.push({ line: rr + 1, reason: reasons.emptyRow() });
      continue;
    }
    rows.push(cells);
    lines.push(rr + 1);
  }
  const cells = new Map<number, string[]>();
  idx.forEach((j, k) => cells.set(j, rows.map((row) => row[k])));
  return { file, kind: 'xlsx', reader: 'SheetJS', format: TEXT_FORMAT, sheet: sheetName, header: names, renamed, nRows: rows.length, rowsRead, excluded, lines, cells, repaired: new Map(), notes: [] };
}

/** An SPSS or Parquet file read by the worker: text cells, and the SPSS dictionary as a codebook. */
function fromTextColumns(t: TextColumns, file: string, kind: 'sav' | 'parquet', opts: ReadSurveyOptions): RawColumns {
  const { names, renamed } = repairHeader(t.header);
  const idx = selectedIndices(file, names, opts.select);
  const n = t.columns.length > 0 ? t.columns[0].length : 0;
  const cells = new Map<number, string[]>();
  for (const j of idx) cells.set(j, t.columns[j]);
  const notes: Message[] = [];
  let codebook: Codebook | undefined;
  if (t.vars) {
    const columns: Record<string, ColumnSpec> = {};
    t.vars.forEach((v, j) => {
      if (v.missingRange) notes.push(msg.savMissingRange({ name: v.name }));
      const spec = savSpec(v, t.columns[j]);
      if (spec) columns[names[j]] = spec;
    });
    codebook = { file, columns, warnings: [] };
  }
  const lines = Array.from({ length: n }, (_, i) => i + 1);
  return { file, kind, reader: kind === 'sav' ? 'sav-reader' : 'DuckDB', format: TEXT_FORMAT, header: names, renamed, nRows: n, rowsRead: n, excluded: [], lines, cells, repaired: new Map(), notes, ...(codebook ? { codebook } : {}) };
}

/**
 * The codebook entry of an SPSS variable: a numeric variable whose every valid value has a value
 * label is categorical (levels = labels in code order); other numeric variables are numeric (their
 * labels kept as value labels); dates are dates; user-missing values are missing codes. String
 * variables are left to inference, as in a CSV.
 */
function savSpec(v: NonNullable<TextColumns['vars']>[number], cells: readonly string[]): ColumnSpec | null {
  const spec: ColumnSpec = { type: 'numeric' };
  if (v.label) spec.label = v.label;
  if (v.kind === 'string') return null;
  if (v.kind === 'date') {
    spec.type = 'date';
    return spec;
  }
  if (v.missing.length > 0) spec.missing = [...v.missing];
  if (v.labels.length > 0) {
    const labels: Record<string, string> = {};
    for (const [val, label] of v.labels) labels[String(val)] = label;
    spec.labels = labels;
    const missing = new Set(v.missing.map(String));
    const valid = v.labels.filter(([val]) => !missing.has(String(val)));
    if (valid.length > 0) {
      const labelled = new Set(valid.map(([val]) => String(val)));
      const allLabelled = cells.every((c) => c === '' || labelled.has(c) || missing.has(c));
      if (allLabelled) spec.type = 'categorical';
    }
  }
  return spec;
}

/** Types the raw columns: codebook (file's, given, overrides), then one `assembleColumn` per column. */
function typeRaw(raw: RawColumns, opts: ReadSurveyOptions): SurveyData {
  const given = opts.codebook === undefined ? undefined : resolveCodebook(opts.codebook);
  const fileBook = raw.codebook;
  const specs: Record<string, ColumnSpec> = { ...(fileBook?.columns ?? {}), ...(given?.columns ?? {}) };
  const warnings: Message[] = [...raw.notes, ...(given?.warnings ?? [])];
  if (opts.columns) {
    const merged: Record<string, unknown> = {};
    for (const [name, o] of Object.entries(opts.columns)) {
      const m = { ...specs[name], ...o };
      if (!m.type) throw new TypeError(usage.overrideNeedsType(name));
      merged[name] = m;
    }
    Object.assign(specs, parseCodebook(JSON.stringify({ columns: merged }), '<options.columns>').columns);
  }
  const header = raw.header;
  const inFile = new Set(header);
  const absent = Object.keys(specs).filter((c) => !inFile.has(c));
  if (absent.length > 0) {
    throw new InputError(msg.codebookColumnsAbsent({ file: raw.file, names: absent, available: header }), { file: given && absent.some((c) => c in given.columns) ? given.file : '<options.columns>' });
  }
  const loaded = [...raw.cells.keys()].sort((a, b) => a - b);
  if (given) {
    const undeclared = loaded.map((j) => header[j]).filter((c) => !(c in specs));
    if (undeclared.length > 0) warnings.push(msg.warnUndeclared({ names: undeclared }));
  }
  if (raw.excluded.length > 0) warnings.push(msg.rowsExcluded({ count: raw.excluded.length, lines: raw.excluded.slice(0, 6).map((r) => r.line) }));
  const lineOf = (i: number): number => raw.lines[i];
  const repairedReport: LoadReport['repaired'] = [];
  for (const [j, rep] of raw.repaired) {
    const lines = rep.rows.map(lineOf);
    repairedReport.push({ column: header[j], count: rep.count, values: rep.values, lines });
    warnings.push(msg.repairedEncoding({ column: header[j], count: rep.count, fileEncoding: raw.format.encoding, values: rep.values, lines }));
  }
  const inferSet = opts.inferColumns ? new Set(opts.inferColumns) : null;
  const inferred: LoadReport['inferred'] = [];
  const columns: Column[] = [];
  const missing: LoadReport['missing'] = {};
  for (const j of loaded) {
    const ctx: BuildContext = {
      file: raw.file,
      lines: raw.lines,
      column: j + 1,
      decimal: raw.format.decimal,
      strict: opts.strict ?? false,
      unknownLevels: opts.unknownLevels ?? 'error',
      warnings,
    };
    const spec = specs[header[j]] ?? (inferSet && !inferSet.has(header[j]) ? { type: 'text' as const } : undefined);
    const col = assembleColumn(header[j], raw.cells.get(j) as string[], spec, ctx, inferred);
    columns.push(col);
    missing[col.name] = col.missing;
  }
  const report: LoadReport = {
    file: raw.file,
    source: raw.kind,
    reader: raw.reader,
    ...(raw.sheet !== undefined ? { sheet: raw.sheet } : {}),
    ...raw.format,
    rowsRead: raw.rowsRead,
    rowsKept: raw.nRows,
    rowsExcluded: raw.excluded,
    renamed: raw.renamed,
    repaired: repairedReport,
    missing,
    inferred,
    warnings,
  };
  const codebook = fileBook || given ? { ...(given ?? fileBook), columns: specs } as Codebook : undefined;
  return {
    table: { nRows: raw.nRows, columns },
    report,
    header,
    lines: raw.lines,
    raw: (name: string) => {
      const j = header.indexOf(name);
      const c = raw.cells.get(j);
      if (!c) throw new InputError(msg.noColumn({ name, available: loaded.map((k) => header[k]) }), { file: raw.file, columnName: name });
      return c;
    },
    ...(codebook ? { codebook } : {}),
  };
}

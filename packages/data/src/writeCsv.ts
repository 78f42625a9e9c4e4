import { formatDate } from './internal/values.js';
import type { DecimalMark, Separator, Table } from './types.js';

/** A cell handed to `writeCsv`: numbers are written as numbers, everything else as text. */
export type CsvCell = string | number | boolean | Date | null | undefined;

/** What `writeCsv` writes: a `Table`, rows as arrays (the first one is the header), or records. */
export type CsvData = Table | readonly (readonly CsvCell[])[] | readonly Record<string, CsvCell>[];

/** Options of `writeCsv`. */
export interface WriteCsvOptions {
  /** Field separator. Default `','`, or `';'` when `lang` is `'fr'`. */
  separator?: Separator;
  /** Decimal mark of numbers. Default `'.'`, or `','` when `lang` is `'fr'`. */
  decimal?: DecimalMark;
  /** Start with a UTF-8 byte-order mark (Excel needs it to read UTF-8). Default false, or true when `lang` is `'fr'`. */
  bom?: boolean;
  /** `'fr'`: French Excel conventions (`;`, decimal comma, BOM) unless set one by one. Default: none. */
  lang?: 'fr' | 'en';
  /** Line ending. Default `'\n'`. */
  eol?: '\n' | '\r\n';
}

/** Characters that make a spreadsheet read a cell as a formula (OWASP "CSV Injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

function isTable(d: CsvData): d is Table {
  return !Array.isArray(d) && typeof d === 'object' && d !== null && Array.isArray((d as Table).columns) && typeof (d as Table).nRows === 'number';
}

/**
 * Writes delimited text that spreadsheets open safely.
 *
 * - Quoting per RFC 4180: a field holding the separator, a double quote, CR or LF is enclosed in
 *   double quotes and its quotes doubled.
 * - Formula injection (OWASP CSV Injection guidance): a text cell that begins with `=`, `+`,
 *   `-`, `@`, tab or carriage return is prefixed with `'`, so Excel/LibreOffice show it as text
 *   instead of running it. Numbers are written as numbers (`-3.5` stays `-3.5`, with the chosen
 *   decimal mark); NaN, null and undefined are empty cells; dates are ISO (`YYYY-MM-DD`).
 * - A `Table` is written with its column names as header, factor levels as their labels.
 *
 * @param data A `Table`, an array of rows (the first row is the header, written like any row),
 *   or an array of records (header = their keys in order of first appearance).
 * @param opts Separator, decimal mark, BOM, line ending (see `WriteCsvOptions`).
 * @returns The text (BOM included when asked), ending with a line break.
 * @example
 * writeCsv([['name', 'x'], ['=1+1', -3.5], ['a;b "c"', 2]], { separator: ';', decimal: ',' }).split('\n');
 * //=> ['name;x', "'=1+1;-3,5", '"a;b ""c""";2', '']
 * const fr = writeCsv([{ segment: 'Champions', part: 0.125 }], { lang: 'fr' });
 * fr.charCodeAt(0); //=> 65279 (U+FEFF, the byte-order mark French Excel needs)
 * fr.slice(1); //=> 'segment;part\nChampions;0,125\n'
 */
export function writeCsv(data: CsvData, opts: WriteCsvOptions = {}): string {
  const fr = opts.lang === 'fr';
  const sep = opts.separator ?? (fr ? ';' : ',');
  const decimal = opts.decimal ?? (fr ? ',' : '.');
  const bom = opts.bom ?? fr;
  const eol = opts.eol ?? '\n';
  const needsQuotes = new RegExp(`[${sep === '\t' ? '\\t' : sep}"\\r\\n]`);

  const cell = (v: CsvCell): string => {
    if (v === null || v === undefined) return '';
    let s: string;
    if (typeof v === 'number') {
      if (Number.isNaN(v)) return '';
      s = String(v);
      if (decimal === ',') s = s.replace('.', ',');
    } else if (v instanceof Date) {
      s = Number.isNaN(v.getTime()) ? '' : formatDate(v.getTime());
    } else {
      s = String(v);
      if (FORMULA_START.test(s)) s = `'${s}`;
    }
    return needsQuotes.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const line = (cells: readonly CsvCell[]): string => cells.map(cell).join(sep) + eol;

  let out = bom ? '\uFEFF' : '';
  if (isTable(data)) {
    out += line(data.columns.map((c) => c.name));
    const getters = data.columns.map((col): ((i: number) => CsvCell) => {
      switch (col.type) {
        case 'numeric':
          return (i) => col.values[i];
        case 'date':
          return (i) => (Number.isNaN(col.values[i]) ? null : formatDate(col.values[i]));
        case 'categorical':
        case 'ordinal':
          return (i) => (col.codes[i] < 0 ? null : col.levels[col.codes[i]]);
        default:
          return (i) => col.values[i];
      }
    });
    const parts: string[] = [];
    for (let i = 0; i < data.nRows; i++) parts.push(line(getters.map((g) => g(i))));
    return out + parts.join('');
  }
  const rows = data as readonly unknown[];
  if (rows.length === 0) return out;
  if (Array.isArray(rows[0])) return out + (rows as readonly (readonly CsvCell[])[]).map(line).join('');
  const records = rows as readonly Record<string, CsvCell>[];
  const keys: string[] = [];
  const seen = new Set<string>();
  for (const r of records) for (const k of Object.keys(r)) if (!seen.has(k)) {
    seen.add(k);
    keys.push(k);
  }
  return out + line(keys) + records.map((r) => line(keys.map((k) => r[k]))).join('');
}

import { createRequire } from 'node:module';
import { InputError } from './errors.js';
import { decodeInput } from './internal/decode.js';
import { formatOf } from './internal/format.js';
import type { RenamedColumn } from './internal/header.js';
import { repairHeader } from './internal/header.js';
import { recordStartLines } from './internal/lines.js';
import type { DelimitedSource } from './internal/source.js';
import { readSource } from './internal/source.js';
import { msg, reasons } from './messages.js';
import type { CsvFormat, FormatOverrides } from './types.js';

export type { DelimitedSource } from './internal/source.js';

let csvParse: typeof import('csv-parse/sync').parse | undefined;
/** csv-parse's synchronous parser, loaded on first use (the byte scanner reads most files). */
function parse(input: Buffer, options: import('csv-parse/sync').Options): unknown {
  csvParse ??= (createRequire(import.meta.url)('csv-parse/sync') as typeof import('csv-parse/sync')).parse;
  return csvParse(input, options);
}

/** Options of `readDelimited`: format overrides (default: everything detected by `detectFormat`). */
export type ReadDelimitedOptions = FormatOverrides;

/** The raw cells of a delimited file, with where each row came from. */
export interface DelimitedData {
  /** File name (path, or the in-memory source's name). */
  file: string;
  /** Column names from the first non-blank line, trimmed, BOM removed; empty and repeated names made unique (see `renamed`). */
  header: string[];
  /** Header cells renamed: empty (`...1`) or repeated (`q1...3`), as readr names them. */
  renamed: RenamedColumn[];
  /** Data rows kept, as written (untrimmed), each with `header.length` fields. */
  rows: string[][];
  /** 1-based file line where each row starts (a quoted field may span several lines). */
  lines: number[];
  format: CsvFormat;
  /** Data records read after the header, blank lines and empty rows included. */
  rowsRead: number;
  /** Records set aside: blank lines and rows whose fields are all empty (Excel's `;;;`). */
  excluded: { line: number; reason: string }[];
}

/** Counts line breaks (CRLF, LF or a lone CR each count once) in buf[from, to). */
function countBreaks(buf: Uint8Array, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = buf[i];
    if (c === 0x0a) n++;
    else if (c === 0x0d) {
      n++;
      if (buf[i + 1] === 0x0a && i + 1 < to) i++;
    }
  }
  return n;
}

/**
 * Reads a delimited text file (CSV, `;`-separated, tab-separated) into its header and rows of
 * strings, with csv-parse (RFC 4180 quoting: quoted fields may hold separators, `""` and line
 * breaks; CRLF, LF or CR line ends). Encoding, separator and decimal mark come from
 * `detectFormat` unless given. Nothing is interpreted here (see `loadTable`); nothing is dropped
 * without a record: blank lines and rows of empty fields are listed in `excluded`.
 *
 * @param source A file path, or `{ name, bytes }` (bytes, or text already decoded).
 * @param opts Encoding/separator/decimal to impose. Default: detected.
 * @throws {InputError} File not found or unreadable; an empty file; a row whose field count differs from the header's ("ragged row":
 *   file, line, expected vs found); an unclosed or stray quote (file, line where the record starts).
 * @example
 * readDelimited({ name: 'a.csv', bytes: 'id;note\n1;3,5\n\n2;4\n' });
 * //=> { file: 'a.csv', header: ['id', 'note'], renamed: [], rows: [['1', '3,5'], ['2', '4']], lines: [2, 4],
 * //     format: { encoding: 'utf-8', bom: false, separator: ';', decimal: ',' }, rowsRead: 3,
 * //     excluded: [{ line: 3, reason: 'blank line' }] }
 * readDelimited({ name: 'b.csv', bytes: 'id;note\n1;3;4\n' }); //=> throws InputError
 */
export function readDelimited(source: DelimitedSource, opts: ReadDelimitedOptions = {}): DelimitedData {
  const { file, bytes } = readSource(source);
  const decoded = decodeInput(bytes, file, opts.encoding);
  const format = formatOf(decoded, opts);
  const buf = decoded.utf8;

  const parseOptions = { delimiter: format.separator, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, bom: false };
  let records: string[][];
  let starts: number[];
  try {
    records = parse(buf, parseOptions) as string[][];
    starts = recordStartLines(buf, format.separator.charCodeAt(0));
    if (starts.length !== records.length) {
      // The fast line scan disagrees with the parser (unusual line ends): ask csv-parse for the
      // byte offset where each record ends (slower: it builds an info object per record).
      const ends: number[] = [];
      records = parse(buf, {
        ...parseOptions,
        on_record: (record: string[], ctx: { bytes: number }) => {
          ends.push(ctx.bytes);
          return record;
        },
      }) as string[][];
      starts = new Array<number>(records.length);
      let line = 1;
      let prevEnd = 0;
      for (let k = 0; k < records.length; k++) {
        starts[k] = line;
        line += countBreaks(buf, prevEnd, ends[k]);
        prevEnd = ends[k];
      }
    }
  } catch (err) {
    const e = err as { code?: string; message: string; bytes_records?: number; index?: number };
    if (typeof e.code !== 'string' || !e.code.startsWith('CSV_')) throw err;
    const start = typeof e.bytes_records === 'number' ? e.bytes_records : 0;
    const line = 1 + countBreaks(buf, 0, start);
    const column = typeof e.index === 'number' ? e.index + 1 : undefined;
    const text =
      e.code === 'CSV_QUOTE_NOT_CLOSED' ? msg.unclosedQuote() : e.code === 'CSV_INVALID_CLOSING_QUOTE' ? msg.badClosingQuote() : msg.csvSyntax({ detail: e.message.split('\n')[0] });
    throw new InputError(text, { file, line, ...(column !== undefined && e.code !== 'CSV_QUOTE_NOT_CLOSED' ? { column } : {}) });
  }

  const isBlank = (r: string[]): boolean => r.length === 1 && r[0].trim() === '';
  const excluded: { line: number; reason: string }[] = [];
  let h = 0;
  while (h < records.length && isBlank(records[h])) {
    excluded.push({ line: starts[h], reason: reasons.blankLine() });
    h++;
  }
  if (h >= records.length) throw new InputError(msg.emptyFile(), { file });

  const { names: header, renamed } = repairHeader(records[h].map((s, j) => (j === 0 ? s.replace(/^\uFEFF/, '') : s)));

  const width = header.length;
  const rows: string[][] = [];
  const lines: number[] = [];
  for (let k = h + 1; k < records.length; k++) {
    const r = records[k];
    if (r.every((f) => f.trim() === '')) {
      excluded.push({ line: starts[k], reason: r.length === 1 ? reasons.blankLine() : reasons.emptyRow() });
      continue;
    }
    if (r.length !== width) throw new InputError(msg.raggedRow({ found: r.length, expected: width }), { file, line: starts[k] });
    rows.push(r);
    lines.push(starts[k]);
  }
  return { file, header, renamed, rows, lines, format, rowsRead: records.length - 1, excluded };
}

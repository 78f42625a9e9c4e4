import type { CsvCell } from '@satlab/data';
import type { ReportTable } from './types.js';

/** Options of {@link tablesToXlsx}. */
export interface TablesToXlsxOptions {
  /** Workbook creation and modification date, and the date of every file in the zip. Required (from the data, not the clock, so the file is reproducible). */
  created: Date;
  /** Workbook title (document properties). Default none. */
  title?: string;
}

/** Characters that make a spreadsheet read a text cell as a formula (OWASP "CSV Injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell made safe: prefixed with `'` when it starts with = + - @ tab or CR (as `writeCsv` does). */
export function neutraliseCell(s: string): string {
  return FORMULA_START.test(s) ? `'${s}` : s;
}

function dosDateTime(d: Date): { date: number; time: number } {
  const y = Math.min(2107, Math.max(1980, d.getUTCFullYear()));
  return {
    date: ((y - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | Math.floor(d.getUTCSeconds() / 2),
  };
}

/** Sets the modification date of every entry of a zip (local headers and central directory) to `when`. */
export function pinZipDates(buf: Buffer, when: Date): Buffer {
  const { date, time } = dosDateTime(when);
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65535); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return buf;
  const entries = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  for (let k = 0; k < entries; k++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) break;
    buf.writeUInt16LE(time, p + 12);
    buf.writeUInt16LE(date, p + 14);
    const local = buf.readUInt32LE(p + 42);
    if (buf.readUInt32LE(local) === 0x04034b50) {
      buf.writeUInt16LE(time, local + 10);
      buf.writeUInt16LE(date, local + 12);
    }
    p += 46 + buf.readUInt16LE(p + 28) + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return buf;
}

function sheetNames(tables: readonly ReportTable[]): string[] {
  const used = new Set<string>();
  return tables.map((t) => {
    const base = t.name.replace(/[[\]:*?/\\']/g, '_').slice(0, 31) || 'table';
    let name = base;
    for (let k = 2; used.has(name.toLowerCase()); k++) name = `${base.slice(0, 31 - String(k).length - 1)}_${k}`;
    used.add(name.toLowerCase());
    return name;
  });
}

/**
 * Writes the report's tables into one XLSX workbook (exceljs 4.4), one sheet per table, header row
 * bold and frozen, numbers as numbers, booleans as booleans, empty cells for null/NaN. Text cells
 * that begin with `=`, `+`, `-`, `@`, tab or CR are prefixed with `'` (OWASP CSV-injection
 * guidance, as `writeCsv` does), so a verbatim such as `=HYPERLINK(…)` stays text. The workbook's
 * creation and modification dates, and the dates of the zip entries, are set to `created`, so the
 * same tables give the same bytes.
 *
 * @param tables Report tables (rows, header first).
 * @param opts `created` (required), `title`.
 * @returns The `.xlsx` file as a Buffer.
 * @example
 * const tables = [{ name: 'nps', title: 'NPS', rows: [['segment', 'nps'], ['Santé', -12.5]] }];
 * const buf = await tablesToXlsx(tables, { created: new Date('2025-07-15') });
 * buf.subarray(0, 2).toString(); //=> 'PK' (a zip)
 * (await tablesToXlsx(tables, { created: new Date('2025-07-15') })).equals(buf); //=> true (same tables, same bytes)
 */
export async function tablesToXlsx(tables: readonly ReportTable[], opts: TablesToXlsxOptions): Promise<Buffer> {
  if (!(opts?.created instanceof Date) || Number.isNaN(opts.created.getTime())) throw new TypeError('tablesToXlsx(opts.created): expected a valid Date');
  const mod = (await import('exceljs')) as unknown as { default?: typeof import('exceljs') } & typeof import('exceljs');
  const ExcelJS = mod.default ?? mod;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'satlab';
  wb.lastModifiedBy = 'satlab';
  wb.created = opts.created;
  wb.modified = opts.created;
  if (opts.title) wb.title = opts.title;
  const names = sheetNames(tables);
  tables.forEach((t, k) => {
    const ws = wb.addWorksheet(names[k], { views: [{ state: 'frozen', ySplit: 1 }] });
    const widths: number[] = [];
    t.rows.forEach((row, r) => {
      const values = row.map((c: CsvCell) => {
        if (c === null || c === undefined) return null;
        if (typeof c === 'number') return Number.isFinite(c) ? c : null;
        if (typeof c === 'boolean') return c;
        if (c instanceof Date) return Number.isNaN(c.getTime()) ? null : c.toISOString().slice(0, 10);
        return neutraliseCell(String(c));
      });
      const added = ws.addRow(values);
      if (r === 0) added.font = { bold: true };
      values.forEach((v, j) => {
        const len = v === null ? 0 : String(v).length;
        widths[j] = Math.max(widths[j] ?? 8, Math.min(60, len + 2));
      });
    });
    widths.forEach((w, j) => (ws.getColumn(j + 1).width = w));
  });
  const out = Buffer.from(await wb.xlsx.writeBuffer());
  return pinZipDates(out, opts.created);
}

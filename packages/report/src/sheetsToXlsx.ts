import type { CellKind, PresentedColumn, PresentedTable } from '@satlab/present';
import { neutraliseCell, pinZipDates } from './tablesToXlsx.js';
import type { ReportLang, ReportSheet } from './types.js';

/** Options of {@link sheetsToXlsx}. */
export interface SheetsToXlsxOptions {
  /** Workbook creation and modification date, and the date of every zip entry (from the data, so the file is reproducible). */
  created: Date;
  /** Language of the number formats (`0.0 %` in French, `0.0%` in English). */
  lang: ReportLang;
  /** Workbook title (document properties). */
  title?: string;
}

/**
 * The Excel number format of a column, by kind (percent `0.0 %`, mean `0.00`, count `#,##0`,
 * p-value `0.000` with `< 0.001` below, number: `digits` decimals); undefined for labels and text.
 *
 * @example
 * numberFormat({ kind: 'percent' }, 'fr'); //=> '0.0 %'
 * numberFormat({ kind: 'percent' }, 'en'); //=> '0.0%'
 * numberFormat({ kind: 'pvalue' }, 'fr'); //=> '[<0.001]"< 0.001";0.000'
 * numberFormat({ kind: 'number', digits: 1 }, 'fr'); //=> '0.0'
 * numberFormat({ kind: 'label' }, 'fr'); //=> undefined
 */
export function numberFormat(c: Pick<PresentedColumn, 'kind' | 'digits'>, lang: ReportLang): string | undefined {
  const dec = (d: number): string => (d > 0 ? `0.${'0'.repeat(d)}` : '0');
  switch (c.kind as CellKind) {
    case 'percent':
      return `${dec(c.digits ?? 1)}${lang === 'fr' ? ' %' : '%'}`;
    case 'mean':
      return dec(c.digits ?? 2);
    case 'count':
      return '#,##0';
    case 'pvalue':
      return '[<0.001]"< 0.001";0.000';
    case 'number':
      return dec(c.digits ?? 2);
    default:
      return undefined;
  }
}

const NUMERIC: ReadonlySet<CellKind> = new Set(['count', 'number', 'mean', 'percent', 'pvalue']);

/** Sheet names: Excel's 31 characters, no []:*?/\ , unique case-insensitively. */
export function sheetNames(titles: readonly string[]): string[] {
  const used = new Set<string>();
  return titles.map((t) => {
    const base = t.replace(/[[\]:*?/\\]/g, ' ').replace(/^'+|'+$/g, '').replace(/\s+/g, ' ').trim().slice(0, 31).trim() || 'Sheet';
    let name = base;
    for (let k = 2; used.has(name.toLowerCase()); k++) name = `${base.slice(0, 31 - String(k).length - 1).trim()} ${k}`;
    used.add(name.toLowerCase());
    return name;
  });
}

/**
 * Writes the report's sections as a workbook people use as is (exceljs 4.4): one sheet per
 * section, named after it; each table under its title, headers in the report's language (bold,
 * wrapped, shaded), numbers stored as numbers with the format of their kind — percentages as
 * `0.0 %` (values are shares 0–1), means `0.00`, counts `#,##0`, p-values `0.000` — text as text
 * with formula-looking cells neutralised (`'=…`), marks with a `tone` in green (good news) or red
 * (bad news), total/base rows in bold with counts as integers, notes in italics below. The first table's header row and the label column are frozen, column
 * widths follow the content. Creation dates and zip entry dates are `created`, so the same report
 * gives the same bytes.
 *
 * @example
 * import { inflateRawSync } from 'node:zlib';
 * const sheets = [{ id: 'nps', title: 'NPS', tables: [{ id: 'nps', title: 'NPS par contrat', columns: [{ key: 's', label: 'Contrat', kind: 'label' }, { key: 'p', label: 'Promoteurs', kind: 'percent' }], rows: [[{ v: 'Santé', t: 'Santé' }, { v: 0.291, t: '29,1 %' }]] }] }];
 * const buf = await sheetsToXlsx(sheets, { created: new Date('2025-07-15'), lang: 'fr' });
 * buf.subarray(0, 2).toString(); //=> 'PK' (a zip)
 * (await sheetsToXlsx(sheets, { created: new Date('2025-07-15'), lang: 'fr' })).equals(buf); //=> true (same report, same bytes)
 * // The sheet's XML (the zip entry's deflated data follows its 30-byte local header, name and extra field):
 * const at = buf.indexOf('xl/worksheets/sheet1.xml');
 * const xml = inflateRawSync(buf.subarray(at + buf.readUInt16LE(at - 4) + buf.readUInt16LE(at - 2))).toString();
 * xml.match(/<c r="B5"[^>]*><v>([^<]*)/)?.[1]; //=> '0.291' (a number, shown as 29,1 % by the format 0.0 %)
 */
export async function sheetsToXlsx(sheets: readonly ReportSheet[], opts: SheetsToXlsxOptions): Promise<Buffer> {
  if (!(opts?.created instanceof Date) || Number.isNaN(opts.created.getTime())) throw new TypeError('sheetsToXlsx(opts.created): expected a valid Date');
  const mod = (await import('exceljs')) as unknown as { default?: typeof import('exceljs') } & typeof import('exceljs');
  const ExcelJS = mod.default ?? mod;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'satlab';
  wb.lastModifiedBy = 'satlab';
  wb.created = opts.created;
  wb.modified = opts.created;
  if (opts.title) wb.title = opts.title;
  const used = sheets.filter((s) => s.tables.length > 0);
  const names = sheetNames(used.map((s) => s.title));
  used.forEach((sheet, k) => {
    // Printed landscape, one page wide (LibreOffice and Excel both honour it).
    const ws = wb.addWorksheet(names[k], { pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 } });
    const widths: number[] = [];
    const headerRows: { row: import('exceljs').Row; labels: string[] }[] = [];
    // Data rows with a text longer than its column: wrapped, then made as tall as their lines.
    const wrapped = new Map<import('exceljs').Row, { j: number; text: string }[]>();
    const fit = (j: number, text: string, cap: number): void => {
      const len = Math.max(...text.split('\n').map((l) => l.length));
      widths[j] = Math.max(widths[j] ?? 6, Math.min(cap, len + 2));
    };
    let r = 1;
    let frozen = 0;
    const titleRow = ws.getRow(r++);
    titleRow.getCell(1).value = neutraliseCell(sheet.title);
    titleRow.font = { bold: true, size: 13 };
    r++;
    sheet.tables.forEach((t: PresentedTable, ti) => {
      if (ti > 0 || t.title !== sheet.title) {
        const tr = ws.getRow(r++);
        tr.getCell(1).value = neutraliseCell(t.title);
        tr.font = { bold: true, size: 11.5 };
      }
      const hr = ws.getRow(r);
      headerRows.push({ row: hr, labels: t.columns.map((c) => c.label) });
      t.columns.forEach((c, j) => {
        const cell = hr.getCell(j + 1);
        cell.value = neutraliseCell(c.label);
        cell.font = { bold: true };
        // Text after a right-aligned number would touch it ("0.150positif"): text columns are indented.
        cell.alignment = { wrapText: true, vertical: 'bottom', horizontal: NUMERIC.has(c.kind) ? 'right' : 'left', ...(j > 0 && !NUMERIC.has(c.kind) ? { indent: 1 } : {}) };
        cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE9EEF4' } };
        cell.border = { bottom: { style: 'thin', color: { argb: 'FF9AA5B1' } } };
        // Headers wrap: their width counts a little, the longest word counts.
        fit(j, c.label.split(/\s+/).reduce((a, b) => (b.length > a.length ? b : a), ''), 30);
      });
      if (frozen === 0) frozen = r;
      r++;
      const totals = new Set(t.totalRows ?? []);
      t.rows.forEach((row, i) => {
        const xr = ws.getRow(r++);
        row.forEach((c, j) => {
          const colDef = t.columns[j];
          if (!colDef) return;
          const cell = xr.getCell(j + 1);
          if (NUMERIC.has(colDef.kind) && typeof c.v === 'number' && Number.isFinite(c.v)) {
            cell.value = c.v;
            const base = totals.has(i) && colDef.kind === 'percent' && Number.isInteger(c.v) && c.v > 1 ? { kind: 'count' as const } : colDef;
            let fmt = numberFormat(base, opts.lang);
            // Changes and slopes carry their sign (+2.9 / −0.24).
            if (fmt && /^(change|trend|slope)/.test(colDef.key)) fmt = `+${fmt};-${fmt};${fmt}`;
            if (fmt) cell.numFmt = fmt;
            fit(j, c.t, 18);
          } else {
            const s = NUMERIC.has(colDef.kind) ? c.t : typeof c.v === 'string' ? c.v : c.t;
            if (s !== '') cell.value = neutraliseCell(s);
            if (NUMERIC.has(colDef.kind) || colDef.kind === 'mark' || colDef.kind === 'letters') cell.alignment = { horizontal: colDef.kind === 'mark' || colDef.kind === 'letters' ? 'center' : 'right' };
            // A mark that is good or bad news is green or red, as in the page.
            if (c.tone && s !== '') cell.font = { bold: true, color: { argb: c.tone === 'good' ? 'FF1B7F3B' : 'FFB42318' } };
            else if (s.length > (j === 0 ? 43 : 59)) {
              cell.alignment = { wrapText: true, vertical: 'top', ...(j > 0 ? { indent: 1 } : {}) };
              wrapped.set(xr, [...(wrapped.get(xr) ?? []), { j, text: s }]);
            }
            else if (j > 0) cell.alignment = { horizontal: 'left', indent: 1 };
            // Indented text needs one more character (once per column, not once per row).
            fit(j, j > 0 && !NUMERIC.has(colDef.kind) ? `${s} ` : s, j === 0 ? 45 : 61);
          }
        });
        if (totals.has(i)) {
          xr.font = { bold: true };
          xr.eachCell((cell) => (cell.border = { top: { style: 'thin', color: { argb: 'FF9AA5B1' } } }));
        }
      });
      // Notes span the table's width and wrap, so that a long note neither runs off to the right
      // nor shrinks the printed page (fit to one page wide).
      const span = Math.max(1, t.columns.length);
      const spanWidth = t.columns.reduce((a, _, j) => a + (widths[j] ?? 8), 0);
      for (const note of t.notes ?? []) {
        const rowNo = r++;
        const nr = ws.getRow(rowNo);
        nr.getCell(1).value = neutraliseCell(note);
        nr.font = { italic: true, color: { argb: 'FF52606D' } };
        if (span > 1) ws.mergeCells(rowNo, 1, rowNo, span);
        nr.getCell(1).alignment = { wrapText: true, vertical: 'top' };
        const lines = Math.max(1, Math.ceil((note.length * 1.1) / Math.max(spanWidth, 20)));
        if (lines > 1) nr.height = 15 * lines;
      }
      r++;
    });
    widths.forEach((w, j) => (ws.getColumn(j + 1).width = w ?? 8));
    // Header rows as tall as their most wrapped label at the final widths (a viewer that keeps the
    // default height shows only the last line: « Prév. Retraite (C) » read « Retraite »).
    for (const h of headerRows) {
      const lines = Math.max(1, ...h.labels.map((l, j) => wrappedLines(l, (widths[j] ?? 8) - 1)));
      if (lines > 1) h.row.height = 15 * lines + 2;
    }
    for (const [row, cells] of wrapped) {
      // A column w characters wide holds about 1.15 w characters of text in the default proportional font.
      const lines = Math.max(1, ...cells.map((c) => wrappedLines(c.text, Math.floor((widths[c.j] ?? 8) * 1.15))));
      if (lines > 1) {
        row.height = 15 * lines;
        // The row's other cells on its first line, beside the start of the wrapped text.
        row.eachCell((c) => (c.alignment = { ...c.alignment, vertical: 'top' }));
      }
    }
    ws.views = [{ state: 'frozen', xSplit: 1, ySplit: frozen, topLeftCell: `B${frozen + 1}`, activeCell: `B${frozen + 1}` }];
  });
  const out = Buffer.from(await wb.xlsx.writeBuffer());
  return pinZipDates(out, opts.created);
}

/** Lines a text takes when wrapped greedily at word boundaries in a column `width` characters wide. */
function wrappedLines(text: string, width: number): number {
  let lines = 1;
  let used = 0;
  for (const word of text.split(/\s+/).filter((x) => x !== '')) {
    if (used === 0) used = word.length;
    else if (used + 1 + word.length <= width) used += 1 + word.length;
    else {
      lines++;
      used = word.length;
    }
  }
  return lines;
}

/**
 * Internal: HTML building blocks of the report. Every text that reaches the page goes through
 * `esc` (= `escapeHtml` of @satlab/format) unless it is markup built here from escaped parts.
 */
import { escapeHtml, formatNumber, formatPercent, formatPValue } from '@satlab/format';
import type { PresentedCell, PresentedTable } from '@satlab/present';
import type { ReportLang } from '../types.js';

/** Markup that is already safe (built from escaped parts). */
export interface Html {
  html: string;
}
export type Cell = string | number | Html | null | undefined;

export const esc = (s: string): string => escapeHtml(s);
export const raw = (html: string): Html => ({ html });
const isHtml = (c: Cell): c is Html => typeof c === 'object' && c !== null && 'html' in c;

/** A cell as HTML: numbers and text escaped, markup kept. */
export function cellHtml(c: Cell): string {
  if (c === null || c === undefined) return '';
  if (isHtml(c)) return c.html;
  return esc(String(c));
}

/** An HTML table. `align`: 'l' | 'r' per column (default: right for numbers-looking columns after the first). */
export function htmlTable(header: readonly Cell[], rows: readonly (readonly Cell[])[], opts: { align?: readonly ('l' | 'r' | 'c')[]; caption?: string; className?: string; footer?: string } = {}): string {
  const align = (j: number): string => {
    const a = opts.align?.[j] ?? (j === 0 ? 'l' : 'r');
    return a === 'l' ? '' : a === 'r' ? ' class="num"' : ' class="ctr"';
  };
  const head = `<tr>${header.map((h, j) => `<th scope="col"${align(j)}>${cellHtml(h)}</th>`).join('')}</tr>`;
  const body = rows.map((r) => `<tr>${r.map((c, j) => (j === 0 ? `<th scope="row">${cellHtml(c)}</th>` : `<td${align(j)}>${cellHtml(c)}</td>`)).join('')}</tr>`).join('\n');
  const caption = opts.caption ? `<caption>${esc(opts.caption)}</caption>` : '';
  const foot = opts.footer ? `<p class="note">${opts.footer}</p>` : '';
  return `<div class="table-wrap"><table${opts.className ? ` class="${opts.className}"` : ''}>${caption}<thead>${head}</thead><tbody>\n${body}\n</tbody></table></div>${foot}`;
}

/** Number formatting for people in the report's language. */
export function fmt(lang: ReportLang) {
  // Typographic minus (U+2212) for negative numbers, as in the changes.
  const num = (x: number | null | undefined, digits = 2, minDigits = digits): string => (x === null || x === undefined ? '' : formatNumber(x, lang, digits, minDigits).replace(/^-/, '−'));
  const signed = (x: number | null | undefined, digits = 2): string => {
    if (x === null || x === undefined || Number.isNaN(x)) return '';
    const s = formatNumber(Math.abs(x), lang, digits);
    const zero = Number(s.replace(/[^\d]/g, '')) === 0;
    return zero ? s : `${x > 0 ? '+' : '−'}${s}`;
  };
  const pct = (x: number | null | undefined, digits = 1): string => (x === null || x === undefined ? '' : formatPercent(x, lang, digits).replace(/^-/, '−'));
  const pts = (x: number | null | undefined, digits = 1): string => (x === null || x === undefined ? '' : lang === 'fr' ? `${signed(x, digits)}\u00a0pt` : `${signed(x, digits)} pt`);
  const ci = (c: readonly [number, number] | readonly number[], f: (x: number) => string): string => (Number.isNaN(c[0]) ? '' : lang === 'fr' ? `[${f(c[0])} ; ${f(c[1])}]` : `[${f(c[0])}, ${f(c[1])}]`);
  const p = (x: number | null | undefined): string => (x === null || x === undefined ? '' : formatPValue(x, lang));
  return { num, signed, pct, pts, ci, p };
}

/** A change mark, coloured by whether the direction is good news. */
export function markHtml(mark: string, higherIsBetter: boolean): Html {
  if (mark === '') return raw('');
  const good = (mark === '▲') === higherIsBetter;
  return raw(`<span class="mark ${good ? 'good' : 'bad'}">${mark}</span>`);
}

/** A section with an id, a heading and its content. */
export function section(id: string, title: string, body: string): string {
  return `<section id="${esc(id)}">\n<h2>${esc(title)}</h2>\n${body}\n</section>`;
}

/** A chart: the inline SVG from @satlab/charts, in a figure. */
export function figure(svg: string, caption?: string): string {
  return `<figure class="chart">${svg}${caption ? `<figcaption>${esc(caption)}</figcaption>` : ''}</figure>`;
}

export const CSS = `
:root { --ink: #1f2933; --muted: #616e7c; --line: #d9e2ec; --bg: #ffffff; --band: #f5f7fa; --accent: #2f6fb0; --good: #1b7f3b; --bad: #b42318; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: var(--bg); line-height: 1.45; font-size: 15px; }
header.top { background: #17324d; color: #fff; padding: 28px 40px 22px; }
header.top h1 { margin: 0 0 6px; font-size: 26px; font-weight: 650; }
header.top p { margin: 2px 0; color: #d6e2ee; }
nav.toc { padding: 10px 40px; border-bottom: 1px solid var(--line); background: var(--band); font-size: 14px; }
nav.toc a { color: var(--accent); text-decoration: none; margin-right: 16px; white-space: nowrap; }
main { max-width: 1120px; margin: 0 auto; padding: 8px 40px 40px; }
section { margin-top: 34px; }
h2 { font-size: 21px; border-bottom: 2px solid var(--accent); padding-bottom: 4px; margin: 0 0 12px; }
h3 { font-size: 16px; margin: 22px 0 8px; }
p.intro, p.note { color: var(--muted); margin: 6px 0 12px; max-width: 900px; }
p.note { font-size: 13px; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(200px, 1fr)); gap: 14px; margin: 14px 0 18px; }
.card { border: 1px solid var(--line); border-radius: 8px; padding: 12px 14px; background: var(--band); }
.card .label { color: var(--muted); font-size: 13px; }
.card .value { font-size: 28px; font-weight: 650; margin: 2px 0; font-variant-numeric: tabular-nums; }
.card .change { font-size: 13px; color: var(--muted); }
.table-wrap { overflow-x: auto; margin: 8px 0 6px; }
table { border-collapse: collapse; font-size: 13.5px; font-variant-numeric: tabular-nums; }
caption { text-align: left; font-weight: 600; padding: 4px 0 6px; }
th, td { padding: 5px 9px; border-bottom: 1px solid var(--line); vertical-align: top; }
thead th { background: var(--band); text-align: left; font-weight: 600; border-bottom: 2px solid #bcccdc; }
thead th.num, td.num { text-align: right; }
td.num { white-space: nowrap; }
td.ctr, th.ctr { text-align: center; }
tbody th { text-align: left; font-weight: 500; }
tbody tr:nth-child(even) { background: #fafbfc; }
.mark { font-weight: 700; }
.mark.good { color: var(--good); }
.mark.bad { color: var(--bad); }
.letters { color: var(--accent); font-weight: 600; font-size: 12px; margin-left: 3px; }
.muted { color: var(--muted); }
figure.chart { margin: 14px 0; overflow-x: auto; }
figure.chart svg { max-width: 100%; height: auto; }
figcaption { color: var(--muted); font-size: 13px; }
.bar { display: inline-block; height: 10px; background: var(--accent); border-radius: 2px; vertical-align: middle; }
blockquote { margin: 6px 0; padding: 6px 12px; border-left: 3px solid var(--line); background: var(--band); }
blockquote .who { display: block; color: var(--muted); font-size: 12px; margin-top: 2px; }
footer { border-top: 1px solid var(--line); color: var(--muted); font-size: 13px; padding: 16px 40px 30px; max-width: 1120px; margin: 0 auto; }
ul.methods li { margin: 3px 0; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12px; }
@media print { nav.toc { display: none; } section { break-inside: avoid-page; } header.top { background: none; color: var(--ink); } header.top p { color: var(--muted); } }
`;

// Symbols and abbreviations stay as they are (n, p, z, r, β, ddl, df).
const KEEP = new Set(['ddl', 'df']);
const cap = (x: string): string => (x.length > 1 && !KEEP.has(x) && !/^[a-zβχ](?!\p{L})/u.test(x) ? x.charAt(0).toLocaleUpperCase() + x.slice(1) : x);

/**
 * A presenter's table as the report prints it (HTML, workbook and deck alike): headers and the
 * label of total rows start with a capital, as the report's own tables do ("promoteurs" →
 * "Promoteurs", "ensemble" → "Ensemble"); values, marks and notes are untouched.
 */
export function forReport(t: PresentedTable): PresentedTable {
  const totals = new Set(t.totalRows ?? []);
  return {
    ...t,
    columns: t.columns.map((c) => ({ ...c, label: cap(c.label) })),
    rows: t.rows.map((r, i) => (totals.has(i) && r.length > 0 && typeof r[0].v === 'string' ? [{ ...r[0], v: cap(r[0].v), t: cap(r[0].t) }, ...r.slice(1)] : r)),
  };
}

const NUMERIC_KINDS = new Set(['count', 'number', 'mean', 'percent', 'pvalue', 'interval']);

const BAR = '\u0000bar';

/** The table with a header-less column after `key` whose cells hold bar lengths (px, ∝ the values of `key`). */
function withBar(t: PresentedTable, key: string): PresentedTable {
  const at = t.columns.findIndex((c) => c.key === key);
  if (at < 0) return t;
  const values = t.rows.map((r) => r[at]?.v).map((v) => (typeof v === 'number' && Number.isFinite(v) ? v : 0));
  const max = Math.max(1e-12, ...values);
  return {
    ...t,
    columns: [...t.columns.slice(0, at + 1), { key: BAR, label: '', kind: 'text' }, ...t.columns.slice(at + 1)],
    rows: t.rows.map((r, i) => [...r.slice(0, at + 1), { v: Math.round((120 * values[i]) / max), t: '' }, ...r.slice(at + 1)]),
  };
}
/**
 * A table of a presenter (`@satlab/present`) in the report's style: the cells' texts `t` with
 * their marks (green / red when the cell has a `tone`), numbers right-aligned, total rows in bold,
 * the table's notes below. The workbook
 * and the deck take the same `PresentedTable`, so the three print the same figures. `bar: key` draws
 * a bar beside that numeric column, its length proportional to the value (the verbatim themes).
 */
export function presentedTableHtml(table: PresentedTable, opts: { caption?: boolean; extraNotes?: readonly string[]; bar?: string } = {}): string {
  const t = opts.bar === undefined ? table : withBar(table, opts.bar);
  const totals = new Set(t.totalRows ?? []);
  const align = t.columns.map((c, j): 'l' | 'r' | 'c' => (j === 0 ? 'l' : NUMERIC_KINDS.has(c.kind) ? 'r' : c.kind === 'mark' || c.kind === 'letters' ? 'c' : 'l'));
  const cellOf = (c: PresentedCell | undefined, bold: boolean): Cell => {
    if (!c) return '';
    // Marks coloured by their tone (good / bad news), as the cards colour them.
    const tone = c.tone ? ` ${c.tone}` : '';
    const own = c.tone && c.mark === undefined && c.t !== '' ? `<span class="mark${tone}">${esc(c.t)}</span>` : esc(c.t);
    const body = own + (c.mark ? ` <span class="mark${tone}">${esc(c.mark)}</span>` : '');
    return raw(bold ? `<strong>${body}</strong>` : body);
  };
  const rows = t.rows.map((r, i) => t.columns.map((c, j) => (c.key === BAR ? raw(`<span class="bar" style="width:${Number(r[j]?.v ?? 0)}px"></span>`) : cellOf(r[j], totals.has(i)))));
  const notes = [...(t.notes ?? []), ...(opts.extraNotes ?? [])];
  return htmlTable(
    t.columns.map((c) => c.label),
    rows,
    { align, ...(opts.caption ? { caption: t.title } : {}), ...(notes.length ? { footer: notes.map(esc).join('<br>') } : {}) },
  );
}

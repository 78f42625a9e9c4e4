/** The MIME bundle of each kind of value `toBundle` knows (internal). */
import { renderSvgSync } from '@satlab/charts';
import type { Table } from '@satlab/data';
import { escapeHtml, textTable } from '@satlab/format';
import { columnCells, columnDecimals, formatFixed, formatScalar, formatValueNumber, isPValueKey } from './cells.js';
import { gridHtml, gridText } from './grid.js';
import type { Grid } from './grid.js';
import { labels } from './labels.js';
import type { Lang } from './labels.js';
import type { MimeBundle } from './types.js';

export const VEGALITE_MIME = 'application/vnd.vegalite.v5+json';

type Rec = Record<string, unknown>;
export const isPlainObject = (x: unknown): x is Rec => typeof x === 'object' && x !== null && !Array.isArray(x) && !ArrayBuffer.isView(x) && !(x instanceof Date);

/** A Vega-Lite spec: a `$schema` naming vega-lite, or a mark / composition at the top. */
export function isVegaLiteSpec(x: unknown): x is Rec {
  if (!isPlainObject(x)) return false;
  if (typeof x.$schema === 'string') return x.$schema.includes('vega-lite');
  if ('mark' in x && ('encoding' in x || 'data' in x)) return true;
  return ['layer', 'hconcat', 'vconcat', 'concat'].some((k) => Array.isArray(x[k])) || (('facet' in x || 'repeat' in x) && 'spec' in x);
}

/** A column-typed `Table` of @satlab/data. */
export function isTable(x: unknown): x is Table {
  return isPlainObject(x) && typeof x.nRows === 'number' && Array.isArray(x.columns) && x.columns.every((c) => isPlainObject(c) && typeof c.name === 'string' && typeof c.type === 'string');
}

/** An array of plain records (rows). */
export function isRecords(x: unknown): x is Rec[] {
  return Array.isArray(x) && x.every(isPlainObject);
}

/** Chart: the Vega-Lite JSON for live front ends, a rendered SVG for the others, a line of text. */
export function specBundle(spec: Rec, lang: Lang): MimeBundle {
  const clean = JSON.parse(JSON.stringify(spec)) as Rec;
  const svg = renderSvgSync(clean as unknown as Parameters<typeof renderSvgSync>[0]);
  const t = clean.title;
  const title = typeof t === 'string' ? t : isPlainObject(t) && typeof t.text === 'string' ? t.text : '';
  return {
    data: { [VEGALITE_MIME]: clean, 'image/svg+xml': svg, 'text/plain': `<${labels(lang).chart}${title ? `: ${title}` : ''}>` },
    metadata: {},
  };
}

/** The shown part of a Table as a grid of text cells. */
export function tableGrid(t: Table, lang: Lang, maxRows: number): Grid {
  const count = Math.min(t.nRows, maxRows);
  const cols = t.columns.map((c) => columnCells(c, count, lang));
  return {
    header: t.columns.map((c) => c.name),
    titles: t.columns.map((c) => c.label),
    rows: Array.from({ length: count }, (_, i) => cols.map((c) => c[i])),
    numeric: t.columns.map((c) => c.type === 'numeric'),
    total: t.nRows,
  };
}

/** Records as a grid: the union of their keys in order of appearance. */
export function recordsGrid(records: readonly Rec[], lang: Lang, maxRows: number): Grid {
  const keys: string[] = [];
  const seen = new Set<string>();
  for (const r of records) for (const k of Object.keys(r)) if (!seen.has(k)) {
    seen.add(k);
    keys.push(k);
  }
  const shown = records.slice(0, maxRows);
  const numeric = keys.map((k) => records.every((r) => r[k] === undefined || r[k] === null || typeof r[k] === 'number'));
  const digits = keys.map((k, j) => (numeric[j] && !isPValueKey(k) ? columnDecimals(shown.map((r) => r[k]), shown.length) : -1));
  return {
    header: keys,
    rows: shown.map((r) => keys.map((k, j) => (digits[j] >= 0 && typeof r[k] === 'number' ? formatFixed(r[k] as number, lang, digits[j]) : formatScalar(r[k], lang, k)))),
    numeric,
    total: records.length,
  };
}

export function gridBundle(g: Grid, lang: Lang, title?: string): MimeBundle {
  return { data: { 'text/html': gridHtml(g, lang, title), 'text/plain': gridText(g, lang, title) }, metadata: {} };
}

const isMatrix = (v: unknown): v is number[][] =>
  Array.isArray(v) && v.length > 0 && v.every((r) => Array.isArray(r) && r.length === (v[0] as unknown[]).length && r.every((x) => typeof x === 'number'));

/** A numeric matrix as a grid, labelled by the result's rowLabels / colLabels when they fit. */
function matrixGrid(m: number[][], lang: Lang, rowLabels: unknown, colLabels: unknown): Grid {
  const rl = Array.isArray(rowLabels) && rowLabels.length === m.length ? rowLabels.map(String) : m.map((_, i) => String(i + 1));
  const cl = Array.isArray(colLabels) && colLabels.length === m[0].length ? colLabels.map(String) : m[0].map((_, j) => String(j + 1));
  return { header: ['', ...cl], rows: m.map((r, i) => [rl[i], ...r.map((x) => formatValueNumber(x, lang))]), numeric: [false, ...cl.map(() => true)], total: m.length, nCols: cl.length };
}

const ORDER = ['statistic', 'df', 'pValue', 'estimate', 'ci', 'n', 'nMissing', 'alternative'];

interface ReportEntry {
  label: string;
  html: string;
  text: string;
}

function reportEntries(x: Rec, lang: Lang, maxRows: number, depth: number, skip: Set<string>): ReportEntry[] {
  const L = labels(lang);
  const keys = [...ORDER.filter((k) => k in x), ...Object.keys(x).filter((k) => !ORDER.includes(k))].filter((k) => !skip.has(k) && x[k] !== undefined);
  return keys.map((k) => {
    const v = x[k];
    const label = L.keys[k] ?? k;
    if (isRecords(v) && v.length > 0) {
      const g = recordsGrid(v, lang, maxRows);
      return { label, html: gridHtml(g, lang), text: indent(gridText(g, lang)) };
    }
    if (isMatrix(v) && v.length <= 50 && v[0].length <= 20) {
      const g = matrixGrid(v, lang, x.rowLabels, x.colLabels);
      return { label, html: gridHtml(g, lang), text: indent(gridText(g, lang)) };
    }
    if (isPlainObject(v) && depth < 2) {
      const sub = reportEntries(v, lang, maxRows, depth + 1, new Set());
      return { label, html: entriesHtml(sub), text: indent(entriesText(sub)) };
    }
    const s = formatScalar(v, lang, k);
    return { label, html: escapeHtml(s), text: s };
  });
}

const indent = (s: string): string => '\n' + s.split('\n').map((l) => `  ${l}`).join('\n');

function entriesHtml(entries: ReportEntry[]): string {
  const rows = entries
    .map((e) => `<tr><th style="text-align:left;vertical-align:top;padding:2px 12px 2px 0;font-weight:normal;color:#444">${escapeHtml(e.label)}</th><td style="text-align:left;padding:2px 0">${e.html}</td></tr>`)
    .join('\n');
  return `<table style="border-collapse:collapse;font-size:0.9em"><tbody>\n${rows}\n</tbody></table>`;
}

function entriesText(entries: ReportEntry[]): string {
  const flat = entries.filter((e) => !e.text.startsWith('\n'));
  const nested = entries.filter((e) => e.text.startsWith('\n'));
  const parts: string[] = [];
  if (flat.length) parts.push(textTable(flat.map((e) => [e.label, e.text]), { align: ['left', 'left'] }));
  for (const e of nested) parts.push(`${e.label}:${e.text}`);
  return parts.join('\n');
}

/** A test or analysis result as a report: title (method), the figures, warnings highlighted. */
export function resultBundle(x: Rec, lang: Lang, maxRows: number, title?: string): MimeBundle {
  const L = labels(lang);
  const heading = title ?? (typeof x.method === 'string' ? x.method : L.result);
  const skip = new Set(['warnings', 'rowLabels', 'colLabels']);
  if (title === undefined && typeof x.method === 'string') skip.add('method');
  // rowLabels / colLabels label the matrices; shown as entries only when no matrix uses them
  if (!Object.values(x).some(isMatrix)) {
    skip.delete('rowLabels');
    skip.delete('colLabels');
  }
  const entries = reportEntries(x, lang, maxRows, 0, skip);
  const warnings = Array.isArray(x.warnings) ? x.warnings.map(String) : [];
  const warnHtml = warnings.length
    ? `\n<div style="background:#fff4e5;border-left:4px solid #f0a020;padding:4px 8px;margin-top:6px"><strong>${escapeHtml(L.keys.warnings)}</strong><br>${warnings.map((w) => `⚠ ${escapeHtml(w)}`).join('<br>')}</div>`
    : '';
  const html = `<div class="satlab-report">\n<h4 style="margin:4px 0 6px">${escapeHtml(heading)}</h4>\n${entriesHtml(entries)}${warnHtml}\n</div>`;
  const text = [heading, '─'.repeat(Math.min(60, [...heading].length)), entriesText(entries), ...warnings.map((w) => `⚠ ${w}`)].join('\n');
  return { data: { 'text/html': html, 'text/plain': text }, metadata: {} };
}

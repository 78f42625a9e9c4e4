/** The MIME bundle of each kind of value `toBundle` knows (internal). */
import { renderSvgSync } from '@satlab/charts';
import type { Table } from '@satlab/data';
import { columnCells, columnDecimals, formatFixed, formatScalar, isPValueKey } from './cells.js';
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

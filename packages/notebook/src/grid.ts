/** A table of text cells and its HTML and plain-text layouts (internal). */
import { escapeHtml, textTable } from '@satlab/format';
import { labels } from './labels.js';
import type { Lang } from './labels.js';

export interface Grid {
  header: string[];
  /** Hover titles of the header cells (e.g. codebook labels). */
  titles?: (string | undefined)[];
  /** The rows shown (already cut to maxRows). */
  rows: string[][];
  /** Right-align column j. */
  numeric: boolean[];
  /** Rows in the whole table (≥ rows.length). */
  total: number;
  /** Columns named in the caption; default header.length (a matrix excludes its row-label column). */
  nCols?: number;
}

const CSS_TABLE = 'border-collapse:collapse;font-size:0.9em';
const CSS_CELL = 'padding:2px 8px;border-bottom:1px solid #ddd';

/** HTML layout: every header and cell escaped, a caption with the shape, a note on the rows left out. */
export function gridHtml(g: Grid, lang: Lang, title?: string): string {
  const L = labels(lang);
  const caption = [title, L.shape(g.total, g.nCols ?? g.header.length)].filter(Boolean).map((s) => escapeHtml(s as string)).join(' — ');
  const th = g.header
    .map((h, j) => {
      const t = g.titles?.[j];
      return `<th style="${CSS_CELL};text-align:${g.numeric[j] ? 'right' : 'left'}"${t ? ` title="${escapeHtml(t)}"` : ''}>${escapeHtml(h)}</th>`;
    })
    .join('');
  const body = g.rows
    .map((r) => `<tr>${r.map((c, j) => `<td style="${CSS_CELL};text-align:${g.numeric[j] ? 'right' : 'left'}">${escapeHtml(c)}</td>`).join('')}</tr>`)
    .join('\n');
  const more = g.total > g.rows.length ? `\n<p style="margin:4px 0;color:#555"><em>${escapeHtml(L.moreRows(g.total - g.rows.length))}</em></p>` : '';
  const empty = g.total === 0 ? `\n<p style="margin:4px 0;color:#555"><em>${escapeHtml(L.empty)}</em></p>` : '';
  return (
    `<div class="satlab-table">\n<table style="${CSS_TABLE}">\n<caption style="caption-side:top;text-align:left;font-weight:bold;padding-bottom:4px">${caption}</caption>\n` +
    `<thead><tr>${th}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>${more}${empty}\n</div>`
  );
}

/** Plain-text layout: title and shape, aligned columns, the note on the rows left out. */
export function gridText(g: Grid, lang: Lang, title?: string): string {
  const L = labels(lang);
  const lines = [[title, L.shape(g.total, g.nCols ?? g.header.length)].filter(Boolean).join(' — ')];
  if (g.header.length > 0) lines.push(textTable(g.rows, { header: g.header, align: g.numeric.map((n) => (n ? 'right' : 'left')) }));
  if (g.total > g.rows.length) lines.push(L.moreRows(g.total - g.rows.length));
  if (g.total === 0) lines.push(L.empty);
  return lines.join('\n');
}

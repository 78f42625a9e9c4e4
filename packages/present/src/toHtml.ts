import { escapeHtml } from '@satlab/format';
import type { Presentation, PresentedCell, PresentedColumn, PresentedTable } from './types.js';
import { summaryItem } from './toText.js';
import { RENDER_WORDS } from './words.js';

/**
 * A small stylesheet for {@link toHtml}'s classes (numbers right-aligned with tabular figures,
 * totals after a rule, marks coloured, warnings in amber). Include it once per page.
 */
export const PRESENT_CSS = `.satlab-presentation{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;font-size:14px;line-height:1.45;color:#1f2933;max-width:72rem}
.satlab-presentation h3{font-size:1.1em;margin:.2em 0 .3em}
.satlab-subtitle{color:#52606d;margin:.1em 0 .5em}
.satlab-summary{margin:.3em 0 .8em;padding:0;list-style:none;display:flex;flex-wrap:wrap;gap:.3em 1.4em}
.satlab-summary li{white-space:nowrap}
.satlab-table{border-collapse:collapse;margin:.4em 0 1em;font-variant-numeric:tabular-nums}
.satlab-table caption{caption-side:top;text-align:left;font-weight:600;padding:.2em 0 .4em}
.satlab-table th,.satlab-table td{padding:.25em .7em;border-bottom:1px solid #e4e7eb;vertical-align:top}
.satlab-table thead th{border-bottom:2px solid #9aa5b1;text-align:right;font-weight:600}
.satlab-table thead th.satlab-label,.satlab-table thead th.satlab-text{text-align:left}
.satlab-table th[scope=row]{text-align:left;font-weight:500}
.satlab-table td.satlab-num{text-align:right;white-space:nowrap}
.satlab-table tr.satlab-total th,.satlab-table tr.satlab-total td{font-weight:600;border-top:2px solid #9aa5b1}
.satlab-mark{margin-left:.3em;font-weight:600;color:#7c5e10}
.satlab-mark-up{color:#1c7d3a}.satlab-mark-down{color:#b42318}
.satlab-mark-good{color:#1c7d3a}.satlab-mark-bad{color:#b42318}
.satlab-table-notes{color:#52606d;font-size:.9em;margin:-.6em 0 1em}
.satlab-reading p{margin:.3em 0}
.satlab-footnotes{color:#52606d;font-size:.9em}
.satlab-warnings{background:#fff8e1;border-left:3px solid #f0b429;padding:.4em .8em .4em 1.8em;margin:.6em 0}
`;

const NUMERIC = new Set(['count', 'number', 'mean', 'percent', 'pvalue', 'interval']);

function cellClass(c: PresentedColumn): string {
  return NUMERIC.has(c.kind) ? `satlab-num satlab-${c.kind}` : `satlab-${c.kind}`;
}

function markClass(mark: string, tone?: 'good' | 'bad'): string {
  if (tone) return `satlab-mark satlab-mark-${tone}`;
  if (mark.includes('▲')) return 'satlab-mark satlab-mark-up';
  if (mark.includes('▼')) return 'satlab-mark satlab-mark-down';
  return 'satlab-mark';
}

function cellHtml(c: PresentedCell | undefined, col: PresentedColumn, header: boolean): string {
  const tag = header ? 'th' : 'td';
  const attrs = [header ? ' scope="row"' : '', ` class="${cellClass(col)}"`, c?.note ? ` title="${escapeHtml(c.note)}"` : ''].join('');
  // A mark column's own text is the mark: coloured like a mark beside a value.
  const own = c && col.kind === 'mark' && c.tone && c.t !== '' ? `<span class="${markClass(c.t, c.tone)}">${escapeHtml(c.t)}</span>` : null;
  const body = c ? (own ?? escapeHtml(c.t)) + (c.mark ? `<span class="${markClass(c.mark, c.tone)}">${escapeHtml(c.mark)}</span>` : '') : '';
  return `<${tag}${attrs}>${body}</${tag}>`;
}

/**
 * One presented table as an HTML `<table>` with its `<caption>`, header cells and marked totals.
 *
 * @example
 * import { crossTab } from '@satlab/stats';
 * const p = presentCrossTab(crossTab(['Auto', 'Habitation', 'Auto'], ['Oui', 'Non', 'Non']), { lang: 'fr', labels: { rows: 'contrat', cols: 'avis' } });
 * const html = tableHtml(p.tables[0]);
 * html.split('\n')[0]; //=> '<table class="satlab-table" data-id="counts"><caption>Effectifs</caption>'
 * html.includes('<tr class="satlab-total"><th scope="row" class="satlab-label">Total</th>'); //=> true
 */
export function tableHtml(t: PresentedTable): string {
  const totals = new Set(t.totalRows ?? []);
  const head = `<thead><tr>${t.columns.map((c) => `<th scope="col" class="${cellClass(c)}">${escapeHtml(c.label)}</th>`).join('')}</tr></thead>`;
  const body = t.rows
    .map((r, i) => `<tr${totals.has(i) ? ' class="satlab-total"' : ''}>${t.columns.map((c, j) => cellHtml(r[j], c, j === 0 && t.rowHeader === true)).join('')}</tr>`)
    .join('\n');
  const caption = t.title ? `<caption>${escapeHtml(t.title)}</caption>` : '';
  const notes = (t.notes ?? []).length ? `\n<p class="satlab-table-notes">${(t.notes ?? []).map(escapeHtml).join('<br>')}</p>` : '';
  return `<table class="satlab-table" data-id="${escapeHtml(t.id)}">${caption}\n${head}\n<tbody>\n${body}\n</tbody></table>${notes}`;
}

/**
 * A presentation as an HTML fragment: a `<section class="satlab-presentation">` with the title,
 * the key figures, labelled tables (`<caption>`, `<th scope>`, totals in `tr.satlab-total`,
 * significance marks in `span.satlab-mark`), the reading, footnotes and warnings. Every text is
 * escaped; style it with {@link PRESENT_CSS} (or `{ css: true }` to inline it).
 *
 * @example
 * import { crossTab } from '@satlab/stats';
 * const p = presentCrossTab(crossTab(['Auto', 'Habitation', 'Auto'], ['Oui', 'Non', 'Non']), { lang: 'fr', labels: { rows: 'contrat', cols: 'avis' } });
 * toHtml(p).split('\n').slice(0, 3);
 * //=> ['<section class="satlab-presentation" lang="fr" data-kind="crossTab">', '<h3>Tableau croisé contrat × avis</h3>', '<p class="satlab-subtitle">n = 3</p>']
 * toHtml(p, { css: true }).startsWith('<style>'); //=> true
 */
export function toHtml(p: Presentation, opts: { css?: boolean } = {}): string {
  const w = RENDER_WORDS[p.lang];
  const out: string[] = [];
  if (opts.css) out.push(`<style>${PRESENT_CSS}</style>`);
  out.push(`<section class="satlab-presentation" lang="${p.lang}" data-kind="${escapeHtml(p.kind)}">`);
  out.push(`<h3>${escapeHtml(p.title)}</h3>`);
  if (p.subtitle) out.push(`<p class="satlab-subtitle">${escapeHtml(p.subtitle)}</p>`);
  if (p.summary && p.summary.length) out.push(`<ul class="satlab-summary">${p.summary.map((s) => `<li>${escapeHtml(summaryItem(s.label, s.value))}</li>`).join('')}</ul>`);
  for (const t of p.tables) out.push(tableHtml(t));
  if (p.reading.length) out.push(`<div class="satlab-reading">${p.reading.map((r, k) => `<p>${k === 0 ? `<strong>${escapeHtml(w.reading)}${p.lang === 'fr' ? '&nbsp;:' : ':'}</strong> ` : ''}${escapeHtml(r)}</p>`).join('')}</div>`);
  if (p.footnotes.length) out.push(`<ul class="satlab-footnotes">${p.footnotes.map((f) => `<li>${escapeHtml(f)}</li>`).join('')}</ul>`);
  if (p.warnings.length) out.push(`<ul class="satlab-warnings" aria-label="${escapeHtml(w.warnings)}">${p.warnings.map((x) => `<li>${escapeHtml(x)}</li>`).join('')}</ul>`);
  out.push('</section>');
  return out.join('\n');
}

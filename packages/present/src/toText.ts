import { textTable } from '@satlab/format';
import type { Align } from '@satlab/format';
import type { Presentation, PresentedCell, PresentedTable } from './types.js';
import { RENDER_WORDS } from './words.js';

const cellText = (c: PresentedCell | undefined): string => (c ? (c.mark ? `${c.t} ${c.mark}` : c.t) : '');

/** `label = value`, or `label < value` when the value already starts with a comparison. */
export function summaryItem(label: string, value: PresentedCell): string {
  const t = cellText(value);
  return /^[<>≤≥]/.test(t) ? `${label} ${t}` : `${label} = ${t}`;
}

/**
 * One presented table laid out as text (title line, header rule, a rule before total rows).
 *
 * @example
 * import { crossTab } from '@satlab/stats';
 * const p = presentCrossTab(crossTab(['Auto', 'Habitation', 'Auto'], ['Oui', 'Non', 'Non']), { lang: 'fr', labels: { rows: 'contrat', cols: 'avis' } });
 * tableText(p.tables[0]).split('\n');
 * //=> ['Effectifs', '', 'contrat     Non  Oui  Total', '──────────  ───  ───  ─────', 'Auto          1    1      2',
 * //    'Habitation    1    0      1', '──────────  ───  ───  ─────', 'Total         2    1      3']
 */
export function tableText(table: PresentedTable): string {
  const header = table.columns.map((c) => c.label);
  const align: Align[] = table.columns.map((c, j) => (c.kind === 'label' || c.kind === 'text' || (j === 0 && table.rowHeader) ? 'left' : 'right'));
  const rows = table.rows.map((r) => table.columns.map((_, j) => cellText(r[j])));
  const totals = new Set(table.totalRows ?? []);
  let body = textTable(rows, { header, align });
  if (totals.size > 0) {
    // A rule above the first total row, as printed tables do.
    const lines = body.split('\n');
    const first = Math.min(...totals);
    const rule = lines[1];
    lines.splice(first + 2, 0, rule);
    body = lines.join('\n');
  }
  const parts = [];
  if (table.title) parts.push(table.title, '');
  parts.push(body);
  for (const n of table.notes ?? []) parts.push(n);
  return parts.join('\n');
}

/**
 * A presentation as plain text, laid out like R's `print` of an `htest`: the title, the data
 * line, the key figures on one line (`X-squared = 12.3, df = 4, p-value = 0.015` style), then each
 * table, the reading, footnotes and warnings, in the presentation's language.
 *
 * @example
 * import { chiSquareTest } from '@satlab/stats';
 * const lines = toText(presentChiSquare(chiSquareTest([[30, 10], [15, 25]]), { lang: 'en' })).split('\n');
 * lines.slice(0, 3); //=> ["Pearson's chi-squared test of independence with Yates' continuity correction", 'Data: rows (n = 80)', '']
 * lines[3]; //=> "χ² = 9.96, df = 1, p-value = 0.002, Cramér's V = 0.378"…
 */
export function toText(p: Presentation): string {
  const w = RENDER_WORDS[p.lang];
  const colon = p.lang === 'fr' ? ' :' : ':';
  const out: string[] = [p.title];
  if (p.subtitle) out.push(p.subtitle);
  if (p.summary && p.summary.length) {
    out.push('');
    const items = p.summary.map((s) => summaryItem(s.label, s.value));
    // Several per line, like R's htest print, wrapped at about 100 characters.
    let line = '';
    for (const it of items) {
      if (line && line.length + it.length + 2 > 100) {
        out.push(line);
        line = it;
      } else line = line ? `${line}${p.lang === 'fr' ? ' ; ' : ', '}${it}` : it;
    }
    if (line) out.push(line);
  }
  for (const t of p.tables) out.push('', tableText(t));
  if (p.reading.length) {
    out.push('');
    p.reading.forEach((r, k) => out.push(k === 0 ? `${w.reading}${colon} ${r}` : r));
  }
  if (p.footnotes.length) {
    out.push('', `${w.notes}${colon}`);
    for (const f of p.footnotes) out.push(`  ${f}`);
  }
  if (p.warnings.length) {
    out.push('', `${w.warnings}${colon}`);
    for (const x of p.warnings) out.push(`  - ${x}`);
  }
  return out.join('\n') + '\n';
}

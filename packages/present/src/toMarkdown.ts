import type { Presentation, PresentedCell, PresentedTable } from './types.js';
import { summaryItem } from './toText.js';
import { RENDER_WORDS } from './words.js';

/** Escapes Markdown table/inline syntax in a cell or a sentence. */
function md(s: string): string {
  return s.replace(/([\\|*_`[\]<>])/g, '\\$1').replace(/\n/g, ' ');
}

const cellMd = (c: PresentedCell | undefined): string => (c ? md(c.mark ? `${c.t} ${c.mark}` : c.t) : '');

/**
 * One presented table as a GitHub-flavoured pipe table (totals in bold).
 *
 * @example
 * import { crossTab } from '@satlab/stats';
 * const p = presentCrossTab(crossTab(['Auto', 'Habitation', 'Auto'], ['Oui', 'Non', 'Non']), { lang: 'fr', labels: { rows: 'contrat', cols: 'avis' } });
 * tableMarkdown(p.tables[0]).split('\n');
 * //=> ['**Effectifs**', '', '| contrat | Non | Oui | Total |', '| :--- | ---: | ---: | ---: |', '| Auto | 1 | 1 | 2 |',
 * //    '| Habitation | 1 | 0 | 1 |', '| **Total** | **2** | **1** | **3** |']
 */
export function tableMarkdown(t: PresentedTable): string {
  const totals = new Set(t.totalRows ?? []);
  const right = (k: string): boolean => k !== 'label' && k !== 'text';
  const lines = [`| ${t.columns.map((c) => md(c.label)).join(' | ')} |`, `| ${t.columns.map((c, j) => (right(c.kind) && !(j === 0 && t.rowHeader) ? '---:' : ':---')).join(' | ')} |`];
  t.rows.forEach((r, i) => {
    const cells = t.columns.map((_, j) => cellMd(r[j]));
    lines.push(`| ${(totals.has(i) ? cells.map((c) => (c ? `**${c}**` : c)) : cells).join(' | ')} |`);
  });
  const head = t.title ? `**${md(t.title)}**\n\n` : '';
  const notes = (t.notes ?? []).map((n) => `\n${md(n)}`).join('\n');
  return head + lines.join('\n') + (notes ? `\n${notes}` : '');
}

/**
 * A presentation as Markdown: a `###` title, the key figures, pipe tables, the reading,
 * footnotes and warnings (as a quote). Table cells and texts are escaped.
 *
 * @example
 * import { crossTab } from '@satlab/stats';
 * const p = presentCrossTab(crossTab(['Auto', 'Habitation', 'Auto'], ['Oui', 'Non', 'Non']), { lang: 'fr', labels: { rows: 'contrat', cols: 'avis' } });
 * toMarkdown(p).split('\n').slice(0, 3); //=> ['### Tableau croisé contrat × avis', '', '*n = 3*']
 */
export function toMarkdown(p: Presentation): string {
  const w = RENDER_WORDS[p.lang];
  const colon = p.lang === 'fr' ? '\u00a0:' : ':';
  const out: string[] = [`### ${md(p.title)}`];
  if (p.subtitle) out.push('', `*${md(p.subtitle)}*`);
  if (p.summary && p.summary.length) out.push('', p.summary.map((s) => md(summaryItem(s.label, s.value))).join(' · '));
  for (const t of p.tables) out.push('', tableMarkdown(t));
  if (p.reading.length) out.push('', p.reading.map((r, k) => (k === 0 ? `**${w.reading}${colon}** ${md(r)}` : md(r))).join('\n\n'));
  if (p.footnotes.length) out.push('', ...p.footnotes.map((f) => `- ${md(f)}`));
  if (p.warnings.length) out.push('', `> **${w.warnings}${colon}**`, ...p.warnings.map((x) => `> - ${md(x)}`));
  return out.join('\n') + '\n';
}

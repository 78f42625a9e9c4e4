/** Internal: verbatims by theme (latest wave). Every verbatim is escaped; themes come from the config's lexicon. */
import type { CsvCell } from '@satlab/data';
import { factorOf, getColumn, numericValues } from '@satlab/data';
import type { ReportSummary } from '../types.js';
import type { Ctx, SectionOut } from './context.js';
import { columnScale, localText } from './context.js';
import type { Cell } from './html.js';
import { esc, htmlTable, raw, section } from './html.js';
import { foldText, themeMatchers } from './themes.js';
import { col as pcol, num, table, txt } from './presented.js';
import { M } from '../messages.js';

export function verbatimSection(ctx: Ctx): { out: SectionOut; summary: ReportSummary['verbatims'] } | null {
  const { config, T, f, lang } = ctx;
  if (!config.verbatim) return null;
  ctx.progress(M.stepVerbatims());
  const title = T.sectionVerbatims;
  const t = ctx.latestTable;
  const col = getColumn(t, config.verbatim.column);
  const text: (string | null)[] =
    col.type === 'text' || col.type === 'id' ? col.values : col.type === 'categorical' || col.type === 'ordinal' ? Array.from(col.codes, (c) => (c < 0 ? null : col.levels[c])) : [];
  const overall = numericValues(t, config.overall.column);
  const scale = columnScale(t, config.overall.column) ?? [1, 4];
  const mid = (scale[0] + scale[1]) / 2;
  const seg = ctx.segment ? factorOf(t, ctx.segment.column) : null;
  const themes = config.verbatim.themes;
  const names = themes.map((th) => localText(th.name, lang));
  const match = themeMatchers(themes);
  const comments: { i: number; text: string; themes: number[] }[] = [];
  text.forEach((s, i) => {
    if (s === null || s.trim() === '') return;
    const folded = foldText(s);
    comments.push({ i, text: s, themes: match.map((m, k) => (m(folded) ? k : -1)).filter((k) => k >= 0) });
  });
  const total = comments.length;
  const dissatisfied = (i: number): boolean => overall[i] < mid;
  const counts = names.map((_, k) => comments.filter((c) => c.themes.includes(k)));
  const unclassified = comments.filter((c) => c.themes.length === 0);
  if (total === 0) {
    return { out: { id: 'verbatims', title, html: section('verbatims', title, `<p class="note">${esc(T.verbNone)}</p>`), tables: [] }, summary: { column: config.verbatim.column, total: 0, unclassified: 0, themes: names.map((name) => ({ name, count: 0 })) } };
  }
  let html = `<p class="intro">${esc(T.verbIntro(f.num(total, 0), f.num(t.nRows, 0)))}</p>`;
  const max = Math.max(1, ...counts.map((c) => c.length), unclassified.length);
  const bar = (k: number): Cell => raw(`<span class="bar" style="width:${Math.round((120 * k) / max)}px"></span>`);
  const row = (name: string, list: typeof comments): Cell[] => [name, f.num(list.length, 0), f.pct(list.length / total), bar(list.length), list.length > 0 ? f.pct(list.filter((c) => dissatisfied(c.i)).length / list.length) : ''];
  const rows: Cell[][] = [...names.map((n, k) => row(n, counts[k])), row(T.verbUnclassified, unclassified)];
  html += htmlTable([T.colTheme, T.colComments, T.colShare, '', T.colDissShare], rows, { align: ['l', 'r', 'r', 'l', 'r'] });
  const who = (i: number): string => {
    const parts: string[] = [];
    if (seg && seg.codes[i] >= 0) parts.push(ctx.tr.level(seg.name, seg.levels[seg.codes[i]]));
    if (!Number.isNaN(overall[i])) parts.push(`${T.verbOverall} ${f.num(overall[i], 0)}`);
    return parts.join(' · ');
  };
  const k = config.verbatim.examples;
  if (k > 0) {
    names.forEach((n, j) => {
      const ex = counts[j].slice(0, k);
      if (ex.length === 0) return;
      html += `<h3>${esc(n)} <span class="muted">(${esc(f.num(counts[j].length, 0))})</span></h3>`;
      html += `<p class="note">${esc(T.verbExamples(String(ex.length)))}</p>`;
      html += ex.map((c) => `<blockquote>${esc(c.text)}<span class="who">${esc(who(c.i))}</span></blockquote>`).join('\n');
    });
    const ex = unclassified.slice(0, k);
    if (ex.length > 0) {
      html += `<h3>${esc(T.verbUnclassified)} <span class="muted">(${esc(f.num(unclassified.length, 0))})</span></h3>`;
      html += ex.map((c) => `<blockquote>${esc(c.text)}<span class="who">${esc(who(c.i))}</span></blockquote>`).join('\n');
    }
  }
  const themeCsv: CsvCell[][] = [['theme', 'comments', 'share_of_comments', 'dissatisfied_share'], ...names.map((n, j) => [n, counts[j].length, counts[j].length / total, counts[j].length ? counts[j].filter((c) => dissatisfied(c.i)).length / counts[j].length : null] as CsvCell[]), [T.verbUnclassified, unclassified.length, unclassified.length / total, unclassified.length ? unclassified.filter((c) => dissatisfied(c.i)).length / unclassified.length : null]];
  const verbCsv: CsvCell[][] = [['row', ...(seg ? ['segment'] : []), 'overall', 'themes', 'verbatim']];
  for (const c of comments) verbCsv.push([c.i + 1, ...(seg ? [seg.codes[c.i] < 0 ? null : seg.levels[seg.codes[c.i]]] : []), Number.isNaN(overall[c.i]) ? null : overall[c.i], c.themes.map((x) => names[x]).join('; '), c.text]);
  return {
    out: {
      id: 'verbatims',
      title,
      html: section('verbatims', title, html),
      tables: [{ name: 'verbatim_themes', title, rows: themeCsv }, { name: 'verbatims', title, rows: verbCsv }],
      sheet: [
        table('verbatim_themes', title, [pcol('theme', T.colTheme, 'label'), pcol('comments', T.colComments, 'count'), pcol('share', T.colShare, 'percent', 1), pcol('dissatisfied', T.colDissShare, 'percent', 1)], [...names.map((n, j) => [n, counts[j]] as const), [T.verbUnclassified, unclassified] as const].map(([n, list]) => [txt(n), num(list.length, f.num(list.length, 0)), num(list.length / total, f.pct(list.length / total)), list.length > 0 ? num(list.filter((x) => dissatisfied(x.i)).length / list.length, f.pct(list.filter((x) => dissatisfied(x.i)).length / list.length)) : num(null, '')])),
        table(
          'verbatims',
          T.colComments,
          [pcol('verbatim', T.colComments, 'text'), pcol('themes', T.colTheme, 'text'), ...(seg ? [pcol('segment', ctx.segment?.label ?? T.colSegment, 'text')] : []), pcol('overall', T.verbOverall.charAt(0).toUpperCase() + T.verbOverall.slice(1), 'count'), pcol('row', lang === 'fr' ? 'Ligne' : 'Row', 'count')],
          comments.map((x) => [txt(x.text), txt(x.themes.map((k) => names[k]).join(' ; ')), ...(seg ? [txt(seg.codes[x.i] < 0 ? '' : ctx.tr.level(seg.name, seg.levels[seg.codes[x.i]]))] : []), num(Number.isNaN(overall[x.i]) ? null : overall[x.i], f.num(overall[x.i], 0)), num(x.i + 1, String(x.i + 1))]),
        )
      ],
    },
    summary: { column: config.verbatim.column, total, unclassified: unclassified.length, themes: names.map((name, j) => ({ name, count: counts[j].length })) },
  };
}

/** Internal: verbatims by theme (latest wave). Every verbatim is escaped; themes come from the config's lexicon. */
import type { CsvCell } from '@satlab/data';
import { factorOf, getColumn, numericValues } from '@satlab/data';
import type { ReportSummary } from '../types.js';
import type { Ctx, SectionOut } from './context.js';
import { columnScale, localText } from './context.js';
import { esc, forReport, presentedTableHtml, section } from './html.js';
import { foldText, themeMatchers } from './themes.js';
import { presentVerbatimThemes } from '@satlab/present';
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
  // The table is presentVerbatimThemes' (comments, share, share written by dissatisfied
  // respondents, the unclassified last), with a bar beside the share; the workbook also lists
  // the comments (presentVerbatimThemes' second table).
  const segmentOf = (i: number): string | null => (seg && seg.codes[i] >= 0 ? ctx.tr.level(seg.name, seg.levels[seg.codes[i]]) : null);
  const theme = (list: typeof comments) => ({ count: list.length, dissatisfied: list.filter((c) => dissatisfied(c.i)).length });
  const p = presentVerbatimThemes(
    {
      total,
      themes: names.map((name, k) => ({ name, ...theme(counts[k]) })),
      unclassified: theme(unclassified),
      comments: comments.map((x) => ({ text: x.text, themes: x.themes.map((k) => names[k]), ...(seg ? { segment: segmentOf(x.i) } : {}), score: Number.isNaN(overall[x.i]) ? null : overall[x.i], row: x.i + 1 })),
    },
    { lang, segmentHeader: ctx.segment?.label ?? T.colSegment, scoreHeader: T.verbOverall },
  );
  const themesTable = forReport({ ...p.tables[0], title, notes: [...p.reading, ...p.footnotes] });
  html += presentedTableHtml(themesTable, { bar: 'share' });
  const who = (i: number): string => {
    const parts: string[] = [];
    const s = segmentOf(i);
    if (s !== null) parts.push(s);
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
      sheet: [themesTable, forReport(p.tables[1])],
    },
    summary: { column: config.verbatim.column, total, unclassified: unclassified.length, themes: names.map((name, j) => ({ name, count: counts[j].length })) },
  };
}

/**
 * Internal: verbatims tied to scores — the terms that separate NPS detractors from
 * promoters (weighted log-odds, @satlab/text), the themes of the config's lexicon among
 * detractors vs promoters, by segment and by wave with ▲/▼, as charts and tables. Comments and
 * terms reach the HTML only through `tableHtml` of @satlab/present and `esc`, which escape them.
 */
import type { CsvCell } from '@satlab/data';
import { factorOf, getColumn, numericValues } from '@satlab/data';
import { termsChart, themesChart } from '@satlab/charts';
import { presentVerbatims, tableHtml } from '@satlab/present';
import type { ThemeDictionary, VerbatimsResult } from '@satlab/text';
import { analyzeVerbatims, defaultThemes } from '@satlab/text';
import type { VerbatimTheme } from '../types.js';
import type { Ctx, SectionOut } from './context.js';
import { localText, n12 } from './context.js';
import { esc, section } from './html.js';
import { CHART_W, chart } from './render.js';
import { M } from '../messages.js';

const W = {
  fr: { title: 'Verbatims et recommandation', intro: (n: string, w: string) => `Ce que les détracteurs (0 à 6) et les promoteurs (9-10) écrivent, sur les ${n} commentaires de la dernière vague (${w}) ; les thèmes sont ceux du lexique de la section précédente.`, waves: 'Thèmes d’une vague à l’autre (toutes les vagues).' },
  en: { title: 'Verbatims and recommendation', intro: (n: string, w: string) => `What detractors (0–6) and promoters (9–10) write, over the ${n} comments of the latest wave (${w}); the themes are the lexicon's of the previous section.`, waves: 'Themes wave on wave (every wave).' },
};

/** The config's lexicon (keywords matched at the start of a word) as a @satlab/text theme dictionary. */
function dictionary(themes: readonly VerbatimTheme[]): ThemeDictionary {
  const entry = (k: string): string => (/\s/.test(k.trim()) || k.trim().length < 3 ? k.trim() : `${k.trim()}*`);
  return {
    name: 'report lexicon',
    themes: themes.map((t, i) => ({ id: `t${i + 1}`, label: { fr: localText(t.name, 'fr'), en: localText(t.name, 'en') }, fr: t.keywords.fr.map(entry), en: t.keywords.en.map(entry) })),
  };
}

function strings(ctx: Ctx, column: string, rows: readonly number[]): (string | null)[] {
  const col = getColumn(ctx.table, column);
  if (col.type === 'text' || col.type === 'id') return rows.map((i) => col.values[i]);
  if (col.type === 'categorical' || col.type === 'ordinal') return rows.map((i) => (col.codes[i] < 0 ? null : col.levels[col.codes[i]]));
  return rows.map(() => null);
}

/** The section, or null when the config has no verbatim or no NPS column. */
export async function verbatimScoresSection(ctx: Ctx): Promise<SectionOut | null> {
  const { config, lang, f } = ctx;
  if (!config.verbatim || !config.nps) return null;
  ctx.progress(M.stepVerbatimScores());
  const w = W[lang];
  const themes = config.verbatim.themes.length > 0 ? dictionary(config.verbatim.themes) : defaultThemes();
  const nps = numericValues(ctx.table, config.nps.column);
  const all = Array.from({ length: ctx.table.nRows }, (_, i) => i);
  const wave = factorOf(ctx.table, ctx.waveColumn);
  let r: VerbatimsResult;
  let byWave: VerbatimsResult;
  try {
    const latest = ctx.latestRows;
    r = analyzeVerbatims(
      { text: strings(ctx, config.verbatim.column, latest), score: latest.map((i) => nps[i]), ...(ctx.segment ? { by: latest.map((i) => (ctx.segment!.codes[i] < 0 ? null : ctx.tr.level(ctx.segment!.column, ctx.segment!.levels[ctx.segment!.codes[i]]))) } : {}) },
      { themes, adjust: config.comparison.adjust, source: { textColumn: config.verbatim.column, scoreColumn: config.nps.column, ...(ctx.segment ? { byColumn: ctx.segment.label } : {}) } },
    );
    byWave = analyzeVerbatims(
      { text: strings(ctx, config.verbatim.column, all), score: all.map((i) => nps[i]), wave: all.map((i) => (wave.codes[i] < 0 ? null : wave.levels[wave.codes[i]])) },
      { themes, adjust: config.comparison.adjust, waveOrder: ctx.waves, source: { waveColumn: lang === 'fr' ? 'vague' : 'wave' } },
    );
  } catch (err) {
    ctx.warn(null, (err as { detail?: never }).detail ?? (err as Error).message);
    return null;
  }
  for (const m of r.warnings) ctx.warn(w.title, m);
  const p = presentVerbatims(r, { lang, labels: ctx.segment ? { by: ctx.segment.label } : {} });
  const pw = presentVerbatims(byWave, { lang });
  const pick = (id: string, from = p) => from.tables.find((t) => t.id === id);
  let html = `<p class="intro">${esc(w.intro(f.num(r.n, 0), ctx.latest))}</p>`;
  html += `<ul>${p.reading.map((s) => `<li>${esc(s)}</li>`).join('')}</ul>`;
  html += await chart(ctx, () => termsChart(r, { lang, width: CHART_W }), 'termsChart');
  for (const id of ['detractorTerms', 'promoterTerms', 'themes']) html += tableHtml(pick(id)!);
  if (r.segments) {
    html += await chart(ctx, () => themesChart(r, { lang, by: 'segments' }), 'themesChart');
    html += tableHtml(pick('themesBySegment')!);
  }
  if (byWave.waves && byWave.waves.groups.length > 1) {
    html += `<p class="note">${esc(w.waves)}</p>`;
    html += tableHtml(pick('themesByWave', pw)!);
  }
  html += p.footnotes.map((s) => `<p class="note">${esc(s)}</p>`).join('');
  const terms: CsvCell[][] = [['side', 'term', 'comments', 'detractors', 'promoters', 'share_detractors', 'share_promoters', 'log_odds', 'z']];
  for (const [side, list] of [['detractors', r.detractorTerms], ['promoters', r.promoterTerms]] as const) {
    for (const t of list) terms.push([side, t.label, t.n, t.detractors, t.promoters, n12(t.shareDetractors), n12(t.sharePromoters), n12(t.logOdds), n12(t.z)]);
  }
  const tests: CsvCell[][] = [['theme', 'comments', 'share', 'share_detractors', 'share_promoters', 'p_value', 'p_adjusted', 'mean_nps'], ...r.themes.map((t) => [t.label[lang], t.n, n12(t.share), n12(t.shareDetractors), n12(t.sharePromoters), n12(t.pValue), n12(t.pAdjusted), n12(t.meanScore)] as CsvCell[])];
  return {
    id: 'verbatim-scores',
    title: w.title,
    html: section('verbatim-scores', w.title, html),
    tables: [{ name: 'verbatim_terms', title: w.title, rows: terms }, { name: 'verbatim_theme_tests', title: w.title, rows: tests }],
    sheet: [pick('detractorTerms')!, pick('promoterTerms')!, pick('themes')!, ...(r.segments ? [pick('themesBySegment')!] : [])],
  };
}

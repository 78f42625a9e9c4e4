/** Internal: the key-figures and trends sections (wave comparison of @satlab/barometer). */
import type { IndicatorComparison, WaveComparison } from '@satlab/barometer';
import { compareWaves } from '@satlab/barometer';
import { barometerChart } from '@satlab/charts';
import type { CsvCell } from '@satlab/data';
import type { KeyFigure, ReportSummary } from '../types.js';
import type { Ctx, SectionOut } from './context.js';
import { localText, n12 } from './context.js';
import type { ReportIndicator } from '../reportIndicators.js';
import { reportIndicators } from '../reportIndicators.js';
import type { Cell } from './html.js';
import { esc, forReport, htmlTable, markHtml, presentedTableHtml, raw, section } from './html.js';
import { CHART_W, chart } from './render.js';
import type { CellKind, PresentedTable } from '@satlab/present';
import { presentWaves } from '@satlab/present';
import { cells, col, num, table, txt } from './presented.js';
import type { Message } from '@satlab/messages';
import { M } from '../messages.js';

const ADJ_FR: Record<string, string> = { holm: 'Holm', BH: 'Benjamini-Hochberg', bonferroni: 'Bonferroni', hochberg: 'Hochberg', BY: 'Benjamini-Yekutieli', none: 'aucune' };
const ADJ_EN: Record<string, string> = { ...ADJ_FR, none: 'no' };
export const adjustName = (ctx: Ctx): string => (ctx.lang === 'fr' ? ADJ_FR : ADJ_EN)[ctx.config.comparison.adjust];

/** Value and change formatting by unit. */
function unitFormat(ctx: Ctx, unit: IndicatorComparison['unit']) {
  const { f, lang } = ctx;
  if (unit === 'share') return { value: (x: number) => f.pct(x), change: (x: number) => (lang === 'fr' ? `${f.signed(100 * x, 1)}\u00a0pt` : `${f.signed(100 * x, 1)} pt`), ci: (x: number) => f.num(100 * x, 1) };
  if (unit === 'points') return { value: (x: number) => f.num(x, 1), change: (x: number) => f.signed(x, 1), ci: (x: number) => f.num(x, 1) };
  return { value: (x: number) => f.num(x, 2), change: (x: number) => f.signed(x, 2), ci: (x: number) => f.num(x, 2) };
}

/** The family of tests adjusted together, in the report's language. */
export function familyText(ctx: Ctx, cmp: WaveComparison): string {
  if (ctx.lang === 'en') return cmp.family.description;
  const adj = adjustName(ctx);
  const k = cmp.waves.length;
  const against = cmp.against.map((a) => (a === 'previous' ? 'à la vague précédente' : 'à la première vague')).join(' et ');
  return cmp.family.scope === 'all'
    ? `correction de ${adj} sur l’ensemble des ${cmp.family.tests} tests distincts du tableau (${cmp.indicators.length} indicateurs × ${k - 1} vagues comparées ${against} ; un test répété n’est compté qu’une fois) ; tendances corrigées à part`
    : `correction de ${adj} dans chaque indicateur (${cmp.family.tests} tests au plus) ; tendances corrigées à part`;
}

export interface KeyFiguresOut {
  sections: SectionOut[];
  keyFigures: KeyFigure[];
  comparison: ReportSummary['comparison'];
  cmp: WaveComparison;
}

export async function keyFiguresSections(ctx: Ctx): Promise<KeyFiguresOut> {
  const { config, T, f, waves, latest } = ctx;
  const inds = reportIndicators(config, ctx.table, ctx.lang);
  ctx.progress(M.stepWaves());
  const cmp = compareWaves(ctx.table, {
    wave: ctx.waveColumn,
    waveOrder: waves,
    indicators: inds,
    against: config.comparison.against,
    adjust: config.comparison.adjust,
    family: config.comparison.family,
    alpha: config.comparison.alpha,
    confidence: config.comparison.confidence,
    ...(ctx.weights ? { weights: ctx.weights } : {}),
  });
  for (const w of cmp.warnings as (Message | string)[]) ctx.warn(T.sectionTrends, w);
  const k = waves.length;
  const prevWave = k >= 2 ? waves[k - 2] : null;
  const firstWave = k >= 3 ? waves[0] : null;
  const alphaText = ctx.lang === 'fr' ? `${f.num(100 * config.comparison.alpha, 1, 0)}\u00a0%` : `${f.num(100 * config.comparison.alpha, 1, 0)}%`;

  const keyFigures: KeyFigure[] = cmp.indicators.map((ind, i) => {
    const last = ind.waves[k - 1];
    const prev = last.changes.find((c) => c.against === 'previous');
    const first = last.changes.find((c) => c.against === 'first');
    return {
      indicator: ind.name,
      id: inds[i].id,
      kind: ind.kind,
      unit: ind.unit,
      value: last.value,
      ci: last.ci,
      n: last.n,
      effectiveN: last.effectiveN,
      previous: k >= 2 ? ind.waves[k - 2].value : null,
      changePrevious: prev ? prev.difference : null,
      pAdjustedPrevious: prev ? prev.pAdjusted : null,
      markPrevious: prev ? prev.mark : '',
      first: k >= 3 ? ind.waves[0].value : null,
      changeFirst: first && k >= 3 ? first.difference : null,
      pAdjustedFirst: first && k >= 3 ? first.pAdjusted : null,
      markFirst: first && k >= 3 ? first.mark : '',
      higherIsBetter: ind.higherIsBetter,
    };
  });

  // Cards.
  const card = (id: string, label: string): string => {
    const kf = keyFigures.find((x) => x.id === id);
    if (!kf) return '';
    const u = unitFormat(ctx, kf.unit);
    const change =
      kf.changePrevious === null || prevWave === null
        ? ''
        : `${esc(u.change(kf.changePrevious))} ${markHtml(kf.markPrevious, kf.higherIsBetter).html || `<span class="muted">(${esc(T.notSignificant)})</span>`} ${esc(T.vsPrevious(prevWave))}`;
    return `<div class="card" data-id="${esc(id)}"><div class="label">${esc(label)}</div><div class="value">${esc(u.value(kf.value))}</div><div class="change">${change}</div></div>`;
  };
  const cards = `<div class="cards">${card('overall', T.cardOverall)}${card('csat', T.cardCsat)}${card('nps', T.cardNps)}${card('left', T.cardLeft)}</div>`;

  // The table is presentWaves' key-figures layout (as `satlab waves --latest` and show() print
  // it): latest value, interval and n, then per reference wave its value, the change with its
  // mark coloured by the indicator's desired direction, and the adjusted p; the family below.
  const p = presentWaves(cmp, { lang: ctx.lang, layout: 'latest', ci: 'text', n: ctx.weights ? 'effective' : 'n' });
  const shown = forReport({ ...p.tables[0], notes: p.footnotes });
  const intro = firstWave && prevWave ? T.keyIntro(latest, prevWave, firstWave, adjustName(ctx), alphaText) : prevWave ? T.keyIntroTwo(latest, prevWave, adjustName(ctx), alphaText) : T.keyIntroOne(latest);
  const keyHtml = `<p class="intro">${esc(intro)}</p>\n${cards}\n${presentedTableHtml(shown)}`;
  // The workbook: one table per unit (each column one number format), marks in their own column.
  const book = presentWaves(cmp, { lang: ctx.lang, layout: 'latest', ci: 'bounds', n: ctx.weights ? 'effective' : 'n', marks: 'column', byUnit: true });
  const keySheet = book.tables.map((t, i) => forReport(i === 0 ? { ...t, notes: book.footnotes } : t));

  const kfTable: CsvCell[][] = [['indicator', 'id', 'unit', 'wave', 'value', 'ci_lower', 'ci_upper', 'n', 'effective_n', 'previous_wave', 'previous_value', 'change_previous', 'p_adjusted_previous', 'mark_previous', 'first_wave', 'first_value', 'change_first', 'p_adjusted_first', 'mark_first']];
  for (const kf of keyFigures) {
    kfTable.push([kf.indicator, kf.id, kf.unit, latest, n12(kf.value), n12(kf.ci[0]), n12(kf.ci[1]), kf.n, n12(kf.effectiveN), prevWave, n12(kf.previous), n12(kf.changePrevious), n12(kf.pAdjustedPrevious), kf.markPrevious, firstWave, n12(kf.first), n12(kf.changeFirst), n12(kf.pAdjustedFirst), kf.markFirst]);
  }
  const wcTable: CsvCell[][] = [['indicator', 'wave', 'value', 'ci_lower', 'ci_upper', 'n', 'effective_n', 'against', 'reference', 'difference', 'diff_ci_lower', 'diff_ci_upper', 'statistic', 'df', 'p_value', 'p_adjusted', 'mark', 'test']];
  for (const ind of cmp.indicators) {
    for (const w of ind.waves) {
      const base: CsvCell[] = [ind.name, w.wave, n12(w.value), n12(w.ci[0]), n12(w.ci[1]), w.n, n12(w.effectiveN)];
      if (w.changes.length === 0) wcTable.push([...base, null, null, null, null, null, null, null, null, null, null, ind.test]);
      for (const c of w.changes) wcTable.push([...base, c.against, c.reference, n12(c.difference), n12(c.ci[0]), n12(c.ci[1]), n12(c.statistic), n12(c.df), n12(c.pValue), n12(c.pAdjusted), c.mark, ind.test]);
    }
  }
  const sections: SectionOut[] = [{ id: 'key-figures', title: `${T.sectionKeyFigures} — ${latest}`, html: '', tables: [], sheet: keySheet }];
  sections[0].html = section('key-figures', sections[0].title, keyHtml);
  sections[0].tables.push({ name: 'key_figures', title: T.sectionKeyFigures, rows: kfTable }, { name: 'wave_comparison', title: T.sectionTrends, rows: wcTable });

  // Trends (two waves or more).
  if (k >= 2) {
    ctx.progress(M.stepTrends());
    const series = (list: IndicatorComparison[]) =>
      list.flatMap((ind) =>
        ind.waves
          .filter((w) => Number.isFinite(w.value) && Number.isFinite(w.ci[0]))
          .map((w) => ({ indicator: shortName(ctx, ind, inds), wave: w.wave, value: w.value, ci: w.ci, significant: w.changes.some((c) => c.against === 'previous' && c.significant) })),
      );
    const byId = (id: string) => cmp.indicators[inds.findIndex((x) => x.id === id)];
    const moved = cmp.indicators.filter((ind, i) => inds[i].kind === 'mean' && config.attributes.some((a) => a.satisfaction === inds[i].id) && ind.waves.some((w) => w.changes.some((c) => c.significant)));
    const means = [byId('overall'), ...moved];
    let html = `<p class="intro">${esc(T.trendsIntro)}</p>`;
    html += await chart(ctx, () => barometerChart({ series: series(means) }, { lang: ctx.lang, width: CHART_W, height: 320, title: moved.length > 0 ? T.trendMeansTitle : T.trendMeansNoChange, yTitle: ctx.lang === 'fr' ? 'Moyenne (IC à 95\u00a0%)' : 'Mean (95% CI)' }), 'barometerChart');
    const shares = cmp.indicators.filter((ind) => ind.unit === 'share');
    if (shares.length > 0) html += await chart(ctx, () => barometerChart({ series: series(shares) }, { lang: ctx.lang, width: CHART_W, height: 300, title: T.trendSharesTitle, format: '.0%', yTitle: ctx.lang === 'fr' ? 'Part (IC à 95\u00a0%)' : 'Share (95% CI)' }), 'barometerChart');
    const nps = cmp.indicators.filter((ind) => ind.unit === 'points');
    if (nps.length > 0) html += await chart(ctx, () => barometerChart({ series: series(nps) }, { lang: ctx.lang, width: CHART_W, height: 300, title: T.trendNpsTitle, yTitle: ctx.lang === 'fr' ? 'NPS (IC à 95\u00a0%)' : 'NPS (95% CI)' }), 'barometerChart');
    const trendRows: Cell[][] = [];
    const trendCsv: CsvCell[][] = [['indicator', 'slope_per_wave', 'se', 'ci_lower', 'ci_upper', 'z', 'p_value', 'p_adjusted', 'mark', 'method']];
    for (const ind of cmp.indicators) {
      const t = ind.trend;
      if (!t) continue;
      const u = unitFormat(ctx, ind.unit);
      const plain = ind.unit === 'share' ? (x: number) => f.signed(100 * x, 1) : ind.unit === 'points' ? (x: number) => f.signed(x, 1) : (x: number) => f.signed(x, 2);
      trendRows.push([ind.name, raw(`${esc(u.change(t.slope))} ${markHtml(t.mark, ind.higherIsBetter).html}`), f.ci(t.ci, plain), f.p(t.pAdjusted)]);
      trendCsv.push([ind.name, n12(t.slope), n12(t.se), n12(t.ci[0]), n12(t.ci[1]), n12(t.statistic), n12(t.pValue), n12(t.pAdjusted), t.mark, t.method]);
    }
    if (trendRows.length > 0) html += `<h3>${esc(T.trendTable)}</h3>` + htmlTable([T.colIndicator, T.colSlope, T.colCI, T.colPAdj], trendRows);
    sections.push({ id: 'trends', title: T.sectionTrends, html: section('trends', T.sectionTrends, html), tables: trendCsv.length > 1 ? [{ name: 'trends', title: T.trendTable, rows: trendCsv }] : [], sheet: trendSheet(ctx, cmp) });
  }

  const significantChanges: ReportSummary['comparison']['significantChanges'] = [];
  for (const ind of cmp.indicators) for (const w of ind.waves) for (const c of w.changes) if (c.significant && !c.sameTestAs) significantChanges.push({ indicator: ind.name, wave: w.wave, against: c.against, difference: c.difference, pAdjusted: c.pAdjusted, mark: c.mark });
  return {
    sections,
    keyFigures,
    comparison: { adjust: config.comparison.adjust, family: cmp.family.description, tests: cmp.family.tests, alpha: config.comparison.alpha, significantChanges },
    cmp,
  };
}

/** Chart legends: the attribute's own name rather than "Satisfaction — name". */
function shortName(ctx: Ctx, ind: IndicatorComparison, inds: ReportIndicator[]): string {
  const spec = inds.find((x) => x.name === ind.name);
  const a = ctx.config.attributes.find((x) => x.satisfaction === spec?.id);
  if (a) return localText(a.name, ctx.lang);
  if (spec?.id === 'overall') return ctx.T.cardOverall;
  if (spec?.id === 'csat') return ctx.T.cardCsat;
  if (spec?.id === 'left') return ctx.T.cardLeft;
  return ind.name;
}

const UNITS: readonly IndicatorComparison['unit'][] = ['share', 'scale', 'points'];
const unitTitle = (ctx: Ctx, u: IndicatorComparison['unit']): string => (u === 'share' ? ctx.T.unitShare : u === 'points' ? ctx.T.unitPoints : ctx.T.unitMean);
/** Kind and decimals of values (and of changes, in points for shares) by unit. */
const unitKind = (u: IndicatorComparison['unit']): { kind: CellKind; digits: number } => (u === 'share' ? { kind: 'percent', digits: 1 } : u === 'points' ? { kind: 'number', digits: 1 } : { kind: 'mean', digits: 2 });

/** Every wave side by side (one table per unit), then the linear trend per wave. */
function trendSheet(ctx: Ctx, cmp: WaveComparison): PresentedTable[] {
  const { T, f } = ctx;
  const c = cells(ctx);
  const out: PresentedTable[] = [];
  for (const unit of UNITS) {
    const list = cmp.indicators.filter((i) => i.unit === unit);
    if (list.length === 0) continue;
    const { kind, digits } = unitKind(unit);
    const columns = [col('indicator', T.colIndicator, 'label'), ...cmp.waves.map((w, j) => col(`wave_${j + 1}`, w, kind, digits)), col('trend', T.colSlope + (unit === 'share' ? ' (points)' : ''), 'number', unit === 'share' ? 1 : digits), col('mark', T.colSig, 'mark'), col('p', T.colPAdj, 'pvalue')];
    const rows = list.map((ind) => {
      const t = ind.trend;
      const slope = !t ? num(null, '') : unit === 'share' ? num(100 * t.slope, f.signed(100 * t.slope, 1)) : num(t.slope, f.signed(t.slope, digits));
      return [txt(ind.name), ...ind.waves.map((w) => (unit === 'share' ? c.pct(w.value, digits) : c.dec(w.value, digits))), slope, txt(t ? t.mark : ''), c.p(t ? t.pAdjusted : null)];
    });
    out.push(table(`waves_${unit}`, `${T.sheetWaves} — ${unitTitle(ctx, unit)}`, columns, rows));
  }
  return out;
}

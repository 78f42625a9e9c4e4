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
import { esc, htmlTable, markHtml, raw, section } from './html.js';
import { CHART_W, chart } from './render.js';
import type { CellKind, PresentedCell, PresentedTable } from '@satlab/present';
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

  // Table.
  const header: Cell[] = [T.colIndicator, T.colValue, T.colCI, ctx.weights ? T.colEffN : T.colN];
  if (prevWave) header.push(T.colPrevious(prevWave), T.colChange(prevWave), T.colPAdj);
  if (firstWave) header.push(T.colPrevious(firstWave), T.colChange(firstWave), T.colPAdj);
  const rows: Cell[][] = keyFigures.map((kf) => {
    const u = unitFormat(ctx, kf.unit);
    const r: Cell[] = [kf.indicator, u.value(kf.value), f.ci(kf.ci, u.ci), ctx.weights ? f.num(kf.effectiveN, 0) : f.num(kf.n, 0)];
    if (prevWave) r.push(kf.previous === null ? '' : u.value(kf.previous), raw(`${esc(kf.changePrevious === null ? '' : u.change(kf.changePrevious))} ${markHtml(kf.markPrevious, kf.higherIsBetter).html}`), f.p(kf.pAdjustedPrevious));
    if (firstWave) r.push(kf.first === null ? '' : u.value(kf.first), raw(`${esc(kf.changeFirst === null ? '' : u.change(kf.changeFirst))} ${markHtml(kf.markFirst, kf.higherIsBetter).html}`), f.p(kf.pAdjustedFirst));
    return r;
  });
  const intro = firstWave && prevWave ? T.keyIntro(latest, prevWave, firstWave, adjustName(ctx), alphaText) : prevWave ? T.keyIntroTwo(latest, prevWave, adjustName(ctx), alphaText) : T.keyIntroOne(latest);
  const foot = familyText(ctx, cmp) + (ctx.weights ? (ctx.lang === 'fr' ? ' ; données pondérées (calage sur marges), tests sur le n effectif de Kish.' : ` — ${cmp.method}`) : '');
  const keyHtml = `<p class="intro">${esc(intro)}</p>\n${cards}\n${htmlTable(header, rows, { footer: esc(foot[0].toUpperCase() + foot.slice(1)) })}`;

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
  const sections: SectionOut[] = [{ id: 'key-figures', title: `${T.sectionKeyFigures} — ${latest}`, html: '', tables: [], sheet: keyFigureSheet(ctx, cmp, keyFigures, prevWave, firstWave) }];
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

/** Key figures for the workbook and the deck: one table per unit (shares as %, means, NPS points), marks in their own cells. */
function keyFigureSheet(ctx: Ctx, cmp: WaveComparison, kfs: KeyFigure[], prevWave: string | null, firstWave: string | null): PresentedTable[] {
  const { T, f, latest } = ctx;
  const c = cells(ctx);
  const out: PresentedTable[] = [];
  for (const unit of UNITS) {
    const list = kfs.filter((k) => k.unit === unit);
    if (list.length === 0) continue;
    const { kind, digits } = unitKind(unit);
    const v = (x: number | null): PresentedCell => (unit === 'share' ? c.pct(x, digits) : c.dec(x, digits));
    const dd = unit === 'share' ? 1 : digits;
    const d = (x: number | null): PresentedCell => (x === null ? num(null, '') : unit === 'share' ? num(100 * x, f.signed(100 * x, 1)) : num(x, f.signed(x, dd)));
    const columns = [col('indicator', T.colIndicator, 'label'), col('value', latest, kind, digits), col('ci_lower', T.colCILow, kind, digits), col('ci_upper', T.colCIHigh, kind, digits), col('n', ctx.weights ? T.colEffN : T.colN, 'count')];
    const against: [string, 'previous' | 'first'][] = [];
    if (prevWave) against.push([prevWave, 'previous']);
    if (firstWave) against.push([firstWave, 'first']);
    for (const [w, a] of against) columns.push(col(`value_${a}`, w, kind, digits), col(`change_${a}`, unit === 'share' ? T.colChangePts(w) : T.colChangeShort(w), 'number', dd), col(`mark_${a}`, T.colSig, 'mark'), col(`p_${a}`, T.colPAdj, 'pvalue'));
    const rows = list.map((k) => {
      const r: PresentedCell[] = [txt(k.indicator), v(k.value), v(k.ci[0]), v(k.ci[1]), ctx.weights ? c.dec(k.effectiveN, 0) : c.n(k.n)];
      for (const [, a] of against) {
        r.push(a === 'previous' ? v(k.previous) : v(k.first), d(a === 'previous' ? k.changePrevious : k.changeFirst), txt(a === 'previous' ? k.markPrevious : k.markFirst), c.p(a === 'previous' ? k.pAdjustedPrevious : k.pAdjustedFirst));
      }
      return r;
    });
    out.push(table(`key_figures_${unit}`, `${unitTitle(ctx, unit)} — ${latest}`, columns, rows, { notes: unit === UNITS.find((u) => kfs.some((k) => k.unit === u)) ? [familyText(ctx, cmp)] : [] }));
  }
  return out;
}

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

/** Internal: the sections by segment (contract type): cross-tabs, NPS, attrition (latest wave). */
import { attritionChart, crossTabChart, npsChart } from '@satlab/charts';
import type { CsvCell } from '@satlab/data';
import { factorOf, getColumn, numericValues } from '@satlab/data';
import { chiSquareTest, columnProportionTests, crossTab } from '@satlab/stats';
import { attritionVsDissatisfaction, netPromoterScore } from '@satlab/survey';
import type { ReportSummary } from '../types.js';
import type { Ctx, SectionOut } from './context.js';
import { columnLabel, columnScale, n12 } from './context.js';
import { esc, forReport, presentedTableHtml, section } from './html.js';
import { chart } from './render.js';
import { presentAttrition, presentChiSquare, presentChiSquareSummary, presentColumnProportions, presentNps } from '@satlab/present';
import type { ChiSquareSummaryItem, PresentedTable } from '@satlab/present';
import { cells, col, txt } from './presented.js';
import type { Message } from '@satlab/messages';
import { M } from '../messages.js';

const skipped = (id: string, title: string, ctx: Ctx, why: string): SectionOut => ({ id, title, html: section(id, title, `<p class="note">${esc(ctx.T.sectionSkipped(why))}</p>`), tables: [] });

/** Segment of each latest-wave respondent (null = unknown). */
function segmentsOfLatest(ctx: Ctx): (string | null)[] {
  const column = (ctx.segment as NonNullable<Ctx['segment']>).column;
  const seg = factorOf(ctx.latestTable, column);
  const levels = seg.levels.map((l) => ctx.tr.level(column, l));
  return Array.from(seg.codes, (c) => (c < 0 ? null : levels[c]));
}

/** The segment levels in the report's language, in the codebook's order. */
function segmentOrder(ctx: Ctx): string[] {
  const s = ctx.segment as NonNullable<Ctx['segment']>;
  return s.levels.map((l) => ctx.tr.level(s.column, l));
}

export async function crossTabsSection(ctx: Ctx): Promise<{ out: SectionOut; summary: ReportSummary['crossTabs'] }> {
  const { config, T, lang } = ctx;
  const segLabel = ctx.segment ? ctx.segment.label : '';
  const title = T.sectionCrossTabs(segLabel.toLowerCase());
  if (!ctx.segment) return { out: skipped('crosstabs', T.sectionCrossTabs('segment'), ctx, T.needsSegment), summary: [] };
  ctx.progress(M.stepCrossTabs());
  const t = ctx.latestTable;
  const seg = factorOf(t, ctx.segment.column);
  const vars = [config.overall.column, ...(config.complained ? [config.complained.column] : []), ...(config.left ? [config.left.column] : [])];
  let html = `<p class="intro">${esc(T.crossIntro(segLabel.toLowerCase()))}${ctx.weights ? ' ' + esc(T.unweightedNote) : ''}</p>`;
  const tables: SectionOut['tables'] = [];
  const summary: ReportSummary['crossTabs'] = [];
  const sheet: PresentedTable[] = [];
  const chiTests: ChiSquareSummaryItem[] = [];
  const c = cells(ctx);
  const testsCsv: CsvCell[][] = [['row_variable', 'column_variable', 'chi_square', 'df', 'p_value', 'cramers_v', 'n', 'expected_below_5', 'min_expected', 'method']];
  for (const v of vars) {
    const rowF = factorOf(t, v);
    const ct = crossTab(rowF.codes, seg.codes, { rowLevels: rowF.levels.map((l) => ctx.tr.level(v, l)), colLevels: seg.levels.map((l) => ctx.tr.level(seg.name, l)) });
    // Drop empty levels so that the tests see only categories that occur.
    const keepR = ct.rowTotals.map((x) => x > 0);
    const keepC = ct.colTotals.map((x) => x > 0);
    const counts = ct.counts.filter((_, i) => keepR[i]).map((r) => r.filter((_, j) => keepC[j]));
    const rowLabels = ct.rowLevels.filter((_, i) => keepR[i]);
    const colLabels = ct.colLevels.filter((_, j) => keepC[j]);
    if (counts.length < 2 || colLabels.length < 2) continue;
    const chi = chiSquareTest(counts, { rowLabels, colLabels });
    const cpt = columnProportionTests(counts, { rowLabels, colLabels });
    const chiBySegment = chiSquareTest(colLabels.map((_, j) => counts.map((r) => r[j])), { rowLabels: colLabels, colLabels: rowLabels });
    const label = v === config.overall.column ? T.cardOverall : v === config.complained?.column ? T.indComplained : v === config.left?.column ? T.indLeft : columnLabel(t, v, ctx.tr);
    html += `<h3>${esc(label)} × ${esc(segLabel)}</h3>`;
    const segCap = segLabel.charAt(0).toUpperCase() + segLabel.slice(1);
    html += await chart(ctx, () => crossTabChart(chiBySegment, { lang, width: 820, title: `${label} — ${segLabel}`, rowTitle: segCap, colTitle: label }), 'crossTabChart');
    const colN = colLabels.map((_, j) => counts.reduce((s, r) => s + r[j], 0));
    const total = colN.reduce((a, b) => a + b, 0);
    // The column-% grid with the letters is presentColumnProportions' (as `satlab crosstab` and
    // show() print it); the report adds the row-total column and the base row (column n); below
    // it the reading of the χ² test is presentChiSquare's (incl. its caution on expected counts < 5).
    const letters = presentColumnProportions(cpt, { lang, labels: { rows: label } }).tables[0];
    const grid: PresentedTable = {
      ...letters,
      id: `crosstab_${v}`,
      title: `${label} × ${segLabel}`,
      columns: [...letters.columns, col('total', T.crossTotal, 'percent', 1)],
      rows: [
        ...letters.rows.map((row, i) => {
          const rowTotal = counts[i].reduce((a, b) => a + b, 0);
          return [...row, c.pct(rowTotal / total)];
        }),
        [txt(T.crossBase), ...colN.map((x) => c.n(x)), c.n(total)],
      ],
      totalRows: [rowLabels.length],
      notes: [...(letters.notes ?? []), ...presentChiSquare(chi, { lang, labels: { rows: label, cols: segLabel.toLowerCase() }, commandHint: false }).reading],
    };
    html += presentedTableHtml(grid);
    const csv: CsvCell[][] = [['row_level', 'column_level', 'column_letter', 'count', 'column_total', 'column_percent', 'higher_than_columns']];
    rowLabels.forEach((r, i) => colLabels.forEach((c, j) => csv.push([r, c, cpt.columnLetters[j], counts[i][j], colN[j], n12((100 * counts[i][j]) / colN[j]), cpt.letters[i][j]])));
    tables.push({ name: `crosstab_${v}`, title: `${label} × ${segLabel}`, rows: csv });
    // In the workbook the letters (cell marks) get their own column after each column %.
    sheet.push({
      ...grid,
      columns: [grid.columns[0], ...colLabels.flatMap((_, j) => [{ ...grid.columns[j + 1], key: `pct_${j}` }, col(`sig_${j}`, T.colSig, 'letters')]), grid.columns[colLabels.length + 1]],
      rows: grid.rows.map((row) => [row[0], ...colLabels.flatMap((_, j) => [{ v: row[j + 1].v, t: row[j + 1].t }, txt(row[j + 1].mark ?? '')]), row[colLabels.length + 1]]),
    });
    chiTests.push({ label, test: chi });
    testsCsv.push([v, ctx.segment.column, n12(chi.statistic), chi.df, n12(chi.pValue), n12(chi.cramersV), chi.n, chi.expectedBelow5, n12(chi.minExpected), chi.method]);
    summary.push({ name: v, rows: v, cols: ctx.segment.column, chiSquare: chi.statistic, df: chi.df, pValue: chi.pValue, cramersV: chi.cramersV, n: chi.n });
    for (const w of [...chi.warnings, ...cpt.warnings] as (Message | string)[]) ctx.warn(`${label} × ${segLabel}`, w);
  }
  tables.push({ name: 'crosstab_tests', title, rows: testsCsv });
  // The workbook's summary of the tests: presentChiSquareSummary's table, its reading and note.
  if (chiTests.length > 0) {
    const p = presentChiSquareSummary(chiTests, { lang, labels: { cols: segLabel.toLowerCase() } });
    sheet.push(forReport({ ...p.tables[0], title: p.title, notes: [...p.reading, ...p.footnotes] }));
  }
  return { out: { id: 'crosstabs', title, html: section('crosstabs', title, html), tables, sheet }, summary };
}

export async function npsSection(ctx: Ctx): Promise<{ out: SectionOut; summary: ReportSummary['npsBySegment'] }> {
  const { config, T, lang } = ctx;
  const segLabel = ctx.segment ? ctx.segment.label.toLowerCase() : '';
  const title = ctx.segment ? T.sectionNps(segLabel) : T.sectionNpsPlain;
  if (!config.nps) return { out: skipped('nps', title, ctx, T.needsNps), summary: null };
  ctx.progress(M.stepNps());
  const t = ctx.latestTable;
  const npsCol = getColumn(t, config.nps.column);
  const r = netPromoterScore(numericValues(t, config.nps.column), {
    invalid: 'exclude',
    confidence: config.comparison.confidence,
    ...(npsCol.missingReasons ? { missingReasons: npsCol.missingReasons } : {}),
    ...(ctx.segment ? { by: segmentsOfLatest(ctx), segmentOrder: segmentOrder(ctx) } : {}),
  });
  for (const w of r.warnings as (Message | string)[]) ctx.warn('NPS', w);
  let html = `<p class="intro">${esc(T.npsIntro(segLabel))}${ctx.weights ? ' ' + esc(T.unweightedNote) : ''}</p>`;
  html += await chart(ctx, () => npsChart(r, { lang, width: 560 }), 'npsChart');
  const all = [{ name: T.overallGroup, ...r }, ...(r.groups ?? [])];
  // The table is presentNps' (as `satlab nps` and show() print it): segments, then "all" as the
  // total row; the reading (highest and lowest segments, whether the gap exceeds sampling error)
  // and the method notes below it.
  const p = presentNps(r, { lang, labels: { by: ctx.segment ? ctx.segment.label.charAt(0).toUpperCase() + ctx.segment.label.slice(1) : T.colSegment, title } });
  const shown: PresentedTable = forReport({ ...p.tables[0], title, notes: [...p.reading, ...p.footnotes] });
  html += presentedTableHtml(shown);
  const csv: CsvCell[][] = [['segment', 'n', 'promoters', 'passives', 'detractors', 'nps', 'se', 'ci_lower', 'ci_upper']];
  for (const g of all) csv.push([g.name, g.n, n12(g.promoters), n12(g.passives), n12(g.detractors), n12(g.nps), n12(g.se), n12(g.ci[0]), n12(g.ci[1])]);
  return {
    out: {
      id: 'nps',
      title,
      html: section('nps', title, html),
      tables: [{ name: 'nps_by_segment', title, rows: csv }],
      sheet: [{ ...shown, notes: [T.npsIntro(segLabel), ...(shown.notes ?? [])] }],
    },
    summary: all.map((g) => ({ segment: g.name, n: g.n, nps: g.nps, ci: [g.ci[0], g.ci[1]] as [number, number] })),
  };
}

export async function attritionSection(ctx: Ctx): Promise<{ out: SectionOut; summary: ReportSummary['attrition'] }> {
  const { config, T, f, lang } = ctx;
  const title = T.sectionAttrition;
  if (!config.left) return { out: skipped('attrition', title, ctx, T.needsLeft), summary: null };
  ctx.progress(M.stepAttrition());
  const t = ctx.latestTable;
  const lf = factorOf(t, config.left.column);
  const yes = new Set(config.left.yes);
  const left = Array.from(lf.codes, (c) => (c < 0 ? null : yes.has(lf.levels[c])));
  const scale = columnScale(t, config.overall.column) ?? [1, 4];
  const r = attritionVsDissatisfaction({ satisfaction: numericValues(t, config.overall.column), left }, { scale, confidence: config.comparison.confidence, ...(ctx.segment ? { by: segmentsOfLatest(ctx), segmentOrder: segmentOrder(ctx) } : {}) });
  for (const w of r.warnings as (Message | string)[]) ctx.warn(T.sectionAttrition, w);
  const groups = r.groups.map((g) => ({ ...g, name: g.name === 'all' ? T.overallGroup : g.name }));
  const rr = groups[0];
  const ruleText = `${f.num(rr.riskRatio, 2)} ${f.ci(rr.riskRatioCI, (x) => f.num(x, 2))}`;
  // The BTS MUC course's rule of thumb read as "the dissatisfied leave twice as often as the satisfied": the risk ratio's interval holds 2.
  const twice = (g: (typeof groups)[number]): boolean | null => (Number.isFinite(g.riskRatioCI[0]) && Number.isFinite(g.riskRatioCI[1]) ? g.riskRatioCI[0] <= 2 && 2 <= g.riskRatioCI[1] : null);
  let html = `<p class="intro">${esc(T.attritionIntro(ruleText))}${ctx.weights ? ' ' + esc(T.unweightedNote) : ''}</p>`;
  html += await chart(ctx, () => attritionChart({ groups }, { lang, width: 520 }), 'attritionChart');
  // The table is presentAttrition's rates table (as `satlab attrition` and show() print it), with
  // the report's "risk ratio interval holds × 2" column, then the "attrition / dissatisfied" ratio
  // from its rule-of-thumb table; its reading and method notes below it.
  const p = presentAttrition(r, { lang, riskRatioHolds: 2, labels: { by: ctx.segment ? ctx.segment.label.charAt(0).toUpperCase() + ctx.segment.label.slice(1) : T.colSegment, title } });
  const [rates, rule] = p.tables;
  const ratio = rule.columns.findIndex((c) => c.key === 'ratio');
  const shown: PresentedTable = { ...rates, id: 'attrition', title, columns: [...rates.columns, { ...rule.columns[ratio], key: 'ruleRatio' }], rows: rates.rows.map((row, i) => [...row, rule.rows[i][ratio]]), notes: [...p.reading, ...p.footnotes] };
  html += presentedTableHtml(shown);
  const csv: CsvCell[][] = [['group', 'n', 'dissatisfied_rate', 'attrition_rate', 'attrition_among_dissatisfied', 'attrition_among_satisfied', 'risk_ratio', 'risk_ratio_ci_lower', 'risk_ratio_ci_upper', 'risk_ratio_ci_holds_2', 'attrition_over_dissatisfied', 'attrition_over_dissatisfied_ci_lower', 'attrition_over_dissatisfied_ci_upper']];
  for (const g of groups) csv.push([g.name, g.n, n12(g.dissatisfiedRate), n12(g.attritionRate), n12(g.attritionAmongDissatisfied), n12(g.attritionAmongSatisfied), n12(g.riskRatio), n12(g.riskRatioCI[0]), n12(g.riskRatioCI[1]), twice(g), n12(g.ruleOfThumb.ratio), n12(g.ruleOfThumb.ci[0]), n12(g.ruleOfThumb.ci[1])]);
  return {
    out: {
      id: 'attrition',
      title,
      html: section('attrition', title, html),
      tables: [{ name: 'attrition', title, rows: csv }],
      sheet: [{ ...shown, notes: [T.attritionIntro(ruleText), ...(shown.notes ?? [])] }],
    },
    summary: groups.map((g) => ({ group: g.name, n: g.n, attritionRate: g.attritionRate, dissatisfiedRate: g.dissatisfiedRate, riskRatio: g.riskRatio, riskRatioCI: [g.riskRatioCI[0], g.riskRatioCI[1]] as [number, number], twiceConsistent: twice(g), attritionOverDissatisfied: g.ruleOfThumb.ratio })),
  };
}

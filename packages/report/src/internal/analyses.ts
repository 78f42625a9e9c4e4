/** Internal: IPA and key-driver sections (latest wave). */
import { driverChart, ipaChart } from '@satlab/charts';
import type { CsvCell } from '@satlab/data';
import { numericValues } from '@satlab/data';
import { keyDriverAnalysis } from '@satlab/drivers';
import { presentDrivers, presentIpa } from '@satlab/present';
import type { PresentedTable } from '@satlab/present';
import { ipaFromRatings } from '@satlab/survey';
import type { ReportSummary } from '../types.js';
import type { Ctx, SectionOut } from './context.js';
import { columnScale, localText, n12 } from './context.js';
import { esc, forReport, presentedTableHtml, section } from './html.js';
import { chart } from './render.js';
import type { Message } from '@satlab/messages';
import { M } from '../messages.js';

export async function ipaSection(ctx: Ctx): Promise<{ out: SectionOut; summary: ReportSummary['ipa'] }> {
  const { config, T, lang } = ctx;
  const title = T.sectionIpa;
  if (config.attributes.length < 2) return { out: { id: 'ipa', title, html: section('ipa', title, `<p class="note">${esc(T.sectionSkipped(T.needsImportance))}</p>`), tables: [] }, summary: null };
  ctx.progress(M.stepIpa());
  const t = ctx.latestTable;
  const names = config.attributes.map((a) => localText(a.name, lang));
  const stated = config.attributes.every((a) => a.importance !== undefined);
  const scale = columnScale(t, config.attributes[0].satisfaction);
  const impScale = stated ? columnScale(t, config.attributes[0].importance as string) : undefined;
  const ipa = ipaFromRatings(
    {
      attributes: config.attributes.map((a, i) => ({ name: names[i], satisfaction: numericValues(t, a.satisfaction), ...(a.importance ? { importance: numericValues(t, a.importance) } : {}) })),
      overall: numericValues(t, config.overall.column),
    },
    { importance: stated ? 'stated' : 'derived-correlation', invalid: 'exclude', confidence: config.comparison.confidence, ...(scale ? { scale } : {}), ...(impScale ? { importanceScale: impScale } : {}) },
  );
  for (const w of ipa.warnings as (Message | string)[]) ctx.warn(T.sectionIpa, w);
  let html = `<p class="intro">${esc(T.ipaIntro(stated ? T.ipaStated : T.ipaDerived, T.ipaCutMean))}</p>`;
  html += await chart(ctx, () => ipaChart(ipa, { lang, width: 760, height: 520 }), 'ipaChart');
  // The table is presentIpa's (as `satlab ipa` and show() print it): attributes by priority with
  // their quadrant (the chart's names), means and intervals; the cutoffs, the reading (what to
  // improve first) and the priority rule below it. The workbook gives each interval bound a column.
  const ipaTable = (intervals: 'text' | 'bounds'): PresentedTable => {
    const p = presentIpa(ipa, { lang, score: false, intervals, itemHeader: T.colAttribute });
    return forReport({ ...p.tables[0], id: 'ipa', title, notes: [...(p.subtitle ? [p.subtitle] : []), ...p.reading, ...p.footnotes] });
  };
  html += presentedTableHtml(ipaTable('text'));
  const rank = new Map(ipa.priorities.map((n, i) => [n, i + 1]));
  const csv: CsvCell[][] = [['attribute', 'satisfaction', 'satisfaction_ci_lower', 'satisfaction_ci_upper', 'n_satisfaction', 'importance', 'importance_ci_lower', 'importance_ci_upper', 'quadrant', 'priority', 'uncertain']];
  for (const a of ipa.attributes) csv.push([a.name, n12(a.satisfaction), n12(a.satisfactionCI[0]), n12(a.satisfactionCI[1]), a.nSatisfaction, n12(a.importance), n12(a.importanceCI?.[0]), n12(a.importanceCI?.[1]), a.quadrant, rank.get(a.name) ?? null, a.uncertain]);
  return {
    out: { id: 'ipa', title, html: section('ipa', title, html), tables: [{ name: 'ipa', title, rows: csv }], sheet: [ipaTable('bounds')] },
    summary: { axis: ipa.importanceAxis, priorities: ipa.priorities, quadrants: ipa.quadrants },
  };
}

export async function driversSection(ctx: Ctx): Promise<{ out: SectionOut; summary: ReportSummary['drivers'] }> {
  const { config, T, f, lang } = ctx;
  const title = T.sectionDrivers;
  ctx.progress(M.stepDrivers());
  const t = ctx.latestTable;
  const drivers: Record<string, Float64Array> = {};
  config.attributes.forEach((a) => (drivers[localText(a.name, lang)] = numericValues(t, a.satisfaction)));
  const w = ctx.weights ? Float64Array.from(ctx.latestRows, (i) => (ctx.weights as Float64Array)[i]) : undefined;
  let r;
  try {
    r = keyDriverAnalysis(numericValues(t, config.overall.column), drivers, { outcomeName: config.overall.column, ...(w ? { weights: w } : {}) });
  } catch (err) {
    const why = (err as Error).message.split('\n')[0];
    ctx.warn(T.sectionDrivers, M.driversFailed({ why }));
    return { out: { id: 'drivers', title, html: section('drivers', title, `<p class="note">${esc(T.sectionSkipped(why))}</p>`), tables: [] }, summary: null };
  }
  for (const w of r.warnings as (Message | string)[]) ctx.warn(T.sectionDrivers, w);
  let html = `<p class="intro">${esc(T.driversIntro(f.num(r.n, 0), f.num(r.r2, 3)))}</p>`;
  html += await chart(ctx, () => driverChart({ drivers: r.drivers.map((d) => ({ name: d.name, shapley: d.shapley ?? 0, sign: d.sign, ...(d.relativeWeight !== null ? { relativeWeight: d.relativeWeight } : {}), correlation: d.correlation, beta: d.beta })) }, { lang, width: 760 }), 'driverChart');
  const sorted = [...r.drivers].sort((a, b) => a.rank - b.rank);
  // The table is the presenter's (the CLI and show() print the same): |shares| of R² summing to
  // 100 %, the sign apart, a total row; the reading's sentence on negative coefficients below it.
  const p = presentDrivers(r, { lang, itemHeader: T.colAttribute, tableTitle: title });
  const reading = p.reading.slice(1);
  const shown: PresentedTable = forReport({ ...p.tables[0], notes: [...(p.tables[0].notes ?? []), ...reading] });
  html += presentedTableHtml(shown);
  const sheet = [shown];
  const csv: CsvCell[][] = [['driver', 'correlation', 'beta', 'shapley_share', 'shapley_r2', 'relative_weight_share', 'vif', 'rank']];
  for (const d of sorted) csv.push([d.name, n12(d.correlation), n12(d.beta), n12(d.shapley), n12(d.shapleyR2), n12(d.relativeWeight), n12(d.vif), d.rank]);
  return {
    out: { id: 'drivers', title, html: section('drivers', title, html), tables: [{ name: 'drivers', title, rows: csv }], sheet },
    summary: { r2: r.r2, n: r.n, ranking: sorted.map((d) => ({ name: d.name, shapley: d.shapley, rank: d.rank })) },
  };
}

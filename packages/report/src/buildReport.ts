import { rake } from '@satlab/barometer';
import type { RakeResult } from '@satlab/barometer';
import type { CsvCell } from '@satlab/data';
import { factorOf, filterRows, InputError } from '@satlab/data';
import { texts } from './i18n.js';
import { driversSection, ipaSection } from './internal/analyses.js';
import type { Ctx, SectionOut } from './internal/context.js';
import { columnLabel, localText, n12 } from './internal/context.js';
import { CSS, esc, fmt, htmlTable, section } from './internal/html.js';
import { adjustName, familyText, keyFiguresSections } from './internal/keyFigures.js';
import { attritionSection, crossTabsSection, npsSection } from './internal/segments.js';
import { verbatimSection } from './internal/verbatims.js';
import { verbatimScoresSection } from './internal/verbatimScores.js';
import { M, msg } from './messages.js';
import { Translator } from './internal/translate.js';
import { col, num, table, txt } from './internal/presented.js';
import type { Message } from '@satlab/messages';
import { renderMessage } from '@satlab/messages';
import type { PresentedTable } from '@satlab/present';
import type { BuildReportOptions, Report, ReportConfig, ReportData, ReportSheet, ReportSummary, ReportTable } from './types.js';

/** The generation time as ISO-8601 UTC without milliseconds (`2025-07-15T10:00:00Z`). */
export function reportTimestamp(t: Date | string | number | undefined): string {
  const d = t === undefined ? new Date() : typeof t === 'number' ? new Date(t * 1000) : new Date(t);
  if (Number.isNaN(d.getTime())) throw new RangeError(`buildReport(options.timestamp): not a date: ${String(t)}`);
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * Builds the barometer report for the latest wave, in memory: the self-contained HTML page
 * (inline CSS, inline SVG charts from @satlab/charts, no script, no network: a Content Security
 * Policy forbids every external load), the tables (rows, header first) that `writeReport` saves as
 * CSV and XLSX, and a JSON-safe summary of the figures.
 *
 * Sections: key figures of the latest wave with the change since the previous and the first
 * wave (`compareWaves`: Welch t, two-proportion z, NPS z, multiple-comparison marks), trends,
 * IPA matrix (`ipaFromRatings`), key drivers (`keyDriverAnalysis`, Shapley shares), cross-tabs by
 * segment (`chiSquareTest` + `columnProportionTests` letters), NPS by segment
 * (`netPromoterScore`), attrition vs dissatisfaction (`attritionVsDissatisfaction`), verbatims by
 * theme (keyword lexicon; every verbatim escaped), methods and provenance. Optional raking weights
 * (`rake` by wave) apply to the key figures, trends and drivers, with the effective n reported.
 *
 * Pure apart from the clock: the same config, data and `timestamp` give the same output byte for
 * byte; the timestamp (footer and summary) is the only part that varies when it is not pinned.
 * All text respondents wrote (verbatims, category labels) is escaped with `escapeHtml`.
 *
 * @param config From `loadReportConfig`.
 * @param data From `readReportData(config)`.
 * @param options `timestamp`, `lang` (overrides the config), `onProgress`.
 * @throws {InputError} the latest wave has no respondents; raking errors (a category without a
 *   share…). Analysis cautions go into `summary.warnings` and the methods section.
 * @example
 * const config = loadReportConfig('datasets/barometer/report.yaml');
 * const r = await buildReport(config, readReportData(config), { timestamp: '2025-08-01T00:00:00Z' });
 * r.summary.keyFigures.find((k) => k.id === 'nps');
 * //=> { value: -17.70…, ci: [-21.92…, -13.47…], n: 1463, previous: -19.75…, changePrevious: 2.05…, markPrevious: '', … }
 * r.sheets.map((s) => s.id);
 * //=> ['key-figures', 'trends', 'ipa', 'drivers', 'crosstabs', 'nps', 'attrition', 'verbatims', 'verbatim-scores', 'methods']
 * r.html.startsWith('<!DOCTYPE html>'); //=> true
 */
export async function buildReport(config: ReportConfig, data: ReportData, options: BuildReportOptions = {}): Promise<Report> {
  const lang = options.lang ?? config.lang;
  const T = texts(lang);
  const f = fmt(lang);
  const progress = (step: Message): void => options.onProgress?.(renderMessage(step, lang));
  const generatedAt = reportTimestamp(options.timestamp);
  const stacked = data.stacked;
  const table = stacked.table;
  const waveColumn = stacked.waveColumn;
  const wf = factorOf(table, waveColumn);
  const waves = stacked.waves.map((w) => w.label).filter((l) => wf.levels.includes(l));
  const latest = waves[waves.length - 1];
  const latestCode = wf.levels.indexOf(latest);
  const latestRows: number[] = [];
  for (let i = 0; i < table.nRows; i++) if (wf.codes[i] === latestCode) latestRows.push(i);
  if (latestRows.length === 0) throw new InputError(msg.noLatestData(latest), { file: config.source });
  const latestTable = filterRows(table, Uint8Array.from(wf.codes, (c) => (c === latestCode ? 1 : 0)));
  const warnings: string[] = [];
  const warn = (where: string | null, w: Message | string): void => {
    const text = renderMessage(w, lang);
    warnings.push(where ? `${where}${lang === 'fr' ? '\u00a0: ' : ': '}${text}` : text);
  };
  for (const w of [...config.warnings, ...data.loadWarnings, ...stacked.warnings] as (Message | string)[]) warn(null, w);
  const tr = new Translator(data.languages ?? null, lang);

  let segment: Ctx['segment'] = null;
  if (config.segment) {
    const s = factorOf(table, config.segment.column);
    const label = config.segment.label !== undefined ? localText(config.segment.label, lang) : columnLabel(table, config.segment.column, tr);
    segment = { column: config.segment.column, label, levels: s.levels, codes: s.codes };
  }
  let rk: RakeResult | null = null;
  if (config.weights) {
    progress(M.stepRaking());
    rk = rake(table, config.weights.rake, { by: waveColumn, ...(config.weights.maxIter !== undefined ? { maxIter: config.weights.maxIter } : {}), ...(config.weights.tol !== undefined ? { tol: config.weights.tol } : {}) });
    for (const w of rk.warnings as (Message | string)[]) warn(T.methodsWeights, w);
  }
  const ctx: Ctx = { config, lang, T, f, stacked, table, waveColumn, waves, latest, latestTable, latestRows, segment, weights: rk ? rk.weights : null, rake: rk, warnings, warn, tr, progress, figures: [] };

  // The sections in order; each is one step, so a new section is one more line here.
  const sections: SectionOut[] = [];
  const kf = await keyFiguresSections(ctx);
  sections.push(...kf.sections);
  const ipa = await ipaSection(ctx);
  sections.push(ipa.out);
  const drivers = await driversSection(ctx);
  sections.push(drivers.out);
  const cross = await crossTabsSection(ctx);
  sections.push(cross.out);
  const nps = await npsSection(ctx);
  sections.push(nps.out);
  const attrition = await attritionSection(ctx);
  sections.push(attrition.out);
  const verb = verbatimSection(ctx);
  if (verb) sections.push(verb.out);
  const verbScores = await verbatimScoresSection(ctx);
  if (verbScores) sections.push(verbScores);
  if (tr.fallbacks.size > 0) warn(null, M.englishFallback({ n: tr.fallbacks.size, examples: [...tr.fallbacks].slice(0, 5) }));
  progress(M.stepMethods());
  const methods = methodsSection(ctx, data, familyText(ctx, kf.cmp));
  sections.push(methods);

  const tables: ReportTable[] = sections.flatMap((s) => s.tables);
  const summary: ReportSummary = {
    title: config.title,
    lang,
    generatedAt,
    latestWave: latest,
    waves: stacked.waves.map((w) => ({ label: w.label, date: w.date, n: w.n })),
    sections: sections.map((s) => s.id),
    keyFigures: kf.keyFigures,
    comparison: kf.comparison,
    weighting: rk
      ? {
          method: rk.method,
          effectiveN: rk.groups.map((g) => ({ wave: g.name, n: g.n, effectiveN: g.effectiveN, designEffect: g.designEffect })),
          converged: rk.converged,
        }
      : null,
    ipa: ipa.summary,
    drivers: drivers.summary,
    crossTabs: cross.summary,
    npsBySegment: nps.summary,
    attrition: attrition.summary,
    verbatims: verb ? verb.summary : null,
    questionnaire: { changes: stacked.diffs.flatMap((d) => d.diff.summary.map((s) => `${d.from} → ${d.to}: ${s}`)), mapped: stacked.mapped.map((m) => `${m.item} (${m.wave}): ${m.rule}`) },
    warnings,
  };

  const latestInfo = stacked.waves[stacked.waves.length - 1];
  const sub = `${T.latestWave} : ${latest}${latestInfo.date ? ` (${latestInfo.date})` : ''} — ${f.num(latestRows.length, 0)} ${T.respondents}`.replace(' :', lang === 'fr' ? '\u00a0:' : ':');
  const toc = sections.map((s) => `<a href="#${esc(s.id)}">${esc(s.title)}</a>`).join('\n');
  const filesText = data.files.filter((x) => x.role !== 'codebook').map((x) => x.path).join(', ');
  const wavesText = stacked.waves.map((w) => `${w.label}${w.date ? ` ${w.date}` : ''} (n = ${f.num(w.n, 0)})`).join(', ');
  const html = [
    '<!DOCTYPE html>',
    `<html lang="${T.htmlLang}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    '<meta name="generator" content="satlab report">',
    `<title>${esc(config.title)}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    '<body>',
    `<header class="top"><h1>${esc(config.title)}</h1>${config.subtitle ? `<p>${esc(config.subtitle)}</p>` : ''}<p>${esc(sub)}</p></header>`,
    `<nav class="toc" aria-label="${esc(T.toc)}">${toc}</nav>`,
    '<main>',
    ...sections.map((s) => s.html),
    '</main>',
    `<footer><p>${esc(T.footerProvenance(filesText, wavesText))}</p><p>${esc(T.generatedBy)} — ${esc(T.generatedAt)} <time datetime="${generatedAt}">${generatedAt.replace('T', ' ').replace('Z', ' UTC')}</time>.</p></footer>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
  const sheets: ReportSheet[] = sections.filter((x) => x.sheet && x.sheet.length > 0).map((x) => ({ id: x.id, title: x.title, tables: x.sheet as PresentedTable[] }));
  return { html, tables, sheets, figures: ctx.figures, summary };
}

function methodsSection(ctx: Ctx, data: ReportData, family: string): SectionOut {
  const { T, f, config, lang } = ctx;
  const title = T.sectionMethods;
  let html = `<h3>${esc(T.methodsFiles)}</h3>`;
  const role = (r: (typeof data.files)[number]): string => (r.role === 'wave' ? T.roleWave(r.wave ?? '') : r.role === 'data' ? T.roleData : T.roleCodebook);
  html += htmlTable(
    [T.colFile, T.colRole, T.colRows, T.colBytes, T.colSha],
    data.files.map((x) => [x.path, role(x), x.rows === undefined ? '' : f.num(x.rows, 0), f.num(x.bytes, 0), x.sha256.slice(0, 16)]),
    { align: ['l', 'l', 'r', 'r', 'l'] },
  );
  html += `<h3>${esc(T.methodsQuestionnaire)}</h3>`;
  const changes = ctx.stacked.diffs.flatMap((d) => d.diff.summary.map((s) => `${d.from} → ${d.to} : ${s}`.replace(' : ', lang === 'fr' ? '\u00a0: ' : ': ')));
  const mapped = ctx.stacked.mapped.map((m) => `${m.item} (${m.wave}) : ${m.rule}`.replace(' : ', lang === 'fr' ? '\u00a0: ' : ': '));
  html += changes.length + mapped.length === 0 ? `<p>${esc(T.questionnaireSame)}</p>` : `<p>${esc(T.questionnaireChanges)}</p><ul>${[...changes, ...mapped].map((c) => `<li>${esc(c)}</li>`).join('')}</ul>`;
  if (ctx.rake) {
    html += `<h3>${esc(T.methodsWeights)}</h3><p>${esc(T.weightsText(ctx.rake.method))}</p>`;
    html += htmlTable([T.colWave, T.colN, T.colEffN, T.colDeff], ctx.rake.groups.map((g) => [g.name, f.num(g.n, 0), f.num(g.effectiveN, 1), f.num(g.designEffect, 3)]));
  }
  const alphaText = lang === 'fr' ? `${f.num(100 * config.comparison.alpha, 1, 0)}\u00a0%` : `${f.num(100 * config.comparison.alpha, 1, 0)}%`;
  html += `<h3>${esc(T.methodsTests)}</h3><ul class="methods">${T.methodsList(adjustName(ctx), family, alphaText).map((m) => `<li>${esc(m)}</li>`).join('')}</ul>`;
  html += `<h3>${esc(T.methodsWarnings)}</h3>`;
  html += ctx.warnings.length === 0 ? `<p>${esc(T.noWarnings)}</p>` : `<ul>${ctx.warnings.map((w) => `<li>${esc(w)}</li>`).join('')}</ul>`;
  const tables: ReportTable[] = [];
  const files: CsvCell[][] = [['file', 'role', 'wave', 'rows', 'bytes', 'sha256'], ...data.files.map((x): CsvCell[] => [x.path, x.role, x.wave ?? null, x.rows ?? null, x.bytes, x.sha256])];
  tables.push({ name: 'provenance', title: T.methodsFiles, rows: files });
  if (ctx.rake) {
    const w: CsvCell[][] = [['wave', 'margin', 'level', 'sample_share', 'target', 'weighted_share', 'n', 'effective_n', 'design_effect', 'iterations', 'converged']];
    for (const g of ctx.rake.groups) for (const [m, levels] of Object.entries(g.margins)) for (const l of levels) w.push([g.name, m, l.level, n12(l.sampleShare), n12(l.target), n12(l.weightedShare), g.n, n12(g.effectiveN), n12(g.designEffect), g.iterations, g.converged]);
    tables.push({ name: 'weights', title: T.methodsWeights, rows: w });
  }
  const sheet = [
    table('provenance', T.methodsFiles, [col('file', T.colFile, 'label'), col('role', T.colRole, 'text'), col('rows', T.colRows, 'count'), col('bytes', T.colBytes, 'count'), col('sha', 'SHA-256', 'text')], data.files.map((x) => [txt(x.path), txt(role(x)), num(x.rows ?? null, x.rows === undefined ? '' : f.num(x.rows, 0)), num(x.bytes, f.num(x.bytes, 0)), txt(x.sha256)])),
    table('methods', T.methodsTests, [col('method', T.methodsTests, 'text')], T.methodsList(adjustName(ctx), family, alphaText).map((m) => [txt(m)])),
    table('warnings', T.colWarnings, [col('warning', T.colWarnings, 'text')], (ctx.warnings.length === 0 ? [T.noWarnings] : ctx.warnings).map((w) => [txt(w)])),
  ];
  return { id: 'methods', title, html: section('methods', title, html), tables, sheet };
}

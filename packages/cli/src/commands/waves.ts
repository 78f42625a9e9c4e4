import { basename, resolve } from 'node:path';
import type { IndicatorSpec, RakeResult, StackedWaves, WaveComparison } from '@satlab/barometer';
import { compareWaves, rake, stackWaves } from '@satlab/barometer';
import type { Codebook, Table } from '@satlab/data';
import { factorOf, getColumn, loadCodebook } from '@satlab/data';
import { formatCount, formatNumber, formatPercent, formatPValue, textTable } from '@satlab/format';
import { loadReportConfig, readReportData, reportIndicators } from '@satlab/report';
import type { Command, CommandContext, Lang } from '../command.js';
import { printJson, stringOption, UsageError } from '../command.js';
import type { Message } from '@satlab/messages';
import { renderMessage } from '@satlab/messages';
import type { PAdjustMethod } from '@satlab/stats';
import { loadSurveyFile } from './_survey.js';

const list = (ctx: CommandContext, name: string): string[] => {
  const v = ctx.values[name];
  const arr = Array.isArray(v) ? v : typeof v === 'string' ? [v] : [];
  return arr.flatMap((s) => s.split(',')).map((s) => s.trim()).filter((s) => s !== '');
};

function readTable(ctx: CommandContext, file: string, codebook: Codebook | undefined): Table {
  return loadSurveyFile(ctx, file, codebook ? { codebook } : {}).table;
}

/** Indicators from the options, or every ordinal column with a scale (means) and an `nps` column. */
function indicatorsFromOptions(ctx: CommandContext, table: Table, waveColumn: string): IndicatorSpec[] {
  const out: IndicatorSpec[] = [];
  for (const c of list(ctx, 'mean')) out.push({ name: c, column: c, kind: 'mean' });
  for (const c of list(ctx, 'top-box')) out.push({ name: `${c} (top-2-box)`, column: c, kind: 'topBox' });
  for (const c of list(ctx, 'nps')) out.push({ name: `${c} (NPS)`, column: c, kind: 'nps' });
  for (const s of list(ctx, 'share')) {
    const m = /^([^=]+)=(.+)$/.exec(s);
    if (!m) throw new UsageError(`--share expects column=value, got "${s}"`);
    out.push({ name: `${m[1]} = ${m[2]}`, column: m[1], kind: 'proportion', success: m[2].split('|') });
  }
  if (out.length > 0) return out;
  for (const c of table.columns) {
    if (c.name === waveColumn) continue;
    if (c.type === 'ordinal' && c.scores && c.scores.length >= 3) out.push({ name: c.name, column: c.name, kind: 'mean' });
    else if (c.type === 'numeric' && c.name.toLowerCase() === 'nps') out.push({ name: 'NPS', column: c.name, kind: 'nps' });
  }
  if (out.length === 0) throw new UsageError('no indicator: give --mean, --top-box, --nps or --share (no ordinal column with a codebook scale was found)');
  return out;
}

const ADJ: Record<string, string> = { holm: 'Holm', BH: 'Benjamini-Hochberg', bonferroni: 'Bonferroni', hochberg: 'Hochberg', BY: 'Benjamini-Yekutieli', none: 'aucune' };

function familyFr(cmp: WaveComparison): string {
  return cmp.family.scope === 'all'
    ? `correction de ${ADJ[cmp.adjust]} sur les ${cmp.family.tests} tests distincts du tableau (un test répété compté une fois) ; tendances corrigées à part`
    : `correction de ${ADJ[cmp.adjust]} dans chaque indicateur (${cmp.family.tests} tests au plus)`;
}

function human(cmp: WaveComparison, stacked: StackedWaves, rk: RakeResult | null, lang: Lang): string {
  const fr = lang === 'fr';
  const k = cmp.waves.length;
  const val = (unit: string, x: number): string => (unit === 'share' ? formatPercent(x, lang) : formatNumber(x, lang, unit === 'points' ? 1 : 2));
  const diff = (unit: string, x: number): string => {
    const s = unit === 'share' ? formatNumber(100 * x, lang, 1) : formatNumber(x, lang, unit === 'points' ? 1 : 2);
    return (x > 0 ? '+' : '') + s + (unit === 'share' ? (fr ? ' pt' : ' pt') : '');
  };
  const header = [fr ? 'Indicateur' : 'Indicator', ...cmp.waves];
  if (k >= 2) header.push(fr ? `Δ préc.` : 'Δ prev.', fr ? 'p aj.' : 'adj. p');
  if (k >= 3) header.push(fr ? 'Δ 1re' : 'Δ first', fr ? 'p aj.' : 'adj. p');
  const rows = cmp.indicators.map((ind) => {
    const last = ind.waves[k - 1];
    const r = [ind.name, ...ind.waves.map((w) => val(ind.unit, w.value))];
    const prev = last.changes.find((c) => c.against === 'previous');
    const first = last.changes.find((c) => c.against === 'first');
    if (k >= 2) r.push(prev ? `${diff(ind.unit, prev.difference)} ${prev.mark}`.trim() : '', prev ? formatPValue(prev.pAdjusted, lang) : '');
    if (k >= 3) r.push(first ? `${diff(ind.unit, first.difference)} ${first.mark}`.trim() : '', first ? formatPValue(first.pAdjusted, lang) : '');
    return r;
  });
  const out = [
    fr ? `Comparaison des vagues (${cmp.waves.map((w, i) => `${w} : n = ${formatCount(stacked.waves[i]?.n ?? 0, lang)}`).join(', ')})` : `Wave comparison (${cmp.waves.map((w, i) => `${w}: n = ${formatCount(stacked.waves[i]?.n ?? 0, lang)}`).join(', ')})`,
    '',
    textTable(rows, { header, align: header.map((_, j) => (j === 0 ? 'left' : 'right')) }),
    '',
    fr ? `▲/▼ : évolution significative (p ajustée < ${formatNumber(cmp.alpha, lang, 3, 0)}). Famille : ${familyFr(cmp)}.` : `▲/▼: significant change (adjusted p < ${cmp.alpha}). Family: ${cmp.family.description}.`,
  ];
  if (rk) out.push(fr ? `Pondération : ${rk.method} ; n effectif ${rk.groups.map((g) => `${g.name} ${formatNumber(g.effectiveN, lang, 0)}`).join(', ')}.` : `Weighting: ${rk.method}; effective n ${rk.groups.map((g) => `${g.name} ${formatNumber(g.effectiveN, lang, 0)}`).join(', ')}.`);
  const changes = stacked.diffs.flatMap((d) => d.diff.summary.map((s) => `${d.from} → ${d.to}: ${s}`));
  if (changes.length > 0) out.push('', fr ? 'Différences de questionnaire :' : 'Questionnaire differences:', ...changes.map((c) => `  ${c}`));
  const warnings: (Message | string)[] = [...stacked.warnings, ...cmp.warnings, ...(rk ? rk.warnings : [])];
  if (warnings.length > 0) out.push('', fr ? 'Avertissements :' : 'Warnings:', ...warnings.map((w) => `  - ${renderMessage(w, lang)}`));
  return out.join('\n') + '\n';
}

const command: Command = {
  name: 'waves',
  summary: { en: 'compare barometer waves: questionnaire check, changes with significance, trends', fr: 'comparer les vagues d’un baromètre : questionnaires, évolutions significatives, tendances' },
  usage: ['waves <report-config.yaml> [--json]', 'waves <wave-1.csv> <wave-2.csv> … [--codebook <file>] [--labels V1,V2,…] [--mean <col>…] [--top-box <col>] [--nps <col>] [--share <col>=<value>] [--json]', 'waves <stacked.csv> --wave-column <col> [--codebook <file>] […]'],
  options: {
    codebook: { type: 'string', arg: '<file>', description: { en: 'codebook of the files (YAML/JSON)', fr: 'dictionnaire des variables (YAML/JSON)' } },
    labels: { type: 'string', arg: '<a,b,…>', description: { en: 'wave labels, in file order (default: the file names)', fr: 'noms des vagues, dans l’ordre des fichiers (défaut : les noms de fichiers)' } },
    'wave-column': { type: 'string', arg: '<col>', description: { en: 'wave column of a single stacked file (default "wave")', fr: 'colonne des vagues d’un fichier unique (défaut « wave »)' } },
    mean: { type: 'string', multiple: true, arg: '<col>', description: { en: 'compare the mean of this column (repeatable, or a,b,c)', fr: 'comparer la moyenne de cette colonne (répétable, ou a,b,c)' } },
    'top-box': { type: 'string', multiple: true, arg: '<col>', description: { en: 'compare the top-2-box share of this column', fr: 'comparer la part top-2-box de cette colonne' } },
    nps: { type: 'string', multiple: true, arg: '<col>', description: { en: 'compare the NPS of this 0-10 column', fr: 'comparer le NPS de cette colonne 0-10' } },
    share: { type: 'string', multiple: true, arg: '<col>=<v>', description: { en: 'compare the share of a value (v1|v2 for several)', fr: 'comparer la part d’une valeur (v1|v2 pour plusieurs)' } },
    adjust: { type: 'string', arg: 'holm|BH|bonferroni|none', description: { en: 'multiple-comparison adjustment (default holm)', fr: 'correction pour comparaisons multiples (défaut holm)' } },
  },
  details: {
    en: '--json prints { waves, family, indicators: [{ name, kind, waves: [{ wave, value, ci, n, changes: [{ against, difference, pAdjusted, mark }] }], trend }], questionnaire, warnings }.',
    fr: '--json écrit { waves, family, indicators: [{ name, kind, waves: [{ wave, value, ci, n, changes: [{ against, difference, pAdjusted, mark }] }], trend }], questionnaire, warnings }.',
  },
  run(ctx) {
    const args = ctx.positionals;
    if (args.length === 0) throw new UsageError('missing argument <config|files…>');
    const adjust = stringOption(ctx, 'adjust');
    if (adjust !== undefined && !['holm', 'BH', 'bonferroni', 'hochberg', 'BY', 'none'].includes(adjust)) throw new UsageError(`--adjust must be holm, BH, bonferroni, hochberg, BY or none, got "${adjust}"`);
    let stacked: StackedWaves;
    let indicators: IndicatorSpec[];
    let rk: RakeResult | null = null;
    let options: { adjust?: PAdjustMethod; alpha?: number; family?: 'all' | 'indicator'; against?: ('previous' | 'first')[] } = {};
    let lang: Lang = ctx.lang;
    if (args.length === 1 && /\.ya?ml$/i.test(args[0])) {
      const config = loadReportConfig(ctx.cwd === process.cwd() ? args[0] : resolve(ctx.cwd, args[0]));
      if (ctx.values.lang === undefined) lang = config.lang;
      const data = readReportData(config);
      stacked = data.stacked;
      indicators = reportIndicators(config, stacked.table, lang);
      options = { adjust: config.comparison.adjust, alpha: config.comparison.alpha, family: config.comparison.family, against: config.comparison.against };
      if (config.weights) rk = rake(stacked.table, config.weights.rake, { by: stacked.waveColumn });
    } else {
      const cbPath = stringOption(ctx, 'codebook');
      const codebook = cbPath ? loadCodebook(resolve(ctx.cwd, cbPath)) : undefined;
      if (args.length === 1) {
        const waveColumn = stringOption(ctx, 'wave-column') ?? 'wave';
        const table = readTable(ctx, args[0], codebook);
        getColumn(table, waveColumn);
        stacked = { table, waveColumn, waves: [], diffs: [], renamed: [], mapped: [], codebook: codebook ?? { file: args[0], columns: {}, warnings: [] }, warnings: [] };
      } else {
        const labels = list(ctx, 'labels');
        if (labels.length > 0 && labels.length !== args.length) throw new UsageError(`--labels gives ${labels.length} labels for ${args.length} files`);
        stacked = stackWaves(args.map((file, i) => ({ table: readTable(ctx, file, codebook), label: labels[i] ?? basename(file).replace(/\.[^.]+$/, ''), file, ...(codebook ? { codebook } : {}) })));
      }
      indicators = indicatorsFromOptions(ctx, stacked.table, stacked.waveColumn);
    }
    if (adjust !== undefined) options.adjust = adjust as typeof options.adjust;
    const cmp = compareWaves(stacked.table, { wave: stacked.waveColumn, indicators, ...options, ...(rk ? { weights: rk.weights } : {}) });
    if (stacked.waves.length === 0) {
      const wf = factorOf(stacked.table, stacked.waveColumn);
      stacked.waves = cmp.waves.map((w) => {
        const k = wf.levels.indexOf(w);
        return { label: w, date: null, n: wf.codes.filter((c) => c === k).length, file: null };
      });
    }
    if (ctx.json) {
      return printJson(ctx, {
        waves: stacked.waves,
        method: cmp.method,
        family: cmp.family,
        adjust: cmp.adjust,
        alpha: cmp.alpha,
        weighted: cmp.weighted,
        indicators: cmp.indicators,
        questionnaire: stacked.diffs.map((d) => ({ from: d.from, to: d.to, ...d.diff })),
        mapped: stacked.mapped,
        weighting: rk ? { method: rk.method, groups: rk.groups.map((g) => ({ wave: g.name, n: g.n, effectiveN: g.effectiveN, designEffect: g.designEffect, converged: g.converged })) } : null,
        warnings: [...stacked.warnings, ...cmp.warnings],
      });
    }
    ctx.stdout.write(human(cmp, stacked, rk, lang));
  },
};
export default command;

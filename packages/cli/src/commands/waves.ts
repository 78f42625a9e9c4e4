import { basename, resolve } from 'node:path';
import type { CodebookDiff, IndicatorSpec, RakeResult, StackedWaves } from '@satlab/barometer';
import { compareWaves, rake, stackWaves } from '@satlab/barometer';
import type { Codebook, Table } from '@satlab/data';
import { factorOf, InputError, loadCodebook } from '@satlab/data';
import { loadReportConfig, readReportData, reportIndicators } from '@satlab/report';
import type { Message } from '@satlab/messages';
import { renderMessage } from '@satlab/messages';
import { presentWaves } from '@satlab/present';
import type { PAdjustMethod } from '@satlab/stats';
import type { Command, CommandContext, Lang } from '../command.js';
import { choiceOption, printJson, printPresentation, stringOption, UsageError } from '../command.js';
import { cliMsg } from '../messages.js';
import { loadSurveyFile, warningsBlock } from './_survey.js';

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
    if (!m) throw new UsageError(cliMsg.shareSyntax({ value: s }));
    out.push({ name: `${m[1]} = ${m[2]}`, column: m[1], kind: 'proportion', success: m[2].split('|') });
  }
  if (out.length > 0) return out;
  for (const c of table.columns) {
    if (c.name === waveColumn) continue;
    if (c.type === 'ordinal' && c.scores && c.scores.length >= 3) out.push({ name: c.name, column: c.name, kind: 'mean' });
    else if (c.type === 'numeric' && c.name.toLowerCase() === 'nps') out.push({ name: 'NPS', column: c.name, kind: 'nps' });
  }
  if (out.length === 0) throw new UsageError(cliMsg.noIndicator());
  return out;
}

/** The questionnaire differences of two waves, from the diff's fields (its `summary` is English). */
function questionnaireChanges(d: CodebookDiff): Message[] {
  const q = cliMsg.questionnaireChange;
  const list = (xs: readonly (string | number)[]): string => `[${xs.join(', ')}]`;
  return [
    ...d.added.map((item) => q({ kind: 'added', item })),
    ...d.removed.map((item) => q({ kind: 'removed', item })),
    ...d.renamed.map((r) => q({ kind: 'renamed', item: r.from, to: r.to })),
    ...d.scaleChanged.map((c) => q({ kind: 'scale', item: c.item, from: c.from.text, to: c.to.text })),
    ...d.typeChanged.map((c) => q({ kind: 'type', item: c.item, from: c.from, to: c.to })),
    ...d.labelsChanged.map((c) => q({ kind: 'labels', item: c.item, from: Object.values(c.from).join(' / '), to: Object.values(c.to).join(' / ') })),
    ...d.levelsChanged.map((c) => q({ kind: 'levels', item: c.item, from: list(c.removed), to: list(c.added) })),
    ...d.wordingChanged.map((c) => q({ kind: 'wording', item: c.item, from: c.from, to: c.to })),
    ...d.missingChanged.map((c) => q({ kind: 'missing', item: c.item, from: list(c.from), to: list(c.to) })),
  ];
}

const command: Command = {
  name: 'waves',
  summary: { en: 'compare barometer waves: questionnaire check, changes with significance, trends', fr: 'comparer les vagues d’un baromètre : questionnaires, évolutions significatives, tendances' },
  usage: ['waves <report-config.yaml> [--latest] [--json]', 'waves <wave-1.csv> <wave-2.csv> … [--codebook <file>] [--labels V1,V2,…] [--mean <col>…] [--top-box <col>] [--nps <col>] [--share <col>=<value>] [--json]', 'waves <stacked.csv> --wave-column <col> [--codebook <file>] […]'],
  options: {
    codebook: { type: 'string', arg: '<file>', description: { en: 'codebook of the files (YAML/JSON)', fr: 'dictionnaire des variables (YAML/JSON)' } },
    labels: { type: 'string', arg: '<a,b,…>', description: { en: 'wave labels, in file order (default: the file names)', fr: 'noms des vagues, dans l’ordre des fichiers (défaut : les noms de fichiers)' } },
    'wave-column': { type: 'string', arg: '<col>', description: { en: 'wave column of a single stacked file (default "wave")', fr: 'colonne des vagues d’un fichier unique (défaut « wave »)' } },
    mean: { type: 'string', multiple: true, arg: '<col>', description: { en: 'compare the mean of this column (repeatable, or a,b,c)', fr: 'comparer la moyenne de cette colonne (répétable, ou a,b,c)' } },
    'top-box': { type: 'string', multiple: true, arg: '<col>', description: { en: 'compare the top-2-box share of this column', fr: 'comparer la part top-2-box de cette colonne' } },
    nps: { type: 'string', multiple: true, arg: '<col>', description: { en: 'compare the NPS of this 0-10 column', fr: 'comparer le NPS de cette colonne 0-10' } },
    share: { type: 'string', multiple: true, arg: '<col>=<v>', description: { en: 'compare the share of a value (v1|v2 for several)', fr: 'comparer la part d’une valeur (v1|v2 pour plusieurs)' } },
    adjust: { type: 'string', arg: 'holm|BH|bonferroni|none', description: { en: 'multiple-comparison adjustment (default holm)', fr: 'correction pour comparaisons multiples (défaut holm)' } },
    latest: { type: 'boolean', description: { en: 'the report’s key-figures table: latest wave with its CI and n, then previous and first wave, change, adjusted p', fr: 'le tableau des chiffres clés du rapport : dernière vague avec IC et n, puis vague précédente et première vague, écart, p ajustée' } },
  },
  details: {
    en: '--json prints { waves, family, indicators: [{ name, kind, waves: [{ wave, value, ci, n, changes: [{ against, difference, pAdjusted, mark }] }], trend }], questionnaire, warnings }.',
    fr: '--json écrit { waves, family, indicators: [{ name, kind, waves: [{ wave, value, ci, n, changes: [{ against, difference, pAdjusted, mark }] }], trend }], questionnaire, warnings }.',
  },
  run(ctx) {
    const args = ctx.positionals;
    if (args.length === 0) throw new UsageError(cliMsg.missingArgument({ name: 'config|files…' }));
    const adjust = ctx.values.adjust === undefined ? undefined : choiceOption(ctx, 'adjust', ['holm', 'BH', 'bonferroni', 'hochberg', 'BY', 'none'] as const, 'holm');
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
        if (!table.columns.some((c) => c.name === waveColumn)) throw new InputError(cliMsg.noColumnOption({ option: 'wave-column', column: waveColumn, columns: table.columns.map((c) => c.name) }), { file: args[0] });
        stacked = { table, waveColumn, waves: [], diffs: [], renamed: [], mapped: [], codebook: codebook ?? { file: args[0], columns: {}, warnings: [] }, warnings: [] };
      } else {
        const labels = list(ctx, 'labels');
        if (labels.length > 0 && labels.length !== args.length) throw new UsageError(cliMsg.labelsCount({ labels: labels.length, files: args.length }));
        stacked = stackWaves(args.map((file, i) => ({ table: readTable(ctx, file, codebook), label: labels[i] ?? basename(file).replace(/\.[^.]+$/, ''), file, ...(codebook ? { codebook } : {}) })));
      }
      indicators = indicatorsFromOptions(ctx, stacked.table, stacked.waveColumn);
    }
    if (adjust !== undefined) options.adjust = adjust;
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
    const extra: string[] = [];
    if (rk) extra.push(renderMessage(cliMsg.wavesWeighting({ method: rk.method, groups: rk.groups }), lang));
    const changes = stacked.diffs.flatMap((d) => questionnaireChanges(d.diff).map((m) => `  ${d.from} → ${d.to} — ${renderMessage(m, lang)}`));
    if (changes.length > 0) extra.push('', renderMessage(cliMsg.wavesQuestionnaire(), lang), ...changes);
    // The presenter shows the comparison's warnings; those of stacking and weighting follow.
    extra.push(...warningsBlock([...stacked.warnings, ...(rk ? rk.warnings : [])], lang));
    const layout = ctx.values.latest === true ? ({ layout: 'latest', ci: 'text', n: cmp.weighted ? 'effective' : 'n' } as const) : {};
    printPresentation(ctx, presentWaves(cmp, { lang, waveSizes: stacked.waves.map((w) => w.n), ...layout }), extra);
  },
};
export default command;

import { resolve } from 'node:path';
import { formatNumber, formatPercent } from '@satlab/format';
import type { Message } from '@satlab/messages';
import { renderMessage } from '@satlab/messages';
import type { KeyFigure } from '@satlab/report';
import { checkOutputPath, loadReportConfig, writeReport } from '@satlab/report';
import type { Command, CommandContext, Lang } from '../command.js';
import { choiceOption, positional, printJson, stringOption, UsageError } from '../command.js';
import { cliMsg } from '../messages.js';

function timestampOption(ctx: CommandContext): string | number | undefined {
  const s = stringOption(ctx, 'timestamp');
  if (s === undefined) return undefined;
  if (/^\d+$/.test(s.trim())) return Number(s.trim());
  if (Number.isNaN(new Date(s).getTime())) throw new UsageError(cliMsg.reportTimestamp({ value: s }));
  return s;
}

function value(k: KeyFigure, lang: Lang): string {
  if (k.unit === 'share') return formatPercent(k.value, lang);
  return formatNumber(k.value, lang, k.unit === 'points' ? 1 : 2);
}

const command: Command = {
  name: 'report',
  summary: { en: 'barometer report for the latest wave: HTML (inline SVG charts), CSV and XLSX tables', fr: 'rapport du baromètre pour la dernière vague : HTML (graphiques SVG intégrés), tableaux CSV et XLSX' },
  usage: ['report <config.yaml> --out <dir> [--format html|pptx|all] [--lang fr|en] [--timestamp <iso>] [--json]'],
  options: {
    out: { type: 'string', short: 'o', arg: '<dir>', description: { en: 'report folder (created; a previous report there is replaced)', fr: 'dossier du rapport (créé ; un rapport précédent y est remplacé)' } },
    format: { type: 'string', arg: 'html|pptx|all', description: { en: 'html (default): index.html; pptx: a PowerPoint deck deck.pptx (native charts); all: both', fr: 'html (défaut) : index.html ; pptx : une présentation PowerPoint deck.pptx (graphiques natifs) ; all : les deux' } },
    timestamp: { type: 'string', arg: '<iso>', description: { en: 'generation time printed in the report (default SOURCE_DATE_EPOCH, else now)', fr: 'date de génération imprimée (défaut SOURCE_DATE_EPOCH, sinon maintenant)' } },
  },
  details: {
    en: [
      'Reads the YAML config (waves, codebook, attributes, overall, nps, segment, verbatim themes,',
      'optional raking margins; see datasets/barometer/report.yaml) and writes into <dir>:',
      '  index.html      self-contained page (no network, no script)',
      '  tables/*.csv    every table (";" and decimal comma when the language is fr)',
      '  tables.xlsx     the tables for people: one sheet per section, labelled, formatted',
      '  deck.pptx       with --format pptx or all: the deck (key figures first, native charts)',
      '  summary.json    the figures',
      'The language is the config\'s unless --lang is given. Progress goes to stderr (not with --quiet).',
      '--json prints { outDir, files, summary } on stdout.',
      '',
      'Example: satlab report datasets/barometer/report.yaml --out barometer-report',
    ].join('\n'),
    fr: [
      'Lit la configuration YAML (vagues, dictionnaire, attributs, satisfaction globale, NPS, segment,',
      'thèmes des verbatims, marges de redressement facultatives ; voir datasets/barometer/report.yaml)',
      'et écrit dans <dir> :',
      '  index.html      page autonome (aucun accès réseau, aucun script)',
      '  tables/*.csv    tous les tableaux (« ; » et virgule décimale en français)',
      '  tables.xlsx     les tableaux mis en forme : une feuille par section, libellés, formats',
      '  deck.pptx       avec --format pptx ou all : la présentation (chiffres clés d’abord, graphiques natifs)',
      '  summary.json    les chiffres',
      'La langue est celle de la configuration, sauf --lang. Progression sur stderr (sauf --quiet).',
      '--json écrit { outDir, files, summary } sur stdout.',
      '',
      'Exemple : satlab report datasets/barometer/report.yaml --out rapport-barometre',
    ].join('\n'),
  },
  async run(ctx) {
    const configPath = positional(ctx, 0, 'config');
    const out = stringOption(ctx, 'out', true);
    if (ctx.positionals.length > 1) throw new UsageError(cliMsg.oneConfig({ n: ctx.positionals.length }));
    // The output path first: an impossible --out fails in milliseconds, before any computing.
    const format = choiceOption(ctx, 'format', ['html', 'pptx', 'all'] as const, 'html');
    checkOutputPath(resolve(ctx.cwd, out));
    // Named as typed in messages (relative paths resolve from the working directory).
    const config = loadReportConfig(ctx.cwd === process.cwd() ? configPath : resolve(ctx.cwd, configPath));
    const lang: Lang = ctx.values.lang === 'fr' || ctx.values.lang === 'en' ? ctx.values.lang : config.lang;
    const start = Date.now();
    const progress = ctx.quiet ? undefined : (step: string): void => void ctx.stderr.write(renderMessage(cliMsg.reportProgress({ step, seconds: (Date.now() - start) / 1000 }), lang) + '\n');
    const ts = timestampOption(ctx);
    const w = await writeReport(config, resolve(ctx.cwd, out), { lang, format, ...(ts !== undefined ? { timestamp: ts } : {}), ...(progress ? { onProgress: progress } : {}) });
    if (ctx.json) return printJson(ctx, { outDir: out, files: w.files, summary: w.summary });
    const m = (x: Message): string => renderMessage(x, lang);
    const s = w.summary;
    const lines = [
      m(cliMsg.reportWritten({ dir: out, main: w.files.filter((f) => f === 'index.html' || f === 'deck.pptx'), csv: w.files.filter((f) => f.endsWith('.csv')).length })),
      m(cliMsg.reportLatestWave({ wave: s.latestWave, waves: s.waves.length })),
    ];
    for (const id of ['overall', 'csat', 'nps', 'left']) {
      const k = s.keyFigures.find((x) => x.id === id);
      if (k) lines.push(m(cliMsg.keyFigure({ indicator: k.indicator, value: value(k, lang), mark: k.markPrevious ?? '' })));
    }
    const sig = s.comparison.significantChanges.filter((c) => c.wave === s.latestWave);
    if (sig.length > 0) {
      lines.push(m(cliMsg.reportSignificant({ adjust: s.comparison.adjust })));
      for (const c of sig) lines.push(m(cliMsg.reportChange({ mark: c.mark, indicator: c.indicator, against: c.against })));
    }
    ctx.stdout.write(lines.join('\n') + '\n');
  },
};
export default command;

import { resolve } from 'node:path';
import { formatNumber, formatPercent } from '@satlab/format';
import type { KeyFigure } from '@satlab/report';
import { checkOutputPath, loadReportConfig, writeReport } from '@satlab/report';
import type { Command, CommandContext, Lang } from '../command.js';
import { positional, printJson, stringOption, UsageError } from '../command.js';

function timestampOption(ctx: CommandContext): string | number | undefined {
  const s = stringOption(ctx, 'timestamp');
  if (s === undefined) return undefined;
  if (/^\d+$/.test(s.trim())) return Number(s.trim());
  if (Number.isNaN(new Date(s).getTime())) throw new UsageError(`--timestamp must be an ISO date-time or seconds since 1970, got "${s}"`);
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
    if (ctx.positionals.length > 1) throw new UsageError(`one config file expected, got ${ctx.positionals.length} arguments`);
    // The output path first: an impossible --out fails in milliseconds, before any computing.
    const format = stringOption(ctx, 'format') ?? 'html';
    if (format !== 'html' && format !== 'pptx' && format !== 'all') throw new UsageError(`--format must be html, pptx or all, got "${format}"`);
    checkOutputPath(resolve(ctx.cwd, out));
    // Named as typed in messages (relative paths resolve from the working directory).
    const config = loadReportConfig(ctx.cwd === process.cwd() ? configPath : resolve(ctx.cwd, configPath));
    const lang: Lang = ctx.values.lang === 'fr' || ctx.values.lang === 'en' ? ctx.values.lang : config.lang;
    const start = Date.now();
    const progress = ctx.quiet ? undefined : (step: string): void => void ctx.stderr.write(`satlab report: ${step} (${((Date.now() - start) / 1000).toFixed(1)} s)\n`);
    const ts = timestampOption(ctx);
    const w = await writeReport(config, resolve(ctx.cwd, out), { lang, format, ...(ts !== undefined ? { timestamp: ts } : {}), ...(progress ? { onProgress: progress } : {}) });
    if (ctx.json) return printJson(ctx, { outDir: out, files: w.files, summary: w.summary });
    const fr = lang === 'fr';
    const s = w.summary;
    const lines = [
      fr
        ? `Rapport écrit dans ${out}/ : ${w.files.filter((f) => f === 'index.html' || f === 'deck.pptx').join(', ')}, ${w.files.filter((f) => f.endsWith('.csv')).length} tableaux CSV, tables.xlsx, summary.json`
        : `Report written to ${out}/: ${w.files.filter((f) => f === 'index.html' || f === 'deck.pptx').join(', ')}, ${w.files.filter((f) => f.endsWith('.csv')).length} CSV tables, tables.xlsx, summary.json`,
      fr ? `Dernière vague : ${s.latestWave} (${s.waves.length} vagues)` : `Latest wave: ${s.latestWave} (${s.waves.length} waves)`,
    ];
    for (const id of ['overall', 'csat', 'nps', 'left']) {
      const k = s.keyFigures.find((x) => x.id === id);
      if (k) lines.push(`  ${k.indicator}${fr ? ' : ' : ': '}${value(k, lang)}${k.markPrevious ? ` ${k.markPrevious}` : ''}`);
    }
    const sig = s.comparison.significantChanges.filter((c) => c.wave === s.latestWave);
    if (sig.length > 0) {
      lines.push(fr ? `Évolutions significatives de la dernière vague (${s.comparison.adjust}) :` : `Significant changes in the latest wave (${s.comparison.adjust}):`);
      for (const c of sig) lines.push(`  ${c.mark} ${c.indicator} (${fr ? (c.against === 'previous' ? 'vs vague précédente' : 'vs première vague') : c.against === 'previous' ? 'vs previous wave' : 'vs first wave'})`);
    }
    ctx.stdout.write(lines.join('\n') + '\n');
  },
};
export default command;

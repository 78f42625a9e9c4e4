import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { CsvCell } from '@satlab/data';
import type { ScanResult } from '@satlab/data/scan';
import { checkFile, InputError } from '@satlab/data/scan';
import type { RfmOptions, RfmResult, RfmThresholds } from '@satlab/rfm';
import { paretoConcentration, readTransactions, rfm, rfmDuckdb } from '@satlab/rfm';
import { presentRfm } from '@satlab/present';
import { renderMessage } from '@satlab/messages';
import type { Command, Lang } from '../command.js';
import { choiceOption, numberOption, positional, printJson, printPresentation, stringOption, UsageError } from '../command.js';
import { cliMsg } from '../messages.js';
import { noProgress, progressBar } from './_progress.js';

interface BadCell {
  line: number;
  column: string;
  value: string;
  reason: string;
}


/**
 * Writes the per-customer table as CSV, safely: through @satlab/data's `writeCsv` (RFC 4180
 * quoting; ids that start with = + - @ are prefixed with ' against formula injection), in blocks
 * to a temporary file in the same folder, renamed over `path` at the end.
 */
async function writeCustomers(path: string, res: RfmResult): Promise<number> {
  const { writeCsv } = await import('@satlab/data');
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const fd = openSync(tmp, 'w');
  try {
    const block = 20000;
    const header: CsvCell[] = ['customer', 'recency', 'frequency', 'monetary', 'r', 'f', 'm', 'segment'];
    for (let s = 0; s < Math.max(1, res.customers); s += block) {
      const rows: CsvCell[][] = s === 0 ? [header] : [];
      const e = Math.min(res.customers, s + block);
      for (let i = s; i < e; i++) rows.push([res.customerIds[i], res.recency[i], res.frequency[i], res.monetary[i], res.r[i], res.f[i], res.m[i], res.segmentNames[res.segment[i]]]);
      writeSync(fd, writeCsv(rows));
    }
    closeSync(fd);
    renameSync(tmp, path);
  } catch (err) {
    try {
      closeSync(fd);
    } catch {
      /* already closed */
    }
    rmSync(tmp, { force: true });
    throw err;
  }
  return res.customers;
}

function strictError(file: string, bad: BadCell[], total: number): InputError {
  const b = bad[0];
  if (!b) return new InputError(cliMsg.strictNoDetail({ total }), { file });
  return new InputError(cliMsg.strictBadRow({ value: b.value, reason: b.reason, total }), { file, line: b.line, columnName: b.column, value: b.value });
}

/** Parses `--thresholds "r=30,90;f=2,4;m=100,250"` (names r|recency, f|frequency, m|monetary; all three). */
function parseThresholds(text: string): RfmThresholds {
  const out: Partial<Record<keyof RfmThresholds, number[]>> = {};
  const names: Record<string, keyof RfmThresholds> = { r: 'recency', recency: 'recency', f: 'frequency', frequency: 'frequency', m: 'monetary', monetary: 'monetary' };
  for (const part of text.split(';').map((p) => p.trim()).filter(Boolean)) {
    const [key, list] = part.split('=');
    const dim = names[key?.trim().toLowerCase() ?? ''];
    if (!dim || list === undefined) throw new UsageError(cliMsg.thresholdsSyntax({ part }));
    const cuts = list.split(',').map((x) => Number(x.trim()));
    if (cuts.length === 0 || cuts.some((x) => !Number.isFinite(x))) throw new UsageError(cliMsg.thresholdsNumbers({ dim, list }));
    if (cuts.some((x, i) => i > 0 && !(x > cuts[i - 1]))) throw new UsageError(cliMsg.thresholdsIncrease({ dim, list }));
    out[dim] = cuts;
  }
  for (const dim of ['recency', 'frequency', 'monetary'] as const) if (!out[dim]) throw new UsageError(cliMsg.thresholdsMissing({ dim }));
  return out as RfmThresholds;
}

/** Share of revenue from the top `share` of customers (NaN when there is no revenue to share). */
function topShareOfRevenue(revenue: Float64Array | readonly number[], share: number): number {
  let total = 0;
  for (let i = 0; i < revenue.length; i++) total += revenue[i];
  return revenue.length > 0 && total > 0 ? paretoConcentration(revenue, { topShare: share }).revenueShareOfTop : NaN;
}

const command: Command = {
  name: 'rfm',
  summary: { en: 'RFM segmentation of transactions (recency, frequency, monetary; millions of rows)', fr: 'segmentation RFM de transactions (récence, fréquence, montant ; millions de lignes)' },
  usage: ['rfm <file> --customer <col> --date <col> --amount <col> [--as-of YYYY-MM-DD] [--segments bts|classic] [--thresholds r=…;f=…;m=…] [--out customers.csv] [--json]'],
  options: {
    customer: { type: 'string', arg: '<col>', description: { en: 'customer id column', fr: 'colonne identifiant client' } },
    date: { type: 'string', arg: '<col>', description: { en: 'transaction date column (YYYY-MM-DD or DD/MM/YYYY, time allowed)', fr: 'colonne date (AAAA-MM-JJ ou JJ/MM/AAAA, heure admise)' } },
    amount: { type: 'string', arg: '<col>', description: { en: 'amount column (decimal point or comma)', fr: 'colonne montant (point ou virgule décimale)' } },
    'as-of': { type: 'string', arg: 'YYYY-MM-DD', description: { en: 'analysis date (default: the day after the last transaction)', fr: 'date d’analyse (défaut : le lendemain de la dernière transaction)' } },
    segments: { type: 'string', arg: 'bts|classic', description: { en: 'segment map: classic (11 segments: Champions, At risk…; default) or bts (the BTS course’s 5: Stars, Sleeping loyal customers…); names in the output’s language', fr: 'carte des segments : classic (11 segments : Clients fidèles, À risque… ; défaut) ou bts (les 5 du cours de BTS : Vedettes, Fidèles endormis…) ; noms dans la langue de la sortie' } },
    monetary: { type: 'string', arg: 'sum|mean', description: { en: 'monetary value: sum of amounts (default) or mean basket', fr: 'montant : somme des achats (défaut) ou panier moyen' } },
    bins: { type: 'string', arg: '<n>', description: { en: 'score levels (default 5)', fr: 'niveaux de score (défaut 5)' } },
    thresholds: {
      type: 'string',
      arg: 'r=a,b,…;f=…;m=…',
      description: {
        en: 'given cut points instead of quantiles, increasing, decimal point (e.g. "r=30,90,180,365;f=2,4,8,16;m=100,250,500,1000": 4 cuts = 5 scores)',
        fr: 'seuils imposés au lieu des quantiles, croissants, point décimal (p. ex. "r=30,90,180,365;f=2,4,8,16;m=100,250,500,1000" : 4 seuils = 5 scores)',
      },
    },
    out: { type: 'string', arg: '<file.csv>', description: { en: 'write one row per customer: customer,recency,frequency,monetary,r,f,m,segment', fr: 'écrire une ligne par client : customer,recency,frequency,monetary,r,f,m,segment' } },
    charts: { type: 'string', arg: '<dir>', description: { en: 'write rfm-heatmap.svg (R × F) and rfm-segments.svg into <dir>', fr: 'écrire rfm-heatmap.svg (R × F) et rfm-segments.svg dans <dir>' } },
    strict: { type: 'boolean', description: { en: 'bad rows (unparseable date or amount, missing id) are an error (exit 2) instead of being excluded', fr: 'les lignes invalides (date ou montant illisible, id manquant) sont une erreur (code 2) au lieu d’être exclues' } },
    engine: { type: 'string', arg: 'native|duckdb', description: { en: 'native (default) or duckdb (SQL on CSV or Parquet, needs @duckdb/node-api)', fr: 'native (défaut) ou duckdb (SQL sur CSV ou Parquet, nécessite @duckdb/node-api)' } },
    threads: { type: 'string', arg: '<n>', description: { en: 'parsing threads for the native engine (default: 2 on large files)', fr: 'threads de lecture du moteur natif (défaut : 2 sur les gros fichiers)' } },
  },
  details: {
    en: [
      'Scores 1–5 by rank-based quantiles (ties never split; every score used when the data allow); R = 5 is the most recent.',
      'Segments use R and FM = round((F + M) / 2). --json prints {customers, transactions, asOf, thresholds: {recency, frequency, monetary},',
      'segments: [{name, customers, revenue, …}], excluded, …}. Bad rows are excluded and reported with their line numbers (--strict: exit 2).',
    ].join('\n'),
    fr: [
      'Scores 1 à 5 par quantiles de rang (ex æquo jamais séparés ; tous les scores utilisés quand les données le permettent) ; R = 5 = le plus récent.',
      'Les segments croisent R et FM = arrondi((F + M) / 2). --json affiche {customers, transactions, asOf, thresholds: {recency, frequency, monetary},',
      'segments: [{name, customers, revenue, …}], excluded, …}. Les lignes invalides sont exclues et signalées par numéro de ligne (--strict : code 2).',
    ].join('\n'),
  },
  async run(ctx) {
    const t0 = performance.now();
    const file = positional(ctx, 0, 'file');
    const path = resolve(ctx.cwd, file);
    const engine = choiceOption(ctx, 'engine', ['native', 'duckdb'] as const, 'native');
    const segments = choiceOption(ctx, 'segments', ['classic', 'bts'] as const, 'classic');
    const monetary = choiceOption(ctx, 'monetary', ['sum', 'mean'] as const, 'sum');
    const bins = numberOption(ctx, 'bins', 5);
    if (!Number.isInteger(bins) || bins < 2 || bins > 20) throw new UsageError(cliMsg.integerBetween({ option: 'bins', min: 2, max: 20, value: String(bins) }));
    const asOf = stringOption(ctx, 'as-of');
    if (asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(asOf)) throw new UsageError(cliMsg.dateOption({ option: 'as-of', value: asOf }));
    const threadsOpt = stringOption(ctx, 'threads');
    const threads = threadsOpt === undefined ? undefined : numberOption(ctx, 'threads');
    if (threads !== undefined && (!Number.isInteger(threads) || threads < 1 || threads > 64)) throw new UsageError(cliMsg.integerBetween({ option: 'threads', min: 1, max: 64, value: String(threads) }));
    const isParquet = /\.parquet$/i.test(file);
    const columns = {
      customer: stringOption(ctx, 'customer', true),
      date: stringOption(ctx, 'date', true),
      amount: stringOption(ctx, 'amount', true),
    };
    checkFile(path, file, Infinity); // the same "x: file not found" as the other commands; no size limit (rfm streams)
    if (isParquet && engine !== 'duckdb') throw new UsageError(cliMsg.parquetNeedsDuckdb());
    const outPath = stringOption(ctx, 'out');
    if (outPath !== undefined && !existsSync(dirname(resolve(ctx.cwd, outPath)))) throw new UsageError(cliMsg.folderMissing({ option: 'out', path: outPath }));
    const thresholdsOpt = stringOption(ctx, 'thresholds');
    const opts: RfmOptions = { segments, monetary, bins, ...(asOf !== undefined ? { asOf } : {}), ...(thresholdsOpt !== undefined ? { binning: parseThresholds(thresholdsOpt) } : {}) };

    let res: RfmResult;
    let scan: ScanResult | undefined;
    let sql: string | undefined;
    let bad: BadCell[];
    let readThreads = 1;
    if (engine === 'native') {
      const bar = ctx.quiet ? noProgress : progressBar(ctx.stderr, renderMessage(cliMsg.reading(), ctx.lang));
      try {
        const r = await readTransactions(path, columns, { onProgress: (d, t) => bar.update(d, t), ...(threads !== undefined ? { threads } : {}) });
        scan = r.scan;
        bar.done();
        bad = scan.issues.first;
        if (ctx.values.strict === true && scan.issues.rows > 0) throw strictError(file, bad, scan.issues.rows);
        readThreads = scan.threads;
        res = rfm(r.transactions, opts);
      } finally {
        bar.done();
      }
    } else {
      const d = await rfmDuckdb(path, { ...opts, columns, ...(threads !== undefined ? { threads } : {}) });
      res = d.result;
      sql = d.sql;
      bad = d.rejected.first;
      if (ctx.values.strict === true) {
        const nBad = d.rejected.rows + Object.entries(res.excluded.byReason).filter(([k]) => k !== 'after the analysis date').reduce((a, [, v]) => a + v, 0);
        if (nBad > 0) throw strictError(file, bad, nBad);
      }
    }

    if (outPath !== undefined) await writeCustomers(resolve(ctx.cwd, outPath), res);
    let chartFiles: string[] = [];
    const chartsDir = stringOption(ctx, 'charts');
    if (chartsDir !== undefined) chartFiles = await writeCharts(resolve(ctx.cwd, chartsDir), res, ctx.lang);
    const seconds = (performance.now() - t0) / 1000;

    const excluded = {
      transactions: res.excluded.transactions,
      byReason: res.excluded.byReason,
      first: bad,
      ...(scan ? { raggedRows: scan.raggedRows.count } : {}),
    };
    if (ctx.json) {
      printJson(ctx, {
        file,
        engine,
        customers: res.customers,
        transactions: res.transactions,
        asOf: res.asOf,
        monetary: res.monetaryKind,
        binning: res.binning,
        method: res.method,
        thresholds: res.thresholds,
        scoreRanges: res.scoreRanges,
        segmentMap: res.segmentMap,
        segments: res.segments.map((s) => ({ name: s.name, label: s.label, customers: s.customers, share: s.share, revenue: s.revenue, revenueShare: s.revenueShare, rule: s.rule.en })),
        cells: res.cells,
        totalRevenue: res.totalRevenue,
        pareto: { top20: topShareOfRevenue(res.revenue, 0.2) },
        excluded,
        warnings: [...res.warnings, ...(scan?.warnings ?? [])],
        ...(outPath !== undefined ? { out: outPath } : {}),
        ...(chartFiles.length ? { charts: chartFiles } : {}),
        ...(sql !== undefined ? { sql } : {}),
      });
      return;
    }
    const lang = ctx.lang;
    const p = presentRfm(res, { lang, badRows: bad, top20Share: topShareOfRevenue(res.revenue, 0.2), engine: renderMessage(cliMsg.engine({ engine, threads: readThreads, seconds }), lang), labels: { source: file } });
    const scanNotes = [...(scan?.warnings ?? []), ...(scan && scan.raggedRows.count > 0 ? [cliMsg.raggedRows({ n: scan.raggedRows.count, lines: scan.raggedRows.firstLines.slice(0, 5) })] : [])];
    const extra = [
      ...(outPath !== undefined ? [renderMessage(cliMsg.written({ file: outPath, n: res.customers, what: renderMessage(cliMsg.customers(), lang) }), lang)] : []),
      ...chartFiles.map((c) => renderMessage(cliMsg.chart({ file: c }), lang)),
    ];
    printPresentation(ctx, { ...p, warnings: [...p.warnings, ...scanNotes.map((w) => renderMessage(w, lang))] }, extra);
  },
};
export default command;

async function writeCharts(dir: string, res: RfmResult, lang: Lang): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const charts = await import('@satlab/charts');
  const heat = await charts.renderSvg(charts.rfmHeatmap({ cells: res.cells.map((c) => ({ r: c.r, f: c.f, customers: c.customers, monetary: Number.isNaN(c.monetary) ? 0 : c.monetary })) }, { lang }));
  const bars = await charts.renderSvg(charts.rfmSegmentChart({ segments: res.segments.map((s) => ({ name: s.label[lang], customers: s.customers, revenue: Math.max(0, s.revenue) })) }, { lang }));
  const files = [join(dir, 'rfm-heatmap.svg'), join(dir, 'rfm-segments.svg')];
  writeFileSync(files[0], heat);
  writeFileSync(files[1], bars);
  return files;
}


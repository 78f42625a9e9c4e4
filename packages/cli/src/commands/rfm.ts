import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { CsvCell } from '@satlab/data';
import type { ScanResult } from '@satlab/data/scan';
import { InputError } from '@satlab/data/scan';
import { formatCount, formatEuro, formatNumber, formatPercent, textTable } from '@satlab/format';
import type { RfmOptions, RfmResult, RfmThresholds } from '@satlab/rfm';
import { paretoConcentration, readTransactions, rfm, rfmDuckdb } from '@satlab/rfm';
import type { Command, CommandContext, Lang } from '../command.js';
import { numberOption, positional, printJson, stringOption, UsageError } from '../command.js';
import { noProgress, progressBar } from './_progress.js';

interface BadCell {
  line: number;
  column: string;
  value: string;
  reason: string;
}

const REASONS_FR: Record<string, string> = {
  'missing customer': 'client manquant',
  'bad or missing date': 'date invalide ou manquante',
  'bad or missing amount': 'montant invalide ou manquant',
  'after the analysis date': 'postérieure à la date d’analyse',
  'rejected by DuckDB (unparseable row)': 'rejetée par DuckDB (ligne illisible)',
  empty: 'vide',
  'not a number': 'pas un nombre',
  'not a date': 'pas une date',
  'missing field': 'champ absent',
  'unterminated quote': 'guillemet non fermé',
  'missing (NA)': 'manquant (NA)',
};

function reasonText(r: string, lang: Lang): string {
  return lang === 'fr' ? (REASONS_FR[r] ?? r) : r;
}

/** French for the warnings of @satlab/rfm and of the scanner (English in the result objects). */
function warningText(w: string, lang: Lang): string {
  if (lang === 'en') return w;
  const rules: [RegExp, (...m: string[]) => string][] = [
    [/^(\w+) has only (\d+) distinct values?: scores 1–(\d+) used$/, (_, d, n, k) => `${dimFr(d)} : seulement ${n} valeur(s) distincte(s), scores 1 à ${k} utilisés`],
    [/^(\d+) transactions? dated after the analysis date (\S+) excluded$/, (_, n, d) => `${n} transaction(s) postérieure(s) à la date d’analyse ${d} exclue(s)`],
    [/^(\d+) transactions? ha(?:s|ve) a negative amount \(returns\?\): included in monetary$/, (_, n) => `${n} transaction(s) de montant négatif (retours ?) comptée(s) dans le montant`],
    [/^(\d+) transactions? with a missing customer, date or amount excluded$/, (_, n) => `${n} transaction(s) sans client, date ou montant valide exclue(s)`],
    [/^segments use (.*) scores rescaled to 1–5/, (_, d) => `les segments utilisent les scores ${d.split(', ').map(dimFr).join(', ')} ramenés sur 1 à 5`],
    [/^(\w+): no customer has scores? (.*) with the thresholds given$/, (_, d, s) => `${dimFr(d)} : aucun client n’a le(s) score(s) ${s} avec les seuils donnés`],
    [/^(\d+) customers? ha(?:s|ve) a total amount ≤ 0$/, (_, n) => `${n} client(s) avec un montant total ≤ 0`],
    [/^no customer has a valid transaction$/, () => 'aucun client n’a de transaction valide'],
  ];
  for (const [re, f] of rules) {
    const m = re.exec(w);
    if (m) return f(...m);
  }
  return w;
}

function dimFr(d: string): string {
  return d === 'recency' ? 'récence' : d === 'frequency' ? 'fréquence' : d === 'monetary' ? 'montant' : d;
}

function oneOf<T extends string>(ctx: CommandContext, name: string, allowed: readonly T[], fallback: T): T {
  const v = stringOption(ctx, name);
  if (v === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(v)) throw new UsageError(`--${name} must be ${allowed.join(' or ')}, got "${v}"`);
  return v as T;
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
  const more = total > 1 ? ` (${total} bad rows in all; without --strict they are excluded and reported)` : ' (without --strict such rows are excluded and reported)';
  if (!b) return new InputError(`${total} transactions cannot be used${more}`, { file });
  const what = b.reason === 'empty' || b.reason === 'missing field' ? `${b.reason} cell` : `"${b.value}" is ${b.reason === 'not a number' || b.reason === 'not a date' ? b.reason : `bad (${b.reason})`}`;
  return new InputError(`${what}${more}`, { file, line: b.line, columnName: b.column, value: b.value });
}

/** Parses `--thresholds "r=30,90;f=2,4;m=100,250"` (names r|recency, f|frequency, m|monetary; all three). */
function parseThresholds(text: string): RfmThresholds {
  const out: Partial<Record<keyof RfmThresholds, number[]>> = {};
  const names: Record<string, keyof RfmThresholds> = { r: 'recency', recency: 'recency', f: 'frequency', frequency: 'frequency', m: 'monetary', monetary: 'monetary' };
  for (const part of text.split(';').map((p) => p.trim()).filter(Boolean)) {
    const [key, list] = part.split('=');
    const dim = names[key?.trim().toLowerCase() ?? ''];
    if (!dim || list === undefined) throw new UsageError(`--thresholds: expected "r=…;f=…;m=…", got "${part}"`);
    const cuts = list.split(',').map((x) => Number(x.trim()));
    if (cuts.length === 0 || cuts.some((x) => !Number.isFinite(x))) throw new UsageError(`--thresholds: ${dim} cut points must be numbers separated by commas, got "${list}"`);
    if (cuts.some((x, i) => i > 0 && !(x > cuts[i - 1]))) throw new UsageError(`--thresholds: ${dim} cut points must increase, got "${list}"`);
    out[dim] = cuts;
  }
  for (const dim of ['recency', 'frequency', 'monetary'] as const) if (!out[dim]) throw new UsageError(`--thresholds: missing the ${dim} cut points (r=…;f=…;m=…)`);
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
    segments: { type: 'string', arg: 'bts|classic', description: { en: 'segment map: classic (English, 11 segments, default) or bts (Vedettes, Fidèles endormis, Timides…)', fr: 'carte des segments : classic (anglaise, 11 segments, défaut) ou bts (Vedettes, Fidèles endormis, Timides…)' } },
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
    const engine = oneOf(ctx, 'engine', ['native', 'duckdb'] as const, 'native');
    const segments = oneOf(ctx, 'segments', ['classic', 'bts'] as const, 'classic');
    const monetary = oneOf(ctx, 'monetary', ['sum', 'mean'] as const, 'sum');
    const bins = numberOption(ctx, 'bins', 5);
    if (!Number.isInteger(bins) || bins < 2 || bins > 20) throw new UsageError(`--bins must be an integer between 2 and 20, got ${bins}`);
    const asOf = stringOption(ctx, 'as-of');
    if (asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(asOf)) throw new UsageError(`--as-of must be a date YYYY-MM-DD, got "${asOf}"`);
    const threadsOpt = stringOption(ctx, 'threads');
    const threads = threadsOpt === undefined ? undefined : numberOption(ctx, 'threads');
    if (threads !== undefined && (!Number.isInteger(threads) || threads < 1 || threads > 64)) throw new UsageError(`--threads must be an integer between 1 and 64, got ${threads}`);
    const isParquet = /\.parquet$/i.test(file);
    const columns = {
      customer: stringOption(ctx, 'customer', true),
      date: stringOption(ctx, 'date', true),
      amount: stringOption(ctx, 'amount', true),
    };
    if (!existsSync(path)) throw new InputError('file not found', { file });
    if (statSync(path).isDirectory()) throw new InputError('is a directory, not a file', { file });
    if (isParquet && engine !== 'duckdb') throw new UsageError('Parquet files are read by the DuckDB engine: add --engine duckdb');
    const outPath = stringOption(ctx, 'out');
    if (outPath !== undefined && !existsSync(dirname(resolve(ctx.cwd, outPath)))) throw new UsageError(`--out: the folder of "${outPath}" does not exist`);
    const thresholdsOpt = stringOption(ctx, 'thresholds');
    const opts: RfmOptions = { segments, monetary, bins, ...(asOf !== undefined ? { asOf } : {}), ...(thresholdsOpt !== undefined ? { binning: parseThresholds(thresholdsOpt) } : {}) };

    let res: RfmResult;
    let scan: ScanResult | undefined;
    let sql: string | undefined;
    let bad: BadCell[];
    let readThreads = 1;
    if (engine === 'native') {
      const bar = ctx.quiet ? noProgress : progressBar(ctx.stderr, ctx.lang === 'fr' ? 'lecture' : 'reading');
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
        segments: res.segments.map((s) => ({ name: s.name, customers: s.customers, share: s.share, revenue: s.revenue, revenueShare: s.revenueShare, rule: s.rule.en })),
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
    ctx.stdout.write(human(ctx.lang, { file, engine, res, scan, bad, seconds, readThreads, outPath, chartFiles }) + '\n');
  },
};
export default command;

async function writeCharts(dir: string, res: RfmResult, lang: Lang): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const charts = await import('@satlab/charts');
  const heat = await charts.renderSvg(charts.rfmHeatmap({ cells: res.cells.map((c) => ({ r: c.r, f: c.f, customers: c.customers, monetary: Number.isNaN(c.monetary) ? 0 : c.monetary })) }, { lang }));
  const bars = await charts.renderSvg(charts.rfmSegmentChart({ segments: res.segments.map((s) => ({ name: s.name, customers: s.customers, revenue: Math.max(0, s.revenue) })) }, { lang }));
  const files = [join(dir, 'rfm-heatmap.svg'), join(dir, 'rfm-segments.svg')];
  writeFileSync(files[0], heat);
  writeFileSync(files[1], bars);
  return files;
}

function human(lang: Lang, o: { file: string; engine: string; res: RfmResult; scan?: ScanResult; bad: BadCell[]; seconds: number; readThreads: number; outPath?: string; chartFiles: string[] }): string {
  const fr = lang === 'fr';
  const { res } = o;
  const out: string[] = [];
  const n = (x: number): string => formatCount(x, lang);
  const engineText = o.engine === 'duckdb' ? 'DuckDB' : fr ? `natif, ${o.readThreads} thread${o.readThreads > 1 ? 's' : ''}` : `native, ${o.readThreads} thread${o.readThreads > 1 ? 's' : ''}`;
  out.push(`RFM — ${o.file} (${fr ? 'moteur' : 'engine'} ${engineText}, ${formatNumber(o.seconds, lang, 2)} s)`);
  const read = res.transactions + res.excluded.transactions;
  let txLine = fr
    ? `Transactions : ${n(read)} lues, ${n(res.transactions)} retenues, ${n(res.excluded.transactions)} exclues`
    : `Transactions: ${n(read)} read, ${n(res.transactions)} used, ${n(res.excluded.transactions)} excluded`;
  const reasons = Object.entries(res.excluded.byReason).map(([k, v]) => `${reasonText(k, lang)} ${n(v)}`);
  if (reasons.length) txLine += ` (${reasons.join(', ')})`;
  out.push(txLine);
  if (o.bad.length) {
    const lines = o.bad.map((b) => (fr ? `ligne ${b.line} ${b.column}${b.value ? ` « ${b.value} »` : ''} : ${reasonText(b.reason, lang)}` : `line ${b.line} ${b.column}${b.value ? ` "${b.value}"` : ''}: ${b.reason}`));
    out.push(`  ${fr ? 'premières lignes en cause :' : 'first rows concerned:'} ${lines.slice(0, 5).join(' ; ')}${o.bad.length > 5 ? ' …' : ''}`);
  }
  const monetaryText = res.monetaryKind === 'sum' ? (fr ? 'somme des achats' : 'sum of amounts') : fr ? 'panier moyen' : 'mean basket';
  out.push(fr ? `Clients : ${n(res.customers)} · date d’analyse ${res.asOf} · montant = ${monetaryText}` : `Customers: ${n(res.customers)} · analysis date ${res.asOf} · monetary = ${monetaryText}`);
  out.push('');

  // Thresholds: the value range of each score.
  out.push(
    res.binning === 'quantile'
      ? fr
        ? 'Seuils des scores (quantiles de rang, ex æquo jamais séparés) :'
        : 'Score thresholds (rank-based quantiles, ties never split):'
      : fr
        ? 'Seuils des scores (donnés) :'
        : 'Score thresholds (given):',
  );
  const maxLevels = Math.max(res.scoreRanges.recency.length, res.scoreRanges.frequency.length, res.scoreRanges.monetary.length);
  const range = (r: { min: number; max: number; customers: number } | undefined, money: boolean): string => {
    if (!r || r.customers === 0) return '—';
    const f = (x: number): string => (money ? formatNumber(x, lang, 2) : formatNumber(x, lang, 0));
    return r.min === r.max ? f(r.min) : `${f(r.min)}–${f(r.max)}`;
  };
  const rows: string[][] = [];
  for (let s = maxLevels; s >= 1; s--) {
    rows.push([String(s), range(res.scoreRanges.recency.find((x) => x.score === s), false), range(res.scoreRanges.frequency.find((x) => x.score === s), false), range(res.scoreRanges.monetary.find((x) => x.score === s), true)]);
  }
  out.push(textTable(rows, { header: ['score', fr ? 'récence (jours)' : 'recency (days)', fr ? 'fréquence' : 'frequency', fr ? 'montant' : 'monetary'] }));
  out.push('');

  out.push(fr ? `Segments (carte ${res.segmentMap === 'bts' ? 'BTS' : 'classique'}) :` : `Segments (${res.segmentMap === 'bts' ? 'BTS' : 'classic'} map):`);
  const segRows = res.segments.map((s) => [s.name, n(s.customers), formatPercent(s.share, lang), formatEuro(s.revenue, lang, 0), formatPercent(s.revenueShare, lang), fr ? s.rule.fr : s.rule.en]);
  out.push(textTable(segRows, { header: ['segment', fr ? 'clients' : 'customers', '%', fr ? 'CA' : 'revenue', fr ? '% CA' : '% revenue', fr ? 'règle' : 'rule'], align: ['left', 'right', 'right', 'right', 'right', 'left'] }));
  out.push('');

  out.push(fr ? 'Grille récence × fréquence (clients) :' : 'Recency × frequency grid (customers):');
  const grid: string[][] = [];
  for (let r = 5; r >= 1; r--) grid.push([`R${r}`, ...[1, 2, 3, 4, 5].map((f) => n(res.cells.find((c) => c.r === r && c.f === f)?.customers ?? 0))]);
  out.push(textTable(grid, { header: ['', 'F1', 'F2', 'F3', 'F4', 'F5'] }));
  out.push('');
  const p20 = topShareOfRevenue(res.revenue, 0.2);
  if (!Number.isNaN(p20)) out.push(fr ? `Concentration : les 20 % meilleurs clients font ${formatPercent(p20, lang)} du chiffre d’affaires.` : `Concentration: the top 20% of customers bring ${formatPercent(p20, lang)} of revenue.`);
  const warnings = [...res.warnings, ...(o.scan?.warnings ?? [])];
  if (o.scan && o.scan.raggedRows.count > 0) {
    warnings.push(fr ? `${n(o.scan.raggedRows.count)} ligne(s) n’ont pas le nombre de champs de l’en-tête (lignes ${o.scan.raggedRows.firstLines.slice(0, 5).join(', ')})` : `${n(o.scan.raggedRows.count)} row(s) do not have the header's number of fields (lines ${o.scan.raggedRows.firstLines.slice(0, 5).join(', ')})`);
  }
  for (const w of warnings) out.push(fr ? `Attention : ${warningText(w, lang)}` : `Warning: ${w}`);
  if (o.outPath !== undefined) out.push(fr ? `Écrit : ${o.outPath} (${n(res.customers)} clients)` : `Written: ${o.outPath} (${n(res.customers)} customers)`);
  for (const c of o.chartFiles) out.push(fr ? `Graphique : ${c}` : `Chart: ${c}`);
  return out.join('\n');
}

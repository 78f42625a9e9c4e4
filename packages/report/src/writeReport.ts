import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { InputError, writeCsvFile } from '@satlab/data';
import { buildReport } from './buildReport.js';
import { msg } from './messages.js';
import { readReportData } from './readReportData.js';
import { tablesToXlsx } from './tablesToXlsx.js';
import type { BuildReportOptions, ReportConfig, ReportData, ReportSummary } from './types.js';

/** Options of {@link writeReport}. */
export interface WriteReportOptions extends BuildReportOptions {
  /** Data already read by `readReportData` (default: read now). */
  data?: ReportData;
}

/** Result of {@link writeReport}. */
export interface WrittenReport {
  outDir: string;
  /** Files written, relative to `outDir`, sorted. */
  files: string[];
  summary: ReportSummary;
}

const REPORT_ENTRIES = new Set(['index.html', 'summary.json', 'tables.xlsx', 'tables']);

/** The data's own date for the workbook: the latest wave's date, else the latest date in a date column, else 1980-01-01. */
function dataDate(data: ReportData): Date {
  const w = data.stacked.waves[data.stacked.waves.length - 1];
  if (w.date) return new Date(`${w.date}T00:00:00Z`);
  let max = -Infinity;
  for (const c of data.stacked.table.columns) if (c.type === 'date') for (const x of c.values) if (x > max) max = x;
  return Number.isFinite(max) ? new Date(max) : new Date(Date.UTC(1980, 0, 1));
}

/** Refuses to replace a folder that is not a previous satlab report. */
function checkOutDir(outDir: string): 'absent' | 'replace' {
  if (!existsSync(outDir)) return 'absent';
  if (!statSync(outDir).isDirectory()) throw new InputError(msg.outIsFile(outDir));
  const extra: string[] = [];
  for (const e of readdirSync(outDir)) {
    if (!REPORT_ENTRIES.has(e)) extra.push(e);
    else if (e === 'tables') {
      const p = join(outDir, e);
      if (!statSync(p).isDirectory()) extra.push(e);
      else for (const x of readdirSync(p)) if (!x.endsWith('.csv')) extra.push(`tables/${x}`);
    }
  }
  if (extra.length > 0) throw new InputError(msg.outNotReport(outDir, extra));
  return 'replace';
}

/**
 * Writes the barometer report of `config` into `outDir`: `index.html` (self-contained, see
 * `buildReport`), `tables/<name>.csv` for every table (through @satlab/data's injection-safe
 * `writeCsvFile`: `;`, decimal comma and BOM when the language is French), `tables.xlsx` (one sheet
 * a table, formula-looking text neutralised, workbook dates from the data) and `summary.json` (the
 * figures). Everything is written to a temporary folder next to `outDir`, which then replaces it
 * in one rename, so a reader never sees a half-written report; an existing `outDir` is replaced
 * only when it holds nothing but a previous report's files.
 *
 * The generation timestamp is `options.timestamp`, else the `SOURCE_DATE_EPOCH` environment
 * variable (seconds since 1970, reproducible builds convention), else now.
 *
 * @param config From `loadReportConfig`.
 * @param outDir The report folder (created with its parents when absent).
 * @throws {InputError} Everything `readReportData` and `buildReport` throw; an output path that
 *   is a file, or a folder holding other files.
 * @example
 * const w = await writeReport(loadReportConfig('datasets/barometer/report.yaml'), 'report');
 * w.files // ['index.html', 'summary.json', 'tables.xlsx', 'tables/attrition.csv', …]
 */
export async function writeReport(config: ReportConfig, outDir: string, options: WriteReportOptions = {}): Promise<WrittenReport> {
  const progress = options.onProgress ?? (() => undefined);
  const out = resolve(outDir);
  const mode = checkOutDir(out);
  progress('reading data');
  const data = options.data ?? readReportData(config);
  const env = process.env.SOURCE_DATE_EPOCH;
  const timestamp = options.timestamp ?? (env !== undefined && /^\d+$/.test(env.trim()) ? Number(env.trim()) : undefined);
  const report = await buildReport(config, data, { ...options, ...(timestamp !== undefined ? { timestamp } : {}) });
  const lang = options.lang ?? config.lang;

  mkdirSync(dirname(out), { recursive: true });
  const tmp = join(dirname(out), `.${basename(out)}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
  const files: string[] = [];
  try {
    mkdirSync(join(tmp, 'tables'), { recursive: true });
    progress('writing index.html');
    writeFileSync(join(tmp, 'index.html'), report.html, 'utf8');
    files.push('index.html');
    progress(`writing ${report.tables.length} CSV tables`);
    for (const t of report.tables) {
      writeCsvFile(join(tmp, 'tables', `${t.name}.csv`), t.rows, { lang });
      files.push(`tables/${t.name}.csv`);
    }
    progress('writing tables.xlsx');
    writeFileSync(join(tmp, 'tables.xlsx'), await tablesToXlsx(report.tables, { created: dataDate(data), title: config.title }));
    files.push('tables.xlsx');
    writeFileSync(join(tmp, 'summary.json'), JSON.stringify(report.summary, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2) + '\n', 'utf8');
    files.push('summary.json');
    if (mode === 'replace') {
      const old = join(dirname(out), `.${basename(out)}.old-${process.pid}-${randomBytes(4).toString('hex')}`);
      renameSync(out, old);
      renameSync(tmp, out);
      rmSync(old, { recursive: true, force: true });
    } else {
      renameSync(tmp, out);
    }
  } catch (err) {
    rmSync(tmp, { recursive: true, force: true });
    throw err;
  }
  return { outDir: out, files: files.sort(), summary: report.summary };
}

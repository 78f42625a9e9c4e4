import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { writeCsvFile } from '@satlab/data';
import type { Message } from '@satlab/messages';
import { renderMessage } from '@satlab/messages';
import { buildReport } from './buildReport.js';
import { inputError, M } from './messages.js';
import { readReportData } from './readReportData.js';
import { reportToPptx } from './reportToPptx.js';
import { sheetsToXlsx } from './sheetsToXlsx.js';
import type { BuildReportOptions, ReportConfig, ReportData, ReportSummary } from './types.js';

/** Options of {@link writeReport}. */
export interface WriteReportOptions extends BuildReportOptions {
  /** Data already read by `readReportData` (default: read now). */
  data?: ReportData;
  /** `html` (default): `index.html`; `pptx`: the deck `deck.pptx`; `all`: both. The tables (CSV, XLSX) and `summary.json` are always written. */
  format?: 'html' | 'pptx' | 'all';
}

/** Result of {@link writeReport}. */
export interface WrittenReport {
  outDir: string;
  /** Files written, relative to `outDir`, sorted. */
  files: string[];
  summary: ReportSummary;
}

const REPORT_ENTRIES = new Set(['index.html', 'summary.json', 'tables.xlsx', 'tables', 'deck.pptx']);

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
  if (!statSync(outDir).isDirectory()) throw inputError(M.outIsFile({ dir: outDir }));
  const extra: string[] = [];
  for (const e of readdirSync(outDir)) {
    if (!REPORT_ENTRIES.has(e)) extra.push(e);
    else if (e === 'tables') {
      const p = join(outDir, e);
      if (!statSync(p).isDirectory()) extra.push(e);
      else for (const x of readdirSync(p)) if (!x.endsWith('.csv')) extra.push(`tables/${x}`);
    }
  }
  if (extra.length > 0) throw inputError(M.outNotReport({ dir: outDir, extra }));
  return 'replace';
}

/**
 * Checks, before any computing, that a report can be written to `outDir`: an existing path must
 * be a folder holding nothing but a previous satlab report; otherwise the nearest existing
 * ancestor must be a folder in which a new folder can be created (probed by creating and removing
 * an empty temporary folder, with no recursive creation: Node's recursive mkdir never returns
 * under /proc). Takes milliseconds.
 *
 * @param outDir The report folder, as given (named in the message).
 * @returns The absolute path and whether an existing report is replaced.
 * @throws {InputError} (exit code 2 in the CLI) one line naming the path: a file, a folder of
 *   other files, a parent that is a file, a place where nothing can be created (read-only,
 *   /proc, permissions).
 * @example
 * import { tmpdir } from 'node:os';
 * import { join } from 'node:path';
 * checkOutputPath(join(tmpdir(), 'satlab-rapport-absent')).mode; //=> 'absent'
 * checkOutputPath('/proc/x'); //=> throws InputError: cannot write the report to "/proc/x": no new folder can be created in "/proc"
 */
export function checkOutputPath(outDir: string): { out: string; mode: 'absent' | 'replace' } {
  const out = resolve(outDir);
  const mode = checkOutDir(out);
  // The report is written next to `out` and renamed: probe the parent (or nearest existing ancestor).
  let parent = dirname(out);
  while (!existsSync(parent) && dirname(parent) !== parent) parent = dirname(parent);
  let st;
  try {
    st = statSync(parent);
  } catch (err) {
    throw inputError(M.outUnwritable({ dir: outDir, parent, code: (err as NodeJS.ErrnoException).code ?? 'stat' }));
  }
  if (!st.isDirectory()) throw inputError(M.outParentNotFolder({ dir: outDir, parent }));
  try {
    rmdirSync(mkdtempSync(join(parent, '.satlab-probe-')));
  } catch (err) {
    throw inputError(M.outUnwritable({ dir: outDir, parent, code: (err as NodeJS.ErrnoException).code ?? (err as Error).message }));
  }
  return { out, mode };
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
 * import { mkdtempSync, rmSync } from 'node:fs';
 * import { tmpdir } from 'node:os';
 * import { join } from 'node:path';
 * const dir = mkdtempSync(join(tmpdir(), 'satlab-'));
 * const out = join(dir, 'rapport');
 * const w = await writeReport(loadReportConfig('datasets/barometer/report.yaml'), out, { timestamp: '2025-08-01T00:00:00Z' });
 * w.files; //=> ['index.html', 'summary.json', 'tables.xlsx', 'tables/attrition.csv', …]
 * w.summary.latestWave; //=> 'Vague 3'
 * rmSync(dir, { recursive: true });
 */
export async function writeReport(config: ReportConfig, outDir: string, options: WriteReportOptions = {}): Promise<WrittenReport> {
  const lang = options.lang ?? config.lang;
  const progress = (step: Message): void => options.onProgress?.(renderMessage(step, lang));
  const { out, mode } = checkOutputPath(outDir);
  progress(M.stepReadingData());
  const data = options.data ?? readReportData(config);
  const env = process.env.SOURCE_DATE_EPOCH;
  const timestamp = options.timestamp ?? (env !== undefined && /^\d+$/.test(env.trim()) ? Number(env.trim()) : undefined);
  const report = await buildReport(config, data, { ...options, ...(timestamp !== undefined ? { timestamp } : {}) });

  mkdirSync(dirname(out), { recursive: true });
  const tmp = join(dirname(out), `.${basename(out)}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
  const files: string[] = [];
  try {
    mkdirSync(join(tmp, 'tables'), { recursive: true });
    const format = options.format ?? 'html';
    if (format !== 'pptx') {
      progress(M.stepHtml());
      writeFileSync(join(tmp, 'index.html'), report.html, 'utf8');
      files.push('index.html');
    }
    if (format !== 'html') {
      progress(M.stepPptx());
      writeFileSync(join(tmp, 'deck.pptx'), await reportToPptx(report, { lang, created: dataDate(data) }));
      files.push('deck.pptx');
    }
    progress(M.stepCsv({ n: report.tables.length }));
    for (const t of report.tables) {
      writeCsvFile(join(tmp, 'tables', `${t.name}.csv`), t.rows, { lang });
      files.push(`tables/${t.name}.csv`);
    }
    progress(M.stepXlsx());
    writeFileSync(join(tmp, 'tables.xlsx'), await sheetsToXlsx(report.sheets, { created: dataDate(data), title: config.title, lang }));
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

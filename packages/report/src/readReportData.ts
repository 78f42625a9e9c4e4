import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import type { WaveInput } from '@satlab/barometer';
import { stackWaves } from '@satlab/barometer';
import type { Codebook, Table } from '@satlab/data';
import { factorOf, filterRows, getColumn, InputError, loadTable, parseCodebook } from '@satlab/data';
import type { CodebookLanguages } from './internal/translate.js';
import { codebookLanguages } from './internal/translate.js';
import { msg } from './messages.js';
import type { ReportConfig, ReportData, ReportFile } from './types.js';

const YES = ['oui', 'yes', 'o', 'y', '1', 'true', 'vrai'];

function readBytes(path: string, asWritten: string): Buffer {
  try {
    return readFileSync(path);
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    throw new InputError(e.code === 'ENOENT' ? msg.fileNotFound() : msg.fileUnreadable(e.code ?? e.message), { file: asWritten });
  }
}

const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

/**
 * Reads everything a report needs (the I/O half of `writeReport`): the codebook(s), the wave
 * files (or the stacked file), each loaded with `loadTable`; the waves are stacked and their
 * questionnaires compared by `stackWaves` (a changed scale is refused unless the config's
 * `scaleMap` maps it); every column the config names is checked, and the yes value of the
 * `complained` / `left` flags resolved. Files are hashed (SHA-256) for the provenance footer.
 *
 * @throws {InputError} A missing or malformed file (named), a column the config names that the
 *   data lack (naming the config file, line and key), a changed scale (naming the item, both
 *   waves and both scales), a flag whose yes value cannot be told.
 * @example
 * const data = readReportData(loadReportConfig('datasets/barometer/report.yaml'));
 * data.stacked.table.nRows; //=> 4500
 * data.files[1]; //=> { role: 'wave', path: 'wave-1.csv', bytes: 210741, rows: 1500, wave: 'Vague 1', sha256: 'df1683bf'… }
 */
export function readReportData(config: ReportConfig): ReportData {
  const files: ReportFile[] = [];
  const loadWarnings: string[] = [];
  const shown = (abs: string): string => relative(config.dir, abs) || abs;
  const books = new Map<string, Codebook>();
  const languages = new Map<string, CodebookLanguages>();
  const codebookAt = (abs: string): Codebook => {
    let cb = books.get(abs);
    if (!cb) {
      const bytes = readBytes(abs, shown(abs));
      cb = parseCodebook(bytes.toString('utf8'), shown(abs));
      books.set(abs, cb);
      languages.set(abs, codebookLanguages(bytes.toString('utf8')));
      files.push({ role: 'codebook', path: shown(abs), bytes: bytes.length, sha256: sha256(bytes) });
    }
    return cb;
  };
  const mainBook = config.codebook ? codebookAt(config.codebook) : undefined;

  let stacked: ReturnType<typeof stackWaves>;
  if (config.waves) {
    const waves: WaveInput[] = config.waves.map((w) => {
      const cb = w.codebook ? codebookAt(w.codebook) : mainBook;
      const bytes = readBytes(w.file, w.fileAsWritten);
      const { table, report } = loadTable({ name: w.fileAsWritten, bytes }, cb ? { codebook: cb } : {});
      for (const x of report.warnings) loadWarnings.push(`${w.fileAsWritten}: ${x.text}`);
      files.push({ role: 'wave', path: w.fileAsWritten, bytes: bytes.length, sha256: sha256(bytes), rows: table.nRows, wave: w.label });
      return { table, label: w.label, ...(w.date ? { date: w.date } : {}), ...(cb ? { codebook: cb } : {}), file: w.fileAsWritten };
    });
    stacked = stackWaves(waves, { ...(config.scaleMap ? { scaleMap: config.scaleMap } : {}) });
  } else {
    const d = config.data as NonNullable<ReportConfig['data']>;
    const bytes = readBytes(d.file, d.fileAsWritten);
    const { table, report } = loadTable({ name: d.fileAsWritten, bytes }, mainBook ? { codebook: mainBook } : {});
    for (const x of report.warnings) loadWarnings.push(`${d.fileAsWritten}: ${x.text}`);
    files.push({ role: 'data', path: d.fileAsWritten, bytes: bytes.length, sha256: sha256(bytes), rows: table.nRows });
    checkColumn(config, table, 'data.waveColumn', d.waveColumn, d.fileAsWritten);
    // One stacked file: split it into waves (levels of the wave column, in order) and stack them
    // again, so that the wave column is the same ordinal column whichever way the data came.
    const wf = factorOf(table, d.waveColumn);
    const waves: WaveInput[] = [];
    wf.levels.forEach((label, k) => {
      const keep = Uint8Array.from(wf.codes, (c) => (c === k ? 1 : 0));
      if (!keep.some((x) => x === 1)) return;
      waves.push({ table: filterRows(table, keep), label, ...(d.dates[label] ? { date: d.dates[label] } : {}), ...(mainBook ? { codebook: mainBook } : {}), file: d.fileAsWritten });
    });
    stacked = stackWaves(waves, { waveColumn: d.waveColumn, ...(config.scaleMap ? { scaleMap: config.scaleMap } : {}) });
  }

  // Every column the config names must exist.
  const t = stacked.table;
  const where = config.waves ? config.waves[config.waves.length - 1].fileAsWritten : (config.data as NonNullable<ReportConfig['data']>).fileAsWritten;
  if (config.segment) checkColumn(config, t, 'segment', config.segment.column, where);
  config.attributes.forEach((a, i) => {
    checkColumn(config, t, `attributes[${i}].satisfaction`, a.satisfaction, where);
    if (a.importance) checkColumn(config, t, `attributes[${i}].importance`, a.importance, where);
  });
  checkColumn(config, t, 'overall', config.overall.column, where);
  if (config.nps) checkColumn(config, t, 'nps', config.nps.column, where);
  if (config.ces) checkColumn(config, t, 'ces', config.ces.column, where);
  for (const key of ['complained', 'left'] as const) {
    const f = config[key];
    if (!f) continue;
    checkColumn(config, t, key, f.column, where);
    const levels = factorOf(t, f.column).levels;
    if (f.yes.length === 0) {
      const guess = levels.filter((l) => YES.includes(l.trim().toLowerCase()));
      if (guess.length !== 1) throw configError(config, key, msg.flagNoYes(key, f.column, levels));
      f.yes = guess;
    }
    for (const y of f.yes) if (!levels.includes(y)) throw configError(config, key, msg.flagYesUnknown(key, f.column, y, levels));
  }
  if (config.verbatim) {
    checkColumn(config, t, 'verbatim', config.verbatim.column, where);
    const c = getColumn(t, config.verbatim.column);
    if (c.type !== 'text' && c.type !== 'id' && c.type !== 'categorical') throw configError(config, 'verbatim', msg.notText('verbatim', config.verbatim.column, c.type));
  }
  if (config.weights) for (const col of Object.keys(config.weights.rake)) checkColumn(config, t, `weights.rake.${col}`, col, where);
  // Labels per language: the report's codebook, else the latest wave's.
  const langBook = config.codebook ?? (config.waves ? config.waves[config.waves.length - 1].codebook : undefined);
  const langs = langBook ? languages.get(langBook) : undefined;
  return { stacked, files, loadWarnings, ...(langs ? { languages: langs } : {}) };
}

function configError(config: ReportConfig, key: string, message: string): InputError {
  const line = config.keyLines[key];
  return new InputError(message, { file: config.source, ...(line !== undefined ? { line } : {}) });
}

function checkColumn(config: ReportConfig, table: Table, key: string, column: string, file: string): void {
  if (table.columns.some((c) => c.name === column)) return;
  throw configError(config, key, msg.noColumn(key, column, file, table.columns.map((c) => c.name)));
}

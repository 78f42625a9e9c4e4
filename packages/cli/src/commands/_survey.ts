/**
 * Shared input handling of the survey commands (ipa, nps, csat, attrition, mirror, mystery):
 * reads a delimited file once as raw cells (for file line numbers) and as a typed table
 * (codebook when given, numeric parsing with the file's decimal mark), and turns columns into
 * the arrays the `@satlab/survey` functions take, with positions for error messages.
 * Not a command: main.ts skips files whose name starts with "_".
 */
import { resolve } from 'node:path';
import type { Codebook, CsvFormat, LoadReport, ReadSurveyOptions, RenamedColumn, SurveyData, Table } from '@satlab/data';
import { checkFile, factorOf, getColumn, InputError, loadCodebook, numericValues, readSource, readSurvey } from '@satlab/data';
import type { Lang } from '@satlab/format';
import type { Message } from '@satlab/messages';
import { renderMessage } from '@satlab/messages';
import type { MissingReasons, ValueSource } from '@satlab/survey';
import { reasonLabel } from '@satlab/present';
import type { CommandContext } from '../command.js';
import { positional, stringOption, UsageError } from '../command.js';
import { cliMsg } from '../messages.js';

/** The rows of a survey file as text, for the few commands that read cells themselves (mystery grids, IPA means). */
export interface SurveyRows {
  file: string;
  /** Every column name, after renaming (`...1` for an empty header cell). */
  header: string[];
  renamed: RenamedColumn[];
  /** Row i's cells, for every column of the header (read again in full on first use). */
  readonly rows: string[][];
  /** Row i's 1-based line (sheet row, SPSS case). */
  lines: ArrayLike<number>;
  format: CsvFormat;
}

export interface SurveyFile {
  /** The file name as the user wrote it. */
  file: string;
  data: SurveyRows;
  table: Table;
  report: LoadReport;
  codebook?: Codebook;
  /** The loaded survey (raw cells of the columns read, positions). */
  survey: SurveyData;
}

/** The largest input file (--max-bytes, default 2 GiB); a device or a FIFO is refused whatever the size. */
export function maxBytesOption(ctx: CommandContext): number | undefined {
  const s = stringOption(ctx, 'max-bytes');
  if (s === undefined) return undefined;
  const m = /^\s*(\d+(?:[.,]\d+)?)\s*([kmgt]?)i?b?\s*$/i.exec(s);
  if (!m) throw new UsageError(cliMsg.maxBytesSyntax({ value: s }));
  const unit = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4 }[m[2].toLowerCase() as '' | 'k' | 'm' | 'g' | 't'];
  return Math.floor(Number(m[1].replace(',', '.')) * unit);
}

/** Reads a file named on the command line (a regular file within --max-bytes); errors name it as the user wrote it. */
export function readInput(ctx: CommandContext, file: string): Buffer {
  const path = resolve(ctx.cwd, file);
  checkFile(path, file, maxBytesOption(ctx));
  const { bytes } = readSource(path, maxBytesOption(ctx));
  return Buffer.from((bytes as Uint8Array).buffer, (bytes as Uint8Array).byteOffset, (bytes as Uint8Array).byteLength);
}

/**
 * Loads a survey file named on the command line — CSV, Excel (`--sheet`), SPSS `.sav` or Parquet —
 * in one pass through `readSurvey`, reading only the columns the command needs, with the
 * codebook of --codebook. The one loading call of every survey command.
 */
export function loadSurveyFile(ctx: CommandContext, file: string, opts: ReadSurveyOptions = {}): SurveyData {
  const codebookPath = stringOption(ctx, 'codebook');
  const codebook = codebookPath !== undefined ? loadCodebook(resolve(ctx.cwd, codebookPath)) : undefined;
  const sheet = stringOption(ctx, 'sheet');
  const maxBytes = maxBytesOption(ctx);
  const path = resolve(ctx.cwd, file);
  try {
    return readSurvey(path, {
      ...(codebook ? { codebook } : {}),
      ...(sheet !== undefined ? { sheet: /^\d+$/.test(sheet) ? Number(sheet) : sheet } : {}),
      ...(maxBytes !== undefined ? { maxBytes } : {}),
      ...opts,
    });
  } catch (err) {
    // Name the file as the user wrote it, not by its absolute path.
    if (err instanceof InputError && err.location.file === path) err.location.file = file;
    if (err instanceof InputError) err.message = err.message.split(path).join(file);
    throw err;
  }
}

/**
 * Opens a survey file, reading only the columns named in `need`. `numeric` columns not declared
 * by the codebook are read as numbers (a cell that is not a number is an InputError with file,
 * line and column; `NA`, `NSP`, `-`… are missing with their reason); other columns are declared
 * by the codebook (an SPSS file's own included) or inferred.
 */
export function openSurvey(ctx: CommandContext, file: string, need: { numeric?: string[]; other?: string[] } = {}): SurveyFile {
  const used = [...new Set([...(need.numeric ?? []), ...(need.other ?? [])])];
  const codebookPath = stringOption(ctx, 'codebook');
  const declared = codebookPath !== undefined ? loadCodebook(resolve(ctx.cwd, codebookPath)).columns : {};
  const columns: ReadSurveyOptions['columns'] = {};
  for (const name of need.numeric ?? []) if (!declared[name]) columns[name] = { type: 'numeric' };
  const survey = loadSurveyFile(ctx, file, { ...(used.length > 0 ? { select: used } : {}), columns });
  const { table, report } = survey;
  let rows: string[][] | undefined;
  const data: SurveyRows = {
    file,
    header: survey.header,
    renamed: report.renamed ?? [],
    lines: survey.lines,
    format: { encoding: report.encoding, bom: report.bom, separator: report.separator, decimal: report.decimal },
    get rows(): string[][] {
      if (!rows) {
        const all = used.length === 0 ? survey : loadSurveyFile(ctx, file, { columns: Object.fromEntries(survey.header.map((h) => [h, { type: 'text' as const }])) });
        const cols = all.header.map((h) => all.raw(h));
        rows = Array.from({ length: all.table.nRows }, (_, i) => cols.map((c) => c[i]));
      }
      return rows;
    },
  };
  return { file, data, table, report, survey, ...(survey.codebook ? { codebook: survey.codebook } : {}) };
}

export interface NumberColumn {
  values: Float64Array;
  source: ValueSource;
  missingReasons?: MissingReasons;
  /** Scale declared by the codebook, if any. */
  scale?: [number, number];
}

/** A column as numbers (ordinal scores for declared ordinal columns), with its position in the file. */
export function numberColumn(sf: SurveyFile, name: string): NumberColumn {
  const values = numericValues(sf.table, name);
  const col = getColumn(sf.table, name);
  const declared = sf.codebook?.columns[name];
  const scale = declared?.scale ?? (col.type === 'numeric' ? col.scale : undefined);
  return {
    values,
    source: { file: sf.file, column: name, columnNumber: sf.data.header.indexOf(name) + 1, lines: sf.survey.lines },
    ...(col.missingReasons ? { missingReasons: col.missingReasons } : {}),
    ...(scale ? { scale: [scale[0], scale[1]] as [number, number] } : {}),
  };
}

/** A column as segment names (`null` = missing), with the level order (codebook levels, else sorted later). */
export function segmentColumn(sf: SurveyFile, name: string): { by: (string | null)[]; order?: string[] } {
  const declared = sf.codebook?.columns[name];
  if (declared && (declared.type === 'categorical' || declared.type === 'ordinal')) {
    const f = factorOf(sf.table, name);
    return { by: Array.from(f.codes, (k) => (k < 0 ? null : f.levels[k])), order: f.levels };
  }
  return { by: rawColumn(sf, name) };
}

/** The `by` and `segmentOrder` options of a survey analysis for the segment column named by --by (none without it). */
export function segmentOptions(sf: SurveyFile, by: string | undefined): { by?: (string | null)[]; segmentOrder?: string[] } {
  const seg = by ? segmentColumn(sf, by) : undefined;
  return seg ? { by: seg.by, ...(seg.order ? { segmentOrder: seg.order } : {}) } : {};
}

/**
 * The start of the rating-score commands (nps, csat, ces): `<file> --column <col> [--by <col>]`,
 * the file opened with the rating column read as numbers.
 */
export function openRatingColumn(ctx: CommandContext): { column: string; by: string | undefined; sf: SurveyFile; col: NumberColumn } {
  const file = positional(ctx, 0, 'file');
  const column = stringOption(ctx, 'column', true);
  const by = stringOption(ctx, 'by');
  const sf = openSurvey(ctx, file, { numeric: [column], other: by ? [by] : [] });
  return { column, by, sf, col: numberColumn(sf, column) };
}

/**
 * The options every rating score (nps, csat, ces) takes from the command line and its column:
 * segments of --by, --confidence, --exclude-invalid, and the column's file position and missing reasons.
 */
export function ratingOptions(ctx: CommandContext, sf: SurveyFile, col: NumberColumn, by: string | undefined) {
  const segments = segmentOptions(sf, by);
  return {
    confidence: confidenceOption(ctx),
    invalid: ctx.values['exclude-invalid'] === true ? ('exclude' as const) : ('error' as const),
    source: col.source,
    ...(col.missingReasons ? { missingReasons: col.missingReasons } : {}),
    ...segments,
  };
}

/** Raw trimmed cells of a column (empty → null), with file lines. */
export function rawColumn(sf: SurveyFile, name: string): (string | null)[] {
  return Array.from(sf.survey.raw(name), (s) => {
    const t = s.trim();
    return t === '' ? null : t;
  });
}

const norm = (s: string): string => s.trim().toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '');
export const DEFAULT_LEFT = ['oui', 'yes', 'y', 'o', '1', 'true', 'vrai', 'left', 'parti', 'churn', 'churned', 'perdu'];
export const DEFAULT_STAYED = ['non', 'no', 'n', '0', 'false', 'faux', 'stayed', 'reste', 'fidele', 'retained', 'conserve'];

/**
 * A left/stayed flag column as booleans (empty = null). A value in neither list is an
 * InputError naming file, line, column and value. Matching ignores case and accents.
 */
export function flagColumn(
  sf: SurveyFile,
  name: string,
  leftValues: string[],
  stayedValues: string[],
  words: { yes: string; no: string; yesOption: string; noOption: string } = { yes: 'left', no: 'stayed', yesOption: '--left-values', noOption: '--stayed-values' },
): (boolean | null)[] {
  const j = sf.data.header.indexOf(name);
  const yes = new Set(leftValues.map(norm));
  const no = new Set(stayedValues.map(norm));
  return Array.from(sf.survey.raw(name), (raw, i) => {
    const v = norm(raw);
    if (v === '') return null;
    if (yes.has(v)) return true;
    if (no.has(v)) return false;
    throw new InputError(
      `"${raw.trim()}" is neither a "${words.yes}" value (${leftValues.join(', ')}) nor a "${words.no}" value (${stayedValues.join(', ')}); give ${words.yesOption} and ${words.noOption}`,
      { file: sf.file, line: sf.survey.lines[i], column: j + 1, columnName: name, value: raw.trim() },
    );
  });
}

/** Parses "1-4", "0-10", "1..5" or "1,4" into [min, max]. */
export function parseScale(s: string, option = 'scale'): [number, number] {
  const m = /^\s*(-?\d+(?:[.,]\d+)?)\s*(?:-|\.\.|,|:|–)\s*(-?\d+(?:[.,]\d+)?)\s*$/.exec(s);
  const lo = m ? Number(m[1].replace(',', '.')) : NaN;
  const hi = m ? Number(m[2].replace(',', '.')) : NaN;
  if (!m || !(lo < hi)) throw new UsageError(cliMsg.scaleSyntax({ option, value: s }));
  return [lo, hi];
}

/** The rating scale given by --scale (see {@link parseScale}); undefined without the option. */
export function scaleOption(ctx: CommandContext): [number, number] | undefined {
  const s = stringOption(ctx, 'scale');
  return s !== undefined ? parseScale(s) : undefined;
}

/** Parses a rate written 0.15, 0,15 or 15 %. */
export function parseRate(s: string, option: string): number {
  const t = s.trim().replace(',', '.');
  const pct = /%\s*$/.test(t);
  const x = Number(t.replace(/%\s*$/, '').trim());
  if (!Number.isFinite(x)) throw new UsageError(cliMsg.shareOption({ option, value: s }));
  return pct ? x / 100 : x;
}

/** Parses an amount written 250, 1 250,50 or 250 € (spaces and the euro sign ignored, decimal point or comma). */
export function parseAmount(s: string, option: string): number {
  const x = Number(s.trim().replace(/[\s\u00a0€]/g, '').replace(',', '.'));
  if (!Number.isFinite(x)) throw new UsageError(cliMsg.notANumber({ option, value: s }));
  return x;
}

/** A comma-separated list option. */
export function listOption(ctx: CommandContext, name: string): string[] | undefined {
  const s = stringOption(ctx, name);
  if (s === undefined) return undefined;
  const xs = s.split(/[,;]/).map((x) => x.trim()).filter((x) => x !== '');
  if (xs.length === 0) throw new UsageError(cliMsg.atLeastOneValue({ option: name }));
  return xs;
}

/** Confidence level option (0.95 or 95 or 95%). */
export function confidenceOption(ctx: CommandContext): number {
  const s = stringOption(ctx, 'confidence');
  if (s === undefined) return 0.95;
  const x = parseRate(s, 'confidence');
  const c = x > 1 ? x / 100 : x;
  if (!(c > 0 && c < 1)) throw new UsageError(cliMsg.confidenceRange({ value: s }));
  return c;
}

/** Missing and exclusion reasons are English keys in results; French for people. */
export function reasonText(reason: string, lang: Lang): string {
  return reasonLabel(reason, lang);
}

export function reasonsText(byReason: Record<string, number>, lang: Lang): string {
  return Object.entries(byReason)
    .map(([r, k]) => `${reasonText(r, lang)} × ${k}`)
    .join(', ');
}

/** The warnings block of a human report: structured messages in the reader's language (plain strings as they are). */
export function warningsBlock(warnings: readonly (string | Message)[], lang: Lang): string[] {
  const uniq = [...new Set(warnings.map((w) => renderMessage(w, lang)))];
  if (uniq.length === 0) return [];
  return ['', renderMessage(cliMsg.warningsHeading(), lang), ...uniq.map((w) => `  - ${w}`)];
}

/** How every command reads its input file: the Excel sheet and the size limit. */
export const INPUT_OPTIONS = {
  sheet: { type: 'string' as const, arg: '<name|n>', description: { en: 'Excel workbook: the sheet to read, by name or number (default: the first)', fr: 'classeur Excel : la feuille à lire, par nom ou numéro (défaut : la première)' } },
  'max-bytes': { type: 'string' as const, arg: '<size>', description: { en: 'refuse input files larger than this (default 2G; e.g. 500M)', fr: 'refuser les fichiers plus gros que cela (défaut 2G ; p. ex. 500M)' } },
};

/** Options every survey command shares. */
export const CODEBOOK_OPTION = {
  codebook: { type: 'string' as const, arg: '<file>', description: { en: 'codebook (YAML/JSON): scales, missing codes, levels', fr: 'codebook (YAML/JSON) : échelles, codes de non-réponse, modalités' } },
  ...INPUT_OPTIONS,
};
export const CONFIDENCE_OPTION = {
  confidence: { type: 'string' as const, arg: '<level>', description: { en: 'confidence level of the intervals (default 0.95)', fr: 'niveau de confiance des intervalles (défaut 0,95)' } },
};

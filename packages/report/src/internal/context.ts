/** Internal: what every section of the report reads (built once by buildReport). */
import type { RakeResult, StackedWaves } from '@satlab/barometer';
import type { CsvCell, FactorColumn, Table } from '@satlab/data';
import { getColumn } from '@satlab/data';
import type { PresentedTable } from '@satlab/present';
import type { Message } from '@satlab/messages';
import type { Texts } from '../i18n.js';
import type { Translator } from './translate.js';
import type { LocalText, ReportConfig, ReportLang, ReportSummary, ReportTable } from '../types.js';
import { fmt } from './html.js';

export interface Ctx {
  config: ReportConfig;
  lang: ReportLang;
  T: Texts;
  f: ReturnType<typeof fmt>;
  stacked: StackedWaves;
  table: Table;
  waveColumn: string;
  waves: string[];
  latest: string;
  /** Rows of the latest wave. */
  latestTable: Table;
  /** Row indices (in `table`) of the latest wave. */
  latestRows: number[];
  segment: { column: string; label: string; levels: string[]; codes: Int32Array } | null;
  weights: Float64Array | null;
  rake: RakeResult | null;
  /** Warnings and notes of the report, already in its language. */
  warnings: string[];
  /** Adds a warning (a structured message or a library's text) under a heading in the report's language. */
  warn: (where: string | null, w: Message | string) => void;
  /** Codebook labels and category values in the report's language. */
  tr: Translator;
  /** Reports a step (a `report.step*` message; `buildReport` renders it in the report's language for `onProgress`). */
  progress: (step: Message) => void;
  /** Every chart drawn, in order (the deck shows those PowerPoint cannot draw natively). */
  figures: { builder: string; svg: string }[];
}

/** What a section gives back. */
export interface SectionOut {
  id: string;
  title: string;
  html: string;
  tables: ReportTable[];
  /** Tables for people (workbook sheet, deck), in the report's language. */
  sheet?: PresentedTable[];
}

export type SummaryPart = Partial<ReportSummary>;

export const localText = (t: LocalText, lang: ReportLang): string => (typeof t === 'string' ? t : t[lang]);

/** Numbers for CSV/XLSX: 12 significant digits (no float noise), NaN → empty. */
export const n12 = (x: number | null | undefined): CsvCell => (x === null || x === undefined || Number.isNaN(x) ? null : Number.isFinite(x) ? Number(x.toPrecision(12)) : null);

/** A column's human label (codebook label, else its name), in the report's language when the codebook has it. */
export function columnLabel(table: Table, column: string, tr?: Translator): string {
  const own = getColumn(table, column).label ?? column;
  return tr ? tr.label(column, own) : own;
}

/** The scale [min, max] of a numeric or ordinal column, if known. */
export function columnScale(table: Table, column: string): [number, number] | undefined {
  const c = getColumn(table, column);
  if (c.type === 'numeric') return c.scale ? [c.scale[0], c.scale[1]] : undefined;
  if (c.type === 'ordinal' && c.scores && c.scores.length > 0) return [Math.min(...c.scores), Math.max(...c.scores)];
  return undefined;
}

/** Strings of a factor column (null = missing), for the survey functions' `by`. */
export function segmentStrings(col: FactorColumn, rows: readonly number[]): (string | null)[] {
  return rows.map((i) => (col.codes[i] < 0 ? null : col.levels[col.codes[i]]));
}

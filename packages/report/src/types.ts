import type { IndicatorSpec, RakeMargins, ScaleMapping, StackedWaves } from '@satlab/barometer';
import type { CsvCell } from '@satlab/data';
import type { PresentedTable } from '@satlab/present';
import type { CodebookLanguages } from './internal/translate.js';
import type { PAdjustMethod } from '@satlab/stats';

/** Language of the report. */
export type ReportLang = 'fr' | 'en';

/** A text given in one language for all, or per language. */
export type LocalText = string | { fr: string; en: string };

/** One wave file of the barometer. */
export interface ReportWaveFile {
  /** Absolute path of the data file. */
  file: string;
  /** The path as written in the config (for provenance and messages). */
  fileAsWritten: string;
  label: string;
  /** ISO YYYY-MM-DD. */
  date?: string;
  /** Absolute path of this wave's codebook when it differs from the report's. */
  codebook?: string;
}

/** A yes/no column: which values mean yes. */
export interface FlagColumn {
  column: string;
  yes: string[];
}

/** A theme of the verbatim lexicon. */
export interface VerbatimTheme {
  name: LocalText;
  /** Keywords matched at the start of a word, case- and accent-insensitive. */
  keywords: { fr: string[]; en: string[] };
}

/** A validated report configuration (`loadReportConfig`), paths resolved from the config's folder. */
export interface ReportConfig {
  /** The config file (absolute) and its folder. */
  file: string;
  /** The config path as given (named in messages). */
  source: string;
  /** Line of each key that names a column (`attributes[2].satisfaction` → 14), for messages. */
  keyLines: Record<string, number>;
  dir: string;
  title: string;
  subtitle?: string;
  lang: ReportLang;
  /** The report's codebook (absolute path), used for every wave that has none of its own. */
  codebook?: string;
  codebookAsWritten?: string;
  /** One file per wave, oldest first… */
  waves?: ReportWaveFile[];
  /** …or one stacked file with a wave column. */
  data?: { file: string; fileAsWritten: string; waveColumn: string; dates: Record<string, string> };
  /** The segment column (contract type) and its name in the report (default: the codebook label). */
  segment?: { column: string; label?: LocalText };
  attributes: { name: LocalText; satisfaction: string; importance?: string }[];
  overall: { column: string };
  nps?: { column: string };
  ces?: { column: string; higherIsBetter: boolean };
  complained?: FlagColumn;
  left?: FlagColumn;
  verbatim?: { column: string; themes: VerbatimTheme[]; examples: number };
  weights?: { rake: RakeMargins; maxIter?: number; tol?: number };
  comparison: { adjust: PAdjustMethod; alpha: number; confidence: number; family: 'all' | 'indicator'; against: ('previous' | 'first')[] };
  scaleMap?: Record<string, ScaleMapping>;
  /** Cautions found while reading the config. */
  warnings: string[];
}

/** An input file, for the provenance footer. */
export interface ReportFile {
  role: 'wave' | 'data' | 'codebook';
  /** As written in the config. */
  path: string;
  bytes: number;
  /** SHA-256 of the bytes, hex. */
  sha256: string;
  rows?: number;
  wave?: string;
}

/** The data of a report (`readReportData`): the waves stacked and checked, and the files read. */
export interface ReportData {
  stacked: StackedWaves;
  files: ReportFile[];
  /** Load warnings (out-of-scale values, undeclared columns…), each prefixed with its file. */
  loadWarnings: string[];
  /** The codebook's language and its translations (`lang`, `translations` keys), when it has them. */
  languages?: CodebookLanguages;
}

/** A table of the report, as rows (the first row is the header), for CSV and XLSX. */
export interface ReportTable {
  /** File name without extension, e.g. `key_figures`. */
  name: string;
  /** Title in the report's language. */
  title: string;
  rows: CsvCell[][];
}

/** One sheet of the workbook (and one part of the deck): a section's tables for people. */
export interface ReportSheet {
  /** Section id (`key-figures`, `ipa`, …). */
  id: string;
  /** Section title in the report's language (the sheet's name, cut to 31 characters). */
  title: string;
  tables: PresentedTable[];
}

/** One key figure of the latest wave. */
export interface KeyFigure {
  indicator: string;
  /** Indicator id: `overall`, `csat`, `nps`, `ces`, `complained`, `left`, or the satisfaction column. */
  id: string;
  kind: IndicatorSpec['kind'];
  unit: 'scale' | 'share' | 'points';
  value: number;
  ci: [number, number];
  n: number;
  effectiveN: number;
  previous: number | null;
  changePrevious: number | null;
  pAdjustedPrevious: number | null;
  markPrevious: string;
  first: number | null;
  changeFirst: number | null;
  pAdjustedFirst: number | null;
  markFirst: string;
  higherIsBetter: boolean;
}

/** The figures of the report, JSON-safe (what `satlab report --json` prints). */
export interface ReportSummary {
  title: string;
  lang: ReportLang;
  generatedAt: string;
  latestWave: string;
  waves: { label: string; date: string | null; n: number }[];
  sections: string[];
  keyFigures: KeyFigure[];
  comparison: { adjust: string; family: string; tests: number; alpha: number; significantChanges: { indicator: string; wave: string; against: string; difference: number; pAdjusted: number; mark: string }[] };
  weighting: { method: string; effectiveN: { wave: string; n: number; effectiveN: number; designEffect: number }[]; converged: boolean } | null;
  ipa: { axis: string; priorities: string[]; quadrants: Record<string, string[]> } | null;
  drivers: { r2: number; n: number; ranking: { name: string; shapley: number | null; rank: number }[] } | null;
  crossTabs: { name: string; rows: string; cols: string; chiSquare: number; df: number; pValue: number; cramersV: number; n: number }[];
  npsBySegment: { segment: string; n: number; nps: number; ci: [number, number] }[] | null;
  /** `twiceConsistent`: the risk ratio's interval holds 2 (the BTS MUC course's "twice" rule), null when it is undefined. */
  attrition: { group: string; n: number; attritionRate: number; dissatisfiedRate: number; riskRatio: number; riskRatioCI: [number, number]; twiceConsistent: boolean | null; attritionOverDissatisfied: number }[] | null;
  verbatims: { column: string; total: number; unclassified: number; themes: { name: string; count: number }[] } | null;
  questionnaire: { changes: string[]; mapped: string[] };
  /** Warnings and notes, in the report's language (structured messages rendered with @satlab/messages). */
  warnings: string[];
}

/** What `buildReport` returns. */
export interface Report {
  /** The self-contained HTML page. */
  html: string;
  tables: ReportTable[];
  /** The tables for people, one sheet per section (the workbook and the deck). */
  sheets: ReportSheet[];
  /** The charts as SVG, in the order of the page (`builder`: the @satlab/charts function). */
  figures: { builder: string; svg: string }[];
  summary: ReportSummary;
}

/** Options of `buildReport` and `writeReport`. */
export interface BuildReportOptions {
  /** Generation time printed in the footer (the only varying part). Default: `SOURCE_DATE_EPOCH` when writing, else now. */
  timestamp?: Date | string | number;
  /** Overrides the config's language. */
  lang?: ReportLang;
  /** Called with a short line at each step, in the report's language (`report.step*` messages; the CLI prints them on stderr). */
  onProgress?: (step: string) => void;
}

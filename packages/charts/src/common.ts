import { chartError, M } from './messages.js';
/**
 * Internal helpers shared by the builders (not exported from the package): locale configs,
 * the common top-level spec fields, argument checks and number formatting for static labels.
 */
import type { Config, TopLevelSpec } from 'vega-lite';
import type { ChartLang, ChartOptions, CrossTabChartInput } from './types.js';

/** Vega-Lite v5 JSON schema, stamped on every spec. */
export const SCHEMA = 'https://vega.github.io/schema/vega-lite/v5.json';

const FR_LOCALE = {
  number: {
    decimal: ',',
    thousands: '\u00a0',
    grouping: [3],
    currency: ['', '\u00a0€'],
    percent: '\u00a0%',
    minus: '\u2212',
  },
  time: {
    dateTime: '%A %e %B %Y à %X',
    date: '%d/%m/%Y',
    time: '%H:%M:%S',
    periods: ['AM', 'PM'],
    days: ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'],
    shortDays: ['dim.', 'lun.', 'mar.', 'mer.', 'jeu.', 'ven.', 'sam.'],
    months: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
    shortMonths: ['janv.', 'févr.', 'mars', 'avr.', 'mai', 'juin', 'juil.', 'août', 'sept.', 'oct.', 'nov.', 'déc.'],
  },
};

const EN_LOCALE = {
  number: { decimal: '.', thousands: ',', grouping: [3], currency: ['€', ''], minus: '\u2212' },
  time: {
    dateTime: '%a %e %b %Y %X',
    date: '%d/%m/%Y',
    time: '%H:%M:%S',
    periods: ['AM', 'PM'],
    days: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
    shortDays: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
    months: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
    shortMonths: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
  },
};

/** Vega-Lite config: locale (decimal comma and no-break-space grouping in French), quiet style. */
export function chartConfig(lang: ChartLang): Config {
  return {
    locale: (lang === 'fr' ? FR_LOCALE : EN_LOCALE) as Config['locale'],
    view: { stroke: null },
    // Headless rendering estimates text widths generously (no font metrics): high limits keep labels whole.
    axis: { labelFontSize: 11, titleFontSize: 12, titleFontWeight: 'normal', labelLimit: 320 },
    legend: { labelFontSize: 11, titleFontSize: 12, titleFontWeight: 'normal', labelLimit: 600, titleLimit: 600 },
    title: { fontSize: 15, anchor: 'start', subtitleFontSize: 11, subtitleColor: '#555' },
  };
}

/** Language of a call, checked. */
export function chartLang(fn: string, opts: ChartOptions | undefined): ChartLang {
  const lang = opts?.lang ?? 'en';
  if (lang !== 'fr' && lang !== 'en') throw chartError('type', M.badLang({ fn, got: String(JSON.stringify(lang)) }));
  return lang;
}

/** Top-level title: the user's, the default, or none for `''`; subtitle lines appended. */
export function chartTitle(opts: ChartOptions | undefined, fallback: string, subtitle: string[] = []): { title?: { text: string; subtitle?: string[] } } {
  const text = opts?.title ?? fallback;
  if (text === '' && subtitle.length === 0) return {};
  return { title: subtitle.length ? { text, subtitle } : { text } };
}

/** Positive finite size option, or the default. */
export function size(fn: string, name: 'width' | 'height', value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value <= 0) throw chartError('range', M.badSize({ fn, name, got: String(value) }));
  return value;
}

/** Throws a TypeError naming function and argument when `x` is not an array. */
export function needArray<T>(fn: string, name: string, x: readonly T[] | undefined): readonly T[] {
  if (!Array.isArray(x)) throw chartError('type', M.notArray({ fn, arg: name, got: x === null ? 'null' : typeof x }));
  return x;
}

/** Throws a TypeError naming function and argument when `x` is not a finite number. */
export function needFinite(fn: string, name: string, x: unknown): number {
  if (typeof x !== 'number' || !Number.isFinite(x)) throw chartError('type', M.notFinite({ fn, arg: name, got: String(x) }));
  return x;
}

/** A `[lo, hi]` interval of finite numbers, or undefined when absent. */
export function interval(fn: string, name: string, x: readonly number[] | undefined): [number, number] | undefined {
  if (x === undefined || x === null) return undefined;
  if (!Array.isArray(x) || x.length !== 2) throw chartError('type', M.notPair({ fn, arg: name, got: String(JSON.stringify(x)) }));
  return [needFinite(fn, `${name}[0]`, x[0]), needFinite(fn, `${name}[1]`, x[1])];
}

const nfCache = new Map<string, Intl.NumberFormat>();
/** Formats a number for a static label (title, subtitle): decimal comma in French, NaN as "—". */
export function fmt(x: number, lang: ChartLang, digits: number, opts: { sign?: boolean; minDigits?: number } = {}): string {
  if (Number.isNaN(x)) return '—';
  const key = `${lang}|${digits}|${opts.minDigits ?? digits}|${opts.sign ? 1 : 0}`;
  let f = nfCache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', {
      minimumFractionDigits: opts.minDigits ?? digits,
      maximumFractionDigits: digits,
      signDisplay: opts.sign ? 'exceptZero' : 'auto',
    });
    nfCache.set(key, f);
  }
  return f.format(x).replace(/\u202f/g, '\u00a0').replace(/-/g, '\u2212');
}

/** `[lo ; hi]` in French, `[lo, hi]` in English. */
export function fmtInterval(lo: number, hi: number, lang: ChartLang, digits: number): string {
  return lang === 'fr' ? `[${fmt(lo, lang, digits)} ; ${fmt(hi, lang, digits)}]` : `[${fmt(lo, lang, digits)}, ${fmt(hi, lang, digits)}]`;
}

/** `[min − pad, max + pad]` around finite values, pad a share of the range (at least `minPad`). */
export function paddedDomain(values: number[], share: number, minPad: number): [number, number] {
  const v = values.filter(Number.isFinite);
  let lo = Math.min(...v);
  let hi = Math.max(...v);
  const pad = Math.max((hi - lo) * share, minPad);
  lo -= pad;
  hi += pad;
  return [round6(lo), round6(hi)];
}

/** Rounds to 6 decimal places so that spec snapshots do not carry float noise. */
export function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

/** Checks that `m` is a rows × cols matrix of finite numbers and returns it. */
export function checkMatrix(fn: string, name: string, m: readonly (readonly number[])[], rows: number, cols: number): readonly (readonly number[])[] {
  needArray(fn, name, m);
  if (m.length !== rows) throw chartError('range', M.rows({ fn, arg: name, want: rows, got: m.length }));
  m.forEach((r, i) => {
    needArray(fn, `${name}[${i}]`, r);
    if (r.length !== cols) throw chartError('range', M.cols({ fn, arg: `${name}[${i}]`, want: cols, got: r.length }));
    r.forEach((v, j) => needFinite(fn, `${name}[${i}][${j}]`, v));
  });
  return m;
}

type Cells = readonly (readonly number[])[];
type CellsName = 'observed' | 'expected' | 'adjustedResiduals';

/**
 * Checks a cross-tab input: an object whose `rowLabels` and `colLabels` are non-empty arrays
 * (returned as strings), and gives checkers of its matrices (rows × cols of finite numbers):
 * `required` throws when the matrix is absent, `optional` returns undefined then.
 */
export function crossTabInput(
  fn: string,
  input: CrossTabChartInput,
): { rowLabels: string[]; colLabels: string[]; required: (name: CellsName) => Cells; optional: (name: CellsName) => Cells | undefined } {
  if (input === null || typeof input !== 'object') throw chartError('type', M.notResult({ fn, what: 'a cross-tab result object', got: String(input) }));
  const rowLabels = needArray(fn, 'input.rowLabels', input.rowLabels).map(String);
  const colLabels = needArray(fn, 'input.colLabels', input.colLabels).map(String);
  if (rowLabels.length === 0 || colLabels.length === 0) throw chartError('range', M.noLabels({ fn }));
  const required = (name: CellsName): Cells => checkMatrix(fn, `input.${name}`, input[name] as Cells, rowLabels.length, colLabels.length);
  return { rowLabels, colLabels, required, optional: (name) => (input[name] ? required(name) : undefined) };
}

/** The `threshold` option of the cross-tab charts: |adjusted residual| read as significant, default 1.96 (5 %, two-sided). */
export function residualThreshold(fn: string, threshold: number | undefined): number {
  const t = threshold ?? 1.96;
  if (!(t > 0) || !Number.isFinite(t)) throw chartError('range', M.badOption({ fn, option: 'threshold', expected: 'a positive number', got: String(t) }));
  return t;
}

/** The first two tooltip entries of a cross-tab cell: its row and its column, titled by the axis titles or "Row"/"Column". */
export function cellTooltip(opts: { rowTitle?: string; colTitle?: string }, lang: ChartLang): { field: string; type: 'nominal'; title: string }[] {
  return [
    { field: 'row', type: 'nominal', title: opts.rowTitle ?? (lang === 'fr' ? 'Ligne' : 'Row') },
    { field: 'col', type: 'nominal', title: opts.colTitle ?? (lang === 'fr' ? 'Colonne' : 'Column') },
  ];
}

/**
 * The segments of a 100 % stacked bar: each part's share of the parts' total (0 when the total
 * is not positive), where it starts and ends, and its middle (for a label), rounded by {@link round6}.
 */
export function stackedShares(parts: readonly number[]): { share: number; start: number; end: number; mid: number }[] {
  const total = parts.reduce((a, b) => a + b, 0);
  let start = 0;
  return parts.map((p) => {
    const share = total > 0 ? p / total : 0;
    const seg = { share: round6(share), start: round6(start), end: round6(start + share), mid: round6(start + share / 2) };
    start += share;
    return seg;
  });
}

/** The `layer` array of a layered Vega-Lite spec (derived from `TopLevelSpec`, so checked by tsc). */
export type LayerList = Extract<TopLevelSpec, { layer: unknown }>['layer'];
/** The `hconcat` array of a Vega-Lite spec. */
export type HConcatList = Extract<TopLevelSpec, { hconcat: unknown }>['hconcat'];

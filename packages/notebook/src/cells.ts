/**
 * Formatting of single values for tables and reports (internal): numbers in the language's format,
 * missing values as an em dash, dates as DD/MM/YYYY (fr) or YYYY-MM-DD (en).
 */
import { formatNumber, formatPValue, formatScientific } from '@satlab/format';
import type { Column } from '@satlab/data';
import { labels } from './labels.js';
import type { Lang } from './labels.js';

export const MISSING = '—';

/** A number for people: integers grouped, others with up to 4 decimals, tiny ones as m × 10ᵉ. */
export function formatValueNumber(x: number, lang: Lang): string {
  if (Number.isNaN(x)) return MISSING;
  if (!Number.isFinite(x)) return x > 0 ? '∞' : '−∞';
  if (Number.isInteger(x) && Math.abs(x) < 1e15) return formatNumber(x, lang, 0).replace('-', '−');
  if (x === 0 || Math.abs(x) >= 1e-3) return formatNumber(x, lang, 4, 0).replace('-', '−');
  return formatScientific(x, lang);
}

/** Decimals that show every value of a column exactly up to 4 (0 for integers): 2.2 and 2.17 → 2. */
export function columnDecimals(values: ArrayLike<unknown>, count: number): number {
  let d = 0;
  for (let i = 0; i < count; i++) {
    const x = values[i];
    if (typeof x !== 'number' || !Number.isFinite(x) || Number.isInteger(x) || Math.abs(x) < 1e-3) continue;
    const frac = x.toFixed(4).replace(/0+$/, '').split('.')[1] ?? '';
    d = Math.max(d, frac.length);
  }
  return d;
}

/** A number with exactly `digits` decimals (column layout); NaN as an em dash. */
export function formatFixed(x: number, lang: Lang, digits: number): string {
  if (typeof x !== 'number' || Number.isNaN(x)) return MISSING;
  if (!Number.isFinite(x)) return x > 0 ? '∞' : '−∞';
  if (x !== 0 && Math.abs(x) < 1e-3 && !Number.isInteger(x)) return formatValueNumber(x, lang);
  return formatNumber(x, lang, digits, digits).replace('-', '−');
}

/** A date (ms since epoch, UTC) as DD/MM/YYYY in French, YYYY-MM-DD in English. */
export function formatDate(ms: number, lang: Lang): string {
  if (!Number.isFinite(ms)) return MISSING;
  const iso = new Date(ms).toISOString().slice(0, 10);
  return lang === 'fr' ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : iso;
}

/** `[lo ; hi]` (fr) or `[lo, hi]` (en). */
export function formatInterval(lo: number, hi: number, lang: Lang): string {
  return lang === 'fr' ? `[${formatValueNumber(lo, lang)} ; ${formatValueNumber(hi, lang)}]` : `[${formatValueNumber(lo, lang)}, ${formatValueNumber(hi, lang)}]`;
}

const isNumberArray = (v: unknown): v is number[] => Array.isArray(v) && v.every((x) => typeof x === 'number');

/** Whether a key names a p-value (`pValue`, `p`, `pValueExact`…). */
export const isPValueKey = (key: string): boolean => /^p$|^pValue|PValue$/i.test(key);
/** Whether a key names a confidence interval (`ci`, `shapleyCi`, `riskRatioCI`…). */
export const isIntervalKey = (key: string): boolean => /^ci$|CI$|interval$/i.test(key);

/**
 * A scalar or a short array as text; `key` selects p-value and interval formats. Objects and long
 * arrays come back as a short summary (callers that can nest tables handle them before this).
 */
export function formatScalar(v: unknown, lang: Lang, key = ''): string {
  const L = labels(lang);
  if (v === null || v === undefined) return MISSING;
  if (typeof v === 'number') return isPValueKey(key) && v >= 0 && v <= 1 ? formatPValue(v, lang) : formatValueNumber(v, lang);
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? L.yes : L.no;
  if (typeof v === 'bigint') return v.toString();
  if (v instanceof Date) return formatDate(v.getTime(), lang);
  if (isNumberArray(v) || ArrayBuffer.isView(v)) {
    const a = Array.from(v as ArrayLike<number>);
    if (a.length === 2 && isIntervalKey(key)) return formatInterval(a[0], a[1], lang);
    if (a.length <= 8) return a.map((x) => formatValueNumber(x, lang)).join(lang === 'fr' ? ' ; ' : ', ');
    const head = a.slice(0, 5).map((x) => formatValueNumber(x, lang)).join(lang === 'fr' ? ' ; ' : ', ');
    return `${L.values(a.length)}${lang === 'fr' ? '\u00a0: ' : ': '}${head} …`;
  }
  if (Array.isArray(v) && v.every((x) => typeof x === 'string') && v.length <= 12) return v.join(', ');
  if (Array.isArray(v) && v.length > 0 && v.every(isNumberArray)) return L.matrix(v.length, (v[0] as number[]).length);
  let json: string;
  try {
    json = JSON.stringify(v) ?? String(v);
  } catch {
    json = String(v);
  }
  return json.length > 80 ? `${json.slice(0, 79)}…` : json;
}

/** The cells of one column of a `Table`, as text, for rows 0 … count − 1. */
export function columnCells(col: Column, count: number, lang: Lang): string[] {
  const out: string[] = new Array(count);
  const digits = col.type === 'numeric' ? columnDecimals(col.values, count) : 0;
  for (let i = 0; i < count; i++) {
    switch (col.type) {
      case 'numeric':
        out[i] = formatFixed(col.values[i], lang, digits);
        break;
      case 'date':
        out[i] = formatDate(col.values[i], lang);
        break;
      case 'categorical':
      case 'ordinal': {
        const c = col.codes[i];
        out[i] = c < 0 ? MISSING : (col.levels[c] ?? MISSING);
        break;
      }
      default:
        out[i] = col.values[i] ?? MISSING;
    }
  }
  return out;
}

import type { DecimalMark } from '../types.js';

const POINT = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const COMMA = /^[+-]?(?:\d+,?\d*|,\d+)(?:[eE][+-]?\d+)?$/;
// thousands grouped by a space, no-break space, narrow no-break space or thin space
const GROUPED_POINT = /^[+-]?\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+(?:\.\d*)?$/;
const GROUPED_COMMA = /^[+-]?\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+(?:,\d*)?$/;
const GROUP_SPACE = /[ \u00a0\u202f\u2009]/g;

/**
 * Parses a trimmed number written with the given decimal mark (`3.5` or `3,5`, exponent allowed,
 * thousands grouped by spaces: `1 234,5`); a percentage (`12,5 %`, `12.5%`) is the share it
 * stands for (0.125), as Excel stores it. Anything else (empty, `0x10`, `Infinity`, `1.5` when
 * the mark is `,`) is NaN.
 */
export function parseNumber(s: string, decimal: DecimalMark): number {
  const last = s.charCodeAt(s.length - 1);
  if (last === 0x25 /* % */) {
    const x = parseNumber(s.slice(0, -1).trimEnd(), decimal);
    return x / 100;
  }
  if (decimal === '.') {
    if (POINT.test(s)) return Number(s);
    if (GROUPED_POINT.test(s)) return Number(s.replace(GROUP_SPACE, ''));
    return NaN;
  }
  if (COMMA.test(s)) return Number(s.replace(',', '.'));
  if (GROUPED_COMMA.test(s)) return Number(s.replace(GROUP_SPACE, '').replace(',', '.'));
  return NaN;
}

/** True for numbers written with a leading zero (`007`, `-01`): codes and identifiers, not quantities. */
export function hasLeadingZero(s: string): boolean {
  return /^[+-]?0\d/.test(s);
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const DMY = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/** Which written form a date had. */
export type DateKind = 'YYYY-MM-DD' | 'DD/MM/YYYY';

function utc(y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number): number {
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return NaN;
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  if (d > days) return NaN;
  const t = Date.UTC(y, mo - 1, d, h, mi, s, ms);
  // Date.UTC maps years 0-99 to 1900-1999
  return y < 100 ? new Date(t).setUTCFullYear(y) : t;
}

/**
 * Parses a trimmed date: ISO `YYYY-MM-DD` (optionally `THH:MM[:SS[.sss]]` and `Z` or `±HH:MM`)
 * or French `DD/MM/YYYY` (optionally ` HH:MM[:SS]`). Times without offset are read as UTC.
 * Returns milliseconds since 1970-01-01 UTC and the form, or null when not a valid date
 * (31/02/2024 is not).
 */
export function parseDate(s: string): { ms: number; kind: DateKind } | null {
  let m = ISO.exec(s);
  if (m) {
    const frac = m[7] ? Math.round(Number(`0.${m[7]}`) * 1000) : 0;
    let t = utc(+m[1], +m[2], +m[3], m[4] ? +m[4] : 0, m[5] ? +m[5] : 0, m[6] ? +m[6] : 0, frac);
    if (Number.isNaN(t)) return null;
    const tz = m[8];
    if (tz && tz !== 'Z') {
      const sign = tz[0] === '-' ? -1 : 1;
      const digits = tz.slice(1).replace(':', '');
      const hh = +digits.slice(0, 2);
      const mm = +digits.slice(2);
      if (hh > 23 || mm > 59) return null;
      t -= sign * (hh * 60 + mm) * 60_000;
    }
    return { ms: t, kind: 'YYYY-MM-DD' };
  }
  m = DMY.exec(s);
  if (m) {
    const t = utc(+m[3], +m[2], +m[1], m[4] ? +m[4] : 0, m[5] ? +m[5] : 0, m[6] ? +m[6] : 0, 0);
    return Number.isNaN(t) ? null : { ms: t, kind: 'DD/MM/YYYY' };
  }
  return null;
}

/** A date for people and JSON: `YYYY-MM-DD` at midnight UTC, else the full ISO string. */
export function formatDate(ms: number): string {
  const iso = new Date(ms).toISOString();
  return ms % 86_400_000 === 0 ? iso.slice(0, 10) : iso;
}

/**
 * Cells that say "no value" in any column read as numbers or dates, whatever the codebook: R's
 * and pandas' `NA`, `N/A`, `#N/A` (Excel), `NaN`, `NULL`, `None`, `<NA>`, the French `NSP` (ne sait
 * pas) and `NR` (non-réponse), and a lone `-` or `.` (SAS, SPSS exports). Matched case-insensitively.
 */
export const MISSING_MARKERS: ReadonlySet<string> = new Set(['NA', 'N/A', '#N/A', 'NAN', 'NULL', 'NONE', '<NA>', 'NSP', 'NR', '-', '.']);

/** Whether a trimmed cell is one of the {@link MISSING_MARKERS}. */
export function isMissingMarker(s: string): boolean {
  return s.length <= 4 && MISSING_MARKERS.has(s.toUpperCase());
}

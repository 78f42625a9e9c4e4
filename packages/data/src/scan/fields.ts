/**
 * Byte-level cell parsers of the fast scanner: numbers with `.` or `,` as decimal mark, and dates
 * (ISO `YYYY-MM-DD`, `YYYY/MM/DD`, `DD/MM/YYYY`, `DD-MM-YYYY`, `DD.MM.YYYY`, optionally followed by
 * `T` or a space and `hh:mm[:ss[.fff]]` and `Z` or `±hh:mm`). They read `buf[s..e)` and return NaN
 * when the cell is not a value of the type; `info` tells which decimal mark or date layout was seen.
 */

/** Exact powers of ten 10^0 … 10^22 (all exactly representable as doubles). */
export const POW10 = new Float64Array(23);
for (let i = 0; i < 23; i++) POW10[i] = Number(`1e${i}`);

/** Date layouts (bit flags in `info.dateFormat`). */
export const DATE_FORMATS = ['YYYY-MM-DD', 'YYYY-MM-DD hh:mm:ss', 'DD/MM/YYYY', 'DD/MM/YYYY hh:mm:ss', 'YYYY/MM/DD', 'other'] as const;

/** Side information of the last successful parse. */
export const info = { mark: 0, dateFormat: 0 };

/**
 * Parses a decimal number: optional sign, digits, one decimal mark (`.` or `,`), optional exponent;
 * spaces around are allowed. Up to 15 significant digits the value is `mantissa / 10^k` with both
 * exact, one correctly rounded division (the same double as `Number()` and pandas' parser give);
 * longer numbers and exponents go through `Number()`.
 */
export function parseNumber(buf: Uint8Array, s: number, e: number): number {
  while (s < e && buf[s] === 32) s++;
  while (e > s && buf[e - 1] === 32) e--;
  if (s === e) return NaN;
  let neg = false;
  let c = buf[s];
  if (c === 45) {
    neg = true;
    s++;
  } else if (c === 43) s++;
  let mant = 0;
  let digits = 0;
  let frac = 0;
  let mark = 0;
  for (let i = s; i < e; i++) {
    c = buf[i];
    const d = c - 48;
    if (d >= 0 && d <= 9) {
      mant = mant * 10 + d;
      digits++;
      if (mark !== 0) frac++;
    } else if ((c === 46 || c === 44) && mark === 0) {
      mark = c;
    } else if (c === 101 || c === 69) {
      return slowNumber(buf, s, e, neg, mark);
    } else return NaN;
  }
  if (digits === 0) return NaN;
  info.mark = mark;
  if (digits > 15) return slowNumber(buf, s, e, neg, mark);
  const v = frac === 0 ? mant : mant / POW10[frac];
  return neg ? -v : v;
}

function slowNumber(buf: Uint8Array, s: number, e: number, neg: boolean, mark: number): number {
  let str = '';
  for (let i = s; i < e; i++) str += String.fromCharCode(buf[i] === 44 ? 46 : buf[i]);
  if (!/^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(str)) return NaN;
  info.mark = mark;
  const v = Number(str);
  return neg ? -v : v;
}

function d2(buf: Uint8Array, i: number): number {
  const a = buf[i] - 48;
  const b = buf[i + 1] - 48;
  if (a < 0 || a > 9 || b < 0 || b > 9) return -1;
  return a * 10 + b;
}

function d4(buf: Uint8Array, i: number): number {
  const a = d2(buf, i);
  const b = d2(buf, i + 2);
  if (a < 0 || b < 0) return -1;
  return a * 100 + b;
}

const MONTH_DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function validDate(y: number, m: number, d: number): boolean {
  if (y < 0 || m < 1 || m > 12 || d < 1) return false;
  if (d <= MONTH_DAYS[m]) return true;
  return m === 2 && d === 29 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
}

/** Days from 1970-01-01 to the proleptic Gregorian date y-m-d (H. Hinnant's `days_from_civil`). */
export function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

const MS_PER_DAY = 86400000;

// Years 1900–2199 by table (day of 1 January, leap flag), so a date costs loads and adds, not
// the five divisions of days_from_civil (which stays the reference and the fallback).
const Y0 = 1900;
const YEAR_START = new Int32Array(300);
const LEAP = new Uint8Array(300);
for (let k = 0; k < 300; k++) {
  const y = Y0 + k;
  YEAR_START[k] = daysFromCivil(y, 1, 1);
  LEAP[k] = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 1 : 0;
}
/** Days before month m (1–12), normal then leap years: index leap * 13 + m. */
const MONTH_START = new Int32Array(26);
/** Length of month m, normal then leap years: index leap * 13 + m (0 for m = 0). */
const MONTH_LEN = new Int32Array(26);
for (let leap = 0; leap < 2; leap++) {
  let acc = 0;
  for (let m = 1; m <= 12; m++) {
    const len = m === 2 && leap ? 29 : MONTH_DAYS[m];
    MONTH_START[leap * 13 + m] = acc;
    MONTH_LEN[leap * 13 + m] = len;
    acc += len;
  }
}

/** Days since 1970-01-01 of y-m-d, or -1e9 when it is not a date (digits already checked: -1 means not a digit). */
function dayOf(y: number, m: number, d: number): number {
  if (m < 1 || m > 12 || d < 1) return -1e9;
  const k = y - Y0;
  if (k >= 0 && k < 300) {
    const i = LEAP[k] * 13 + m;
    return d <= MONTH_LEN[i] ? YEAR_START[k] + MONTH_START[i] + d - 1 : -1e9;
  }
  return validDate(y, m, d) ? daysFromCivil(y, m, d) : -1e9;
}

/** Days since 1970-01-01 of a date `DD/MM/YYYY` (or with `-` or `.`) starting at `buf[p]` (10 bytes), or -1e9 when it is not one. */
export function dmyDay(buf: Uint8Array, p: number): number {
  const c = buf[p + 2];
  if ((c !== 47 && c !== 45 && c !== 46) || buf[p + 5] !== c) return -1e9;
  const y = d4(buf, p + 6);
  return y < 0 ? -1e9 : dayOf(y, d2(buf, p + 3), d2(buf, p));
}

/** Days since 1970-01-01 of an ISO date `YYYY-MM-DD` starting at `buf[p]` (10 bytes), or -1e9 when it is not one. */
export function isoDay(buf: Uint8Array, p: number): number {
  if (buf[p + 4] !== 45 || buf[p + 7] !== 45) return -1e9;
  const y = d4(buf, p);
  return y < 0 ? -1e9 : dayOf(y, d2(buf, p + 5), d2(buf, p + 8));
}

/**
 * Parses a date (and optional time of day) to days since 1970-01-01 UTC (or ms when `inMs`); with
 * a time the days are fractional (`days + ms / 86 400 000`). Times without an offset are taken as UTC (no time
 * zone shift). Returns NaN for anything else, including impossible dates (2023-02-29).
 */
export function parseDate(buf: Uint8Array, s: number, e: number, inMs = false): number {
  while (s < e && buf[s] === 32) s++;
  while (e > s && buf[e - 1] === 32) e--;
  if (e - s < 10) return slowDate(buf, s, e, inMs);
  let y: number;
  let m: number;
  let d: number;
  let fmt: number;
  const c4 = buf[s + 4];
  const c2 = buf[s + 2];
  if ((c4 === 45 || c4 === 47) && buf[s + 7] === c4) {
    y = d4(buf, s);
    m = d2(buf, s + 5);
    d = d2(buf, s + 8);
    fmt = c4 === 45 ? 0 : 4;
  } else if ((c2 === 47 || c2 === 45 || c2 === 46) && buf[s + 5] === c2) {
    d = d2(buf, s);
    m = d2(buf, s + 3);
    y = d4(buf, s + 6);
    fmt = 2;
  } else return slowDate(buf, s, e, inMs);
  if (!validDate(y, m, d)) return NaN;
  const days = daysFromCivil(y, m, d);
  const p = s + 10;
  if (p === e) {
    info.dateFormat = fmt;
    return inMs ? days * MS_PER_DAY : days;
  }
  const ms = parseTime(buf, p, e);
  if (ms !== ms) return NaN;
  info.dateFormat = fmt === 4 ? 4 : fmt + 1;
  return inMs ? days * MS_PER_DAY + ms : days + ms / MS_PER_DAY;
}

/** `T` or space, `hh:mm[:ss[.fff]]`, optional `Z` / `±hh[:]mm`: milliseconds from midnight UTC, or NaN. */
function parseTime(buf: Uint8Array, p: number, e: number): number {
  const sep = buf[p];
  if (sep !== 84 && sep !== 32) return NaN;
  p++;
  if (e - p < 5 || buf[p + 2] !== 58) return NaN;
  const hh = d2(buf, p);
  const mi = d2(buf, p + 3);
  if (hh < 0 || hh > 24 || mi < 0 || mi > 59) return NaN;
  p += 5;
  let ss = 0;
  let fracMs = 0;
  if (p < e && buf[p] === 58) {
    if (e - p < 3) return NaN;
    ss = d2(buf, p + 1);
    if (ss < 0 || ss > 59) return NaN;
    p += 3;
    if (p < e && (buf[p] === 46 || buf[p] === 44)) {
      p++;
      let scale = 100;
      const start = p;
      while (p < e && buf[p] >= 48 && buf[p] <= 57) {
        fracMs += (buf[p] - 48) * scale;
        scale /= 10;
        p++;
      }
      if (p === start) return NaN;
    }
  }
  let ms = ((hh * 60 + mi) * 60 + ss) * 1000 + fracMs;
  if (hh === 24 && ms !== 24 * 3600000) return NaN;
  if (p < e) {
    const z = buf[p];
    if (z === 90 && p + 1 === e) return ms;
    if (z !== 43 && z !== 45) return NaN;
    const oh = d2(buf, p + 1);
    let q = p + 3;
    if (q < e && buf[q] === 58) q++;
    const om = q + 2 === e ? d2(buf, q) : -1;
    if (oh < 0 || om < 0 || oh > 23 || om > 59) return NaN;
    const off = (oh * 60 + om) * 60000;
    ms += z === 43 ? -off : off;
  }
  return ms;
}

const SLOW_DMY = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const SLOW_YMD = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/** Dates with one-digit day or month (`5/3/2024`, `2024-3-5`), optionally with `h:mm[:ss]`. */
function slowDate(buf: Uint8Array, s: number, e: number, inMs: boolean): number {
  if (e - s < 8 || e - s > 24) return NaN;
  let str = '';
  for (let i = s; i < e; i++) str += String.fromCharCode(buf[i]);
  let y: number;
  let m: number;
  let d: number;
  let t: RegExpExecArray | null = SLOW_DMY.exec(str);
  if (t) {
    d = +t[1];
    m = +t[2];
    y = +t[3];
  } else {
    t = SLOW_YMD.exec(str);
    if (!t) return NaN;
    y = +t[1];
    m = +t[2];
    d = +t[3];
  }
  if (!validDate(y, m, d)) return NaN;
  let ms = 0;
  if (t[4] !== undefined) {
    const hh = +t[4];
    const mi = +t[5];
    const ss = t[6] === undefined ? 0 : +t[6];
    if (hh > 23 || mi > 59 || ss > 59) return NaN;
    ms = ((hh * 60 + mi) * 60 + ss) * 1000;
  }
  info.dateFormat = 5;
  const days = daysFromCivil(y, m, d);
  return inMs ? days * MS_PER_DAY + ms : days + ms / MS_PER_DAY;
}

/** Cells that mean "missing" in most exports (pandas' default `na_values` that are not numbers). */
export const NA_TOKENS = new Set(['NA', 'N/A', 'n/a', 'NaN', 'nan', '-NaN', '-nan', 'NULL', 'null', '#N/A', 'None', '<NA>', '.', '-']);

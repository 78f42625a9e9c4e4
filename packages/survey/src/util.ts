import type { Message } from '@satlab/messages';
/**
 * Internal helpers shared by the survey analyses (not exported from the package): argument
 * checks, value validation with file positions, splitting by segment, decimal clean-up.
 */
import { InputError } from '@satlab/data';
import type { InputLocation } from '@satlab/data';
import { wilsonInterval } from '@satlab/stats';
import { msg } from './messages.js';

/** Where the values came from, so that a bad value can be reported with its file position. */
export interface ValueSource {
  /** File name, for the message. */
  file?: string;
  /** Column header name. */
  column?: string;
  /** 1-based column number in the file. */
  columnNumber?: number;
  /** `lines[i]` is the 1-based file line of value i. */
  lines?: ArrayLike<number>;
}

/**
 * Why each value is missing, in the form `@satlab/data` columns carry (`column.missingReasons`):
 * `index[i]` is 0 when value i is present, else 1 + the position of its reason in `reasons`.
 */
export interface MissingReasons {
  reasons: readonly string[];
  index: ArrayLike<number>;
}

/** What to do with a value that is not allowed (outside the scale, not an integer). */
export type InvalidPolicy = 'error' | 'exclude';

/** Numbers accepted by the survey analyses: missing is NaN. */
export type Numbers = Float64Array | readonly number[];

/** Segment of each respondent (`null`/`undefined`/empty string = unknown segment). */
export type Segments = readonly (string | null | undefined)[];

/** Options shared by the indicators computed by segment (NPS, CSAT, CES, FCR). */
export interface SegmentOptions {
  /**
   * Segment of each respondent (same length as the values), or a factor (`factorOf(table,
   * "région")`: its levels name the segments, in their order); adds `groups`. Default none.
   */
  by?: Segments | { codes: Int32Array; levels: readonly string[] };
  /** Order of the groups (e.g. the codebook's levels). Default: sorted names. */
  segmentOrder?: readonly string[];
}

/** Where rating values came from, so errors and exclusions can name them (NPS, CSAT, CES). */
export interface SourceOptions {
  /** Where the values came from, for error messages. Default none. */
  source?: ValueSource;
  /** Why NaN values are missing (a `@satlab/data` column's `missingReasons`). Default: "missing". */
  missingReasons?: MissingReasons;
}

export function checkConfidence(fn: string, confidence: number): void {
  if (typeof confidence !== 'number' || !(confidence > 0 && confidence < 1)) {
    throw new RangeError(`${fn}: options.confidence must be a number strictly between 0 and 1, got ${String(confidence)}`);
  }
}

export function checkNumbers(fn: string, name: string, values: unknown): asserts values is Numbers {
  if (!(values instanceof Float64Array) && !Array.isArray(values)) {
    throw new TypeError(`${fn}: ${name} must be a Float64Array or an array of numbers, got ${values === null ? 'null' : typeof values}`);
  }
  if (Array.isArray(values)) {
    for (let i = 0; i < values.length; i++) {
      if (typeof values[i] !== 'number') throw new TypeError(`${fn}: ${name}[${i}] must be a number (NaN for missing), got ${JSON.stringify(values[i])}`);
    }
  }
}

export function checkScale(fn: string, scale: unknown): asserts scale is readonly [number, number] {
  if (!Array.isArray(scale) || scale.length !== 2 || !scale.every((x) => typeof x === 'number' && Number.isFinite(x)) || !(scale[0] < scale[1])) {
    throw new RangeError(`${fn}: options.scale must be [min, max] with finite min < max, got ${JSON.stringify(scale)}`);
  }
}

/** {@link checkScale} for rating scales, whose bounds must also be integers. */
export function checkIntegerScale(fn: string, scale: unknown): asserts scale is readonly [number, number] {
  checkScale(fn, scale);
  if (!Number.isInteger(scale[0]) || !Number.isInteger(scale[1])) throw new RangeError(`${fn}: options.scale must hold integers, got ${JSON.stringify(scale)}`);
}

export function checkFiniteNumber(fn: string, name: string, x: unknown, { min = -Infinity, max = Infinity, minExclusive = false } = {}): asserts x is number {
  if (typeof x !== 'number' || !Number.isFinite(x)) throw new RangeError(`${fn}: ${name} must be a finite number, got ${String(x)}`);
  if (x < min || (minExclusive && x === min) || x > max) {
    const lo = minExclusive ? `> ${min}` : `≥ ${min}`;
    throw new RangeError(`${fn}: ${name} must be ${lo}${max < Infinity ? ` and ≤ ${max}` : ''}, got ${x}`);
  }
}

export function checkSegments(fn: string, by: unknown, n: number): asserts by is Segments {
  if (!Array.isArray(by)) throw new TypeError(`${fn}: options.by must be an array of segment names, got ${typeof by}`);
  if (by.length !== n) throw new RangeError(`${fn}: options.by has ${by.length} entries but there are ${n} values`);
}

/** Rule for a valid value: inside [min, max], optionally an integer. */
export interface ValueRule {
  min: number;
  max: number;
  integer: boolean;
  /** Reason recorded when the rule fails, e.g. "not an integer 0-10". */
  reason: string;
}

/** Per value: `null` when usable, else the reason it was set aside. */
export interface Screened {
  reason: (string | null)[];
}

function position(source: ValueSource | undefined, i: number): InputLocation {
  const loc: InputLocation = {};
  if (source?.file !== undefined) loc.file = source.file;
  if (source?.lines !== undefined && i < source.lines.length) loc.line = source.lines[i];
  if (source?.columnNumber !== undefined) loc.column = source.columnNumber;
  if (source?.column !== undefined) loc.columnName = source.column;
  return loc;
}

export function formatValue(x: number): string {
  return Object.is(x, -0) ? '0' : String(x);
}

/**
 * Screens values against a rule: NaN is missing (reason from `missingReasons` or "missing"),
 * values breaking the rule are an `InputError` (policy "error", naming the file position when
 * `source` is given) or set aside with `rule.reason` (policy "exclude").
 */
export function screenValues(fn: string, values: Numbers, rule: ValueRule | null, policy: InvalidPolicy, source?: ValueSource, missing?: MissingReasons): Screened {
  const n = values.length;
  const reason = new Array<string | null>(n);
  for (let i = 0; i < n; i++) {
    const x = values[i];
    if (Number.isNaN(x)) {
      const k = missing ? missing.index[i] : 0;
      reason[i] = missing && k > 0 ? (missing.reasons[k - 1] ?? 'missing') : 'missing';
      continue;
    }
    if (rule && (!(x >= rule.min && x <= rule.max) || (rule.integer && !Number.isInteger(x)))) {
      if (policy === 'error') {
        const loc = position(source, i);
        const m = msg.invalidValue({ value: formatValue(x), reason: rule.reason, ...(loc.line !== undefined ? {} : { index: i + 1 }), fn, integer: rule.integer, min: rule.min, max: rule.max });
        throw new InputError(m, { ...loc, value: formatValue(x) });
      }
      reason[i] = rule.reason;
      continue;
    }
    reason[i] = null;
  }
  return { reason };
}

/** Counts the reasons of the set-aside values among `rows` (all rows when omitted). */
export function tallyReasons(s: Screened, rows?: readonly number[]): { excluded: number; byReason: Record<string, number> } {
  const byReason: Record<string, number> = {};
  let excluded = 0;
  const visit = (i: number): void => {
    const r = s.reason[i];
    if (r !== null) {
      excluded++;
      byReason[r] = (byReason[r] ?? 0) + 1;
    }
  };
  if (rows) for (const i of rows) visit(i);
  else for (let i = 0; i < s.reason.length; i++) visit(i);
  return { excluded, byReason };
}

/**
 * What a summary of screened values among `rows` starts with: the values set aside (count and
 * reasons) and its first warnings — values set aside as breaking `rule`, and no valid respondent
 * (`n`, the valid values counted by the caller, is 0).
 */
export function exclusions(s: Screened, rows: readonly number[], rule: ValueRule, label: string, n: number): { excluded: number; byReason: Record<string, number>; warnings: Message[] } {
  const { excluded, byReason } = tallyReasons(s, rows);
  const warnings: Message[] = [];
  if (byReason[rule.reason]) warnings.push(msg.invalidExcluded({ what: label, axis: '', n: byReason[rule.reason], reason: rule.reason }));
  if (n === 0) warnings.push(msg.noRespondents({ what: label }));
  return { excluded, byReason, warnings };
}

/** Wilson score interval [lower, upper] of k successes in n (R `prop.test(k, n, correct = FALSE)$conf.int`); [NaN, NaN] when n = 0. */
export function wilsonCi(k: number, n: number, confidence: number): [number, number] {
  if (n === 0) return [NaN, NaN];
  const w = wilsonInterval(k, n, { confidence });
  return [w.lower, w.upper];
}

const collator = new Intl.Collator('fr', { numeric: true, sensitivity: 'base' });

/**
 * Splits row indices by segment. Order: `order` when given (segments absent from it follow,
 * sorted), else sorted by a French numeric collation. Rows with an unknown segment (null,
 * undefined, empty string) belong to no group and are counted in `unknown`.
 */
export function splitSegments(by: Segments, order?: readonly string[]): { names: string[]; rows: number[][]; unknown: number } {
  const map = new Map<string, number[]>();
  let unknown = 0;
  for (let i = 0; i < by.length; i++) {
    const s = by[i];
    if (s === null || s === undefined || s === '') {
      unknown++;
      continue;
    }
    let arr = map.get(s);
    if (!arr) map.set(s, (arr = []));
    arr.push(i);
  }
  const seen = new Set<string>();
  const names: string[] = [];
  for (const s of order ?? []) {
    if (map.has(s) && !seen.has(s)) {
      names.push(s);
      seen.add(s);
    }
  }
  names.push(...[...map.keys()].filter((s) => !seen.has(s)).sort(collator.compare));
  return { names, rows: names.map((s) => map.get(s) as number[]), unknown };
}

/**
 * Adds one summary per segment of `options.by` to an overall result (nothing without `by`):
 * `result.groups`, `{ name, ...summary }` in segment order (see {@link splitSegments}), and
 * `result.unknownSegment`; with `liftWarnings` each group's warnings are appended to the result's.
 * @throws {TypeError|RangeError} `by` not an array, or not one entry per value (`n` values).
 */
export function addSegmentGroups<S extends { warnings: Message[] }>(
  fn: string,
  result: { warnings: Message[]; groups?: (S & { name: string })[]; unknownSegment?: number },
  options: { by?: Segments | { codes: Int32Array; levels: readonly string[] }; segmentOrder?: readonly string[] },
  n: number,
  summarise: (rows: readonly number[], name: string) => S,
  liftWarnings = true,
): void {
  if (options.by === undefined) return;
  const f = options.by;
  const by = 'codes' in f && f.codes instanceof Int32Array ? Array.from(f.codes, (c) => (c < 0 ? null : f.levels[c])) : (f as Segments);
  checkSegments(fn, by, n);
  const seg = splitSegments(by, options.segmentOrder ?? ('levels' in f && !Array.isArray(f) ? f.levels : undefined));
  const groups = seg.names.map((name, g) => ({ name, ...summarise(seg.rows[g], name) }));
  result.groups = groups;
  result.unknownSegment = seg.unknown;
  if (liftWarnings) for (const g of groups) result.warnings.push(...g.warnings);
}

/** All row indices 0..n-1. */
export function allRows(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

/**
 * Removes binary floating-point noise from a figure computed from decimal inputs by rounding to
 * 12 significant digits (12000 × 0.15 × 0.2 × 0.7 = 251.99999999999997 in doubles → 252).
 */
export function cleanDecimal(x: number): number {
  return Number.isFinite(x) ? Number(x.toPrecision(12)) : x;
}

/** Median of finite numbers (R's `median`, type-7 at p = 0.5). */
export function median(xs: readonly number[]): number {
  const s = xs.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
  const n = s.length;
  if (n === 0) return NaN;
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
}

/** Mean with R's refinement pass (`mean.default`: m = Σx/n, then m + Σ(x − m)/n). */
export function mean(xs: readonly number[]): number {
  const n = xs.length;
  if (n === 0) return NaN;
  let s = 0;
  for (const x of xs) s += x;
  const m = s / n;
  if (!Number.isFinite(m)) return m;
  let t = 0;
  for (const x of xs) t += x - m;
  return m + t / n;
}

/** Sample standard deviation (n − 1). */
export function sampleSd(xs: readonly number[]): number {
  const n = xs.length;
  if (n < 2) return NaN;
  const m = mean(xs);
  let s = 0;
  for (const x of xs) s += (x - m) * (x - m);
  return Math.sqrt(s / (n - 1));
}

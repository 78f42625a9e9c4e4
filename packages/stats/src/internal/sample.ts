/** Internal helpers shared by the proportion, mean, rank and regression functions (not exported). */
import { studentTCdf, studentTSf } from '../distributions/studentT.js';
import { normalCdf, normalSf } from '../distributions/normal.js';

export type Values = Float64Array | readonly number[];
export type Alternative = 'two.sided' | 'less' | 'greater';

function isArrayLikeOfNumbers(v: unknown): v is Values {
  return v instanceof Float64Array || Array.isArray(v);
}

/** Validates a numeric sample; returns the non-missing values and the NaN count. ±Infinity is misuse. */
export function readSample(fn: string, arg: string, values: Values): { x: Float64Array; nMissing: number } {
  if (!isArrayLikeOfNumbers(values)) throw new TypeError(`${fn}(${arg}): expected a Float64Array or an array of numbers, got ${typeof values}`);
  const len = values.length;
  let nMissing = 0;
  for (let i = 0; i < len; i++) {
    const v = values[i];
    if (typeof v !== 'number') throw new TypeError(`${fn}(${arg}): element ${i} is not a number (${String(v)}); use NaN for missing`);
    if (Number.isNaN(v)) nMissing++;
    else if (!Number.isFinite(v)) throw new RangeError(`${fn}(${arg}): element ${i} is ${v}; values must be finite (NaN for missing)`);
  }
  const x = new Float64Array(len - nMissing);
  let k = 0;
  for (let i = 0; i < len; i++) if (!Number.isNaN(values[i])) x[k++] = values[i];
  return { x, nMissing };
}

/** Validates two paired samples of equal length; keeps complete pairs, counts incomplete ones. */
export function readPairs(fn: string, xs: Values, ys: Values, xName = 'x', yName = 'y'): { x: Float64Array; y: Float64Array; nMissing: number } {
  const a = readSampleRaw(fn, xName, xs);
  const b = readSampleRaw(fn, yName, ys);
  if (a.length !== b.length) throw new RangeError(`${fn}(${xName}, ${yName}): lengths differ (${a.length} and ${b.length})`);
  let nMissing = 0;
  for (let i = 0; i < a.length; i++) if (Number.isNaN(a[i]) || Number.isNaN(b[i])) nMissing++;
  const x = new Float64Array(a.length - nMissing);
  const y = new Float64Array(a.length - nMissing);
  let k = 0;
  for (let i = 0; i < a.length; i++) {
    if (Number.isNaN(a[i]) || Number.isNaN(b[i])) continue;
    x[k] = a[i];
    y[k++] = b[i];
  }
  return { x, y, nMissing };
}

function readSampleRaw(fn: string, arg: string, values: Values): Values {
  if (!isArrayLikeOfNumbers(values)) throw new TypeError(`${fn}(${arg}): expected a Float64Array or an array of numbers, got ${typeof values}`);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v !== 'number') throw new TypeError(`${fn}(${arg}): element ${i} is not a number (${String(v)}); use NaN for missing`);
    if (!Number.isNaN(v) && !Number.isFinite(v)) throw new RangeError(`${fn}(${arg}): element ${i} is ${v}; values must be finite (NaN for missing)`);
  }
  return values;
}

/** Mean with one refinement pass (x̄ + Σ(x − x̄)/n), accurate for data with a large common offset. */
export function mean(x: Float64Array, from = 0, to = x.length): number {
  const n = to - from;
  if (n === 0) return NaN;
  let s = 0;
  for (let i = from; i < to; i++) s += x[i];
  let m = s / n;
  let c = 0;
  for (let i = from; i < to; i++) c += x[i] - m;
  m += c / n;
  return m;
}

/** Sum of squared deviations from m, two-pass with the rounding correction (Σd² − (Σd)²/n). */
export function sumSquares(x: Float64Array, m: number, from = 0, to = x.length): number {
  let ss = 0;
  let sd = 0;
  for (let i = from; i < to; i++) {
    const d = x[i] - m;
    ss += d * d;
    sd += d;
  }
  const n = to - from;
  return n > 0 ? Math.max(ss - (sd * sd) / n, 0) : NaN;
}

export function checkConfidence(fn: string, c: unknown): number {
  if (typeof c !== 'number' || !(c > 0 && c < 1)) throw new RangeError(`${fn}: opts.confidence must be a number in (0, 1), got ${String(c)}`);
  return c;
}

export function checkAlternative(fn: string, a: unknown): Alternative {
  if (a !== 'two.sided' && a !== 'less' && a !== 'greater') {
    throw new RangeError(`${fn}: opts.alternative must be 'two.sided', 'less' or 'greater', got ${String(a)}`);
  }
  return a;
}

export function checkFiniteNumber(fn: string, arg: string, v: unknown): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new TypeError(`${fn}: ${arg} must be a finite number, got ${String(v)}`);
  return v;
}

/**
 * Average ranks (R `rank(ties.method = "average")`) of x, 1-based, plus Σ(t³ − t) over tie groups.
 * Ties are exact equality, as in R.
 */
export function rankAverage(x: Float64Array): { ranks: Float64Array; tieSum: number; hasTies: boolean } {
  const n = x.length;
  // Native numeric sort of a copy, then each value's rank from binary searches (faster than an index sort).
  const sorted = Float64Array.from(x).sort();
  let tieSum = 0;
  for (let i = 0; i < n; ) {
    let j = i + 1;
    while (j < n && sorted[j] === sorted[i]) j++;
    const t = j - i;
    if (t > 1) tieSum += t * t * t - t;
    i = j;
  }
  const ranks = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = x[i];
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid] < v) lo = mid + 1;
      else hi = mid;
    }
    const first = lo;
    hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid] <= v) lo = mid + 1;
      else hi = mid;
    }
    ranks[i] = (first + 1 + lo) / 2; // average of ranks first+1 … lo
  }
  return { ranks, tieSum, hasTies: tieSum > 0 };
}

/** p-value of a t statistic for the given alternative, from survival functions. */
export function tPValue(t: number, df: number, alternative: Alternative): number {
  if (Number.isNaN(t) || !(df > 0)) return NaN;
  if (alternative === 'less') return studentTCdf(t, df);
  if (alternative === 'greater') return studentTSf(t, df);
  return Math.min(1, 2 * studentTSf(Math.abs(t), df));
}


/** p-value of a standard normal statistic for the given alternative. */
export function zPValue(z: number, alternative: Alternative): number {
  if (Number.isNaN(z)) return NaN;
  if (alternative === 'less') return normalCdf(z);
  if (alternative === 'greater') return normalSf(z);
  return Math.min(1, 2 * normalSf(Math.abs(z)));
}

/** Groups: labels (string | number), null/undefined/NaN/'' missing. Returns level order of first appearance. */
export type GroupLabel = string | number | null | undefined;
export function readGroups(
  fn: string,
  values: Values,
  groups: readonly GroupLabel[],
): { x: Float64Array; g: Int32Array; levels: string[]; nMissing: number } {
  const v = readSampleRaw(fn, 'values', values);
  if (!Array.isArray(groups)) throw new TypeError(`${fn}(groups): expected an array of group labels, got ${typeof groups}`);
  if (groups.length !== v.length) throw new RangeError(`${fn}(values, groups): lengths differ (${v.length} and ${groups.length})`);
  const map = new Map<string, number>();
  const levels: string[] = [];
  const code = new Int32Array(v.length).fill(-1);
  let nMissing = 0;
  for (let i = 0; i < v.length; i++) {
    const gl = groups[i];
    const missingG = gl === null || gl === undefined || gl === '' || (typeof gl === 'number' && Number.isNaN(gl));
    if (!missingG && typeof gl !== 'string' && typeof gl !== 'number') {
      throw new TypeError(`${fn}(groups): element ${i} must be a string or a number, got ${typeof gl}`);
    }
    if (missingG || Number.isNaN(v[i])) {
      nMissing++;
      continue;
    }
    const key = String(gl);
    let c = map.get(key);
    if (c === undefined) {
      c = levels.length;
      map.set(key, c);
      levels.push(key);
    }
    code[i] = c;
  }
  const x = new Float64Array(v.length - nMissing);
  const g = new Int32Array(v.length - nMissing);
  let k = 0;
  for (let i = 0; i < v.length; i++) {
    if (code[i] < 0) continue;
    x[k] = v[i];
    g[k++] = code[i];
  }
  return { x, g, levels, nMissing };
}

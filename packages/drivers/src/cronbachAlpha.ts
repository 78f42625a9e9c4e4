import type { Message } from '@satlab/messages';
import type { Matrix } from '@satlab/stats';
import { symmetricEigen } from '@satlab/stats';
import { msg } from './messages.js';
import { completeCases } from './internal/completeCases.js';
import { asNumeric } from './internal/numeric.js';
import type { NumericInput } from './internal/numeric.js';
import { smc } from './internal/extraction.js';
import { sub } from './internal/matrixOps.js';
import { quantile7 } from './internal/quantile7.js';
import { weightedMoments } from './internal/weightedMoments.js';
import { CollinearDriversError } from './CollinearDriversError.js';

/** Options of {@link cronbachAlpha}. */
export interface CronbachAlphaOptions {
  /**
   * Reverse the items whose loading on the first principal component is negative before computing
   * alpha (psych's `check.keys = TRUE`). Default false: they are only reported (`reverseKeyedSuspects` and a warning).
   */
  checkKeys?: boolean;
  /** Names of items known to be reverse-keyed (reversed as max + min − x). Ignored when `checkKeys` is true. */
  reverse?: readonly string[];
  /**
   * Missing values: `'pairwise'` (default, as `psych::alpha`'s `use = "pairwise"`): each
   * covariance from the respondents who answered both items, item means and SDs from those who
   * answered the item, the total score as the mean of the items answered; `'listwise'`: only the
   * respondents who answered every item (as `psych::alpha(na.omit(x))`). Identical on complete data.
   */
  missing?: 'pairwise' | 'listwise';
}

/** Per-item statistics of {@link cronbachAlpha}. */
export interface AlphaItem {
  name: string;
  /** True when the item was reversed (max + min − x). */
  reversed: boolean;
  /** Raw alpha of the scale without this item. */
  alphaIfDropped: number;
  /** Standardized alpha without this item. */
  standardizedAlphaIfDropped: number;
  /** Guttman's λ6 without this item. */
  g6IfDropped: number;
  /** Average inter-item correlation without this item. */
  averageRIfDropped: number;
  /** Standard error of alpha without this item (psych's `alpha se`). */
  seIfDropped: number;
  /** Correlation of the item with the total score (psych `raw.r`). */
  rawR: number;
  /** Item-total correlation from the correlation matrix (psych `std.r`). */
  stdR: number;
  /** Item-total correlation corrected for overlap and reliability (psych `r.cor`). */
  rCor: number;
  /** Corrected item-total correlation: item with the total of the others (psych `r.drop`). */
  rDrop: number;
  mean: number;
  sd: number;
}

/** Result of {@link cronbachAlpha}. */
export interface CronbachAlphaResult {
  method: string;
  /** How missing values were handled (see {@link CronbachAlphaOptions.missing}). */
  missing: 'pairwise' | 'listwise';
  /** Respondents used: every respondent given (pairwise), or the complete ones (listwise). */
  n: number;
  /** Respondents with at least one missing item (left out in listwise mode, used in pairwise mode). */
  nIncomplete: number;
  nTotal: number;
  nMissing: number;
  missingByVariable: Record<string, number>;
  nItems: number;
  /** Raw Cronbach's alpha (from covariances). */
  alpha: number;
  /** Standardized alpha (from correlations). */
  standardizedAlpha: number;
  /** Guttman's λ6 (squared multiple correlations). */
  g6: number;
  averageR: number;
  medianR: number;
  /** Signal/noise ratio n·r̄/(1 − r̄). */
  signalToNoise: number;
  /** Asymptotic standard error of alpha (Duhachek & Iacobucci 2004, psych's `ase`). */
  se: number;
  /** Mean and SD of the total score (mean of the keyed items). */
  mean: number;
  sd: number;
  /** Items reversed before computing alpha. */
  reverseKeyed: string[];
  /** Items with a negative loading on the first principal component (probably reverse-keyed). */
  reverseKeyedSuspects: string[];
  /** Constant items left out. */
  droppedConstant: string[];
  items: AlphaItem[];
  warnings: Message[];
}

/**
 * Cronbach's alpha of a set of rating items with the statistics of psych::alpha: raw alpha
 * α = k/(k − 1)·(1 − tr C / ΣC), standardized alpha k/(k − 1)·(1 − k/ΣR), Guttman's λ6, average and
 * median inter-item correlation, S/N, asymptotic SE, and for each item alpha if the item is
 * dropped and item–total correlations. Reverse-keyed items are detected as psych does (negative
 * loading on the first principal component, sign fixed so that the loadings sum positive) and
 * reversed (max + min − x, over all items) when `checkKeys` is set.
 *
 * Missing values: pairwise by default, as psych (covariances from pairwise-complete respondents,
 * correlations `cov2cor` of them, total score the mean of the items answered, standard errors on
 * all respondents), or listwise with `missing: 'listwise'` (as `psych::alpha(na.omit(x))`); either
 * way the incomplete respondents are counted and a warning says which was used. Constant items
 * are dropped with a warning.
 *
 * @param items item name → ratings (NaN = missing), at least 2 items.
 * @param options see {@link CronbachAlphaOptions}.
 * @throws {TypeError}/{RangeError} on malformed input or fewer than 2 usable items or 3 respondents;
 *   {CollinearDriversError} when the items' correlation matrix is singular.
 * @see R: `psych::alpha(x, check.keys = FALSE/TRUE)`; Cronbach (1951).
 * @example
 * const q1 = [4, 3, 5, 2, 4, 3, 5, 1];
 * const q2 = [4, 2, 5, 2, 3, 3, 4, 2];
 * const q3 = [5, 3, 4, 1, 4, 2, 5, 2];
 * cronbachAlpha({ q1, q2, q3 }).alpha; //=> 0.923366… (psych::alpha(…)$total$raw_alpha)
 * cronbachAlpha({ q1, q2: [4, 2, NaN, 2, 3, 3, 4, 2], q3 }).missing; //=> 'pairwise'
 */
export function cronbachAlpha(items: Readonly<Record<string, NumericInput>>, options: CronbachAlphaOptions = {}): CronbachAlphaResult {
  const fn = 'cronbachAlpha';
  if (items === null || typeof items !== 'object') throw new TypeError(`${fn}(items): expected an object { name: values }`);
  const all = Object.keys(items);
  if (all.length < 2) throw new RangeError(`${fn}(items): at least 2 items are needed, got ${all.length}`);
  const missing = options.missing ?? 'pairwise';
  if (missing !== 'pairwise' && missing !== 'listwise') throw new RangeError(`${fn}(options.missing): expected 'pairwise' or 'listwise', got ${String(missing)}`);
  const cc = completeCases(fn, all.map((name) => ({ name, values: items[name] })));
  const pairwise = missing === 'pairwise' && cc.nMissing > 0;
  const warnings: Message[] = [];
  if (cc.nMissing > 0) {
    if (pairwise) warnings.push(msg.alphaPairwise({ nIncomplete: cc.nMissing, n: cc.nTotal }));
    else warnings.push(msg.itemsMissingDropped({ n: cc.nMissing, nTotal: cc.nTotal }));
  }
  // The data used: complete rows (listwise, or nothing missing), else every row with its NaNs.
  const cols = pairwise ? all.map((name) => Float64Array.from(asNumeric(fn, name, items[name]))) : cc.data;
  if (!pairwise && cc.n < 3) throw new RangeError(`${fn}: ${cc.n} complete respondent(s); at least 3 are needed`);
  const constant = all.filter((_, j) => {
    const c = cols[j];
    let first = NaN;
    for (let i = 0; i < c.length; i++) {
      if (Number.isNaN(c[i])) continue;
      if (Number.isNaN(first)) first = c[i];
      else if (c[i] !== first) return false;
    }
    return true;
  });
  if (constant.length) warnings.push(msg.constantItems({ names: constant }));
  const keepIdx = all.map((_, j) => j).filter((j) => !constant.includes(all[j]));
  const names = keepIdx.map((j) => all[j]);
  const k = names.length;
  if (k < 2) throw new RangeError(`${fn}(items): fewer than 2 items with variance`);
  const X = keepIdx.map((j) => cols[j]);
  const n = pairwise ? cc.nTotal : cc.n;
  const R0 = pairwise ? cov2cor(pairwiseCovariance(X)) : weightedMoments(X, cc.w).correlation;
  // First principal component, psych::principal(x, nfactors = 1): flip so the loadings sum ≥ 0.
  const e = symmetricEigen(R0);
  let load = Array.from({ length: k }, (_, i) => e.vectors.data[i] * Math.sqrt(Math.max(e.values[0], 2.220446049250313e-16)));
  if (load.reduce((a, b) => a + b, 0) < 0) load = load.map((v) => -v);
  const suspects = names.filter((_, i) => load[i] < 0);
  let keys: number[];
  if (options.checkKeys) {
    keys = load.map((v) => (v < 0 ? -1 : 1));
    if (suspects.length) warnings.push(msg.reverseKeyed({ names: suspects }));
  } else {
    const rev = options.reverse ?? [];
    for (const r of rev) if (!all.includes(r)) throw new RangeError(`${fn}(options.reverse): unknown item "${r}"`);
    keys = names.map((nm) => (rev.includes(nm) ? -1 : 1));
    const unhandled = suspects.filter((s) => !rev.includes(s));
    if (unhandled.length) warnings.push(msg.reverseKeyedNotApplied({ names: unhandled }));
  }
  // Keyed data: reversed items become (max + min − x), max/min over all items (as psych).
  let lo = Infinity;
  let hi = -Infinity;
  for (const x of X) for (const v of x) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const Xk = X.map((x, j) => (keys[j] < 0 ? x.map((v) => hi + lo - v) : x));
  // C: covariance (divisor n − 1, pairwise-complete when pairwise) of keyed items; R = cov2cor(C).
  let C: Matrix;
  let R: Matrix;
  let itemMeans: Float64Array;
  let itemSds: Float64Array;
  if (pairwise) {
    C = pairwiseCovariance(Xk);
    R = cov2cor(C);
    itemMeans = Float64Array.from(Xk, (x) => meanNaN(x));
    itemSds = Float64Array.from(Xk, (x, j) => sdNaN(x, itemMeans[j]));
  } else {
    const mk = weightedMoments(Xk, cc.w);
    C = { rows: k, cols: k, data: mk.crossProducts.data.map((v) => v / (n - 1)) };
    R = mk.correlation;
    itemMeans = mk.means;
    itemSds = mk.sds;
  }
  let smcAll: Float64Array;
  try {
    smcAll = smc(R);
  } catch {
    throw new CollinearDriversError(fn, names, 'aliased', 'item');
  }
  const tot = stats1(C, R, smcAll, n);
  // Total score: mean of the items answered (psych: rowMeans(x, na.rm = TRUE)).
  const total = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    let m = 0;
    for (let j = 0; j < k; j++) {
      if (Number.isNaN(Xk[j][i])) continue;
      s += Xk[j][i];
      m++;
    }
    total[i] = m > 0 ? s / m : NaN;
  }
  const mt = meanNaN(total);
  const sdt = sdNaN(total, mt);
  const sumR = R.data.reduce((a, b) => a + b, 0);
  const RC = Float64Array.from(R.data);
  for (let i = 0; i < k; i++) RC[i + i * k] = smcAll[i];
  const sumRC = RC.reduce((a, b) => a + b, 0);
  const sumCAll = C.data.reduce((a, b) => a + b, 0);
  const out: AlphaItem[] = names.map((name, i) => {
    let drop: Stats1;
    if (k > 2) {
      const idx = names.map((_, j) => j).filter((j) => j !== i);
      const Ci = sub(C, idx, idx);
      const Ri = sub(R, idx, idx);
      drop = stats1(Ci, Ri, k - 1 >= 2 ? smc(Ri) : Float64Array.of(0), n);
    } else {
      const o = 1 - i;
      const r12 = R.data[1];
      drop = { raw: C.data[1] / C.data[o + o * k], std: r12, g6: smcAll[0], avr: r12, sn: r12 / (1 - r12), se: NaN, varR: 0, medR: r12 };
    }
    let colC = 0;
    let colR = 0;
    let colRC = 0;
    for (let j = 0; j < k; j++) {
      colC += C.data[j + i * k];
      colR += R.data[j + i * k];
      colRC += RC[j + i * k];
    }
    const cii = C.data[i + i * k];
    const vDrop = sumCAll - 2 * colC + cii;
    const x = Xk[i];
    const mx = itemMeans[i];
    const rawR = pairwise ? pairwiseCorrelation(x, total) : pearsonOf(x, total, mx, mt);
    return {
      name,
      reversed: keys[i] < 0,
      alphaIfDropped: drop.raw,
      standardizedAlphaIfDropped: drop.std,
      g6IfDropped: drop.g6,
      averageRIfDropped: drop.avr,
      seIfDropped: drop.se,
      rawR,
      stdR: colR / Math.sqrt(sumR),
      rCor: colRC / Math.sqrt(sumRC),
      rDrop: (colC - cii) / Math.sqrt(cii * vDrop),
      mean: mx,
      sd: itemSds[i],
    };
  });
  return {
    method: "Cronbach's alpha with item statistics (psych::alpha)",
    missing,
    n,
    nIncomplete: cc.nMissing,
    nTotal: cc.nTotal,
    nMissing: cc.nMissing,
    missingByVariable: cc.missingByVariable,
    nItems: k,
    alpha: tot.raw,
    standardizedAlpha: tot.std,
    g6: tot.g6,
    averageR: tot.avr,
    medianR: tot.medR,
    signalToNoise: tot.sn,
    se: tot.se,
    mean: mt,
    sd: sdt,
    reverseKeyed: names.filter((_, i) => keys[i] < 0),
    reverseKeyedSuspects: suspects,
    droppedConstant: constant,
    items: out,
    warnings,
  };
}

interface Stats1 { raw: number; std: number; g6: number; avr: number; sn: number; se: number; varR: number; medR: number }

/** psych::alpha's internal alpha.1(C, R). */
function stats1(C: Matrix, R: Matrix, smcR: Float64Array, nsub: number): Stats1 {
  const k = C.rows;
  let trC = 0;
  let sumC = 0;
  let sumR = 0;
  for (let i = 0; i < k; i++) trC += C.data[i + i * k];
  for (let t = 0; t < k * k; t++) {
    sumC += C.data[t];
    sumR += R.data[t];
  }
  const raw = (1 - trC / sumC) * (k / (k - 1));
  const std = (1 - k / sumR) * (k / (k - 1));
  const g6 = 1 - (k - smcR.reduce((a, b) => a + b, 0)) / sumR;
  const avr = (sumR - k) / (k * (k - 1));
  const lower: number[] = [];
  for (let j = 0; j < k; j++) for (let i = j + 1; i < k; i++) lower.push(R.data[i + j * k]);
  const lm = lower.reduce((a, b) => a + b, 0) / lower.length;
  const varR = lower.length > 1 ? lower.reduce((a, b) => a + (b - lm) ** 2, 0) / (lower.length - 1) : NaN;
  const medR = quantile7(lower.sort((a, b) => a - b), 0.5);
  const sn = (k * avr) / (1 - avr);
  // tr(C²) and sum(C²)
  let trCC = 0;
  let sumCC = 0;
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      let s = 0;
      for (let m = 0; m < k; m++) s += C.data[i + m * k] * C.data[m + j * k];
      sumCC += s;
      if (i === j) trCC += s;
    }
  }
  const Q = ((2 * k * k) / ((k - 1) ** 2 * sumC ** 3)) * (sumC * (trCC + trC * trC) - 2 * (trC * sumCC));
  return { raw, std, g6, avr, sn, se: Math.sqrt(Q / nsub), varR, medR };
}

function meanNaN(x: ArrayLike<number>): number {
  let s = 0;
  let m = 0;
  for (let i = 0; i < x.length; i++) {
    if (Number.isNaN(x[i])) continue;
    s += x[i];
    m++;
  }
  return s / m;
}

function sdNaN(x: ArrayLike<number>, mean: number): number {
  let s = 0;
  let m = 0;
  for (let i = 0; i < x.length; i++) {
    if (Number.isNaN(x[i])) continue;
    s += (x[i] - mean) ** 2;
    m++;
  }
  return Math.sqrt(s / (m - 1));
}

/** Pearson r over complete rows, given the means (listwise data: no NaN). */
function pearsonOf(x: ArrayLike<number>, y: ArrayLike<number>, mx: number, my: number): number {
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let r = 0; r < x.length; r++) {
    sxy += (x[r] - mx) * (y[r] - my);
    sxx += (x[r] - mx) ** 2;
    syy += (y[r] - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

/** R's cov(x, y) over the rows where both are present (means of those rows, divisor m − 1). */
function pairwiseCov(x: ArrayLike<number>, y: ArrayLike<number>): [number, number, number] {
  let m = 0;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < x.length; i++) {
    if (Number.isNaN(x[i]) || Number.isNaN(y[i])) continue;
    sx += x[i];
    sy += y[i];
    m++;
  }
  const mx = sx / m;
  const my = sy / m;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < x.length; i++) {
    if (Number.isNaN(x[i]) || Number.isNaN(y[i])) continue;
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) ** 2;
    syy += (y[i] - my) ** 2;
  }
  return [sxy / (m - 1), sxx / (m - 1), syy / (m - 1)];
}

/** R's cor(x, y, use = "pairwise"). */
function pairwiseCorrelation(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const [cxy, cxx, cyy] = pairwiseCov(x, y);
  return cxy / Math.sqrt(cxx * cyy);
}

/** R's cov(X, use = "pairwise") of columns with NaN for missing. */
function pairwiseCovariance(X: readonly ArrayLike<number>[]): Matrix {
  const k = X.length;
  const data = new Float64Array(k * k);
  for (let i = 0; i < k; i++) {
    for (let j = i; j < k; j++) {
      const v = pairwiseCov(X[i], X[j])[0];
      data[i + j * k] = v;
      data[j + i * k] = v;
    }
  }
  return { rows: k, cols: k, data };
}

/** R's cov2cor(C). */
function cov2cor(C: Matrix): Matrix {
  const k = C.rows;
  const data = new Float64Array(k * k);
  for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) data[i + j * k] = C.data[i + j * k] / Math.sqrt(C.data[i + i * k] * C.data[j + j * k]);
  return { rows: k, cols: k, data };
}

import { isColumnTable } from '@satlab/stats';
import type { ColumnTable } from '@satlab/stats';
import { itemsFromTable, outcomeFromTable } from './byName.js';
import type { Message } from '@satlab/messages';
import { qr, qrCoef, rng as makeRng, solveSymmetric } from '@satlab/stats';
import type { Matrix } from '@satlab/stats';
import { CollinearDriversError } from './CollinearDriversError.js';
import { msg } from './messages.js';
import { completeCases } from './internal/completeCases.js';
import type { NumericInput } from './internal/numeric.js';
import { invSpd, sub } from './internal/matrixOps.js';
import { quantile7 } from './internal/quantile7.js';
import { weightedMoments } from './internal/weightedMoments.js';
import { relativeWeights } from './relativeWeights.js';
import { shapleyR2 } from './shapleyR2.js';

/** Options of {@link keyDriverAnalysis}. */
export interface KeyDriverOptions {
  /** Name of the outcome, for the result (default `"outcome"`). */
  outcomeName?: string;
  /** Respondent weights (NaN = missing, dropped; 0 = left out; negative → RangeError). Default: none. */
  weights?: NumericInput;
  /** `'all'` (default): correlation, beta, Shapley and relative weights; `'shapley'` or `'weights'`: only that decomposition. */
  method?: 'all' | 'shapley' | 'weights';
  /** Bootstrap replicates for the share confidence intervals (default 0: none). */
  bootstrap?: number;
  /** Seed of the bootstrap resampling (default 1). */
  seed?: number;
  /** Confidence level of the bootstrap percentile intervals (default 0.95). */
  confidenceLevel?: number;
  /** Largest number of drivers for exact Shapley (2^p subsets; default 20, at most 24). */
  maxShapleyDrivers?: number;
}

/** One driver's importance. Shares are fractions (0–1) signed by the full-model coefficient. */
export interface KeyDriver {
  name: string;
  /** Pearson (weighted) correlation with the outcome. */
  correlation: number;
  /** Standardized regression coefficient in the full model (OLS by QR). */
  beta: number;
  /** Sign of the full-model coefficient (+1 or −1) applied to the shares. */
  sign: 1 | -1;
  /** Shapley/LMG share of R² (|shares| sum to 1), signed; null when not computed. */
  shapley: number | null;
  /** Shapley/LMG value in R² units (sums to R²); null when not computed. */
  shapleyR2: number | null;
  /** Johnson relative-weight share (|shares| sum to 1), signed; null when not computed. */
  relativeWeight: number | null;
  /** Relative weight in R² units (sums to R²); null when not computed. */
  relativeWeightR2: number | null;
  /** Rank by |Shapley share| (by |relative weight| when Shapley is not computed); 1 = most important. */
  rank: number;
  /** Variance inflation factor 1/(1 − R²_j) of the driver on the other drivers. */
  vif: number;
  /** Bootstrap percentile interval of the signed Shapley share, or null. */
  shapleyCi: [number, number] | null;
  /** Bootstrap percentile interval of the signed relative-weight share, or null. */
  relativeWeightCi: [number, number] | null;
}

/** Result of {@link keyDriverAnalysis}. */
export interface KeyDriverResult {
  method: string;
  outcome: string;
  /** Respondents used (complete cases with positive weight). */
  n: number;
  /** Respondents given. */
  nTotal: number;
  /** Respondents dropped because of a missing value (listwise). */
  nMissing: number;
  /** Respondents left out because their weight is 0. */
  nZeroWeight: number;
  /** Missing values per variable over all respondents ("(weight)" for the weights). */
  missingByVariable: Record<string, number>;
  weighted: boolean;
  sumWeights: number;
  /** R² of the full model. */
  r2: number;
  /** Adjusted R², 1 − (1 − R²)(n − 1)/(n − p − 1). */
  adjustedR2: number;
  /** How the Shapley values were obtained, or null when not computed. */
  shapleyMethod: string | null;
  /** The decomposition that defines `rank`. */
  rankedBy: 'shapley' | 'relativeWeight';
  /** Drivers in the order given. */
  drivers: KeyDriver[];
  bootstrap: { replicates: number; used: number; seed: number; confidenceLevel: number; ciMethod: string } | null;
  warnings: Message[];
}

/**
 * Key-driver analysis of an outcome (overall satisfaction, NPS…) on p drivers: Pearson
 * correlations, standardized betas (weighted OLS by pivoted QR), the exact Shapley/LMG
 * decomposition of R² over the 2^p subsets (from the correlation matrix, see {@link shapleyR2})
 * and Johnson's relative weights (see {@link relativeWeights}). Both decompositions are turned into
 * shares (value / R², so that their absolute values sum to 1) signed by the full-model coefficient,
 * and drivers are ranked by |Shapley share| (relative weights beyond `maxShapleyDrivers`).
 *
 * Missing values are removed listwise and counted; weights give a weighted correlation matrix
 * (Σ wᵢ(x − x̄_w)(y − ȳ_w), the same as R's `cov.wt`/`lm(weights =)`). Optional bootstrap:
 * respondents resampled with replacement (carrying their weights), seeded, percentile intervals
 * (R type-7 quantiles) of the signed shares.
 *
 * Assumptions: linear additive model; shares describe the sample's R², not causal effects.
 * Cautions in `warnings`: fewer than 10 respondents per driver, near-zero-variance drivers,
 * VIF > 10, negative coefficients, dropped respondents.
 *
 * @param outcome the outcome ratings (NaN = missing).
 * @param drivers driver name → ratings, same length as `outcome`, in the order to report.
 * @param options see {@link KeyDriverOptions}.
 * @returns a {@link KeyDriverResult}.
 * @throws {CollinearDriversError} (a RangeError) when a driver is constant or a linear combination
 *   of others (pivoted QR rank, tol 1e-7, as lm()). @throws {TypeError} / {RangeError} on
 *   malformed input (lengths, weights, fewer than p + 2 respondents, options out of range).
 * @see R: `relaimpo::calc.relimp(lm(y ~ ., weights = w), type = c("lmg", "first", "betasq"))`;
 *   Grömping (2006); Johnson (2000); Lindeman, Merenda & Gold (1980).
 * Column-name form: `keyDriverAnalysis(table, "overall", ["sat_contact", "sat_delai_rep"])`
 * (drivers named by their codebook labels' last part, "Contact", else their column names).
 * @example
 * const contact = [4, 3, 5, 2, 4, 3, 5, 1, 2, 4, 3, 5];
 * const delai = [3, 3, 4, 2, 5, 2, 4, 2, 1, 3, 4, 5];
 * const prix = [2, 4, 3, 3, 2, 4, 3, 2, 3, 4, 2, 3];
 * const overall = [4, 3, 5, 2, 5, 3, 4, 1, 2, 4, 3, 5];
 * const r = keyDriverAnalysis(overall, { contact, delai, prix }, { outcomeName: 'overall' });
 * r.r2; //=> 0.919996…
 * r.drivers.map((d) => [d.name, d.shapley, d.rank]);
 * //=> [['contact', 0.590359…, 1], ['delai', 0.395920…, 2], ['prix', 0.0137199…, 3]]
 */
export function keyDriverAnalysis(table: ColumnTable, outcome: string, drivers: readonly string[], options?: KeyDriverOptions): KeyDriverResult;
export function keyDriverAnalysis(outcome: NumericInput, drivers: Readonly<Record<string, NumericInput>>, options?: KeyDriverOptions): KeyDriverResult;
export function keyDriverAnalysis(
  a: NumericInput | ColumnTable,
  b: Readonly<Record<string, NumericInput>> | string,
  c?: KeyDriverOptions | readonly string[],
  d: KeyDriverOptions = {},
): KeyDriverResult {
  const fn = 'keyDriverAnalysis';
  if (isColumnTable(a) && typeof b === 'string') {
    const y = outcomeFromTable(fn, a, b);
    return keyDriverAnalysis(y.values, itemsFromTable(fn, a, c as readonly string[]), { outcomeName: y.name, ...d });
  }
  const outcome = a as NumericInput;
  const drivers = b as Readonly<Record<string, NumericInput>>;
  const options = (c as KeyDriverOptions | undefined) ?? {};
  if (drivers === null || typeof drivers !== 'object') throw new TypeError(`${fn}(drivers): expected an object { name: values }`);
  const names = Object.keys(drivers);
  const p = names.length;
  if (p === 0) throw new RangeError(`${fn}(drivers): at least one driver is needed`);
  const outcomeName = options.outcomeName ?? 'outcome';
  if (names.includes(outcomeName)) throw new RangeError(`${fn}(drivers): "${outcomeName}" is both the outcome and a driver`);
  const method = options.method ?? 'all';
  if (method !== 'all' && method !== 'shapley' && method !== 'weights') throw new RangeError(`${fn}(options.method): expected 'all', 'shapley' or 'weights', got ${String(method)}`);
  const B = options.bootstrap ?? 0;
  if (!Number.isInteger(B) || B < 0) throw new RangeError(`${fn}(options.bootstrap): expected a non-negative integer, got ${B}`);
  const seed = options.seed ?? 1;
  const level = options.confidenceLevel ?? 0.95;
  if (!(level > 0 && level < 1)) throw new RangeError(`${fn}(options.confidenceLevel): expected a number in (0, 1), got ${level}`);
  const maxShap = options.maxShapleyDrivers ?? 20;
  if (!Number.isInteger(maxShap) || maxShap < 1 || maxShap > 24) throw new RangeError(`${fn}(options.maxShapleyDrivers): expected an integer 1–24, got ${maxShap}`);

  const cc = completeCases(fn, [{ name: outcomeName, values: outcome }, ...names.map((name) => ({ name, values: drivers[name] }))], options.weights);
  const warnings: Message[] = [];
  if (cc.nMissing > 0) warnings.push(msg.missingDropped({ n: cc.nMissing, nTotal: cc.nTotal }));
  if (cc.nZeroWeight > 0) warnings.push(msg.zeroWeightDropped({ n: cc.nZeroWeight }));
  const n = cc.n;
  if (n < p + 2) throw new RangeError(`${fn}: ${n} complete respondent(s) for ${p} driver(s); at least ${p + 2} are needed`);
  if (n < 10 * p) warnings.push(msg.fewRespondents({ n, p }));

  // Constant drivers, then aliasing by pivoted QR of the weighted design [1, X] (as lm()).
  const constant = names.filter((_, j) => isConstant(cc.data[j + 1]));
  if (constant.length) throw new CollinearDriversError(fn, constant, 'constant');
  if (isConstant(cc.data[0])) throw new RangeError(`${fn}(outcome): the outcome "${outcomeName}" is constant`);
  const sw = cc.w.map(Math.sqrt);
  const X: Matrix = { rows: n, cols: p + 1, data: new Float64Array(n * (p + 1)) };
  for (let i = 0; i < n; i++) X.data[i] = sw[i];
  for (let j = 0; j < p; j++) {
    const x = cc.data[j + 1];
    for (let i = 0; i < n; i++) X.data[i + (j + 1) * n] = sw[i] * x[i];
  }
  const q = qr(X);
  if (q.rank < p + 1) {
    const aliased = Array.from(q.pivot.subarray(q.rank)).map((c) => (c === 0 ? '(intercept)' : names[c - 1]));
    throw new CollinearDriversError(fn, aliased, 'aliased');
  }
  const yw = cc.data[0].map((v, i) => v * sw[i]);
  const coef = qrCoef(q, yw);

  const mom = weightedMoments(cc.data, cc.w);
  const R = mom.correlation;
  const idx = names.map((_, j) => j + 1);
  const rxx = sub(R, idx, idx);
  const rxy = Float64Array.from(idx, (j) => R.data[j]);
  const beta = Float64Array.from(names, (_, j) => (coef[j + 1] * mom.sds[j + 1]) / mom.sds[0]);
  const vifM = invSpd(rxx);
  const vif = Float64Array.from(names, (_, j) => vifM.data[j + j * p]);
  const r2 = r2From(rxx, rxy);
  const adjustedR2 = 1 - ((1 - r2) * (n - 1)) / (n - p - 1);

  const nzv = names.filter((_, j) => nearZeroVariance(cc.data[j + 1], cc.w));
  if (nzv.length) warnings.push(msg.nearZeroVariance({ names: nzv }));
  const hv = names.filter((_, j) => vif[j] > 10);
  if (hv.length) warnings.push(msg.highVif({ names: hv }));
  const neg = names.filter((_, j) => beta[j] < 0);
  if (neg.length) warnings.push(msg.negativeBeta({ names: neg }));

  let doShapley = method !== 'weights';
  const doWeights = method !== 'shapley' || p > maxShap;
  if (doShapley && p > maxShap) {
    doShapley = false;
    warnings.push(msg.shapleyTooMany({ p, max: maxShap }));
  }
  const sign = Float64Array.from(beta, (b) => (b < 0 ? -1 : 1));
  const shares = (vals: Float64Array | null, total: number, s: Float64Array): Float64Array | null =>
    vals === null ? null : vals.map((v, j) => (total > 0 ? (s[j] * v) / total : NaN));
  const shap = doShapley ? shapleyR2(rxx, rxy).values : null;
  const rw = doWeights ? relativeWeights(rxx, rxy).weights : null;
  if (!(r2 > 0)) warnings.push(msg.zeroR2());
  const shapShare = shares(shap, r2, sign);
  const rwShare = shares(rw, r2, sign);
  const rankedBy: 'shapley' | 'relativeWeight' = shapShare ? 'shapley' : 'relativeWeight';
  const rankBase = (shapShare ?? rwShare) as Float64Array;
  const rank = competitionRank(rankBase.map(Math.abs));

  // Bootstrap percentile intervals of the signed shares.
  let shapCi: [number, number][] | null = null;
  let rwCi: [number, number][] | null = null;
  let bootInfo: KeyDriverResult['bootstrap'] = null;
  if (B > 0) {
    const g = makeRng(seed);
    const bs: Float64Array[] = names.map(() => new Float64Array(B));
    const br: Float64Array[] = names.map(() => new Float64Array(B));
    let used = 0;
    const rows = new Int32Array(n);
    for (let b = 0; b < B; b++) {
      for (let i = 0; i < n; i++) rows[i] = g.int(n);
      try {
        const m = weightedMoments(cc.data, cc.w, rows);
        const Rb = m.correlation;
        const bxx = sub(Rb, idx, idx);
        const bxy = Float64Array.from(idx, (j) => Rb.data[j]);
        if (bxy.some((v) => !Number.isFinite(v))) throw new RangeError('constant in replicate');
        const bb = solveSymmetric(bxx, bxy);
        const bsign = bb.map((v) => (v < 0 ? -1 : 1));
        const br2 = bb.reduce((s, v, j) => s + v * bxy[j], 0);
        const s1 = doShapley ? shares(shapleyR2(bxx, bxy).values, br2, bsign) : null;
        const s2 = doWeights ? shares(relativeWeights(bxx, bxy).weights, br2, bsign) : null;
        for (let j = 0; j < p; j++) {
          if (s1) bs[j][used] = s1[j];
          if (s2) br[j][used] = s2[j];
        }
        used++;
      } catch (e) {
        if (!(e instanceof RangeError)) throw e;
      }
    }
    if (used < B) warnings.push(msg.bootstrapFailed({ failed: B - used, total: B }));
    const alpha = (1 - level) / 2;
    const ci = (a: Float64Array): [number, number] => {
      const s = a.slice(0, used).sort();
      return [quantile7(s, alpha), quantile7(s, 1 - alpha)];
    };
    if (doShapley) shapCi = bs.map(ci);
    if (doWeights) rwCi = br.map(ci);
    bootInfo = { replicates: B, used, seed, confidenceLevel: level, ciMethod: 'percentile (R type-7 quantiles), respondents resampled with replacement' };
  }

  const out: KeyDriver[] = names.map((name, j) => ({
    name,
    correlation: rxy[j],
    beta: beta[j],
    sign: sign[j] < 0 ? -1 : 1,
    shapley: shapShare ? shapShare[j] : null,
    shapleyR2: shap ? shap[j] : null,
    relativeWeight: rwShare ? rwShare[j] : null,
    relativeWeightR2: rw ? rw[j] : null,
    rank: rank[j],
    vif: vif[j],
    shapleyCi: shapCi ? shapCi[j] : null,
    relativeWeightCi: rwCi ? rwCi[j] : null,
  }));
  const parts = ['Pearson correlation', 'standardized OLS betas (QR)'];
  if (doShapley) parts.push('Shapley/LMG decomposition of R² (exact)');
  if (doWeights) parts.push("Johnson's relative weights");
  return {
    method: `key-driver analysis: ${parts.join(', ')}${cc.weighted ? ', weighted' : ''}`,
    outcome: outcomeName,
    n,
    nTotal: cc.nTotal,
    nMissing: cc.nMissing,
    nZeroWeight: cc.nZeroWeight,
    missingByVariable: cc.missingByVariable,
    weighted: cc.weighted,
    sumWeights: mom.sumW,
    r2,
    adjustedR2,
    shapleyMethod: doShapley ? `exact over all 2^${p} = ${2 ** p} subsets, R² from the correlation matrix` : null,
    rankedBy,
    drivers: out,
    bootstrap: bootInfo,
    warnings,
  };
}

function isConstant(x: Float64Array): boolean {
  for (let i = 1; i < x.length; i++) if (x[i] !== x[0]) return false;
  return true;
}

/** True when one value carries ≥ 95 % of the (weighted) respondents. */
function nearZeroVariance(x: Float64Array, w: Float64Array): boolean {
  const counts = new Map<number, number>();
  let total = 0;
  for (let i = 0; i < x.length; i++) {
    counts.set(x[i], (counts.get(x[i]) ?? 0) + w[i]);
    total += w[i];
  }
  let top = 0;
  for (const c of counts.values()) top = Math.max(top, c);
  return top >= 0.95 * total;
}

/** R² = r' R⁻¹ r. */
function r2From(rxx: Matrix, rxy: Float64Array): number {
  const b = solveSymmetric(rxx, rxy);
  let s = 0;
  for (let j = 0; j < b.length; j++) s += b[j] * rxy[j];
  return s;
}

/** Standard competition ranking (1 = largest), ties share the best rank; NaN last. */
function competitionRank(v: Float64Array): number[] {
  const key = (x: number): number => (Number.isNaN(x) ? -Infinity : x);
  return Array.from(v, (x) => 1 + Array.from(v).filter((y) => key(y) > key(x)).length);
}

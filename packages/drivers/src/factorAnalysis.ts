import { isColumnTable } from '@satlab/stats';
import type { ColumnTable } from '@satlab/stats';
import { itemsFromTable } from './byName.js';
import type { Message } from '@satlab/messages';
import type { Matrix } from '@satlab/stats';
import { qr, symmetricEigen } from '@satlab/stats';
import { bartlettSphericity } from './bartlettSphericity.js';
import type { BartlettResult } from './bartlettSphericity.js';
import { CollinearDriversError } from './CollinearDriversError.js';
import { cronbachAlpha } from './cronbachAlpha.js';
import type { CronbachAlphaResult } from './cronbachAlpha.js';
import { kmo } from './kmo.js';
import { msg } from './messages.js';
import { oblimin } from './oblimin.js';
import { parallelAnalysis } from './parallelAnalysis.js';
import type { ParallelAnalysisOptions, ParallelAnalysisResult } from './parallelAnalysis.js';
import { promax } from './promax.js';
import { varimax } from './varimax.js';
import type { RotationResult } from './varimax.js';
import { completeCases } from './internal/completeCases.js';
import type { NumericInput } from './internal/numeric.js';
import { extractMinres, extractPrincipal, extractPrincipalAxis } from './internal/extraction.js';
import type { Extraction } from './internal/extraction.js';
import { columns, invSpd, mul, toRows, transpose } from './internal/matrixOps.js';
import { weightedMoments } from './internal/weightedMoments.js';

/** Options of {@link factorAnalysis}. */
export interface FactorAnalysisOptions {
  /** Number of factors (default: parallel analysis' suggested number of components, at least 1). */
  nfactors?: number;
  /**
   * `'minres'` (default, psych::fa's default), `'pa'` (iterated principal axis, psych fm = "pa")
   * or `'pc'` (principal components, psych::principal).
   */
  extraction?: 'minres' | 'pa' | 'pc';
  /** `'varimax'` (default), `'oblimin'`, `'promax'` or `'none'`. */
  rotate?: 'varimax' | 'oblimin' | 'promax' | 'none';
  /** Compute regression factor scores for the respondents (default true). */
  scores?: boolean;
  /** Parallel-analysis settings (seeded; default 50 iterations, seed 1, 95th percentile). */
  parallel?: ParallelAnalysisOptions;
  /** Compute Cronbach's alpha of all the items (default true; `checkKeys` true, see cronbachAlpha), on the respondents the factor analysis uses (listwise; `alphaDetail.missing` says so). */
  alpha?: boolean;
}

/** Result of {@link factorAnalysis}. Matrices are arrays of rows (items × factors). */
export interface FactorAnalysisResult {
  method: string;
  extraction: 'minres' | 'pa' | 'pc';
  rotation: 'varimax' | 'oblimin' | 'promax' | 'none';
  /** How rows were normalised for the rotation (Kaiser normalization) — stated for the report. */
  kaiserNormalization: string;
  items: string[];
  n: number;
  nTotal: number;
  nMissing: number;
  missingByVariable: Record<string, number>;
  nfactors: number;
  nfactorsSource: 'given' | 'parallel analysis';
  /** Kaiser–Meyer–Olkin: overall MSA and per item. */
  kmo: { overall: number; items: Record<string, number> };
  bartlett: BartlettResult;
  /** Eigenvalues of the correlation matrix (scree). */
  eigenvalues: number[];
  parallel: ParallelAnalysisResult;
  /** Column names as psych names them: MR1…, PA1…, PC1… (RC1…/TC1… once rotated, pc only). */
  factorNames: string[];
  /** Pattern loadings after rotation, items × factors (sign: column sums positive; ordered by variance explained). */
  loadings: number[][];
  /** Structure matrix (loadings · Φ), = loadings for orthogonal solutions. */
  structure: number[][];
  /** Factor correlations Φ (null for orthogonal solutions). */
  phi: number[][] | null;
  /** Communalities h² (row sums of squared unrotated loadings). */
  communalities: number[];
  /** Uniquenesses 1 − h². */
  uniquenesses: number[];
  /** SS loadings (diag(Φ ΛᵀΛ) when oblique), proportion of total variance, cumulative, share of explained variance. */
  varianceExplained: { ssLoadings: number[]; proportion: number[]; cumulative: number[]; proportionExplained: number[] };
  /** psych's `values`: eigenvalues of the reduced matrix (minres: diag = final communalities; pa: the last matrix decomposed, before the last communality update; pc: eigenvalues of R). */
  reducedEigenvalues: number[];
  /** Regression (Thurstone) factor-score weights R⁻¹·structure, items × factors. */
  scoreWeights: number[][];
  /** Factor scores (regression method on standardized items), one row per input row; NaN rows where an item is missing; null when `scores` is false. */
  scores: number[][] | null;
  /** Extraction convergence (minres: ‖pseudo-gradient‖∞ < 1e-12; pa: psych's rule) and rotation convergence. */
  convergence: { extraction: boolean; extractionIterations: number; rotation: boolean; rotationIterations: number };
  /** Cronbach's alpha of all items (with check.keys), or null when `alpha` is false. */
  alpha: number | null;
  alphaDetail: CronbachAlphaResult | null;
  warnings: Message[];
}

/**
 * Exploratory factor analysis of rating items, following psych: correlation matrix (listwise
 * complete respondents), KMO and Bartlett's sphericity test, eigenvalues and seeded parallel
 * analysis (to suggest the number of factors), extraction by minimum residual (psych::fa
 * fm = "minres", solved to stationarity), iterated principal axis (fm = "pa", psych's stopping
 * rule) or principal components (psych::principal), rotation by varimax (stats::varimax, Kaiser
 * normalization), oblimin (GPArotation gradient projection, no normalization, as psych) or promax
 * (m = 4; pc: stats::promax, Kaiser normalization inside varimax; minres/pa: psych::kaiser
 * normalization of the rows by √h² around the whole promax), then psych's sign (column sums
 * positive) and order (variance explained) conventions; communalities, variance explained,
 * regression factor scores and Cronbach's alpha.
 *
 * @param items item name → ratings (NaN = missing), at least 3 items.
 * @param options see {@link FactorAnalysisOptions}.
 * @returns a {@link FactorAnalysisResult}.
 * @throws {CollinearDriversError} when items are constant or linearly dependent (singular
 *   correlation matrix). @throws {TypeError}/{RangeError} on malformed input, too few
 *   respondents (≤ items) or nfactors out of range.
 * @see R: `psych::fa(x, nfactors, fm = "minres", rotate)`, `psych::principal(x, nfactors, rotate)`,
 *   `psych::KMO`, `psych::cortest.bartlett`, `psych::fa.parallel`, `psych::alpha`.
 * Column-name form: `factorAnalysis(table, ["sat_contact", "sat_delai_rep", …], { nfactors: 2 })`.
 * @example
 * const a = [4, 3, 5, 2, 4, 3, 5, 1, 2, 4, 3, 5, 2, 4, 1, 3];
 * const b = [4, 2, 5, 2, 3, 3, 4, 2, 2, 4, 3, 4, 1, 4, 2, 3];
 * const c = [5, 3, 4, 1, 4, 2, 5, 2, 3, 5, 3, 4, 2, 3, 1, 3];
 * const d = [1, 4, 2, 5, 3, 1, 2, 4, 5, 2, 3, 1, 4, 2, 5, 3];
 * const e = [2, 4, 1, 5, 3, 2, 2, 5, 4, 1, 3, 2, 5, 2, 4, 3];
 * const f = factorAnalysis({ a, b, c, d, e }, { nfactors: 2 });
 * f.items; //=> ['a', 'b', 'c', 'd', 'e']
 * f.n; //=> 16
 * f.kmo.overall; //=> 0.839795…
 */
export function factorAnalysis(table: ColumnTable, items: readonly string[], options?: FactorAnalysisOptions): FactorAnalysisResult;
export function factorAnalysis(items: Readonly<Record<string, NumericInput>>, options?: FactorAnalysisOptions): FactorAnalysisResult;
export function factorAnalysis(a: Readonly<Record<string, NumericInput>> | ColumnTable, b?: readonly string[] | FactorAnalysisOptions, c: FactorAnalysisOptions = {}): FactorAnalysisResult {
  const fn = 'factorAnalysis';
  if (isColumnTable(a) && Array.isArray(b)) return factorAnalysis(itemsFromTable(fn, a, b as readonly string[]), c);
  const items = a as Readonly<Record<string, NumericInput>>;
  const options = (b as FactorAnalysisOptions | undefined) ?? {};
  if (items === null || typeof items !== 'object') throw new TypeError(`${fn}(items): expected an object { name: values }`);
  const names = Object.keys(items);
  const p = names.length;
  if (p < 3) throw new RangeError(`${fn}(items): at least 3 items are needed, got ${p}`);
  const extraction = options.extraction ?? 'minres';
  if (!['minres', 'pa', 'pc'].includes(extraction)) throw new RangeError(`${fn}(options.extraction): expected 'minres', 'pa' or 'pc', got ${String(extraction)}`);
  const rotation = options.rotate ?? 'varimax';
  if (!['varimax', 'oblimin', 'promax', 'none'].includes(rotation)) throw new RangeError(`${fn}(options.rotate): expected 'varimax', 'oblimin', 'promax' or 'none', got ${String(rotation)}`);
  const cc = completeCases(fn, names.map((name) => ({ name, values: items[name] })));
  const warnings: Message[] = [];
  if (cc.nMissing > 0) warnings.push(msg.itemsMissingDropped({ n: cc.nMissing, nTotal: cc.nTotal }));
  const n = cc.n;
  if (n <= p) throw new RangeError(`${fn}: ${n} complete respondent(s) for ${p} items; more respondents than items are needed`);
  if (n < 5 * p) warnings.push(msg.efaFewRespondents({ n, p }));
  const constant = names.filter((_, j) => cc.data[j].every((v) => v === cc.data[j][0]));
  if (constant.length) throw new CollinearDriversError(fn, constant, 'constant', 'item');
  const mom = weightedMoments(cc.data, cc.w);
  const R = mom.correlation;
  try {
    invSpd(R);
  } catch {
    const q = qr(standardized(cc.data, mom.means, mom.sds));
    const aliased = Array.from(q.pivot.subarray(q.rank)).map((j) => names[j]);
    throw new CollinearDriversError(fn, aliased.length ? aliased : names, 'aliased', 'item');
  }

  const km = kmo(R);
  if (km.overall < 0.5) warnings.push(msg.lowKmo({ kmo: km.overall }));
  const lowMsa = names.filter((_, j) => km.items[j] < 0.5);
  if (lowMsa.length) warnings.push(msg.lowItemMsa({ names: lowMsa }));
  const bart = bartlettSphericity(R, n);
  if (bart.pValue > 0.05) warnings.push(msg.bartlettNotSignificant({ p: bart.pValue }));
  const par = parallelAnalysis(R, n, options.parallel);

  let k = options.nfactors;
  let nfactorsSource: 'given' | 'parallel analysis' = 'given';
  if (k === undefined) {
    k = Math.max(1, Math.min(par.suggestedComponents, p - 1));
    nfactorsSource = 'parallel analysis';
    warnings.push(msg.nfactorsFromParallel({ k }));
  }
  if (!Number.isInteger(k) || k < 1 || k > (extraction === 'pc' ? p : p - 1)) {
    throw new RangeError(`${fn}(options.nfactors): expected an integer from 1 to ${extraction === 'pc' ? p : p - 1}, got ${k}`);
  }

  let ex: Extraction;
  if (extraction === 'pc') ex = extractPrincipal(R, k);
  else if (extraction === 'pa') ex = extractPrincipalAxis(R, k);
  else ex = extractMinres(R, k);
  if (!ex.converged) warnings.push(msg.notConverged({ what: extraction === 'pa' ? 'pa' : 'minres', iter: ex.iterations }));
  if (ex.atBound.length) warnings.push(msg.heywood({ names: ex.atBound.map((i) => names[i]) }));
  const L0 = ex.loadings;
  const h2 = Array.from({ length: p }, (_, i) => {
    let s = 0;
    for (let j = 0; j < k; j++) s += L0.data[i + j * p] ** 2;
    return s;
  });
  if (extraction !== 'minres' && h2.some((v) => v >= 1)) warnings.push(msg.heywood({ names: names.filter((_, i) => h2[i] >= 1) }));

  // psych: loadings exactly 0 are set to 1e-15 before rotating (fa only).
  const Lr: Matrix = { rows: p, cols: k, data: Float64Array.from(L0.data, (v) => (v === 0 && extraction !== 'pc' ? 1e-15 : v)) };
  let rot: RotationResult | null = null;
  let kaiserNormalization = 'none (no rotation)';
  if (rotation !== 'none' && k > 1) {
    if (rotation === 'varimax') {
      rot = varimax(Lr);
      kaiserNormalization = 'Kaiser normalization (rows scaled to unit length), stats::varimax';
    } else if (rotation === 'promax') {
      rot = promax(Lr, { m: 4, normalize: extraction === 'pc' ? 'varimax' : 'full' });
      kaiserNormalization =
        extraction === 'pc'
          ? 'Kaiser normalization inside the varimax step only (stats::promax, m = 4)'
          : 'Kaiser normalization of the rows by √h² around the whole promax (psych::kaiser, m = 4)';
    } else {
      rot = oblimin(Lr);
      kaiserNormalization = 'no normalization (GPArotation::oblimin default, as psych)';
    }
    if (!rot.converged) warnings.push(msg.notConverged({ what: 'rotation', rotation, iter: rot.iterations }));
  } else if (rotation !== 'none') {
    kaiserNormalization = 'none (one factor: no rotation)';
  }
  let L = rot ? rot.loadings : Lr;
  let phi: Matrix | null = rot && rotation !== 'varimax' ? rot.phi : null;

  // psych: signs so that column sums are positive, then order by variance explained.
  const signs = new Float64Array(k);
  for (let j = 0; j < k; j++) {
    let s = 0;
    for (let i = 0; i < p; i++) s += L.data[i + j * p];
    signs[j] = s < 0 ? -1 : 1;
  }
  L = { rows: p, cols: k, data: Float64Array.from(L.data, (v, t) => v * signs[Math.floor(t / p)]) };
  if (phi) phi = { rows: k, cols: k, data: Float64Array.from(phi.data, (v, t) => v * signs[t % k] * signs[Math.floor(t / k)]) };
  const ssOf = (LL: Matrix, ph: Matrix | null): number[] => {
    const ltl = mul(transpose(LL), LL);
    const m = ph ? mul(ph, ltl) : ltl;
    return Array.from({ length: k }, (_, j) => m.data[j + j * k]);
  };
  // psych::principal orders by diag(LᵀL) even when oblique; psych::fa by diag(Φ LᵀL).
  const orderKey = ssOf(L, extraction === 'pc' ? null : phi);
  const order = Array.from({ length: k }, (_, j) => j).sort((a, b) => orderKey[b] - orderKey[a] || a - b);
  if (k > 1) {
    L = columns(L, order);
    if (phi) {
      const ph = phi;
      phi = { rows: k, cols: k, data: new Float64Array(k * k) };
      for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) phi.data[a + b * k] = ph.data[order[a] + order[b] * k];
    }
  }
  const ss = ssOf(L, phi);
  const total = p; // sum of communalities + uniquenesses of a correlation matrix
  const sumSs = ss.reduce((a, b) => a + b, 0);
  let cum = 0;
  const varianceExplained = {
    ssLoadings: ss,
    proportion: ss.map((v) => v / total),
    cumulative: ss.map((v) => (cum += v / total)),
    proportionExplained: ss.map((v) => v / sumSs),
  };
  const structure = phi ? mul(L, phi) : L;
  const weights = mul(invSpd(R), structure);
  let scores: number[][] | null = null;
  if (options.scores ?? true) {
    scores = Array.from({ length: cc.nTotal }, () => new Array<number>(k).fill(NaN));
    for (let r = 0; r < n; r++) {
      const row = scores[cc.rows[r]];
      for (let j = 0; j < k; j++) {
        let s = 0;
        for (let i = 0; i < p; i++) s += ((cc.data[i][r] - mom.means[i]) / mom.sds[i]) * weights.data[i + j * p];
        row[j] = s;
      }
    }
  }
  const prefix = extraction === 'pc' ? (rot ? (rotation === 'varimax' || rotation === 'promax' ? 'RC' : 'TC') : 'PC') : extraction === 'pa' ? 'PA' : 'MR';
  // psych names columns before ordering (MR1…/RC1… keep their identity after the sort, as in psych).
  const baseNames = Array.from({ length: k }, (_, j) => `${prefix}${j + 1}`);
  const factorNames = k === 1 ? baseNames : order.map((j) => baseNames[j]);
  const alphaDetail = options.alpha ?? true ? cronbachAlpha(Object.fromEntries(names.map((nm, j) => [nm, cc.data[j]])), { checkKeys: true, missing: 'listwise' }) : null;
  const extractionLabel = { minres: 'minimum residual (psych::fa fm = "minres")', pa: 'iterated principal axis (psych::fa fm = "pa")', pc: 'principal components (psych::principal)' }[extraction];
  return {
    method: `exploratory factor analysis: ${extractionLabel}, ${rotation === 'none' || k === 1 ? 'unrotated' : `${rotation} rotation`}`,
    extraction,
    rotation,
    kaiserNormalization,
    items: names,
    n,
    nTotal: cc.nTotal,
    nMissing: cc.nMissing,
    missingByVariable: cc.missingByVariable,
    nfactors: k,
    nfactorsSource,
    kmo: { overall: km.overall, items: Object.fromEntries(names.map((nm, j) => [nm, km.items[j]])) },
    bartlett: bart,
    eigenvalues: Array.from(symmetricEigen(R).values),
    parallel: par,
    factorNames,
    loadings: toRows(L),
    structure: toRows(structure),
    phi: phi ? toRows(phi) : null,
    communalities: h2,
    uniquenesses: h2.map((v) => 1 - v),
    varianceExplained,
    reducedEigenvalues: Array.from(ex.values),
    scoreWeights: toRows(weights),
    scores,
    convergence: { extraction: ex.converged, extractionIterations: ex.iterations, rotation: rot ? rot.converged : true, rotationIterations: rot ? rot.iterations : 0 },
    alpha: alphaDetail ? alphaDetail.alpha : null,
    alphaDetail,
    warnings: [...warnings, ...(alphaDetail ? alphaDetail.warnings.filter((w) => !warnings.some((v) => v.code === w.code && v.text === w.text)) : [])],
  };
}

function standardized(data: Float64Array[], means: Float64Array, sds: Float64Array): Matrix {
  const n = data[0].length;
  const p = data.length;
  const m: Matrix = { rows: n, cols: p, data: new Float64Array(n * p) };
  for (let j = 0; j < p; j++) for (let i = 0; i < n; i++) m.data[i + j * n] = (data[j][i] - means[j]) / sds[j];
  return m;
}


import type { Message } from '@satlab/messages';
import { normalCdf, normalSf } from './distributions/normal.js';
import { studentTCdf, studentTSf } from './distributions/studentT.js';
import { checkAlternative, rankAverage, readPairs, type Alternative, type Values } from './internal/sample.js';
import { centredMoments } from './internal/correlation.js';
import { msg } from './messages.js';

/** Options of {@link spearmanCorrelation}. */
export interface SpearmanCorrelationOptions {
  /** Alternative hypothesis about ρ_s. Default 'two.sided'. */
  alternative?: Alternative;
  /**
   * Use the exact null distribution (AS 89: permutations for n ≤ 9, Edgeworth series up to
   * n = 1290) when there are no ties. Default true, as R (`exact = NULL`). Ties force the t approximation.
   */
  exact?: boolean;
  /** Continuity correction in the t approximation (R's `continuity`). Default false. */
  continuity?: boolean;
}

/** Result of {@link spearmanCorrelation}. */
export interface SpearmanCorrelation {
  method: "Spearman's rank correlation rho";
  /** Spearman's ρ: the Pearson correlation of the average ranks. */
  estimate: number;
  /** R's S = (n³ − n)(1 − ρ)/6 (Σd² without ties). */
  statistic: number;
  pValue: number;
  /** How the p-value was computed: 'exact' (n ≤ 9, all permutations), 'Edgeworth' (AS 89, 10 ≤ n ≤ 1290) or 't'. */
  pValueMethod: 'exact' | 'Edgeworth' | 't';
  /** Complete pairs used. */
  n: number;
  nMissing: number;
  alternative: Alternative;
  warnings: Message[];
}

/** Largest n for which the exact null distribution of S is computed (≈ 0.3 s and 25 MB at n = 14). */
export const SPEARMAN_EXACT_MAX_N = 14;

const exactCounts = new Map<number, Float64Array>();

/**
 * Number of permutations π of 0..n−1 with Σ(i − π_i)² = s, for every s (0 ≤ s ≤ (n³ − n)/3), by
 * dynamic programming over the set of ranks used so far (positions filled in order, one layer of
 * subsets of the same size at a time). Exact in doubles up to n = 18 (n! < 2^53).
 */
function spearmanSCounts(n: number): Float64Array {
  const cached = exactCounts.get(n);
  if (cached) return cached;
  const maxS = (n * (n * n - 1)) / 3;
  const width = maxS + 1;
  // Layer i: masks with i bits set, indexed through a Map from mask to row.
  let layer = new Map<number, Float64Array>([[0, new Float64Array(width)]]);
  layer.get(0)![0] = 1;
  for (let i = 0; i < n; i++) {
    const next = new Map<number, Float64Array>();
    for (const [mask, row] of layer) {
      let top = maxS;
      while (top > 0 && row[top] === 0) top--;
      for (let v = 0; v < n; v++) {
        if (mask & (1 << v)) continue;
        const m2 = mask | (1 << v);
        let dst = next.get(m2);
        if (!dst) {
          dst = new Float64Array(width);
          next.set(m2, dst);
        }
        const d = (i - v) * (i - v);
        for (let q = 0; q <= top; q++) if (row[q] !== 0) dst[q + d] += row[q];
      }
    }
    layer = next;
  }
  const out = layer.get((1 << n) - 1)!;
  exactCounts.set(n, out);
  return out;
}

/**
 * P(S ≥ s) (upper) or P(S < s) (lower) for Spearman's S under H₀: the exact permutation
 * distribution for n ≤ {@link SPEARMAN_EXACT_MAX_N}, else the Edgeworth series of AS 89
 * (Best & Roberts 1975) as R. `edgeworth` is R's value where R uses the series (10 ≤ n), for the
 * comparison.
 */
function spearmanSTail(n: number, s: number, lower: boolean): { p: number; how: 'exact' | 'Edgeworth'; edgeworth: number | null } {
  const n3 = (n * (n * n - 1)) / 3; // maximal S
  const exact = n <= SPEARMAN_EXACT_MAX_N;
  if (s <= 0) return { p: lower ? 0 : 1, how: exact ? 'exact' : 'Edgeworth', edgeworth: null };
  if (s > n3) return { p: lower ? 1 : 0, how: exact ? 'exact' : 'Edgeworth', edgeworth: null };
  const edgeworth = n >= 10 ? edgeworthTail(n, s, lower) : null;
  if (exact) {
    const counts = spearmanSCounts(n);
    let total = 0;
    let atLeast = 0;
    for (let q = 0; q < counts.length; q++) {
      total += counts[q];
      if (q >= s) atLeast += counts[q];
    }
    return { p: (lower ? total - atLeast : atLeast) / total, how: 'exact', edgeworth };
  }
  return { p: edgeworth!, how: 'Edgeworth', edgeworth };
}

/** The Edgeworth series of AS 89, as R's prho for n ≥ 10. */
function edgeworthTail(n: number, s: number, lower: boolean): number {
  // Edgeworth series of AS 89 (coefficients from the paper); x ≈ −ρ√(n−1).
  const b = 1 / n;
  const x = ((6 * (s - 1) * b) / (n * n - 1) - 1) * Math.sqrt(n - 1);
  const y = x * x;
  const u =
    x * b *
    (0.2274 + b * (0.2531 + 0.1745 * b) +
      y * (-0.0758 + b * (0.1033 + 0.3932 * b) - y * b * (0.0879 + 0.0151 * b - y * (0.0072 - 0.0831 * b + y * b * (0.0131 - 4.6e-4 * y)))));
  const corr = u / Math.exp(y / 2);
  const p = (lower ? -corr : corr) + (lower ? normalCdf(x) : normalSf(x));
  return Math.min(1, Math.max(0, p));
}

/**
 * Spearman's rank correlation ρ_s (Pearson correlation of average ranks) with a test of H₀: ρ_s = 0.
 * Without ties and n ≤ 1290 the p-value is "exact" as R's: the exact permutation distribution of
 * S = Σd² for n ≤ 14 (counted by dynamic programming over the ranks used), the Edgeworth series of
 * algorithm AS 89 for 15 ≤ n ≤ 1290. Where satlab differs from R, and why: R uses the Edgeworth
 * series from n = 10, which is an approximation and is clipped at 0 in the far tail (x = 1..10,
 * y = 2,1,4,3,…: R prints p = 0, the exact p is 2.0558e-4); satlab gives the exact value for
 * 10 ≤ n ≤ 14 and a warning (`stats.spearmanExactDiffersFromR`, with R's value) when R's differs
 * by more than 1 %. With ties (or `exact: false`, or n > 1290) it uses t = ρ√(n−2)/√(1−ρ²) on n − 2 df,
 * as R, and warns when ties prevented the exact computation. Complete pairs only.
 *
 * Reference: Best & Roberts (1975), Algorithm AS 89, Appl. Statist. 24:377;
 * R `cor.test(x, y, method = "spearman", alternative = alternative, exact = exact, continuity = continuity)`.
 *
 * @throws {TypeError} when x or y is not numeric. @throws {RangeError} on different lengths, ±Infinity or bad options.
 * @example
 * spearmanCorrelation([1, 2, 3, 4, 5, 6], [2, 1, 4, 3, 6, 5]);
 * //=> { estimate: 0.828571…, statistic: 6, pValue: 0.0583333…, pValueMethod: 'exact', n: 6, … }
 * spearmanCorrelation([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], [2, 1, 4, 3, 6, 5, 8, 7, 10, 9]).pValue;
 * //=> 0.000205577… (exact; R's cor.test prints 0 from the Edgeworth series)
 */
export function spearmanCorrelation(x: Values, y: Values, opts: SpearmanCorrelationOptions = {}): SpearmanCorrelation {
  const fn = 'spearmanCorrelation(x, y, opts)';
  const p = readPairs(fn, x, y);
  const alternative = checkAlternative(fn, opts.alternative ?? 'two.sided');
  const exactOpt = opts.exact ?? true;
  const continuity = opts.continuity ?? false;
  if (typeof exactOpt !== 'boolean') throw new TypeError(`${fn}: opts.exact must be a boolean, got ${String(exactOpt)}`);
  if (typeof continuity !== 'boolean') throw new TypeError(`${fn}: opts.continuity must be a boolean, got ${String(continuity)}`);
  const n = p.x.length;
  const warnings: Message[] = [];
  const base = { method: "Spearman's rank correlation rho" as const, n, nMissing: p.nMissing, alternative, warnings };
  if (n < 2) {
    warnings.push(msg.tooFewObservations({ what: 'spearmanCorrelation', n: n, min: 2 }));
    return { ...base, estimate: NaN, statistic: NaN, pValue: NaN, pValueMethod: 't' };
  }
  const rx = rankAverage(p.x);
  const ry = rankAverage(p.y);
  const { sxx, syy, sxy } = centredMoments(rx.ranks, ry.ranks);
  if (!(sxx > 0) || !(syy > 0)) {
    warnings.push(msg.zeroVariance({ what: 'spearmanCorrelation' }));
    return { ...base, estimate: NaN, statistic: NaN, pValue: NaN, pValueMethod: 't' };
  }
  const rho = Math.max(-1, Math.min(1, sxy / (Math.sqrt(sxx) * Math.sqrt(syy))));
  const q = ((n * n * n - n) * (1 - rho)) / 6;
  const ties = rx.hasTies || ry.hasTies;
  let exact = exactOpt;
  if (ties && exact) {
    exact = false;
    warnings.push(msg.tiesNoExactSpearman());
  }
  let how: 'exact' | 'Edgeworth' | 't' = 't';
  let rEdgeworth: number | null = null;
  // pS(q, lowerTail): R's pspearman — lower tail P(S ≤ q), upper tail P(S ≥ q).
  const pS = (qq: number, lowerTail: boolean): number => {
    if (n <= 1290 && exact) {
      const r = spearmanSTail(n, Math.round(qq) + (lowerTail ? 2 : 0), lowerTail);
      how = r.how;
      if (r.edgeworth !== null && r.how === 'exact') rEdgeworth = r.edgeworth;
      return r.p;
    }
    let den = (n * (n * n - 1)) / 6;
    if (continuity) den += 1;
    const r = 1 - qq / den;
    const t = r / Math.sqrt((1 - r * r) / (n - 2));
    how = 't';
    return lowerTail ? studentTSf(t, n - 2) : studentTCdf(t, n - 2);
  };
  let pValue: number;
  if (!exact && n < 3) pValue = NaN;
  else if (alternative === 'two.sided') pValue = Math.min(1, 2 * (q > (n * n * n - n) / 6 ? pS(q, false) : pS(q, true)));
  else if (alternative === 'greater') pValue = pS(q, true);
  else pValue = pS(q, false);
  if (rEdgeworth !== null) {
    const rValue = alternative === 'two.sided' ? Math.min(1, 2 * rEdgeworth) : rEdgeworth;
    if (Math.abs(rValue - pValue) > 0.01 * pValue) warnings.push(msg.spearmanExactDiffersFromR({ n, rValue, pValue }));
  }
  return { ...base, estimate: rho, statistic: q, pValue, pValueMethod: how };
}

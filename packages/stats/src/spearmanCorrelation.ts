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

/** P(S ≥ s) (upper) or P(S < s) (lower) for Spearman's S under H₀ — AS 89 (Best & Roberts 1975). */
function spearmanSTail(n: number, s: number, lower: boolean): { p: number; how: 'exact' | 'Edgeworth' } {
  const n3 = (n * (n * n - 1)) / 3; // maximal S
  if (s <= 0) return { p: lower ? 0 : 1, how: n <= 9 ? 'exact' : 'Edgeworth' };
  if (s > n3) return { p: lower ? 1 : 0, how: n <= 9 ? 'exact' : 'Edgeworth' };
  if (n <= 9) {
    // Enumerate the n! permutations (Heap's algorithm), counting Σ(i − π_i)² ≥ s.
    const perm = Int32Array.from({ length: n }, (_, i) => i);
    const c = new Int32Array(n);
    let total = 0;
    let atLeast = 0;
    const visit = (): void => {
      let ss = 0;
      for (let i = 0; i < n; i++) ss += (i - perm[i]) * (i - perm[i]);
      total++;
      if (ss >= s) atLeast++;
    };
    visit();
    let i = 1;
    while (i < n) {
      if (c[i] < i) {
        const j = i % 2 === 0 ? 0 : c[i];
        const t = perm[j];
        perm[j] = perm[i];
        perm[i] = t;
        visit();
        c[i]++;
        i = 1;
      } else {
        c[i] = 0;
        i++;
      }
    }
    return { p: (lower ? total - atLeast : atLeast) / total, how: 'exact' };
  }
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
  return { p: Math.min(1, Math.max(0, p)), how: 'Edgeworth' };
}

/**
 * Spearman's rank correlation ρ_s (Pearson correlation of average ranks) with a test of H₀: ρ_s = 0.
 * Without ties and n ≤ 1290 the p-value follows R: the exact permutation distribution of
 * S = Σd² for n ≤ 9 and the Edgeworth series of algorithm AS 89 for 10 ≤ n ≤ 1290 (R calls both
 * "exact"). With ties (or `exact: false`, or n > 1290) it uses t = ρ√(n−2)/√(1−ρ²) on n − 2 df,
 * as R, and warns when ties prevented the exact computation. Complete pairs only.
 *
 * Reference: Best & Roberts (1975), Algorithm AS 89, Appl. Statist. 24:377;
 * R `cor.test(x, y, method = "spearman", alternative = alternative, exact = exact, continuity = continuity)`.
 *
 * @throws {TypeError} when x or y is not numeric. @throws {RangeError} on different lengths, ±Infinity or bad options.
 * @example
 * spearmanCorrelation([1, 2, 3, 4, 5, 6], [2, 1, 4, 3, 6, 5]);
 * //=> { estimate: 0.828571…, statistic: 6, pValue: 0.0583333…, pValueMethod: 'exact', n: 6, … }
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
  // pS(q, lowerTail): R's pspearman — lower tail P(S ≤ q), upper tail P(S ≥ q).
  const pS = (qq: number, lowerTail: boolean): number => {
    if (n <= 1290 && exact) {
      const r = spearmanSTail(n, Math.round(qq) + (lowerTail ? 2 : 0), lowerTail);
      how = r.how;
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
  return { ...base, estimate: rho, statistic: q, pValue, pValueMethod: how };
}

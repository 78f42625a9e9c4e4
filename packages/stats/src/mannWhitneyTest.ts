import type { Message } from '@satlab/messages';
import { checkAlternative, checkFiniteNumber, rankAverage, readSample, zPValue, type Alternative, type Values } from './internal/sample.js';
import { normalQuantile } from './distributions/normal.js';
import { msg } from './messages.js';

/** Options of {@link mannWhitneyTest}. */
export interface MannWhitneyTestOptions {
  /** Alternative about the location shift of a relative to b. Default 'two.sided'. */
  alternative?: Alternative;
  /** Hypothesised location shift μ (a − μ is compared with b). Default 0. */
  mu?: number;
  /** Continuity correction in the normal approximation. Default true (R's default). */
  correct?: boolean;
  /**
   * Exact p-value from the null distribution of W. Default: exact when n_a < 50 and n_b < 50 and
   * there are no ties (R's `exact = NULL`). Ties always force the normal approximation (with a warning).
   */
  exact?: boolean;
  /**
   * Also compute the Hodges–Lehmann estimate of the location shift (median of the n_a·n_b
   * differences a_i − b_j) and its confidence interval, as R `wilcox.test(a, b, conf.int = TRUE)`.
   * Default false (it costs O(n_a n_b log(n_a n_b))).
   */
  confInt?: boolean;
  /** Confidence level of the interval. Default 0.95. */
  confLevel?: number;
}

/** Result of {@link mannWhitneyTest}. */
export interface MannWhitneyTest {
  method: 'Wilcoxon rank sum exact test' | 'Wilcoxon rank sum test with continuity correction' | 'Wilcoxon rank sum test';
  /** W = R_a − n_a(n_a + 1)/2 (R's W; the Mann–Whitney U of sample a). */
  statistic: number;
  pValue: number;
  /** Normal deviate used by the approximation (NaN for the exact test). */
  z: number;
  /** Common-language effect size W/(n_a·n_b) = P(A > B) + ½P(A = B). */
  probabilityOfSuperiority: number;
  exact: boolean;
  /** Non-missing sizes [n_a, n_b]. */
  n: [number, number];
  nMissing: number;
  mu: number;
  alternative: Alternative;
  /**
   * With `confInt`: the Hodges–Lehmann estimate ("difference in location"): the median of the
   * differences a_i − b_j (exact case), or the root of the normal-approximation score (ties), as R.
   */
  estimate: number | null;
  /** With `confInt`: the confidence interval of the shift (one-sided alternatives: an infinite bound). */
  ci: [number, number] | null;
  /** Confidence level reached (R lowers it when the exact distribution cannot reach the one asked). */
  confLevel: number | null;
  warnings: Message[];
}

/** Null distribution of W for sizes m, n without ties: P(W ≤ w) and P(W ≥ w), w = 0 … mn, each summed from its own tail. */
function wilcoxonTails(m: number, n: number): { le: Float64Array; ge: Float64Array } {
  // count[j][s]: number of j-subsets of {1..t} with rank sum s − j(j+1)/2 (i.e. W = s), built t = 1 … m+n.
  // Uses the recurrence c(w; m, n) = c(w − n; m − 1, n) + c(w; m, n − 1) in subset form — additions only.
  const maxW = m * n;
  const prev: Float64Array[] = [];
  for (let j = 0; j <= m; j++) prev.push(new Float64Array(maxW + 1));
  prev[0][0] = 1;
  // After processing t elements, prev[j][w] = #subsets of size j of {1..t} with W = w, where W counts
  // for each chosen element the number of unchosen elements below it.
  for (let t = 1; t <= m + n; t++) {
    for (let j = Math.min(m, t); j >= 1; j--) {
      // choosing element t as the j-th chosen: it has (t − j) unchosen below it.
      const shift = t - j;
      if (shift > n) continue;
      const dst = prev[j];
      const src = prev[j - 1];
      for (let w = maxW; w >= shift; w--) dst[w] += src[w - shift];
    }
  }
  const counts = prev[m];
  let total = 0;
  for (let w = 0; w <= maxW; w++) total += counts[w];
  const le = new Float64Array(maxW + 1);
  const ge = new Float64Array(maxW + 1);
  let acc = 0;
  for (let w = 0; w <= maxW; w++) {
    acc += counts[w];
    le[w] = acc / total;
  }
  acc = 0;
  for (let w = maxW; w >= 0; w--) {
    acc += counts[w];
    ge[w] = acc / total;
  }
  return { le, ge };
}

/**
 * Wilcoxon–Mann–Whitney rank sum test of a location shift between two independent samples.
 * W = Σ ranks(a − μ) − n_a(n_a+1)/2 over the pooled average ranks. Exact p-value from the
 * permutation distribution of W when both samples are smaller than 50 and there are no ties
 * (as R); otherwise the normal approximation with tie-corrected variance
 * σ² = n_a n_b/12 · [(N + 1) − Σ(t³ − t)/(N(N − 1))] and, by default, a continuity correction of ½.
 *
 * Reference: Mann & Whitney (1947), Ann. Math. Stat. 18:50; R `wilcox.test(a, b, mu = mu,
 * alternative = alternative, correct = correct, exact = exact, conf.int = confInt)`. With
 * `confInt`, the Hodges–Lehmann estimate and interval: exact case, the median of the sorted
 * differences d and [d_(q), d_(mn − q + 1)] with q = qwilcox(α/2, m, n) (R's order statistics);
 * normal case, the shifts δ where the (tie- and continuity-corrected) score of a − δ against b
 * equals 0 and ∓z_{α/2}, found exactly at the jump among the differences (R's uniroot stops at
 * tol = 1e-4, so its printed bounds may differ from ours by up to 1e-4; where the score is exactly
 * 0 on a whole interval, satlab takes its midpoint and R some point inside it).
 *
 * @throws {TypeError} when a or b is not numeric. @throws {RangeError} on ±Infinity or bad options.
 * @example
 * mannWhitneyTest([0.8, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46], [1.15, 0.88, 0.9, 0.74, 1.21]);
 * //=> { method: 'Wilcoxon rank sum exact test', statistic: 35, pValue: 0.254412…, … }
 * // (R's ?wilcox.test data)
 * mannWhitneyTest([0.8, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46], [1.15, 0.88, 0.9, 0.74, 1.21], { confInt: true });
 * //=> { estimate: 0.305, ci: [-0.15, 0.76], confLevel: 0.95, … } (R: difference in location 0.305, −0.15 to 0.76)
 */
export function mannWhitneyTest(a: Values, b: Values, opts: MannWhitneyTestOptions = {}): MannWhitneyTest {
  const fn = 'mannWhitneyTest(a, b, opts)';
  const A = readSample(fn, 'a', a);
  const B = readSample(fn, 'b', b);
  const alternative = checkAlternative(fn, opts.alternative ?? 'two.sided');
  const mu = checkFiniteNumber(fn, 'opts.mu', opts.mu ?? 0);
  const correct = opts.correct ?? true;
  if (typeof correct !== 'boolean') throw new TypeError(`${fn}: opts.correct must be a boolean, got ${String(correct)}`);
  if (opts.exact !== undefined && typeof opts.exact !== 'boolean') throw new TypeError(`${fn}: opts.exact must be a boolean, got ${String(opts.exact)}`);
  const confInt = opts.confInt ?? false;
  const confLevelIn = opts.confLevel ?? 0.95;
  if (typeof confInt !== 'boolean') throw new TypeError(`${fn}: opts.confInt must be a boolean, got ${String(confInt)}`);
  if (!(confLevelIn > 0 && confLevelIn < 1)) throw new RangeError(`${fn}: opts.confLevel must be in (0, 1), got ${confLevelIn}`);
  const na = A.x.length;
  const nb = B.x.length;
  const warnings: Message[] = [];
  const base = { n: [na, nb] as [number, number], nMissing: A.nMissing + B.nMissing, mu, alternative, estimate: null, ci: null, confLevel: null, warnings };
  if (na < 1 || nb < 1) {
    warnings.push(msg.tooFewObservations({ what: 'mannWhitneyTest', n: Math.min(na, nb), min: 1 }));
    return { ...base, method: 'Wilcoxon rank sum test', statistic: NaN, pValue: NaN, z: NaN, probabilityOfSuperiority: NaN, exact: false };
  }
  const pooled = new Float64Array(na + nb);
  for (let i = 0; i < na; i++) pooled[i] = A.x[i] - mu;
  pooled.set(B.x, na);
  const { ranks, tieSum, hasTies } = rankAverage(pooled);
  let ra = 0;
  for (let i = 0; i < na; i++) ra += ranks[i];
  const W = ra - (na * (na + 1)) / 2;
  let exact = opts.exact ?? (na < 50 && nb < 50);
  if (exact && hasTies) {
    exact = false;
    warnings.push(msg.tiesNoExact({ what: 'mannWhitneyTest' }));
  }
  const ps = W / (na * nb);
  if (exact) {
    const { le, ge } = wilcoxonTails(na, nb);
    // W is an integer without ties.
    const pLE = (w: number): number => (w < 0 ? 0 : w >= le.length ? 1 : le[Math.floor(w)]);
    const pGE = (w: number): number => (w <= 0 ? 1 : w >= ge.length ? 0 : ge[Math.ceil(w)]);
    let pValue: number;
    if (alternative === 'two.sided') pValue = Math.min(1, 2 * (W > (na * nb) / 2 ? pGE(W) : pLE(W)));
    else if (alternative === 'greater') pValue = pGE(W);
    else pValue = pLE(W);
    const hl = confInt ? hodgesLehmannExact(A.x, B.x, le, alternative, confLevelIn, warnings) : null;
    return { ...base, ...(hl ?? {}), method: 'Wilcoxon rank sum exact test', statistic: W, pValue, z: NaN, probabilityOfSuperiority: ps, exact: true };
  }
  const N = na + nb;
  const sigma = Math.sqrt(((na * nb) / 12) * (N + 1 - tieSum / (N * (N - 1))));
  let d = W - (na * nb) / 2;
  if (correct) d -= alternative === 'two.sided' ? Math.sign(d) * 0.5 : alternative === 'greater' ? 0.5 : -0.5;
  let z = NaN;
  let pValue = NaN;
  if (sigma > 0) {
    z = d / sigma;
    pValue = zPValue(z, alternative);
  } else warnings.push(msg.zeroVariance({ what: 'mannWhitneyTest' }));
  const method = correct ? 'Wilcoxon rank sum test with continuity correction' : 'Wilcoxon rank sum test';
  let hl: { estimate: number; ci: [number, number]; confLevel: number } | null = null;
  if (confInt && sigma > 0) {
    hl = hodgesLehmannNormal(A.x, B.x, alternative, confLevelIn, correct);
    if (hasTies) warnings.push(msg.hodgesLehmannTies());
  }
  return { ...base, ...(hl ?? {}), method, statistic: W, pValue, z, probabilityOfSuperiority: ps, exact: false };
}

/** Sorted differences a_i − b_j. */
function sortedDifferences(a: ArrayLike<number>, b: ArrayLike<number>): Float64Array {
  const d = new Float64Array(a.length * b.length);
  let k = 0;
  for (let i = 0; i < a.length; i++) for (let j = 0; j < b.length; j++) d[k++] = a[i] - b[j];
  return d.sort();
}

function medianSorted(d: Float64Array): number {
  const m = d.length;
  return m % 2 === 1 ? d[(m - 1) / 2] : (d[m / 2 - 1] + d[m / 2]) / 2;
}

/** R's exact Hodges–Lehmann interval (wilcox.test, exact branch): order statistics of the differences at qwilcox. */
function hodgesLehmannExact(a: ArrayLike<number>, b: ArrayLike<number>, le: Float64Array, alternative: Alternative, confLevel: number, warnings: Message[]): { estimate: number; ci: [number, number]; confLevel: number } {
  const m = a.length;
  const n = b.length;
  const diffs = sortedDifferences(a, b);
  const alpha = 1 - confLevel;
  // qwilcox(p): smallest q with P(W ≤ q) ≥ p (R subtracts 10·DBL_EPSILON from p first).
  const qwilcox = (p: number): number => {
    const target = p - 10 * Number.EPSILON;
    let q = 0;
    while (q < le.length - 1 && le[q] < target) q++;
    return q;
  };
  const pwilcox = (q: number): number => (q < 0 ? 0 : le[Math.min(q, le.length - 1)]);
  let ci: [number, number];
  let achieved: number;
  if (alternative === 'two.sided') {
    let qu = qwilcox(alpha / 2);
    if (qu === 0) qu = 1;
    const ql = m * n - qu;
    achieved = 2 * pwilcox(qu - 1);
    ci = [diffs[qu - 1], diffs[ql]];
  } else {
    let qu = qwilcox(alpha);
    if (qu === 0) qu = 1;
    achieved = pwilcox(qu - 1);
    ci = alternative === 'greater' ? [diffs[qu - 1], Infinity] : [-Infinity, diffs[m * n - qu]];
  }
  let level = confLevel;
  if (achieved - alpha > alpha / 2) {
    // R's two-sample branch: conf.level <- 1 - achieved.alpha (signif(·, 2) is its one-sample rule).
    level = 1 - achieved;
    warnings.push(msg.confLevelNotReached({ requested: confLevel, achieved: level }));
  }
  return { estimate: medianSorted(diffs), ci, confLevel: level };
}

/**
 * R's normal-approximation Hodges–Lehmann estimate and interval (wilcox.test with ties): the shift
 * δ where (W(a − δ) − mn/2 − cc)/σ(a − δ) = zq. The score is a step function of δ that jumps only
 * at the differences a_i − b_j, so the root is found exactly among them by bisection.
 */
function hodgesLehmannNormal(a: ArrayLike<number>, b: ArrayLike<number>, alternative: Alternative, confLevel: number, correct: boolean): { estimate: number; ci: [number, number]; confLevel: number } {
  const m = a.length;
  const n = b.length;
  const N = m + n;
  const diffs = sortedDifferences(a, b);
  const distinct: number[] = [];
  for (let k = 0; k < diffs.length; k++) if (k === 0 || diffs[k] !== diffs[k - 1]) distinct.push(diffs[k]);
  const pooled = new Float64Array(N);
  const score = (delta: number, zq: number, corrected: boolean): number => {
    for (let i = 0; i < m; i++) pooled[i] = a[i] - delta;
    for (let j = 0; j < n; j++) pooled[m + j] = b[j];
    const { ranks, tieSum } = rankAverage(pooled);
    let ra = 0;
    for (let i = 0; i < m; i++) ra += ranks[i];
    const dz = ra - (m * (m + 1)) / 2 - (m * n) / 2;
    const cc = corrected ? (alternative === 'two.sided' ? Math.sign(dz) * 0.5 : alternative === 'greater' ? 0.5 : -0.5) : 0;
    const sigma = Math.sqrt(((m * n) / 12) * (N + 1 - tieSum / (N * (N - 1))));
    return (dz - cc) / sigma - zq;
  };
  const lo = distinct[0];
  const hi = distinct[distinct.length - 1];
  // The bounds use the continuity correction when `correct` is set; the estimate never does (R sets
  // correct <- FALSE before uniroot(W, zq = 0)).
  const root = (zq: number, corrected = correct): number => {
    if (score(lo, zq, corrected) <= 0) return lo;
    if (score(hi, zq, corrected) >= 0) return hi;
    // The score is non-increasing in δ and constant on each open interval between consecutive
    // differences: find the first interval where it is ≤ 0. The root is the difference where it
    // jumps across 0, or, if it is exactly 0 on that interval, the interval's midpoint.
    const K = distinct.length - 1; // intervals 0 … K − 1 between distinct[k] and distinct[k + 1]
    const on = (k: number): number => score((distinct[k] + distinct[k + 1]) / 2, zq, corrected);
    let left = -1; // on(left) > 0 (left = −1: just below lo, where the score is > 0)
    let right = K; // on(right) ≤ 0 (right = K: just above hi, where the score is < 0)
    while (right - left > 1) {
      const mid = (left + right) >>> 1;
      if (on(mid) > 0) left = mid;
      else right = mid;
    }
    if (right < K && on(right) === 0) return (distinct[right] + distinct[right + 1]) / 2;
    return distinct[right];
  };
  const alpha = 1 - confLevel;
  let ci: [number, number];
  if (alternative === 'two.sided') ci = [root(normalQuantile(1 - alpha / 2)), root(normalQuantile(alpha / 2))];
  else if (alternative === 'greater') ci = [root(normalQuantile(1 - alpha)), Infinity];
  else ci = [-Infinity, root(normalQuantile(alpha))];
  return { estimate: root(0, false), ci, confLevel };
}

import type { Message } from '@satlab/messages';
import { checkAlternative, checkFiniteNumber, rankAverage, readSample, zPValue, type Alternative, type Values } from './internal/sample.js';
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
 * alternative = alternative, correct = correct, exact = exact)`. The Hodges–Lehmann estimate and
 * its interval (R `conf.int = TRUE`) are not computed.
 *
 * @throws {TypeError} when a or b is not numeric. @throws {RangeError} on ±Infinity or bad options.
 * @example
 * mannWhitneyTest([0.8, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46], [1.15, 0.88, 0.9, 0.74, 1.21]);
 * //=> { method: 'Wilcoxon rank sum exact test', statistic: 35, pValue: 0.254412…, … }
 * // (R's ?wilcox.test data)
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
  const na = A.x.length;
  const nb = B.x.length;
  const warnings: Message[] = [];
  const base = { n: [na, nb] as [number, number], nMissing: A.nMissing + B.nMissing, mu, alternative, warnings };
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
    return { ...base, method: 'Wilcoxon rank sum exact test', statistic: W, pValue, z: NaN, probabilityOfSuperiority: ps, exact: true };
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
  return { ...base, method, statistic: W, pValue, z, probabilityOfSuperiority: ps, exact: false };
}

/** Result of {@link weightedLogOdds}: one entry per term, in the input order. */
export interface WeightedLogOdds {
  /** δ̂_w: log-odds of the term in group 1 minus in group 2, both smoothed by the prior. */
  logOdds: Float64Array;
  /** σ̂²(δ̂_w) ≈ 1/(y₁w + α_w) + 1/(y₂w + α_w). */
  variance: Float64Array;
  /** z_w = δ̂_w / √σ̂²: the weighted log-odds (positive: over-represented in group 1). */
  z: Float64Array;
  /** α₀ = Σ α_w, the prior's total. */
  alpha0: number;
}

/** Options of {@link weightedLogOdds}. */
export interface WeightedLogOddsOptions {
  /**
   * Counts α_w of the informative Dirichlet prior, one per term (e.g. the counts of each term in
   * every comment, passives included). Default: y₁ + y₂ (the pooled counts, as tidylo).
   */
  prior?: ArrayLike<number>;
  /** Multiplies the prior (Monroe et al.'s α₀ scale). Default 1. */
  priorScale?: number;
}

/**
 * Weighted log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008,
 * "Fightin' Words", eq. 16–22), for two groups of texts:
 *
 *   δ̂_w = log[(y₁w + α_w) / (n₁ + α₀ − y₁w − α_w)] − log[(y₂w + α_w) / (n₂ + α₀ − y₂w − α_w)]
 *   σ̂²(δ̂_w) ≈ 1/(y₁w + α_w) + 1/(y₂w + α_w),   z_w = δ̂_w / √σ̂²(δ̂_w)
 *
 * with nₖ = Σ_w yₖw and α₀ = Σ_w α_w. The same formula as R's tidylo::bind_log_odds (informative
 * prior = the pooled counts) when the prior is left at its default. Terms with α_w = 0 give NaN.
 *
 * @param y1 counts of each term in group 1 (e.g. detractors).
 * @param y2 counts of the same terms in group 2 (e.g. promoters).
 * @throws {RangeError} arrays of different lengths, a negative or non-finite count.
 * @example
 * const r = weightedLogOdds([10, 2, 5], [2, 10, 5]);
 * r.logOdds[0]; //=> 0.6956… (log 22/29 − log 14/37: the first term leans to group 1)
 * r.z[0]; //=> 2.0346…
 */
export function weightedLogOdds(y1: ArrayLike<number>, y2: ArrayLike<number>, options: WeightedLogOddsOptions = {}): WeightedLogOdds {
  const fn = 'weightedLogOdds(y1, y2, options)';
  const m = y1.length;
  if (y2.length !== m) throw new RangeError(`${fn}: y1 and y2 must have the same length, got ${m} and ${y2.length}`);
  const prior = options.prior;
  if (prior !== undefined && prior.length !== m) throw new RangeError(`${fn}: options.prior must have ${m} counts, got ${prior.length}`);
  const scale = options.priorScale ?? 1;
  if (!(scale > 0) || !Number.isFinite(scale)) throw new RangeError(`${fn}: options.priorScale must be a positive number, got ${String(scale)}`);
  let n1 = 0;
  let n2 = 0;
  let alpha0 = 0;
  const alpha = new Float64Array(m);
  for (let w = 0; w < m; w++) {
    const a = y1[w];
    const b = y2[w];
    if (!(a >= 0) || !(b >= 0) || !Number.isFinite(a) || !Number.isFinite(b)) throw new RangeError(`${fn}: counts must be finite and ≥ 0, got ${a} and ${b} at index ${w}`);
    n1 += a;
    n2 += b;
    const p = prior === undefined ? a + b : prior[w];
    if (!(p >= 0) || !Number.isFinite(p)) throw new RangeError(`${fn}: prior counts must be finite and ≥ 0, got ${p} at index ${w}`);
    alpha[w] = p * scale;
    alpha0 += alpha[w];
  }
  const logOdds = new Float64Array(m);
  const variance = new Float64Array(m);
  const z = new Float64Array(m);
  for (let w = 0; w < m; w++) {
    const a = alpha[w];
    if (a === 0) {
      logOdds[w] = variance[w] = z[w] = NaN;
      continue;
    }
    const p1 = y1[w] + a;
    const p2 = y2[w] + a;
    logOdds[w] = Math.log(p1 / (n1 + alpha0 - p1)) - Math.log(p2 / (n2 + alpha0 - p2));
    variance[w] = 1 / p1 + 1 / p2;
    z[w] = logOdds[w] / Math.sqrt(variance[w]);
  }
  return { logOdds, variance, z, alpha0 };
}

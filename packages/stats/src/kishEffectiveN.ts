/** Result of {@link kishEffectiveN}. */
export interface KishEffectiveN {
  /** n_eff = (Σ w)² / Σ w². */
  effectiveN: number;
  /** Kish's design effect due to weighting, n / n_eff = 1 + CV²(w) (population CV). */
  designEffect: number;
  /** Weights used (non-missing). */
  n: number;
  /** Missing (NaN) weights, excluded. */
  nMissing: number;
  sumWeights: number;
}

/**
 * Kish's effective sample size of a weighted sample, n_eff = (Σ w_i)² / Σ w_i², and the design
 * effect of weighting deff = n / n_eff = 1 + CV²(w): how many unweighted respondents the weighted
 * sample is worth for a mean or a proportion. Equal weights give n_eff = n.
 *
 * Reference: Kish (1965) *Survey Sampling*, §11.7; R `(sum(w))^2 / sum(w^2)`.
 *
 * @param weights case weights, finite and ≥ 0 (NaN = missing, counted in `nMissing`).
 * @throws {TypeError} when weights is not numeric; {RangeError} on a negative or infinite weight.
 * @example
 * kishEffectiveN([1, 1, 2, 4]);
 * //=> { effectiveN: 2.90909…, designEffect: 1.375, n: 4, nMissing: 0, sumWeights: 8 }
 */
export function kishEffectiveN(weights: Float64Array | readonly number[]): KishEffectiveN {
  const fn = 'kishEffectiveN(weights)';
  if (!(weights instanceof Float64Array) && !Array.isArray(weights)) throw new TypeError(`${fn}: expected a Float64Array or an array of numbers, got ${typeof weights}`);
  let s = 0;
  let s2 = 0;
  let n = 0;
  let nMissing = 0;
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i];
    if (typeof w !== 'number') throw new TypeError(`${fn}: element ${i} is not a number (${String(w)}); use NaN for missing`);
    if (Number.isNaN(w)) {
      nMissing++;
      continue;
    }
    if (!Number.isFinite(w) || w < 0) throw new RangeError(`${fn}: weight ${w} at index ${i}; weights must be finite and ≥ 0`);
    s += w;
    s2 += w * w;
    n++;
  }
  const effectiveN = s2 > 0 ? (s * s) / s2 : NaN;
  return { effectiveN, designEffect: n / effectiveN, n, nMissing, sumWeights: s };
}

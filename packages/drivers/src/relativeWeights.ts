import type { Matrix } from '@satlab/stats';
import { symmetricEigen } from '@satlab/stats';

/** Result of {@link relativeWeights}. */
export interface RelativeWeightsResult {
  /** R² of the full model. */
  r2: number;
  /** Raw relative weights ε_j (they sum to R²). */
  weights: Float64Array;
  /** Smallest eigenvalue of R_xx (≈ 0 means collinear drivers). */
  minEigenvalue: number;
}

/**
 * Johnson's (2000) relative weights from a correlation matrix. With R_xx = V Λ Vᵀ, the drivers are
 * replaced by their closest orthonormal counterparts Z, whose correlations with X are
 * Λ* = R_xx^{1/2} = V Λ^{1/2} Vᵀ; the outcome is regressed on Z (β = R_xx^{-1/2} r_xy) and
 *   ε_j = Σ_k (Λ*_jk)² β_k²,   Σ_j ε_j = R².
 * Cost O(p³): the method of choice beyond ~20 drivers where exact Shapley (2^p subsets) is too costly;
 * it approximates the Shapley/LMG values closely in practice.
 *
 * @param rxx p × p correlation matrix of the drivers (positive definite).
 * @param rxy correlations of the drivers with the outcome.
 * @throws {TypeError} on malformed input. @throws {RangeError} when R_xx is not positive definite
 *   (collinear drivers).
 * @see Johnson, J. W. (2000). A heuristic method for estimating the relative weight of predictor
 *   variables in multiple regression. Multivariate Behavioral Research 35(1), 1–19.
 * @example
 * import { matrixFromRows } from '@satlab/stats';
 * relativeWeights(matrixFromRows([[1, 0.5], [0.5, 1]]), [0.6, 0.4]).weights;
 * //=> Float64Array [0.286666…, 0.0866666…] (equal to Shapley when p = 2)
 */
export function relativeWeights(rxx: Matrix, rxy: Float64Array | readonly number[]): RelativeWeightsResult {
  if (!rxx || !(rxx.data instanceof Float64Array) || rxx.rows !== rxx.cols) throw new TypeError('relativeWeights(rxx): expected a square Matrix');
  const p = rxx.rows;
  if (!rxy || rxy.length !== p) throw new RangeError(`relativeWeights(rxy): expected length ${p}, got ${rxy?.length}`);
  const e = symmetricEigen(rxx);
  const lam = e.values;
  const V = e.vectors.data;
  const minEigenvalue = p ? lam[p - 1] : NaN;
  if (p && !(minEigenvalue > 1e-12 * Math.max(1, lam[0]))) {
    throw new RangeError(`relativeWeights(rxx): correlation matrix is singular (smallest eigenvalue ${minEigenvalue}): collinear drivers`);
  }
  // Λ* = V diag(√λ) Vᵀ ; β = V diag(1/√λ) Vᵀ r
  const sq = lam.map(Math.sqrt);
  const lstar = new Float64Array(p * p);
  for (let i = 0; i < p; i++) {
    for (let j = i; j < p; j++) {
      let s = 0;
      for (let k = 0; k < p; k++) s += V[i + k * p] * sq[k] * V[j + k * p];
      lstar[i + j * p] = s;
      lstar[j + i * p] = s;
    }
  }
  const vtr = new Float64Array(p);
  for (let k = 0; k < p; k++) {
    let s = 0;
    for (let i = 0; i < p; i++) s += V[i + k * p] * rxy[i];
    vtr[k] = s / sq[k];
  }
  const beta = new Float64Array(p);
  for (let i = 0; i < p; i++) {
    let s = 0;
    for (let k = 0; k < p; k++) s += V[i + k * p] * vtr[k];
    beta[i] = s;
  }
  const weights = new Float64Array(p);
  let r2 = 0;
  for (let j = 0; j < p; j++) {
    let s = 0;
    for (let k = 0; k < p; k++) s += lstar[j + k * p] * lstar[j + k * p] * beta[k] * beta[k];
    weights[j] = s;
    r2 += s;
  }
  return { r2, weights, minEigenvalue };
}

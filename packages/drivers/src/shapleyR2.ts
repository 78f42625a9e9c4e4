import type { Matrix } from '@satlab/stats';

/** Result of {@link shapleyR2}. */
export interface ShapleyR2Result {
  /** R² of the full model (all drivers). */
  r2: number;
  /** Shapley value (LMG share of R², not normalised) of each driver; they sum to `r2`. */
  values: Float64Array;
  /** R² of every subset, indexed by bit mask (bit j = driver j); length 2^p. */
  subsetR2: Float64Array;
  /** Number of subsets evaluated (2^p). */
  subsets: number;
}

/**
 * Exact Shapley decomposition of R² (the LMG metric of Lindeman, Merenda & Gold 1980, relaimpo's
 * `"lmg"`, Grömping 2006) computed from a correlation matrix.
 *
 * For every subset S of the p drivers, R²(S) = r_Sy' R_SS⁻¹ r_Sy. The 2^p subsets are visited
 * depth-first (S, then S ∪ {j} for j > max S); each node carries the Schur complement of the
 * variables not yet entered given S (one Gaussian-elimination step, i.e. a sweep, per child), so
 * R²(S ∪ {j}) = R²(S) + c_jy|S² / c_jj|S costs O(1) and the whole enumeration O(2^p) on average,
 * with no error accumulation (each subset is at most p eliminations from the root).
 * The Shapley value of driver j is
 *   φ_j = Σ_{S ∌ j} |S|!(p − |S| − 1)!/p! · (R²(S ∪ {j}) − R²(S)),
 * the average increase in R² when j enters, over all p! orders; Σ φ_j = R²(all).
 *
 * @param rxx p × p correlation (or covariance) matrix of the drivers, positive definite.
 * @param rxy length-p correlations of the drivers with the outcome (outcome variance 1).
 * @returns `{ r2, values, subsetR2, subsets }`.
 * @throws {TypeError} on malformed input. @throws {RangeError} when p > 24 (2^p subsets would not
 *   fit in memory; use relative weights) or when a subset matrix is singular (collinear drivers).
 * @see R: relaimpo::calc.relimp(..., type = "lmg"); Grömping (2006) J. Stat. Software 17(1).
 * @example
 * import { matrixFromRows } from '@satlab/stats';
 * const rxx = matrixFromRows([[1, 0.5], [0.5, 1]]);
 * const s = shapleyR2(rxx, [0.6, 0.4]);
 * s.values; //=> Float64Array [0.286666…, 0.0866666…] (their sum is R²)
 * s.r2; //=> 0.373333…
 */
export function shapleyR2(rxx: Matrix, rxy: Float64Array | readonly number[]): ShapleyR2Result {
  if (!rxx || !(rxx.data instanceof Float64Array) || rxx.rows !== rxx.cols) throw new TypeError('shapleyR2(rxx): expected a square Matrix');
  const p = rxx.rows;
  if (!rxy || rxy.length !== p) throw new RangeError(`shapleyR2(rxy): expected length ${p}, got ${rxy?.length}`);
  if (p > 24) throw new RangeError(`shapleyR2(rxx): ${p} drivers means 2^${p} subsets; at most 24 are supported (use relativeWeights)`);
  const P = p + 1;
  const nSub = 2 ** p;
  const subsetR2 = new Float64Array(nSub);
  // Upper triangle of the (p+1)×(p+1) matrix [Rxx rxy; rxy' 1], row-major a*P+b with a ≤ b.
  const levels: Float64Array[] = [];
  for (let d = 0; d <= p; d++) levels.push(new Float64Array(P * P));
  const root = levels[0];
  for (let a = 0; a < p; a++) {
    for (let b = a; b < p; b++) root[a * P + b] = rxx.data[a + b * p];
    root[a * P + p] = rxy[a];
    if (!Number.isFinite(rxy[a])) throw new RangeError(`shapleyR2(rxy): non-finite value at ${a}`);
  }
  root[p * P + p] = 1;
  const visit = (depth: number, mask: number, last: number, r2: number): void => {
    const s = levels[depth];
    for (let j = last + 1; j < p; j++) {
      const jr = j * P;
      const cjj = s[jr + j];
      if (!(cjj > 1e-14)) throw new RangeError(`shapleyR2(rxx): driver ${j} is (nearly) a linear combination of drivers ${maskNames(mask)} (pivot ${cjj})`);
      const cjy = s[jr + p];
      const r2c = r2 + (cjy * cjy) / cjj;
      const m = mask | (1 << j);
      subsetR2[m] = r2c;
      if (j < p - 1) {
        const c = levels[depth + 1];
        const inv = 1 / cjj;
        for (let a = j + 1; a <= p; a++) {
          const f = s[jr + a] * inv;
          const ar = a * P;
          for (let b = a; b <= p; b++) c[ar + b] = s[ar + b] - f * s[jr + b];
        }
        visit(depth + 1, m, j, r2c);
      }
    }
  };
  if (p > 0) visit(0, 0, -1, 0);
  // Aggregate directly over the increments (all ≥ 0 up to rounding, so no cancellation):
  // φ_j = Σ_{S ∌ j} w_|S| (R²(S ∪ j) − R²(S)), w_k = k!(p − k − 1)!/p! = 1/(p·C(p−1, k)).
  const w = new Float64Array(p);
  {
    let binom = 1; // C(p−1, k)
    for (let k = 0; k < p; k++) {
      w[k] = 1 / (p * binom);
      binom = (binom * (p - 1 - k)) / (k + 1);
    }
  }
  const pc = new Uint8Array(nSub);
  for (let t = 1; t < nSub; t++) pc[t] = pc[t >> 1] + (t & 1);
  const values = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    const bit = 1 << j;
    let acc = 0;
    for (let hi = 0; hi < nSub; hi += 2 * bit) {
      let s = 0;
      const end = hi + bit;
      for (let t = hi; t < end; t++) s += w[pc[t]] * (subsetR2[t + bit] - subsetR2[t]);
      acc += s;
    }
    values[j] = acc;
  }
  return { r2: p > 0 ? subsetR2[nSub - 1] : 0, values, subsetR2, subsets: nSub };
}

function maskNames(mask: number): string {
  const out: number[] = [];
  for (let j = 0; j < 31; j++) if (mask & (1 << j)) out.push(j);
  return out.length ? `{${out.join(', ')}}` : '{} (it is constant)';
}

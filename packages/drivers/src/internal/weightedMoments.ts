import type { Matrix } from '@satlab/stats';

/** Weighted means, standard deviations and correlation matrix of complete data. */
export interface Moments {
  means: Float64Array;
  /** Weighted SD with divisor Σw − 1 (frequency weights; the plain sample SD when unweighted). */
  sds: Float64Array;
  /** Centered weighted cross-products Σ wᵢ (xᵢ − x̄)(yᵢ − ȳ). */
  crossProducts: Matrix;
  correlation: Matrix;
  sumW: number;
}

/**
 * Two-pass weighted moments (means first, then centered cross-products), the numerically
 * careful way; `rows` optionally picks (and repeats, for the bootstrap) the rows used.
 */
export function weightedMoments(data: readonly Float64Array[], w: Float64Array, rows?: Int32Array): Moments {
  const p = data.length;
  const n = rows ? rows.length : w.length;
  const means = new Float64Array(p);
  let sumW = 0;
  for (let r = 0; r < n; r++) sumW += w[rows ? rows[r] : r];
  for (let j = 0; j < p; j++) {
    const x = data[j];
    let s = 0;
    for (let r = 0; r < n; r++) {
      const i = rows ? rows[r] : r;
      s += w[i] * x[i];
    }
    means[j] = s / sumW;
  }
  // centered, weight-scaled copies: z_i = sqrt(w_i)(x_i − mean)
  const z: Float64Array[] = [];
  for (let j = 0; j < p; j++) {
    const x = data[j];
    const m = means[j];
    const out = new Float64Array(n);
    for (let r = 0; r < n; r++) {
      const i = rows ? rows[r] : r;
      out[r] = Math.sqrt(w[i]) * (x[i] - m);
    }
    z.push(out);
  }
  const cp = new Float64Array(p * p);
  for (let a = 0; a < p; a++) {
    const za = z[a];
    for (let b = a; b < p; b++) {
      const zb = z[b];
      let s = 0;
      for (let r = 0; r < n; r++) s += za[r] * zb[r];
      cp[a + b * p] = s;
      cp[b + a * p] = s;
    }
  }
  const sds = new Float64Array(p);
  for (let j = 0; j < p; j++) sds[j] = Math.sqrt(cp[j + j * p] / (sumW - 1));
  const cor = new Float64Array(p * p);
  for (let a = 0; a < p; a++) {
    for (let b = 0; b < p; b++) {
      cor[a + b * p] = a === b ? 1 : cp[a + b * p] / Math.sqrt(cp[a + a * p] * cp[b + b * p]);
    }
  }
  return { means, sds, crossProducts: { rows: p, cols: p, data: cp }, correlation: { rows: p, cols: p, data: cor }, sumW };
}

import type { Matrix } from '@satlab/stats';
import { svdSmall } from './internal/svdSmall.js';
import { crossprod, mul, zeros } from './internal/matrixOps.js';

/** Options of {@link varimax}. */
export interface VarimaxOptions {
  /** Kaiser normalization: rows scaled to unit length before rotating, scaled back after (default true, as stats::varimax). */
  normalize?: boolean;
  /** Relative convergence tolerance on the criterion (default 1e-5, as stats::varimax). */
  eps?: number;
  /** Maximum iterations (default 1000, as stats::varimax). */
  maxIterations?: number;
}

/** Result of an orthogonal or oblique rotation. */
export interface RotationResult {
  /** Rotated pattern loadings (items × factors). */
  loadings: Matrix;
  /** Rotation matrix: loadings = unrotated · rotmat (R's `rotmat`). */
  rotmat: Matrix;
  /** Factor correlations (identity for orthogonal rotations). */
  phi: Matrix;
  iterations: number;
  converged: boolean;
}

/**
 * Varimax rotation (Kaiser 1958), a line-by-line port of R's `stats::varimax`: with x the
 * (Kaiser-normalized) loadings and T the current rotation, z = xT,
 * B = xᵀ(z³ − z·diag(Σᵢ z²)/p), T ← UVᵀ from the SVD B = UDVᵀ, until Σ D increases by less than
 * a relative `eps`. psych::principal(rotate = "varimax") and psych::fa(rotate = "varimax") call it.
 *
 * @param loadings items × factors loadings (k ≥ 2; with one factor the input is returned).
 * @param options see {@link VarimaxOptions}.
 * @throws {TypeError} when `loadings` is not a Matrix.
 * @see R: `stats::varimax(x, normalize = TRUE, eps = 1e-5)`.
 * @example
 * import { matrixFromRows, matrixToRows } from '@satlab/stats';
 * matrixToRows(varimax(matrixFromRows([[0.8, 0.3], [0.7, 0.4], [0.3, 0.8], [0.2, 0.7]])).loadings);
 * //=> [[0.812715…, 0.263617…], [0.717326…, 0.368025…], [0.335771…, 0.785657…], [0.231364…,
 * //   0.690268…]] (R: varimax(L)$loadings)
 */
export function varimax(loadings: Matrix, options: VarimaxOptions = {}): RotationResult {
  if (!loadings || !(loadings.data instanceof Float64Array)) throw new TypeError('varimax(loadings): expected a Matrix');
  const normalize = options.normalize ?? true;
  const eps = options.eps ?? 1e-5;
  const maxIt = options.maxIterations ?? 1000;
  const p = loadings.rows;
  const k = loadings.cols;
  const eye = zeros(k, k);
  for (let i = 0; i < k; i++) eye.data[i + i * k] = 1;
  if (k < 2) return { loadings: { rows: p, cols: k, data: Float64Array.from(loadings.data) }, rotmat: eye, phi: eye, iterations: 0, converged: true };
  const x: Matrix = { rows: p, cols: k, data: Float64Array.from(loadings.data) };
  const sc = new Float64Array(p);
  if (normalize) {
    for (let i = 0; i < p; i++) {
      let s = 0;
      for (let j = 0; j < k; j++) s += x.data[i + j * p] ** 2;
      sc[i] = Math.sqrt(s);
      for (let j = 0; j < k; j++) x.data[i + j * p] /= sc[i];
    }
  }
  let T: Matrix = { rows: k, cols: k, data: Float64Array.from(eye.data) };
  let d = 0;
  let it: number;
  let converged = false;
  for (it = 1; it <= maxIt; it++) {
    const z = mul(x, T);
    const colSq = new Float64Array(k);
    for (let j = 0; j < k; j++) for (let i = 0; i < p; i++) colSq[j] += z.data[i + j * p] ** 2;
    const inner = zeros(p, k);
    for (let j = 0; j < k; j++) {
      for (let i = 0; i < p; i++) {
        const v = z.data[i + j * p];
        inner.data[i + j * p] = v * v * v - (v * colSq[j]) / p;
      }
    }
    const B = crossprod(x, inner);
    const s = svdSmall(B);
    // T = U Vᵀ
    const Tn = zeros(k, k);
    for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) {
      let acc = 0;
      for (let m = 0; m < k; m++) acc += s.u.data[a + m * k] * s.v.data[b + m * k];
      Tn.data[a + b * k] = acc;
    }
    T = Tn;
    const dpast = d;
    d = s.d.reduce((acc, v) => acc + v, 0);
    if (d < dpast * (1 + eps)) {
      converged = true;
      break;
    }
  }
  const z = mul(x, T);
  if (normalize) for (let j = 0; j < k; j++) for (let i = 0; i < p; i++) z.data[i + j * p] *= sc[i];
  return { loadings: z, rotmat: T, phi: eye, iterations: Math.min(it, maxIt), converged };
}

import type { Matrix } from '@satlab/stats';
import { inverse, mul, transpose, zeros } from './internal/matrixOps.js';
import type { RotationResult } from './varimax.js';

/** Options of {@link oblimin}. */
export interface ObliminOptions {
  /** γ of the oblimin family (default 0 = quartimin, GPArotation's default). */
  gamma?: number;
  /** Kaiser normalization of the rows before rotating (default false, GPArotation's and psych's default). */
  normalize?: boolean;
  /** Convergence tolerance on the norm of the projected gradient (default 1e-5, as GPArotation). */
  eps?: number;
  /** Maximum iterations (default 1000). */
  maxIterations?: number;
}

/**
 * Direct oblimin rotation by the gradient projection algorithm of Bernaards & Jennrich (2005),
 * a port of `GPArotation::GPFoblq` with the `vgQ.oblimin` criterion
 * f(Λ) = ¼ Σ (Λ² ∘ (I − γ/p·11ᵀ)Λ²N), N = 11ᵀ − I: starting from T = I, Λ = A·(T⁻¹)ᵀ; the gradient
 * is projected on the oblique manifold, steps are doubled then halved until the criterion
 * decreases by at least ½·s²·α; stops when the projected gradient norm s < eps. Φ = TᵀT.
 * psych::fa(rotate = "oblimin") and psych::principal(rotate = "oblimin") call it without normalization.
 *
 * @param loadings items × factors unrotated loadings (k ≥ 2).
 * @param options see {@link ObliminOptions}.
 * @throws {TypeError} when `loadings` is not a Matrix. @throws {RangeError} when k < 2.
 * @see R: `GPArotation::oblimin(L, gam = 0, normalize = FALSE, eps = 1e-5, maxit = 1000)`.
 * @example
 * import { matrixFromRows, matrixToRows } from '@satlab/stats';
 * matrixToRows(oblimin(matrixFromRows([[0.8, 0.3], [0.7, 0.4], [0.3, 0.8], [0.2, 0.7]])).phi);
 * //=> [[1, 0.663829…], [0.663829…, 1]] (factor correlations)
 */
export function oblimin(loadings: Matrix, options: ObliminOptions = {}): RotationResult {
  if (!loadings || !(loadings.data instanceof Float64Array)) throw new TypeError('oblimin(loadings): expected a Matrix');
  const p = loadings.rows;
  const k = loadings.cols;
  if (k < 2) throw new RangeError(`oblimin(loadings): rotation needs at least 2 factors, got ${k}`);
  const gam = options.gamma ?? 0;
  const eps = options.eps ?? 1e-5;
  const maxit = options.maxIterations ?? 1000;
  const A: Matrix = { rows: p, cols: k, data: Float64Array.from(loadings.data) };
  const W = new Float64Array(p).fill(1);
  if (options.normalize) {
    for (let i = 0; i < p; i++) {
      let s = 0;
      for (let j = 0; j < k; j++) s += A.data[i + j * p] ** 2;
      W[i] = Math.sqrt(s);
      for (let j = 0; j < k; j++) A.data[i + j * p] /= W[i];
    }
  }
  const vgQ = (L: Matrix): { Gq: Matrix; f: number } => {
    // X = L² (11ᵀ − I); with γ ≠ 0, X ← (I − γ/p 11ᵀ) X
    const X = zeros(p, k);
    for (let i = 0; i < p; i++) {
      let tot = 0;
      for (let j = 0; j < k; j++) tot += L.data[i + j * p] ** 2;
      for (let j = 0; j < k; j++) X.data[i + j * p] = tot - L.data[i + j * p] ** 2;
    }
    if (gam !== 0) {
      for (let j = 0; j < k; j++) {
        let cs = 0;
        for (let i = 0; i < p; i++) cs += X.data[i + j * p];
        for (let i = 0; i < p; i++) X.data[i + j * p] -= (gam / p) * cs;
      }
    }
    const Gq = zeros(p, k);
    let f = 0;
    for (let t = 0; t < p * k; t++) {
      Gq.data[t] = L.data[t] * X.data[t];
      f += L.data[t] * L.data[t] * X.data[t];
    }
    return { Gq, f: f / 4 };
  };
  // G = −t(t(L) Gq T⁻¹) = −(T⁻¹)ᵀ Gqᵀ L
  const gradient = (L: Matrix, Gq: Matrix, Tinv: Matrix): Matrix => {
    const M = mul(mul(transpose(L), Gq), Tinv);
    const G = transpose(M);
    for (let t = 0; t < G.data.length; t++) G.data[t] = -G.data[t];
    return G;
  };
  let T: Matrix = zeros(k, k);
  for (let i = 0; i < k; i++) T.data[i + i * k] = 1;
  let al = 1;
  let L = mul(A, transpose(inverse(T)));
  let vq = vgQ(L);
  let G = gradient(L, vq.Gq, inverse(T));
  let f = vq.f;
  let s = Infinity;
  let iter: number;
  for (iter = 0; iter <= maxit; iter++) {
    // Gp = G − T diag(colSums(T ∘ G))
    const Gp = zeros(k, k);
    for (let j = 0; j < k; j++) {
      let cs = 0;
      for (let i = 0; i < k; i++) cs += T.data[i + j * k] * G.data[i + j * k];
      for (let i = 0; i < k; i++) Gp.data[i + j * k] = G.data[i + j * k] - T.data[i + j * k] * cs;
    }
    let ss = 0;
    for (let t = 0; t < k * k; t++) ss += Gp.data[t] * Gp.data[t];
    s = Math.sqrt(ss);
    if (s < eps) break;
    al *= 2;
    let Tt: Matrix = T;
    let vqt = vq;
    let Lt = L;
    for (let i = 0; i <= 10; i++) {
      const X = zeros(k, k);
      for (let t = 0; t < k * k; t++) X.data[t] = T.data[t] - al * Gp.data[t];
      for (let j = 0; j < k; j++) {
        let cs = 0;
        for (let r = 0; r < k; r++) cs += X.data[r + j * k] ** 2;
        const v = 1 / Math.sqrt(cs);
        for (let r = 0; r < k; r++) X.data[r + j * k] *= v;
      }
      Tt = X;
      Lt = mul(A, transpose(inverse(Tt)));
      vqt = vgQ(Lt);
      const improvement = f - vqt.f;
      if (improvement > 0.5 * s * s * al) break;
      al /= 2;
    }
    T = Tt;
    L = Lt;
    vq = vqt;
    f = vqt.f;
    G = gradient(L, vqt.Gq, inverse(Tt));
  }
  const converged = s < eps;
  if (options.normalize) for (let j = 0; j < k; j++) for (let i = 0; i < p; i++) L.data[i + j * p] *= W[i];
  const phi = mul(transpose(T), T);
  // R's rot.mat in psych: t(solve(Th)), so that loadings = unrotated · rotmat
  const rotmat = transpose(inverse(T));
  return { loadings: L, rotmat, phi, iterations: Math.min(iter, maxit), converged };
}

/**
 * Factor extraction from a correlation matrix, as psych does it (internal; see factorAnalysis):
 * principal components (psych::principal), minimum residual (psych::fa fm = "minres") and
 * iterated principal axis (psych::fa fm = "pa").
 */
import type { Matrix } from '@satlab/stats';
import { symmetricEigen } from '@satlab/stats';
import { invSpd, zeros } from './matrixOps.js';

/** Squared multiple correlations 1 − 1/diag(R⁻¹), clamped to [0, 1] (psych::smc). */
export function smc(R: Matrix): Float64Array {
  const p = R.rows;
  const inv = invSpd(R);
  return Float64Array.from({ length: p }, (_, i) => Math.min(1, Math.max(0, 1 - 1 / inv.data[i + i * p])));
}

/** First k eigenvectors scaled by √max(λ, 0): the loadings of a reduced matrix. */
function topLoadings(S: Matrix, k: number, floor = 0): { loadings: Matrix; values: Float64Array } {
  const p = S.rows;
  const e = symmetricEigen(S);
  const L = zeros(p, k);
  for (let j = 0; j < k; j++) {
    const s = Math.sqrt(Math.max(e.values[j], floor));
    for (let i = 0; i < p; i++) L.data[i + j * p] = e.vectors.data[i + j * p] * s;
  }
  return { loadings: L, values: e.values };
}

/** psych's sign rule after extraction: each column's sum made non-negative. */
export function signByColumnSums(L: Matrix): void {
  const p = L.rows;
  for (let j = 0; j < L.cols; j++) {
    let s = 0;
    for (let i = 0; i < p; i++) s += L.data[i + j * p];
    if (s < 0) for (let i = 0; i < p; i++) L.data[i + j * p] = -L.data[i + j * p];
  }
}

export interface Extraction {
  loadings: Matrix;
  /** Eigenvalues of the reduced correlation matrix (diag = communalities of the model): psych's `values`. */
  values: Float64Array;
  iterations: number;
  converged: boolean;
  /** Uniquenesses at their lower bound 0.005 (Heywood), minres only. */
  atBound: number[];
  /** Final ‖pseudo-gradient‖∞ (minres) or last communality change (pa). */
  criterion: number;
}

/** Principal components: V_k·√λ_k (psych::principal, eigenvalues below machine epsilon set to it). */
export function extractPrincipal(R: Matrix, k: number): Extraction {
  const { loadings } = topLoadings(R, k, 2.220446049250313e-16);
  signByColumnSums(loadings);
  return { loadings, values: symmetricEigen(R).values, iterations: 0, converged: true, atBound: [], criterion: 0 };
}

function withDiag(R: Matrix, d: ArrayLike<number>): Matrix {
  const S: Matrix = { rows: R.rows, cols: R.cols, data: Float64Array.from(R.data) };
  for (let i = 0; i < R.rows; i++) S.data[i + i * R.rows] = d[i];
  return S;
}

function modelEigenvalues(R: Matrix, L: Matrix): Float64Array {
  const p = R.rows;
  const h2 = new Float64Array(p);
  for (let i = 0; i < p; i++) for (let j = 0; j < L.cols; j++) h2[i] += L.data[i + j * p] ** 2;
  return symmetricEigen(withDiag(R, h2)).values;
}

/**
 * Iterated principal axis, exactly as psych::fa(fm = "pa"): diagonal ← SMCs, then repeat
 * {eigen-decompose, loadings = V_k√λ_k, diagonal ← rowSums(L²)} while the change in the sum of
 * communalities exceeds `minErr` (0.001), at most `maxIter` (50) times.
 */
export function extractPrincipalAxis(R: Matrix, k: number, minErr = 0.001, maxIter = 50): Extraction {
  const p = R.rows;
  let diag = smc(R);
  let comm = diag.reduce((a, b) => a + b, 0);
  let err = comm;
  let i = 1;
  let L = zeros(p, k);
  let values: Float64Array | null = null;
  let converged = true;
  while (err > minErr) {
    const S = withDiag(R, diag);
    const top = topLoadings(S, k);
    L = top.loadings;
    values = top.values;
    const nw = new Float64Array(p);
    for (let a = 0; a < p; a++) for (let j = 0; j < k; j++) nw[a] += L.data[a + j * p] ** 2;
    const comm1 = nw.reduce((a, b) => a + b, 0);
    diag = nw;
    err = Math.abs(comm - comm1);
    comm = comm1;
    i++;
    if (i > maxIter) {
      converged = err <= minErr;
      break;
    }
  }
  signByColumnSums(L);
  // psych's `values` for fm = "pa": the eigenvalues of the last matrix decomposed, whose diagonal
  // holds the communalities of the iteration before the last update.
  return { loadings: L, values: values ?? modelEigenvalues(R, L), iterations: i - 1, converged, atBound: [], criterion: err };
}

/**
 * Minimum residual (unweighted least squares) factors, the solution psych::fa(fm = "minres")
 * seeks: uniquenesses ψ ∈ [0.005, 1] minimising the off-diagonal residuals of R − ΛΛᵀ, with
 * Λ = V_k√λ_k of R − diag(ψ). At the optimum the pseudo-gradient psych gives to `optim`,
 * g(ψ) = diag(ΛΛᵀ) + ψ − 1 (half the gradient of the concentrated ULS criterion Σ_{m>k} λ_m²),
 * vanishes on the free components. psych stops L-BFGS-B at its default tolerance; here the
 * stationarity conditions are solved to ~1e-12 by projected Newton steps (finite-difference
 * Jacobian of g) with fixed-point (principal-axis) steps as fallback.
 */
export function extractMinres(R: Matrix, k: number, tol = 1e-12, maxIter = 500): Extraction {
  const p = R.rows;
  const lo = 0.005;
  const s0 = smc(R);
  const hi = Math.max(1, ...s0);
  const clamp = (v: number): number => Math.min(hi, Math.max(lo, v));
  let psi = Float64Array.from(s0, (v) => clamp(1 - v));
  const evalAt = (ps: Float64Array): { g: Float64Array; f: number; L: Matrix } => {
    const S = withDiag(R, Float64Array.from(ps, (v) => 1 - v));
    const e = symmetricEigen(S);
    const L = zeros(p, k);
    for (let j = 0; j < k; j++) {
      const s = Math.sqrt(Math.max(e.values[j], 0));
      for (let i = 0; i < p; i++) L.data[i + j * p] = e.vectors.data[i + j * p] * s;
    }
    const g = new Float64Array(p);
    for (let i = 0; i < p; i++) {
      let h = 0;
      for (let j = 0; j < k; j++) h += L.data[i + j * p] ** 2;
      g[i] = h + ps[i] - 1;
    }
    let f = 0;
    for (let j = k; j < p; j++) f += e.values[j] ** 2;
    for (let j = 0; j < k; j++) if (e.values[j] < 0) f += e.values[j] ** 2;
    return { g, f, L };
  };
  const freeSet = (ps: Float64Array, g: Float64Array): number[] => {
    const out: number[] = [];
    for (let i = 0; i < p; i++) {
      if (ps[i] <= lo && g[i] > 0) continue;
      if (ps[i] >= hi && g[i] < 0) continue;
      out.push(i);
    }
    return out;
  };
  const normFree = (g: Float64Array, F: number[]): number => F.reduce((m, i) => Math.max(m, Math.abs(g[i])), 0);
  let cur = evalAt(psi);
  let iter: number;
  let converged = false;
  let crit = Infinity;
  for (iter = 1; iter <= maxIter; iter++) {
    const F = freeSet(psi, cur.g);
    crit = normFree(cur.g, F);
    if (crit < tol) {
      converged = true;
      break;
    }
    // Newton step on the free components: J Δ = −g_F, J by forward differences.
    const m = F.length;
    const J = new Float64Array(m * m);
    const h = 1e-7;
    for (let c = 0; c < m; c++) {
      const ps = Float64Array.from(psi);
      const step = psi[F[c]] + h <= hi ? h : -h;
      ps[F[c]] += step;
      const gh = evalAt(ps).g;
      for (let r = 0; r < m; r++) J[r + c * m] = (gh[F[r]] - cur.g[F[r]]) / step;
    }
    const delta = solveDense(J, Float64Array.from(F, (i) => -cur.g[i]), m);
    let accepted = false;
    if (delta) {
      let t = 1;
      for (let ls = 0; ls < 30 && !accepted; ls++, t /= 2) {
        const ps = Float64Array.from(psi);
        for (let r = 0; r < m; r++) ps[F[r]] = clamp(psi[F[r]] + t * delta[r]);
        const nx = evalAt(ps);
        if (nx.f <= cur.f + 1e-15 * Math.max(1, cur.f) && normFree(nx.g, freeSet(ps, nx.g)) < crit) {
          psi = ps;
          cur = nx;
          accepted = true;
        }
      }
    }
    if (!accepted) {
      // fixed-point (principal-axis) step ψ ← 1 − h²(ψ) = ψ − g
      const ps = Float64Array.from(psi, (v, i) => clamp(v - cur.g[i]));
      const nx = evalAt(ps);
      psi = ps;
      cur = nx;
    }
  }
  const L = cur.L;
  signByColumnSums(L);
  const atBound: number[] = [];
  for (let i = 0; i < p; i++) if (psi[i] <= lo) atBound.push(i);
  return { loadings: L, values: modelEigenvalues(R, L), iterations: Math.min(iter, maxIter), converged, atBound, criterion: crit };
}

/** Gaussian elimination with partial pivoting on an m × m column-major system; null when singular. */
function solveDense(A: Float64Array, b: Float64Array, m: number): Float64Array | null {
  const a = Float64Array.from(A);
  const x = Float64Array.from(b);
  for (let c = 0; c < m; c++) {
    let piv = c;
    for (let r = c + 1; r < m; r++) if (Math.abs(a[r + c * m]) > Math.abs(a[piv + c * m])) piv = r;
    if (!(Math.abs(a[piv + c * m]) > 1e-300)) return null;
    if (piv !== c) {
      for (let k = 0; k < m; k++) {
        const t = a[c + k * m];
        a[c + k * m] = a[piv + k * m];
        a[piv + k * m] = t;
      }
      const t = x[c];
      x[c] = x[piv];
      x[piv] = t;
    }
    for (let r = c + 1; r < m; r++) {
      const f = a[r + c * m] / a[c + c * m];
      if (f === 0) continue;
      for (let k = c; k < m; k++) a[r + k * m] -= f * a[c + k * m];
      x[r] -= f * x[c];
    }
  }
  for (let c = m - 1; c >= 0; c--) {
    let s = x[c];
    for (let k = c + 1; k < m; k++) s -= a[c + k * m] * x[k];
    x[c] = s / a[c + c * m];
  }
  return x;
}

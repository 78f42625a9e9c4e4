import type { Message } from '@satlab/messages';
import { chiSquareSf } from './distributions/chiSquare.js';
import { fisherFSf } from './distributions/fisherF.js';
import { ctMsg } from './messages.js';
import { crossTab } from './crossTab.js';
import type { Categorical } from './crossTab.js';
import { dropEmptyForTest, expectedCounts, gStatistic, margins, pearsonStatistic, toRows } from './internal/contingency.js';

/** Options of {@link raoScottChiSquare}. */
export interface RaoScottOptions {
  /** Row categories in order (see {@link crossTab}). */
  rowLevels?: readonly string[];
  /** Column categories in order. */
  colLevels?: readonly string[];
}

/** Result of {@link raoScottChiSquare}. */
export interface RaoScottResult {
  /** "Pearson's X^2: Rao & Scott adjustment" (as R survey::svychisq). */
  method: string;
  /**
   * First-order corrected statistic X²_n/δ̄, referred to χ²(df). svychisq does not print it: its
   * "X-squared" is {@link RaoScottResult.pearsonStatistic} (uncorrected), its p-value is `pValue`.
   */
  statistic: number;
  df: number;
  /** P(χ²_df > X²_n/δ̄): the p-value svychisq(statistic = "Chisq") prints. */
  pValue: number;
  /** Pearson X²_n of the weighted table rescaled to n respondents, uncorrected: what svychisq(statistic = "Chisq") prints as "X-squared". */
  pearsonStatistic: number;
  /** δ̄: mean generalized design effect (mean eigenvalue of the Rao–Scott Δ matrix). */
  designEffect: number;
  /** Likelihood-ratio G² of the table rescaled to n, with the same first-order correction G²/δ̄ (Rao & Scott 1984). */
  gTest: { method: string; statistic: number; df: number; pValue: number; statisticUncorrected: number };
  /** Second-order (Satterthwaite) correction, svychisq's default `statistic = "F"`: prints "F = statistic, ndf, ddf, p-value". */
  secondOrder: { method: string; statistic: number; ndf: number; ddf: number; pValue: number };
  /** Respondents used (unweighted) and excluded for a missing value. */
  n: number;
  nMissing: number;
  sumWeights: number;
  /** Kish effective sample size of the weights used. */
  effectiveN: number;
  rowLabels: string[];
  colLabels: string[];
  removedRows: string[];
  removedCols: string[];
  /** Weighted counts Σ w per cell. */
  weightedCounts: number[][];
  /** Respondents per cell. */
  unweightedCounts: number[][];
  /** Expected weighted counts under independence, W_i· W_·j / W. */
  expected: number[][];
  /**
   * Design-adjusted standardized residuals: the adjusted residuals of the weighted table rescaled to
   * n, divided by √δ̄ (an approximation: ≈ N(0, 1) under independence when the design effect is
   * homogeneous).
   */
  adjustedResiduals: number[][];
  /** Cramér's V of the weighted proportions, √(X²_n / (n (min(r, c) − 1))) (an effect size: no design correction). */
  cramersV: number;
  /** Bergsma's bias correction is not defined for weighted data: null. */
  cramersVBiasCorrected: null;
  warnings: Message[];
}

/** Solves A X = B (A d×d, B d×d, row-major) by Gaussian elimination with partial pivoting; null if singular. */
function solve(A: Float64Array, B: Float64Array, d: number): Float64Array | null {
  const a = A.slice();
  const b = B.slice();
  let scale = 0;
  for (let k = 0; k < d * d; k++) scale = Math.max(scale, Math.abs(a[k]));
  for (let col = 0; col < d; col++) {
    let piv = col;
    for (let i = col + 1; i < d; i++) if (Math.abs(a[i * d + col]) > Math.abs(a[piv * d + col])) piv = i;
    if (!(Math.abs(a[piv * d + col]) > 1e-13 * scale)) return null;
    if (piv !== col) {
      for (let j = 0; j < d; j++) {
        [a[col * d + j], a[piv * d + j]] = [a[piv * d + j], a[col * d + j]];
        [b[col * d + j], b[piv * d + j]] = [b[piv * d + j], b[col * d + j]];
      }
    }
    const p = a[col * d + col];
    for (let i = col + 1; i < d; i++) {
      const f = a[i * d + col] / p;
      if (f === 0) continue;
      for (let j = col; j < d; j++) a[i * d + j] -= f * a[col * d + j];
      for (let j = 0; j < d; j++) b[i * d + j] -= f * b[col * d + j];
    }
  }
  for (let col = d - 1; col >= 0; col--) {
    const p = a[col * d + col];
    for (let j = 0; j < d; j++) {
      let s = b[col * d + j];
      for (let k = col + 1; k < d; k++) s -= a[col * d + k] * b[k * d + j];
      b[col * d + j] = s / p;
    }
  }
  return b;
}

/**
 * Chi-square test of independence for weighted survey data with Rao & Scott's first-order
 * correction, as R `survey::svychisq(~rows + cols, svydesign(ids = ~1, weights = ~w),
 * statistic = "Chisq")`: never a plain Pearson X² on weighted counts (it treats Σ w as the
 * number of respondents and is wrong in both directions).
 *
 * With p̂ the weighted cell proportions, X²_n = n Σ (p̂_ij − p̂_i· p̂_·j)² / (p̂_i· p̂_·j) is Pearson's
 * statistic of the weighted table rescaled to n respondents. Its null distribution is
 * Σ δ_k χ²_1 where δ_k are the eigenvalues of Δ = (C'D⁻¹C / n)⁻¹ (C'D⁻¹ V D⁻¹ C), C a basis of the
 * interaction contrasts (cells double-centred), D = diag(p̂), V the linearization (with-replacement)
 * covariance of p̂: V = n/(n − 1) Σ_i z_i z_i', z_i = w_i (e_cell(i) − p̂) / Σ w. The first-order
 * correction refers X²_n / δ̄ to χ²((r − 1)(c − 1)), δ̄ = tr(Δ)/df; the second-order one refers
 * F = X²_n / tr(Δ) to F(d₀, d₀(n − 1)), d₀ = tr(Δ)² / tr(Δ²) (svychisq's default).
 *
 * Assumptions: one-stage sample of independent respondents with weights (no strata or clusters).
 * With equal weights δ̄ = n/(n − 1) and the statistic is Pearson's X² × (n − 1)/n.
 * References: Rao & Scott (1981) JASA 76, 221–230; (1984) Ann. Statist. 12, 46–60; Lumley (2010)
 * *Complex Surveys* §6.1; R survey 4.1 `svychisq`.
 *
 * @param rows row variable (codes or strings, see {@link crossTab}); @param cols column variable;
 * @param weights one weight per respondent (NaN = missing).
 * @throws {TypeError|RangeError} as {@link crossTab}; RangeError when fewer than 2 × 2 non-empty categories remain.
 * @example
 * raoScottChiSquare(['a', 'a', 'b', 'b', 'a', 'b'], ['x', 'y', 'x', 'y', 'x', 'x'], [1, 2, 1, 3, 2, 1]);
 * //=> { statistic: 0.181818…, df: 1, pValue: 0.669815…, pearsonStatistic: 0.24, designEffect: 1.32,
 * //   secondOrder: { statistic: 0.181818…, ndf: 1, ddf: 5, pValue: 0.687549…, … }, … }
 * // statistic is the corrected X²_n/δ̄.
 * // svychisq(~a + b, des, statistic = "Chisq") prints "X-squared = 0.24, df = 1, p-value = 0.6698":
 * //   X-squared is pearsonStatistic (uncorrected), the p-value is pValue (corrected);
 * // svychisq(~a + b, des) prints "F = 0.18182, ndf = 1, ddf = 5, p-value = 0.6875": secondOrder.
 */
export function raoScottChiSquare(rows: Categorical, cols: Categorical, weights: Float64Array | readonly number[], options: RaoScottOptions = {}): RaoScottResult {
  const fn = 'raoScottChiSquare';
  if (weights === undefined) throw new TypeError(`${fn}(weights): weights are required (use chiSquareTest for unweighted data)`);
  const ct = crossTab(rows, cols, { weights, rowLevels: options.rowLevels, colLevels: options.colLevels });
  const warnings = [...ct.warnings];
  const r0 = ct.rowLevels.length;
  const c0 = ct.colLevels.length;
  const flat = (m: number[][]): Float64Array => Float64Array.from(m.flat());
  const d = dropEmptyForTest(fn, { r: r0, c: c0, x: flat(ct.counts) }, ct.rowLevels, ct.colLevels, warnings);
  const { r, c } = d.t;
  const keepR = d.rowLabels.map((l) => ct.rowLevels.indexOf(l));
  const keepC = d.colLabels.map((l) => ct.colLevels.indexOf(l));
  const W = d.t.x;
  const S2 = new Float64Array(r * c);
  const U = new Float64Array(r * c);
  for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) {
    S2[i * c + j] = ct.sumSquaredWeights[keepR[i]][keepC[j]];
    U[i * c + j] = ct.unweightedCounts[keepR[i]][keepC[j]];
  }
  const n = ct.n; // respondents used, including any in removed (zero-weight) categories
  const m = margins(d.t);
  const Wtot = m.n;
  const cells = r * c;
  const df = (r - 1) * (c - 1);

  // Pearson X² of the table rescaled to n (svytable(..., Ntotal = n)).
  const scaled = W.map((v) => (v * n) / Wtot);
  const ms = margins({ r, c, x: scaled });
  const eScaled = expectedCounts(ms.rowTotals, ms.colTotals, ms.n);
  const X2 = pearsonStatistic(scaled, eScaled);

  // Contrast basis C (cells × df): double-centred indicators of cells (a, b), a < r − 1, b < c − 1.
  const Cm = new Float64Array(cells * df);
  for (let a = 0; a < r - 1; a++) for (let b = 0; b < c - 1; b++) {
    const q = a * (c - 1) + b;
    for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) {
      Cm[(i * c + j) * df + q] = (i === a && j === b ? 1 : 0) - (i === a ? 1 / c : 0) - (j === b ? 1 / r : 0) + 1 / cells;
    }
  }
  const p = W.map((v) => v / Wtot);
  // u = Σ over non-empty cells of C[cell, ·] (zero unless some cells are empty).
  const u = new Float64Array(df);
  for (let k = 0; k < cells; k++) if (p[k] > 0) for (let q = 0; q < df; q++) u[q] += Cm[k * df + q];
  const A = new Float64Array(df * df);
  const B = new Float64Array(df * df);
  const g = new Float64Array(df);
  const fB = n / (n - 1) / (Wtot * Wtot);
  for (let k = 0; k < cells; k++) {
    if (!(p[k] > 0)) continue;
    const aw = 1 / (n * p[k]);
    for (let q = 0; q < df; q++) g[q] = Cm[k * df + q] / p[k] - u[q];
    const bw = fB * S2[k];
    for (let q1 = 0; q1 < df; q1++) {
      const c1 = Cm[k * df + q1] * aw;
      const g1 = g[q1] * bw;
      for (let q2 = 0; q2 < df; q2++) {
        A[q1 * df + q2] += c1 * Cm[k * df + q2];
        B[q1 * df + q2] += g1 * g[q2];
      }
    }
  }
  const Delta = solve(A, B, df);
  let trace = NaN;
  let trace2 = NaN;
  if (Delta === null) warnings.push(ctMsg.designEffectSingular());
  else {
    trace = 0;
    trace2 = 0;
    for (let q = 0; q < df; q++) trace += Delta[q * df + q];
    for (let q1 = 0; q1 < df; q1++) for (let q2 = 0; q2 < df; q2++) trace2 += Delta[q1 * df + q2] * Delta[q2 * df + q1];
  }
  const deltaBar = trace / df;
  const statistic = X2 / deltaBar;
  const d0 = (trace * trace) / trace2;
  const F = X2 / trace;

  // Expected counts and design-adjusted residuals.
  const eW = expectedCounts(m.rowTotals, m.colTotals, Wtot);
  const adj = new Float64Array(cells);
  for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) {
    const k = i * c + j;
    const R = ms.rowTotals[i];
    const Cc = ms.colTotals[j];
    const N = ms.n;
    const v = (Cc * R * (N - R) * (N - Cc)) / (N * N * N);
    adj[k] = (scaled[k] - eScaled[k]) / Math.sqrt(v) / Math.sqrt(deltaBar);
  }
  let sw = 0;
  let sw2 = 0;
  for (let k = 0; k < cells; k++) {
    sw += W[k];
    sw2 += S2[k];
  }
  const effectiveN = sw2 > 0 ? (sw * sw) / sw2 : NaN;
  if (effectiveN < 0.7 * n) warnings.push(ctMsg.lowEffectiveN({ neff: effectiveN, n }));
  const G2 = gStatistic(scaled, eScaled, df).statistic;
  return {
    method: "Pearson's X^2: Rao & Scott adjustment",
    statistic,
    df,
    pValue: chiSquareSf(statistic, df),
    pearsonStatistic: X2,
    designEffect: deltaBar,
    gTest: {
      method: 'Likelihood ratio G² with Rao & Scott first-order correction',
      statistic: G2 / deltaBar,
      df,
      pValue: chiSquareSf(G2 / deltaBar, df),
      statisticUncorrected: G2,
    },
    secondOrder: {
      method: "Pearson's X^2: Rao & Scott adjustment (F, second order)",
      statistic: F,
      ndf: d0,
      ddf: d0 * (n - 1),
      pValue: Number.isFinite(F) ? fisherFSf(F, d0, d0 * (n - 1)) : NaN,
    },
    n,
    nMissing: ct.nMissing,
    sumWeights: Wtot,
    effectiveN,
    rowLabels: d.rowLabels,
    colLabels: d.colLabels,
    removedRows: d.removedRows,
    removedCols: d.removedCols,
    weightedCounts: toRows(W, r, c),
    unweightedCounts: toRows(U, r, c),
    expected: toRows(eW, r, c),
    adjustedResiduals: toRows(adj, r, c),
    cramersV: Math.sqrt(X2 / (n * (Math.min(r, c) - 1))),
    cramersVBiasCorrected: null,
    warnings,
  };
}

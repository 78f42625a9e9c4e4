import type { Message } from '@satlab/messages';
import { chiSquareSf } from './distributions/chiSquare.js';
import { ctMsg } from './messages.js';
import type { CrossTab } from './crossTab.js';
import { variableNames } from './crossTabOf.js';
import { monteCarloChiSquare } from './monteCarloChiSquare.js';
import type { MonteCarloChiSquareResult } from './monteCarloChiSquare.js';
import { checkLabels, dropEmptyForTest, expectedCounts, gStatistic, margins, pearsonStatistic, readTable, toRows } from './internal/contingency.js';
import type { TableInput } from './internal/contingency.js';

/** Options of {@link chiSquareTest}. */
export interface ChiSquareTestOptions {
  /** Yates' continuity correction, applied on 2×2 tables only (as R). Default true. */
  correct?: boolean;
  /** Row labels (default: the cross-tab's levels, else "1", "2", …). */
  rowLabels?: readonly string[];
  /** Column labels (default: the cross-tab's levels, else "1", "2", …). */
  colLabels?: readonly string[];
  /** Also compute a Monte-Carlo p-value (see {@link monteCarloChiSquare}). Default: not computed. */
  monteCarlo?: { replicates?: number; seed?: number };
}

/** Everything a report needs about a chi-square test of independence (plain, JSON-safe). */
export interface ChiSquareTestResult {
  /** As R prints it, e.g. "Pearson's Chi-squared test with Yates' continuity correction". */
  method: string;
  /** Pearson X² (Yates-corrected on a 2×2 table when `correct`). */
  statistic: number;
  df: number;
  /** Upper tail of χ²(df) at `statistic`, from the survival function. */
  pValue: number;
  /** Pearson X² without continuity correction (what V, C, phi and the residuals use). */
  statisticUncorrected: number;
  /** True when Yates' correction was applied. */
  yates: boolean;
  /** Total count of the (non-empty) table. */
  n: number;
  /** Respondents excluded for missing values upstream (from the cross-tab; 0 for a table). */
  nMissing: number;
  rowLabels: string[];
  colLabels: string[];
  /** Labels of the empty rows / columns that were removed before the test. */
  removedRows: string[];
  removedCols: string[];
  observed: number[][];
  /** E_ij = R_i C_j / n (R `$expected`). */
  expected: number[][];
  /** Pearson residuals (O − E)/√E (R `$residuals`). */
  residuals: number[][];
  /** Adjusted standardized residuals (O − E)/√(E (1 − R_i/n)(1 − C_j/n)) (R `$stdres`, SPSS ASRESID): ≈ N(0, 1) under H0. */
  adjustedResiduals: number[][];
  /** Cell contributions (O − E)²/E; they sum to `statisticUncorrected`. */
  contributions: number[][];
  rowTotals: number[];
  colTotals: number[];
  /** Cramér's V = √(X² / (n (min(r, c) − 1))), from the uncorrected X² (vcd::assocstats). */
  cramersV: number;
  /** Bergsma's (2013) bias-corrected V. */
  cramersVBiasCorrected: number;
  /** Pearson's contingency coefficient C = √(X² / (X² + n)). */
  contingencyCoefficient: number;
  /** φ = √(X² / n) on a 2×2 table (unsigned, as vcd::assocstats), null otherwise. */
  phi: number | null;
  /** Likelihood-ratio test G² = 2 Σ O ln(O/E) (no correction, as vcd::assocstats). */
  gTest: { method: string; statistic: number; df: number; pValue: number };
  /** Number of cells with an expected count below 5, their share of all cells, and the smallest expected count. */
  expectedBelow5: number;
  expectedBelow5Share: number;
  minExpected: number;
  cells: number;
  /** Present when `options.monteCarlo` was given and the counts are integers. */
  monteCarlo: MonteCarloChiSquareResult | null;
  /** The variables' column names and codebook labels, from a cross-tab made by column name. */
  rowVariable?: string;
  colVariable?: string;
  rowVariableLabel?: string;
  colVariableLabel?: string;
  warnings: Message[];
}

function isCrossTab(t: unknown): t is CrossTab {
  return typeof t === 'object' && t !== null && Array.isArray((t as CrossTab).counts) && Array.isArray((t as CrossTab).rowLevels);
}

/**
 * Pearson's chi-square test of independence of the rows and columns of a contingency table, with
 * everything a report needs: X² = Σ (O − E)²/E, E_ij = R_i C_j / n, df = (r − 1)(c − 1),
 * p = P(χ²_df > X²) from the survival function; Yates' correction Σ (|O − E| − min(0.5, |O − E|))²/E
 * on 2×2 tables only (`correct`, default true, as R); expected counts, Pearson and adjusted
 * standardized residuals, cell contributions; Cramér's V (uncorrected X²), Bergsma's bias-corrected
 * V, the contingency coefficient, φ (2×2); the G-test; optional Monte-Carlo p. Empty rows and
 * columns are removed and named in the warnings; cells with expected count < 5 are counted and the
 * minimum expected count is reported (SPSS footnote), with a warning.
 *
 * Assumptions: counts of independent respondents (unweighted; for weighted data use
 * {@link raoScottChiSquare}), expected counts large enough for the χ² approximation (else use the
 * Monte-Carlo or Fisher p-value).
 *
 * References: R `chisq.test(x, correct)` ($statistic, $parameter, $p.value, $expected, $residuals,
 * $stdres); `vcd::assocstats(x)`; Bergsma (2013) J. Korean Stat. Soc. 42, 323–328; Agresti (2013)
 * *Categorical Data Analysis* §2.4, §3.3.1.
 *
 * @param table rows of counts (row-major, as people write tables), a column-major Matrix, or a
 *   {@link crossTab} result (unweighted; labels and nMissing are taken from it).
 * @throws {TypeError} on a malformed table or a weighted cross-tab; {RangeError} on negative or
 *   non-finite cells, or fewer than 2 non-empty rows or columns.
 * @example
 * const t = chiSquareTest([[30, 54, 96, 18], [6, 36, 102, 18], [6, 0, 12, 12], [6, 12, 36, 12], [6, 30, 72, 18]]);
 * //=> { statistic: 53.7592…, df: 12, pValue: 3.01686…e-7, cramersV: 0.175470…,
 * //   expectedBelow5: 2, minExpected: 2.78350…, … }
 * t.adjustedResiduals[2][3]; //=> 4.39097…
 * t.warnings.map((w) => w.code); //=> ['stats.table.smallExpected']
 */
export function chiSquareTest(table: TableInput | CrossTab, options: ChiSquareTestOptions = {}): ChiSquareTestResult {
  const fn = 'chiSquareTest';
  const correct = options.correct ?? true;
  if (typeof correct !== 'boolean') throw new TypeError(`${fn}(options.correct): expected a boolean, got ${typeof correct}`);
  let input: TableInput;
  let rowLabelsIn = options.rowLabels;
  let colLabelsIn = options.colLabels;
  let nMissing = 0;
  const warnings: Message[] = [];
  if (isCrossTab(table)) {
    if (table.weighted) {
      throw new TypeError(`${fn}(table): this cross-tab is weighted; a plain Pearson chi-square on weighted counts is wrong — use raoScottChiSquare(rows, cols, weights)`);
    }
    input = table.counts;
    rowLabelsIn ??= table.rowLevels;
    colLabelsIn ??= table.colLevels;
    nMissing = table.nMissing;
    warnings.push(...table.warnings);
  } else {
    input = table;
  }
  const t0 = readTable(fn, 'table', input);
  const d = dropEmptyForTest(fn, t0, checkLabels(fn, 'options.rowLabels', rowLabelsIn, t0.r), checkLabels(fn, 'options.colLabels', colLabelsIn, t0.c), warnings);
  const t = d.t;
  const { r, c, x } = t;
  const { rowTotals, colTotals, n } = margins(t);
  const e = expectedCounts(rowTotals, colTotals, n);
  const df = (r - 1) * (c - 1);
  const cells = r * c;

  const statisticUncorrected = pearsonStatistic(x, e);
  const yates = correct && r === 2 && c === 2;
  let statistic = statisticUncorrected;
  if (yates) {
    let yc = 0.5;
    for (let k = 0; k < cells; k++) yc = Math.min(yc, Math.abs(x[k] - e[k]));
    statistic = 0;
    for (let k = 0; k < cells; k++) {
      const dd = Math.abs(x[k] - e[k]) - yc;
      statistic += (dd * dd) / e[k];
    }
  }
  const pValue = chiSquareSf(statistic, df);

  const resid = new Float64Array(cells);
  const stdres = new Float64Array(cells);
  const contrib = new Float64Array(cells);
  let below5 = 0;
  let minExpected = Infinity;
  for (let i = 0; i < r; i++) {
    for (let j = 0; j < c; j++) {
      const k = i * c + j;
      const ek = e[k];
      resid[k] = (x[k] - ek) / Math.sqrt(ek);
      const v = (colTotals[j] * rowTotals[i] * (n - rowTotals[i]) * (n - colTotals[j])) / (n * n * n);
      stdres[k] = (x[k] - ek) / Math.sqrt(v);
      contrib[k] = resid[k] * resid[k];
      if (ek < 5) below5++;
      if (ek < minExpected) minExpected = ek;
    }
  }

  const X2 = statisticUncorrected;
  const cramersV = Math.sqrt(X2 / (n * (Math.min(r, c) - 1)));
  // Bergsma (2013): φ̃² = max(0, φ² − (k−1)(r−1)/(n−1)), k̃ = k − (k−1)²/(n−1), r̃ = r − (r−1)²/(n−1).
  const phi2 = X2 / n;
  const phi2c = Math.max(0, phi2 - ((c - 1) * (r - 1)) / (n - 1));
  const kc = c - ((c - 1) * (c - 1)) / (n - 1);
  const rc = r - ((r - 1) * (r - 1)) / (n - 1);
  const denomBc = Math.min(kc - 1, rc - 1);
  const cramersVBiasCorrected = denomBc > 0 ? Math.sqrt(phi2c / denomBc) : NaN;

  const g = gStatistic(x, e, df);
  const integer = x.every((v) => Number.isInteger(v));
  if (!integer) warnings.push(ctMsg.nonInteger());
  if (below5 > 0) warnings.push(ctMsg.smallExpected({ below: below5, cells, min: minExpected }));
  if (minExpected < 1 || below5 / cells > 0.2) warnings.push(ctMsg.cochranRule());
  if (yates) warnings.push(ctMsg.yatesApplied());

  let monteCarlo: MonteCarloChiSquareResult | null = null;
  if (options.monteCarlo) {
    if (integer) monteCarlo = monteCarloChiSquare(toRows(x, r, c), options.monteCarlo);
    else warnings.push(ctMsg.monteCarloNotRun());
  }

  return {
    method: yates ? "Pearson's Chi-squared test with Yates' continuity correction" : "Pearson's Chi-squared test",
    statistic,
    df,
    pValue,
    statisticUncorrected,
    yates,
    n,
    nMissing,
    rowLabels: d.rowLabels,
    colLabels: d.colLabels,
    removedRows: d.removedRows,
    removedCols: d.removedCols,
    observed: toRows(x, r, c),
    expected: toRows(e, r, c),
    residuals: toRows(resid, r, c),
    adjustedResiduals: toRows(stdres, r, c),
    contributions: toRows(contrib, r, c),
    rowTotals: Array.from(rowTotals),
    colTotals: Array.from(colTotals),
    cramersV,
    cramersVBiasCorrected,
    contingencyCoefficient: Math.sqrt(X2 / (X2 + n)),
    phi: r === 2 && c === 2 ? Math.sqrt(phi2) : null,
    gTest: { method: 'Log-likelihood ratio (G) test of independence', ...g },
    expectedBelow5: below5,
    expectedBelow5Share: below5 / cells,
    minExpected,
    cells,
    monteCarlo,
    ...(isCrossTab(table) ? variableNames(table) : {}),
    warnings,
  };
}

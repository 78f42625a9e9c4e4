import type { Message } from '@satlab/messages';
import { dropEmptyForTest, expectedCounts, gStatistic, margins, readTable } from './internal/contingency.js';
import type { TableInput } from './internal/contingency.js';

/** Options of {@link gTest}. */
export interface GTestOptions {
  /**
   * Continuity correction: `'none'` (default, as `vcd::assocstats`) or `'yates'` (2×2 only: each
   * observed count moved 0.5 toward its expected count first, as scipy's `chi2_contingency(…,
   * correction=True, lambda_="log-likelihood")`; ignored on larger tables).
   */
  correct?: 'none' | 'yates';
}

/** Result of {@link gTest}. */
export interface GTestResult {
  method: string;
  /** G² = 2 Σ O ln(O / E) (cells with O = 0 contribute 0). */
  statistic: number;
  df: number;
  /** Upper tail of χ²(df) at G². */
  pValue: number;
  n: number;
  /** True when the Yates adjustment was applied (2×2 and `correct: 'yates'`). */
  yates: boolean;
  warnings: Message[];
}

/**
 * Likelihood-ratio (G) test of independence in a two-way table:
 * G² = 2 Σ_ij O_ij ln(O_ij / E_ij), E_ij = R_i C_j / n, df = (r − 1)(c − 1), p = P(χ²_df > G²)
 * from the survival function. Asymptotically equivalent to Pearson's X²; both need expected counts
 * that are not too small. Empty rows/columns are removed (and reported) first.
 *
 * Reference: Agresti (2013) *Categorical Data Analysis*, §3.2.1; matches `vcd::assocstats(m)`
 * ("Likelihood Ratio") and scipy `chi2_contingency(m, correction=False, lambda_="log-likelihood")`.
 *
 * @param table rows of counts (row-major) or a column-major Matrix; cells finite and ≥ 0.
 * @throws {TypeError|RangeError} on a malformed table or fewer than 2 non-empty rows/columns.
 * @example
 * gTest([[30, 54, 96, 18], [6, 36, 102, 18], [6, 0, 12, 12], [6, 12, 36, 12], [6, 30, 72, 18]]);
 * //=> { statistic: 55.3916…, df: 12, pValue: 1.53958…e-7, … }
 */
export function gTest(table: TableInput, options: GTestOptions = {}): GTestResult {
  const fn = 'gTest';
  const correct = options.correct ?? 'none';
  if (correct !== 'none' && correct !== 'yates') throw new RangeError(`${fn}(options.correct): expected 'none' or 'yates', got ${String(correct)}`);
  const t0 = readTable(fn, 'table', table);
  const warnings: Message[] = [];
  const t = dropEmptyForTest(fn, t0, undefined, undefined, warnings).t;
  const m = margins(t);
  const e = expectedCounts(m.rowTotals, m.colTotals, m.n);
  const yates = correct === 'yates' && t.r === 2 && t.c === 2;
  return { method: yates ? "Log-likelihood ratio (G) test of independence with Yates' continuity correction" : 'Log-likelihood ratio (G) test of independence', ...gStatistic(t.x, e, (t.r - 1) * (t.c - 1), yates), n: m.n, yates, warnings };
}

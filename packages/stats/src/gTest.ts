import type { Message } from '@satlab/messages';
import { chiSquareSf } from './distributions/chiSquare.js';
import { ctMsg } from './messages.js';
import { dropEmptyForTest, expectedCounts, gStatistic, margins, readTable } from './internal/contingency.js';
import type { TableInput } from './internal/contingency.js';

/** Options of {@link gTest}. */
export interface GTestOptions {
  /**
   * Continuity correction: `'none'` (default, as `vcd::assocstats`) or `'yates'` (2×2 only: each
   * observed count moved 0.5 toward its expected count first, as scipy's `chi2_contingency(…,
   * correction=True, lambda_="log-likelihood")`; ignored on larger tables), or `'williams'`:
   * Williams' (1976) correction G/q, q = 1 + (n Σ 1/R_i − 1)(n Σ 1/C_j − 1) / (6 n (r − 1)(c − 1))
   * (as `DescTools::GTest(x, correct = "williams")`; better calibrated than the plain G in small samples).
   */
  correct?: 'none' | 'yates' | 'williams';
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
  /** Williams' divisor q when `correct: 'williams'` (the statistic is then G/q), else null. */
  williamsQ: number | null;
  /** G² before Williams' correction (equal to `statistic` without it). */
  statisticUncorrected: number;
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
 * gTest([[12, 5], [7, 15]], { correct: 'williams' });
 * //=> { statistic: 5.69691…, williamsQ: 1.03935…, statisticUncorrected: 5.92110…, … }
 */
export function gTest(table: TableInput, options: GTestOptions = {}): GTestResult {
  const fn = 'gTest';
  const correct = options.correct ?? 'none';
  if (correct !== 'none' && correct !== 'yates' && correct !== 'williams') throw new RangeError(`${fn}(options.correct): expected 'none', 'yates' or 'williams', got ${String(correct)}`);
  const t0 = readTable(fn, 'table', table);
  const warnings: Message[] = [];
  const t = dropEmptyForTest(fn, t0, undefined, undefined, warnings).t;
  const m = margins(t);
  const e = expectedCounts(m.rowTotals, m.colTotals, m.n);
  const yates = correct === 'yates' && t.r === 2 && t.c === 2;
  const df = (t.r - 1) * (t.c - 1);
  const g = gStatistic(t.x, e, df, yates);
  if (correct === 'williams') {
    let sr = 0;
    let sc = 0;
    for (const v of m.rowTotals) sr += 1 / v;
    for (const v of m.colTotals) sc += 1 / v;
    const q = 1 + ((m.n * sr - 1) * (m.n * sc - 1)) / (6 * m.n * df);
    warnings.push(ctMsg.williamsApplied({ q }));
    const statistic = g.statistic / q;
    return { method: "Log-likelihood ratio (G) test of independence with Williams' correction", statistic, df, pValue: chiSquareSf(statistic, df), n: m.n, yates: false, williamsQ: q, statisticUncorrected: g.statistic, warnings };
  }
  return { method: yates ? "Log-likelihood ratio (G) test of independence with Yates' continuity correction" : 'Log-likelihood ratio (G) test of independence', ...g, n: m.n, yates, williamsQ: null, statisticUncorrected: g.statistic, warnings };
}

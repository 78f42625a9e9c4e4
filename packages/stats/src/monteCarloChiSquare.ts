import type { Message } from '@satlab/messages';
import { rng } from './rng.js';
import { ctMsg } from './messages.js';
import { patefieldSampler } from './internal/patefield.js';
import { dropEmptyForTest, expectedCounts, margins, pearsonStatistic, readTable } from './internal/contingency.js';
import type { TableInput } from './internal/contingency.js';

/** Options of {@link monteCarloChiSquare}. */
export interface MonteCarloOptions {
  /** Number of simulated tables B. Default 2000 (R's default). */
  replicates?: number;
  /** Seed of the generator ({@link rng}); the same seed gives the same p-value. Default 1. */
  seed?: number;
}

/** Result of {@link monteCarloChiSquare}. */
export interface MonteCarloChiSquareResult {
  method: string;
  /** Pearson X² of the observed table (no continuity correction, as R with simulate.p.value). */
  statistic: number;
  /** (1 + b) / (B + 1), b = number of simulated tables with X² ≥ the observed X². */
  pValue: number;
  /** b: simulated tables at least as extreme as the observed one. */
  exceedances: number;
  replicates: number;
  seed: number;
  /** Monte-Carlo standard error of the p-value, √(p(1 − p)/B). */
  se: number;
  n: number;
  warnings: Message[];
}

/**
 * Monte-Carlo p-value of Pearson's chi-square test of independence with both margins fixed:
 * B tables are drawn with the observed row and column totals (Patefield's algorithm AS 159, as R's
 * `r2dtable`), X² is computed for each with the observed expected counts, and
 * p = (1 + b) / (B + 1) where b counts simulated X² ≥ (1 − 64 ε) × observed X² (R's tolerance for
 * ties). Valid whatever the expected counts: use it when many are below 5.
 *
 * Reference: Hope (1968) JRSS B 30, 582–598; R `chisq.test(x, simulate.p.value = TRUE, B)`. The
 * generator differs from R's, so p-values agree with R's in distribution, not digit for digit.
 *
 * @param table integer counts (rows of counts, or a column-major Matrix). Empty rows/columns are
 *   removed first (they do not change the conditional distribution).
 * @throws {RangeError} on non-integer counts, fewer than 2 × 2 non-empty cells or replicates < 1.
 * @example
 * monteCarloChiSquare([[30, 54, 96, 18], [6, 36, 102, 18], [6, 0, 12, 12], [6, 12, 36, 12], [6, 30, 72, 18]], { replicates: 2000, seed: 1 });
 * //=> { statistic: 53.7592…, pValue: 0.000499750…, replicates: 2000, … }  (p = 1/2001: no replicate reached the observed X²)
 */
export function monteCarloChiSquare(table: TableInput, options: MonteCarloOptions = {}): MonteCarloChiSquareResult {
  const fn = 'monteCarloChiSquare';
  const B = options.replicates ?? 2000;
  const seed = options.seed ?? 1;
  if (!Number.isInteger(B) || B < 1) throw new RangeError(`${fn}(options.replicates): expected an integer ≥ 1, got ${B}`);
  const t0 = readTable(fn, 'table', table, { integer: true });
  const t = dropEmptyForTest(fn, t0, undefined, undefined, null).t;
  const m = margins(t);
  const e = expectedCounts(m.rowTotals, m.colTotals, m.n);
  const statistic = pearsonStatistic(t.x, e);
  const sample = patefieldSampler(Int32Array.from(m.rowTotals), Int32Array.from(m.colTotals), rng(seed));
  const sim = new Int32Array(t.r * t.c);
  const threshold = (1 - 64 * Number.EPSILON) * statistic;
  let b = 0;
  for (let rep = 0; rep < B; rep++) {
    sample(sim);
    if (pearsonStatistic(sim, e) >= threshold) b++;
  }
  const pValue = (1 + b) / (B + 1);
  const warnings: Message[] = [];
  if (B < 1000) warnings.push(ctMsg.fewReplicates({ b: B }));
  return {
    method: `Pearson's Chi-squared test with simulated p-value (based on ${B} replicates)`,
    statistic,
    pValue,
    exceedances: b,
    replicates: B,
    seed,
    se: Math.sqrt((pValue * (1 - pValue)) / B),
    n: m.n,
    warnings,
  };
}

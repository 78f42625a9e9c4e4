import type { Message } from '@satlab/messages';
import { chiSquareSf } from './distributions/chiSquare.js';
import { rankAverage, readGroups, type GroupLabel, type Values } from './internal/sample.js';
import { msg } from './messages.js';

/** Result of {@link kruskalWallisTest}. */
export interface KruskalWallisTest {
  method: 'Kruskal-Wallis rank sum test';
  /** H, corrected for ties: H / (1 − Σ(t³ − t)/(N³ − N)). */
  statistic: number;
  /** k − 1. */
  df: number;
  /** Upper tail of χ²(k − 1) (large-sample approximation). */
  pValue: number;
  /** Per group: level, n and mean rank, in order of first appearance. */
  groups: { level: string; n: number; meanRank: number }[];
  /** Tie correction factor 1 − Σ(t³ − t)/(N³ − N) (1 without ties). */
  tieCorrection: number;
  n: number;
  nMissing: number;
  warnings: Message[];
}

/**
 * Kruskal–Wallis rank sum test (H₀: the groups come from the same distribution), on average ranks:
 * H = [12/(N(N+1))] Σ n_i (R̄_i − (N+1)/2)², divided by the tie correction 1 − Σ(t³−t)/(N³−N);
 * p from χ² with k − 1 df (the large-sample approximation R uses; small groups are flagged).
 *
 * Reference: Kruskal & Wallis (1952), JASA 47:583; R `kruskal.test(values, groups)`.
 *
 * @param values the response (NaN = missing). @param groups a label per value (null/undefined/''/NaN = missing).
 * @throws {TypeError} on non-numeric values or bad labels. @throws {RangeError} when the lengths differ or on ±Infinity.
 * @example
 * kruskalWallisTest([2.9, 3.0, 2.5, 2.6, 3.2, 3.8, 2.7, 4.0, 2.4, 2.8, 3.4, 3.7, 2.2, 2.0], [1, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 3]);
 * //=> { statistic: 0.771428…, df: 2, pValue: 0.679964…, … }
 * // (R's ?kruskal.test example)
 */
export function kruskalWallisTest(values: Values, groups: readonly GroupLabel[]): KruskalWallisTest {
  const fn = 'kruskalWallisTest(values, groups)';
  const { x, g, levels, nMissing } = readGroups(fn, values, groups);
  const k = levels.length;
  const N = x.length;
  const warnings: Message[] = [];
  const { ranks, tieSum } = rankAverage(x);
  const counts = new Float64Array(k);
  const rankSums = new Float64Array(k);
  for (let i = 0; i < N; i++) {
    counts[g[i]]++;
    rankSums[g[i]] += ranks[i];
  }
  const groupsOut = levels.map((level, j) => ({ level, n: counts[j], meanRank: rankSums[j] / counts[j] }));
  for (let j = 0; j < k; j++) if (counts[j] < 5) warnings.push(msg.smallGroup({ level: levels[j], n: counts[j] }));
  const tieCorrection = N > 1 ? 1 - tieSum / (N * N * N - N) : NaN;
  let statistic = NaN;
  let pValue = NaN;
  if (k < 2) warnings.push(msg.singleGroup());
  else if (!(tieCorrection > 0)) warnings.push(msg.zeroVariance({ what: 'kruskalWallisTest' }));
  else {
    const centre = (N + 1) / 2;
    let s = 0;
    for (let j = 0; j < k; j++) s += counts[j] * (rankSums[j] / counts[j] - centre) ** 2;
    statistic = (12 / (N * (N + 1))) * s / tieCorrection;
    pValue = chiSquareSf(statistic, k - 1);
  }
  return { method: 'Kruskal-Wallis rank sum test', statistic, df: k - 1, pValue, groups: groupsOut, tieCorrection, n: N, nMissing, warnings };
}

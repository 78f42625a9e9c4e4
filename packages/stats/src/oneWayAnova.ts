import type { Message } from '@satlab/messages';
import { fisherFSf } from './distributions/fisherF.js';
import { mean, readGroups, sumSquares, type GroupLabel, type Values } from './internal/sample.js';
import { msg } from './messages.js';

/** Options of {@link oneWayAnova}. */
export interface OneWayAnovaOptions {
  /**
   * Assume equal variances (classic Fisher ANOVA). `false` gives Welch's heteroscedastic F test
   * (R `oneway.test(var.equal = FALSE)`). Default true.
   */
  varEqual?: boolean;
}

/** Per-group summary in {@link OneWayAnova}. */
export interface AnovaGroup {
  level: string;
  n: number;
  mean: number;
  /** Standard deviation (n − 1 denominator); NaN when n < 2. */
  sd: number;
}

/** Result of {@link oneWayAnova}. */
export interface OneWayAnova {
  method: 'One-way analysis of means' | 'One-way analysis of means (not assuming equal variances)';
  /** F statistic (Welch's F when varEqual is false). */
  statistic: number;
  /** [numerator df, denominator df] (the denominator is fractional for Welch). */
  df: [number, number];
  pValue: number;
  /** Between-group sum of squares Σ n_i (x̄_i − x̄)². */
  ssBetween: number;
  /** Within-group (residual) sum of squares Σ Σ (x_ij − x̄_i)². */
  ssWithin: number;
  ssTotal: number;
  msBetween: number;
  msWithin: number;
  /** η² = ssBetween / ssTotal (the R² of the one-way model). */
  etaSquared: number;
  /** Residual standard deviation √msWithin. */
  residualSd: number;
  /** Groups in order of first appearance. */
  groups: AnovaGroup[];
  /** Observations used. */
  n: number;
  /** Observations dropped because the value is NaN or the group is missing (null, undefined, '', NaN). */
  nMissing: number;
  warnings: Message[];
}

/**
 * One-way analysis of variance of `values` across the groups given by `groups` (H₀: all group
 * means equal): F = [SSB/(k − 1)] / [SSW/(N − k)] on (k − 1, N − k) df. Sums of squares are formed
 * from deviations about refined group and grand means (two-pass), so data with many constant leading
 * digits keep their precision (NIST StRD AtmWtAg, SiRstv). With `varEqual: false`, Welch's test:
 * w_i = n_i/s_i², x̃ = Σw_i x̄_i/Σw_i, F = Σw_i(x̄_i − x̃)²/(k−1) / [1 + 2(k−2)Λ/(k²−1)],
 * Λ = Σ(1 − w_i/Σw)²/(n_i − 1), df = (k − 1, (k² − 1)/(3Λ)).
 * Assumes independent observations, normal errors (and equal variances for the classic test).
 *
 * Reference: R `anova(lm(values ~ factor(groups)))`, `oneway.test(values ~ groups, var.equal = varEqual)`;
 * Welch (1951), Biometrika 38:330.
 *
 * @param values the response (NaN = missing).
 * @param groups a group label per value (string or number; null/undefined/''/NaN = missing).
 * @throws {TypeError} on non-numeric values or bad labels. @throws {RangeError} when the lengths differ or on ±Infinity.
 * @example
 * oneWayAnova([4.2, 4.8, 5.1, 6.0, 6.3, 5.9, 5.0, 5.2, 4.9], ['a', 'a', 'a', 'b', 'b', 'b', 'c', 'c', 'c']);
 * //=> { statistic: 16.5180…, df: [2, 6], pValue: 0.00363122…, … }
 */
export function oneWayAnova(values: Values, groups: readonly GroupLabel[], opts: OneWayAnovaOptions = {}): OneWayAnova {
  const fn = 'oneWayAnova(values, groups, opts)';
  const { x, g, levels, nMissing } = readGroups(fn, values, groups);
  const varEqual = opts.varEqual ?? true;
  if (typeof varEqual !== 'boolean') throw new TypeError(`${fn}: opts.varEqual must be a boolean, got ${String(varEqual)}`);
  const method = varEqual ? 'One-way analysis of means' : 'One-way analysis of means (not assuming equal variances)';
  const k = levels.length;
  const N = x.length;
  // Gather each group's values contiguously.
  const counts = new Int32Array(k);
  for (let i = 0; i < N; i++) counts[g[i]]++;
  const start = new Int32Array(k + 1);
  for (let j = 0; j < k; j++) start[j + 1] = start[j] + counts[j];
  const sorted = new Float64Array(N);
  const fill = start.slice(0, k);
  for (let i = 0; i < N; i++) sorted[fill[g[i]]++] = x[i];
  const warnings: Message[] = [];
  const grp: AnovaGroup[] = [];
  const means = new Float64Array(k);
  const vars = new Float64Array(k);
  let ssWithin = 0;
  for (let j = 0; j < k; j++) {
    const m = mean(sorted, start[j], start[j + 1]);
    const ss = sumSquares(sorted, m, start[j], start[j + 1]);
    means[j] = m;
    vars[j] = counts[j] > 1 ? ss / (counts[j] - 1) : NaN;
    ssWithin += ss;
    grp.push({ level: levels[j], n: counts[j], mean: m, sd: Math.sqrt(vars[j]) });
    if (counts[j] < 2) warnings.push(msg.smallGroup({ level: levels[j], n: counts[j] }));
  }
  const grand = mean(x);
  let ssBetween = 0;
  for (let j = 0; j < k; j++) ssBetween += counts[j] * (means[j] - grand) ** 2;
  const ssTotal = ssBetween + ssWithin;
  const df1 = k - 1;
  const df2 = N - k;
  const msBetween = df1 > 0 ? ssBetween / df1 : NaN;
  const msWithin = df2 > 0 ? ssWithin / df2 : NaN;
  let statistic = NaN;
  let pValue = NaN;
  let df: [number, number] = [df1, df2];
  if (k < 2) warnings.push(msg.singleGroup());
  else if (varEqual) {
    if (!(df2 > 0)) warnings.push(msg.tooFewObservations({ what: 'oneWayAnova', n: N, min: k + 1 }));
    else if (ssWithin === 0) warnings.push(msg.zeroVariance({ what: 'oneWayAnova' }));
    else {
      statistic = msBetween / msWithin;
      pValue = fisherFSf(statistic, df1, df2);
    }
  } else {
    let ok = true;
    for (let j = 0; j < k; j++) if (!(vars[j] > 0)) ok = false;
    if (!ok) {
      warnings.push(msg.welchNeedsVariance());
      df = [df1, NaN];
    } else {
      let sw = 0;
      for (let j = 0; j < k; j++) sw += counts[j] / vars[j];
      let mw = 0;
      for (let j = 0; j < k; j++) mw += ((counts[j] / vars[j]) * means[j]) / sw;
      let lambda = 0;
      let num = 0;
      for (let j = 0; j < k; j++) {
        const w = counts[j] / vars[j];
        lambda += (1 - w / sw) ** 2 / (counts[j] - 1);
        num += w * (means[j] - mw) ** 2;
      }
      const tmp = lambda / (k * k - 1);
      statistic = num / (df1 * (1 + 2 * (k - 2) * tmp));
      df = [df1, 1 / (3 * tmp)];
      pValue = fisherFSf(statistic, df[0], df[1]);
    }
  }
  return {
    method, statistic, df, pValue, ssBetween, ssWithin, ssTotal, msBetween, msWithin,
    etaSquared: ssTotal > 0 ? ssBetween / ssTotal : NaN, residualSd: Math.sqrt(msWithin), groups: grp, n: N, nMissing, warnings,
  };
}

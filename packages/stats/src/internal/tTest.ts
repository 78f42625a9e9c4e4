import type { Message } from '@satlab/messages';
/** Internal: the one-sample t computations shared by meanConfidenceInterval, oneSampleTTest and pairedTTest. */
import { studentTQuantile } from '../distributions/studentT.js';
import { mean, sumSquares, tPValue, type Alternative } from './sample.js';
import { msg } from '../messages.js';

export interface OneSampleCore {
  n: number;
  mean: number;
  sd: number;
  se: number;
  df: number;
  statistic: number;
  pValue: number;
  lower: number;
  upper: number;
  warnings: Message[];
}

/** Confidence bounds of a t interval around `est` (R t.test's cint). */
export function tBounds(est: number, se: number, df: number, confidence: number, alternative: Alternative): [number, number] {
  if (!(df > 0) || !Number.isFinite(se)) return [NaN, NaN];
  if (alternative === 'less') return [-Infinity, est + studentTQuantile(confidence, df) * se];
  if (alternative === 'greater') return [est - studentTQuantile(confidence, df) * se, Infinity];
  const q = studentTQuantile((1 + confidence) / 2, df);
  return [est - q * se, est + q * se];
}

export function oneSampleCore(what: string, x: Float64Array, mu: number, confidence: number, alternative: Alternative): OneSampleCore {
  const n = x.length;
  const warnings: Message[] = [];
  const m = mean(x);
  if (n === 0) warnings.push(msg.noObservations({ what: what }));
  else if (n < 2) warnings.push(msg.tooFewObservations({ what: what, n: n, min: 2 }));
  const df = n - 1;
  const sd = n >= 2 ? Math.sqrt(sumSquares(x, m) / df) : NaN;
  const se = sd / Math.sqrt(n);
  let statistic = NaN;
  let pValue = NaN;
  let lower = NaN;
  let upper = NaN;
  if (n >= 2) {
    // R t.test: "data are essentially constant" when se < 10·eps·|mean|.
    if (se <= 10 * Number.EPSILON * Math.abs(m) || se === 0) {
      warnings.push(msg.zeroVariance({ what: what }));
    } else {
      statistic = (m - mu) / se;
      pValue = tPValue(statistic, df, alternative);
      [lower, upper] = tBounds(m, se, df, confidence, alternative);
    }
  }
  return { n, mean: m, sd, se, df: n >= 2 ? df : NaN, statistic, pValue, lower, upper, warnings };
}

import type { Message } from '@satlab/messages';
/** Internal: Pearson correlation core shared by pearsonCorrelation and spearmanCorrelation. */
import { normalQuantile } from '../distributions/normal.js';
import { mean, tPValue, type Alternative } from './sample.js';
import { msg } from '../messages.js';

/** Centred cross-products Sxx, Syy, Sxy (two-pass, refined means). */
export function centredMoments(x: Float64Array, y: Float64Array): { sxx: number; syy: number; sxy: number } {
  const mx = mean(x);
  const my = mean(y);
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (let i = 0; i < x.length; i++) {
    const dx = x[i] - mx;
    const dy = y[i] - my;
    sxx += dx * dx;
    syy += dy * dy;
    sxy += dx * dy;
  }
  return { sxx, syy, sxy };
}

/** Pearson r with t test and Fisher-z interval on complete pairs (internal core, shared with Spearman). */
export function pearsonCore(what: string, x: Float64Array, y: Float64Array, alternative: Alternative, confidence: number) {
  const n = x.length;
  const warnings: Message[] = [];
  let estimate = NaN;
  let statistic = NaN;
  let pValue = NaN;
  let ci: [number, number] = [NaN, NaN];
  const df = n - 2;
  if (n < 3) {
    warnings.push(msg.tooFewObservations({ what: what, n: n, min: 3 }));
    if (n === 2 || n === 1) {
      const { sxx, syy, sxy } = centredMoments(x, y);
      if (sxx > 0 && syy > 0) estimate = Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
    }
    return { estimate, statistic, df: Math.max(df, 0), pValue, ci, n, warnings };
  }
  const { sxx, syy, sxy } = centredMoments(x, y);
  if (!(sxx > 0) || !(syy > 0)) {
    warnings.push(msg.zeroVariance({ what: what }));
    return { estimate, statistic, df, pValue, ci, n, warnings };
  }
  estimate = Math.max(-1, Math.min(1, sxy / (Math.sqrt(sxx) * Math.sqrt(syy))));
  if (Math.abs(estimate) === 1) warnings.push(msg.perfectCorrelation());
  statistic = (Math.sqrt(df) * estimate) / Math.sqrt((1 - estimate) * (1 + estimate));
  pValue = Math.abs(estimate) === 1 ? (alternative === 'two.sided' ? 0 : (alternative === 'greater') === estimate > 0 ? 0 : 1) : tPValue(statistic, df, alternative);
  if (n > 3) {
    const z = Math.atanh(estimate);
    const sigma = 1 / Math.sqrt(n - 3);
    if (alternative === 'less') ci = [-1, Math.tanh(z + sigma * normalQuantile(confidence))];
    else if (alternative === 'greater') ci = [Math.tanh(z - sigma * normalQuantile(confidence)), 1];
    else {
      const h = sigma * normalQuantile((1 + confidence) / 2);
      ci = [Math.tanh(z - h), Math.tanh(z + h)];
    }
  }
  return { estimate, statistic, df, pValue, ci, n, warnings };
}


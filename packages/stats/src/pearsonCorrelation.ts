import type { Message } from '@satlab/messages';
import { checkAlternative, checkConfidence, readPairs, type Alternative, type Values } from './internal/sample.js';
import { pearsonCore } from './internal/correlation.js';

/** Options of {@link pearsonCorrelation}. */
export interface PearsonCorrelationOptions {
  /** Alternative hypothesis about ρ. Default 'two.sided'. */
  alternative?: Alternative;
  /** Confidence level of the Fisher-z interval, in (0, 1). Default 0.95. */
  confidence?: number;
}

/** Result of {@link pearsonCorrelation}. */
export interface PearsonCorrelation {
  method: "Pearson's product-moment correlation";
  /** Sample correlation r. */
  estimate: number;
  /** t = r·√(n − 2)/√(1 − r²). */
  statistic: number;
  /** n − 2. */
  df: number;
  pValue: number;
  /** Fisher-z interval tanh(atanh(r) ± z/√(n − 3)); NaN when n < 4 (as R, which omits it). */
  ci: [number, number];
  /** Complete pairs used. */
  n: number;
  /** Pairs with a NaN on either side, excluded. */
  nMissing: number;
  alternative: Alternative;
  confidence: number;
  warnings: Message[];
}

/**
 * Pearson product-moment correlation with its t test (H₀: ρ = 0) and the Fisher-z confidence
 * interval: r = Sxy/√(Sxx·Syy) from centred sums; t = r√(n−2)/√(1−r²) on n − 2 df;
 * CI = tanh(atanh r ± z_{1−α/2}/√(n−3)). Complete pairs only (pairs with NaN are counted in
 * `nMissing`). Assumes bivariate normality for the test and the interval.
 *
 * Reference: R `cor.test(x, y, method = "pearson", alternative = alternative, conf.level = confidence)`.
 *
 * @throws {TypeError} when x or y is not numeric. @throws {RangeError} on different lengths, ±Infinity or bad options.
 * @example
 * pearsonCorrelation([1, 2, 3, 4, 5], [2, 4, 5, 4, 5]);
 * //=> { estimate: 0.774596…, statistic: 2.12132…, df: 3, pValue: 0.124027…, ci: [-0.340082…,
 * //   0.984235…], n: 5, nMissing: 0, … }
 */
export function pearsonCorrelation(x: Values, y: Values, opts: PearsonCorrelationOptions = {}): PearsonCorrelation {
  const fn = 'pearsonCorrelation(x, y, opts)';
  const p = readPairs(fn, x, y);
  const alternative = checkAlternative(fn, opts.alternative ?? 'two.sided');
  const confidence = checkConfidence(fn, opts.confidence ?? 0.95);
  const r = pearsonCore('pearsonCorrelation', p.x, p.y, alternative, confidence);
  return {
    method: "Pearson's product-moment correlation", estimate: r.estimate, statistic: r.statistic, df: r.df, pValue: r.pValue, ci: r.ci,
    n: r.n, nMissing: p.nMissing, alternative, confidence, warnings: r.warnings,
  };
}

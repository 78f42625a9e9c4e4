import type { Matrix } from '@satlab/stats';
import { rng, symmetricEigen } from '@satlab/stats';
import { smc } from './internal/extraction.js';
import { quantile7 } from './internal/quantile7.js';
import { weightedMoments } from './internal/weightedMoments.js';

/** Options of {@link parallelAnalysis}. */
export interface ParallelAnalysisOptions {
  /** Simulated data sets (default 50). */
  iterations?: number;
  /** Seed of the simulation (default 1). */
  seed?: number;
  /** Quantile of the simulated eigenvalues an observed one must exceed (default 0.95, psych's `quant`). */
  quantile?: number;
}

/** Result of {@link parallelAnalysis}. */
export interface ParallelAnalysisResult {
  method: string;
  iterations: number;
  seed: number;
  quantile: number;
  /** Eigenvalues of the observed correlation matrix (components). */
  observed: number[];
  /** Mean and `quantile` of the simulated component eigenvalues, by rank. */
  simulatedMean: number[];
  simulatedQuantile: number[];
  /** Eigenvalues of the observed matrix with SMCs on the diagonal (common factors). */
  observedReduced: number[];
  simulatedReducedMean: number[];
  simulatedReducedQuantile: number[];
  /** Leading observed component eigenvalues above the simulated quantile. */
  suggestedComponents: number;
  /** Leading observed reduced (SMC) eigenvalues above the simulated quantile. */
  suggestedFactors: number;
}

/**
 * Horn's (1965) parallel analysis: eigenvalues of the observed correlation matrix compared, rank
 * by rank, with those of correlation matrices of seeded standard-normal data of the same size
 * (n × p). The suggested number of components (factors) is the number of leading observed
 * eigenvalues (of R, resp. of R with squared multiple correlations on the diagonal) above the
 * simulated `quantile` (95th percentile by default, R type-7 quantile; means are reported too).
 * Like psych::fa.parallel(sim = TRUE, SMC = TRUE) and its `pc.test`/`fa.test` rule; the random
 * streams differ from R's, so simulated values agree with psych only in distribution.
 *
 * @param r the observed p × p correlation matrix. @param n respondents.
 * @throws {TypeError} on malformed input. @throws {RangeError} when n ≤ p or options are out of range.
 * @see Horn (1965) Psychometrika 30(2); psych::fa.parallel.
 * @example
 * import { matrixFromRows } from '@satlab/stats';
 * const R = matrixFromRows([[1, 0.6, 0.5, 0.1], [0.6, 1, 0.55, 0.05], [0.5, 0.55, 1, 0.1], [0.1, 0.05, 0.1, 1]]);
 * parallelAnalysis(R, 300, { seed: 1 }).suggestedComponents; //=> 1
 */
export function parallelAnalysis(r: Matrix, n: number, options: ParallelAnalysisOptions = {}): ParallelAnalysisResult {
  if (!r || !(r.data instanceof Float64Array) || r.rows !== r.cols) throw new TypeError('parallelAnalysis(r): expected a square correlation Matrix');
  const p = r.rows;
  if (!Number.isInteger(n) || n <= p) throw new RangeError(`parallelAnalysis(n): expected an integer number of respondents > ${p}, got ${n}`);
  const iterations = options.iterations ?? 50;
  if (!Number.isInteger(iterations) || iterations < 1) throw new RangeError(`parallelAnalysis(options.iterations): expected a positive integer, got ${iterations}`);
  const seed = options.seed ?? 1;
  const quantile = options.quantile ?? 0.95;
  if (!(quantile > 0 && quantile < 1)) throw new RangeError(`parallelAnalysis(options.quantile): expected a number in (0, 1), got ${quantile}`);
  const reduced = (R: Matrix): Float64Array => {
    const s = smc(R);
    const S: Matrix = { rows: p, cols: p, data: Float64Array.from(R.data) };
    for (let i = 0; i < p; i++) S.data[i + i * p] = s[i];
    return symmetricEigen(S).values;
  };
  const observed = symmetricEigen(r).values;
  const observedReduced = reduced(r);
  const g = rng(seed);
  const sims = Array.from({ length: p }, () => new Float64Array(iterations));
  const simsR = Array.from({ length: p }, () => new Float64Array(iterations));
  const w = new Float64Array(n).fill(1);
  const cols = Array.from({ length: p }, () => new Float64Array(n));
  for (let it = 0; it < iterations; it++) {
    for (let j = 0; j < p; j++) for (let i = 0; i < n; i++) cols[j][i] = g.normal();
    const R = weightedMoments(cols, w).correlation;
    const ev = symmetricEigen(R).values;
    const evr = reduced(R);
    for (let j = 0; j < p; j++) {
      sims[j][it] = ev[j];
      simsR[j][it] = evr[j];
    }
  }
  const mean = (a: Float64Array): number => a.reduce((s, v) => s + v, 0) / a.length;
  const q = (a: Float64Array): number => quantile7(Float64Array.from(a).sort(), quantile);
  const simulatedMean = sims.map(mean);
  const simulatedQuantile = sims.map(q);
  const simulatedReducedMean = simsR.map(mean);
  const simulatedReducedQuantile = simsR.map(q);
  const leading = (obs: Float64Array, ref: number[]): number => {
    let k = 0;
    while (k < p && obs[k] > ref[k]) k++;
    return k;
  };
  return {
    method: `parallel analysis (Horn 1965): ${iterations} simulated normal data sets of ${n} × ${p}, ${Math.round(quantile * 100)}th percentile (R type 7)`,
    iterations,
    seed,
    quantile,
    observed: Array.from(observed),
    simulatedMean,
    simulatedQuantile,
    observedReduced: Array.from(observedReduced),
    simulatedReducedMean,
    simulatedReducedQuantile,
    suggestedComponents: leading(observed, simulatedQuantile),
    suggestedFactors: leading(observedReduced, simulatedReducedQuantile),
  };
}

import { describe, expect, it } from 'vitest';
import { matrixFromRows, rng, symmetricEigen } from '@satlab/stats';
import type { Matrix } from '@satlab/stats';
import { parallelAnalysis } from '@satlab/drivers';

// Pinning tests of parallelAnalysis (issue 18). The simulation is redone here by hand from its
// definition (Horn 1965, psych::fa.parallel): the seeded normal stream of @satlab/stats' rng, filled
// column by column; Pearson correlations; eigenvalues; squared multiple correlations
// 1 − 1/diag(R⁻¹) (psych::smc) on the diagonal for the reduced matrix; per rank the mean and R's
// type-7 quantile. Every call is made inside its `it` (docs/mutation.md).

const R4 = [
  [1, 0.6, 0.5, 0.1],
  [0.6, 1, 0.55, 0.05],
  [0.5, 0.55, 1, 0.1],
  [0.1, 0.05, 0.1, 1],
];

/** Gauss–Jordan inverse of a small matrix given as rows. */
function inv(a: number[][]): number[][] {
  const n = a.length;
  const m = a.map((r, i) => [...r, ...Array.from({ length: n }, (_, j) => (i === j ? 1 : 0))]);
  for (let c = 0; c < n; c++) {
    let piv = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[piv][c])) piv = r;
    [m[c], m[piv]] = [m[piv], m[c]];
    const d = m[c][c];
    for (let j = 0; j < 2 * n; j++) m[c][j] /= d;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r][c];
      for (let j = 0; j < 2 * n; j++) m[r][j] -= f * m[c][j];
    }
  }
  return m.map((r) => r.slice(n));
}
const eig = (a: number[][]): number[] => Array.from(symmetricEigen(matrixFromRows(a)).values);
const reducedEig = (a: number[][]): number[] => {
  const q = inv(a);
  return eig(a.map((r, i) => r.map((v, j) => (i === j ? Math.min(1, Math.max(0, 1 - 1 / q[i][i])) : v))));
};
function corr(cols: number[][]): number[][] {
  const n = cols[0].length;
  const d = cols.map((c) => {
    const m = c.reduce((s, v) => s + v, 0) / n;
    return c.map((v) => v - m);
  });
  return d.map((x, i) => d.map((y, j) => (i === j ? 1 : x.reduce((s, v, t) => s + v * y[t], 0) / Math.sqrt(x.reduce((s, v) => s + v * v, 0) * y.reduce((s, v) => s + v * v, 0)))));
}
/** R's quantile(x, prob, type = 7). */
function q7(x: number[], prob: number): number {
  const s = x.slice().sort((a, b) => a - b);
  const h = (s.length - 1) * prob;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, s.length - 1);
  return s[lo] + (h - lo) * (s[hi] - s[lo]);
}
function simulate(p: number, n: number, iterations: number, seed: number, prob: number): { mean: number[]; quant: number[]; meanR: number[]; quantR: number[] } {
  const g = rng(seed);
  const ev: number[][] = Array.from({ length: p }, () => []);
  const evr: number[][] = Array.from({ length: p }, () => []);
  for (let it = 0; it < iterations; it++) {
    const cols = Array.from({ length: p }, () => Array.from({ length: n }, () => g.normal()));
    const R = corr(cols);
    eig(R).forEach((v, j) => ev[j].push(v));
    reducedEig(R).forEach((v, j) => evr[j].push(v));
  }
  const mean = (a: number[]): number => a.reduce((s, v) => s + v, 0) / a.length;
  return { mean: ev.map(mean), quant: ev.map((a) => q7(a, prob)), meanR: evr.map(mean), quantR: evr.map((a) => q7(a, prob)) };
}
const close = (a: number[], b: number[], tol = 1e-10): void => {
  expect(a).toHaveLength(b.length);
  a.forEach((v, i) => expect(Math.abs(v - b[i])).toBeLessThan(tol));
};

describe('parallelAnalysis', () => {
  it('7 data sets of 40 × 4, seed 11, 90th percentile: every simulated mean and quantile, observed eigenvalues, suggestions', () => {
    const r = parallelAnalysis(matrixFromRows(R4), 40, { iterations: 7, seed: 11, quantile: 0.9 });
    const ref = simulate(4, 40, 7, 11, 0.9);
    close(r.simulatedMean, ref.mean);
    close(r.simulatedQuantile, ref.quant);
    close(r.simulatedReducedMean, ref.meanR);
    close(r.simulatedReducedQuantile, ref.quantR);
    close(r.observed, eig(R4), 1e-13);
    close(r.observedReduced, reducedEig(R4), 1e-12);
    let nc = 0;
    while (nc < 4 && r.observed[nc] > ref.quant[nc]) nc++;
    let nf = 0;
    while (nf < 4 && r.observedReduced[nf] > ref.quantR[nf]) nf++;
    expect(r.suggestedComponents).toBe(nc);
    expect(r.suggestedFactors).toBe(nf);
    expect(r.suggestedComponents).toBe(1);
    expect(r.iterations).toBe(7);
    expect(r.seed).toBe(11);
    expect(r.quantile).toBe(0.9);
    expect(r.method).toBe('parallel analysis (Horn 1965): 7 simulated normal data sets of 40 × 4, 90th percentile (R type 7)');
  });

  it('defaults: 50 data sets, seed 1, 95th percentile', () => {
    const R3 = [
      [1, 0.3, 0.2],
      [0.3, 1, 0.25],
      [0.2, 0.25, 1],
    ];
    const r = parallelAnalysis(matrixFromRows(R3), 12);
    const ref = simulate(3, 12, 50, 1, 0.95);
    close(r.simulatedMean, ref.mean);
    close(r.simulatedQuantile, ref.quant);
    close(r.simulatedReducedMean, ref.meanR);
    close(r.simulatedReducedQuantile, ref.quantR);
    expect(r.iterations).toBe(50);
    expect(r.seed).toBe(1);
    expect(r.quantile).toBe(0.95);
    expect(r.method).toBe('parallel analysis (Horn 1965): 50 simulated normal data sets of 12 × 3, 95th percentile (R type 7)');
  });

  it('one data set: the quantile is that data set’s eigenvalue, equal to the mean', () => {
    const r = parallelAnalysis(matrixFromRows(R4), 5, { iterations: 1, seed: 3, quantile: 0.5 });
    const ref = simulate(4, 5, 1, 3, 0.5);
    close(r.simulatedMean, ref.mean);
    expect(r.simulatedQuantile).toEqual(r.simulatedMean);
    expect(r.simulatedReducedQuantile).toEqual(r.simulatedReducedMean);
  });

  it('strong structure: every leading eigenvalue above its reference is counted; an identity matrix suggests none', () => {
    const strong = [
      [1, 0.8, 0.7, 0, 0, 0],
      [0.8, 1, 0.75, 0, 0, 0],
      [0.7, 0.75, 1, 0, 0, 0],
      [0, 0, 0, 1, 0.8, 0.7],
      [0, 0, 0, 0.8, 1, 0.75],
      [0, 0, 0, 0.7, 0.75, 1],
    ];
    const r = parallelAnalysis(matrixFromRows(strong), 200, { iterations: 10, seed: 5 });
    // hand: two blocks with eigenvalues 1 + 2·(≈0.75) ≈ 2.5 each, far above the null's ≈ 1.2
    expect(r.suggestedComponents).toBe(2);
    expect(r.suggestedFactors).toBe(2);
    const id = parallelAnalysis(matrixFromRows([[1, 0, 0], [0, 1, 0], [0, 0, 1]]), 50, { iterations: 10, seed: 5 });
    expect(id.observed).toEqual([1, 1, 1]);
    expect(id.suggestedComponents).toBe(0);
    expect(id.suggestedFactors).toBe(0);
  });

  it('the same seed gives the same result; another seed another', () => {
    const a = parallelAnalysis(matrixFromRows(R4), 30, { iterations: 4, seed: 9 });
    const b = parallelAnalysis(matrixFromRows(R4), 30, { iterations: 4, seed: 9 });
    const c = parallelAnalysis(matrixFromRows(R4), 30, { iterations: 4, seed: 10 });
    expect(b.simulatedQuantile).toEqual(a.simulatedQuantile);
    expect(c.simulatedMean[0]).not.toBe(a.simulatedMean[0]);
  });

  it('errors: not a square Matrix → TypeError; n, iterations, quantile out of range → RangeError with the value', () => {
    const R = matrixFromRows(R4);
    const sq = /^parallelAnalysis\(r\): expected a square correlation Matrix$/;
    expect(() => parallelAnalysis(null as unknown as Matrix, 10)).toThrow(TypeError);
    expect(() => parallelAnalysis(null as unknown as Matrix, 10)).toThrow(sq);
    expect(() => parallelAnalysis({ rows: 2, cols: 2, data: [1, 0, 0, 1] } as unknown as Matrix, 10)).toThrow(sq);
    expect(() => parallelAnalysis({ rows: 2, cols: 3, data: new Float64Array(6) }, 10)).toThrow(sq);
    expect(() => parallelAnalysis(R, 4)).toThrow(RangeError);
    expect(() => parallelAnalysis(R, 4)).toThrow(/^parallelAnalysis\(n\): expected an integer number of respondents > 4, got 4$/);
    expect(() => parallelAnalysis(R, 10.5)).toThrow(/^parallelAnalysis\(n\): expected an integer number of respondents > 4, got 10\.5$/);
    expect(parallelAnalysis(R, 5, { iterations: 1 }).iterations).toBe(1);
    expect(() => parallelAnalysis(R, 10, { iterations: 0 })).toThrow(/^parallelAnalysis\(options\.iterations\): expected a positive integer, got 0$/);
    expect(() => parallelAnalysis(R, 10, { iterations: 2.5 })).toThrow(/^parallelAnalysis\(options\.iterations\): expected a positive integer, got 2\.5$/);
    expect(() => parallelAnalysis(R, 10, { quantile: 0 })).toThrow(/^parallelAnalysis\(options\.quantile\): expected a number in \(0, 1\), got 0$/);
    expect(() => parallelAnalysis(R, 10, { quantile: 1 })).toThrow(/^parallelAnalysis\(options\.quantile\): expected a number in \(0, 1\), got 1$/);
    expect(() => parallelAnalysis(R, 10, { quantile: NaN })).toThrow(/got NaN$/);
  });
});

import type { Matrix } from '@satlab/stats';
import { qr, qrCoef } from '@satlab/stats';
import { inverse, mul, transpose, zeros } from './internal/matrixOps.js';
import { varimax } from './varimax.js';
import type { RotationResult } from './varimax.js';

/** Options of {@link promax}. */
export interface PromaxOptions {
  /** Power of the target (default 4, as stats::promax and psych). */
  m?: number;
  /**
   * Kaiser normalization: `'varimax'` (default) normalizes rows only inside the varimax step, as
   * `stats::promax` (psych::principal(rotate = "promax")); `'full'` normalizes rows by √h² before
   * the whole promax and scales back after, as `psych::kaiser(f, rotate = "Promax")`
   * (psych::fa(rotate = "promax")).
   */
  normalize?: 'varimax' | 'full';
}

/**
 * Promax oblique rotation (Hendrickson & White 1964), as R's `stats::promax`: varimax first
 * (Kaiser-normalized), target Q = x·|x|^(m−1), U = least-squares regression of Q on x (QR),
 * columns of U rescaled so that the factors have unit variance (U ← U·diag(√diag((UᵀU)⁻¹))),
 * loadings = x·U, rotation matrix = T_varimax·U, factor correlations Φ = U⁻¹U⁻ᵀ.
 *
 * @param loadings items × factors loadings (k ≥ 2).
 * @param options see {@link PromaxOptions}.
 * @throws {TypeError} when `loadings` is not a Matrix.
 * @see R: `stats::promax(x, m = 4)`; `psych::kaiser(f, rotate = "Promax")`.
 * @example
 * import { matrixFromRows, matrixToRows } from '@satlab/stats';
 * matrixToRows(promax(matrixFromRows([[0.8, 0.3], [0.7, 0.4], [0.3, 0.8], [0.2, 0.7]])).phi);
 * //=> [[1, 0.654062…], [0.654062…, 1]] (factor correlations)
 */
export function promax(loadings: Matrix, options: PromaxOptions = {}): RotationResult {
  if (!loadings || !(loadings.data instanceof Float64Array)) throw new TypeError('promax(loadings): expected a Matrix');
  const m = options.m ?? 4;
  const mode = options.normalize ?? 'varimax';
  if (mode !== 'varimax' && mode !== 'full') throw new RangeError(`promax(options.normalize): expected 'varimax' or 'full', got ${String(mode)}`);
  const p = loadings.rows;
  const k = loadings.cols;
  let input = loadings;
  const h = new Float64Array(p);
  if (mode === 'full') {
    input = { rows: p, cols: k, data: Float64Array.from(loadings.data) };
    for (let i = 0; i < p; i++) {
      let s = 0;
      for (let j = 0; j < k; j++) s += loadings.data[i + j * p] ** 2;
      h[i] = Math.sqrt(s);
      for (let j = 0; j < k; j++) input.data[i + j * p] /= h[i];
    }
  }
  const vm = varimax(input);
  if (k < 2) return vm;
  const x = vm.loadings;
  const q = qr(x);
  const U = zeros(k, k);
  for (let j = 0; j < k; j++) {
    const target = new Float64Array(p);
    for (let i = 0; i < p; i++) {
      const v = x.data[i + j * p];
      target[i] = v * Math.abs(v) ** (m - 1);
    }
    U.data.set(qrCoef(q, target), j * k);
  }
  const utuInv = inverse(mul(transpose(U), U));
  for (let j = 0; j < k; j++) {
    const s = Math.sqrt(utuInv.data[j + j * k]);
    for (let i = 0; i < k; i++) U.data[i + j * k] *= s;
  }
  const z = mul(x, U);
  const rot = mul(vm.rotmat, U);
  const ui = inverse(rot);
  const phi = mul(ui, transpose(ui));
  // cov2cor (psych::principal does; a no-op up to rounding since diag(Φ) = 1)
  const dg = Float64Array.from({ length: k }, (_, i) => Math.sqrt(phi.data[i + i * k]));
  for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) phi.data[a + b * k] /= dg[a] * dg[b];
  if (mode === 'full') for (let j = 0; j < k; j++) for (let i = 0; i < p; i++) z.data[i + j * p] *= h[i];
  return { loadings: z, rotmat: rot, phi, iterations: vm.iterations, converged: vm.converged };
}

import type { Matrix } from '@satlab/stats';

/**
 * Singular value decomposition of a small square matrix by one-sided Jacobi rotations
 * (Hestenes 1958; accurate to rounding, used for the k × k matrices of factor rotation).
 * Returns U, singular values d (not sorted) and V with a = U diag(d) Vᵀ.
 */
export function svdSmall(a: Matrix): { u: Matrix; d: Float64Array; v: Matrix } {
  const n = a.cols;
  const m = a.rows;
  const u = Float64Array.from(a.data);
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i + i * n] = 1;
  for (let sweep = 0; sweep < 60; sweep++) {
    let off = 0;
    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) {
        let alpha = 0;
        let beta = 0;
        let gamma = 0;
        for (let i = 0; i < m; i++) {
          const up = u[i + p * m];
          const uq = u[i + q * m];
          alpha += up * up;
          beta += uq * uq;
          gamma += up * uq;
        }
        if (gamma === 0) continue;
        const c0 = Math.abs(gamma) / Math.sqrt(alpha * beta);
        if (c0 > off) off = c0;
        if (c0 < 1e-15) continue;
        const zeta = (beta - alpha) / (2 * gamma);
        const t = Math.sign(zeta || 1) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
        const c = 1 / Math.sqrt(1 + t * t);
        const s = c * t;
        for (let i = 0; i < m; i++) {
          const up = u[i + p * m];
          const uq = u[i + q * m];
          u[i + p * m] = c * up - s * uq;
          u[i + q * m] = s * up + c * uq;
        }
        for (let i = 0; i < n; i++) {
          const vp = v[i + p * n];
          const vq = v[i + q * n];
          v[i + p * n] = c * vp - s * vq;
          v[i + q * n] = s * vp + c * vq;
        }
      }
    }
    if (off < 1e-15) break;
  }
  const d = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    let s = 0;
    for (let i = 0; i < m; i++) s += u[i + j * m] * u[i + j * m];
    d[j] = Math.sqrt(s);
    if (d[j] > 0) for (let i = 0; i < m; i++) u[i + j * m] /= d[j];
  }
  return { u: { rows: m, cols: n, data: u }, d, v: { rows: n, cols: n, data: v } };
}

import { describe, expect, it } from 'vitest';
import { matrixFromRows } from '@satlab/stats';
import type { Matrix } from '@satlab/stats';
import { svdSmall } from '../src/internal/svdSmall.js';

// Pinning tests of the one-sided Jacobi SVD used by the rotations (issue 18). References: numpy
// (np.linalg.svd(A, compute_uv = False)) and hand computations. Calls are made inside each `it`.

const at = (m: Matrix, i: number, j: number): number => m.data[i + j * m.rows];

/** max |UᵀU − I|, max |VᵀV − I| and max |U diag(d) Vᵀ − A|. */
function check(a: Matrix): { orthU: number; orthV: number; recon: number; d: number[] } {
  const { u, d, v } = svdSmall(a);
  const n = a.cols;
  const m = a.rows;
  let orthU = 0;
  let orthV = 0;
  let recon = 0;
  for (let p = 0; p < n; p++) {
    for (let q = 0; q < n; q++) {
      let su = 0;
      let sv = 0;
      for (let i = 0; i < m; i++) su += at(u, i, p) * at(u, i, q);
      for (let i = 0; i < n; i++) sv += at(v, i, p) * at(v, i, q);
      orthU = Math.max(orthU, Math.abs(su - (p === q ? 1 : 0)));
      orthV = Math.max(orthV, Math.abs(sv - (p === q ? 1 : 0)));
    }
  }
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let t = 0; t < n; t++) s += at(u, i, t) * d[t] * at(v, j, t);
      recon = Math.max(recon, Math.abs(s - at(a, i, j)));
    }
  }
  expect(u.rows).toBe(m);
  expect(u.cols).toBe(n);
  expect(v.rows).toBe(n);
  expect(v.cols).toBe(n);
  expect(d).toHaveLength(n);
  return { orthU, orthV, recon, d: Array.from(d) };
}

describe('svdSmall (one-sided Jacobi)', () => {
  it('2 × 2 symmetric [[3, 1], [1, 2]]: singular values (5 ± √5)/2, orthogonal factors', () => {
    const r = check(matrixFromRows([[3, 1], [1, 2]]));
    // hand: eigenvalues of a positive definite symmetric matrix = singular values = (5 ± √5)/2
    const ref = [(5 + Math.sqrt(5)) / 2, (5 - Math.sqrt(5)) / 2];
    expect(r.d.slice().sort((x, y) => y - x).map((v, i) => Math.abs(v - ref[i]) / ref[i]).every((e) => e < 1e-13)).toBe(true);
    expect(r.orthU).toBeLessThan(1e-13);
    expect(r.orthV).toBeLessThan(1e-13);
    expect(r.recon).toBeLessThan(1e-13);
  });

  it('equal column norms (ζ = 0): [[2, 1], [1, 2]] still rotates, singular values 3 and 1', () => {
    const r = check(matrixFromRows([[2, 1], [1, 2]]));
    // hand: eigenvalues 3 and 1 (positive definite, so also the singular values)
    const s = r.d.slice().sort((x, y) => y - x);
    expect(Math.abs(s[0] - 3)).toBeLessThan(1e-13);
    expect(Math.abs(s[1] - 1)).toBeLessThan(1e-13);
    expect(r.orthU).toBeLessThan(1e-13);
    expect(r.orthV).toBeLessThan(1e-13);
    expect(r.recon).toBeLessThan(1e-13);
  });

  it('3 × 3 general matrix: numpy singular values, orthogonal U and V, A = U diag(d) Vᵀ', () => {
    const r = check(matrixFromRows([[2, -1, 0.5], [0.3, 4, 1], [-1, 0.2, 1.5]]));
    // numpy: np.linalg.svd([[2,-1,0.5],[0.3,4,1],[-1,0.2,1.5]], compute_uv=False)
    const ref = [4.25595465, 2.23870868, 1.58272976];
    const s = r.d.slice().sort((x, y) => y - x);
    s.forEach((v, i) => expect(Math.abs(v - ref[i])).toBeLessThan(1e-8));
    expect(r.orthU).toBeLessThan(1e-13);
    expect(r.orthV).toBeLessThan(1e-13);
    expect(r.recon).toBeLessThan(1e-13);
  });

  it('4 × 3 (more rows than columns): numpy singular values', () => {
    const r = check(matrixFromRows([[1, 2, 0], [0, 1, 3], [4, 0, 1], [1, 1, 1]]));
    // numpy: np.linalg.svd([[1,2,0],[0,1,3],[4,0,1],[1,1,1]], compute_uv=False)
    const ref = [4.68072287, 3.05149026, 1.94402691];
    const s = r.d.slice().sort((x, y) => y - x);
    s.forEach((v, i) => expect(Math.abs(v - ref[i])).toBeLessThan(1e-8));
    expect(r.orthU).toBeLessThan(1e-13);
    expect(r.orthV).toBeLessThan(1e-13);
    expect(r.recon).toBeLessThan(1e-13);
  });

  it('orthogonal columns: no rotation, d = column norms in column order (not sorted), V = I', () => {
    const { u, d, v } = svdSmall(matrixFromRows([[2, 0], [0, -3]]));
    expect(Array.from(d)).toEqual([2, 3]);
    expect(Array.from(u.data)).toEqual([1, 0, 0, -1]);
    expect(Array.from(v.data)).toEqual([1, 0, 0, 1]);
  });

  it('a zero column: its singular value is 0 and its U column stays 0 (no 0/0)', () => {
    const { u, d, v } = svdSmall(matrixFromRows([[1, 0], [2, 0]]));
    expect(Math.abs(d[0] - Math.sqrt(5))).toBeLessThan(1e-15);
    expect(d[1]).toBe(0);
    expect(Math.abs(u.data[0] - 1 / Math.sqrt(5))).toBeLessThan(1e-15);
    expect(Math.abs(u.data[1] - 2 / Math.sqrt(5))).toBeLessThan(1e-15);
    expect(u.data[2]).toBe(0);
    expect(u.data[3]).toBe(0);
    expect(Array.from(v.data)).toEqual([1, 0, 0, 1]);
  });

  it('rank one [[1, 2], [2, 4]]: singular values 5 and ≈ 0 (numpy 1.99e-16)', () => {
    const r = check(matrixFromRows([[1, 2], [2, 4]]));
    const s = r.d.slice().sort((x, y) => y - x);
    expect(Math.abs(s[0] - 5)).toBeLessThan(1e-14);
    expect(s[1]).toBeLessThan(1e-14);
    expect(r.recon).toBeLessThan(1e-14);
    expect(r.orthV).toBeLessThan(1e-13);
  });

  it('the input matrix is left unchanged', () => {
    const a = matrixFromRows([[2, -1, 0.5], [0.3, 4, 1], [-1, 0.2, 1.5]]);
    const before = Array.from(a.data);
    svdSmall(a);
    expect(Array.from(a.data)).toEqual(before);
  });
});

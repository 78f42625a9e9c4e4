import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  cholesky, matrixFromRows, matrixToRows, qr, qrCoef, qrFitted, qrResiduals, qrUnscaledCovariance, solveSymmetric, symmetricEigen,
} from '@satlab/stats';
import type { Matrix } from '@satlab/stats';

// Fixtures: test/fixtures/linalg.json, produced by test/fixtures/make-linalg-fixtures.R (R 4.2.2).
const here = dirname(fileURLToPath(import.meta.url));
type Num = number | null;
interface QrCase { name: string; X: number[][]; y: number[]; qr: number[][]; qraux: number[]; pivot: number[]; rank: number; coef: Num[]; lmCoef: Num[]; fitted: number[]; resid: number[]; covUnscaled: Num[][] }
interface EigenRef { values: number[]; vectors: number[][] }
const fx = JSON.parse(readFileSync(join(here, 'fixtures/linalg.json'), 'utf8')) as {
  qr: QrCase[];
  lmAliased: { coef: Num[]; names: string[]; covUnscaled: number[][]; covNames: string[] };
  spd: { S: number[][]; b: number[]; chol: number[][]; solve: number[]; eigenS: EigenRef; C: number[][]; eigenC: EigenRef; T: number[][]; eigenT: EigenRef };
};

const nan = (v: Num): number => (v === null ? NaN : v);
/** max |a − b| / max(1, |b|); NaN must match NaN. */
function maxRelDiff(a: ArrayLike<number>, b: ArrayLike<Num>): number {
  expect(a.length).toBe(b.length);
  let m = 0;
  for (let i = 0; i < a.length; i++) {
    const r = nan(b[i]);
    if (Number.isNaN(r)) {
      expect(Number.isNaN(a[i]), `index ${i}: expected NaN, got ${a[i]}`).toBe(true);
      continue;
    }
    m = Math.max(m, Math.abs(a[i] - r) / Math.max(1, Math.abs(r)));
  }
  return m;
}
const flat = (rows: Num[][]): Num[] => rows.flat();

describe('qr (LINPACK dqrdc2 port) matches R qr()', () => {
  for (const c of fx.qr) {
    it(`${c.name}: compact QR, qraux, pivot and rank equal R's to 1e-12`, () => {
      const q = qr(matrixFromRows(c.X));
      expect(q.rank).toBe(c.rank);
      expect(Array.from(q.pivot)).toEqual(c.pivot);
      // Compared where it is determined: the first `rank` columns (R and the Householder vectors)
      // and the first `rank` rows of the aliased columns. Below row `rank`, an aliased column holds
      // rounding noise (~1e-16) that both programs normalise into arbitrary O(1) values.
      const mine = matrixToRows(q.qr);
      const keep = (i: number, j: number): boolean => j < c.rank || i < c.rank;
      const a: number[] = [];
      const b: Num[] = [];
      mine.forEach((row, i) => row.forEach((v, j) => { if (keep(i, j)) { a.push(v); b.push(c.qr[i][j]); } }));
      expect(maxRelDiff(a, b)).toBeLessThan(1e-12);
      expect(maxRelDiff(q.qraux.subarray(0, c.rank), c.qraux.slice(0, c.rank))).toBeLessThan(1e-12);
    });
    it(`${c.name}: coefficients (NaN where R gives NA), fitted values, residuals and (X'X)^-1 equal R's to 1e-10`, () => {
      const q = qr(matrixFromRows(c.X));
      expect(maxRelDiff(qrCoef(q, c.y), c.coef)).toBeLessThan(1e-10);
      expect(maxRelDiff(qrCoef(q, c.y), c.lmCoef)).toBeLessThan(1e-10);
      expect(maxRelDiff(qrFitted(q, c.y), c.fitted)).toBeLessThan(1e-12);
      expect(maxRelDiff(qrResiduals(q, Float64Array.from(c.y)), c.resid)).toBeLessThan(1e-12);
      expect(maxRelDiff(qrUnscaledCovariance(q).data, flat(transpose(c.covUnscaled)))).toBeLessThan(1e-10);
    });
  }

  it('lm() on a design with an aliased term: NA for the aliased coefficient, cov.unscaled of the others', () => {
    const c = fx.qr[1];
    // lm(y ~ a + ab + b + c5) is the first five columns of case 2.
    const X = matrixFromRows(c.X.map((r) => r.slice(0, 5)));
    const q = qr(X);
    expect(q.rank).toBe(4);
    expect(Array.from(q.pivot)).toEqual([0, 1, 2, 4, 3]);
    const b = qrCoef(q, c.y);
    expect(maxRelDiff(b, fx.lmAliased.coef)).toBeLessThan(1e-10);
    const cov = qrUnscaledCovariance(q);
    const keep = [0, 1, 2, 4]; // lm's cov.unscaled drops the aliased "b"
    const sub = keep.map((i) => keep.map((j) => cov.data[i + j * 5]));
    expect(maxRelDiff(sub.flat(), fx.lmAliased.covUnscaled.flat())).toBeLessThan(1e-10);
  });

  it('rejects NaN in x and a wrong-length y with RangeError naming the function', () => {
    expect(() => qr(matrixFromRows([[1, NaN], [1, 2]]))).toThrow(/qr\(x\): non-finite/);
    const q = qr(matrixFromRows([[1, 0], [1, 1], [1, 2]]));
    expect(() => qrCoef(q, [1, 2])).toThrow(RangeError);
    expect(() => qrCoef(q, [1, 2])).toThrow(/qrCoef\(y\)/);
  });
});

function transpose(rows: Num[][]): Num[][] {
  return rows[0].map((_, j) => rows.map((r) => r[j]));
}
function colMajor(rows: number[][]): number[] {
  return flat(transpose(rows)) as number[];
}

describe('cholesky, solveSymmetric match R chol() and solve()', () => {
  it('lower Cholesky factor equals t(chol(S)) to 1e-12', () => {
    const L = cholesky(matrixFromRows(fx.spd.S));
    expect(maxRelDiff(L.data, colMajor(fx.spd.chol))).toBeLessThan(1e-12);
  });
  it('solveSymmetric(S, b) equals solve(S, b) to 1e-10', () => {
    expect(maxRelDiff(solveSymmetric(matrixFromRows(fx.spd.S), fx.spd.b), fx.spd.solve)).toBeLessThan(1e-10);
  });
  it('throws RangeError on a matrix that is not positive definite', () => {
    expect(() => cholesky(matrixFromRows([[1, 2], [2, 1]]))).toThrow(/not positive definite/);
  });
});

describe('symmetricEigen matches R eigen(symmetric = TRUE) up to eigenvector sign', () => {
  const cases: [string, number[][], EigenRef][] = [
    ['S (6 × 6 SPD)', fx.spd.S, fx.spd.eigenS],
    ['C (8 × 8 correlation)', fx.spd.C, fx.spd.eigenC],
    ['T (4 × 4 tridiagonal)', fx.spd.T, fx.spd.eigenT],
  ];
  for (const [name, A, ref] of cases) {
    it(`${name}: values descending to 1e-12, vectors to 1e-10 after sign alignment, largest component positive`, () => {
      const e = symmetricEigen(matrixFromRows(A));
      expect(maxRelDiff(e.values, ref.values)).toBeLessThan(1e-12);
      const n = A.length;
      for (let j = 0; j < n; j++) {
        const mine = Array.from(e.vectors.data.subarray(j * n, (j + 1) * n));
        const theirs = ref.vectors.map((r) => r[j]);
        const dotp = mine.reduce((s, v, i) => s + v * theirs[i], 0);
        const sgn = dotp < 0 ? -1 : 1;
        expect(maxRelDiff(mine.map((v) => sgn * v), theirs)).toBeLessThan(1e-10);
        // sign convention: the first component of (near-)largest magnitude is positive
        const maxAbs = Math.max(...mine.map(Math.abs));
        const big = mine.findIndex((v) => Math.abs(v) >= maxAbs * (1 - 1e-10));
        expect(mine[big]).toBeGreaterThan(0);
      }
      // reconstruction A = V diag(d) V'
      const V: Matrix = e.vectors;
      let err = 0;
      for (let i = 0; i < n; i++) for (let k = 0; k < n; k++) {
        let s = 0;
        for (let j = 0; j < n; j++) s += V.data[i + j * n] * e.values[j] * V.data[k + j * n];
        err = Math.max(err, Math.abs(s - A[i][k]));
      }
      expect(err).toBeLessThan(1e-12 * Math.max(1, Math.abs(e.values[0])));
    });
  }
});

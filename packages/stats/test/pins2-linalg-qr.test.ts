// Pinning tests of the QR port (LINPACK dqrdc2 with R's limited pivoting) and its readers on the
// shapes the fixture cases of linalg.test.ts leave out: a zero column (moved to the end, or kept
// with tol = 0, where the reflection of that column is skipped), a nearly dependent column whose
// norm must be recomputed rather than downdated (rank 2 at tol = 1e-10), several aliased columns
// kept in their order, a wide matrix, one row, a negative leading element, a square matrix (the
// last reflection is not applied). Reference values: R 4.2.2, qr(X, tol), qr.coef, qr.fitted,
// qr.resid and chol2inv(qr$qr[1:rank, 1:rank]), the calls quoted above each case.
import { describe, expect, it } from 'vitest';
import { near } from './pins-helpers.js';
import { matrixFromRows, matrixToRows, qr, qrCoef, qrFitted, qrResiduals, qrUnscaledCovariance } from '@satlab/stats';

const close = near(1e-12);
const closeAll = (a: ArrayLike<number>, b: readonly number[], tol = 1e-12): void => {
  expect(a.length).toBe(b.length);
  for (let i = 0; i < b.length; i++) {
    if (Number.isNaN(b[i])) expect(a[i], `index ${i}`).toBeNaN();
    else close(a[i], b[i], tol);
  }
};
/** Compares the compact QR where it is determined: columns < rank, and rows < rank of the others. */
const closeQr = (got: number[][], want: number[][], rank: number, tol = 1e-12): void => {
  expect(got.length).toBe(want.length);
  got.forEach((row, i) => row.forEach((v, j) => { if (j < rank || i < rank) close(v, want[i][j], tol); }));
};
/** Unscaled covariance in the original column order from R's pivoted chol2inv; NaN for aliased columns. */
const unpivot = (cov: number[][], pivot: number[], p: number): number[] => {
  const out = new Array<number>(p * p).fill(NaN);
  cov.forEach((row, i) => row.forEach((v, j) => { out[pivot[i] + pivot[j] * p] = v; }));
  return out;
};

describe('qr: a zero column', () => {
  // R: X <- cbind(1, 0, 1:4); y <- c(1.5, 2.1, 3.9, 4.2)
  const X = [[1, 0, 1], [1, 0, 2], [1, 0, 3], [1, 0, 4]];
  const y = [1.5, 2.1, 3.9, 4.2];
  it('is judged dependent and moved to the end at the default tol: qr(X) rank 2, pivot 1 3 2', () => {
    const q = qr(matrixFromRows(X));
    expect(q.rank).toBe(2);
    expect(Array.from(q.pivot)).toEqual([0, 2, 1]);
    expect(q.pivot).toBeInstanceOf(Int32Array);
    closeQr(matrixToRows(q.qr), [[-2, -5, 0], [0.5, -2.2360679774997898, 0], [0.5, 0.44721359549995793, 0], [0.5, 0.89442719099991586, 0]], 2);
    closeAll(q.qraux.subarray(0, 2), [1.5, 1.0]);
    closeAll(qrCoef(q, y), [0.44999999999999973, NaN, 0.9900000000000001]);
    closeAll(qrFitted(q, y), [1.4399999999999977, 2.4299999999999993, 3.4199999999999995, 4.41]);
    closeAll(qrResiduals(q, y), [0.059999999999999859, -0.329999999999999738, 0.479999999999999927, -0.21000000000000002]);
    // chol2inv(qr(X)$qr[1:2, 1:2]) = [[1.5, -0.5], [-0.5, 0.2]] for columns 1 and 3
    closeAll(qrUnscaledCovariance(q).data, unpivot([[1.5000000000000002, -0.5], [-0.5, 0.19999999999999998]], [0, 2, 1], 3));
  });
  it('is kept with tol = 0 (rank 3, qraux 0 for it) and its reflection is skipped: qr.fitted and qr.resid as R', () => {
    const q = qr(matrixFromRows(X), 0);
    expect(q.rank).toBe(3);
    expect(Array.from(q.pivot)).toEqual([0, 1, 2]);
    closeQr(matrixToRows(q.qr), [[-2, 0, -5], [0.5, 0, 0], [0.5, 0, -2.2360679774997898], [0.5, 0, 0.89442719099991586]], 3);
    closeAll(q.qraux, [1.5, 0, 1.4472135954999579]);
    closeAll(qrFitted(q, y), [1.6149999999999984, 2.1383333333333332, 3.4783333333333331, 4.4683333333333337]);
    closeAll(qrResiduals(q, y), [-0.115000000000000047, -0.038333333333333351, 0.421666666666666856, -0.268333333333333424]);
  });
});

describe('qr: a nearly dependent column (remaining norm recomputed, not downdated)', () => {
  // R: X <- cbind(1, c(1, 1, 1, 1 + 1e-9)); y <- c(1.5, 2.1, 3.9, 4.2)
  const X = [[1, 1], [1, 1], [1, 1], [1, 1 + 1e-9]];
  const y = [1.5, 2.1, 3.9, 4.2];
  const qrRows = [[-2, -2.0000000005], [0.5, 8.6602547543970188e-10], [0.5, 0.19245008972987523], [0.5, -0.96225044864937626]];
  it('qr(X, tol = 1e-10): rank 2 (the second column keeps 4.3e-10 of its norm), fitted values interpolate the 4th point', () => {
    const q = qr(matrixFromRows(X), 1e-10);
    expect(q.rank).toBe(2);
    expect(Array.from(q.pivot)).toEqual([0, 1]);
    closeQr(matrixToRows(q.qr), qrRows, 2, 1e-6);
    close(q.qraux[0], 1.5);
    close(q.qraux[1], 1.1924500897298753, 1e-6);
    closeAll(qrFitted(q, y), [2.5, 2.5, 2.5, 4.2], 1e-6);
  });
  it('qr(X) at the default 1e-7: rank 1, the column aliased (NA coefficient), fitted at the mean 2.925', () => {
    const q = qr(matrixFromRows(X));
    expect(q.rank).toBe(1);
    expect(Array.from(q.pivot)).toEqual([0, 1]);
    closeAll(qrCoef(q, y), [2.9249999999999998, NaN]);
    closeAll(qrFitted(q, y), [2.925, 2.925, 2.925, 2.925]);
    closeAll(qrResiduals(q, y), [-1.42500000000000049, -0.82499999999999973, 0.97500000000000009, 1.27500000000000036]);
    const cov = qrUnscaledCovariance(q);
    close(cov.data[0], 0.25);
    expect(cov.data[1]).toBeNaN();
    expect(cov.data[2]).toBeNaN();
    expect(cov.data[3]).toBeNaN();
  });
});

describe('qr: several aliased columns keep their relative order at the end', () => {
  // R: x <- c(1, 2, 4, 7, 11); X <- cbind(1, x, 2 * x, x^2, 1 + x, 3); y <- c(2.2, 2.9, 5.1, 7.7, 12.4)
  it('qr(X): rank 3, pivot 1 2 4 3 5 6; coefficients NA for 2x, 1 + x and 3; covariance of the others', () => {
    const x = [1, 2, 4, 7, 11];
    const X = x.map((v) => [1, v, 2 * v, v * v, 1 + v, 3]);
    const y = [2.2, 2.9, 5.1, 7.7, 12.4];
    const q = qr(matrixFromRows(X));
    expect(q.rank).toBe(3);
    expect(Array.from(q.pivot)).toEqual([0, 1, 3, 2, 4, 5]);
    closeQr(matrixToRows(q.qr), [
      [-2.2360679774997898, -11.180339887498949, -85.4177967404919514, -22.3606797749978981, -13.4164078649987388, -6.7082039324993676],
      [0.44721359549995793, 8.1240384046359608, 97.488460855631516, 16.248076809271922, 8.1240384046359608, 4.8892612852851522e-16],
      [0.44721359549995793, -0.029057959322924643, 22.689204481426835, 0, 0, 0],
      [0.44721359549995793, -0.3983324322609228, 0.75104122858320543, 0, 0, 0],
      [0.44721359549995793, -0.89069839617825375, -0.27932011580167859, 0, 0, 0],
    ], 3, 1e-11);
    closeAll(q.qraux.subarray(0, 3), [1.4472135954999579, 1.2171250226357408, 1.5982619375129643]);
    closeAll(qrCoef(q, y), [1.360372960372961293, 0.80279720279720268, NaN, 0.017948717948717954, NaN, NaN], 1e-10);
    closeAll(qrFitted(q, y), [2.1811188811188789, 3.0377622377622364, 4.858741258741258, 7.859440559440559, 12.362937062937062]);
    closeAll(qrResiduals(q, y), [0.018881118881119187, -0.137762237762237783, 0.24125874125874075, -0.159440559440559126, 0.037062937062937], 1e-11);
    closeAll(qrUnscaledCovariance(q).data, unpivot([
      [1.501942501942501673, -0.583916083916083961, 0.042346542346542365],
      [-0.583916083916083961, 0.29487179487179499, -0.023310023310023326],
      [0.042346542346542365, -0.023310023310023326, 0.001942501942501944],
    ], [0, 1, 3], 6), 1e-10);
  });
});

describe('qr: wide, one-row, negative-leading and square matrices', () => {
  it('2 × 4: qr(rbind(c(1, 2, 3, 4), c(-2, 1, 0, 5))) rank 2, every element and qraux as R, coefficients −1, 1, NA, NA', () => {
    const q = qr(matrixFromRows([[1, 2, 3, 4], [-2, 1, 0, 5]]));
    expect(q.rank).toBe(2);
    expect(Array.from(q.pivot)).toEqual([0, 1, 2, 3]);
    closeQr(matrixToRows(q.qr), [
      [-2.2360679774997898, 0, -1.3416407864998732, 2.6832815729997481],
      [-0.89442719099991586, 2.23606797749978981, 2.68328157299974723, 5.81377674149945278],
    ], 2);
    closeAll(q.qraux, [1.4472135954999579, 2.2360679774997898, 2.6832815729997481, 5.8137767414994528]);
    closeAll(qrCoef(q, [1, 3]), [-1, 1, NaN, NaN]);
    closeAll(qrFitted(q, [1, 3]), [1, 3]);
    closeAll(qrResiduals(q, [1, 3]), [0, 0]);
    closeAll(qrUnscaledCovariance(q).data, unpivot([[0.2, 0], [0, 0.2]], [0, 1], 4));
  });
  it('1 × 2: qr(matrix(c(-3, 4), 1)) is left as it is (no reflection on the last row): qr [[-3, 4]], qraux 3, 4, rank 1', () => {
    const q = qr(matrixFromRows([[-3, 4]]));
    expect(q.rank).toBe(1);
    expect(matrixToRows(q.qr)).toEqual([[-3, 4]]);
    expect(Array.from(q.qraux)).toEqual([3, 4]);
    closeAll(qrCoef(q, [2]), [-2 / 3, NaN]);
    closeAll(qrFitted(q, [2]), [2]);
    closeAll(qrResiduals(q, [2]), [0]);
    closeAll(qrUnscaledCovariance(q).data, [1 / 9, NaN, NaN, NaN]);
  });
  it('3 × 2 with a negative leading element: qr(rbind(c(-3, 1), c(4, 2), c(0, -1))) has R[1, 1] = +5', () => {
    const q = qr(matrixFromRows([[-3, 1], [4, 2], [0, -1]]));
    closeQr(matrixToRows(q.qr), [[5, 1], [-0.80000000000000004, -2.23606797749978981], [0, -0.44721359549995793]], 2);
    closeAll(q.qraux, [1.6000000000000001, 1.8944271909999157]);
    closeAll(qrCoef(q, [1, 2, 3]), [0.16000000000000006, 0.19999999999999976]);
    closeAll(qrFitted(q, [1, 2, 3]), [-0.28000000000000047, 1.03999999999999959, -0.19999999999999976]);
    closeAll(qrResiduals(q, [1, 2, 3]), [1.28, 0.95999999999999985, 3.2000000000000002]);
    closeAll(qrUnscaledCovariance(q).data, [0.048000000000000008, -0.04, -0.04, 0.19999999999999998]);
  });
  it('3 × 3 full rank: qr.fitted is y and qr.resid exactly 0 (the third Householder vector, never formed, is not applied)', () => {
    const X = [[2, -1, 0], [1, 3, 1], [0, 1, 4]];
    const q = qr(matrixFromRows(X));
    expect(q.rank).toBe(3);
    closeQr(matrixToRows(q.qr), [
      [-2.23606797749978981, -0.44721359549995809, -0.44721359549995793],
      [0.44721359549995793, -3.28633534503099645, -2.06917410613062769],
      [0, 0.3042903097250923, 3.5381518506868126],
    ], 3);
    closeAll(q.qraux, [1.8944271909999157, 1.9525793444156805, 3.5381518506868121]);
    closeAll(qrCoef(q, [1, 2, 3]), [0.6153846153846152, 0.230769230769231, 0.69230769230769229]);
    closeAll(qrFitted(q, [1, 2, 3]), [1, 2, 3]);
    expect(Array.from(qrResiduals(q, [1, 2, 3]))).toEqual([0, 0, 0]);
    closeAll(qrUnscaledCovariance(q).data, [
      0.204142011834319514, -0.014792899408284032, -0.005917159763313605,
      -0.014792899408284032, 0.124260355029585823, -0.050295857988165701,
      -0.005917159763313605, -0.050295857988165701, 0.079881656804733733,
    ]);
  });
  it('0 rows: rank 0, identity pivot, coefficients NaN', () => {
    const q = qr({ rows: 0, cols: 2, data: new Float64Array(0) });
    expect(q.rank).toBe(0);
    expect(Array.from(q.pivot)).toEqual([0, 1]);
    closeAll(qrCoef(q, []), [NaN, NaN]);
    expect(qrFitted(q, []).length).toBe(0);
  });
  it('does not modify its input and returns new arrays', () => {
    const X = matrixFromRows([[1, 2], [3, 4], [5, 7]]);
    const copy = Array.from(X.data);
    const q = qr(X);
    expect(Array.from(X.data)).toEqual(copy);
    expect(q.qr.data).not.toBe(X.data);
    const y = Float64Array.of(1, 2, 3);
    qrFitted(q, y);
    qrResiduals(q, y);
    qrCoef(q, y);
    expect(Array.from(y)).toEqual([1, 2, 3]);
  });
});

describe('qr: the rank test is relative to each column’s own original norm, over min(n, p) columns', () => {
  it('a small but independent column is kept: qr(cbind(1, 1e-8 * c(1, 3, 2, 5)))$rank = 2, pivot 1 2 (R)', () => {
    const q = qr(matrixFromRows([1, 3, 2, 5].map((v) => [1, 1e-8 * v])));
    expect(q.rank).toBe(2);
    expect(Array.from(q.pivot)).toEqual([0, 1]);
  });
  it('after a large dependent column is moved to the end, the next column is judged by its own norm: qr(cbind(1, 1e6, 1e-3 * c(1, 3, 2, 5))) rank 2, pivot 1 3 2 (R)', () => {
    const q = qr(matrixFromRows([1, 3, 2, 5].map((v) => [1, 1e6, 1e-3 * v])));
    expect(q.rank).toBe(2);
    expect(Array.from(q.pivot)).toEqual([0, 2, 1]);
  });
  it('a wide matrix is not pivoted past its last row: qr(rbind(c(1, 0, 1, 1), c(0, 1, 0, 2))) rank 2, pivot 1 2 3 4 (R), though column 3 equals column 1', () => {
    const q = qr(matrixFromRows([[1, 0, 1, 1], [0, 1, 0, 2]]));
    expect(q.rank).toBe(2);
    expect(Array.from(q.pivot)).toEqual([0, 1, 2, 3]);
  });
});

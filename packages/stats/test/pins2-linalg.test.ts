// Pinning tests of the linear-algebra kernels (issue 18, third round): the argument checks and
// their exact messages (checkMatrix, checkSquare, checkFinite, the QR readers), matrixFromRows'
// row checks, the layout of matrixToRows, Cholesky and solveSymmetric on integer examples that
// are exact by hand, and symmetricEigen on small matrices whose eigen-decomposition is known in
// closed form (numpy.linalg.eigh for the one general 3 × 3 case, as quoted).
import { describe, expect, it } from 'vitest';
import { near } from './pins-helpers.js';
import {
  cholesky, matrixFromRows, matrixToRows, qr, qrCoef, qrFitted, qrResiduals, qrUnscaledCovariance, solveSymmetric, symmetricEigen,
} from '@satlab/stats';
import type { Matrix, QR } from '@satlab/stats';

const M = (rows: number, cols: number, data: number[]): Matrix => ({ rows, cols, data: Float64Array.from(data) });
/** A function object carrying valid Matrix fields: `typeof` is 'function', not 'object'. */
const fnMatrix = (): Matrix => Object.assign(() => 0, { rows: 1, cols: 1, data: Float64Array.of(1) }) as unknown as Matrix;
const close = near(1e-12);
const s2 = Math.SQRT1_2;

describe('checkMatrix through matrixToRows: what is a Matrix', () => {
  const bad = /^matrixToRows\(m\): expected a Matrix \{ rows, cols, data: Float64Array \}$/;
  it('refuses null, a number, a function object, plain-array data, non-integer or negative dimensions, with the same TypeError', () => {
    expect(() => matrixToRows(null as unknown as Matrix)).toThrow(TypeError);
    expect(() => matrixToRows(null as unknown as Matrix)).toThrow(bad);
    expect(() => matrixToRows(5 as unknown as Matrix)).toThrow(bad);
    expect(() => matrixToRows(fnMatrix())).toThrow(bad);
    expect(() => matrixToRows({ rows: 1, cols: 2, data: [1, 2] } as unknown as Matrix)).toThrow(bad);
    expect(() => matrixToRows({ rows: 1.5, cols: 2, data: new Float64Array(3) })).toThrow(bad);
    expect(() => matrixToRows({ rows: 2, cols: 0.5, data: new Float64Array(1) })).toThrow(bad);
    expect(() => matrixToRows({ rows: '2', cols: 1, data: new Float64Array(2) } as unknown as Matrix)).toThrow(bad);
    expect(() => matrixToRows({ rows: 2, cols: '1', data: new Float64Array(2) } as unknown as Matrix)).toThrow(bad);
    // -1 × 0 and 0 × -1 have rows × cols = -0, which equals the data length 0: only the sign test refuses them.
    expect(() => matrixToRows({ rows: -1, cols: 0, data: new Float64Array(0) })).toThrow(bad);
    expect(() => matrixToRows({ rows: 0, cols: -1, data: new Float64Array(0) })).toThrow(bad);
  });
  it('refuses a data length other than rows × cols with a TypeError giving both numbers', () => {
    expect(() => matrixToRows(M(2, 2, [1, 2, 3]))).toThrow(TypeError);
    expect(() => matrixToRows(M(2, 2, [1, 2, 3]))).toThrow(/^matrixToRows\(m\): data has length 3, expected rows × cols = 4$/);
    expect(() => matrixToRows(M(1, 3, [1, 2, 3, 4]))).toThrow(/^matrixToRows\(m\): data has length 4, expected rows × cols = 3$/);
  });
  it('accepts empty shapes: 0 × 2 gives no row, 2 × 0 two empty rows, 0 × 0 nothing', () => {
    expect(matrixToRows(M(0, 2, []))).toEqual([]);
    expect(matrixToRows(M(2, 0, []))).toEqual([[], []]);
    expect(matrixToRows(M(0, 0, []))).toEqual([]);
  });
  it('reads column-major data row by row: data [1, 4, 2, 5, 3, 6] as 2 × 3 is [[1, 2, 3], [4, 5, 6]]; as 3 × 2 it is [[1, 5], [4, 3], [2, 6]]', () => {
    expect(matrixToRows(M(2, 3, [1, 4, 2, 5, 3, 6]))).toEqual([[1, 2, 3], [4, 5, 6]]);
    expect(matrixToRows(M(3, 2, [1, 4, 2, 5, 3, 6]))).toEqual([[1, 5], [4, 3], [2, 6]]);
    const rows = matrixToRows(M(1, 3, [7, NaN, -0]));
    expect(rows[0].length).toBe(3);
    expect(rows[0][0]).toBe(7);
    expect(rows[0][1]).toBeNaN();
    expect(Object.is(rows[0][2], -0)).toBe(true);
  });
});

describe('matrixFromRows', () => {
  it('stores rows column-major and keeps NaN; [] is 0 × 0', () => {
    const m = matrixFromRows([[1, 2, 3], [4, 5, 6]]);
    expect(m.rows).toBe(2);
    expect(m.cols).toBe(3);
    expect(Array.from(m.data)).toEqual([1, 4, 2, 5, 3, 6]);
    const e = matrixFromRows([]);
    expect([e.rows, e.cols, e.data.length]).toEqual([0, 0, 0]);
    expect(e.data).toBeInstanceOf(Float64Array);
    expect(Array.from(matrixFromRows([[NaN], [2]]).data)).toEqual([NaN, 2]);
    // typed rows are array-like objects too
    expect(Array.from(matrixFromRows([Float64Array.of(1, 2), Float64Array.of(3, 4)] as unknown as number[][]).data)).toEqual([1, 3, 2, 4]);
    // rows of length 0: n × 0
    const z = matrixFromRows([[], []]);
    expect([z.rows, z.cols, z.data.length]).toEqual([2, 0, 0]);
  });
  it('refuses a non-array with a TypeError naming its type', () => {
    expect(() => matrixFromRows(3 as unknown as number[][])).toThrow(TypeError);
    expect(() => matrixFromRows(3 as unknown as number[][])).toThrow(/^matrixFromRows\(rows\): rows must be an array of rows, got number$/);
    expect(() => matrixFromRows(null as unknown as number[][])).toThrow(/^matrixFromRows\(rows\): rows must be an array of rows, got object$/);
  });
  it('refuses a first row that is null, a number, a string or an object without length, with a TypeError', () => {
    const msg0 = /^matrixFromRows\(rows\): rows\[0\] must be an array of numbers$/;
    for (const first of [null, 5, 'ab', { a: 1 }, { length: '2' }]) {
      expect(() => matrixFromRows([first as unknown as number[], [1, 2]])).toThrow(TypeError);
      expect(() => matrixFromRows([first as unknown as number[], [1, 2]])).toThrow(msg0);
    }
  });
  it('refuses a later row of another length, or that is null, a string or a number, with a RangeError giving the row and lengths', () => {
    expect(() => matrixFromRows([[1, 2], [3, 4, 5]])).toThrow(RangeError);
    expect(() => matrixFromRows([[1, 2], [3, 4, 5]])).toThrow(/^matrixFromRows\(rows\): row 1 has length 3, expected 2$/);
    expect(() => matrixFromRows([[1, 2], [3, 4], [5]])).toThrow(/^matrixFromRows\(rows\): row 2 has length 1, expected 2$/);
    expect(() => matrixFromRows([[1, 2], null as unknown as number[]])).toThrow(RangeError);
    expect(() => matrixFromRows([[1, 2], null as unknown as number[]])).toThrow(/^matrixFromRows\(rows\): row 1 has length n\/a, expected 2$/);
    // a string of the right length is still not a row
    expect(() => matrixFromRows([[1, 2], 'ab' as unknown as number[]])).toThrow(/^matrixFromRows\(rows\): row 1 has length n\/a, expected 2$/);
    expect(() => matrixFromRows([[1, 2], 7 as unknown as number[]])).toThrow(/^matrixFromRows\(rows\): row 1 has length n\/a, expected 2$/);
  });
});

describe('checkSquare and checkFinite, through cholesky, symmetricEigen and qr', () => {
  it('a non-square matrix is a RangeError naming the function and argument', () => {
    expect(() => cholesky(M(2, 3, [1, 2, 3, 4, 5, 6]))).toThrow(RangeError);
    expect(() => cholesky(M(2, 3, [1, 2, 3, 4, 5, 6]))).toThrow(/^cholesky\(a\): matrix must be square, got 2 × 3$/);
    expect(() => symmetricEigen(M(3, 1, [1, 2, 3]))).toThrow(/^symmetricEigen\(a\): matrix must be square, got 3 × 1$/);
    expect(() => solveSymmetric(M(1, 2, [1, 2]), [1])).toThrow(/^cholesky\(a\): matrix must be square, got 1 × 2$/);
  });
  it('a malformed matrix is a TypeError before the square test', () => {
    expect(() => cholesky(M(2, 2, [1, 2, 3]))).toThrow(TypeError);
    expect(() => cholesky(M(2, 2, [1, 2, 3]))).toThrow(/^cholesky\(a\): data has length 3, expected rows × cols = 4$/);
    expect(() => symmetricEigen(null as unknown as Matrix)).toThrow(/^symmetricEigen\(a\): expected a Matrix/);
    expect(() => qr(fnMatrix())).toThrow(/^qr\(x\): expected a Matrix/);
  });
  it('a NaN or infinite entry is a RangeError giving the value and its row and column (column-major index k = i + j·rows)', () => {
    // 3 × 2, entry (2, 1) is data[5]
    expect(() => qr(M(3, 2, [1, 2, 3, 4, 5, NaN]))).toThrow(RangeError);
    expect(() => qr(M(3, 2, [1, 2, 3, 4, 5, NaN]))).toThrow(/^qr\(x\): non-finite value NaN at row 2, column 1$/);
    // 3 × 2, entry (1, 0) is data[1]
    expect(() => qr(M(3, 2, [1, Infinity, 3, 4, 5, 6]))).toThrow(/^qr\(x\): non-finite value Infinity at row 1, column 0$/);
    // 2 × 3, entry (0, 2) is data[4]
    expect(() => qr(M(2, 3, [1, 2, 3, 4, -Infinity, 6]))).toThrow(/^qr\(x\): non-finite value -Infinity at row 0, column 2$/);
    expect(() => cholesky(M(2, 2, [4, 2, 2, NaN]))).toThrow(/^cholesky\(a\): non-finite value NaN at row 1, column 1$/);
    expect(() => symmetricEigen(M(2, 2, [1, 2, NaN, 1]))).toThrow(/^symmetricEigen\(a\): non-finite value NaN at row 0, column 1$/);
  });
});

describe('cholesky', () => {
  it('A = [[4, 2, 2], [2, 5, 3], [2, 3, 6]] has L = [[2, 0, 0], [1, 2, 0], [1, 1, 2]] exactly (hand: l11 = 2, l21 = l31 = 1, l22 = √(5 − 1), l32 = (3 − 1)/2, l33 = √(6 − 1 − 1))', () => {
    expect(matrixToRows(cholesky(matrixFromRows([[4, 2, 2], [2, 5, 3], [2, 3, 6]])))).toEqual([[2, 0, 0], [1, 2, 0], [1, 1, 2]]);
  });
  it('reads only the lower triangle: junk above the diagonal changes nothing, and the result has zeros above it', () => {
    expect(matrixToRows(cholesky(matrixFromRows([[4, 99, -7], [2, 5, 1e6], [2, 3, 6]])))).toEqual([[2, 0, 0], [1, 2, 0], [1, 1, 2]]);
    const L = matrixToRows(cholesky(matrixFromRows([[4, 2], [2, 3]])));
    expect(L[0]).toEqual([2, 0]);
    expect(L[1][0]).toBe(1);
    close(L[1][1], Math.SQRT2, 1e-15);
  });
  it('1 × 1 and 0 × 0', () => {
    expect(matrixToRows(cholesky(M(1, 1, [9])))).toEqual([[3]]);
    const e = cholesky(M(0, 0, []));
    expect([e.rows, e.cols, e.data.length]).toEqual([0, 0, 0]);
  });
  it('says which leading minor is not positive: order 1 for [[0, 0], [0, 1]] and [[-1]], order 2 for [[1, 2], [2, 1]] and the singular [[1, 1], [1, 1]] (pivot exactly 0)', () => {
    expect(() => cholesky(matrixFromRows([[0, 0], [0, 1]]))).toThrow(RangeError);
    expect(() => cholesky(matrixFromRows([[0, 0], [0, 1]]))).toThrow(/^cholesky\(a\): matrix is not positive definite \(the leading minor of order 1 is not positive\)$/);
    expect(() => cholesky(M(1, 1, [-1]))).toThrow(/order 1 is not positive/);
    expect(() => cholesky(matrixFromRows([[1, 2], [2, 1]]))).toThrow(/order 2 is not positive/);
    expect(() => cholesky(matrixFromRows([[1, 1], [1, 1]]))).toThrow(/order 2 is not positive/);
    expect(() => cholesky(matrixFromRows([[4, 2, 2], [2, 5, 3], [2, 3, 2]]))).toThrow(/order 3 is not positive/);
  });
});

describe('solveSymmetric', () => {
  const A = [[4, 2, 2], [2, 5, 3], [2, 3, 6]];
  it('solves A x = (6, 3, 11) exactly: x = (1, −1, 2) (forward z = (3, 0, 4), back x3 = 2, x2 = −1, x1 = 1)', () => {
    const x = solveSymmetric(matrixFromRows(A), [6, 3, 11]);
    expect(x).toBeInstanceOf(Float64Array);
    expect(Array.from(x)).toEqual([1, -1, 2]);
    expect(Array.from(solveSymmetric(matrixFromRows(A), Float64Array.of(6, 3, 11)))).toEqual([1, -1, 2]);
    // only the lower triangle is read
    expect(Array.from(solveSymmetric(matrixFromRows([[4, 0, 0], [2, 5, 0], [2, 3, 6]]), [6, 3, 11]))).toEqual([1, -1, 2]);
    // R: solve(matrix(c(4, 2, 2, 3), 2), c(2, 1)) = c(0.5, 0)
    expect(Array.from(solveSymmetric(matrixFromRows([[4, 2], [2, 3]]), [2, 1]))).toEqual([0.5, 0]);
  });
  it('does not modify b', () => {
    const b = [6, 3, 11];
    solveSymmetric(matrixFromRows(A), b);
    expect(b).toEqual([6, 3, 11]);
  });
  it('refuses a right-hand side that is not array-like (TypeError), of another length, or non-finite (RangeError)', () => {
    const a = matrixFromRows(A);
    const notArray = /^solveSymmetric\(b\): expected a Float64Array or array of numbers$/;
    expect(() => solveSymmetric(a, null as unknown as number[])).toThrow(TypeError);
    expect(() => solveSymmetric(a, null as unknown as number[])).toThrow(notArray);
    expect(() => solveSymmetric(a, 3 as unknown as number[])).toThrow(notArray);
    expect(() => solveSymmetric(a, { a: 1 } as unknown as number[])).toThrow(notArray);
    // a function has a numeric length (its arity) but is not an object
    expect(() => solveSymmetric(a, ((u: number, v: number, w: number) => u + v + w) as unknown as number[])).toThrow(notArray);
    expect(() => solveSymmetric(a, [1, 2])).toThrow(RangeError);
    expect(() => solveSymmetric(a, [1, 2])).toThrow(/^solveSymmetric\(b\): b has length 2, expected 3$/);
    expect(() => solveSymmetric(a, [1, NaN, 2])).toThrow(RangeError);
    expect(() => solveSymmetric(a, [1, NaN, 2])).toThrow(/^solveSymmetric\(b\): non-finite value NaN at index 1$/);
    expect(() => solveSymmetric(a, [1, 2, -Infinity])).toThrow(/^solveSymmetric\(b\): non-finite value -Infinity at index 2$/);
  });
  it('checks b before the matrix: a bad b with a non-square a is the TypeError about b', () => {
    expect(() => solveSymmetric(M(1, 2, [1, 2]), null as unknown as number[])).toThrow(/^solveSymmetric\(b\)/);
  });
});

describe('symmetricEigen on matrices with a known decomposition', () => {
  it('[[2, 1], [1, 2]]: values 3 and 1, vectors (1, 1)/√2 and (1, −1)/√2 (tied magnitudes: the first component is made positive)', () => {
    const e = symmetricEigen(matrixFromRows([[2, 1], [1, 2]]));
    close(e.values[0], 3, 1e-15);
    close(e.values[1], 1, 1e-15);
    const V = matrixToRows(e.vectors);
    close(V[0][0], s2, 1e-15);
    close(V[1][0], s2, 1e-15);
    close(V[0][1], s2, 1e-15);
    close(V[1][1], -s2, 1e-15);
    expect(e.vectors.rows).toBe(2);
    expect(e.vectors.cols).toBe(2);
  });
  it('[[2, −1], [−1, 2]]: values 3 and 1, vectors (1, −1)/√2 and (1, 1)/√2', () => {
    const e = symmetricEigen(matrixFromRows([[2, -1], [-1, 2]]));
    close(e.values[0], 3, 1e-15);
    close(e.values[1], 1, 1e-15);
    const V = matrixToRows(e.vectors);
    close(V[0][0], s2, 1e-15);
    close(V[1][0], -s2, 1e-15);
    close(V[0][1], s2, 1e-15);
    close(V[1][1], s2, 1e-15);
  });
  it('a diagonal matrix: values sorted decreasingly, vectors the unit vectors in that order (diag(3, 1, 2) → 3, 2, 1 with e1, e3, e2)', () => {
    const e = symmetricEigen(matrixFromRows([[3, 0, 0], [0, 1, 0], [0, 0, 2]]));
    expect(Array.from(e.values)).toEqual([3, 2, 1]);
    expect(matrixToRows(e.vectors)).toEqual([[1, 0, 0], [0, 0, 1], [0, 1, 0]]);
    const n = symmetricEigen(matrixFromRows([[-1, 0], [0, -5]]));
    expect(Array.from(n.values)).toEqual([-1, -5]);
    expect(matrixToRows(n.vectors)).toEqual([[1, 0], [0, 1]]);
  });
  it('equal eigenvalues keep their original order (stable sort): the identity gives the unit vectors in order', () => {
    const e = symmetricEigen(matrixFromRows([[1, 0, 0], [0, 1, 0], [0, 0, 1]]));
    expect(Array.from(e.values)).toEqual([1, 1, 1]);
    expect(matrixToRows(e.vectors)).toEqual([[1, 0, 0], [0, 1, 0], [0, 0, 1]]);
    const z = symmetricEigen(matrixFromRows([[0, 0], [0, 0]]));
    expect(Array.from(z.values)).toEqual([0, 0]);
    expect(matrixToRows(z.vectors)).toEqual([[1, 0], [0, 1]]);
  });
  it('a block matrix whose last row is (0, 0, 5) (tred2 with a zero scale): values 5, 3, 1, vectors e3, (1, 1, 0)/√2, (1, −1, 0)/√2', () => {
    const e = symmetricEigen(matrixFromRows([[2, 1, 0], [1, 2, 0], [0, 0, 5]]));
    close(e.values[0], 5, 1e-15);
    close(e.values[1], 3, 1e-15);
    close(e.values[2], 1, 1e-15);
    const V = matrixToRows(e.vectors);
    const want = [[0, s2, s2], [0, s2, -s2], [1, 0, 0]];
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) close(V[i][j], want[i][j], 1e-15);
  });
  it('1 × 1: the value itself, the vector [1] even for a negative value; 0 × 0: empty', () => {
    const e = symmetricEigen(M(1, 1, [-3]));
    expect(Array.from(e.values)).toEqual([-3]);
    expect(matrixToRows(e.vectors)).toEqual([[1]]);
    const z = symmetricEigen(M(0, 0, []));
    expect(z.values.length).toBe(0);
    expect([z.vectors.rows, z.vectors.cols, z.vectors.data.length]).toEqual([0, 0, 0]);
  });
  it('[[4, 1, 2], [1, 3, 0], [2, 0, 5]] against numpy.linalg.eigh (vectors with the largest component positive)', () => {
    // python3: w, v = numpy.linalg.eigh(A); w[::-1], v[:, ::-1] (then each column's sign fixed)
    const want = [6.669079088282288, 3.476023602918134, 1.854897308799577];
    const vecs = [
      [0.6311789687764832, 0.1720265367929079, 0.7563200248659909],
      [0.3743619547830716, 0.7864356987513784, -0.4912962635115684],
      [0.6793130619863367, -0.5932333119173847, -0.4319814827585529],
    ];
    const e = symmetricEigen(matrixFromRows([[4, 1, 2], [1, 3, 0], [2, 0, 5]]));
    for (let j = 0; j < 3; j++) {
      close(e.values[j], want[j], 1e-13);
      for (let i = 0; i < 3; i++) close(e.vectors.data[i + 3 * j], vecs[j][i], 1e-12);
    }
    // only the lower triangle is read
    const f = symmetricEigen(matrixFromRows([[4, 50, -3], [1, 3, 8], [2, 0, 5]]));
    expect(Array.from(f.values)).toEqual(Array.from(e.values));
    expect(Array.from(f.vectors.data)).toEqual(Array.from(e.vectors.data));
  });
});

describe('the QR readers refuse what is not a qr() result or a usable response', () => {
  const q = (): QR => qr(matrixFromRows([[1, 0], [1, 1], [1, 2]]));
  it('qrCoef, qrFitted and qrResiduals: a TypeError naming the function for null, {}, a missing qr, plain-array parts or a function object', () => {
    for (const [name, f] of [['qrCoef', qrCoef], ['qrFitted', qrFitted], ['qrResiduals', qrResiduals]] as const) {
      const re = new RegExp(`^${name}\\(q\\): expected the result of qr\\(\\)$`);
      const good = q();
      const cases: unknown[] = [
        null, {}, 7,
        { ...good, qr: null },
        { ...good, qr: { ...good.qr, data: Array.from(good.qr.data) } },
        { ...good, qraux: Array.from(good.qraux) },
        { ...good, pivot: Array.from(good.pivot) },
        Object.assign(() => 0, good),
      ];
      for (const c of cases) {
        expect(() => f(c as QR, [1, 2, 3])).toThrow(TypeError);
        expect(() => f(c as QR, [1, 2, 3])).toThrow(re);
      }
    }
  });
  it('a response that is not array-like is a TypeError; a function (which has a numeric length) too', () => {
    for (const [name, f] of [['qrCoef', qrCoef], ['qrFitted', qrFitted], ['qrResiduals', qrResiduals]] as const) {
      const re = new RegExp(`^${name}\\(y\\): expected a Float64Array or array of numbers$`);
      for (const y of [null, 3, { a: 1 }, { length: '3' }, (u: number, v: number, w: number) => u + v + w]) {
        expect(() => f(q(), y as unknown as number[])).toThrow(TypeError);
        expect(() => f(q(), y as unknown as number[])).toThrow(re);
      }
    }
  });
  it('a response of the wrong length or with a non-finite value is a RangeError giving the numbers', () => {
    expect(() => qrCoef(q(), [1, 2])).toThrow(RangeError);
    expect(() => qrCoef(q(), [1, 2])).toThrow(/^qrCoef\(y\): y has length 2, expected 3 \(rows of the decomposed matrix\)$/);
    expect(() => qrFitted(q(), [1, 2, 3, 4])).toThrow(/^qrFitted\(y\): y has length 4, expected 3 \(rows of the decomposed matrix\)$/);
    expect(() => qrResiduals(q(), [1, NaN, 3])).toThrow(RangeError);
    expect(() => qrResiduals(q(), [1, NaN, 3])).toThrow(/^qrResiduals\(y\): non-finite value NaN at index 1$/);
    expect(() => qrCoef(q(), [1, 2, Infinity])).toThrow(/^qrCoef\(y\): non-finite value Infinity at index 2$/);
    expect(() => qrFitted(q(), Float64Array.of(-Infinity, 2, 3))).toThrow(/^qrFitted\(y\): non-finite value -Infinity at index 0$/);
  });
  it('qrUnscaledCovariance: a TypeError for null, {}, a missing qr, plain-array data or pivot, or a function object', () => {
    const re = /^qrUnscaledCovariance\(q\): expected the result of qr\(\)$/;
    const good = q();
    const cases: unknown[] = [
      null, {}, 'qr',
      { ...good, qr: undefined },
      { ...good, qr: { ...good.qr, data: Array.from(good.qr.data) } },
      { ...good, pivot: Array.from(good.pivot) },
      Object.assign(() => 0, good),
    ];
    for (const c of cases) {
      expect(() => qrUnscaledCovariance(c as QR)).toThrow(TypeError);
      expect(() => qrUnscaledCovariance(c as QR)).toThrow(re);
    }
    // qraux is not needed: a result without it is accepted
    const noAux = { ...good, qraux: undefined } as unknown as QR;
    expect(matrixToRows(qrUnscaledCovariance(noAux)).length).toBe(2);
  });
});

describe('qr tolerance argument', () => {
  const X = matrixFromRows([[1, 0], [1, 1], [1, 2]]);
  it('refuses a negative, NaN or non-number tol with a RangeError quoting it; 0 is allowed and returned', () => {
    expect(() => qr(X, -1)).toThrow(RangeError);
    expect(() => qr(X, -1)).toThrow(/^qr\(tol\): tol must be a non-negative number, got -1$/);
    expect(() => qr(X, NaN)).toThrow(/^qr\(tol\): tol must be a non-negative number, got NaN$/);
    expect(() => qr(X, '0.1' as unknown as number)).toThrow(/^qr\(tol\): tol must be a non-negative number, got 0\.1$/);
    expect(qr(X, 0).tol).toBe(0);
    expect(qr(X).tol).toBe(1e-7);
    expect(qr(X, 0.25).tol).toBe(0.25);
  });
});

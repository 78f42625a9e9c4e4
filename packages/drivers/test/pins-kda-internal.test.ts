import { describe, expect, it } from 'vitest';
import { matrixFromRows } from '@satlab/stats';
import type { Matrix } from '@satlab/stats';
import { completeCases } from '../src/internal/completeCases.js';
import { asNumeric } from '../src/internal/numeric.js';
import { columns, copy, crossprod, get, identity, inverse, invSpd, logDetSpd, mul, scaleColumns, solve, sub, toRows, transpose, zeros } from '../src/internal/matrixOps.js';
import { quantile7 } from '../src/internal/quantile7.js';
import { weightedMoments } from '../src/internal/weightedMoments.js';

// Pinning tests of the internal helpers of @satlab/drivers (issue 18). References: numpy 2.x
// (python3 -c '…', the call beside each value) or hand computations written beside them.

const rowsOf = (m: Matrix): number[][] => toRows(m);
function expectClose(a: ArrayLike<number>, b: ArrayLike<number>, tol = 1e-12): void {
  expect(a.length).toBe(b.length);
  for (let i = 0; i < b.length; i++) {
    if (Number.isNaN(b[i])) expect(a[i]).toBeNaN();
    else expect(Math.abs(a[i] - b[i])).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(b[i])));
  }
}
/** Column-major data of a matrix given by rows. */
const flat = (r: number[][]): number[] => r[0].flatMap((_, j) => r.map((row) => row[j]));

describe('asNumeric', () => {
  it('passes a Float64Array through (same object) and accepts a plain array of numbers, NaN included', () => {
    const f = Float64Array.of(1, NaN, 3);
    expect(asNumeric('f', 'x', f)).toBe(f);
    const a = [1, NaN, 2];
    expect(asNumeric('f', 'x', a)).toBe(a);
    expect(asNumeric('f', 'x', [])).toEqual([]);
  });
  it('refuses a non-number element with its index and type, and anything that is not an array', () => {
    expect(() => asNumeric('f', 'x', [1, '2', 3])).toThrow(new TypeError('f(x): element 1 is string, expected a number (NaN for missing)'));
    expect(() => asNumeric('f', 'x', [null])).toThrow(new TypeError('f(x): element 0 is object, expected a number (NaN for missing)'));
    expect(() => asNumeric('g', 'y', [1, 2, undefined])).toThrow(new TypeError('g(y): element 2 is undefined, expected a number (NaN for missing)'));
    expect(() => asNumeric('g', 'y', Int32Array.of(1, 2))).toThrow(new TypeError('g(y): expected a Float64Array or an array of numbers'));
    expect(() => asNumeric('g', 'y', 'abc')).toThrow(new TypeError('g(y): expected a Float64Array or an array of numbers'));
    expect(() => asNumeric('g', 'y', undefined)).toThrow(TypeError);
  });
});

describe('quantile7 (R type 7 on sorted data)', () => {
  it('empty → NaN; one value → that value; interpolates between order statistics', () => {
    expect(quantile7([], 0.5)).toBeNaN();
    expect(quantile7([7], 0.3)).toBe(7);
    expect(quantile7([7], 1)).toBe(7);
    // R: quantile(c(1, 2, 4, 8), c(0, 0.25, 0.5, 0.9, 1), type = 7) → 1, 1.75, 3, 6.8, 8
    // (h = 3p: 0.75 → 1 + 0.75·1; 1.5 → 2 + 0.5·2; 2.7 → 4 + 0.7·4)
    expect(quantile7([1, 2, 4, 8], 0)).toBe(1);
    expect(quantile7([1, 2, 4, 8], 0.25)).toBeCloseTo(1.75, 14);
    expect(quantile7([1, 2, 4, 8], 0.5)).toBeCloseTo(3, 14);
    expect(quantile7([1, 2, 4, 8], 0.9)).toBeCloseTo(6.8, 14);
    expect(quantile7([1, 2, 4, 8], 1)).toBe(8);
    // two values: R: quantile(c(10, 20), 0.025) = 10.25; quantile(c(10, 20), 0.975) = 19.75
    expect(quantile7(Float64Array.of(10, 20), 0.025)).toBeCloseTo(10.25, 12);
    expect(quantile7(Float64Array.of(10, 20), 0.975)).toBeCloseTo(19.75, 12);
  });
});

describe('matrixOps', () => {
  it('zeros, identity, get, copy (an independent copy), transpose of a 2×3', () => {
    const z = zeros(2, 3);
    expect([z.rows, z.cols, Array.from(z.data)]).toEqual([2, 3, [0, 0, 0, 0, 0, 0]]);
    expect(rowsOf(identity(3))).toEqual([[1, 0, 0], [0, 1, 0], [0, 0, 1]]);
    const m = matrixFromRows([[1, 2, 3], [4, 5, 6]]);
    expect(get(m, 1, 2)).toBe(6);
    expect(get(m, 0, 1)).toBe(2);
    const c = copy(m);
    c.data[0] = 99;
    expect(m.data[0]).toBe(1);
    expect([c.rows, c.cols]).toEqual([2, 3]);
    expect(rowsOf(c)).toEqual([[99, 2, 3], [4, 5, 6]]);
    const t = transpose(m);
    expect([t.rows, t.cols]).toEqual([3, 2]);
    expect(rowsOf(t)).toEqual([[1, 4], [2, 5], [3, 6]]);
  });

  it('mul and crossprod equal numpy (zero entries in b included) and refuse mismatched shapes', () => {
    // numpy: P = [[1,2,0],[0,1,3]]; Q = [[2,0],[0,1],[1,1]]; P @ Q = [[2,2],[3,4]]
    const P = matrixFromRows([[1, 2, 0], [0, 1, 3]]);
    const Q = matrixFromRows([[2, 0], [0, 1], [1, 1]]);
    const pq = mul(P, Q);
    expect([pq.rows, pq.cols]).toEqual([2, 2]);
    expect(rowsOf(pq)).toEqual([[2, 2], [3, 4]]);
    // numpy: Q @ P = [[2,4,0],[0,1,3],[1,3,3]]
    expect(rowsOf(mul(Q, P))).toEqual([[2, 4, 0], [0, 1, 3], [1, 3, 3]]);
    // numpy: P.T @ P = [[1,2,0],[2,5,3],[0,3,9]]
    const cp = crossprod(P, P);
    expect([cp.rows, cp.cols]).toEqual([3, 3]);
    expect(rowsOf(cp)).toEqual([[1, 2, 0], [2, 5, 3], [0, 3, 9]]);
    // numpy: P.T @ [[1],[2]] = [[1],[4],[6]]
    expect(rowsOf(crossprod(P, matrixFromRows([[1], [2]])))).toEqual([[1], [4], [6]]);
    expect(() => mul(P, P)).toThrow(new RangeError('internal mul: 2×3 times 2×3'));
    expect(() => crossprod(P, Q)).toThrow(new RangeError('internal crossprod: row mismatch'));
  });

  it('invSpd and logDetSpd of an SPD 3×3 equal numpy; a non-PD matrix throws', () => {
    const A = matrixFromRows([[4, 1, 2], [1, 3, 0.5], [2, 0.5, 5]]);
    // numpy: np.linalg.inv(A)
    const ref = [[0.3352272727272727, -0.09090909090909091, -0.125], [-0.09090909090909091, 0.36363636363636365, 0.0], [-0.125, 0.0, 0.25]];
    const inv = invSpd(A);
    expect([inv.rows, inv.cols]).toEqual([3, 3]);
    expectClose(inv.data, flat(ref), 1e-14);
    // det(A) = 4(15 − 0.25) − 1(5 − 1) + 2(0.5 − 6) = 59 − 4 − 11 = 44; numpy: np.linalg.slogdet(A) → 3.7841896339182615
    expect(logDetSpd(A)).toBeCloseTo(Math.log(44), 13);
    expect(logDetSpd(identity(4))).toBe(0);
    // 1×1 and diagonal
    expect(Array.from(invSpd(matrixFromRows([[4]])).data)).toEqual([0.25]);
    expectClose(invSpd(matrixFromRows([[2, 0], [0, 8]])).data, [0.5, 0, 0, 0.125], 1e-15);
    expect(() => invSpd(matrixFromRows([[1, 2], [2, 1]]))).toThrow(RangeError);
    expect(() => logDetSpd(matrixFromRows([[1, 2], [2, 1]]))).toThrow(RangeError);
  });

  it('inverse (partial pivoting, zero leading pivot) and solve equal numpy; a singular matrix throws', () => {
    const B = matrixFromRows([[0, 2, 1], [1, 1, 0], [3, 0, 2]]);
    // numpy: np.linalg.inv(B) (det −7)
    const ref = [[-0.2857142857142857, 0.5714285714285714, 0.14285714285714285], [0.2857142857142857, 0.4285714285714286, -0.14285714285714285], [0.4285714285714286, -0.8571428571428572, 0.2857142857142857]];
    const inv = inverse(B);
    expect([inv.rows, inv.cols]).toEqual([3, 3]);
    expectClose(inv.data, flat(ref), 1e-14);
    expect(B.data[0]).toBe(0); // input untouched
    expect(rowsOf(B)).toEqual([[0, 2, 1], [1, 1, 0], [3, 0, 2]]);
    // numpy: np.linalg.solve(B, [[1,0],[2,1],[0,3]])
    const X = solve(B, matrixFromRows([[1, 0], [2, 1], [0, 3]]));
    expect([X.rows, X.cols]).toEqual([3, 2]);
    expectClose(X.data, [0.8571428571428572, 1.1428571428571428, -1.2857142857142858, 1.0, 0.0, 0.0], 1e-14);
    // pivot on the largest |entry| of the column: [[1, 0], [-2, 1]] → inverse [[1, 0], [2, 1]] (hand)
    expectClose(inverse(matrixFromRows([[1, 0], [-2, 1]])).data, [1, 2, 0, 1], 1e-15);
    // a row swap is needed when the first pivot is 0: [[0, 1], [1, 0]] is its own inverse (hand)
    expect(rowsOf(inverse(matrixFromRows([[0, 1], [1, 0]])))).toEqual([[0, 1], [1, 0]]);
    // [[2, 4], [1, 3]]⁻¹ = [[1.5, −2], [−0.5, 1]] (hand: det 2)
    expectClose(inverse(matrixFromRows([[2, 4], [1, 3]])).data, [1.5, -0.5, -2, 1], 1e-15);
    expect(() => inverse(matrixFromRows([[1, 2], [2, 4]]))).toThrow(new RangeError('internal inverse: singular matrix'));
    expect(() => inverse(matrixFromRows([[0, 0], [0, 1]]))).toThrow(new RangeError('internal inverse: singular matrix'));
  });

  it('sub, toRows, scaleColumns and columns pick, reorder and scale as stated', () => {
    const m = matrixFromRows([[1, 2, 3], [4, 5, 6], [7, 8, 9]]);
    const s = sub(m, [2, 0], [1, 2]);
    expect([s.rows, s.cols]).toEqual([2, 2]);
    expect(rowsOf(s)).toEqual([[8, 9], [2, 3]]);
    expect(rowsOf(sub(m, [1], [0, 1, 2]))).toEqual([[4, 5, 6]]);
    expect(toRows(zeros(0, 2))).toEqual([]);
    const c = columns(m, [2, 0]);
    expect([c.rows, c.cols]).toEqual([3, 2]);
    expect(rowsOf(c)).toEqual([[3, 1], [6, 4], [9, 7]]);
    expect(rowsOf(columns(m, [1, 1]))).toEqual([[2, 2], [5, 5], [8, 8]]);
    const k = copy(m);
    scaleColumns(k, [1, -2, 10]);
    expect(rowsOf(k)).toEqual([[1, -4, 30], [4, -10, 60], [7, -16, 90]]);
    const w = matrixFromRows([[1, 2], [3, 4], [5, 6]]);
    scaleColumns(w, [2, 3]);
    expect(rowsOf(w)).toEqual([[2, 6], [6, 12], [10, 18]]);
  });
});

describe('weightedMoments', () => {
  it('unweighted: means, sample SDs (n − 1), centered cross-products and correlations equal numpy', () => {
    const x = Float64Array.of(1, 2, 4, 7);
    const y = Float64Array.of(2, 1, 5, 6);
    const m = weightedMoments([x, y], Float64Array.of(1, 1, 1, 1));
    expect(m.sumW).toBe(4);
    expect(Array.from(m.means)).toEqual([3.5, 3.5]);
    // numpy: np.std([1,2,4,7], ddof=1) = 2.6457513110645907; np.std([2,1,5,6], ddof=1) = 2.3804761428476167
    expectClose(m.sds, [2.6457513110645907, 2.3804761428476167], 1e-14);
    // Σ(x − x̄)² = 6.25 + 2.25 + 0.25 + 12.25 = 21; Σ(y − ȳ)² = 2.25 + 6.25 + 2.25 + 6.25 = 17;
    // Σ(x − x̄)(y − ȳ) = 3.75 + 3.75 + 0.75 + 8.75 = 17
    expect(Array.from(m.crossProducts.data)).toEqual([21, 17, 17, 17]);
    expect([m.crossProducts.rows, m.crossProducts.cols, m.correlation.rows, m.correlation.cols]).toEqual([2, 2, 2, 2]);
    // numpy: np.corrcoef([1,2,4,7],[2,1,5,6])[0,1] = 17/sqrt(21·17) = 0.8997354108424372
    expectClose(m.correlation.data, [1, 0.8997354108424372, 0.8997354108424372, 1], 1e-14);
  });

  it('weighted (frequency weights, divisor Σw − 1) and through `rows`, repeats counted, equal the expanded data', () => {
    const x = Float64Array.of(1, 2, 4, 7);
    const y = Float64Array.of(2, 1, 5, 6);
    // weights 2, 1, 0, 3 = the data (1,2)×2, (2,1), (7,6)×3
    const m = weightedMoments([x, y], Float64Array.of(2, 1, 0, 3));
    // numpy: xs = [1,1,2,7,7,7]; ys = [2,2,1,6,6,6]; mean 25/6, 23/6; np.std(xs, ddof=1), np.std(ys, ddof=1)
    expect(m.sumW).toBe(6);
    expectClose(m.means, [25 / 6, 23 / 6], 1e-15);
    expectClose(m.sds, [3.1251666622224596, 2.401388487243717], 1e-14);
    // numpy: (5 * np.cov(xs, ys)).tolist() = [[48.8333…, 36.1666…], [36.1666…, 28.8333…]]
    expectClose(m.crossProducts.data, [48.83333333333334, 36.16666666666667, 36.16666666666667, 28.833333333333332], 1e-14);
    // numpy: np.corrcoef(xs, ys)[0, 1]
    expectClose(m.correlation.data, [1, 0.9638353977075216, 0.9638353977075216, 1], 1e-14);
    // rows 3, 3, 0, 3, 0, 1 (unit weights) = the same six values
    const r = weightedMoments([x, y], Float64Array.of(1, 1, 1, 1), Int32Array.of(3, 3, 0, 3, 0, 1));
    expect(r.sumW).toBe(6);
    expectClose(r.means, [25 / 6, 23 / 6], 1e-15);
    expectClose(r.sds, [3.1251666622224596, 2.401388487243717], 1e-14);
    expectClose(r.correlation.data, [1, 0.9638353977075216, 0.9638353977075216, 1], 1e-14);
    // rows with weights: row 0 (w 2) twice and row 1 (w 1) once = (1,2)×4, (2,1)
    const rw = weightedMoments([x, y], Float64Array.of(2, 1, 0, 3), Int32Array.of(0, 1, 0));
    expect(rw.sumW).toBe(5);
    expectClose(rw.means, [6 / 5, 9 / 5], 1e-15);
    // numpy: np.std([1,1,1,1,2], ddof=1) = 0.4472135954999579 (both columns)
    expectClose(rw.sds, [0.4472135954999579, 0.4472135954999579], 1e-14);
    expectClose(rw.correlation.data, [1, -1, -1, 1], 1e-14);
  });

  it('three variables: the off-diagonal correlations are placed symmetrically (numpy corrcoef)', () => {
    const a = Float64Array.of(1, 2, 3, 4, 5);
    const b = Float64Array.of(2, 1, 4, 3, 6);
    const c = Float64Array.of(5, 3, 4, 1, 2);
    const m = weightedMoments([a, b, c], Float64Array.of(1, 1, 1, 1, 1));
    // numpy: X = np.array([a, b, c]); (4 * np.cov(X)).flatten(); np.corrcoef(X).flatten(); np.std(X, axis=1, ddof=1)
    expectClose(m.correlation.data, [1, 0.8219949365267863, -0.8, 0.8219949365267863, 1, -0.3287979746107145, -0.8, -0.3287979746107145, 1], 1e-14);
    expectClose(m.crossProducts.data, [10, 10, -8, 10, 14.8, -4, -8, -4, 10], 1e-14);
    expectClose(m.sds, [1.5811388300841898, 1.9235384061671346, 1.5811388300841898], 1e-14);
    expectClose(m.means, [3, 3.2, 3], 1e-15);
  });
});

describe('weightedMoments with a constant variable', () => {
  it('SD 0, correlations NaN off the diagonal, 1 on it', () => {
    const m = weightedMoments([Float64Array.of(2, 2, 2), Float64Array.of(1, 2, 4)], Float64Array.of(1, 1, 1));
    expect(m.sds[0]).toBe(0);
    expect(m.sds[1]).toBeCloseTo(Math.sqrt(7 / 3), 14); // Σ(y − 7/3)² = 14/3, divisor 2
    expect(m.correlation.data[0]).toBe(1);
    expect(m.correlation.data[3]).toBe(1);
    expect(m.correlation.data[1]).toBeNaN();
    expect(m.correlation.data[2]).toBeNaN();
  });
});

describe('completeCases', () => {
  it('drops rows with a NaN anywhere, counts them per variable, keeps the order of the rows', () => {
    const cc = completeCases('f', [
      { name: 'y', values: [1, NaN, 3, 4, 5] },
      { name: 'x', values: Float64Array.of(10, 20, NaN, 40, NaN) },
    ]);
    expect(cc.weighted).toBe(false);
    expect([cc.nTotal, cc.n, cc.nMissing, cc.nZeroWeight]).toEqual([5, 2, 3, 0]);
    expect(cc.missingByVariable).toEqual({ y: 1, x: 2 });
    expect(Array.from(cc.rows)).toEqual([0, 3]);
    expect(cc.data.map((d) => Array.from(d))).toEqual([[1, 4], [10, 40]]);
    expect(Array.from(cc.w)).toEqual([1, 1]);
  });

  it('weights: NaN weight = missing (counted under "(weight)"), zero weight left out and counted apart', () => {
    const cc = completeCases(
      'f',
      [
        { name: 'y', values: [1, 2, 3, 4, 5, 6] },
        { name: 'x', values: [6, 5, NaN, 3, 2, 1] },
      ],
      [2, 0, 0, NaN, 0.5, 1],
    );
    expect(cc.weighted).toBe(true);
    // row 2: x missing (its zero weight is not counted: it is already dropped); row 3: weight NaN;
    // row 1: weight 0 → nZeroWeight 1
    expect([cc.nTotal, cc.n, cc.nMissing, cc.nZeroWeight]).toEqual([6, 3, 2, 1]);
    expect(cc.missingByVariable).toEqual({ y: 0, x: 1, '(weight)': 1 });
    expect(Array.from(cc.rows)).toEqual([0, 4, 5]);
    expect(Array.from(cc.w)).toEqual([2, 0.5, 1]);
    expect(cc.data.map((d) => Array.from(d))).toEqual([[1, 5, 6], [6, 2, 1]]);
  });

  it('all weights zero: nothing kept; no variable missing', () => {
    const cc = completeCases('f', [{ name: 'y', values: [1, 2] }], Float64Array.of(0, 0));
    expect([cc.n, cc.nMissing, cc.nZeroWeight]).toEqual([0, 0, 2]);
    expect(cc.data[0].length).toBe(0);
    expect(cc.w.length).toBe(0);
    expect(cc.missingByVariable).toEqual({ y: 0, '(weight)': 0 });
  });

  it('errors: no variable, unequal lengths (named), weights length, infinite values and bad weights (row given)', () => {
    expect(() => completeCases('f', [])).toThrow(new RangeError('f: no variables given'));
    expect(() => completeCases('f', [{ name: 'y', values: [1, 2, 3] }, { name: 'x', values: [1, 2] }])).toThrow(new RangeError("f(x): length 2 differs from y's 3"));
    expect(() => completeCases('g', [{ name: 'a', values: [1, 2] }, { name: 'b', values: [1, 2] }, { name: 'c', values: [1, 2, 3, 4] }])).toThrow(new RangeError("g(c): length 4 differs from a's 2"));
    expect(() => completeCases('f', [{ name: 'y', values: [1, 2, 3] }], [1, 2])).toThrow(new RangeError("f(weights): length 2 differs from the data's 3"));
    expect(() => completeCases('f', [{ name: 'y', values: [1, 2, 3] }, { name: 'x', values: [1, -Infinity, 3] }])).toThrow(new RangeError('f(x): infinite value at row 1'));
    expect(() => completeCases('f', [{ name: 'y', values: [Infinity, NaN] }])).toThrow(new RangeError('f(y): infinite value at row 0'));
    expect(() => completeCases('f', [{ name: 'y', values: [1, 2, 3] }], [1, -0.5, 1])).toThrow(new RangeError('f(weights): weights must be finite and non-negative, got -0.5 at row 1'));
    expect(() => completeCases('f', [{ name: 'y', values: [1, 2, 3] }], [1, 1, Infinity])).toThrow(new RangeError('f(weights): weights must be finite and non-negative, got Infinity at row 2'));
    expect(() => completeCases('f', [{ name: 'y', values: [1, 2] }], 'w' as never)).toThrow(new TypeError('f(weights): expected a Float64Array or an array of numbers'));
    expect(() => completeCases('f', [{ name: 'y', values: [1, 'a'] as never }])).toThrow(new TypeError('f(y): element 1 is string, expected a number (NaN for missing)'));
  });
});

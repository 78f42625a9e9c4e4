import { describe, expect, it } from 'vitest';
import { matrixFromRows } from '@satlab/stats';
import type { Matrix } from '@satlab/stats';
import { CollinearDriversError, derivedImportance, relativeWeights, shapleyR2, statedVsDerived } from '@satlab/drivers';
import type { KeyDriverResult } from '@satlab/drivers';

// Pinning tests of shapleyR2, relativeWeights, derivedImportance, statedVsDerived and
// CollinearDriversError (issue 18). References: numpy/scipy (the call beside each value) or hand.

function close(a: ArrayLike<number>, b: readonly number[], tol = 1e-12): void {
  expect(a.length).toBe(b.length);
  for (let i = 0; i < b.length; i++) expect(Math.abs(a[i] - b[i])).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(b[i])));
}
const empty = (): Matrix => ({ rows: 0, cols: 0, data: new Float64Array(0) });
const R3 = (): Matrix => matrixFromRows([[1, 0.5, 0.3], [0.5, 1, 0.2], [0.3, 0.2, 1]]);
const r3 = [0.6, 0.4, 0.3];

describe('shapleyR2', () => {
  it('3 drivers: R² of all 8 subsets and the Shapley values equal numpy (subset solves, LMG weights 1/3, 1/6, 1/3)', () => {
    const s = shapleyR2(R3(), r3);
    // numpy: for each mask, r[S] @ np.linalg.solve(R[S, S], r[S])
    close(s.subsetR2, [0, 0.36, 0.16000000000000003, 0.37333333333333335, 0.09, 0.3758241758241758, 0.2104166666666667, 0.38749999999999996], 1e-14);
    // numpy: φ_j = Σ_{S ∌ j} |S|!(2 − |S|)!/3! (R²(S ∪ j) − R²(S))
    close(s.values, [0.2622206959706959, 0.0795169413919414, 0.045762362637362615], 1e-14);
    expect(s.r2).toBeCloseTo(0.38749999999999996, 15);
    expect(s.subsets).toBe(8);
    expect(s.values.reduce((a, b) => a + b, 0)).toBeCloseTo(s.r2, 15);
  });

  it('Float64Array rxy, one driver (φ = r²) and no driver (R² = 0, one empty subset)', () => {
    close(shapleyR2(R3(), Float64Array.from(r3)).values, [0.2622206959706959, 0.0795169413919414, 0.045762362637362615], 1e-14);
    const one = shapleyR2(matrixFromRows([[1]]), [-0.6]);
    expect(one.r2).toBeCloseTo(0.36, 15);
    close(one.values, [0.36], 1e-15);
    close(one.subsetR2, [0, 0.36], 1e-15);
    expect(one.subsets).toBe(2);
    const none = shapleyR2(empty(), []);
    expect([none.r2, none.subsets, none.values.length, Array.from(none.subsetR2)]).toEqual([0, 1, 0, [0]]);
  });

  it('4 drivers with a zero correlation: φ sums to R², uncorrelated orthogonal driver gets exactly r² (hand)', () => {
    // driver 3 is uncorrelated with the others: its increment is r₃² in every subset, so φ₃ = r₃² = 0.04
    const R = matrixFromRows([[1, 0.4, 0.2, 0], [0.4, 1, 0.1, 0], [0.2, 0.1, 1, 0], [0, 0, 0, 1]]);
    const s = shapleyR2(R, [0.5, 0.3, 0.1, 0.2]);
    expect(s.values[3]).toBeCloseTo(0.04, 15);
    expect(s.subsetR2[8]).toBeCloseTo(0.04, 15);
    expect(s.subsetR2[15] - s.subsetR2[7]).toBeCloseTo(0.04, 15);
    expect(s.values.reduce((a, b) => a + b, 0)).toBeCloseTo(s.r2, 15);
    expect(s.subsets).toBe(16);
  });

  it('a driver that fits the outcome perfectly (r = 1) is fine: R²({0}) = 1 (hand: φ₀ = (1 + 0.75)/2, φ₁ = (0.25 + 0)/2)', () => {
    const s = shapleyR2(matrixFromRows([[1, 0.5], [0.5, 1]]), [1, 0.5]);
    // R²({0}) = 1, R²({1}) = 0.25, R²({0, 1}) = 1 (driver 1 adds nothing once driver 0 is in)
    close(s.subsetR2, [0, 1, 0.25, 1], 1e-15);
    close(s.values, [0.875, 0.125], 1e-15);
    expect(s.r2).toBeCloseTo(1, 15);
  });

  it('collinear drivers: the pivot message names the driver and the subset it depends on', () => {
    expect(() => shapleyR2(matrixFromRows([[1, 1], [1, 1]]), [0.5, 0.5])).toThrow(new RangeError('shapleyR2(rxx): driver 1 is (nearly) a linear combination of drivers {0} (pivot 0)'));
    expect(() => shapleyR2(matrixFromRows([[0, 0], [0, 1]]), [0, 0.5])).toThrow(new RangeError('shapleyR2(rxx): driver 0 is (nearly) a linear combination of drivers {} (it is constant) (pivot 0)'));
    // driver 2 = driver 0: reached first from the subset {0, 1}
    expect(() => shapleyR2(matrixFromRows([[1, 0, 1], [0, 1, 0], [1, 0, 1]]), [0.5, 0.2, 0.5])).toThrow(new RangeError('shapleyR2(rxx): driver 2 is (nearly) a linear combination of drivers {0, 1} (pivot 0)'));
    // a pivot of 1e-15 (below 1e-14) is refused (met first in the subset {0}), 1e-13 is accepted
    expect(() => shapleyR2(matrixFromRows([[1, 0], [0, 1e-15]]), [0.5, 0])).toThrow(new RangeError('shapleyR2(rxx): driver 1 is (nearly) a linear combination of drivers {0} (pivot 1e-15)'));
    expect(shapleyR2(matrixFromRows([[1, 0], [0, 1e-13]]), [0.5, 0]).r2).toBeCloseTo(0.25, 15);
    // exactly 1e-14 is refused too (the test is pivot > 1e-14)
    expect(() => shapleyR2(matrixFromRows([[1, 0], [0, 1e-14]]), [0.5, 0])).toThrow(new RangeError('shapleyR2(rxx): driver 1 is (nearly) a linear combination of drivers {0} (pivot 1e-14)'));
  });

  it('malformed input: the exact messages', () => {
    expect(() => shapleyR2(null as never, [])).toThrow(new TypeError('shapleyR2(rxx): expected a square Matrix'));
    expect(() => shapleyR2({ rows: 1, cols: 1, data: [1] } as never, [0.5])).toThrow(new TypeError('shapleyR2(rxx): expected a square Matrix'));
    expect(() => shapleyR2({ rows: 1, cols: 2, data: new Float64Array(2) }, [0.5])).toThrow(new TypeError('shapleyR2(rxx): expected a square Matrix'));
    expect(() => shapleyR2(R3(), [0.5, 0.5])).toThrow(new RangeError('shapleyR2(rxy): expected length 3, got 2'));
    expect(() => shapleyR2(R3(), null as never)).toThrow(new RangeError('shapleyR2(rxy): expected length 3, got undefined'));
    expect(() => shapleyR2(R3(), [0.5, NaN, 0.1])).toThrow(new RangeError('shapleyR2(rxy): non-finite value at 1'));
    expect(() => shapleyR2(R3(), [0.5, 0.1, Infinity])).toThrow(new RangeError('shapleyR2(rxy): non-finite value at 2'));
    const big: Matrix = { rows: 25, cols: 25, data: new Float64Array(625) };
    expect(() => shapleyR2(big, new Float64Array(25))).toThrow(new RangeError('shapleyR2(rxx): 25 drivers means 2^25 subsets; at most 24 are supported (use relativeWeights)'));
  });
});

describe('relativeWeights', () => {
  it('3 drivers: Johnson weights, R² and the smallest eigenvalue equal numpy', () => {
    // numpy: lam, V = np.linalg.eigh(R); L = V @ diag(sqrt(lam)) @ V.T; b = solve(L, r); (L**2) @ b**2
    const w = relativeWeights(R3(), r3);
    close(w.weights, [0.2601439327392705, 0.08009648537278984, 0.04725958188793959], 1e-13);
    expect(w.r2).toBeCloseTo(0.38749999999999996, 14);
    expect(w.minEigenvalue).toBeCloseTo(0.48716052632529966, 14);
    close(relativeWeights(R3(), Float64Array.from(r3)).weights, [0.2601439327392705, 0.08009648537278984, 0.04725958188793959], 1e-13);
  });

  it('two drivers equal Shapley (hand: φ₁ = (r₁² + R² − r₂²)/2); uncorrelated drivers get r²', () => {
    const r2 = (0.36 + 0.16 - 0.24) / 0.75;
    const w = relativeWeights(matrixFromRows([[1, 0.5], [0.5, 1]]), [0.6, 0.4]);
    close(w.weights, [(0.36 + r2 - 0.16) / 2, (0.16 + r2 - 0.36) / 2], 1e-14);
    expect(w.minEigenvalue).toBeCloseTo(0.5, 15);
    const id = relativeWeights(matrixFromRows([[1, 0], [0, 1]]), [0.3, -0.5]);
    close(id.weights, [0.09, 0.25], 1e-15);
    expect(id.r2).toBeCloseTo(0.34, 15);
    expect(id.minEigenvalue).toBe(1);
  });

  it('no driver: R² 0, NaN smallest eigenvalue', () => {
    const w = relativeWeights(empty(), []);
    expect(w.r2).toBe(0);
    expect(w.weights.length).toBe(0);
    expect(w.minEigenvalue).toBeNaN();
  });

  it('singular matrices: the relative threshold 1e-12·max(1, λ_max)', () => {
    expect(() => relativeWeights(matrixFromRows([[1, 1], [1, 1]]), [0.5, 0.5])).toThrow(/^relativeWeights\(rxx\): correlation matrix is singular \(smallest eigenvalue .*\): collinear drivers$/);
    expect(() => relativeWeights(matrixFromRows([[1, 0], [0, 5e-13]]), [0.5, 0])).toThrow(new RangeError('relativeWeights(rxx): correlation matrix is singular (smallest eigenvalue 5e-13): collinear drivers'));
    expect(relativeWeights(matrixFromRows([[1, 0], [0, 2e-12]]), [0.5, 0]).minEigenvalue).toBe(2e-12);
    // λ_max = 100: threshold 1e-10
    expect(() => relativeWeights(matrixFromRows([[100, 0], [0, 5e-11]]), [0.5, 0])).toThrow(/smallest eigenvalue 5e-11/);
    // λ_max = 0.5 < 1: threshold stays 1e-12
    expect(() => relativeWeights(matrixFromRows([[0.5, 0], [0, 8e-13]]), [0.5, 0])).toThrow(/smallest eigenvalue 8e-13/);
    expect(relativeWeights(matrixFromRows([[0.5, 0], [0, 2e-12]]), [0.5, 0]).minEigenvalue).toBe(2e-12);
    expect(() => relativeWeights(matrixFromRows([[1, 0], [0, -1]]), [0.5, 0])).toThrow(/smallest eigenvalue -1\)/);
  });

  it('malformed input: the exact messages', () => {
    expect(() => relativeWeights(undefined as never, [])).toThrow(new TypeError('relativeWeights(rxx): expected a square Matrix'));
    expect(() => relativeWeights({ rows: 1, cols: 1, data: [1] } as never, [1])).toThrow(new TypeError('relativeWeights(rxx): expected a square Matrix'));
    expect(() => relativeWeights({ rows: 2, cols: 1, data: new Float64Array(2) }, [1])).toThrow(new TypeError('relativeWeights(rxx): expected a square Matrix'));
    expect(() => relativeWeights(R3(), [1])).toThrow(new RangeError('relativeWeights(rxy): expected length 3, got 1'));
    expect(() => relativeWeights(R3(), undefined as never)).toThrow(new RangeError('relativeWeights(rxy): expected length 3, got undefined'));
  });
});

/** A key-driver result with chosen shares (derivedImportance and statedVsDerived read only these fields). */
function fake(drivers: { name: string; shapley: number | null; relativeWeight: number | null; sign?: 1 | -1 }[], rankedBy: 'shapley' | 'relativeWeight' = 'shapley'): KeyDriverResult {
  return { rankedBy, drivers: drivers.map((d) => ({ sign: 1, ...d })) } as unknown as KeyDriverResult;
}
const four = (): KeyDriverResult =>
  fake([
    { name: 'A', shapley: 0.4, relativeWeight: 0.3 },
    { name: 'B', shapley: -0.1, relativeWeight: -0.2, sign: -1 },
    { name: 'C', shapley: 0.25, relativeWeight: 0.3 },
    { name: 'D', shapley: 0.25, relativeWeight: 0.2 },
  ]);

describe('derivedImportance', () => {
  it('unsigned shares of the ranking measure by default, the sign kept apart; the other measure on request', () => {
    expect(derivedImportance(four())).toEqual([
      { name: 'A', share: 0.4, sign: 1, measure: 'shapley' },
      { name: 'B', share: 0.1, sign: -1, measure: 'shapley' },
      { name: 'C', share: 0.25, sign: 1, measure: 'shapley' },
      { name: 'D', share: 0.25, sign: 1, measure: 'shapley' },
    ]);
    expect(derivedImportance(four(), 'relativeWeight').map((d) => [d.share, d.measure])).toEqual([[0.3, 'relativeWeight'], [0.2, 'relativeWeight'], [0.3, 'relativeWeight'], [0.2, 'relativeWeight']]);
    const rw = fake([{ name: 'x', shapley: null, relativeWeight: -1, sign: -1 }], 'relativeWeight');
    expect(derivedImportance(rw)).toEqual([{ name: 'x', share: 1, sign: -1, measure: 'relativeWeight' }]);
  });
  it('errors: not a result, unknown measure, a measure not computed', () => {
    expect(() => derivedImportance(null as never)).toThrow(new TypeError('derivedImportance(result): expected the result of keyDriverAnalysis()'));
    expect(() => derivedImportance({ drivers: 'x' } as never)).toThrow(new TypeError('derivedImportance(result): expected the result of keyDriverAnalysis()'));
    expect(() => derivedImportance(four(), 'lmg' as never)).toThrow(new RangeError("derivedImportance(measure): expected 'shapley' or 'relativeWeight', got lmg"));
    expect(() => derivedImportance({ drivers: [] } as never)).toThrow(new RangeError("derivedImportance(measure): expected 'shapley' or 'relativeWeight', got undefined"));
    const rw = fake([{ name: 'x', shapley: null, relativeWeight: 1 }], 'relativeWeight');
    expect(() => derivedImportance(rw, 'shapley')).toThrow(new RangeError('derivedImportance(measure): "shapley" was not computed in this result (method option)'));
    const sh = fake([{ name: 'x', shapley: 1, relativeWeight: null }]);
    expect(() => derivedImportance(sh, 'relativeWeight')).toThrow(new RangeError('derivedImportance(measure): "relativeWeight" was not computed in this result (method option)'));
  });
});

describe('statedVsDerived', () => {
  const stated = { A: [4, 4], B: [3, 3, NaN], C: [2, 1, 3], D: Float64Array.of(3, NaN, 3), extra: [1] };
  it('means without NaN, shares, competition ranks, quadrants with both axes split at the mean (ties go high), Spearman r', () => {
    const s = statedVsDerived(four(), stated);
    expect(s.measure).toBe('shapley');
    expect(s.method).toBe('stated (mean rating) vs derived (Shapley/LMG share of R²) importance');
    // means 4, 3, 2, 3 (sum 12, mean 3 = B's and D's); shares 0.4, 0.1, 0.25, 0.25 (mean 0.25 = C's and D's)
    expect(s.drivers).toEqual([
      { name: 'A', statedMean: 4, statedN: 2, statedShare: 4 / 12, derivedShare: 0.4, statedRank: 1, derivedRank: 1, quadrant: 'key driver' },
      { name: 'B', statedMean: 3, statedN: 2, statedShare: 3 / 12, derivedShare: 0.1, statedRank: 2, derivedRank: 4, quadrant: 'basic' },
      { name: 'C', statedMean: 2, statedN: 3, statedShare: 2 / 12, derivedShare: 0.25, statedRank: 4, derivedRank: 2, quadrant: 'hidden' },
      { name: 'D', statedMean: 3, statedN: 2, statedShare: 3 / 12, derivedShare: 0.25, statedRank: 2, derivedRank: 2, quadrant: 'key driver' },
    ]);
    // scipy: spearmanr([4, 3, 2, 3], [0.4, 0.1, 0.25, 0.25]).statistic = 0.5
    // (hand: average ranks (4, 2.5, 1, 2.5) and (4, 1, 2.5, 2.5): Σdd = 2.25, Σd² = 4.5 each)
    expect(s.rankCorrelation).toBeCloseTo(0.5, 14);
  });

  it("relative weights on request: 'relative-weight' in the method; the secondary quadrant; Spearman −1", () => {
    const s = statedVsDerived(four(), { A: [1], B: [2], C: [3], D: [4] }, 'relativeWeight');
    expect(s.measure).toBe('relativeWeight');
    expect(s.method).toBe('stated (mean rating) vs derived (relative-weight share of R²) importance');
    // stated 1, 2, 3, 4 (mean 2.5); shares 0.3, 0.2, 0.3, 0.2 (mean 0.25)
    expect(s.drivers.map((d) => [d.quadrant, d.statedRank, d.derivedRank])).toEqual([
      ['hidden', 4, 1],
      ['secondary', 3, 3],
      ['key driver', 2, 1],
      ['basic', 1, 3],
    ]);
    // scipy: spearmanr([1, 2, 3, 4], [0.3, 0.2, 0.3, 0.2]).statistic = −0.4472135954999579
    expect(s.rankCorrelation).toBeCloseTo(-0.4472135954999579, 14);
    const rw = statedVsDerived(fake([{ name: 'x', shapley: null, relativeWeight: 0.6 }, { name: 'y', shapley: null, relativeWeight: 0.4 }], 'relativeWeight'), { x: [1, 2], y: [3] });
    expect(rw.measure).toBe('relativeWeight');
    expect(rw.rankCorrelation).toBeCloseTo(-1, 14);
    expect(rw.drivers.map((d) => d.statedMean)).toEqual([1.5, 3]);
  });

  it('a result without drivers (degenerate): no rows, NaN rank correlation, measure and method text from the ranking (or the measure asked for)', () => {
    const s = statedVsDerived(fake([]), {});
    expect(s.drivers).toEqual([]);
    expect(s.measure).toBe('shapley');
    expect(s.method).toBe('stated (mean rating) vs derived (Shapley/LMG share of R²) importance');
    expect(s.rankCorrelation).toBeNaN();
    const rw = statedVsDerived(fake([], 'relativeWeight'), {});
    expect(rw.measure).toBe('relativeWeight');
    expect(rw.method).toBe('stated (mean rating) vs derived (relative-weight share of R²) importance');
    const asked = statedVsDerived(fake([]), {}, 'relativeWeight');
    expect(asked.measure).toBe('relativeWeight');
    expect(asked.method).toBe('stated (mean rating) vs derived (relative-weight share of R²) importance');
  });

  it('errors: stated not an object, a driver without stated importance or without any rating, non-numbers', () => {
    expect(() => statedVsDerived(four(), null as never)).toThrow(new TypeError('statedVsDerived(stated): expected an object { driver: ratings }'));
    expect(() => statedVsDerived(four(), 'A' as never)).toThrow(new TypeError('statedVsDerived(stated): expected an object { driver: ratings }'));
    expect(() => statedVsDerived(four(), { A: [1], B: [2], D: [3] })).toThrow(new RangeError('statedVsDerived(stated): no stated importance for driver "C"'));
    expect(() => statedVsDerived(four(), { A: [1], B: [2], C: [NaN, NaN], D: [3] })).toThrow(new RangeError('statedVsDerived(stated): driver "C" has no stated-importance rating'));
    expect(() => statedVsDerived(four(), { A: [1], B: [2], C: [], D: [3] })).toThrow(new RangeError('statedVsDerived(stated): driver "C" has no stated-importance rating'));
    expect(() => statedVsDerived(four(), { A: [1], B: ['2'] as never, C: [3], D: [3] })).toThrow(new TypeError('statedVsDerived(B): element 0 is string, expected a number (NaN for missing)'));
    expect(() => statedVsDerived(four(), stated, 'x' as never)).toThrow(new RangeError("derivedImportance(measure): expected 'shapley' or 'relativeWeight', got x"));
  });
});

describe('CollinearDriversError', () => {
  it('is a RangeError named CollinearDriversError with its drivers, reason and message (driver or item, singular or plural)', () => {
    const e = new CollinearDriversError('f', ['a'], 'aliased');
    expect(e).toBeInstanceOf(RangeError);
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('CollinearDriversError');
    expect(String(e)).toBe('CollinearDriversError: f: collinear drivers — a is a linear combination of the other drivers (aliased, as lm() reports NA); drop or merge them');
    expect(e.drivers).toEqual(['a']);
    expect(e.reason).toBe('aliased');
    const items = new CollinearDriversError('g', ['x', 'y'], 'aliased', 'item');
    expect(items.message).toBe('g: collinear items — x, y are linear combinations of the other items (aliased, as lm() reports NA); drop or merge them');
    const c = new CollinearDriversError('h', ['k'], 'constant');
    expect(c.message).toBe('h: driver(s) with zero variance (constant): k');
    expect(c.reason).toBe('constant');
    expect(new CollinearDriversError('h', ['k', 'l'], 'constant', 'item').message).toBe('h: item(s) with zero variance (constant): k, l');
  });
});

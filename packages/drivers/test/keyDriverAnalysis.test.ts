import { renderMessage } from '@satlab/messages';
import { describe, expect, it } from 'vitest';
import { matrixFromRows } from '@satlab/stats';
import { CollinearDriversError, derivedImportance, keyDriverAnalysis, relativeWeights, shapleyR2, statedVsDerived } from '@satlab/drivers';
import { barometerColumns, fixture, maxRel, num } from './helpers.js';

// Reference: test/fixtures/kda.json from make-fixtures.R — brute-force lm() over all 2^p subsets
// (LMG by its definition), Johnson's relative weights by eigen(), betas from lm(weights =).
interface KdaRef {
  stated?: { means: number[]; n: number[]; spearman: number };
  n: number; nMissing: number; r2: number; adjR2: number; names: string[]; outcome: string;
  correlation: number[]; beta: number[]; lmg: number[]; relativeWeight: number[]; vif: number[];
  data?: Record<string, (number | null)[]>;
}
const fx = fixture<Record<string, KdaRef> & { aliased: { naCoefficients: string | string[] } }>('kda.json');

function check(ref: KdaRef, res: ReturnType<typeof keyDriverAnalysis>, tol: number): void {
  expect(res.n).toBe(ref.n);
  expect(res.nMissing).toBe(ref.nMissing);
  expect(Math.abs(res.r2 - ref.r2) / ref.r2).toBeLessThan(tol);
  expect(Math.abs(res.adjustedR2 - ref.adjR2) / ref.adjR2).toBeLessThan(tol);
  expect(res.drivers.map((d) => d.name)).toEqual(ref.names);
  expect(maxRel(res.drivers.map((d) => d.correlation), ref.correlation, 1e-3)).toBeLessThan(tol);
  expect(maxRel(res.drivers.map((d) => d.beta), ref.beta, 1e-3)).toBeLessThan(tol);
  expect(maxRel(res.drivers.map((d) => d.shapleyR2 as number), ref.lmg, 1e-6)).toBeLessThan(tol);
  expect(maxRel(res.drivers.map((d) => d.relativeWeightR2 as number), ref.relativeWeight, 1e-6)).toBeLessThan(tol);
  expect(maxRel(res.drivers.map((d) => d.vif), ref.vif)).toBeLessThan(tol);
  // shares: value / R², signed by the full-model coefficient
  const sum = ref.lmg.reduce((a, b) => a + b, 0);
  expect(maxRel(res.drivers.map((d) => d.shapley as number), ref.lmg.map((v, j) => (Math.sign(ref.beta[j]) * v) / sum), 1e-6)).toBeLessThan(tol);
  expect(res.drivers.reduce((s, d) => s + Math.abs(d.shapley as number), 0)).toBeCloseTo(1, 12);
  expect(res.drivers.reduce((s, d) => s + Math.abs(d.relativeWeight as number), 0)).toBeCloseTo(1, 12);
  // rank by |Shapley|
  const order = ref.lmg.map((v, j) => [v, j]).sort((a, b) => b[0] - a[0]).map((x) => x[1]);
  order.forEach((j, r) => expect(res.drivers[j].rank).toBe(r + 1));
}

describe('keyDriverAnalysis matches R brute force (lm on all 2^p subsets) and Johnson relative weights', () => {
  it('attitude (Chatterjee & Price, n = 30, p = 6): r, beta, LMG, relative weights, VIF, R² to 1e-10', () => {
    const ref = fx.attitude;
    const d = ref.data as Record<string, (number | null)[]>;
    const res = keyDriverAnalysis(num(d.rating), Object.fromEntries(ref.names.map((nm) => [nm, num(d[nm])])), { outcomeName: 'rating' });
    check(ref, res, 1e-10);
    expect(res.warnings.some((w) => w.text.includes('fewer than 10 per driver'))).toBe(true);
  });

  it('weighted synthetic data with missing values (n = 400 → 380 listwise, p = 8): weighted R², betas, LMG to 1e-10', () => {
    const ref = fx.weighted;
    const d = ref.data as Record<string, (number | null)[]>;
    const res = keyDriverAnalysis(num(d.y), Object.fromEntries(ref.names.map((nm) => [nm, num(d[nm])])), { weights: num(d.w), outcomeName: 'y' });
    check(ref, res, 1e-10);
    expect(res.weighted).toBe(true);
    expect(res.missingByVariable['(weight)']).toBe(3);
    expect(res.missingByVariable.d3).toBe(12);
  });

  it('synthetic barometer wave 1: overall and NPS on the ten sat_ ratings (NSP = missing, listwise) to 1e-10', () => {
    const cols = barometerColumns();
    for (const key of ['barometer', 'barometerNps'] as const) {
      const ref = fx[key];
      const res = keyDriverAnalysis(cols[ref.outcome], Object.fromEntries(ref.names.map((nm) => [nm, cols[nm]])), { outcomeName: ref.outcome });
      check(ref, res, 1e-10);
    }
  });

  it('an aliased driver throws CollinearDriversError naming the driver lm() reports as NA', () => {
    const d = fx.attitude.data as Record<string, (number | null)[]>;
    const cl = num(d.complaints).map((v, i) => v + (d.learning[i] as number));
    const call = (): unknown => keyDriverAnalysis(num(d.rating), { complaints: num(d.complaints), privileges: num(d.privileges), learning: num(d.learning), cl, raises: num(d.raises) });
    expect(call).toThrow(CollinearDriversError);
    try {
      call();
    } catch (e) {
      expect((e as CollinearDriversError).drivers).toEqual([fx.aliased.naCoefficients].flat());
      expect((e as Error).message).toMatch(/cl is a linear combination/);
    }
    expect(() => keyDriverAnalysis([1, 2, 3, 4, 5], { a: [1, 2, 1, 2, 1], k: [3, 3, 3, 3, 3] })).toThrow(/zero variance/);
  });
});

describe('shapleyR2 and relativeWeights from a correlation matrix', () => {
  it('two correlated drivers: Shapley by hand (r² alone and increments) and Σφ = R²', () => {
    const rxx = matrixFromRows([[1, 0.5], [0.5, 1]]);
    const s = shapleyR2(rxx, [0.6, 0.4]);
    // R² = (0.36 + 0.16 − 2·0.5·0.6·0.4)/(1 − 0.25) = 0.37333…; φ₁ = (0.36 + (R² − 0.16))/2
    const r2 = (0.36 + 0.16 - 0.24) / 0.75;
    expect(s.r2).toBeCloseTo(r2, 14);
    expect(s.values[0]).toBeCloseTo((0.36 + r2 - 0.16) / 2, 14);
    expect(s.values[1]).toBeCloseTo((0.16 + r2 - 0.36) / 2, 14);
    expect(relativeWeights(rxx, [0.6, 0.4]).r2).toBeCloseTo(r2, 14);
  });
  it('20 drivers: the 2^20 subset R² table is exact (spot checks against a direct solve) and Σφ = R² to 1e-13', () => {
    const p = 20;
    const rows = Array.from({ length: p }, (_, i) => Array.from({ length: p }, (_, j) => (i === j ? 1 : 0.3 + 0.2 * Math.cos(i * j))));
    // make it positive definite
    const rxx = matrixFromRows(rows.map((r, i) => r.map((v, j) => (i === j ? 1 : v / 2.5))));
    const rxy = Array.from({ length: p }, (_, j) => 0.2 + 0.02 * j);
    const s = shapleyR2(rxx, rxy);
    expect(s.subsets).toBe(2 ** 20);
    expect(Math.abs(s.values.reduce((a, b) => a + b, 0) - s.r2)).toBeLessThan(1e-13);
    for (const mask of [1, 0b1011, 0xabcde, 2 ** 20 - 1]) {
      const idx = Array.from({ length: p }, (_, j) => j).filter((j) => mask & (1 << j));
      const A = idx.map((a) => idx.map((b) => rxx.data[a + b * p]));
      const b = idx.map((a) => rxy[a]);
      // Gaussian elimination
      const k = idx.length;
      for (let c = 0; c < k; c++) for (let r = c + 1; r < k; r++) {
        const f = A[r][c] / A[c][c];
        for (let cc = c; cc < k; cc++) A[r][cc] -= f * A[c][cc];
        b[r] -= f * b[c];
      }
      const x = new Array(k).fill(0);
      for (let c = k - 1; c >= 0; c--) {
        let t = b[c];
        for (let cc = c + 1; cc < k; cc++) t -= A[c][cc] * x[cc];
        x[c] = t / A[c][c];
      }
      const r2 = x.reduce((acc, v, i) => acc + v * rxy[idx[i]], 0);
      expect(Math.abs(s.subsetR2[mask] - r2)).toBeLessThan(1e-13);
    }
  });
});

describe('keyDriverAnalysis options, warnings and bootstrap', () => {
  const d = fx.attitude.data as Record<string, (number | null)[]>;
  const drivers = Object.fromEntries(fx.attitude.names.map((nm) => [nm, num(d[nm])]));
  it('bootstrap intervals are seeded (same seed → same intervals) and bracket the estimate for the top driver', () => {
    const a = keyDriverAnalysis(num(d.rating), drivers, { bootstrap: 200, seed: 42 });
    const b = keyDriverAnalysis(num(d.rating), drivers, { bootstrap: 200, seed: 42 });
    expect(a.drivers.map((x) => x.shapleyCi)).toEqual(b.drivers.map((x) => x.shapleyCi));
    expect(a.bootstrap?.used).toBe(200);
    const top = a.drivers.find((x) => x.rank === 1)!;
    expect(top.shapleyCi![0]).toBeLessThan(top.shapley!);
    expect(top.shapleyCi![1]).toBeGreaterThan(top.shapley!);
    const c = keyDriverAnalysis(num(d.rating), drivers, { bootstrap: 200, seed: 43 });
    expect(c.drivers.map((x) => x.shapleyCi)).not.toEqual(a.drivers.map((x) => x.shapleyCi));
  });
  it("method 'weights' skips Shapley and ranks by relative weights; beyond maxShapleyDrivers a warning says so", () => {
    const r = keyDriverAnalysis(num(d.rating), drivers, { method: 'weights' });
    expect(r.drivers.every((x) => x.shapley === null)).toBe(true);
    expect(r.rankedBy).toBe('relativeWeight');
    const r2 = keyDriverAnalysis(num(d.rating), drivers, { maxShapleyDrivers: 4 });
    expect(r2.shapleyMethod).toBeNull();
    expect(r2.warnings.some((w) => w.text.includes('relative weights are used'))).toBe(true);
  });
  it('derivedImportance gives unsigned shares summing to 1 in driver order', () => {
    const r = keyDriverAnalysis(num(d.rating), drivers);
    const di = derivedImportance(r);
    expect(di.map((x) => x.name)).toEqual(fx.attitude.names);
    expect(di.reduce((s, x) => s + x.share, 0)).toBeCloseTo(1, 12);
    expect(di.every((x) => x.share >= 0 && x.measure === 'shapley')).toBe(true);
  });
  it('warns on a near-zero-variance driver (one answer ≥ 95 %) and on VIF > 10', () => {
    const n = 200;
    const a = Float64Array.from({ length: n }, (_, i) => Math.sin(i) * 2);
    const b = Float64Array.from({ length: n }, (_, i) => a[i] + 0.05 * Math.cos(3 * i));
    const rare = Float64Array.from({ length: n }, (_, i) => (i % 40 === 0 ? 2 : 1));
    const y = Float64Array.from({ length: n }, (_, i) => a[i] + rare[i] + Math.cos(7 * i));
    const r = keyDriverAnalysis(y, { a, b, rare });
    expect(r.warnings.find((w) => w.code === 'drivers.nearZeroVariance')?.params.names).toEqual(['rare']);
    const vif = r.warnings.find((w) => w.code === 'drivers.highVif')!;
    expect(vif.params.names).toEqual(['a', 'b']);
    expect(vif.text).toBe('strong collinearity (VIF above 10): a and b; betas are unstable, Shapley and relative weights share the overlap');
    expect(renderMessage(vif, 'fr')).toBe('forte colinéarité (VIF supérieur à 10) : a et b ; les bêtas sont instables, Shapley et les poids relatifs se partagent le recouvrement');
    expect(r.drivers[0].vif).toBeGreaterThan(10);
  });
  it('misuse throws RangeError naming the function and argument', () => {
    expect(() => keyDriverAnalysis([1, 2, 3], { a: [1, 2] })).toThrow(/keyDriverAnalysis\(a\)/);
    expect(() => keyDriverAnalysis(num(d.rating), drivers, { weights: num(d.rating).map(() => -1) })).toThrow(/weights/);
    expect(() => keyDriverAnalysis(num(d.rating), drivers, { method: 'lmg' as never })).toThrow(/options.method/);
  });
});

describe('statedVsDerived', () => {
  it('barometer: stated means of imp_ ratings and the Spearman correlation with the Shapley values equal R (1e-12); quadrants split at the means', () => {
    const cols = barometerColumns();
    const ref = fx.barometer;
    const res = keyDriverAnalysis(cols.overall, Object.fromEntries(ref.names.map((nm) => [nm, cols[nm]])));
    const sv = statedVsDerived(res, Object.fromEntries(ref.names.map((nm) => [nm, cols[nm.replace(/^sat_/, 'imp_')]])));
    expect(maxRel(sv.drivers.map((d) => d.statedMean), ref.stated!.means)).toBeLessThan(1e-12);
    expect(sv.drivers.map((d) => d.statedN)).toEqual(ref.stated!.n);
    expect(Math.abs(sv.rankCorrelation - ref.stated!.spearman)).toBeLessThan(1e-12);
    expect(sv.drivers.reduce((s, d) => s + d.derivedShare, 0)).toBeCloseTo(1, 12);
    const sBar = ref.stated!.means.reduce((a, b) => a + b, 0) / ref.names.length;
    const dBar = 1 / ref.names.length;
    sv.drivers.forEach((d) => {
      const expected = d.statedMean >= sBar ? (d.derivedShare >= dBar ? 'key driver' : 'basic') : d.derivedShare >= dBar ? 'hidden' : 'secondary';
      expect(d.quadrant).toBe(expected);
    });
    expect(() => statedVsDerived(res, {})).toThrow(/no stated importance/);
  });
});

import { describe, expect, it } from 'vitest';
import { renderMessage } from '@satlab/messages';
import { CollinearDriversError, keyDriverAnalysis } from '@satlab/drivers';
import type { KeyDriverResult } from '@satlab/drivers';

// Pinning tests of keyDriverAnalysis (issue 18). References: numpy (python3), by brute force —
// weighted least squares (np.linalg.lstsq on √w·[1, X]) over all 2^p subsets for R² and the LMG
// values (Σ over S ∌ j of |S|!(p − |S| − 1)!/p! · (R²(S ∪ j) − R²(S))), standardized betas
// b_j·sd_w(x_j)/sd_w(y) with sd_w = √(Σw(x − x̄_w)²/(Σw − 1)), VIF = diag(R_xx⁻¹), Johnson's
// weights from np.linalg.eigh(R_xx) (Λ* = V√ΛVᵀ, β = Λ*⁻¹r, ε = (Λ*)²β²); the same quantities as
// R's relaimpo::calc.relimp(lm(y ~ ., weights = w), type = "lmg") and lm(). Values printed with repr().

/** |a − b| ≤ tol·max(1, |b|) for each pair. */
function close(a: readonly number[] | Float64Array, b: readonly number[], tol = 1e-10): void {
  expect(a.length).toBe(b.length);
  for (let i = 0; i < b.length; i++) expect(Math.abs(a[i] - b[i])).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(b[i])));
}
const codes = (r: KeyDriverResult): string[] => r.warnings.map((w) => w.code);
const caught = (f: () => unknown): Error => {
  try {
    f();
  } catch (e) {
    return e as Error;
  }
  throw new Error('did not throw');
};

// The example of the documentation: 12 respondents, 3 drivers.
const contact = [4, 3, 5, 2, 4, 3, 5, 1, 2, 4, 3, 5];
const delai = [3, 3, 4, 2, 5, 2, 4, 2, 1, 3, 4, 5];
const prix = [2, 4, 3, 3, 2, 4, 3, 2, 3, 4, 2, 3];
const overall = [4, 3, 5, 2, 5, 3, 4, 1, 2, 4, 3, 5];
// numpy (kda.py): the references of this example.
const D1 = {
  r2: 0.919996979771548,
  adj: 0.8899958471858785, // 1 − (1 − R²)·11/8
  r: [0.947136563876652, 0.8296416163240987, 0.036426549067838765],
  beta: [0.7573647562935175, 0.24405762516267077, 0.005182052186619652],
  vif: [3.470250848062843, 3.6572933404749124, 1.4837305838243164],
  lmg: [0.5431291305462046, 0.36424557821995357, 0.012622271005389818],
  rw: [0.5435607263225741, 0.3595115422328773, 0.016924711216097052],
  shapShare: [0.5903596886601448, 0.3959204065109022, 0.013719904828952979],
  rwShare: [0.5908288160441028, 0.3907746983279777, 0.01839648562791996],
};
const run1 = (o: Parameters<typeof keyDriverAnalysis>[2] = {}): KeyDriverResult => keyDriverAnalysis(overall, { contact, delai, prix }, { outcomeName: 'overall', ...o });

describe('keyDriverAnalysis: every field of a plain fit (numpy brute force)', () => {
  it('12 respondents, 3 drivers: correlations, betas, VIF, R², adjusted R², Shapley and relative weights in R² units and as shares', () => {
    const r = run1();
    expect(r.outcome).toBe('overall');
    expect([r.n, r.nTotal, r.nMissing, r.nZeroWeight, r.weighted, r.sumWeights]).toEqual([12, 12, 0, 0, false, 12]);
    expect(r.missingByVariable).toEqual({ overall: 0, contact: 0, delai: 0, prix: 0 });
    close([r.r2, r.adjustedR2], [D1.r2, D1.adj]);
    expect(r.drivers.map((d) => d.name)).toEqual(['contact', 'delai', 'prix']);
    close(r.drivers.map((d) => d.correlation), D1.r);
    close(r.drivers.map((d) => d.beta), D1.beta);
    close(r.drivers.map((d) => d.vif), D1.vif);
    close(r.drivers.map((d) => d.shapleyR2 as number), D1.lmg);
    close(r.drivers.map((d) => d.relativeWeightR2 as number), D1.rw);
    close(r.drivers.map((d) => d.shapley as number), D1.shapShare);
    close(r.drivers.map((d) => d.relativeWeight as number), D1.rwShare);
    expect(r.drivers.map((d) => d.sign)).toEqual([1, 1, 1]);
    expect(r.drivers.map((d) => d.rank)).toEqual([1, 2, 3]);
    expect(r.drivers.map((d) => [d.shapleyCi, d.relativeWeightCi])).toEqual([[null, null], [null, null], [null, null]]);
    expect(r.rankedBy).toBe('shapley');
    expect(r.shapleyMethod).toBe('exact over all 2^3 = 8 subsets, R² from the correlation matrix');
    expect(r.method).toBe("key-driver analysis: Pearson correlation, standardized OLS betas (QR), Shapley/LMG decomposition of R² (exact), Johnson's relative weights");
    expect(r.bootstrap).toBeNull();
    // n = 12 < 10·3: the only caution
    expect(r.warnings.map((w) => [w.code, w.params])).toEqual([['drivers.fewRespondents', { n: 12, p: 3 }]]);
    expect(r.warnings[0].text).toBe('only 12 respondents for 3 drivers (fewer than 10 per driver): importance estimates are unstable');
  });

  it("the default outcome name is 'outcome'; Float64Array input gives the same result", () => {
    const r = keyDriverAnalysis(Float64Array.from(overall), { contact: Float64Array.from(contact), delai, prix });
    expect(r.outcome).toBe('outcome');
    expect(Object.keys(r.missingByVariable)).toEqual(['outcome', 'contact', 'delai', 'prix']);
    close([r.r2], [D1.r2]);
    close(r.drivers.map((d) => d.shapley as number), D1.shapShare);
  });

  it("method 'shapley' leaves the relative weights out; method 'weights' leaves Shapley out and ranks by relative weight", () => {
    const s = run1({ method: 'shapley' });
    expect(s.drivers.map((d) => [d.relativeWeight, d.relativeWeightR2])).toEqual([[null, null], [null, null], [null, null]]);
    close(s.drivers.map((d) => d.shapley as number), D1.shapShare);
    expect(s.rankedBy).toBe('shapley');
    expect(s.method).toBe('key-driver analysis: Pearson correlation, standardized OLS betas (QR), Shapley/LMG decomposition of R² (exact)');
    expect(codes(s)).toEqual(['drivers.fewRespondents']);
    const w = run1({ method: 'weights' });
    expect(w.drivers.map((d) => [d.shapley, d.shapleyR2])).toEqual([[null, null], [null, null], [null, null]]);
    close(w.drivers.map((d) => d.relativeWeight as number), D1.rwShare);
    close(w.drivers.map((d) => d.relativeWeightR2 as number), D1.rw);
    expect(w.rankedBy).toBe('relativeWeight');
    expect(w.drivers.map((d) => d.rank)).toEqual([1, 2, 3]);
    expect(w.shapleyMethod).toBeNull();
    expect(w.method).toBe("key-driver analysis: Pearson correlation, standardized OLS betas (QR), Johnson's relative weights");
    expect(codes(w)).toEqual(['drivers.fewRespondents']);
  });

  it('maxShapleyDrivers: at p the exact decomposition runs; below p it is skipped with a warning, even for method shapley', () => {
    const at = run1({ maxShapleyDrivers: 3 });
    expect(at.shapleyMethod).toBe('exact over all 2^3 = 8 subsets, R² from the correlation matrix');
    expect(codes(at)).toEqual(['drivers.fewRespondents']);
    const below = run1({ maxShapleyDrivers: 2 });
    expect(below.shapleyMethod).toBeNull();
    expect(below.rankedBy).toBe('relativeWeight');
    expect(below.drivers.every((d) => d.shapley === null)).toBe(true);
    close(below.drivers.map((d) => d.relativeWeight as number), D1.rwShare);
    expect(below.warnings.map((w) => [w.code, w.params])).toEqual([
      ['drivers.fewRespondents', { n: 12, p: 3 }],
      ['drivers.shapleyTooMany', { p: 3, max: 2 }],
    ]);
    expect(below.warnings[1].text).toBe("3 drivers: exact Shapley over 2^3 subsets skipped (limit 2); Johnson's relative weights are used for the ranking");
    expect(below.method).toBe("key-driver analysis: Pearson correlation, standardized OLS betas (QR), Johnson's relative weights");
    // method 'shapley' beyond the limit: the relative weights are computed all the same
    const sh = run1({ method: 'shapley', maxShapleyDrivers: 1 });
    expect(sh.drivers.every((d) => d.shapley === null)).toBe(true);
    close(sh.drivers.map((d) => d.relativeWeightR2 as number), D1.rw);
    expect(sh.rankedBy).toBe('relativeWeight');
    expect(sh.warnings.map((w) => [w.code, w.params])).toEqual([
      ['drivers.fewRespondents', { n: 12, p: 3 }],
      ['drivers.shapleyTooMany', { p: 3, max: 1 }],
    ]);
    // method 'shapley' at the limit: Shapley only, no relative weights
    const shAt = run1({ method: 'shapley', maxShapleyDrivers: 3 });
    expect(shAt.drivers.map((d) => [d.relativeWeight, d.relativeWeightR2])).toEqual([[null, null], [null, null], [null, null]]);
    close(shAt.drivers.map((d) => d.shapley as number), D1.shapShare);
    expect(codes(shAt)).toEqual(['drivers.fewRespondents']);
    // method 'weights' beyond the limit: nothing to skip, no warning
    expect(codes(run1({ method: 'weights', maxShapleyDrivers: 1 }))).toEqual(['drivers.fewRespondents']);
    expect(run1({ maxShapleyDrivers: 24 }).shapleyMethod).not.toBeNull();
    expect(run1({ maxShapleyDrivers: 1 }).shapleyMethod).toBeNull();
  });
});

describe('keyDriverAnalysis: weights, missing values, zero weights and a negative coefficient', () => {
  const nan = NaN;
  const a = [3, 5, 2, 4, 1, 5, 3, 2, 4, 4, 1, 3, 5, 2, 3, 4];
  const b = [2, 5, 3, 4, 1, 4, 3, nan, 5, 3, 2, 2, 4, 3, 3, 5];
  const y = [4, 5, 2, nan, 1, 6, 4, 3, 3, 6, 1, 4, 6, 2, 4, 3];
  const w = [1, 2, 1, 1, 0.5, 1, 1.5, 1, 2, 1, nan, 1, 0, 1, 0.5, 1];
  const run = (): KeyDriverResult => keyDriverAnalysis(y, { a, b }, { weights: w, outcomeName: 'y' });
  it('16 given, 3 missing (y, b, the weight), 1 weight 0: weighted R², betas, LMG = relative weights (p = 2), signed shares', () => {
    const r = run();
    expect([r.n, r.nTotal, r.nMissing, r.nZeroWeight, r.weighted, r.sumWeights]).toEqual([12, 16, 3, 1, true, 13.5]);
    expect(r.missingByVariable).toEqual({ y: 1, a: 0, b: 1, '(weight)': 1 });
    // numpy: kda(y[keep], {a, b}, w[keep]), keep = rows 0 1 2 4 5 6 8 9 11 13 14 15
    close([r.r2, r.adjustedR2], [0.9057781676559957, 0.8848399826906614]);
    close(r.drivers.map((d) => d.correlation), [0.7555541041761771, 0.19898409269957906]);
    close(r.drivers.map((d) => d.beta), [1.4335964627872635, -0.891435697843325]);
    close(r.drivers.map((d) => d.vif), [2.372706039372706, 2.372706039372706]);
    close(r.drivers.map((d) => d.shapleyR2 as number), [0.7185227514229934, 0.18725541623300235]);
    close(r.drivers.map((d) => d.relativeWeightR2 as number), [0.718522751422993, 0.18725541623300232]);
    close(r.drivers.map((d) => d.shapley as number), [0.7932656991307392, -0.20673430086926078]);
    close(r.drivers.map((d) => d.relativeWeight as number), [0.7932656991307389, -0.20673430086926076]);
    expect(r.drivers.map((d) => d.sign)).toEqual([1, -1]);
    expect(r.drivers.map((d) => d.rank)).toEqual([1, 2]);
    expect(r.method).toBe("key-driver analysis: Pearson correlation, standardized OLS betas (QR), Shapley/LMG decomposition of R² (exact), Johnson's relative weights, weighted");
  });
  it('warnings in order: missing, zero weight, few respondents, negative coefficient (exact parameters and text)', () => {
    const r = run();
    expect(r.warnings.map((m) => [m.code, m.params])).toEqual([
      ['drivers.missingDropped', { n: 3, nTotal: 16 }],
      ['drivers.zeroWeightDropped', { n: 1 }],
      ['drivers.fewRespondents', { n: 12, p: 2 }],
      ['drivers.negativeBeta', { names: ['b'] }],
    ]);
    expect(r.warnings[0].text).toBe('3 of 16 respondent(s) dropped (listwise): a value of the outcome, a driver or the weight was missing');
    expect(r.warnings[1].text).toBe('1 respondent(s) with weight 0 left out');
    expect(renderMessage(r.warnings[3], 'en')).toMatch(/: b$/);
  });
});

describe('keyDriverAnalysis: boundaries', () => {
  it('ten respondents for one driver is enough (no warning at all); nine warns; Shapley share of one driver is 1', () => {
    const x = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    const y = [2, 1, 4, 3, 6, 5, 8, 7, 10, 9];
    const r = keyDriverAnalysis(y, { x });
    expect(r.warnings).toEqual([]);
    // numpy: r = 0.9393939393939394 (= 155/165), R² = r², adjusted 1 − (1 − R²)·9/8
    close([r.r2, r.adjustedR2], [0.8824609733700642, 0.8677685950413223]);
    close(r.drivers.map((d) => d.correlation), [0.9393939393939394]);
    close(r.drivers.map((d) => d.beta), [0.93939393939394]);
    expect(r.drivers[0].vif).toBeCloseTo(1, 14);
    expect(r.drivers[0].shapley).toBeCloseTo(1, 14);
    expect(r.drivers[0].relativeWeight).toBeCloseTo(1, 14);
    expect(r.shapleyMethod).toBe('exact over all 2^1 = 2 subsets, R² from the correlation matrix');
    const r9 = keyDriverAnalysis(y.slice(0, 9), { x: x.slice(0, 9) });
    expect(r9.warnings.map((w) => [w.code, w.params])).toEqual([['drivers.fewRespondents', { n: 9, p: 1 }]]);
  });

  it('p + 2 respondents are the minimum: p + 1 throws with the counts', () => {
    expect(keyDriverAnalysis([1, 3, 2], { x: [1, 2, 4] }).n).toBe(3);
    expect(() => keyDriverAnalysis([1, 3], { x: [1, 2] })).toThrow(new RangeError('keyDriverAnalysis: 2 complete respondent(s) for 1 driver(s); at least 3 are needed'));
    expect(() => keyDriverAnalysis([1, 3, 2, NaN], { x: [1, 2, 4, 5], z: [2, 1, 1, 3] })).toThrow(new RangeError('keyDriverAnalysis: 3 complete respondent(s) for 2 driver(s); at least 4 are needed'));
    expect(keyDriverAnalysis([1, 3, 2, 5], { x: [1, 2, 4, 5], z: [2, 1, 1, 3] }).n).toBe(4);
  });

  it('near-zero variance: one value for exactly 95 % of respondents warns, 90 % does not; weights count', () => {
    const y = Array.from({ length: 20 }, (_, i) => ((i * 7) % 11) + (i % 3));
    const x = Array.from({ length: 20 }, (_, i) => (i === 19 ? 2 : 1));
    const z = Array.from({ length: 20 }, (_, i) => (i * 5) % 7);
    const r = keyDriverAnalysis(y, { x, z });
    expect(r.warnings.filter((w) => w.code === 'drivers.nearZeroVariance').map((w) => w.params)).toEqual([{ names: ['x'] }]);
    expect(r.warnings.find((w) => w.code === 'drivers.nearZeroVariance')?.text).toBe(
      'near-zero variance (one answer given by 95 % or more of respondents): x; their importance is poorly estimated',
    );
    const x90 = Array.from({ length: 20 }, (_, i) => (i >= 18 ? 2 : 1));
    expect(codes(keyDriverAnalysis(y, { x: x90, z })).includes('drivers.nearZeroVariance')).toBe(false);
    // weighted: the two 2s weigh 0.4 each, total 18.8, 18 ≥ 0.95·18.8 = 17.86 → warns
    const wts = Array.from({ length: 20 }, (_, i) => (i >= 18 ? 0.4 : 1));
    const rw = keyDriverAnalysis(y, { x: x90, z }, { weights: wts });
    expect(rw.warnings.filter((w) => w.code === 'drivers.nearZeroVariance').map((w) => w.params)).toEqual([{ names: ['x'] }]);
  });

  it('VIF above 10: the collinear pair is named, the third driver is not', () => {
    const a = Array.from({ length: 12 }, (_, i) => i + 1);
    const noise = [0.3, -0.2, 0.1, -0.3, 0.2, 0, -0.1, 0.3, -0.2, 0.1, -0.3, 0.2];
    const b = a.map((v, i) => v + noise[i]);
    const c = [2, 5, 1, 4, 3, 5, 2, 1, 4, 3, 2, 5];
    const y = a.map((v, i) => v + c[i] + (i % 3));
    const r = keyDriverAnalysis(y, { a, b, c });
    // numpy: np.diag(np.linalg.inv(np.corrcoef([a, b, c]))) = 291.5468447…, 290.5816717…, 1.1253371…
    close(r.drivers.map((d) => d.vif), [291.54684473369855, 290.5816716651397, 1.1253371361130673], 1e-9);
    const hv = r.warnings.filter((w) => w.code === 'drivers.highVif');
    expect(hv.map((w) => w.params)).toEqual([{ names: ['a', 'b'] }]);
    expect(hv[0].text).toBe('strong collinearity (VIF above 10): a and b; betas are unstable, Shapley and relative weights share the overlap');
  });

  it('R² = 0 (outcome uncorrelated with the driver): warning, NaN shares, every driver ranked 1', () => {
    // x = (−2, −1, 0, 1, 2), y − 2 = (2, −1, −2, −1, 2): Σ products = −4 + 1 + 0 − 1 + 4 = 0 exactly
    // (x centred at 0 so that the QR coefficient is exactly 0, not −6e-17: no negative-beta warning)
    const r = keyDriverAnalysis([4, 1, 0, 1, 4], { x: [-2, -1, 0, 1, 2] });
    expect(Math.abs(r.drivers[0].beta)).toBeLessThan(1e-15);
    expect(r.drivers[0].sign).toBe(1);
    expect(r.r2).toBe(0);
    expect(r.adjustedR2).toBeCloseTo(-1 / 3, 14); // 1 − 1·4/3
    expect(r.drivers[0].correlation).toBe(0);
    expect(r.drivers[0].shapley).toBeNaN();
    expect(r.drivers[0].relativeWeight).toBeNaN();
    expect(r.drivers[0].shapleyR2).toBe(0);
    expect(r.drivers[0].rank).toBe(1);
    expect(codes(r)).toEqual(['drivers.fewRespondents', 'drivers.zeroR2']);
    expect(r.warnings[1].text).toBe('R² is 0: importance shares are undefined (NaN)');
  });

  it('ties: two interchangeable drivers share rank 1, the third is ranked 3 (standard competition ranking)', () => {
    // rows come in pairs (a, b) ↔ (b, a) with the same c and y, integer or half-integer deviations: exact sums
    const a = [1, 2, 3, 5, 2, 4, 1, 6];
    const b = [2, 1, 5, 3, 4, 2, 1, 6];
    const c = [1, 1, 2, 2, 4, 4, 3, 3];
    const y = [2, 2, 5, 5, 3, 3, 1, 7];
    const r = keyDriverAnalysis(y, { a, b, c });
    // numpy kda.py
    close([r.r2, r.adjustedR2], [0.9976057462090981, 0.9958100558659218]);
    close(r.drivers.map((d) => d.shapley as number), [0.4906629136141636, 0.4906629136141636, -0.018674172771672735]);
    close(r.drivers.map((d) => d.relativeWeight as number), [0.49253607414914025, 0.49253607414914, -0.014927851701719928]);
    close(r.drivers.map((d) => d.beta), [0.5741119054455495, 0.5741119054455486, -0.17694725221989607]);
    expect(r.drivers.map((d) => d.rank)).toEqual([1, 1, 3]);
    expect(r.drivers.map((d) => d.sign)).toEqual([1, 1, -1]);
    expect(r.warnings.map((w) => [w.code, w.params])).toEqual([
      ['drivers.fewRespondents', { n: 8, p: 3 }],
      ['drivers.negativeBeta', { names: ['c'] }],
    ]);
  });
});

describe('keyDriverAnalysis: collinear, constant and malformed input', () => {
  it('constant drivers: CollinearDriversError (reason constant) naming all of them; a constant outcome: RangeError', () => {
    const y = [1, 2, 3, 4, 5, 6];
    const e = caught(() => keyDriverAnalysis(y, { a: [1, 3, 2, 5, 4, 6], k: [2, 2, 2, 2, 2, 2], m: [0, 0, 0, 0, 0, 0] }));
    expect(e).toBeInstanceOf(CollinearDriversError);
    expect(e).toBeInstanceOf(RangeError);
    expect((e as CollinearDriversError).reason).toBe('constant');
    expect((e as CollinearDriversError).drivers).toEqual(['k', 'm']);
    expect(e.name).toBe('CollinearDriversError');
    expect(e.message).toBe('keyDriverAnalysis: driver(s) with zero variance (constant): k, m');
    // constant after the missing rows are dropped
    const e2 = caught(() => keyDriverAnalysis([1, 2, 3, 4, 5], { a: [1, 3, 2, 5, 4], k: [7, 7, 7, 7, NaN] }));
    expect((e2 as CollinearDriversError).drivers).toEqual(['k']);
    expect(() => keyDriverAnalysis([3, 3, 3, 3, 3], { a: [1, 3, 2, 5, 4] })).toThrow(new RangeError('keyDriverAnalysis(outcome): the outcome "outcome" is constant'));
    expect(() => keyDriverAnalysis([3, 3, 3, 3, 3], { a: [1, 3, 2, 5, 4] }, { outcomeName: 'nps' })).toThrow(/^keyDriverAnalysis\(outcome\): the outcome "nps" is constant$/);
    // a driver that varies only in its last value is not constant
    expect(keyDriverAnalysis([1, 2, 3, 4, 6], { a: [1, 1, 1, 1, 2], b: [2, 1, 3, 1, 2] }).n).toBe(5);
  });

  it("aliased drivers (exact linear combinations): lm()'s NA coefficients, in order, with the plural wording", () => {
    const a = [1, 3, 2, 5, 4, 6, 2, 5];
    const b = [2, 1, 4, 3, 6, 5, 3, 1];
    const y = [2, 3, 4, 5, 6, 7, 3, 4];
    const one = caught(() => keyDriverAnalysis(y, { a, b, s: a.map((v, i) => v + b[i]) }));
    expect(one).toBeInstanceOf(CollinearDriversError);
    expect((one as CollinearDriversError).reason).toBe('aliased');
    expect((one as CollinearDriversError).drivers).toEqual(['s']);
    expect(one.message).toBe('keyDriverAnalysis: collinear drivers — s is a linear combination of the other drivers (aliased, as lm() reports NA); drop or merge them');
    // R: lm(y ~ a + b + s + d) reports NA for s and d
    const two = caught(() => keyDriverAnalysis(y, { a, b, s: a.map((v, i) => v + b[i]), d: a.map((v, i) => v - 2 * b[i]) }));
    expect((two as CollinearDriversError).drivers).toEqual(['s', 'd']);
    expect(two.message).toBe('keyDriverAnalysis: collinear drivers — s, d are linear combinations of the other drivers (aliased, as lm() reports NA); drop or merge them');
    // a driver equal to a constant minus another (aliased with the intercept): the later one is named
    const c = caught(() => keyDriverAnalysis(y, { a, na: a.map((v) => 7 - v) }));
    expect((c as CollinearDriversError).drivers).toEqual(['na']);
  });

  it('malformed drivers and options: the exact messages', () => {
    const y = [1, 2, 3, 4, 5];
    const x = [2, 1, 4, 3, 5];
    expect(() => keyDriverAnalysis(y, null as never)).toThrow(new TypeError('keyDriverAnalysis(drivers): expected an object { name: values }'));
    expect(() => keyDriverAnalysis(y, 'x' as never)).toThrow(new TypeError('keyDriverAnalysis(drivers): expected an object { name: values }'));
    expect(() => keyDriverAnalysis(y, 5 as never)).toThrow(new TypeError('keyDriverAnalysis(drivers): expected an object { name: values }'));
    expect(() => keyDriverAnalysis(y, {})).toThrow(new RangeError('keyDriverAnalysis(drivers): at least one driver is needed'));
    expect(() => keyDriverAnalysis(y, { outcome: x })).toThrow(new RangeError('keyDriverAnalysis(drivers): "outcome" is both the outcome and a driver'));
    expect(() => keyDriverAnalysis(y, { sat: x }, { outcomeName: 'sat' })).toThrow(new RangeError('keyDriverAnalysis(drivers): "sat" is both the outcome and a driver'));
    expect(keyDriverAnalysis(y, { outcome: x }, { outcomeName: 'y' }).outcome).toBe('y');
    expect(() => keyDriverAnalysis(y, { x }, { method: 'lmg' as never })).toThrow(new RangeError("keyDriverAnalysis(options.method): expected 'all', 'shapley' or 'weights', got lmg"));
    expect(() => keyDriverAnalysis(y, { x }, { bootstrap: 1.5 })).toThrow(new RangeError('keyDriverAnalysis(options.bootstrap): expected a non-negative integer, got 1.5'));
    expect(() => keyDriverAnalysis(y, { x }, { bootstrap: -1 })).toThrow(new RangeError('keyDriverAnalysis(options.bootstrap): expected a non-negative integer, got -1'));
    expect(keyDriverAnalysis(y, { x }, { bootstrap: 0 }).bootstrap).toBeNull();
    expect(() => keyDriverAnalysis(y, { x }, { confidenceLevel: 1 })).toThrow(new RangeError('keyDriverAnalysis(options.confidenceLevel): expected a number in (0, 1), got 1'));
    expect(() => keyDriverAnalysis(y, { x }, { confidenceLevel: 0 })).toThrow(new RangeError('keyDriverAnalysis(options.confidenceLevel): expected a number in (0, 1), got 0'));
    expect(() => keyDriverAnalysis(y, { x }, { confidenceLevel: NaN })).toThrow(/confidenceLevel\): expected a number in \(0, 1\), got NaN$/);
    expect(() => keyDriverAnalysis(y, { x }, { maxShapleyDrivers: 0 })).toThrow(new RangeError('keyDriverAnalysis(options.maxShapleyDrivers): expected an integer 1–24, got 0'));
    expect(() => keyDriverAnalysis(y, { x }, { maxShapleyDrivers: 25 })).toThrow(new RangeError('keyDriverAnalysis(options.maxShapleyDrivers): expected an integer 1–24, got 25'));
    expect(() => keyDriverAnalysis(y, { x }, { maxShapleyDrivers: 2.5 })).toThrow(new RangeError('keyDriverAnalysis(options.maxShapleyDrivers): expected an integer 1–24, got 2.5'));
    expect(() => keyDriverAnalysis(y, { x: [1, 2] })).toThrow(new RangeError("keyDriverAnalysis(x): length 2 differs from outcome's 5"));
    expect(() => keyDriverAnalysis(y, { x }, { weights: [1, 1, 1, 1, -2] })).toThrow(new RangeError('keyDriverAnalysis(weights): weights must be finite and non-negative, got -2 at row 4'));
  });
});

describe('keyDriverAnalysis: column-name form', () => {
  const table = {
    nRows: 12,
    columns: [
      { name: 'overall', type: 'numeric', values: overall, label: 'Satisfaction — Overall' },
      { name: 'sat_contact', type: 'numeric', values: contact, label: 'Satisfaction — Contact' },
      { name: 'sat_delai', type: 'numeric', values: Float64Array.from(delai), label: 'Délai' },
      { name: 'sat_prix', type: 'numeric', values: prix },
    ],
  };
  it('reads the columns, names drivers by the last part of their labels, the outcome by its column; options pass through', () => {
    const r = keyDriverAnalysis(table, 'overall', ['sat_contact', 'sat_delai', 'sat_prix']);
    expect(r.outcome).toBe('overall');
    expect(r.drivers.map((d) => d.name)).toEqual(['Contact', 'Délai', 'sat_prix']);
    close([r.r2], [D1.r2]);
    close(r.drivers.map((d) => d.shapley as number), D1.shapShare);
    const w = keyDriverAnalysis(table, 'overall', ['sat_contact', 'sat_delai', 'sat_prix'], { method: 'weights', outcomeName: 'global' });
    expect(w.outcome).toBe('global');
    expect(w.rankedBy).toBe('relativeWeight');
  });
  it('a table with drivers given as an object (not the column form) is read as a numeric outcome and refused', () => {
    expect(() => keyDriverAnalysis(table as never, { x: contact } as never)).toThrow(new TypeError('keyDriverAnalysis(outcome): expected a Float64Array or an array of numbers'));
  });
  it('two drivers with the same label: the column names are used for all; an empty list is refused', () => {
    const t2 = {
      nRows: 12,
      columns: [
        { name: 'overall', type: 'numeric', values: overall },
        { name: 'c1', type: 'numeric', values: contact, label: 'Wave 1 — Score' },
        { name: 'c2', type: 'numeric', values: delai, label: 'Wave 2 — Score' },
      ],
    };
    expect(keyDriverAnalysis(t2, 'overall', ['c1', 'c2']).drivers.map((d) => d.name)).toEqual(['c1', 'c2']);
    expect(() => keyDriverAnalysis(t2, 'overall', [])).toThrow(new RangeError('keyDriverAnalysis: give the columns as a non-empty array of names'));
    expect(() => keyDriverAnalysis(t2, 'overall', 'c1' as never)).toThrow(new RangeError('keyDriverAnalysis: give the columns as a non-empty array of names'));
  });
});

describe('keyDriverAnalysis: bootstrap', () => {
  it('4 replicates, seed 7, level 0.8: percentile intervals of the signed shares (numpy over the same resampled rows)', () => {
    const r = run1({ bootstrap: 4, seed: 7, confidenceLevel: 0.8 });
    expect(r.bootstrap).toEqual({ replicates: 4, used: 4, seed: 7, confidenceLevel: 0.8, ciMethod: 'percentile (R type-7 quantiles), respondents resampled with replacement' });
    // The rows drawn by rng(7).int(12), 12 per replicate: [11,0,5,3,11,11,6,4,8,1,3,4], [4,6,11,1,6,11,5,5,8,7,8,11],
    // [6,2,11,8,7,0,7,10,2,8,9,0], [2,4,4,4,1,3,5,1,11,5,5,3]. numpy: kda.py on each resample, then
    // np.quantile(shares[:, j], [0.1, 0.9]) (type 7). The prix share changes sign across replicates.
    const shapCi = [[0.43216992572602697, 0.5685343351644373], [0.3470926029914787, 0.49199598516126314], [-0.13870044784239496, -0.013532780712827734]];
    const rwCi = [[0.4492542131292468, 0.5528982025493592], [0.34070490100134065, 0.4840364150024591], [-0.14762396478946416, -0.012528538906415216]];
    r.drivers.forEach((d, j) => {
      close(d.shapleyCi as [number, number], shapCi[j], 1e-9);
      close(d.relativeWeightCi as [number, number], rwCi[j], 1e-9);
    });
    // the point estimates are those of the full sample
    close(r.drivers.map((d) => d.shapley as number), D1.shapShare);
    expect(codes(r)).toEqual(['drivers.fewRespondents']);
    // defaults: seed 1, level 0.95
    const d = run1({ bootstrap: 2 });
    expect(d.bootstrap).toMatchObject({ replicates: 2, used: 2, seed: 1, confidenceLevel: 0.95 });
  });

  it('only the decompositions computed get intervals', () => {
    const s = run1({ bootstrap: 4, seed: 7, confidenceLevel: 0.8, method: 'shapley' });
    expect(s.drivers.every((d) => d.relativeWeightCi === null)).toBe(true);
    close(s.drivers[2].shapleyCi as [number, number], [-0.13870044784239496, -0.013532780712827734], 1e-9);
    const w = run1({ bootstrap: 4, seed: 7, confidenceLevel: 0.8, method: 'weights' });
    expect(w.drivers.every((d) => d.shapleyCi === null)).toBe(true);
    close(w.drivers[0].relativeWeightCi as [number, number], [0.4492542131292468, 0.5528982025493592], 1e-9);
  });

  it('replicates with a constant driver are skipped and counted; the intervals use the others only', () => {
    // x is 1 only in row 5; rng(3).int(6) draws, 6 per replicate, miss row 5 in replicates 3, 5 and 8
    // (1-based) → 3 of 10 fail. Each used replicate has R² > 0 with a positive sign: share 1.
    const r = keyDriverAnalysis([1, 3, 2, 5, 4, 6], { x: [0, 0, 0, 0, 0, 1] }, { bootstrap: 10, seed: 3 });
    expect(r.bootstrap).toMatchObject({ replicates: 10, used: 7, seed: 3 });
    expect(r.warnings.map((w) => [w.code, w.params])).toEqual([
      ['drivers.fewRespondents', { n: 6, p: 1 }],
      ['drivers.bootstrapFailed', { failed: 3, total: 10 }],
    ]);
    expect(r.warnings[1].text).toBe('3 of 10 bootstrap replicate(s) had collinear drivers and were skipped');
    expect(r.drivers[0].shapleyCi).toEqual([1, 1]);
    close(r.drivers[0].relativeWeightCi as [number, number], [1, 1], 1e-12);
  });
});

// Pinning tests of ols (and the design it builds) for the fields the older tests leave out:
// weighted fits with a zero-weight row and a missing response (every field against R), zero-weight
// predictions through both input forms (rows and Matrix) with and without an intercept and with an
// aliased column skipped, the exact warnings lists in their order, no residual df, the
// intercept-only model, the tolerance option, and the design's errors with their wording.
// Reference values: R 4.2.2 (summary(lm(...)), confint, fitted, residuals, deviance; the call is
// quoted above each block), or a hand computation written beside the value.
import { describe, expect, it } from 'vitest';
import { codes, near } from './pins-helpers.js';
import { matrixFromRows, ols } from '@satlab/stats';
import type { Matrix } from '@satlab/stats';

const close = near(1e-9);
const closeAll = (a: readonly number[], b: readonly number[], rel = 1e-9): void => {
  expect(a.length).toBe(b.length);
  a.forEach((v, i) => (Number.isNaN(b[i]) ? expect(v, `index ${i}`).toBeNaN() : close(v, b[i], rel)));
};

// R: y <- c(1.1, 2.3, 2.9, NA, 5.1, 5.8, 7.4, 8.0, 8.9); x1 <- 1:9; x2 <- c(0, 1, 0, 1, 1, 0, 1, 0, 2.5)
//    w <- c(1, 2, 0, 1, 3, 1, 2, 1.5, 0.5); fit <- lm(y ~ x1 + x2, weights = w, na.action = na.exclude)
const yA = [1.1, 2.3, 2.9, NaN, 5.1, 5.8, 7.4, 8.0, 8.9];
const x1A = [1, 2, 3, 4, 5, 6, 7, 8, 9];
const x2A = [0, 1, 0, 1, 1, 0, 1, 0, 2.5];
const wA = [1, 2, 0, 1, 3, 1, 2, 1.5, 0.5];
const rowsA = x1A.map((v, i) => [v, x2A[i]]);

function checkCaseA(r: ReturnType<typeof ols>, names: [string, string]): void {
  expect(r.coefficients.map((c) => c.name)).toEqual(['(Intercept)', ...names]);
  // coef(summary(fit)); confint(fit, level = 0.9)
  const est = [0.168455551003687, 0.977795985251946, 0.11533524511812053];
  const se = [0.208280812629967782, 0.033938733146731147, 0.13714357907278224];
  const t = [0.80879054040837439, 28.81062121631147832, 0.84098173533091181];
  const p = [4.6399520751571594e-1, 8.6389447748309169e-6, 4.4769351677973473e-1];
  const lo = [-0.27556723005501293, 0.90544380606108943, -0.17703385319352505];
  const hi = [0.61247833206238678, 1.05014816444280257, 0.40770434342976603];
  r.coefficients.forEach((c, j) => {
    close(c.estimate, est[j]);
    close(c.se, se[j]);
    close(c.t, t[j]);
    close(c.pValue, p[j], 1e-8);
    close(c.lower, lo[j]);
    close(c.upper, hi[j]);
    expect(c.aliased).toBe(false);
  });
  close(r.rSquared, 0.99530653623840715);
  close(r.adjRSquared, 0.99295980435761066);
  close(r.sigma, 0.27023970120645208);
  close(r.fStatistic, 424.12452158813568);
  expect(r.fDf).toEqual([2, 4]);
  close(r.fPValue, 2.2028602081385185e-5, 1e-8);
  expect(r.df).toBe(4);
  expect(r.n).toBe(7);
  expect(r.nMissing).toBe(1);
  expect(r.rank).toBe(3);
  // deviance(fit) is the weighted RSS; MSS = Σ w (ŷ − ȳ_w)² over the rows with w > 0
  close(r.rss, 0.29211798443261006);
  close(r.mss, 61.947200197385591);
  // residuals(fit), fitted(fit): the zero-weight row (3rd) is predicted, the missing one (4th) is NA
  closeAll(r.residuals, [
    -0.046251536255631796, 0.060617233374299813, -0.20184350675952478, NaN, -0.07277072238153813, -0.23523146251536275,
    0.27163730711457107, 0.0091765669807454108, -0.35695753106650197,
  ]);
  closeAll(r.fitted, [
    1.1462515362556318, 2.2393827666256998, 3.1018435067595247, NaN, 5.1727707223815376, 6.0352314625153625, 7.1283626928854291,
    7.9908234330192549, 9.2569575310665027,
  ]);
  expect(r.aliased).toEqual([]);
  // 1/(1 - summary(lm(x1 ~ x2, weights = w, subset = ok))$r.squared), ok = complete rows with w > 0
  expect(r.vif.map((v) => v.name)).toEqual(names);
  close(r.vif[0].vif, 1.0140823433019253);
  close(r.vif[1].vif, 1.0140823433019255);
  expect(r.confidence).toBe(0.9);
  expect(codes(r)).toEqual(['stats.zeroWeights']);
  expect(r.warnings[0].params).toEqual({ n: 1 });
  expect(r.method).toBe('Weighted least squares (Householder QR, LINPACK dqrdc2 pivoting)');
}

describe('weighted least squares with a zero weight and a missing response (R lm, weights, na.exclude)', () => {
  it('rows input, default names: every field as R', () => {
    checkCaseA(ols(yA, rowsA, { weights: wA, confidence: 0.9 }), ['x1', 'x2']);
  });
  it('Matrix input, given names, Float64Array response and weights: the same fit (the zero-weight prediction reads the Matrix)', () => {
    checkCaseA(ols(Float64Array.from(yA), matrixFromRows(rowsA), { weights: Float64Array.from(wA), confidence: 0.9, names: ['a', 'b'] }), ['a', 'b']);
  });
  it('a NaN weight counts as missing like a NaN predictor', () => {
    const w = wA.slice();
    w[8] = NaN;
    const rows = rowsA.map((r) => r.slice());
    rows[7][1] = NaN;
    const r = ols(yA, rows, { weights: w });
    expect(r.nMissing).toBe(3);
    expect(r.n).toBe(5);
    expect(r.residuals[7]).toBeNaN();
    expect(r.residuals[8]).toBeNaN();
    expect(r.fitted[8]).toBeNaN();
    expect(Number.isFinite(r.fitted[2])).toBe(true);
  });
});

// R: y <- c(1.1, 2.3, 2.9, 4.2, 5.1, 5.8, 7.4); x1 <- 1:7; x2 <- c(0, 1, 0, 1, 1, 0, 2); x3 <- x1 + x2
//    w <- c(1, 1, 2, 0, 1, 3, 1)
const yB = [1.1, 2.3, 2.9, 4.2, 5.1, 5.8, 7.4];
const x1B = [1, 2, 3, 4, 5, 6, 7];
const x2B = [0, 1, 0, 1, 1, 0, 2];
const wB = [1, 1, 2, 0, 1, 3, 1];

describe('aliased columns with a zero-weight row', () => {
  const rowsB = (): number[][] => x1B.map((v, i) => [v, x2B[i], v + x2B[i]]);
  const checkB = (r: ReturnType<typeof ols>): void => {
    // lm(y ~ 0 + x1 + x2 + x3, weights = w)
    expect(r.coefficients.map((c) => c.name)).toEqual(['x1', 'x2', 'x3']);
    close(r.coefficients[0].estimate, 0.96653992395437249);
    close(r.coefficients[1].estimate, 0.31711026615969651);
    expect(r.coefficients[2].estimate).toBeNaN();
    expect(r.coefficients[2].se).toBeNaN();
    expect(r.coefficients[2].t).toBeNaN();
    expect(r.coefficients[2].pValue).toBeNaN();
    expect(r.coefficients[2].lower).toBeNaN();
    expect(r.coefficients[2].upper).toBeNaN();
    expect(r.coefficients.map((c) => c.aliased)).toEqual([false, false, true]);
    close(r.coefficients[0].se, 0.0065802541064169419);
    close(r.coefficients[1].t, 8.2445381495906105);
    close(r.coefficients[1].pValue, 1.1804498247123087e-3, 1e-8);
    close(r.coefficients[0].lower, 0.94827020964965347);
    close(r.coefficients[1].upper, 0.42390087471922844);
    // R² about 0 without an intercept: MSS = Σ w ŷ² = 204.98722433460077
    close(r.rSquared, 0.9998889046124616);
    close(r.adjRSquared, 0.99983335691869235);
    close(r.sigma, 0.075458043638897368);
    close(r.fStatistic, 18000.547579299291, 1e-8);
    expect(r.fDf).toEqual([2, 4]);
    close(r.fPValue, 1.234218513229815e-8, 1e-7);
    close(r.rss, 0.022775665399238962);
    close(r.mss, 204.98722433460077);
    expect(r.rank).toBe(2);
    expect(r.aliased).toEqual(['x3']);
    expect(r.vif).toEqual([]);
    // the zero-weight 4th row: fitted 4.1832699619771869, residual 0.016730038022813254
    closeAll(r.fitted, [
      0.96653992395437482, 2.2501901140684413, 2.8996197718631183, 4.1832699619771869, 5.1498098859315586, 5.7992395437262356, 7.4000000000000004,
    ]);
    closeAll(r.residuals, [
      0.13346007604562529, 0.049809885931558509, 0.00038022813688171964, 0.016730038022813254, -0.049809885931559099, 0.0007604562737644735, 0,
    ]);
    expect(codes(r)).toEqual(['stats.zeroWeights', 'stats.aliased', 'stats.vifNoIntercept']);
    expect(r.warnings[1].params).toEqual({ names: ['x3'] });
  };
  it('no intercept, rows input: lm(y ~ 0 + x1 + x2 + x3, weights = w)', () => {
    checkB(ols(yB, rowsB(), { weights: wB, intercept: false }));
  });
  it('no intercept, Matrix input: the same', () => {
    checkB(ols(yB, matrixFromRows(rowsB()), { weights: wB, intercept: false }));
  });
  it('with an intercept, the aliased column in the middle: lm(y ~ x1 + x3 + x2, weights = w) drops x2; the VIFs of x1 and x3 are above 10', () => {
    const rows = x1B.map((v, i) => [v, v + x2B[i], x2B[i]]);
    for (const X of [rows, matrixFromRows(rows)]) {
      const r = ols(yB, X, { weights: wB, names: ['x1', 'x3', 'x2'] });
      closeAll(r.coefficients.map((c) => c.estimate), [0.086367281475541915, 0.633119486768242923, 0.317000801924619768, NaN]);
      closeAll(r.coefficients.map((c) => c.se), [0.048136189073283327, 0.035453171151341861, 0.030846486783944912, NaN]);
      closeAll(r.coefficients.map((c) => c.lower), [-0.066823555591166581, 0.520291673227064044, 0.218833514028071552, NaN]);
      close(r.rSquared, 0.99968737414463993);
      close(r.adjRSquared, 0.99947895690773325);
      close(r.fStatistic, 4796.5676399026133, 1e-8);
      expect(r.fDf).toEqual([2, 3]);
      expect(r.df).toBe(3);
      close(r.rss, 0.010986367281475685);
      closeAll(r.fitted, [
        1.0364875701684035, 2.303608660785887, 2.9367281475541298, 4.2038492381716122, 5.1539695268644747, 5.7870890136327189, 7.3712109061748192,
      ]);
      close(r.residuals[3], -0.0038492381716119795);
      expect(r.aliased).toEqual(['x2']);
      // 1/(1 - summary(lm(x1 ~ x3, weights = w))$r.squared)
      expect(r.vif.map((v) => v.name)).toEqual(['x1', 'x3']);
      close(r.vif[0].vif, 12.356054530874113);
      close(r.vif[1].vif, 12.356054530874097);
      expect(codes(r)).toEqual(['stats.zeroWeights', 'stats.aliased', 'stats.highVif']);
      expect(r.warnings[2].params).toEqual({ names: ['x1', 'x3'] });
    }
  });
});

describe('unweighted fits', () => {
  it('lm(y ~ a + b), default 95 % intervals, ordinary least squares method string', () => {
    // R: y <- c(2.1, 3.9, 6.2, 7.8, 10.1, 12.2); a <- 1:6; b <- c(2, 1, 4, 3, 6, 5); fit <- lm(y ~ a + b)
    const a = [1, 2, 3, 4, 5, 6];
    const b = [2, 1, 4, 3, 6, 5];
    const r = ols([2.1, 3.9, 6.2, 7.8, 10.1, 12.2], a.map((v, i) => [v, b[i]]), { names: ['a', 'b'] });
    closeAll(r.coefficients.map((c) => c.estimate), [-0.08125000000000368, 1.93541666666666679, 0.10208333333333379]);
    closeAll(r.coefficients.map((c) => c.se), [0.148365906223867972, 0.065605707040594291, 0.065605707040594277]);
    closeAll(r.coefficients.map((c) => c.pValue), [6.2205713584521238e-1, 8.5541845431270496e-5, 2.1756080173416933e-1], 1e-8);
    closeAll(r.coefficients.map((c) => c.lower), [-0.55341653009222136, 1.72663002668980203, -0.1067033066435308]);
    closeAll(r.coefficients.map((c) => c.upper), [0.39091653009221405, 2.14420330664353154, 0.31086997331019839]);
    close(r.rSquared, 0.99900980871834288);
    close(r.adjRSquared, 0.9983496811972381);
    close(r.sigma, 0.15365907428821457);
    close(r.fStatistic, 1513.3588235294158, 1e-8);
    close(r.fPValue, 3.1158651031959268e-5, 1e-8);
    close(r.rss, 0.070833333333333137);
    close(r.mss, 71.464166666666657);
    closeAll(r.residuals, [0.041666666666667067, 0.0083333333333322317, 0.066666666666666999, -0.16666666666666552, -0.10833333333333404, 0.15833333333333327]);
    // vif: 1/(1 - summary(lm(a ~ b))$r.squared), the same for both columns
    close(r.vif[0].vif, 3.1901041666666656);
    close(r.vif[1].vif, 3.1901041666666656);
    expect(r.confidence).toBe(0.95);
    expect(r.nMissing).toBe(0);
    expect(r.method).toBe('Ordinary least squares (Householder QR, LINPACK dqrdc2 pivoting)');
    expect(codes(r)).toEqual([]);
  });
  it('n = rank (no residual df): lm(c(1, 4, 2) ~ c(1, 2, 3) + c(0, 1, 1)) gives 3, −2, 5, R² 1, adjusted R² NaN, and NaN for every test', () => {
    const r = ols([1, 4, 2], [[1, 0], [2, 1], [3, 1]]);
    closeAll(r.coefficients.map((c) => c.estimate), [3, -2, 5], 1e-12);
    for (const c of r.coefficients) {
      expect(c.se).toBeNaN();
      expect(c.t).toBeNaN();
      expect(c.pValue).toBeNaN();
      expect(c.lower).toBeNaN();
      expect(c.upper).toBeNaN();
      expect(c.aliased).toBe(false);
    }
    expect(r.df).toBe(0);
    expect(r.sigma).toBeNaN();
    close(r.rSquared, 1, 1e-12);
    expect(r.adjRSquared).toBeNaN();
    expect(r.fStatistic).toBeNaN();
    expect(r.fPValue).toBeNaN();
    expect(r.fDf).toEqual([2, 0]);
    // VIF = 1/(1 − R²) of c(1, 2, 3) on c(0, 1, 1): R² = 3/4 → 4 (R: 4)
    close(r.vif[0].vif, 4, 1e-12);
    close(r.vif[1].vif, 4, 1e-12);
    expect(codes(r)).toEqual(['stats.noResidualDf']);
  });
  it('intercept only (no column): lm(c(1, 4, 2, 7) ~ 1) → 3.5, se 1.3228756555322956, R² 0, adjusted 0, no F', () => {
    const r = ols([1, 4, 2, 7], [[], [], [], []]);
    expect(r.coefficients.map((c) => c.name)).toEqual(['(Intercept)']);
    close(r.coefficients[0].estimate, 3.5);
    close(r.coefficients[0].se, 1.3228756555322956);
    close(r.coefficients[0].t, 2.6457513110645898);
    close(r.coefficients[0].pValue, 0.077274289987545652, 1e-8);
    close(r.coefficients[0].lower, -0.70998074229851671);
    close(r.coefficients[0].upper, 7.7099807422985167);
    // MSS is 0 up to rounding (the fitted values are the mean)
    close(r.rSquared, 0, 1e-12);
    close(r.adjRSquared, 0, 1e-12);
    close(r.sigma, 2.6457513110645912);
    close(r.rss, 21);
    expect(r.mss).toBeLessThan(1e-20);
    expect(r.fStatistic).toBeNaN();
    expect(r.fPValue).toBeNaN();
    expect(r.fDf).toEqual([0, 3]);
    expect(r.vif).toEqual([]);
    expect(codes(r)).toEqual([]);
  });
  it('intercept only with mean 0: lm(c(1, -1, 2, -2) ~ 1) fits 0 everywhere, RSS = 1 + 1 + 4 + 4 = 10, MSS 0, R² 0 (hand; R: 0)', () => {
    const r = ols([1, -1, 2, -2], [[], [], [], []]);
    // exactly zero (either sign)
    expect(r.fitted.map((v) => v === 0)).toEqual([true, true, true, true]);
    expect(r.coefficients[0].estimate === 0).toBe(true);
    close(r.rss, 10, 1e-14);
    expect(r.mss === 0).toBe(true);
    expect(r.rSquared === 0).toBe(true);
    expect(r.adjRSquared === 0).toBe(true);
    // sigma = √(10/3)
    close(r.sigma, Math.sqrt(10 / 3), 1e-14);
  });
  it('no complete row: every coefficient NaN and aliased, no residual df, no VIF, residuals and fitted all NaN', () => {
    const r = ols([NaN, 1, 2], [[1], [NaN], [NaN]]);
    expect(r.n).toBe(0);
    expect(r.nMissing).toBe(3);
    expect(r.rank).toBe(0);
    expect(r.coefficients.every((c) => Number.isNaN(c.estimate) && c.aliased)).toBe(true);
    expect(r.aliased).toEqual(['(Intercept)', 'x1']);
    expect(r.residuals.every(Number.isNaN)).toBe(true);
    expect(r.fitted.every(Number.isNaN)).toBe(true);
    expect(r.residuals.length).toBe(3);
    expect(r.vif).toEqual([]);
    expect(r.df).toBe(0);
    expect(r.rss).toBe(0);
    expect(r.rSquared).toBeNaN();
    expect(codes(r)).toEqual(['stats.aliased', 'stats.noResidualDf']);
  });
  it('tol is passed to the QR: x2 = x1 + 1e-9·(±1) is aliased at the default 1e-7 (R qr(cbind(1, x1, x2))$rank = 2) but not at 1e-12 (rank 3)', () => {
    const x1 = [1, 2, 3, 4, 5, 6];
    const rows = x1.map((v, i) => [v, v + (i % 2 === 0 ? 1 : -1) * 1e-9]);
    const y = [1.2, 1.9, 3.2, 3.8, 5.1, 6.3];
    const def = ols(y, rows);
    expect(def.rank).toBe(2);
    expect(def.aliased).toEqual(['x2']);
    const fine = ols(y, rows, { tol: 1e-12 });
    expect(fine.rank).toBe(3);
    expect(fine.aliased).toEqual([]);
    // the VIFs come from the same decomposition: one VIF at the default tol, two (huge) at 1e-12
    expect(def.vif.map((v) => v.name)).toEqual(['x1']);
    expect(fine.vif.map((v) => v.name)).toEqual(['x1', 'x2']);
    expect(fine.vif.every((v) => v.vif > 1e12)).toBe(true);
    expect(codes(fine)).toEqual(['stats.highVif']);
  });
  it('a zero-weight row without an intercept, rows input: predicted from the coefficients alone', () => {
    // hand: lm(c(2, 4, 6.5) ~ 0 + c(1, 2, 3), weights = c(1, 1, 0)) gives b = (2 + 8)/(1 + 4) = 2; row 3 is predicted 6, residual 0.5
    const r = ols([2, 4, 6.5], [[1], [2], [3]], { intercept: false, weights: [1, 1, 0] });
    close(r.coefficients[0].estimate, 2, 1e-14);
    close(r.fitted[2], 6, 1e-14);
    close(r.residuals[2], 0.5, 1e-14);
    const m = ols([2, 4, 6.5], matrixFromRows([[1], [2], [3]]), { intercept: false, weights: [1, 1, 0] });
    close(m.fitted[2], 6, 1e-14);
    expect(codes(m)).toEqual(['stats.zeroWeights', 'stats.perfectFit']);
  });
});

describe('ols option errors', () => {
  const y = [1, 2, 3];
  const X = [[1], [2], [4]];
  const fn = 'ols\\(y, X, opts\\)';
  it('intercept must be a boolean; confidence in (0, 1)', () => {
    expect(() => ols(y, X, { intercept: 1 as unknown as boolean })).toThrow(TypeError);
    expect(() => ols(y, X, { intercept: 1 as unknown as boolean })).toThrow(new RegExp(`^${fn}: opts\\.intercept must be a boolean, got 1$`));
    expect(() => ols(y, X, { confidence: 0 })).toThrow(new RegExp(`^${fn}: opts\\.confidence must be a number in \\(0, 1\\), got 0$`));
  });
  it('X: a flat array, a non-array row, a non-number cell, a malformed Matrix', () => {
    expect(() => ols(y, [1, 2, 3] as unknown as number[][])).toThrow(TypeError);
    expect(() => ols(y, [1, 2, 3] as unknown as number[][])).toThrow(
      new RegExp(`^${fn}: X: expected an array of rows \\(number\\[\\]\\[\\]\\) or a Matrix; for one predictor wrap each value: X\\.map\\(\\(v\\) => \\[v\\]\\)$`),
    );
    expect(() => ols(y, [[1], 2, [3]] as unknown as number[][])).toThrow(new RegExp(`^${fn}: X row 1 is not an array$`));
    expect(() => ols(y, [[1], [2], ['3']] as unknown as number[][])).toThrow(new RegExp(`^${fn}: X\\[2\\]\\[0\\] is not a number \\(3\\); use NaN for missing$`));
    expect(() => ols(y, [[1, 5], [2, null], [3, 1]] as unknown as number[][])).toThrow(new RegExp(`^${fn}: X\\[1\\]\\[1\\] is not a number \\(null\\)`));
    const bad = new RegExp(`^${fn}: X: expected a Matrix \\{ rows, cols, data: Float64Array \\(column-major\\) \\} or an array of rows$`);
    expect(() => ols(y, null as unknown as Matrix)).toThrow(TypeError);
    expect(() => ols(y, null as unknown as Matrix)).toThrow(bad);
    expect(() => ols(y, { rows: 3, cols: 1, data: [1, 2, 3] } as unknown as Matrix)).toThrow(bad);
    expect(() => ols(y, { rows: 3.5, cols: 1, data: new Float64Array(3) })).toThrow(bad);
    expect(() => ols(y, { rows: 3, cols: 1.5, data: new Float64Array(3) })).toThrow(bad);
    expect(() => ols(y, { rows: 3, cols: 1, data: new Float64Array(4) })).toThrow(bad);
    expect(() => ols(y, Object.assign(() => 0, { rows: 3, cols: 1, data: Float64Array.of(1, 2, 4) }) as unknown as Matrix)).toThrow(bad);
  });
  it('X with ±Infinity is a RangeError giving the row and column', () => {
    expect(() => ols([1, 2, 3], [[1, 2], [3, Infinity], [5, 6]])).toThrow(RangeError);
    expect(() => ols([1, 2, 3], [[1, 2], [3, Infinity], [5, 6]])).toThrow(new RegExp(`^${fn}: X non-finite value Infinity at row 1, column 1$`));
  });
  it('y: not an array, another length, a non-number element, an infinite element', () => {
    expect(() => ols('abc' as unknown as number[], X)).toThrow(TypeError);
    expect(() => ols('abc' as unknown as number[], X)).toThrow(new RegExp(`^${fn}: y: expected a Float64Array or an array of numbers$`));
    expect(() => ols({ length: 3 } as unknown as number[], X)).toThrow(new RegExp(`^${fn}: y: expected`));
    expect(() => ols([1, 2], X)).toThrow(RangeError);
    expect(() => ols([1, 2], X)).toThrow(new RegExp(`^${fn}: y has length 2 but X has 3 rows$`));
    expect(() => ols([1, '2', 3] as unknown as number[], X)).toThrow(TypeError);
    expect(() => ols([1, '2', 3] as unknown as number[], X)).toThrow(new RegExp(`^${fn}: y element 1 is not a number \\(2\\)$`));
    expect(() => ols([1, 2, -Infinity], X)).toThrow(RangeError);
    expect(() => ols([1, 2, -Infinity], X)).toThrow(new RegExp(`^${fn}: y element 2 is -Infinity; values must be finite \\(NaN for missing\\)$`));
  });
  it('weights: not an array, another length, a non-number, infinite or negative element', () => {
    expect(() => ols(y, X, { weights: 'w' as unknown as number[] })).toThrow(TypeError);
    expect(() => ols(y, X, { weights: 'w' as unknown as number[] })).toThrow(new RegExp(`^${fn}: opts\\.weights must be a Float64Array or an array of numbers$`));
    expect(() => ols(y, X, { weights: [1, 1] })).toThrow(RangeError);
    expect(() => ols(y, X, { weights: [1, 1] })).toThrow(new RegExp(`^${fn}: opts\\.weights has length 2, expected 3$`));
    expect(() => ols(y, X, { weights: [1, null, 1] as unknown as number[] })).toThrow(new RegExp(`^${fn}: opts\\.weights element 1 is not a number \\(null\\)$`));
    expect(() => ols(y, X, { weights: [1, 1, Infinity] })).toThrow(new RegExp(`^${fn}: opts\\.weights element 2 is Infinity; values must be finite \\(NaN for missing\\)$`));
    expect(() => ols(y, X, { weights: [1, -0.5, 1] })).toThrow(RangeError);
    expect(() => ols(y, X, { weights: [1, -0.5, 1] })).toThrow(new RegExp(`^${fn}: opts\\.weights\\[1\\] is negative \\(-0\\.5\\)$`));
  });
  it('names: not an array, another length, a non-string', () => {
    const X2 = [[1, 2], [2, 1], [4, 4]];
    expect(() => ols(y, X2, { names: ['a'] })).toThrow(RangeError);
    expect(() => ols(y, X2, { names: ['a'] })).toThrow(new RegExp(`^${fn}: opts\\.names must be 2 strings \\(one per column of X\\), got 1$`));
    expect(() => ols(y, X2, { names: 'ab' as unknown as string[] })).toThrow(new RegExp(`^${fn}: opts\\.names must be 2 strings \\(one per column of X\\), got string$`));
    expect(() => ols(y, X2, { names: ['a', 2] as unknown as string[] })).toThrow(new RegExp(`^${fn}: opts\\.names must be 2 strings \\(one per column of X\\), got 2$`));
  });
  it('an empty X and y are accepted (0 rows): no fit, no error', () => {
    const r = ols([], []);
    expect(r.n).toBe(0);
    expect(r.coefficients.map((c) => c.name)).toEqual(['(Intercept)']);
  });
});

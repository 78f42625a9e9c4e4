// ols warnings and edge fields that the sampled mutation run found unpinned: the exact warnings
// list of a plain fit, the no-intercept VIF note (two columns or more only), the perfect fit, and
// R² of a constant response. Reference values: R 4.2.2, the call quoted beside each value.
import { describe, expect, it } from 'vitest';
import { codes, near } from './pins-helpers.js';
import { ols } from '@satlab/stats';

const close = near(1e-9);
const y = [1.1, 2.3, 2.9, 4.2, 5.1, 5.8];
const x1 = [1, 2, 3, 4, 5, 6];
const x2 = [0, 1, 0, 1, 1, 0];

describe('ols warnings', () => {
  it('a plain fit warns of nothing: lm(y ~ x1) coefficients 0.24666666666666764, 0.94857142857142829, R² 0.99199616007679847', () => {
    const r = ols(y, x1.map((v) => [v]));
    close(r.coefficients[0].estimate, 0.24666666666666764);
    close(r.coefficients[1].estimate, 0.9485714285714283);
    close(r.rSquared, 0.9919961600767985);
    expect(r.aliased).toEqual([]);
    expect(codes(r)).toEqual([]);
  });
  it('without intercept and two columns: lm(y ~ 0 + x1 + x2) 0.96644736842105261, 0.32302631578947405, R² 0.9997509704304145, adj 0.9996264556456218, and the note that VIFs need an intercept', () => {
    const r = ols(y, x1.map((v, i) => [v, x2[i]]), { intercept: false });
    close(r.coefficients[0].estimate, 0.9664473684210526);
    close(r.coefficients[1].estimate, 0.32302631578947405);
    close(r.rSquared, 0.9997509704304145);
    close(r.adjRSquared, 0.9996264556456218);
    expect(r.vif).toEqual([]);
    expect(codes(r)).toEqual(['stats.vifNoIntercept']);
  });
  it('without intercept and one column: no VIF and no note', () => {
    const r = ols(y, x1.map((v) => [v]), { intercept: false });
    expect(r.vif).toEqual([]);
    expect(codes(r)).toEqual([]);
  });
  it('a constant response: R² is NaN as in R (summary(lm(c(2, 2, 2, 2) ~ c(1, 2, 3, 4)))$r.squared = NaN) and the fit is perfect', () => {
    const r = ols([2, 2, 2, 2], [[1], [2], [3], [4]]);
    expect(r.rss).toBe(0);
    expect(r.rSquared).toBeNaN();
    expect(codes(r)).toEqual(['stats.perfectFit']);
  });
});

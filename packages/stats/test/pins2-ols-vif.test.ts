// Pinning tests of the VIF rule "above 10" at its boundary (a design whose VIF is exactly 10 in
// floating point), of vif's bookkeeping (one predictor, the warnings' order, the errors named
// after vif) and of the internal vifFromDesign without an intercept. Reference values: hand
// computations written beside them (VIF = 1/(1 − r²) with two predictors).
import { describe, expect, it } from 'vitest';
import { codes } from './pins-helpers.js';
import { ols, vif } from '@satlab/stats';
import { buildDesign, vifFromDesign } from '../src/internal/design.js';

// a = (2, 2, 1, 0, 0), b = (4, 3, 2, 1, 0): deviations (1, 1, 0, −1, −1) and (2, 1, 0, −1, −2),
// Saa = 4, Sbb = 10, Sab = 6, r² = 36/40 = 0.9, VIF = 1/(1 − 0.9) = 10 (computed exactly here).
const a = [2, 2, 1, 0, 0];
const b = [4, 3, 2, 1, 0];
const X10 = a.map((v, i) => [v, b[i]]);

describe('the VIF warning is for VIF strictly above 10', () => {
  it('vif: VIF = 10 exactly for both columns, no warning', () => {
    const r = vif(X10, { names: ['a', 'b'] });
    expect(r.vif).toEqual([{ name: 'a', vif: 10 }, { name: 'b', vif: 10 }]);
    expect(codes(r)).toEqual([]);
  });
  it('ols: the same design, VIF = 10, no warning', () => {
    const r = ols([1, 3, 2, 5, 4], X10);
    expect(r.vif).toEqual([{ name: 'x1', vif: 10 }, { name: 'x2', vif: 10 }]);
    expect(codes(r)).toEqual([]);
  });
  it('a = 1:4, b = (2, 4, 6, 8.5): Saa = 5, Sbb = 23.1875, Sab = 10.75, VIF = 115.9375/0.375 = 309.1666…, both flagged', () => {
    const r = vif([[1, 2], [2, 4], [3, 6], [4, 8.5]]);
    expect(r.vif.map((v) => v.name)).toEqual(['x1', 'x2']);
    for (const v of r.vif) expect(Math.abs(v.vif - 115.9375 / 0.375)).toBeLessThan(1e-9);
    expect(codes(r)).toEqual(['stats.highVif']);
    expect(r.warnings[0].params).toEqual({ names: ['x1', 'x2'] });
  });
});

describe('vif bookkeeping', () => {
  it('one predictor: VIF 1 (R² of a regression on the intercept alone is 0); rows with NaN dropped and counted', () => {
    const r = vif([[1], [2], [NaN], [4]]);
    expect(r.vif.length).toBe(1);
    expect(r.vif[0].name).toBe('x1');
    expect(Math.abs(r.vif[0].vif - 1)).toBeLessThan(1e-12);
    expect(r.n).toBe(3);
    expect(r.nMissing).toBe(1);
    expect(r.aliased).toEqual([]);
    expect(codes(r)).toEqual([]);
  });
  it('an empty X: no row, no VIF, the noObservations warning', () => {
    const r = vif([]);
    expect(r.n).toBe(0);
    expect(r.nMissing).toBe(0);
    expect(r.vif).toEqual([]);
    expect(r.aliased).toEqual([]);
    expect(codes(r)).toEqual(['stats.noObservations']);
  });
  it('warnings in order: zero weights, aliased, high VIF (x3 = x1 + x2 aliased; x1, x2 nearly collinear)', () => {
    const x1 = [1, 2, 3, 4, 5, 6];
    const x2 = [2.1, 3.9, 6.2, 7.8, 10.1, 12.2];
    const rows = x1.map((v, i) => [v, x2[i], v + x2[i]]);
    const r = vif(rows, { weights: [1, 1, 0, 1, 1, 1] });
    expect(r.aliased).toEqual(['x3']);
    expect(r.vif.map((v) => v.name)).toEqual(['x1', 'x2']);
    expect(r.vif.every((v) => v.vif > 10)).toBe(true);
    expect(codes(r)).toEqual(['stats.zeroWeights', 'stats.aliased', 'stats.highVif']);
    expect(r.warnings[0].params).toEqual({ n: 1 });
    expect(r.warnings[1].params).toEqual({ names: ['x3'] });
    expect(r.warnings[2].params).toEqual({ names: ['x1', 'x2'] });
    expect(r.n).toBe(5);
  });
  it('errors name vif', () => {
    expect(() => vif([[1, 2], [2, 1]], { names: ['a'] })).toThrow(/^vif\(X, opts\): opts\.names must be 2 strings \(one per column of X\), got 1$/);
    expect(() => vif([[1, 2], [2, 1]], { weights: [1] })).toThrow(/^vif\(X, opts\): opts\.weights has length 1, expected 2$/);
    expect(() => vif([1, 2] as unknown as number[][])).toThrow(/^vif\(X, opts\): X: expected an array of rows/);
  });
});

describe('vifFromDesign (internal)', () => {
  it('returns no VIF for a design without an intercept', () => {
    const d = buildDesign('f', null, X10, false, undefined, undefined);
    expect(d.intercept).toBe(false);
    expect(vifFromDesign(d)).toEqual([]);
  });
  it('with an intercept and no QR given, decomposes the design itself: VIF = 10 for the design above', () => {
    const d = buildDesign('f', null, X10, true, ['a', 'b'], undefined);
    expect(vifFromDesign(d)).toEqual([{ name: 'a', vif: 10 }, { name: 'b', vif: 10 }]);
  });
});

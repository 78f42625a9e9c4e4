// twoProportionTest behaviour the sampled mutation run found unpinned: the refusal of an empty
// group (either one), the type of opts.correct, the degenerate pooled proportion of 1 (not only
// 0), the small-expected boundary at exactly 5 and the minimum the warning reports.
// Reference values: R 4.2.2, the call quoted beside each value.
import { describe, expect, it } from 'vitest';
import { codes } from './pins-helpers.js';
import { twoProportionTest } from '@satlab/stats';

describe('twoProportionTest edges', () => {
  it('an empty group, first or second, is refused with both sizes named', () => {
    expect(() => twoProportionTest(0, 0, 3, 10)).toThrow(/^twoProportionTest\(x1, n1, x2, n2, opts\): n1 and n2 must be > 0, got 0 and 10$/);
    expect(() => twoProportionTest(3, 10, 0, 0)).toThrow(/n1 and n2 must be > 0, got 10 and 0$/);
  });
  it('opts.correct must be a boolean', () => {
    expect(() => twoProportionTest(3, 10, 7, 10, { correct: 1 as unknown as boolean })).toThrow(/^twoProportionTest\(x1, n1, x2, n2, opts\): opts.correct must be a boolean, got 1$/);
  });
  it('every expected count exactly 5 gives no warning: prop.test(c(3, 7), c(10, 10), correct = FALSE) X-squared = 3.2, p = 0.073638270120302773', () => {
    const r = twoProportionTest(3, 10, 7, 10);
    expect(r.minExpected).toBe(5);
    expect(Math.abs(r.chiSquare - 3.2)).toBeLessThan(1e-12);
    expect(Math.abs(r.pValue - 0.073638270120302773)).toBeLessThan(1e-12);
    expect(codes(r)).toEqual([]);
  });
  it('below 5 the warning carries the minimum expected count, here 8 × 4/17 (pooled 4/17)', () => {
    const r = twoProportionTest(1, 8, 3, 9);
    expect(codes(r)).toEqual(['stats.smallExpected']);
    expect(r.warnings[0].params).toEqual({ min: r.minExpected });
    expect(Math.abs(r.minExpected - (8 * 4) / 17)).toBeLessThan(1e-15);
  });
  it('a pooled proportion of 1 (every trial a success) is degenerate like 0: prop.test(c(10, 12), c(10, 12)) gives NaN', () => {
    const r = twoProportionTest(10, 10, 12, 12);
    expect(r.pooled).toBe(1);
    expect(r.statistic).toBeNaN();
    expect(r.pValue).toBeNaN();
    expect(codes(r)).toEqual(['stats.degenerateProportion']);
  });
});

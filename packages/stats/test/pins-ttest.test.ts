// The pooled-variance form of welchTTest (varEqual) with small groups, and the one-sample core's
// empty and constant samples, which the mutation run of December 2026 found unpinned.
// Reference values: R 4.2.2, the call quoted beside each value.
import { describe, expect, it } from 'vitest';
import { codes, near } from './pins-helpers.js';
import { meanConfidenceInterval, oneSampleTTest, welchTTest } from '@satlab/stats';

const close = near(1e-9);

describe('welchTTest with varEqual', () => {
  it('t.test(c(1, 4), c(2, 7, 9), var.equal = TRUE): t = -1.20245650205912336, df = 3, p = 0.31543879878503861, CI -12.76317255503127335 .. 5.76317255503127335', () => {
    const r = welchTTest([1, 4], [2, 7, 9], { varEqual: true });
    expect(r.method).toBe('Two Sample t-test');
    close(r.statistic, -1.2024565020591234);
    expect(r.df).toBe(3);
    close(r.pValue, 0.3154387987850386);
    close(r.ci[0], -12.763172555031273);
    close(r.ci[1], 5.763172555031273);
    expect(codes(r)).toEqual([]);
  });
  it('one observation in a group is enough when the variance is pooled: t.test(5, c(2, 7, 9), var.equal = TRUE) t = -0.24019223070763071, df = 2, p = 0.83255632834421567', () => {
    for (const [a, b, sign] of [[[5], [2, 7, 9], 1], [[2, 7, 9], [5], -1]] as const) {
      const r = welchTTest(a, b, { varEqual: true });
      close(r.statistic, sign * -0.2401922307076307);
      expect(r.df).toBe(2);
      close(r.pValue, 0.8325563283442157);
      expect(codes(r)).toEqual([]);
    }
    const r = welchTTest([5], [2, 7, 9], { varEqual: true });
    close(r.ci[0], -18.913371790059195);
    close(r.ci[1], 16.913371790059198);
  });
  it('one observation in each group (df = 0) or an empty group: NaN and tooFewObservations with the smaller n and min 1', () => {
    const one = welchTTest([5], [2], { varEqual: true });
    expect(one.statistic).toBeNaN();
    expect(one.df).toBe(0);
    expect(codes(one)).toEqual(['stats.tooFewObservations']);
    expect(one.warnings[0].params).toEqual({ what: 'welchTTest', n: 1, min: 1 });
    const empty = welchTTest([NaN], [2, 7, 9], { varEqual: true });
    expect(codes(empty)).toEqual(['stats.tooFewObservations']);
    expect(empty.warnings[0].params).toEqual({ what: 'welchTTest', n: 0, min: 1 });
    expect(welchTTest([2, 7, 9], [], { varEqual: true }).warnings[0].params).toEqual({ what: 'welchTTest', n: 0, min: 1 });
  });
  it('opts.varEqual and opts.mu are checked, naming the option', () => {
    expect(() => welchTTest([1, 2], [3, 4], { varEqual: 'yes' as unknown as boolean })).toThrow(/^welchTTest\(a, b, opts\): opts.varEqual must be a boolean, got yes$/);
    expect(() => welchTTest([1, 2], [3, 4], { mu: Infinity })).toThrow(/opts\.mu/);
    expect(() => welchTTest([1, Infinity], [3, 4])).toThrow(/\(a\): element 1/);
  });
});

describe('one-sample core: empty and constant samples', () => {
  it('no observation: noObservations naming the function, and NaN everywhere', () => {
    const m = meanConfidenceInterval([NaN, NaN]);
    expect(codes(m)).toEqual(['stats.noObservations']);
    expect(m.warnings[0].params).toEqual({ what: 'meanConfidenceInterval' });
    expect(m.mean).toBeNaN();
    expect(m.lower).toBeNaN();
  });
  it('constant data far from 0 (R: "data are essentially constant"): zeroVariance, NaN statistic and interval', () => {
    const r = oneSampleTTest([1e9, 1e9, 1e9]);
    expect(r.statistic).toBeNaN();
    expect(r.ci).toEqual([NaN, NaN]);
    expect(codes(r)).toEqual(['stats.zeroVariance']);
    expect(r.warnings[0].params).toEqual({ what: 'oneSampleTTest' });
    // A spread well above 10·eps·|mean| is tested: mean 1e6 + 2, sd 1, so t = (1e6 + 2)·√3 (by hand), no warning.
    const spread = oneSampleTTest([1e6 + 1, 1e6 + 2, 1e6 + 3]);
    expect(codes(spread)).toEqual([]);
    close(spread.statistic, (1e6 + 2) / (1 / Math.sqrt(3)), 1e-9);
  });
});

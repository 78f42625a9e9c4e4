// The shared moment helpers (internal/sample.ts: refined mean, two-pass sum of squares with its
// rounding correction) pinned through oneWayAnova's group means and sds on data with a large
// common offset, where a one-pass mean or a dropped correction is visible; and the shared option
// checks (confidence, alternative) through the public functions that use them.
// References: exact rational arithmetic in Python (`fractions.Fraction`, the call beside the value),
// R 4.2 / scipy 1.17 where noted.
import { describe, expect, it } from 'vitest';
import { near } from './pins-helpers.js';
import { meanConfidenceInterval, oneWayAnova, welchTTest } from '@satlab/stats';

const close = near(1e-9);
const U = 2 ** -23; // spacing of doubles near 1e9

describe('refined mean and corrected sum of squares (offset 1e9)', () => {
  it('group means are the correctly rounded means (Fraction: sum/3 rounded to a double)', () => {
    const r = oneWayAnova([1e9 + 0.1, 1e9 + 0.3, 1e9 + 0.2, 1e9 + 0.6, 1e9 + 0.4, 1e9 + 0.7], ['a', 'b', 'a', 'b', 'a', 'b']);
    // float(sum(Fraction(x) for x in a) / 3) → 1000000000.2333333 (the one-pass s/n gives 1000000000.2333335)
    expect(r.groups[0].mean).toBe(1000000000.2333333);
    expect(r.groups[1].mean).toBe(1000000000.5333333);
    // exact within-group sum of squares of these doubles: 0.1333333571751988 (Fraction)
    close(r.ssWithin, 0.1333333571751988, 1e-12);
    // sd: sqrt(Fraction SS / 2) per group
    close(r.groups[0].sd, 0.1527524945502367, 1e-12);
    close(r.groups[1].sd, 0.20816664957739825, 1e-12);
    // SSB depends on the means rounded to 1.2e-7: exact rational 0.1349999928474427, to 1e-6
    close(r.ssBetween, 0.1349999928474427, 1e-6);
  });
  it('values one ulp apart: SS = 2u²/3 needs the (Σd)²/n correction (hand: d = −u, 0, 0 about the mean 1e9 + u)', () => {
    // mean of 1e9, 1e9 + u, 1e9 + u is 1e9 + 2u/3, rounded to 1e9 + u; Σd² = u², Σd = −u, SS = u² − u²/3
    const r = oneWayAnova([1e9, 1e9 + U, 1e9 + U, 2e9 + 4 * U, 2e9, 2e9], ['a', 'a', 'a', 'b', 'b', 'b']);
    expect(r.groups[0].mean).toBe(1e9 + U);
    close(r.groups[0].sd, U / Math.sqrt(3), 1e-12); // √(SS/2) = u/√3 (Fraction: 6.88255154120476e-08)
    // b: 2e9 + 4u, 2e9, 2e9 (spacing of doubles at 2e9 is 2^-22 = 2u): mean 2e9 + 4u/3 → rounds to 2e9 + 2u
    // (Fraction: 2000000000.0000002); deviations 2u, −2u, −2u: Σd² = 12u², Σd = −2u, SS = 12u² − 4u²/3 = 32u²/3,
    // sd = √(16u²/3) = 4u/√3
    expect(r.groups[1].mean).toBe(2e9 + 2 * U);
    close(r.groups[1].sd, (4 * U) / Math.sqrt(3), 1e-12);
    close(r.ssWithin, (2 * U * U) / 3 + (32 * U * U) / 3, 1e-12);
  });
});

describe('shared option checks', () => {
  it('confidence must be a number in (0, 1): meanConfidenceInterval names itself', () => {
    for (const c of [0, 1, -0.1, 1.5, NaN, '0.9' as unknown as number]) {
      expect(() => meanConfidenceInterval([1, 2, 3], { confidence: c })).toThrow(RangeError);
      expect(() => meanConfidenceInterval([1, 2, 3], { confidence: c })).toThrow(new RegExp(`^meanConfidenceInterval\\(values, opts\\): opts.confidence must be a number in \\(0, 1\\), got ${String(c)}$`));
    }
    expect(meanConfidenceInterval([1, 2, 3], { confidence: 0.5 }).confidence).toBe(0.5);
  });
  it('t p-values by alternative: welchTTest([1, 2, 4], [5, 8, 9, 13]) — scipy ttest_ind(…, equal_var=False): two-sided 0.0227744987586955', () => {
    const a = [1, 2, 4];
    const b = [5, 8, 9, 13];
    close(welchTTest(a, b).pValue, 0.0227744987586955);
    // scipy ttest_ind(a, b, equal_var=False, alternative='less') 0.01138724937934775; 'greater' 0.9886127506206522
    close(welchTTest(a, b, { alternative: 'less' }).pValue, 0.01138724937934775);
    close(welchTTest(a, b, { alternative: 'greater' }).pValue, 0.9886127506206522);
    // two-sided p capped at 1 when t = 0: 2·P(T ≥ 0) = 1
    expect(welchTTest([1, 2, 3], [1, 2, 3]).pValue).toBe(1);
  });
});

// The radix sort behind rfmCuts (2·10^5 values and more) against the built-in typed-array sort,
// whose order (-0 before +0, infinities at the ends) is the specification's.
import { describe, expect, it } from 'vitest';
import { rng } from '@satlab/stats';
import { rfmCuts } from '@satlab/rfm';
import { sortFloat64 } from '../src/internal/sortFloat64.js';

describe('sortFloat64', () => {
  it('sorts 200 003 doubles of every sign and magnitude as Float64Array.prototype.sort does', () => {
    const r = rng(18);
    const n = 200_003;
    const x = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const u = r.next();
      // Magnitudes from 1e-300 to 1e300, both signs, some exact repeats, both zeros, infinities.
      x[i] = (u < 0.5 ? -1 : 1) * Math.pow(10, 600 * r.next() - 300);
      if (i % 97 === 0) x[i] = Math.round(x[i] * 0) + (i % 3) - 1;
    }
    x[5] = -0;
    x[6] = 0;
    x[7] = Infinity;
    x[8] = -Infinity;
    x[9] = Number.MIN_VALUE;
    x[10] = -Number.MIN_VALUE;
    x[11] = -0;
    const input = Float64Array.from(x);
    const got = sortFloat64(x);
    const want = Float64Array.from(x).sort();
    expect(got).not.toBe(x);
    expect(x).toEqual(input); // the input is left as it was
    expect(got.length).toBe(n);
    let same = true;
    for (let i = 0; i < n; i++) if (!Object.is(got[i], want[i])) same = false;
    expect(same).toBe(true);
    expect(Object.is(got[1], -Infinity) || Object.is(got[0], -Infinity)).toBe(true);
    expect(got[n - 1]).toBe(Infinity);
  });

  it('a plain array of 250 000 integers spread over 7·10^6 (rfmCuts takes the sorting path), and rfmCuts on it', () => {
    const r = rng(7);
    const x = Array.from({ length: 250_000 }, () => 7 * r.int(1_000_000) - 2_000_000);
    const got = sortFloat64(x);
    const want = Float64Array.from(x).sort();
    let same = true;
    for (let i = 0; i < x.length; i++) if (got[i] !== want[i]) same = false;
    expect(same).toBe(true);
    // rfmCuts' cuts are data values at the quintile boundaries (distinct values, no ties to move).
    const c = rfmCuts(x, 5);
    expect(c.levels).toBe(5);
    for (const t of c.cuts) expect(x).toContain(t);
    for (let k = 0; k < 4; k++) {
      const below = want.filter((v) => v < c.cuts[k]).length;
      expect(Math.abs(below - ((k + 1) * x.length) / 5)).toBeLessThan(20);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { rng } from '@satlab/stats';

describe('rng', () => {
  it('gives the same stream for the same seed and another for another seed', () => {
    const a = rng(7), b = rng(7), c = rng(8);
    const xs = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(xs);
  });
  it('draws uniforms in [0,1) with mean 1/2 and variance 1/12', () => {
    const r = rng(1);
    const n = 200_000;
    let s = 0, s2 = 0, outside = 0;
    for (let i = 0; i < n; i++) { const x = r.next(); if (!(x >= 0 && x < 1)) outside++; s += x; s2 += x * x; }
    expect(outside).toBe(0);
    const m = s / n;
    expect(Math.abs(m - 0.5)).toBeLessThan(4 * Math.sqrt(1 / 12 / n));
    expect(Math.abs(s2 / n - m * m - 1 / 12)).toBeLessThan(0.002);
  });
  it('draws integers below n with every value reached', () => {
    const r = rng(3);
    const counts = new Array(6).fill(0);
    for (let i = 0; i < 60_000; i++) counts[r.int(6)]++;
    for (const k of counts) expect(Math.abs(k - 10_000)).toBeLessThan(500);
    expect(() => r.int(0)).toThrow(RangeError);
  });
  it('draws standard normals', () => {
    const r = rng(5);
    const n = 100_000;
    let s = 0, s2 = 0;
    for (let i = 0; i < n; i++) { const x = r.normal(); s += x; s2 += x * x; }
    expect(Math.abs(s / n)).toBeLessThan(0.02);
    expect(Math.abs(s2 / n - 1)).toBeLessThan(0.03);
  });
  it('rejects a seed that is not a finite number', () => {
    expect(() => rng(Number.NaN)).toThrow(TypeError);
  });
});

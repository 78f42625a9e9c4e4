import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { weightedLogOdds } from '../src/index.js';

// Reference values written by fixtures/logodds.R (tidylo's formula in base R, R 4.2.2).
const fx = JSON.parse(readFileSync(new URL('./fixtures/logodds.json', import.meta.url), 'utf8')) as {
  y1: number[];
  y2: number[];
  prior: number[];
  [k: string]: unknown;
};
type Ref = { logOdds: number[]; variance: number[]; z: number[]; alpha0: number };

function close(actual: ArrayLike<number>, expected: number[], tol = 1e-9): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    const rel = Math.abs(actual[i] - expected[i]) / Math.max(1e-300, Math.abs(expected[i]));
    expect(rel, `index ${i}: ${actual[i]} vs ${expected[i]}`).toBeLessThan(tol);
  }
}

describe('weightedLogOdds matches the tidylo formula computed in R to 1e-9', () => {
  test('informative prior = pooled counts (tidylo default)', () => {
    const ref = fx.pooled as Ref;
    const r = weightedLogOdds(fx.y1, fx.y2);
    close(r.logOdds, ref.logOdds);
    close(r.variance, ref.variance);
    close(r.z, ref.z);
    expect(r.alpha0).toBe(ref.alpha0);
  });
  test('background prior (every comment, passives included)', () => {
    const ref = fx.background as Ref;
    const r = weightedLogOdds(fx.y1, fx.y2, { prior: fx.prior });
    close(r.logOdds, ref.logOdds);
    close(r.z, ref.z);
  });
  test('scaled prior (α₀ × 0.1)', () => {
    const ref = fx.scaled as Ref;
    const r = weightedLogOdds(fx.y1, fx.y2, { prior: fx.prior, priorScale: 0.1 });
    close(r.z, ref.z);
  });
});

describe('weightedLogOdds contract', () => {
  test('symmetric: swapping the groups flips the sign of δ and z', () => {
    const a = weightedLogOdds(fx.y1, fx.y2);
    const b = weightedLogOdds(fx.y2, fx.y1);
    for (let i = 0; i < fx.y1.length; i++) {
      expect(b.z[i]).toBeCloseTo(-a.z[i], 12);
      expect(b.logOdds[i]).toBeCloseTo(-a.logOdds[i], 12);
    }
  });
  test('a term with a zero prior gives NaN, not Infinity', () => {
    const r = weightedLogOdds([3, 0, 2], [1, 0, 4], { prior: [4, 0, 6] });
    expect(r.z[1]).toBeNaN();
    expect(Number.isFinite(r.z[0])).toBe(true);
  });
  test('bad input throws RangeError naming the argument', () => {
    expect(() => weightedLogOdds([1, 2], [1])).toThrow(/same length/);
    expect(() => weightedLogOdds([1, -2], [1, 1])).toThrow(/≥ 0/);
    expect(() => weightedLogOdds([1, 2], [1, 1], { priorScale: 0 })).toThrow(/priorScale/);
  });
});

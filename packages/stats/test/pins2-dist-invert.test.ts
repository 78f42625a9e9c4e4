// Pinning tests for solveIncreasing's path (distributions/invert.ts): with an increasing h whose
// zero set is an interval, the solver returns the first iterate that lands in it, so the start
// point, the bisection fallback and the doubling towards an open upper end each show in the
// result. Expected values: the iterations traced by hand, written beside each case.
import { describe, expect, it } from 'vitest';
import { solveIncreasing } from '../src/distributions/invert.js';

/** h = x − a below a, x − b above b, 0 on [a, b]: increasing, zero on a whole interval. */
const flat = (a: number, b: number) => (x: number): number => (x < a ? x - a : x > b ? x - b : 0);

describe('solveIncreasing: where it starts', () => {
  it('a start outside (lo, hi) is replaced by the midpoint of a finite bracket', () => {
    // x0 = 7 ∉ (0, 1) → 0.5, already in the zero set [0.4, 0.6].
    expect(solveIncreasing(flat(0.4, 0.6), () => 1, 7, 0, 1)).toBe(0.5);
    expect(solveIncreasing(flat(0.4, 0.6), () => 1, -3, 0, 1)).toBe(0.5);
  });
  it('a start on either end of the bracket is replaced too (the bracket is open)', () => {
    expect(solveIncreasing(flat(0.4, 0.6), () => 1, 0, 0, 1)).toBe(0.5);
    expect(solveIncreasing(flat(0.4, 0.6), () => 1, 1, 0, 1)).toBe(0.5);
  });
  it('a start inside the bracket is kept: 0.3 → Newton with slope 1 → 0.4', () => {
    // h(0.3) = −0.1, next = 0.3 + 0.1 = 0.4 (up to rounding), in the zero set.
    expect(Math.abs(solveIncreasing(flat(0.4, 0.6), () => 1, 0.3, 0, 1) - 0.4)).toBeLessThan(1e-15);
  });
  it('with an open upper end, a start outside is replaced by lo + 1', () => {
    // lo = 2: x = 3, in the zero set [2.5, 3.5].
    expect(solveIncreasing(flat(2.5, 3.5), () => 1, -1, 2, Infinity)).toBe(3);
    expect(solveIncreasing(flat(2.5, 3.5), () => 1, 2, 2, Infinity)).toBe(3);
  });
});

describe('solveIncreasing: when Newton leaves the bracket', () => {
  it('bisects: slope 1e-3 on a zero set [0.3, 0.32] from 0.9 in (0, 1) ends at 0.309375', () => {
    // 0.9 (h > 0, hi = 0.9) → 0.45 (hi) → 0.225 (lo) → 0.3375 (hi) → 0.28125 (lo) → 0.309375, h = 0.
    expect(Math.abs(solveIncreasing(flat(0.3, 0.32), () => 1e-3, 0.9, 0, 1) - 0.309375)).toBeLessThan(1e-15);
  });
  it('a zero slope (infinite step) bisects the same way', () => {
    expect(Math.abs(solveIncreasing(flat(0.3, 0.32), () => 0, 0.9, 0, 1) - 0.309375)).toBeLessThan(1e-15);
  });
  it('towards an open upper end it doubles x or moves to lo + 1, whichever is larger', () => {
    // zero set [5, 6] from 1 in (0, ∞), slope 0: 1 → max(2, 2) = 2 → max(4, 3) = 4 → max(8, 5) = 8 (h > 0, hi = 8) → (4 + 8)/2 = 6.
    expect(solveIncreasing(flat(5, 6), () => 0, 1, 0, Infinity)).toBe(6);
    // zero set [1.4, 1.6] from 0.6 in (0.5, ∞): max(1.2, 0.6 + 1) = 1.6, in the zero set.
    expect(Math.abs(solveIncreasing(flat(1.4, 1.6), () => 0, 0.6, 0.5, Infinity) - 1.6)).toBeLessThan(1e-15);
  });
  it('pure bisection stops when the bracket is 4e-16 relative wide: the root 0.3 of x − 0.3 to within two ulps', () => {
    const x = solveIncreasing((v) => v - 0.3, () => 0, 0.9, 0, 1);
    expect(Math.abs(x - 0.3)).toBeLessThanOrEqual(2 * 2 ** -54);
    const y = solveIncreasing((v) => v - 1000, () => 0, 1, 0, Infinity);
    expect(Math.abs(y - 1000)).toBeLessThanOrEqual(2 * 2 ** -43);
  });
});

describe('solveIncreasing: stopping rules', () => {
  it('a Newton step that lands on the bracket end just set is refused (the bracket is open): bisection finds 0.3', () => {
    // h = x − 0.3 with a slope of 1e30: x − h/dh rounds to x itself, which is the new hi (from 0.9) or lo (from 0.1).
    expect(Math.abs(solveIncreasing((v) => v - 0.3, () => 1e30, 0.9, 0, 1) - 0.3)).toBeLessThanOrEqual(2 * 2 ** -54);
    expect(Math.abs(solveIncreasing((v) => v - 0.3, () => 1e30, 0.1, 0, 1) - 0.3)).toBeLessThanOrEqual(2 * 2 ** -54);
  });
  it('a step below 4e-16 relative stops at once, returning that step (not the root: the slope 2e15 is wrong on purpose)', () => {
    // From 0.9: h = 0.6, step 0.6/2e15 = 3e-16 ≤ 4e-16·0.9, so the result is 0.9 − 3e-16 rounded (three ulps below 0.9).
    const x = solveIncreasing((v) => v - 0.3, () => 2e15, 0.9, 0, 1);
    expect(x).toBeLessThan(0.9);
    expect(0.9 - x).toBeLessThanOrEqual(4e-16);
  });
  it('never converging towards an open end: exactly 300 doublings from 1 give 2^300', () => {
    // h < 0 everywhere, slope 0: x ← max(2x, x + 1) = 2x, 300 times; |next − x| = x never meets the tolerance.
    expect(solveIncreasing(() => -1, () => 0, 1, 0, Infinity)).toBe(2 ** 300);
  });
});

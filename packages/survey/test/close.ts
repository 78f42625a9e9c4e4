import { expect } from 'vitest';

/** Asserts |actual − expected| ≤ rel·|expected| (or ≤ rel when expected is 0); null in a fixture means NaN. */
export function close(actual: number, expected: number | null, rel = 1e-9, what = ''): void {
  if (expected === null || Number.isNaN(expected)) {
    expect(Number.isNaN(actual), `${what}: expected NaN, got ${actual}`).toBe(true);
    return;
  }
  const tol = rel * Math.max(Math.abs(expected), expected === 0 ? 1 : 0);
  expect(Math.abs(actual - expected), `${what}: ${actual} vs ${expected}`).toBeLessThanOrEqual(tol);
}

export function closeAll(actual: ArrayLike<number>, expected: readonly (number | null)[], rel = 1e-9, what = ''): void {
  expect(actual.length, `${what}: length`).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) close(actual[i], expected[i], rel, `${what}[${i}]`);
}

/** R's NA (null in the JSON) → NaN. */
export function nums(xs: readonly (number | null)[]): number[] {
  return xs.map((x) => (x === null ? NaN : x));
}

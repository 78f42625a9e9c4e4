// Helpers shared by the cross-tab pinning tests (pins2-tab-*.test.ts).
import { expect } from 'vitest';

/** The error `f` throws (fails the test when it returns). */
export function caught(f: () => unknown): Error {
  try {
    f();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected a throw');
}

/** `got` within a relative `tol` of `want` (absolute when `want` is 0). */
export function expectRel(got: number, want: number, tol = 1e-9): void {
  if (want === 0) expect(Math.abs(got)).toBeLessThan(tol);
  else expect(Math.abs(got - want) / Math.abs(want)).toBeLessThan(tol);
}

/** Two tables of the same shape, cell by cell within `tol` (relative). */
export function expectRows(got: number[][], want: number[][], tol = 1e-9): void {
  expect(got.length).toBe(want.length);
  got.forEach((row, i) => {
    expect(row.length).toBe(want[i].length);
    row.forEach((v, j) => expectRel(v, want[i][j], tol));
  });
}

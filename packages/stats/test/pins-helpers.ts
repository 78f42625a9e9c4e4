// Helpers shared by the pinning tests of @satlab/stats (pins-*.test.ts, pins2-*.test.ts).
import { expect } from 'vitest';

/** The codes of a result's warnings, in order. */
export const codes = (r: { warnings: { code: string }[] }): string[] => r.warnings.map((w) => w.code);

/** |got − want| / |want| (0 when equal, so that equal infinities compare). */
export const rel = (got: number, want: number): number => (got === want ? 0 : Math.abs(got - want) / Math.abs(want));

/**
 * An assertion `close(a, b, tol)`: |a − b| ≤ tol·max(1, |b|) (relative, absolute below 1), with
 * `defaultTol` when tol is left out.
 */
export const near =
  (defaultTol: number) =>
  (a: number, b: number, tol = defaultTol): void => {
    expect(Math.abs(a - b), `${a} vs ${b}`).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(b)));
  };

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

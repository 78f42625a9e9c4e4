/**
 * Solves h(x) = 0 for an increasing h on (lo, hi) by Newton steps with derivative dh, falling
 * back to bisection whenever a step leaves the bracket. Converges to ~1e-15 relative.
 */
export function solveIncreasing(h: (x: number) => number, dh: (x: number) => number, x0: number, lo: number, hi: number): number {
  let x = x0;
  if (!(x > lo && x < hi)) x = Number.isFinite(hi) ? (lo + hi) / 2 : lo + 1;
  for (let i = 0; i < 300; i++) {
    const f = h(x);
    if (f === 0) return x;
    if (f > 0) hi = x;
    else lo = x;
    const d = dh(x);
    let next = x - f / d;
    if (!(next > lo && next < hi) || !Number.isFinite(next)) {
      next = Number.isFinite(hi) ? 0.5 * (lo + hi) : Math.max(2 * x, lo + 1);
    }
    if (Math.abs(next - x) <= 4e-16 * Math.abs(x) || (Number.isFinite(hi) && hi - lo <= 4e-16 * Math.abs(hi))) return next;
    x = next;
  }
  return x;
}

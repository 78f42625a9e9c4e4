import { sortFloat64 } from './internal/sortFloat64.js';

/**
 * Concentration of revenue: the share of the total that the top `topShare` of customers (ranked
 * by value, largest first) bring — the point of the Lorenz curve read from the top, e.g. the
 * seed's « un HM réalise 76 % de son CA avec 38 % de clients » is `paretoShare(m, 0.38) ≈ 0.76`.
 *
 * With n customers, the top k = topShare · n customers are counted, the last one fractionally when
 * k is not an integer (linear interpolation between customers), so the curve is continuous:
 * share = (Σ of the ⌊k⌋ largest + (k − ⌊k⌋) · next largest) / Σ of all.
 *
 * @param monetary one value per customer (revenue, or any non-negative measure); finite.
 * @param topShare the share of customers, in [0, 1] (0.2 for "the top 20 %").
 * @returns the share of the total, in [0, 1] for non-negative values; NaN when the total is 0 or there are no customers.
 * @throws {RangeError} when `topShare` is outside [0, 1] or a value is not finite.
 * @example
 * paretoShare([50, 30, 10, 5, 5], 0.2) // 0.5
 * paretoShare([50, 30, 10, 5, 5], 0.3) // 0.65  (50 + 0.5 × 30) / 100
 */
export function paretoShare(monetary: Float64Array | readonly number[], topShare: number): number {
  if (!(topShare >= 0 && topShare <= 1)) throw new RangeError(`paretoShare(topShare): must be in [0, 1], got ${topShare}`);
  const n = monetary.length;
  let total = 0;
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(monetary[i])) throw new RangeError(`paretoShare(monetary): value ${i} is not finite (${monetary[i]})`);
    total += monetary[i];
  }
  if (n === 0 || total === 0) return NaN;
  const v = sortFloat64(monetary);
  const k = topShare * n;
  const whole = Math.floor(k);
  let top = 0;
  for (let i = 0; i < whole; i++) top += v[n - 1 - i];
  if (whole < n) top += (k - whole) * v[n - 1 - whole];
  return top / total;
}

import type { Message } from '@satlab/messages';
import { msg as messages } from './messages.js';

/** Revenues per customer; NaN = missing (counted, set aside). */
type Numbers = Float64Array | readonly number[];

function checkNumbers(fn: string, name: string, values: unknown): asserts values is Numbers {
  if (!(values instanceof Float64Array) && !Array.isArray(values)) {
    throw new TypeError(`${fn}: ${name} must be a Float64Array or an array of numbers, got ${values === null ? 'null' : typeof values}`);
  }
  if (Array.isArray(values)) {
    for (let i = 0; i < values.length; i++) {
      if (typeof values[i] !== 'number') throw new TypeError(`${fn}: ${name}[${i}] must be a number (NaN for missing), got ${JSON.stringify(values[i])}`);
    }
  }
}

/** Options of {@link paretoConcentration}. */
export interface ParetoOptions {
  /** Share of customers at the top (0–1) whose share of revenue is reported. Default 0.2. */
  topShare?: number;
  /** Share of revenue (0–1) for which the smallest share of customers is reported. Default 0.8. */
  revenueShare?: number;
  /** Number of points of the concentration curve returned (for a chart). Default 101. */
  curvePoints?: number;
}

export interface ParetoResult {
  method: string;
  /** Customers with a revenue value. */
  n: number;
  /** Customers with NaN revenue, set aside. */
  nMissing: number;
  total: number;
  topShare: number;
  /** Share of the revenue made by the top `topShare` of customers (e.g. 0.76 from 0.38). */
  revenueShareOfTop: number;
  revenueShare: number;
  /** Smallest share of customers (the best ones) making `revenueShare` of the revenue. */
  customerShareFor: number;
  /** Gini coefficient of revenue, Σ(2k − n − 1)x₍ₖ₎ / (n Σx), ascending order. */
  gini: number;
  /** Concentration curve: share of customers (best first) → share of revenue, evenly spaced. */
  curve: { customerShare: number; revenueShare: number }[];
  warnings: Message[];
}

/**
 * Pareto concentration of revenue (the BTS MUC course « Satisfaction et fidélité »: "un hypermarché réalise 76 % de son CA avec 38 % de
 * clients"). Customers are sorted by revenue, best first; the concentration curve joins
 * (k/n, S_k/S) for k = 0 … n, with S_k the revenue of the k best customers, by straight lines.
 * `revenueShareOfTop` = curve at `topShare` (k = topShare·n, interpolated when fractional);
 * `customerShareFor` = the inverse at `revenueShare`. Same as numpy
 * `np.interp(x, np.arange(n+1)/n, np.concatenate([[0], np.cumsum(np.sort(v)[::-1])])/v.sum())`.
 * Also the Gini coefficient (no small-sample correction; R `ineq::Gini`).
 *
 * @throws {RangeError} shares outside [0, 1], no revenue value, a total ≤ 0.
 * @example
 * paretoConcentration([500, 300, 100, 50, 50], { topShare: 0.4 });
 * //=> { revenueShareOfTop: 0.8, customerShareFor: 0.4, gini: 0.46, … }
 */
export function paretoConcentration(revenues: Numbers, options: ParetoOptions = {}): ParetoResult {
  const fn = 'paretoConcentration';
  checkNumbers(fn, 'revenues', revenues);
  const topShare = options.topShare ?? 0.2;
  const revenueShare = options.revenueShare ?? 0.8;
  for (const [name, x] of [['options.topShare', topShare], ['options.revenueShare', revenueShare]] as const) {
    if (typeof x !== 'number' || !(x >= 0 && x <= 1)) throw new RangeError(`${fn}: ${name} must be in [0, 1], got ${String(x)}`);
  }
  const curvePoints = options.curvePoints ?? 101;
  if (!Number.isInteger(curvePoints) || curvePoints < 2) throw new RangeError(`${fn}: options.curvePoints must be an integer ≥ 2, got ${String(curvePoints)}`);
  let nMissing = 0, negatives = 0, n = 0;
  for (let i = 0; i < revenues.length; i++) {
    const x = revenues[i];
    if (Number.isNaN(x)) nMissing++;
    else {
      if (!Number.isFinite(x)) throw new RangeError(`${fn}: revenues must be finite, got ${x}`);
      if (x < 0) negatives++;
      n++;
    }
  }
  if (n === 0) throw new RangeError(`${fn}: no revenue value (all ${nMissing} missing)`);
  // Best first: a typed-array (numeric, native) ascending sort read backwards.
  const asc = new Float64Array(n);
  for (let i = 0, j = 0; i < revenues.length; i++) if (!Number.isNaN(revenues[i])) asc[j++] = revenues[i];
  asc.sort();
  const v = asc.reverse();
  const cum = new Float64Array(n + 1);
  for (let k = 0; k < n; k++) cum[k + 1] = cum[k] + v[k];
  const total = cum[n];
  if (!(total > 0)) throw new RangeError(`${fn}: total revenue must be positive, got ${total}`);
  const curveAt = (x: number): number => {
    const k = x * n;
    const lo = Math.min(n, Math.floor(k));
    if (lo >= n) return 1;
    const f = k - lo;
    return (cum[lo] + f * (cum[lo + 1] - cum[lo])) / total;
  };
  const inverseAt = (y: number): number => {
    const target = y * total;
    if (target <= 0) return 0;
    for (let k = 1; k <= n; k++) {
      if (cum[k] >= target) {
        const step = cum[k] - cum[k - 1];
        const f = step > 0 ? (target - cum[k - 1]) / step : 0;
        return (k - 1 + f) / n;
      }
    }
    return 1;
  };
  // Gini on ascending order: v is descending, so x_(k) ascending = v[n - k].
  let g = 0;
  for (let k = 1; k <= n; k++) g += (2 * k - n - 1) * v[n - k];
  const gini = g / (n * total);
  const warnings: Message[] = [];
  if (negatives > 0) warnings.push(messages.paretoNegative({ n: negatives }));
  return {
    method: 'concentration curve of revenue (customers sorted best first), linear interpolation between customers; Gini without small-sample correction',
    n,
    nMissing,
    total,
    topShare,
    revenueShareOfTop: curveAt(topShare),
    revenueShare,
    customerShareFor: inverseAt(revenueShare),
    gini,
    curve: Array.from({ length: curvePoints }, (_, j) => {
      const x = j / (curvePoints - 1);
      return { customerShare: x, revenueShare: curveAt(x) };
    }),
    warnings,
  };
}

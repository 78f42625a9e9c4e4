import type { Message } from '@satlab/messages';
import { checkFiniteNumber } from './util.js';
import { msg } from './messages.js';

/** Inputs of {@link lifetimeValue}. */
export interface LifetimeValueInput {
  /** Margin per customer per period (e.g. annual margin, in euros). */
  margin: number;
  /** Probability that a customer still there at a period stays for the next one, 0–1. */
  retentionRate: number;
  /** Discount rate per period (e.g. 0.08), > −1. */
  discountRate: number;
  /** Number of periods counted. Default `Infinity`. */
  horizon?: number;
  /**
   * Whether the first period's margin is counted, undiscounted, at t = 0 (`true`, the default:
   * a customer acquired today brings this year's margin for sure) or the first margin comes at
   * the end of the first period after a retention step (`false`: Gupta & Lehmann 2003,
   * m·r/(1 + i − r) for an infinite horizon).
   */
  firstPeriodCounted?: boolean;
}

export interface LifetimeValueResult {
  method: string;
  /** Expected discounted margin of a customer over the horizon. */
  value: number;
  /** q = retentionRate/(1 + discountRate), the per-period multiplier. */
  multiplier: number;
  horizon: number;
  firstPeriodCounted: boolean;
  /** Period by period (finite horizons up to 200 periods): t, survival r^t, discount factor (1+i)^−t, expected discounted margin. */
  schedule?: { period: number; survival: number; discountFactor: number; value: number }[];
  warnings: Message[];
}

/**
 * Customer lifetime value (the BTS MUC course « Satisfaction et fidélité », "Life Time Value"): the expected discounted margin of a
 * customer, LTV = Σ_t m·r^t/(1 + i)^t, t = 0 … T − 1 when the first period is counted (default),
 * t = 1 … T otherwise. Closed forms with q = r/(1 + i): m·(1 − q^T)/(1 − q) (counted) or
 * m·q·(1 − q^T)/(1 − q) (not counted); for an infinite horizon m/(1 − q) = m(1 + i)/(1 + i − r)
 * and m·r/(1 + i − r) (Gupta & Lehmann 2003, "Customers as assets", J. Interactive Marketing 17(1)).
 *
 * Assumptions: constant margin, retention and discount rate; margins arrive once a period.
 * The same formula gives the "second lifetime value" (SLTV) of won-back customers with their
 * own margin and retention.
 *
 * @throws {RangeError} non-finite inputs, retention outside [0, 1], discount ≤ −1, horizon not a
 *   positive integer or Infinity, an infinite horizon with r ≥ 1 + i.
 * @example
 * lifetimeValue({ margin: 100, retentionRate: 0.8, discountRate: 0.1 }).value; //=> 366.666…
 * lifetimeValue({ margin: 100, retentionRate: 0.8, discountRate: 0.1, horizon: 3 }).value;
 * //=> 225.619… (100 + 72.727… + 52.892…)
 */
export function lifetimeValue(input: LifetimeValueInput): LifetimeValueResult {
  const fn = 'lifetimeValue';
  if (typeof input !== 'object' || input === null) throw new TypeError(`${fn}: input must be an object { margin, retentionRate, discountRate }`);
  const { margin, retentionRate: r, discountRate: i } = input;
  checkFiniteNumber(fn, 'input.margin', margin);
  checkFiniteNumber(fn, 'input.retentionRate', r, { min: 0, max: 1 });
  checkFiniteNumber(fn, 'input.discountRate', i, { min: -1, minExclusive: true });
  const horizon = input.horizon ?? Infinity;
  if (!(horizon === Infinity || (Number.isInteger(horizon) && horizon >= 1))) throw new RangeError(`${fn}: input.horizon must be a positive integer or Infinity, got ${String(horizon)}`);
  const counted = input.firstPeriodCounted ?? true;
  const q = r / (1 + i);
  const t0 = counted ? 0 : 1;
  let value: number;
  if (horizon === Infinity) {
    if (q >= 1) throw new RangeError(`${fn}: ${msg.ltvRetentionTooHigh().text} (retention ${r}, discount ${i})`);
    value = (margin * q ** t0) / (1 - q);
  } else if (q === 1) {
    value = margin * horizon;
  } else {
    value = (margin * q ** t0 * (1 - q ** horizon)) / (1 - q);
  }
  const result: LifetimeValueResult = {
    method: `LTV = sum of m r^t / (1+i)^t, t = ${t0}..${horizon === Infinity ? 'infinity' : t0 + horizon - 1} (${counted ? 'first period counted at t = 0' : 'first margin after one retention step'})`,
    value,
    multiplier: q,
    horizon,
    firstPeriodCounted: counted,
    warnings: [],
  };
  if (horizon !== Infinity && horizon <= 200) {
    result.schedule = Array.from({ length: horizon }, (_, k) => {
      const t = t0 + k;
      const survival = r ** t, discountFactor = (1 + i) ** -t;
      return { period: t, survival, discountFactor, value: margin * survival * discountFactor };
    });
  }
  return result;
}

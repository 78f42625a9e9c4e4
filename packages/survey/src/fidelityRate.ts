import type { RateResult } from './rateCore.js';
import { rateWithWilson } from './rateCore.js';

/**
 * Fidelity (retention) rate, as the BTS MUC course « Satisfaction et fidélité » defines it (after Castella): the share of the buyers of
 * period n − 1 who buy again in period n, `retained / previousBuyers`, with a Wilson interval
 * (R `prop.test(retained, previousBuyers, correct = FALSE)$conf.int`).
 *
 * @throws {RangeError} counts that are not non-negative integers, retained > previousBuyers, no previous buyer.
 * @example
 * fidelityRate(820, 1000); //=> { rate: 0.82, ci: [0.794977…, 0.842573…], … }
 */
export function fidelityRate(retained: number, previousBuyers: number, options: { confidence?: number } = {}): RateResult {
  return rateWithWilson('fidelityRate', 'retained', retained, 'previousBuyers', previousBuyers, options.confidence ?? 0.95, 'fidelity rate = buyers of period n-1 who buy again in period n / buyers of period n-1; Wilson interval');
}

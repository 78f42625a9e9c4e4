import type { RateResult } from './rateCore.js';
import { rateWithWilson } from './rateCore.js';

/**
 * Attrition (churn) rate, as the BTS MUC course « Satisfaction et fidélité » defines it: the proportion of customers lost over the
 * period, `lost / customersAtStart`, with a Wilson interval
 * (R `prop.test(lost, customersAtStart, correct = FALSE)$conf.int`). It is 1 − the fidelity
 * rate when both are measured on the same customers.
 *
 * @throws {RangeError} counts that are not non-negative integers, lost > customersAtStart, no customer.
 * @example
 * attritionRate(180, 1000); //=> { rate: 0.18, ci: [0.157426…, 0.205022…], … }
 */
export function attritionRate(lost: number, customersAtStart: number, options: { confidence?: number } = {}): RateResult {
  return rateWithWilson('attritionRate', 'lost', lost, 'customersAtStart', customersAtStart, options.confidence ?? 0.95, 'attrition rate = customers lost during the period / customers at the start; Wilson interval');
}

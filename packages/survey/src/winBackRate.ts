import type { RateResult } from './rateCore.js';
import { rateWithWilson } from './rateCore.js';

/**
 * Win-back (reconquest) rate: the share of the lost customers targeted by a win-back action who
 * came back, `wonBack / targeted`, with a Wilson interval
 * (R `prop.test(wonBack, targeted, correct = FALSE)$conf.int`). The BTS MUC course « Satisfaction et fidélité » quotes 15–20 % in
 * reconquest against about 5 % in prospecting.
 *
 * @throws {RangeError} counts that are not non-negative integers, wonBack > targeted, no target.
 * @example
 * winBackRate(36, 200); //=> { rate: 0.18, ci: [0.132946…, 0.239114…], … }
 */
export function winBackRate(wonBack: number, targeted: number, options: { confidence?: number } = {}): RateResult {
  return rateWithWilson('winBackRate', 'wonBack', wonBack, 'targeted', targeted, options.confidence ?? 0.95, 'win-back rate = lost customers won back / lost customers targeted; Wilson interval');
}

import type { CsvCell } from '@satlab/data';
import type { Outcomes } from './types.js';

/**
 * Outcomes as rows for `writeCsv`/`writeCsvFile`: header `customer_id,treated,outcome,simulated`
 * then one row per customer (treated oui/non, outcome kept/left, simulated oui/non) — the format
 * `loadOutcomes` reads back.
 *
 * @example
 * outcomeRows(simulateOutcomes(queue, { seed: 1, treatedShare: 0.5, baseRetention: 0.84, uplift: 0.08 })).slice(0, 2)
 * // [['customer_id', 'treated', 'outcome', 'simulated'], ['C000648', 'non', 'left', 'oui']]
 */
export function outcomeRows(outcomes: Outcomes): CsvCell[][] {
  if (typeof outcomes !== 'object' || outcomes === null || !Array.isArray(outcomes.records)) throw new TypeError('outcomeRows: outcomes must be the result of loadOutcomes or simulateOutcomes');
  const sim = outcomes.simulated ? 'oui' : 'non';
  return [['customer_id', 'treated', 'outcome', 'simulated'], ...outcomes.records.map((r) => [r.id, r.treated ? 'oui' : 'non', r.kept ? 'kept' : 'left', sim])];
}

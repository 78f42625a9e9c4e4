import type { CsvCell } from '@satlab/data';
import type { Outcomes } from './types.js';

/**
 * Outcomes as rows for `writeCsv`/`writeCsvFile`: header `customer_id,treated,outcome,simulated`
 * then one row per customer (treated oui/non, outcome kept/left, simulated oui/non) — the format
 * `loadOutcomes` reads back.
 *
 * @example
 * const outcomes = loadOutcomes({ name: 'o.csv', bytes: 'customer_id,treated,outcome\nC1,oui,conservé\nC2,non,parti\n' });
 * outcomeRows(outcomes);
 * //=> [['customer_id', 'treated', 'outcome', 'simulated'], ['C1', 'oui', 'kept', 'non'], ['C2', 'non', 'left', 'non']]
 */
export function outcomeRows(outcomes: Outcomes): CsvCell[][] {
  if (typeof outcomes !== 'object' || outcomes === null || !Array.isArray(outcomes.records)) throw new TypeError('outcomeRows: outcomes must be the result of loadOutcomes or simulateOutcomes');
  const sim = outcomes.simulated ? 'oui' : 'non';
  return [['customer_id', 'treated', 'outcome', 'simulated'], ...outcomes.records.map((r) => [r.id, r.treated ? 'oui' : 'non', r.kept ? 'kept' : 'left', sim])];
}

import type { CsvCell } from '@satlab/data';
import { describeReason } from './describeReason.js';
import type { CallbackQueue } from './types.js';

/** Columns of the callback list, in order (also the header of `writeQueueCsv`). */
export const QUEUE_COLUMNS = [
  'priority', 'customer_id', 'score', 'severity', 'reasons', 'rules', 'segment', 'value', 'value_percentile', 'value_status', 'treated', 'outcome',
] as const;

const round = (x: number, d: number): number => Math.round(x * 10 ** d) / 10 ** d;

/**
 * The callback queue as rows for a spreadsheet: a header (`QUEUE_COLUMNS`) then one row per
 * customer in priority order — reasons as text in the language joined by " | ", rule ids joined
 * by "+", segment, value amount, value percentile (4 decimals), value status ("known"/"unknown",
 * « connue »/« inconnue »), score (4 decimals) — and two empty columns, `treated` (oui/non) and
 * `outcome` (kept/left), for the callback team to fill in: the filled file is the input of
 * `loadOutcomes`. Cells are plain values; `writeCsv` makes them safe (formula injection).
 *
 * @param queue from `buildCallbackQueue`.
 * @param lang language of the reasons and value status. Default 'en'.
 * @example
 * import { loadTable } from '@satlab/data';
 * const { table } = loadTable('datasets/barometer/wave-3.csv', { codebook: 'datasets/barometer/codebook.yaml' });
 * const detection = detectDissatisfied(table, loadRules('packages/alerts/examples/barometer-rules.yaml'));
 * const queue = buildCallbackQueue(detection, customerValues({ ids: ['C000648', 'C000205'], segments: ['Vedettes', 'Perdus'] }));
 * queueRows(queue, 'fr')[1]; // score 8 × (1 + 0.75)
 * //=> [1, 'C000648', 14, 8, 'Satisfaction globale ≤ 2 (insatisfait) : overall = 1 | Détracteur NPS (0 à 6) : nps = 2 | '…,
 * //    'low-overall+detractor+effort+unresolved+negative-verbatim', 'Vedettes', null, 0.75, 'connue', null, null]
 */
export function queueRows(queue: CallbackQueue, lang: 'fr' | 'en' = 'en'): CsvCell[][] {
  if (typeof queue !== 'object' || queue === null || !Array.isArray(queue.entries)) throw new TypeError('queueRows: queue must be the result of buildCallbackQueue');
  const status = lang === 'fr' ? { known: 'connue', unknown: 'inconnue' } : { known: 'known', unknown: 'unknown' };
  const rows: CsvCell[][] = [[...QUEUE_COLUMNS]];
  for (const e of queue.entries) {
    const v = e.value === 'unknown' ? null : e.value;
    rows.push([
      e.priority,
      e.id,
      round(e.score, 4),
      e.severity,
      e.reasons.map((r) => describeReason(r, lang)).join(' | '),
      e.reasons.map((r) => r.rule).join('+'),
      v?.segment ?? null,
      v?.amount ?? null,
      v ? round(v.percentile, 4) : null,
      v ? status.known : status.unknown,
      null,
      null,
    ]);
  }
  return rows;
}

import type { Message } from '@satlab/messages';
import { msg } from './messages.js';
import type { CallbackQueue, CustomerValues, Detection, QueueEntry, Reason } from './types.js';

/** Options of {@link buildCallbackQueue}. */
export interface QueueOptions {
  /**
   * Weight w of the customer value in the score severity × (1 + w × percentile): 0 ignores the
   * value, 1 (default) lets the most valuable customer count up to twice a customer of no value.
   */
  valueWeight?: number;
}

const FORMULA =
  'score = severity × (1 + valueWeight × percentile); severity = sum of the weights of the rules that fired; ' +
  'percentile = mid-distribution percentile of the customer value among all customers of the value file (0 when unknown); ' +
  'order: score desc, then severity desc, then percentile desc, then customer id asc (code-unit order)';

/**
 * The callback queue (Bathelot, « Management de l’insatisfaction client »: "collecter, traiter"; « Comment gérer l’insatisfaction client en 5 étapes ? »:
 * « les clients insatisfaits sont rappelés »): one row per flagged customer, with the reasons, the customer's value and a
 * priority that puts valuable, strongly dissatisfied customers first.
 *
 *   score = severity × (1 + w × q)
 *
 * with severity = Σ weights of the rules that fired (each rule once per customer), q ∈ (0, 1) the
 * customer's value percentile (`customerValues`: monetary amount, a value column or the RFM
 * segment order), 0 when the customer is absent from the value file (value "unknown", reported),
 * and w = `valueWeight` (default 1). The queue is sorted by score, then severity, then q (all
 * descending), then id (ascending, by UTF-16 code units: the same order on every machine);
 * `priority` is the position, 1 first. A customer flagged on several rows (answered twice) is
 * one entry with the union of the reasons. Flagged rows without an id are left out (reported).
 *
 * @param detection from `detectDissatisfied`.
 * @param values from `customerValues` / `loadCustomerValues`; null or omitted: severity only.
 * @param options valueWeight (default 1).
 * @throws {TypeError} detection not a Detection; values not CustomerValues.
 * @throws {RangeError} valueWeight negative or not finite.
 * @example
 * import { loadTable } from '@satlab/data';
 * const { table } = loadTable('datasets/barometer/wave-3.csv', { codebook: 'datasets/barometer/codebook.yaml' });
 * const detection = detectDissatisfied(table, loadRules('packages/alerts/examples/barometer-rules.yaml'));
 * const values = customerValues({ ids: ['C000648', 'C000205'], amounts: [1526.97, 80] });
 * const queue = buildCallbackQueue(detection, values);
 * queue.customers; //=> 912
 * queue.unknownValue; //=> 910 (customers absent from the value file: severity only)
 * queue.entries[0];
 * //=> { priority: 1, id: 'C000648', score: 14, severity: 8, value: { segment: null, amount: 1526.97, percentile: 0.75 },
 * //     reasons: [{ rule: 'low-overall', … }, { rule: 'detractor', … }, …], … }   (8 × (1 + 0.75))
 */
export function buildCallbackQueue(detection: Detection, values?: CustomerValues | null, options: QueueOptions = {}): CallbackQueue {
  const fn = 'buildCallbackQueue';
  if (typeof detection !== 'object' || detection === null || !Array.isArray(detection.flags)) throw new TypeError(`${fn}: detection must be the result of detectDissatisfied`);
  if (values !== undefined && values !== null && !(values.byId instanceof Map)) throw new TypeError(`${fn}: values must be the result of customerValues or loadCustomerValues`);
  const w = options.valueWeight ?? 1;
  if (typeof w !== 'number' || !Number.isFinite(w) || w < 0) throw new RangeError(`${fn}: options.valueWeight must be a finite number ≥ 0, got ${String(w)}`);
  const warnings: Message[] = [];

  const merged = new Map<string, { reasons: Map<string, Reason>; rows: number[] }>();
  let missingId = 0;
  let repeated = 0;
  for (const f of detection.flags) {
    if (f.id === null || f.id === '') {
      missingId++;
      continue;
    }
    let m = merged.get(f.id);
    if (!m) {
      m = { reasons: new Map(), rows: [] };
      merged.set(f.id, m);
    } else if (m.rows.length === 1) repeated++;
    m.rows.push(f.row);
    for (const r of f.reasons) if (!m.reasons.has(r.rule)) m.reasons.set(r.rule, r);
  }
  if (missingId > 0) warnings.push(msg.missingIds({ n: missingId, column: detection.idColumn }));
  if (repeated > 0) warnings.push(msg.duplicateIds({ n: repeated }));
  if (!values) warnings.push(msg.noValues());

  const unknownValueIds: string[] = [];
  const rows: (Omit<QueueEntry, 'priority'> & { q: number })[] = [];
  for (const [id, m] of merged) {
    const reasons = [...m.reasons.values()];
    const severity = reasons.reduce((s, r) => s + r.weight, 0);
    const v = values?.byId.get(id);
    if (!v) unknownValueIds.push(id);
    const q = v ? v.percentile : 0;
    rows.push({ id, score: severity * (1 + w * q), severity, reasons, value: v ?? 'unknown', rows: m.rows, q });
  }
  rows.sort((a, b) => b.score - a.score || b.severity - a.severity || b.q - a.q || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  unknownValueIds.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (values && unknownValueIds.length > 0) warnings.push(msg.unknownValue({ n: unknownValueIds.length, total: rows.length, source: values.source, examples: unknownValueIds.slice(0, 5) }));
  const entries: QueueEntry[] = rows.map(({ q: _q, ...r }, k) => ({ priority: k + 1, ...r }));
  return {
    method: 'callback queue: rule severity weighted by customer value percentile',
    formula: FORMULA,
    valueWeight: w,
    valueBasis: values ? values.basis : null,
    entries,
    customers: entries.length,
    unknownValue: unknownValueIds.length,
    unknownValueIds,
    missingId,
    warnings,
  };
}

import type { Message } from '@satlab/messages';
import type { Table } from '@satlab/data';
import { isTable, transactionsFromTable } from './byName.js';
import type { RfmColumns } from './byName.js';
import { isoDay, toDay } from './internal/days.js';
import { msg } from './messages.js';
import { rfmFromCustomers } from './rfmFromCustomers.js';
import type { RfmOptions, RfmResult, RfmTransactions } from './types.js';

const FN = 'rfm';

/** Reasons a transaction is set aside (keys of `result.excluded.byReason`). */
export const EXCLUSION_REASONS = {
  customer: 'missing customer',
  date: 'bad or missing date',
  amount: 'bad or missing amount',
  after: 'after the analysis date',
  future: 'dated after today',
} as const;

/**
 * RFM segmentation of transactions: per customer, recency (days since the last purchase as of
 * the analysis date), frequency (number of purchases), monetary (sum of amounts, or their mean),
 * scores R, F, M on 1–5 (R = 5 the most recent) and a segment.
 *
 * Aggregation is one pass over the transactions, O(rows) time and O(customers) memory. Sums
 * use Kahan compensated summation in row order — the algorithm of pandas' `groupby().sum()`
 * (pandas/_libs/groupby.pyx `group_sum`), so per-customer totals equal pandas' to the last bit;
 * the mean is that sum / count (pandas `group_mean`). Transactions with a missing customer,
 * date or amount, or dated after the analysis date, are excluded and counted by reason. The
 * analysis date defaults to the day after the last transaction; recency is in whole days (the
 * time of day is ignored). Scoring and segments: see `rfmFromCustomers` and `rfmCuts`.
 *
 * Reference: R package `rfm`, `rfm_table_order()` (recency_days, transaction_count, amount,
 * scores, threshold table); the differences in binning are documented in `rfmCuts`.
 *
 * @param tx `{ customer: Int32Array, customerIds, date: Float64Array (days), amount: Float64Array }`.
 * @param opts see `RfmOptions`: asOf (default day after the last transaction), monetary ('sum'),
 *   bins (5), binning ('quantile'), segments ('classic').
 * @returns a plain `RfmResult` (typed arrays per customer, thresholds, segment table, excluded, warnings).
 * @throws {RangeError} when the columns have different lengths, a customer code is out of range,
 *   or an option is invalid.
 * Column-name form: `rfm(table, { customer: "customer_id", date: "date", amount: "amount" })`
 * reads the transactions from a `@satlab/data` table (dates as days, customers in order of appearance).
 * @example
 * const r = rfm({ customer: Int32Array.of(0, 1, 0), customerIds: ['A', 'B'], date: Float64Array.of(19000, 19005, 19010), amount: Float64Array.of(10, 5, 20) }, { bins: 2 });
 * r;
 * //=> { asOf: '2022-01-19', customers: 2, recency: Float64Array [1, 6],
 * //   frequency: Int32Array [2, 1], monetary: Float64Array [30, 5], r: Uint8Array [2, 1],
 * //   f: Uint8Array [2, 1], m: Uint8Array [2, 1], … }
 */
export function rfm(table: Table, columns: RfmColumns, opts?: RfmOptions): RfmResult;
export function rfm(tx: RfmTransactions, opts?: RfmOptions): RfmResult;
export function rfm(a: RfmTransactions | Table, b?: RfmColumns | RfmOptions, c: RfmOptions = {}): RfmResult {
  if (isTable(a)) return rfm(transactionsFromTable(FN, a, b as RfmColumns), c);
  const tx = a;
  const opts = (b as RfmOptions | undefined) ?? {};
  const n = tx.customer.length;
  if (tx.date.length !== n || tx.amount.length !== n) {
    throw new RangeError(`${FN}(transactions): customer, date and amount must have the same length (${n}, ${tx.date.length}, ${tx.amount.length})`);
  }
  const K = tx.customerIds.length;
  const asOfDay = opts.asOf !== undefined ? toDay(FN, 'opts.asOf', opts.asOf) : Infinity;
  // Without an analysis date, a transaction dated after today does not move the default one.
  const todayDay = opts.today !== undefined ? toDay(FN, 'opts.today', opts.today) : Math.floor(Date.now() / 86_400_000);
  const futureCut = opts.asOf === undefined ? todayDay : Infinity;
  let future = 0;
  let latestFuture = -Infinity;
  let latestKept = -Infinity;
  // Per customer, interleaved so one transaction touches one cache line: [sum, compensation, last day, count].
  const acc = new Float64Array(4 * K);
  for (let c = 0; c < K; c++) acc[4 * c + 2] = -Infinity;
  const customer = tx.customer;
  const date = tx.date;
  const amount = tx.amount;
  let noCustomer = 0;
  let noDate = 0;
  let noAmount = 0;
  let after = 0;
  let negative = 0;
  let used = 0;
  for (let i = 0; i < n; i++) {
    const c = customer[i];
    const d = date[i];
    const a = amount[i];
    if (c < 0 || d !== d || a !== a) {
      if (c < 0) noCustomer++;
      else if (d !== d) noDate++;
      else noAmount++;
      continue;
    }
    if (c >= K) throw new RangeError(`${FN}(transactions.customer): code ${c} at row ${i} is not an index of customerIds (length ${K})`);
    const day = Math.floor(d);
    if (day > asOfDay) {
      after++;
      continue;
    }
    if (day > futureCut) {
      future++;
      if (day > latestFuture) latestFuture = day;
      continue;
    }
    if (day > latestKept) latestKept = day;
    used++;
    const o = 4 * c;
    acc[o + 3]++;
    if (day > acc[o + 2]) acc[o + 2] = day;
    if (a < 0) negative++;
    // Kahan summation, exactly as pandas' group_sum: y = a − comp; t = sum + y; comp = (t − sum) − y; sum = t.
    const sum = acc[o];
    const y = a - acc[o + 1];
    const t = sum + y;
    acc[o + 1] = t - sum - y;
    acc[o] = t;
  }
  let kept = 0;
  for (let c = 0; c < K; c++) if (acc[4 * c + 3] > 0) kept++;
  const ids: string[] = kept === K ? (tx.customerIds as string[]) : new Array<string>(kept);
  const lastDay = new Float64Array(kept);
  const frequency = new Int32Array(kept);
  const total = new Float64Array(kept);
  let j = 0;
  for (let c = 0; c < K; c++) {
    const o = 4 * c;
    if (acc[o + 3] === 0) continue;
    if (kept < K) ids[j] = tx.customerIds[c];
    lastDay[j] = acc[o + 2];
    frequency[j] = acc[o + 3];
    total[j] = acc[o];
    j++;
  }
  const excluded: Record<string, number> = {};
  if (noCustomer) excluded[EXCLUSION_REASONS.customer] = noCustomer;
  if (noDate) excluded[EXCLUSION_REASONS.date] = noDate;
  if (noAmount) excluded[EXCLUSION_REASONS.amount] = noAmount;
  if (after) excluded[EXCLUSION_REASONS.after] = after;
  if (future) excluded[EXCLUSION_REASONS.future] = future;
  const warnings: Message[] = [];
  if (future > 0) warnings.push(msg.future({ n: future, today: isoDay(todayDay), latest: isoDay(latestFuture), asOf: Number.isFinite(latestKept) ? isoDay(latestKept + 1) : '' }));
  if (noCustomer + noDate + noAmount > 0) warnings.push(msg.excluded({ n: noCustomer + noDate + noAmount }));
  if (after > 0) warnings.push(msg.afterAsOf({ n: after, asOf: isoDay(asOfDay) }));
  if (negative > 0) warnings.push(msg.negativeAmounts({ n: negative }));
  return rfmFromCustomers({ customerIds: ids, lastDay, frequency, total, transactions: used, excluded, warnings }, opts);
}

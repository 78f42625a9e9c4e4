import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { rng } from '@satlab/stats';
import { civilFromDays, dayOfWeek, formatDay, parseIsoDay } from './dates.js';
import { transactionsModel as T } from './transactionsModel.js';

/** Options of `generateTransactions`. */
export interface TransactionsOptions {
  /** Seed of the random stream (any finite number). Required. */
  seed: number;
  /** Rows to write (header excluded), an integer ≥ customers. Required. */
  rows: number;
  /** Where to write: a file path (created or replaced) or a Writable (written to, not ended). */
  out: string | Writable;
  /** Number of customers `C000001` … Default round(rows / 20) (at least 1, at most 999 999). */
  customers?: number;
  /** First day, ISO. Default `'2022-01-01'`. */
  start?: string;
  /** Last day, ISO, ≥ start. Default `'2024-12-31'`. */
  end?: string;
  /** Called after each chunk is handed to the stream, with the rows written so far. */
  onProgress?: (rowsWritten: number, rows: number) => void;
  /** Bytes per write (a line never straddles two writes). Default 1 MiB. */
  chunkSize?: number;
}

/** What was written (JSON-safe). */
export interface TransactionsResult {
  /** Data rows written (header excluded). */
  rows: number;
  customers: number;
  /** Bytes written, header included. */
  bytes: number;
  start: string;
  end: string;
  /** Sum of all amounts in euros (from integer cents). */
  revenue: number;
}


/**
 * Writes a synthetic transactions file for RFM analysis, streaming: CSV `customer_id,date,amount`
 * (UTF-8, `,` separator, LF, ISO dates, amounts with two decimals and a point), rows in date order.
 *
 * Model (parameters in `transactionsModel`): customer i has a purchase-rate weight λ_i = exp(0.6·z_f)
 * (log-normal, so a minority of customers makes most of the revenue — the BTS MUC course's 76 % of revenue from
 * 38 % of customers), a mean basket 38 € · exp(0.35·z_v + 0.2·z_f), an active span (30 % are acquired
 * during the period, 25 % lapse before its end) and one guaranteed purchase on a uniform day of that
 * span (so every customer appears). The other rows − customers purchases are spread over the days in
 * proportion to seasonality(day) × Σ λ of the customers active that day, each given to an active
 * customer with probability ∝ λ (alias sampling with rejection). Amount = basket · lognormal(sd 0.45,
 * mean 1), rounded to cents, at least 1 €. Memory is O(customers + days), independent of rows; chunks of
 * about 1 MiB are written with backpressure. Same options → same bytes on every platform.
 *
 * @param opts see `TransactionsOptions` (seed, rows and out required).
 * @returns rows, customers, bytes written, period and total revenue.
 * @throws {TypeError} when seed is not a finite number.
 * @throws {RangeError} when rows, customers or dates are invalid.
 * @example
 * import { mkdtempSync } from 'node:fs';
 * import { tmpdir } from 'node:os';
 * import { join } from 'node:path';
 * const out = join(mkdtempSync(join(tmpdir(), 'tx-')), 'transactions.csv');
 * await generateTransactions({ seed: 2007, rows: 1000, out });
 * //=> { rows: 1000, customers: 50, start: '2022-01-01', end: '2024-12-31', … }
 */
export async function generateTransactions(opts: TransactionsOptions): Promise<TransactionsResult> {
  const { seed, rows, out, start = '2022-01-01', end = '2024-12-31', onProgress, chunkSize = 1 << 20 } = opts;
  const r = rng(seed);
  if (!Number.isInteger(rows) || rows < 1 || rows > 2_000_000_000) {
    throw new RangeError(`generateTransactions: rows must be an integer ≥ 1, got ${String(rows)}`);
  }
  const N = opts.customers ?? Math.min(999_999, Math.max(1, Math.round(rows / T.rowsPerCustomer)));
  if (!Number.isInteger(N) || N < 1 || N > 999_999 || N > rows) {
    throw new RangeError(`generateTransactions: customers must be an integer in [1, min(rows, 999999)], got ${String(N)} (rows ${rows})`);
  }
  const d0 = parseIsoDay(start);
  const d1 = parseIsoDay(end);
  if (d0 === undefined) throw new RangeError(`generateTransactions: start must be an ISO date YYYY-MM-DD, got "${start}"`);
  if (d1 === undefined) throw new RangeError(`generateTransactions: end must be an ISO date YYYY-MM-DD, got "${end}"`);
  if (d1 < d0) throw new RangeError(`generateTransactions: end (${end}) is before start (${start})`);
  if (!Number.isInteger(chunkSize) || chunkSize < 1) throw new RangeError(`generateTransactions: chunkSize must be a positive integer, got ${String(chunkSize)}`);
  const D = d1 - d0 + 1;

  // Customers: weights, baskets, active spans, anchor day.
  const lambda = new Float64Array(N);
  const basket = new Float64Array(N);
  const first = new Int32Array(N);
  const last = new Int32Array(N);
  const anchor = new Int32Array(N);
  for (let i = 0; i < N; i++) {
    const zf = r.normal();
    const zv = r.normal();
    lambda[i] = Math.exp(T.frequencySd * zf);
    basket[i] = T.basketMedian * Math.exp(T.basketSd * zv + T.basketFrequencyLoading * zf);
    const s = r.next() < T.newShare ? Math.floor(r.next() * D) : 0;
    const e = r.next() < T.lapseShare ? s + Math.floor(r.next() * (D - s)) : D - 1;
    first[i] = s;
    last[i] = e;
    anchor[i] = s + Math.floor(r.next() * (e - s + 1));
  }
  // Customers bucketed by anchor day (counting sort).
  const anchorStart = new Int32Array(D + 1);
  for (let i = 0; i < N; i++) anchorStart[anchor[i] + 1]++;
  for (let d = 0; d < D; d++) anchorStart[d + 1] += anchorStart[d];
  const byAnchor = new Int32Array(N);
  const fill = anchorStart.slice(0, D);
  for (let i = 0; i < N; i++) byAnchor[fill[anchor[i]]++] = i;

  // Expected volume per day and the extra purchases per day (cumulative rounding: exact total).
  const activeDiff = new Float64Array(D + 1);
  for (let i = 0; i < N; i++) {
    activeDiff[first[i]] += lambda[i];
    activeDiff[last[i] + 1] -= lambda[i];
  }
  const volume = new Float64Array(D);
  let active = 0;
  let total = 0;
  const dateStr: string[] = new Array(D);
  for (let d = 0; d < D; d++) {
    active += activeDiff[d];
    const month = civilFromDays(d0 + d)[1];
    volume[d] = Math.max(0, active) * T.dayOfWeek[dayOfWeek(d0 + d)] * T.month[month - 1];
    total += volume[d];
    dateStr[d] = formatDay(d0 + d);
  }
  const extras = rows - N;
  const extraPerDay = new Float64Array(D);
  let cum = 0;
  let prev = 0;
  for (let d = 0; d < D; d++) {
    cum += volume[d];
    const upTo = total > 0 ? Math.round((extras * cum) / total) : d === D - 1 ? extras : 0;
    extraPerDay[d] = upTo - prev;
    prev = upTo;
  }

  // Alias table (Vose) over λ.
  const prob = new Float64Array(N);
  const alias = new Int32Array(N);
  {
    let sum = 0;
    for (let i = 0; i < N; i++) sum += lambda[i];
    const scaled = new Float64Array(N);
    const small = new Int32Array(N);
    const large = new Int32Array(N);
    let ns = 0;
    let nl = 0;
    for (let i = 0; i < N; i++) {
      scaled[i] = (lambda[i] * N) / sum;
      if (scaled[i] < 1) small[ns++] = i;
      else large[nl++] = i;
    }
    while (ns > 0 && nl > 0) {
      const l = small[--ns];
      const g = large[--nl];
      prob[l] = scaled[l];
      alias[l] = g;
      scaled[g] = scaled[g] + scaled[l] - 1;
      if (scaled[g] < 1) small[ns++] = g;
      else large[nl++] = g;
    }
    while (nl > 0) prob[large[--nl]] = 1;
    while (ns > 0) prob[small[--ns]] = 1;
  }

  // Output: lines are encoded straight into byte chunks (ASCII), no per-row strings.
  const dateBytes = Buffer.from(dateStr.join(''), 'latin1');
  const stream: Writable = typeof out === 'string' ? createWriteStream(out, { highWaterMark: 1 << 20 }) : out;
  let streamError: Error | undefined;
  const onError = (err: Error): void => {
    streamError = err;
  };
  stream.on('error', onError);
  let bytes = 0;
  let written = 0;
  let revenueCents = 0;
  const header = Buffer.from('customer_id,date,amount\n', 'latin1');
  let buf = Buffer.allocUnsafe(chunkSize + 64);
  header.copy(buf, 0);
  let pos = header.length;
  const flush = async (): Promise<void> => {
    if (streamError) throw streamError;
    const chunk = buf.subarray(0, pos);
    bytes += pos;
    buf = Buffer.allocUnsafe(chunkSize + 64);
    pos = 0;
    if (!stream.write(chunk)) await once(stream, 'drain');
    if (streamError) throw streamError;
    onProgress?.(written, rows);
  };
  const aSd = T.amountSd;
  const aShift = -(aSd * aSd) / 2;
  const minCents = Math.round(T.minAmount * 100);
  /** Appends `C<6 digits>,<date>,<euros>.<cents>\n` for customer i on day d. */
  const line = (i: number, d: number): void => {
    let cents = Math.round(basket[i] * Math.exp(aSd * r.normal() + aShift) * 100);
    if (cents < minCents) cents = minCents;
    revenueCents += cents;
    const b = buf;
    let p = pos;
    b[p] = 67; // C
    let n = i + 1;
    for (let k = 6; k >= 1; k--) {
      const q = Math.floor(n / 10);
      b[p + k] = 48 + n - q * 10;
      n = q;
    }
    b[p + 7] = 44;
    p += 8;
    const o = d * 10;
    for (let k = 0; k < 10; k++) b[p + k] = dateBytes[o + k];
    b[p + 10] = 44;
    p += 11;
    let euros = Math.floor(cents / 100);
    const c = cents - euros * 100;
    let len = 1;
    for (let t = euros; t >= 10; t = Math.floor(t / 10)) len++;
    for (let k = len - 1; k >= 0; k--) {
      const q = Math.floor(euros / 10);
      b[p + k] = 48 + euros - q * 10;
      euros = q;
    }
    p += len;
    b[p] = 46;
    const ct = Math.floor(c / 10);
    b[p + 1] = 48 + ct;
    b[p + 2] = 48 + c - ct * 10;
    b[p + 3] = 10;
    pos = p + 4;
  };
  try {
    for (let d = 0; d < D; d++) {
      for (let k = anchorStart[d]; k < anchorStart[d + 1]; k++) {
        line(byAnchor[k], d);
        written++;
        if (pos >= chunkSize) await flush();
      }
      for (let k = extraPerDay[d]; k > 0; k--) {
        let j: number;
        do {
          const u = r.next() * N;
          const c = Math.floor(u);
          j = u - c < prob[c] ? c : alias[c];
        } while (first[j] > d || last[j] < d);
        line(j, d);
        written++;
        if (pos >= chunkSize) await flush();
      }
    }
    if (pos > 0) await flush();
    if (typeof out === 'string') {
      stream.end();
      await once(stream, 'close');
    }
    if (streamError) throw streamError;
  } catch (err) {
    if (typeof out === 'string') stream.destroy();
    throw err;
  } finally {
    stream.off('error', onError);
  }
  return { rows: written, customers: N, bytes, start: formatDay(d0), end: formatDay(d1), revenue: revenueCents / 100 };
}

import type { ScanOptions, ScanResult } from '@satlab/data/scan';
import { scanColumns } from '@satlab/data/scan';
import type { RfmTransactions } from './types.js';

/** Columns of a transactions file, by header name. */
export interface TransactionColumns {
  customer: string;
  date: string;
  amount: string;
}

/**
 * Reads a transactions CSV (customer id, date, amount) with @satlab/data's fast column scanner
 * into the columns `rfm` takes. Dates: `YYYY-MM-DD` or `DD/MM/YYYY`, optionally with a time;
 * amounts with `.` or `,` as decimal mark. Bad cells are kept as NaN / -1 (so `rfm` excludes and
 * counts them) and reported with their line numbers in `scan.issues`.
 *
 * @param path CSV file.
 * @param columns header names of the customer, date and amount columns.
 * @param opts scanner options (threads, chunkSize, onProgress, encoding, separator, maxIssues).
 * @returns `{ transactions, scan }`: the columns for `rfm`, and the scan report.
 * @throws {InputError} when the file cannot be read as CSV or a column is missing.
 * @example
 * const { transactions, scan } = await readTransactions('datasets/transactions/transactions.csv', { customer: 'customer_id', date: 'date', amount: 'amount' });
 * transactions.customer.length; //=> 120000
 * transactions.customerIds.length; //=> 6000
 * rfm(transactions).segments.length; //=> 11
 */
export async function readTransactions(path: string, columns: TransactionColumns, opts: ScanOptions = {}): Promise<{ transactions: RfmTransactions; scan: ScanResult }> {
  for (const k of ['customer', 'date', 'amount'] as const) {
    if (typeof columns?.[k] !== 'string' || columns[k] === '') throw new TypeError(`readTransactions(columns.${k}): must be a column name, got ${JSON.stringify(columns?.[k])}`);
  }
  const names = [columns.customer, columns.date, columns.amount];
  if (new Set(names).size < 3) throw new TypeError(`readTransactions(columns): customer, date and amount must be three different columns, got ${names.join(', ')}`);
  const scan = await scanColumns(
    path,
    [
      { column: columns.customer, type: 'id' },
      { column: columns.date, type: 'date' },
      { column: columns.amount, type: 'number' },
    ],
    opts,
  );
  const c = scan.columns[columns.customer];
  const d = scan.columns[columns.date];
  const a = scan.columns[columns.amount];
  if (c.type !== 'id' || d.type !== 'date' || a.type !== 'number') throw new Error('readTransactions: unexpected column types from the scanner');
  return { transactions: { customer: c.codes, customerIds: c.dictionary, date: d.values, amount: a.values }, scan };
}

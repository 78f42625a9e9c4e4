/**
 * Column-name form of `rfm` (internal): `rfm(table, { customer: "customer_id", date: "date",
 * amount: "amount" })` reads the transactions from a `@satlab/data` table (one row per purchase).
 */
import type { Column, Table } from '@satlab/data';
import type { RfmTransactions } from './types.js';

/** The columns of a transactions table. */
export interface RfmColumns {
  /** Customer identifier column (id, text or categorical). */
  customer: string;
  /** Purchase date column (a date column; numbers are taken as days since 1970-01-01). */
  date: string;
  /** Amount column (numbers). */
  amount: string;
}

const DAY = 86_400_000;

/**
 * A column by name. (Not `getColumn` of `@satlab/data`: importing its index costs the `satlab rfm`
 * command about 0.1 s of start-up; the scanner path imports only `@satlab/data/scan`.)
 */
function getColumn(table: Table, name: string): Column {
  const c = table.columns.find((x) => x.name === name);
  if (!c) throw new TypeError(`rfm: no column ${JSON.stringify(name)} (columns: ${table.columns.map((x) => JSON.stringify(x.name)).join(', ')})`);
  return c;
}

/** `RfmTransactions` from a table: customers coded in order of first appearance, dates in days. */
export function transactionsFromTable(fn: string, table: Table, columns: RfmColumns): RfmTransactions {
  const c = getColumn(table, columns.customer);
  const customer = new Int32Array(table.nRows);
  let customerIds: string[];
  if (c.type === 'categorical' || c.type === 'ordinal') {
    customer.set(c.codes);
    customerIds = c.levels;
  } else {
    const values = (c as { values: ArrayLike<number | string | null> }).values;
    const at = new Map<string, number>();
    customerIds = [];
    for (let i = 0; i < table.nRows; i++) {
      const v = values[i];
      if (v === null || (typeof v === 'number' && Number.isNaN(v))) {
        customer[i] = -1;
        continue;
      }
      const id = String(v);
      let k = at.get(id);
      if (k === undefined) {
        k = customerIds.length;
        customerIds.push(id);
        at.set(id, k);
      }
      customer[i] = k;
    }
  }
  const d = getColumn(table, columns.date);
  if (d.type !== 'date' && d.type !== 'numeric') throw new TypeError(`${fn}: column "${columns.date}" is ${d.type}, not dates`);
  const date = d.type === 'date' ? Float64Array.from(d.values, (ms) => ms / DAY) : Float64Array.from(d.values);
  const a = getColumn(table, columns.amount);
  if (a.type !== 'numeric') throw new TypeError(`${fn}: column "${columns.amount}" is ${a.type}, not numbers`);
  return { customer, customerIds, date, amount: Float64Array.from(a.values) };
}

/** Whether `x` is a column-typed table. */
export function isTable(x: unknown): x is Table {
  return typeof x === 'object' && x !== null && typeof (x as Table).nRows === 'number' && Array.isArray((x as Table).columns);
}

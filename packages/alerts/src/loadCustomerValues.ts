import { readFileSync } from 'node:fs';
import type { ColumnSpec, DelimitedSource } from '@satlab/data';
import { getColumn, InputError, loadTable, numericValues, readDelimited } from '@satlab/data';
import { cellReader } from './internal/cells.js';
import { errors as E } from './messages.js';
import { customerValues } from './customerValues.js';
import type { CustomerValues } from './types.js';

/** Options of {@link loadCustomerValues}. */
export interface LoadCustomerValuesOptions {
  /** Customer id column. Default: `customer` (the RFM CLI's), else `customer_id`, else `id`. */
  idColumn?: string;
  /**
   * Value column. A numeric column ranks customers by amount; a text column (e.g. `segment`)
   * ranks them by segment order. Default `monetary` when present, else `segment`.
   */
  valueColumn?: string;
  /** Segments from most to least valuable (text value column). Default: see `customerValues`. */
  segmentOrder?: readonly string[];
}

function pick(header: string[], wanted: string | undefined, defaults: string[], what: 'customer id' | 'value', file: string): string {
  if (wanted !== undefined) {
    if (!header.includes(wanted)) throw new InputError(E.noNamedColumn({ what, column: wanted, columns: header }), { file, line: 1 });
    return wanted;
  }
  const found = defaults.find((d) => header.includes(d));
  if (!found) throw new InputError(E.noDefaultColumn({ what, expected: defaults, columns: header }), { file, line: 1 });
  return found;
}

/**
 * Reads customer values from a delimited file — typically the per-customer table written by
 * `satlab rfm --out` (`customer,recency,frequency,monetary,r,f,m,segment`) — and ranks them with
 * {@link customerValues}. The segment column (`segment`), when present, is kept for display even
 * when the value is the amount.
 *
 * @param source a file path or `{ name, bytes }`.
 * @throws {InputError} file errors (as `loadTable`); no id or value column; a value cell that is
 *   not a number in a numeric value column (file, line, column, value).
 * @example
 * // the format of `satlab rfm datasets/transactions/transactions.csv … --segments bts --out rfm.csv`
 * const v = loadCustomerValues({ name: 'rfm.csv', bytes: 'customer,recency,frequency,monetary,r,f,m,segment\n' +
 *   'C1,12,8,1526.97,5,5,5,Vedettes\nC2,200,1,35.5,1,1,1,Perdus\nC3,40,3,410,4,3,3,Timides\n' });
 * v.basis; //=> 'amount' (column monetary)
 * v.byId.get('C1'); //=> { segment: 'Vedettes', amount: 1526.97, percentile: 0.8333… }
 */
export function loadCustomerValues(source: DelimitedSource, options: LoadCustomerValuesOptions = {}): CustomerValues {
  const name = typeof source === 'string' ? source : source.name;
  let bytes: Uint8Array | string;
  if (typeof source === 'string') {
    try {
      bytes = readFileSync(source);
    } catch (err) {
      const e = err as NodeJS.ErrnoException;
      throw new InputError(e.code === 'ENOENT' ? E.fileNotFound() : E.cannotRead({ rules: false, reason: e.code ?? e.message }), { file: source });
    }
  } else bytes = source.bytes;
  const probe = readDelimited({ name, bytes });
  const header = probe.header;
  const idColumn = pick(header, options.idColumn, ['customer', 'customer_id', 'id'], 'customer id', name);
  const valueColumn = pick(header, options.valueColumn, ['monetary', 'segment'], 'value', name);
  const segmentColumn = header.includes('segment') ? 'segment' : undefined;
  const j = header.indexOf(valueColumn);
  // The value column is numeric when its first filled cell is a number (a later cell that is not
  // one is then an InputError from loadTable, with its line), else a segment column.
  const first = probe.rows.map((r) => r[j].trim()).find((c) => c !== '');
  const asNumber = (c: string): number => Number(c.replace(/[\s\u00a0\u202f]/g, '').replace(probe.format.decimal === ',' ? ',' : '\u0000', '.'));
  const numeric = valueColumn !== segmentColumn && first !== undefined && Number.isFinite(asNumber(first));
  const columns: Record<string, Partial<ColumnSpec>> = {};
  for (const h of header) columns[h] = { type: 'text' };
  if (numeric) columns[valueColumn] = { type: 'numeric' };
  const { table } = loadTable({ name, bytes }, { columns });
  const reader = (col: string): (string | null)[] => {
    const r = cellReader(getColumn(table, col));
    return Array.from({ length: table.nRows }, (_, i) => r.text(i));
  };
  const ids = reader(idColumn);
  const segments = numeric ? (segmentColumn ? reader(segmentColumn) : undefined) : reader(valueColumn);
  return customerValues(
    { ids, ...(numeric ? { amounts: numericValues(table, valueColumn) } : {}), ...(segments ? { segments } : {}) },
    { basis: numeric ? 'amount' : 'segment', source: name, column: valueColumn, ...(options.segmentOrder ? { segmentOrder: options.segmentOrder } : {}) },
  );
}

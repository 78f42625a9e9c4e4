import { InputError } from './errors.js';
import { usage } from './messages.js';
import type { Column, Table } from './types.js';

/**
 * The column of a table with the given name.
 *
 * @throws {InputError} No such column; the message lists the available names.
 * @example
 * const { table } = loadTable({ name: 'avis.csv', bytes: 'contrat;nps\nSanté;9\nAuto/Moto;6\n' });
 * getColumn(table, 'nps').type; //=> 'numeric'
 * getColumn(table, 'NPS'); //=> throws InputError: getColumn: no column "NPS" (columns: "contrat", "nps")
 */
export function getColumn(table: Table, name: string): Column {
  for (const c of table.columns) if (c.name === name) return c;
  throw new InputError(usage.noSuchColumn('getColumn', name, table.columns.map((c) => c.name)), { columnName: name });
}

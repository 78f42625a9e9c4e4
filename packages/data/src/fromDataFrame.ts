import type { CodebookInput } from './internal/codebookInput.js';
import { usage } from './messages.js';
import type { TableFromColumnsOptions } from './tableFromColumns.js';
import { tableFromColumns } from './tableFromColumns.js';
import type { Table } from './types.js';

interface DataFrameLike {
  columns: string[];
  column(name: string): { values: unknown[] };
}

/**
 * Converts a danfojs `DataFrame` to a table, with `tableFromColumns`: number columns become
 * numeric, others are typed by the codebook or inferred (factor level order, lost in a DataFrame,
 * comes back from the codebook). Does not load danfo itself.
 *
 * @param df A danfojs(-node) DataFrame.
 * @param codebook Optional declarations, as for `tableFromColumns`.
 * @throws {TypeError} Not a DataFrame.
 * @throws {InputError} A value that does not fit its declaration.
 * @example
 * const codebook = { columns: { sat: { type: 'ordinal', scale: [1, 4], missing: [9] } } } as const;
 * const df = toDataFrame(tableFromColumns({ sat: [3, 4, 9], contrat: ['Santé', 'Auto/Moto', 'Santé'] }, codebook));
 * const t = fromDataFrame(df, codebook);
 * t.columns[0]; //=> { name: 'sat', type: 'ordinal', codes: Int32Array [2, 3, -1], levels: ['1', '2', '3', '4'], … }
 * t.columns[1].type; //=> 'text'
 * fromDataFrame({ a: [1, 2] }); //=> throws TypeError
 */
export function fromDataFrame(df: unknown, codebook?: CodebookInput, opts: TableFromColumnsOptions = {}): Table {
  const d = df as DataFrameLike;
  if (typeof d !== 'object' || d === null || !Array.isArray(d.columns) || typeof d.column !== 'function') throw new TypeError(usage.notADataFrame('fromDataFrame'));
  const cols: Record<string, unknown[]> = {};
  for (const name of d.columns) cols[name] = d.column(name).values;
  return tableFromColumns(cols as Record<string, (string | number | null)[]>, codebook, opts);
}

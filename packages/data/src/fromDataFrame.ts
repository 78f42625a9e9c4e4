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
 * fromDataFrame(toDataFrame(table), codebook) // the same table
 */
export function fromDataFrame(df: unknown, codebook?: CodebookInput, opts: TableFromColumnsOptions = {}): Table {
  const d = df as DataFrameLike;
  if (typeof d !== 'object' || d === null || !Array.isArray(d.columns) || typeof d.column !== 'function') throw new TypeError(usage.notADataFrame('fromDataFrame'));
  const cols: Record<string, unknown[]> = {};
  for (const name of d.columns) cols[name] = d.column(name).values;
  return tableFromColumns(cols as Record<string, (string | number | null)[]>, codebook, opts);
}

/**
 * Column-name forms of the driver and factor analyses (internal): `keyDriverAnalysis(table,
 * "overall", ["sat_contact", …])`, `factorAnalysis(table, ["sat_contact", …])`. Ratings are read as
 * numbers (ordinal columns by their scores), NaN = missing; each item is named by its codebook
 * label after the last " — " ("Satisfaction — Contact" → "Contact"), else by its column name.
 */
import { columnByName, numbersFromColumn } from '@satlab/stats';
import type { ColumnTable } from '@satlab/stats';

/** An item's display name: "Satisfaction — Contact" → "Contact"; the column name without a label. */
function itemName(col: { name: string; label?: string }): string {
  if (col.label === undefined) return col.name;
  const k = col.label.lastIndexOf(' — ');
  return k >= 0 ? col.label.slice(k + 3) : col.label;
}

/**
 * `{ name: values }` of the named columns, in the order given; the names are the labels' last
 * part when they are all different, else the column names.
 */
export function itemsFromTable(fn: string, table: ColumnTable, columns: readonly string[]): Record<string, Float64Array> {
  if (!Array.isArray(columns) || columns.length === 0) throw new RangeError(`${fn}: give the columns as a non-empty array of names`);
  const cols = columns.map((c) => columnByName(fn, table, c));
  const labels = cols.map(itemName);
  const names = new Set(labels).size === labels.length ? labels : cols.map((c) => c.name);
  const out: Record<string, Float64Array> = {};
  cols.forEach((c, k) => (out[names[k]] = numbersFromColumn(fn, c)));
  return out;
}

/** The outcome column's numbers and name. */
export function outcomeFromTable(fn: string, table: ColumnTable, column: string): { values: Float64Array; name: string } {
  const col = columnByName(fn, table, column);
  return { values: numbersFromColumn(fn, col), name: column };
}

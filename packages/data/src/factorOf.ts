import { getColumn } from './getColumn.js';
import { formatDate } from './internal/values.js';
import type { FactorColumn, Table, TextColumn } from './types.js';

/**
 * A column as a factor (codes into levels, -1 missing), for cross-tabs and group comparisons.
 * Categorical and ordinal columns are returned as they are. Numeric columns become ordinal
 * factors with their distinct values sorted (level names are the value labels when the codebook
 * gives them, else the numbers as text; scores are the values). Dates become ordinal factors of
 * their ISO dates in time order. Id and text columns become categorical, levels in order of
 * first appearance. The missing tally is the column's.
 *
 * @throws {InputError} No such column.
 * @example
 * const { table } = loadTable('datasets/barometer/wave-1.csv', { codebook: 'datasets/barometer/codebook.yaml' });
 * const f = factorOf(table, 'contract');
 * f.levels; //=> ['Auto/Moto', 'Habitation', 'Prév. Retraite', 'Resp. civile', 'Santé']
 * f.codes.slice(0, 3); //=> Int32Array [3, 1, 4] (Resp. civile, Habitation, Santé)
 * factorOf(table, 'nps').levels.slice(0, 3); //=> ['Pas du tout probable', '1', '2'] (numbers become ordinal levels, labelled by the codebook)
 */
export function factorOf(table: Table, name: string): FactorColumn {
  const col = getColumn(table, name);
  const base = { name: col.name, missing: col.missing, inferred: col.inferred, ...(col.label !== undefined ? { label: col.label } : {}), ...(col.missingReasons ? { missingReasons: col.missingReasons } : {}) };
  if (col.type === 'categorical' || col.type === 'ordinal') return col;
  if (col.type === 'numeric' || col.type === 'date') {
    const v = col.values;
    const distinct = [...new Set(v.filter((x) => !Number.isNaN(x)))].sort((a, b) => a - b);
    const at = new Map<number, number>(distinct.map((x, k) => [x, k]));
    const codes = new Int32Array(v.length);
    for (let i = 0; i < v.length; i++) codes[i] = Number.isNaN(v[i]) ? -1 : (at.get(v[i]) as number);
    const labels = col.type === 'numeric' ? col.valueLabels : undefined;
    const levels = distinct.map((x) => (col.type === 'date' ? formatDate(x) : (labels?.[String(x)] ?? String(x))));
    return { ...base, type: 'ordinal', codes, levels, scores: Float64Array.from(distinct) };
  }
  const text = col as TextColumn;
  const levels: string[] = [];
  const at = new Map<string, number>();
  const codes = new Int32Array(text.values.length);
  text.values.forEach((s, i) => {
    if (s === null) {
      codes[i] = -1;
      return;
    }
    let k = at.get(s);
    if (k === undefined) {
      k = levels.length;
      levels.push(s);
      at.set(s, k);
    }
    codes[i] = k;
  });
  return { ...base, type: 'categorical', codes, levels };
}

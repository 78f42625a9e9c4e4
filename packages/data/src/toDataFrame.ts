import { loadDanfo } from './internal/danfo.js';
import { formatDate } from './internal/values.js';
import type { Table } from './types.js';

/**
 * Converts a table to a danfojs `DataFrame` (danfojs-node, loaded on first call): numeric
 * columns as `float32` dtype (values stay JavaScript doubles, missing NaN), factors as their
 * level labels, dates as ISO text, id/text as strings (missing null) — all `string` dtype.
 * Use it at the edges (handing data to danfo users); danfo is slow on large data.
 *
 * @returns A danfojs-node `DataFrame` (typed `unknown` so that @satlab/data does not depend on danfo's types).
 * @example
 * const t = tableFromColumns({ contrat: ['Santé', 'Auto/Moto', 'Santé'], nps: [9, 6, NaN] });
 * const df = toDataFrame(t) as { shape: number[]; columns: string[] };
 * df.shape; //=> [3, 2]
 * df.columns; //=> ['contrat', 'nps']
 */
export function toDataFrame(table: Table): unknown {
  const dfd = loadDanfo();
  const data: Record<string, unknown[]> = {};
  const dtypes: string[] = [];
  for (const col of table.columns) {
    switch (col.type) {
      case 'numeric':
        data[col.name] = Array.from(col.values);
        dtypes.push('float32');
        break;
      case 'date':
        data[col.name] = Array.from(col.values, (v) => (Number.isNaN(v) ? null : formatDate(v)));
        dtypes.push('string');
        break;
      case 'categorical':
      case 'ordinal':
        data[col.name] = Array.from(col.codes, (k) => (k < 0 ? null : col.levels[k]));
        dtypes.push('string');
        break;
      default:
        data[col.name] = [...col.values];
        dtypes.push('string');
    }
  }
  return new dfd.DataFrame(data, { columns: table.columns.map((c) => c.name), dtypes });
}

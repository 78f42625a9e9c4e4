import { formatDate } from './internal/values.js';
import type { Table } from './types.js';

/**
 * The table as an array of plain JSON-safe records, one per row: numbers (NaN → null), factor
 * levels as their label text (missing → null), dates as `YYYY-MM-DD` (full ISO when there is a
 * time), text as is.
 *
 * @example
 * const t = tableFromColumns({ sat: [3, 9], nps: [9, NaN], date: [new Date('2024-03-01'), new Date('2024-03-02')] },
 *   { columns: { sat: { type: 'ordinal', scale: [1, 4], missing: [9], labels: { 3: 'Plutôt satisfait', 4: 'Tout à fait satisfait' } } } });
 * tableToRecords(t);
 * //=> [{ sat: 'Plutôt satisfait', nps: 9, date: '2024-03-01' }, { sat: null, nps: null, date: '2024-03-02' }]
 */
export function tableToRecords(table: Table): Record<string, number | string | null>[] {
  const out: Record<string, number | string | null>[] = new Array(table.nRows);
  for (let i = 0; i < table.nRows; i++) out[i] = {};
  for (const col of table.columns) {
    const name = col.name;
    for (let i = 0; i < table.nRows; i++) {
      let v: number | string | null;
      switch (col.type) {
        case 'numeric':
          v = Number.isNaN(col.values[i]) ? null : col.values[i];
          break;
        case 'date':
          v = Number.isNaN(col.values[i]) ? null : formatDate(col.values[i]);
          break;
        case 'categorical':
        case 'ordinal':
          v = col.codes[i] < 0 ? null : col.levels[col.codes[i]];
          break;
        default:
          v = col.values[i];
      }
      out[i][name] = v;
    }
  }
  return out;
}

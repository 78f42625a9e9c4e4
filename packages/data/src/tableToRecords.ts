import { formatDate } from './internal/values.js';
import type { Table } from './types.js';

/**
 * The table as an array of plain JSON-safe records, one per row: numbers (NaN → null), factor
 * levels as their label text (missing → null), dates as `YYYY-MM-DD` (full ISO when there is a
 * time), text as is.
 *
 * @example
 * tableToRecords(table).slice(0, 1) // [{ respondent_id: 'R0001', contract: 'Santé', sat_contact: 'Plutôt satisfait', nps: 9, date: '2024-03-01' }]
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

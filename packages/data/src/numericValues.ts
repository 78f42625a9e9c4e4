import { getColumn } from './getColumn.js';
import { InputError } from './errors.js';
import { msg } from './messages.js';
import type { Table } from './types.js';

/**
 * A column as numbers, for the numeric core: numeric values, ordinal scores (`scores[code]`,
 * the codes written in the file or 1..k), or dates as ms since 1970 UTC. Missing is NaN.
 * Returns a new array (changing it does not change the table).
 *
 * @throws {InputError} No such column, or a categorical/id/text column (no numeric meaning).
 * @example
 * const { table } = loadTable('datasets/barometer/wave-1.csv', { codebook: 'datasets/barometer/codebook.yaml' });
 * numericValues(table, 'sat_contact').slice(0, 5); //=> Float64Array [1, 1, 2, NaN, 2] (NaN: code 9, « NSP »)
 * numericValues(table, 'contract'); //=> throws InputError
 */
export function numericValues(table: Table, name: string): Float64Array {
  const col = getColumn(table, name);
  switch (col.type) {
    case 'numeric':
    case 'date':
      return Float64Array.from(col.values);
    case 'ordinal': {
      const out = new Float64Array(col.codes.length);
      const scores = col.scores ?? Float64Array.from(col.levels, (_, k) => k + 1);
      for (let i = 0; i < out.length; i++) {
        const k = col.codes[i];
        out[i] = k < 0 ? NaN : scores[k];
      }
      return out;
    }
    default:
      throw new InputError(msg.notNumeric({ column: name, type: col.type }));
  }
}

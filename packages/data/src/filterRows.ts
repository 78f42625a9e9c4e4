import { reasons as reasonKeys, usage } from './messages.js';
import type { Column, MissingTally, Table } from './types.js';

function isMissingAt(col: Column, i: number): boolean {
  switch (col.type) {
    case 'numeric':
    case 'date':
      return Number.isNaN(col.values[i]);
    case 'categorical':
    case 'ordinal':
      return col.codes[i] < 0;
    default:
      return col.values[i] === null;
  }
}

/**
 * The rows of a table where `mask[i]` is non-zero (true), in order, as a new table. Missing
 * tallies are recounted for the rows kept, by reason when the column records them
 * (`missingReasons`), else under "missing".
 *
 * @throws {RangeError} A mask whose length is not `table.nRows`.
 * @example
 * const { table } = loadTable('datasets/barometer/wave-1.csv', { codebook: 'datasets/barometer/codebook.yaml' });
 * const promoters = filterRows(table, Uint8Array.from(numericValues(table, 'nps'), (x) => (x >= 9 ? 1 : 0)));
 * promoters.nRows; //=> 373
 * promoters.columns.find((c) => c.name === 'sat_contact')?.missing; //=> { count: 8, byReason: { 'code 9': 8 } }
 * filterRows(table, [true, false]); //=> throws RangeError
 */
export function filterRows(table: Table, mask: Uint8Array | readonly boolean[]): Table {
  if (mask.length !== table.nRows) throw new RangeError(usage.maskLength(mask.length, table.nRows));
  const keep: number[] = [];
  for (let i = 0; i < mask.length; i++) if (mask[i]) keep.push(i);
  const n = keep.length;
  const columns = table.columns.map((col): Column => {
    const byReason: Record<string, number> = {};
    let count = 0;
    let reasons: Column['missingReasons'];
    if (col.missingReasons) {
      const src = col.missingReasons;
      const index = new Uint16Array(n);
      for (let r = 0; r < n; r++) {
        const k = src.index[keep[r]];
        index[r] = k;
        if (k > 0) {
          const why = src.reasons[k - 1];
          byReason[why] = (byReason[why] ?? 0) + 1;
          count++;
        }
      }
      reasons = { reasons: src.reasons, index };
    } else {
      for (let r = 0; r < n; r++) {
        if (isMissingAt(col, keep[r])) {
          count++;
          byReason[reasonKeys.noValue()] = (byReason[reasonKeys.noValue()] ?? 0) + 1;
        }
      }
    }
    const missing: MissingTally = { count, byReason };
    const base = { ...col, missing, ...(reasons ? { missingReasons: reasons } : {}) };
    switch (col.type) {
      case 'numeric':
      case 'date':
        return { ...base, type: col.type, values: Float64Array.from(keep, (i) => col.values[i]) } as Column;
      case 'categorical':
      case 'ordinal':
        return { ...base, type: col.type, codes: Int32Array.from(keep, (i) => col.codes[i]) } as Column;
      default:
        return { ...base, type: col.type, values: keep.map((i) => col.values[i]) } as Column;
    }
  });
  return { nRows: n, columns };
}

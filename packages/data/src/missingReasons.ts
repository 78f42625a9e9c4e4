import type { Column, MissingTally } from './types.js';

/**
 * Records why each row of a column being built is missing, in the `missingReasons` form of a
 * `Column` (per-row reason index + tallies), so that nothing missing goes uncounted when a table
 * is built or rebuilt (the loader, `tableFromColumns`, stacked barometer waves).
 *
 * @example
 * const m = new MissingRecorder(3); m.mark(1, 'code 9');
 * m.result(); // { missing: { count: 1, byReason: { 'code 9': 1 } }, missingReasons: { reasons: ['code 9'], index: Uint16Array [0, 1, 0] } }
 */
export class MissingRecorder {
  readonly reasons: string[] = [];
  private readonly ids = new Map<string, number>();
  readonly index: Uint16Array;
  readonly byReason: Record<string, number> = {};
  count = 0;
  constructor(n: number) {
    this.index = new Uint16Array(n);
  }
  /** Marks row `i` missing for `reason`. */
  mark(i: number, reason: string): void {
    let k = this.ids.get(reason);
    if (k === undefined) {
      k = this.reasons.length + 1;
      this.reasons.push(reason);
      this.ids.set(reason, k);
    }
    this.index[i] = k;
    this.byReason[reason] = (this.byReason[reason] ?? 0) + 1;
    this.count++;
  }
  /** The column fields `missing` and `missingReasons`. */
  result(): { missing: MissingTally; missingReasons: { reasons: string[]; index: Uint16Array } } {
    return { missing: { count: this.count, byReason: this.byReason }, missingReasons: { reasons: this.reasons, index: this.index } };
  }
}

/**
 * Why row `i` of a column is missing (its recorded reason, else "missing"), or null when it has a value.
 *
 * @example
 * const { table } = loadTable({ name: 's.csv', bytes: 'sat;nps\n3;9\n9;\n' },
 *   { codebook: { columns: { sat: { type: 'ordinal', scale: [1, 4], missing: [9] } } } });
 * missingReasonAt(getColumn(table, 'sat'), 0); //=> null
 * missingReasonAt(getColumn(table, 'sat'), 1); //=> 'code 9'
 * missingReasonAt(getColumn(table, 'nps'), 1); //=> 'empty'
 */
export function missingReasonAt(col: Column, i: number): string | null {
  let missing: boolean;
  switch (col.type) {
    case 'numeric':
    case 'date':
      missing = Number.isNaN(col.values[i]);
      break;
    case 'categorical':
    case 'ordinal':
      missing = col.codes[i] < 0;
      break;
    default:
      missing = col.values[i] === null;
  }
  if (!missing) return null;
  const r = col.missingReasons;
  if (r && r.index[i] > 0) return r.reasons[r.index[i] - 1];
  return 'missing';
}

import { formatDate } from './internal/values.js';
import type { ColumnType, Table } from './types.js';

/** A JSON-safe summary of one column (what `satlab describe` prints). */
export interface ColumnSummary {
  name: string;
  type: ColumnType;
  inferred: boolean;
  label?: string;
  /** Non-missing values. */
  n: number;
  /** Missing values. */
  missing: number;
  /** Missing values per reason (`empty`, `code 9`, `out of scale 1-4`, …). */
  missingByReason: Record<string, number>;
  /** Factors: the levels in order, and how many rows have each. */
  levels?: string[];
  counts?: number[];
  /** Numeric: smallest, largest, arithmetic mean of the non-missing values (null when n = 0). Ordinal: the same on scores. Dates: min/max as ISO text. */
  min?: number | string | null;
  max?: number | string | null;
  mean?: number | null;
  /** Declared scale (numeric, ordinal with scores). */
  scale?: [number, number];
  /** Id and text: number of distinct values. */
  distinct?: number;
}

function minMaxMean(values: ArrayLike<number>): { min: number | null; max: number | null; mean: number | null } {
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isNaN(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
    sum += v;
    n++;
  }
  return n === 0 ? { min: null, max: null, mean: null } : { min, max, mean: sum / n };
}

/**
 * Summarises every column of a table: type (and whether inferred), counts of present and missing
 * values (by reason), level counts for factors, min/max/mean for numbers (ordinal: of the
 * scores), first/last date, distinct values for id/text. The mean is the plain arithmetic mean
 * of the non-missing values.
 *
 * @example
 * const { table } = loadTable('datasets/barometer/wave-1.csv', { codebook: 'datasets/barometer/codebook.yaml' });
 * describeTable(table).find((c) => c.name === 'nps');
 * //=> { name: 'nps', type: 'numeric', inferred: false, n: 1463, missing: 37, missingByReason: { 'code 99': 37 },
 * //     label: 'Recommandation 0-10 (NPS)', min: 0, max: 10, mean: 6.7566…, scale: [0, 10] }
 * describeTable(table).find((c) => c.name === 'sat_contact')?.counts; //=> [498, 646, 279, 44]
 */
export function describeTable(table: Table): ColumnSummary[] {
  return table.columns.map((col) => {
    const s: ColumnSummary = {
      name: col.name,
      type: col.type,
      inferred: col.inferred,
      n: table.nRows - col.missing.count,
      missing: col.missing.count,
      missingByReason: { ...col.missing.byReason },
    };
    if (col.label !== undefined) s.label = col.label;
    switch (col.type) {
      case 'numeric': {
        Object.assign(s, minMaxMean(col.values));
        if (col.scale) s.scale = [col.scale[0], col.scale[1]];
        break;
      }
      case 'date': {
        const m = minMaxMean(col.values);
        s.min = m.min === null ? null : formatDate(m.min);
        s.max = m.max === null ? null : formatDate(m.max);
        break;
      }
      case 'categorical':
      case 'ordinal': {
        const counts = new Array<number>(col.levels.length).fill(0);
        for (const k of col.codes) if (k >= 0) counts[k]++;
        s.levels = [...col.levels];
        s.counts = counts;
        if (col.type === 'ordinal' && col.scores) {
          const scores = col.scores;
          Object.assign(s, minMaxMean(Float64Array.from(col.codes, (k) => (k < 0 ? NaN : scores[k]))));
        }
        break;
      }
      default:
        s.distinct = new Set(col.values.filter((v) => v !== null)).size;
    }
    return s;
  });
}

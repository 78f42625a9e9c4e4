/**
 * Uniform cell access to a `Table` column for the rule evaluator: the cell as a number (numeric,
 * date, ordinal score; NaN when missing or not numeric) and as text (category label, text,
 * number as written; null when missing). Internal module.
 */
import type { Column } from '@satlab/data';
import { normalizeWord } from './text.js';

export interface CellReader {
  name: string;
  type: Column['type'];
  /** True for numeric, date and ordinal columns (numbers can be compared). */
  numeric: boolean;
  number(i: number): number;
  text(i: number): string | null;
}

export function cellReader(col: Column): CellReader {
  switch (col.type) {
    case 'numeric':
    case 'date': {
      const v = col.values;
      return { name: col.name, type: col.type, numeric: true, number: (i) => v[i], text: (i) => (Number.isNaN(v[i]) ? null : String(v[i])) };
    }
    case 'ordinal':
    case 'categorical': {
      const { codes, levels } = col;
      const scores = col.type === 'ordinal' ? (col.scores ?? Float64Array.from(levels, (_, k) => k + 1)) : undefined;
      return {
        name: col.name,
        type: col.type,
        numeric: scores !== undefined,
        number: (i) => (codes[i] < 0 || !scores ? NaN : scores[codes[i]]),
        text: (i) => (codes[i] < 0 ? null : levels[codes[i]]),
      };
    }
    default: {
      const v = col.values;
      return { name: col.name, type: col.type, numeric: false, number: () => NaN, text: (i) => (v[i] === null || v[i].trim() === '' ? null : v[i]) };
    }
  }
}

/** Text comparison key: trimmed, accents and case removed. */
export function textKey(s: string): string {
  return normalizeWord(s.trim());
}

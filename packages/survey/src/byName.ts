/**
 * Column-name call forms of the indicators (`netPromoterScore(table, "note_recommandation",
 * { by: "région" })`), internal: the column's numbers with its missing reasons and its name for
 * messages, and the segment column as level labels in the codebook's order.
 */
import { factorOf, getColumn } from '@satlab/data';
import type { Table } from '@satlab/data';
import { isColumnTable, numbersFromColumn } from '@satlab/stats';
import type { Numbers, SegmentOptions, SourceOptions } from './util.js';

/** Segment options of the column-name form: `by` may name a column of the table. */
export interface ByNameSegmentOptions {
  /** Segment of each respondent: a column name of the table, or one name per row. */
  by?: string | SegmentOptions['by'];
}

/** The column-name form's options with the column names resolved: values, their source, the segments. */
export function resolveByName<O extends SegmentOptions & SourceOptions>(fn: string, table: Table, column: string, options: Omit<O, 'by'> & ByNameSegmentOptions): { values: Numbers; options: O } {
  const col = getColumn(table, column);
  const values = numbersFromColumn(fn, col);
  const { by, ...rest } = options;
  const resolved = { ...rest, source: { column, ...(rest.source ?? {}) } } as unknown as O & { by?: SegmentOptions['by'] };
  if (col.missingReasons && rest.missingReasons === undefined) resolved.missingReasons = col.missingReasons;
  if (typeof by === 'string') {
    const f = factorOf(table, by);
    resolved.by = Array.from(f.codes, (c) => (c < 0 ? null : f.levels[c]));
    if (rest.segmentOrder === undefined) resolved.segmentOrder = f.levels;
  } else if (by !== undefined) {
    resolved.by = by;
  }
  return { values, options: resolved };
}

export { isColumnTable };

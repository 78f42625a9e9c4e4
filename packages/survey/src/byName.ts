/**
 * Column-name call forms of the indicators (`netPromoterScore(table, "note_recommandation",
 * { by: "région" })`), internal: the column's numbers with its missing reasons and its name for
 * messages, and the segment column as level labels in the codebook's order.
 */
import { factorOf, getColumn } from '@satlab/data';
import type { Table } from '@satlab/data';
import { isColumnTable, numbersFromColumn } from '@satlab/stats';
import type { IpaRatings } from './ipaFromRatings.js';
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

/** The column names of `ipaMatrix(table, columns)`: one row per attribute with its two means. */
export interface IpaColumns {
  /** Attribute names. Default "attribute". */
  name?: string;
  /** Mean satisfaction. Default "satisfaction". */
  satisfaction?: string;
  /** Mean importance. Default "importance". */
  importance?: string;
}

/** The points of a summary table (one row per attribute: name, mean satisfaction, mean importance). */
export function pointsFromTable(fn: string, table: Table, columns: IpaColumns = {}): { name: string; satisfaction: number; importance: number }[] {
  const names = getColumn(table, columns.name ?? 'attribute');
  const text = (i: number): string => {
    if (names.type === 'categorical' || names.type === 'ordinal') return names.codes[i] < 0 ? '' : names.levels[names.codes[i]];
    if (names.type === 'id' || names.type === 'text') return names.values[i] ?? '';
    return String((names as { values: ArrayLike<number> }).values[i]);
  };
  const sat = numbersFromColumn(fn, getColumn(table, columns.satisfaction ?? 'satisfaction'));
  const imp = numbersFromColumn(fn, getColumn(table, columns.importance ?? 'importance'));
  return Array.from({ length: table.nRows }, (_, i) => ({ name: text(i), satisfaction: sat[i], importance: imp[i] }));
}

/** The column names of `ipaFromRatings(table, columns)`: respondent-level ratings, one column per attribute. */
export interface IpaRatingColumns {
  /** Satisfaction rating columns, one per attribute. */
  satisfaction: readonly string[];
  /** Stated importance columns, in the same order (optional). */
  importance?: readonly string[];
  /** Overall satisfaction column (for derived importance). */
  overall?: string;
  /** Attribute names, in the same order. Default: the codebook label after its last " — " ("Satisfaction — Contact" → "Contact"), else the column name. */
  names?: readonly string[];
}

/** A rating attribute's display name from its column: "Satisfaction — Contact" → "Contact". */
function attributeName(col: { name: string; label?: string }): string {
  const label = col.label;
  if (label === undefined) return col.name;
  const k = label.lastIndexOf(' — ');
  return k >= 0 ? label.slice(k + 3) : label;
}

/** The input of `ipaFromRatings` read from a table by column names (missing reasons kept). */
export function ratingsFromTable(fn: string, table: Table, columns: IpaRatingColumns): { attributes: IpaRatings[]; overall?: Numbers; overallSource?: { column: string } } {
  if (!Array.isArray(columns?.satisfaction) || columns.satisfaction.length === 0) throw new RangeError(`${fn}: columns.satisfaction must name at least one column`);
  if (columns.importance !== undefined && columns.importance.length !== columns.satisfaction.length) {
    throw new RangeError(`${fn}: columns.importance names ${columns.importance.length} columns, columns.satisfaction ${columns.satisfaction.length}`);
  }
  const attributes = columns.satisfaction.map((name, k): IpaRatings => {
    const s = getColumn(table, name);
    const impName = columns.importance?.[k];
    const im = impName === undefined ? undefined : getColumn(table, impName);
    return {
      name: columns.names?.[k] ?? attributeName(s),
      satisfaction: numbersFromColumn(fn, s),
      satisfactionSource: { column: name },
      ...(s.missingReasons ? { satisfactionMissingReasons: s.missingReasons } : {}),
      ...(im ? { importance: numbersFromColumn(fn, im), importanceSource: { column: im.name }, ...(im.missingReasons ? { importanceMissingReasons: im.missingReasons } : {}) } : {}),
    };
  });
  if (columns.overall === undefined) return { attributes };
  return { attributes, overall: numbersFromColumn(fn, getColumn(table, columns.overall)), overallSource: { column: columns.overall } };
}

/** The column names of `attritionVsDissatisfaction(table, columns)`. */
export interface AttritionColumns {
  /** Satisfaction rating column. */
  satisfaction: string;
  /** Whether the customer left: a yes/no column (levels such as non/oui, no/yes, 0/1, false/true). */
  left: string;
  /** The level of `left` that means "left". Default: "oui", "yes", "true" or "1", whichever the column has. */
  leftLevel?: string;
  /** Segment column (adds a group per segment, in the codebook's order). */
  by?: string;
}

const YES = ['oui', 'yes', 'true', '1', 'o', 'y'];

/** The input and segments of `attritionVsDissatisfaction` read from a table by column names. */
export function attritionFromTable(fn: string, table: Table, columns: AttritionColumns): { input: { satisfaction: Numbers; left: (boolean | null)[] }; by?: (string | null)[]; segmentOrder?: readonly string[]; source: { column: string } } {
  const sat = getColumn(table, columns.satisfaction);
  const left = factorOf(table, columns.left);
  const yes = columns.leftLevel ?? left.levels.find((l) => YES.includes(l.trim().toLowerCase()));
  const k = yes === undefined ? -1 : left.levels.indexOf(yes);
  if (k < 0) throw new RangeError(`${fn}: column "${columns.left}" has no level meaning "left" (levels: ${left.levels.join(', ')}); give columns.leftLevel`);
  const out: ReturnType<typeof attritionFromTable> = {
    input: { satisfaction: numbersFromColumn(fn, sat), left: Array.from(left.codes, (c) => (c < 0 ? null : c === k)) },
    source: { column: columns.satisfaction },
  };
  if (columns.by !== undefined) {
    const f = factorOf(table, columns.by);
    out.by = Array.from(f.codes, (c) => (c < 0 ? null : f.levels[c]));
    out.segmentOrder = f.levels;
  }
  return out;
}

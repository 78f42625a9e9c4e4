/**
 * Column-name call forms (`crossTab(table, "contrat", "satisfaction")`): what the analyses need
 * from a column-typed table of `@satlab/data`, described structurally because `@satlab/data`
 * depends on this package (not the other way round). A factor (`factorOf(table, name)`, or any
 * `{ codes: Int32Array, levels: string[] }`) is accepted wherever factor codes are.
 */
import { defineMessages, SatlabError } from '@satlab/messages';
import type { MessageFormat, MessageTemplate } from '@satlab/messages';

const t = <P>(en: (p: P, f: MessageFormat) => string, fr: (p: P, f: MessageFormat) => string): MessageTemplate<P> => ({ en, fr });

/** One column of a `@satlab/data` table, as far as the column-name forms read it. */
export interface ColumnLike {
  readonly name: string;
  readonly type: string;
  /** Question wording from the codebook. */
  readonly label?: string;
  /** Factor columns: codes into `levels`, -1 = missing. */
  readonly codes?: Int32Array;
  readonly levels?: readonly string[];
  /** Numeric and date columns: NaN = missing; text and id columns: null = missing. */
  readonly values?: ArrayLike<number> | readonly (string | null)[];
  /** True when the loader inferred the type (no codebook declaration). */
  readonly inferred?: boolean;
  /** Numeric columns: value → label from the codebook (`{ "1": "Pas du tout satisfait" }`). */
  readonly valueLabels?: Readonly<Record<string, string>>;
}

const collator = new Intl.Collator('en', { numeric: true });

/** A column-typed table (`Table` of `@satlab/data`): columns of equal length `nRows`. */
export interface ColumnTable {
  readonly nRows: number;
  readonly columns: readonly ColumnLike[];
}

/** A factor: codes into levels (-1 = missing), e.g. a `factorOf` result; `name`/`label` name it in displays. */
export interface FactorLike {
  readonly codes: Int32Array;
  readonly levels: readonly string[];
  readonly name?: string;
  readonly label?: string;
}

export const byNameMsg = defineMessages('stats.columns', {
  noSuchColumn: t(
    (p: { fn: string; name: string; available: readonly string[] }, f) => `${p.fn}: no column ${f.q(p.name)} in the table (columns: ${p.available.join(', ')})`,
    (p, f) => `${p.fn} : pas de colonne ${f.q(p.name)} dans le tableau (colonnes : ${p.available.join(', ')})`,
  ),
  notCategorical: t(
    (p: { fn: string; name: string; type: string }, f) => `${p.fn}: column ${f.q(p.name)} is ${p.type} text; it cannot be cross-tabulated as categories`,
    (p, f) => `${p.fn} : la colonne ${f.q(p.name)} est du texte libre (${p.type}) ; elle ne peut pas servir de catégories`,
  ),
  notNumeric: t(
    (p: { fn: string; name: string; type: string }, f) => `${p.fn}: column ${f.q(p.name)} is ${p.type}, not numbers`,
    (p, f) => `${p.fn} : la colonne ${f.q(p.name)} est de type ${p.type}, pas des nombres`,
  ),
});

/**
 * Whether `x` is a column-typed table (`{ nRows, columns: [{ name, type }] }`).
 * @example
 * isColumnTable({ nRows: 1, columns: [{ name: 'x', type: 'numeric', values: [1] }] }); //=> true
 * isColumnTable([[1, 2], [3, 4]]); //=> false
 */
export function isColumnTable(x: unknown): x is ColumnTable {
  if (typeof x !== 'object' || x === null) return false;
  const t = x as ColumnTable;
  return typeof t.nRows === 'number' && Array.isArray(t.columns) && t.columns.every((c) => typeof c === 'object' && c !== null && typeof c.name === 'string' && typeof c.type === 'string');
}

/**
 * Whether `x` is a factor `{ codes: Int32Array, levels: string[] }` (e.g. from `factorOf`).
 * @example
 * isFactorLike({ codes: Int32Array.of(0, 1, -1), levels: ['non', 'oui'] }); //=> true
 * isFactorLike(['non', 'oui']); //=> false
 */
export function isFactorLike(x: unknown): x is FactorLike {
  return typeof x === 'object' && x !== null && (x as FactorLike).codes instanceof Int32Array && Array.isArray((x as FactorLike).levels);
}

/**
 * The column called `name`.
 *
 * @throws {SatlabError} `stats.columns.noSuchColumn`, naming the column and the columns available.
 * @example
 * const table = { nRows: 2, columns: [{ name: 'age', type: 'numeric', values: [31, 45] }] };
 * columnByName('myFunction', table, 'age').values; //=> [31, 45]
 * columnByName('myFunction', table, 'âge'); //=> throws SatlabError
 */
export function columnByName(fn: string, table: ColumnTable, name: string): ColumnLike {
  const col = table.columns.find((c) => c.name === name);
  if (col === undefined) throw new SatlabError(byNameMsg.noSuchColumn({ fn, name, available: table.columns.map((c) => c.name) }));
  return col;
}

/**
 * A column as factor codes and level labels: factors as they are; numeric columns as their
 * distinct values in order, labelled by the codebook's value labels (every labelled value of the
 * scale is a level, even when nobody gave it); dates as ISO days; id/text columns are refused.
 * @example
 * factorFromColumn('myFunction', { name: 'contrat', type: 'factor', codes: Int32Array.of(1, 0, -1), levels: ['Auto', 'Habitation'] });
 * //=> { codes: Int32Array [1, 0, -1], levels: ['Auto', 'Habitation'], name: 'contrat' }
 * factorFromColumn('myFunction', { name: 'ville', type: 'text', values: ['Lyon', null] }); //=> throws SatlabError
 */
export function factorFromColumn(fn: string, col: ColumnLike): FactorLike {
  const named = { name: col.name, ...(col.label !== undefined ? { label: col.label } : {}) };
  if (col.codes instanceof Int32Array && col.levels) {
    // Levels the loader inferred come in order of first appearance: sort them as the string form
    // of crossTab does ("2" before "10"); a codebook's order is kept.
    if (col.inferred !== true || col.type !== 'categorical') return { codes: col.codes, levels: col.levels, ...named };
    const order = col.levels.map((_, k) => k).sort((a, b) => collator.compare(col.levels![a], col.levels![b]));
    const rank = new Int32Array(order.length);
    order.forEach((k, r) => (rank[k] = r));
    return { codes: col.codes.map((c) => (c < 0 ? -1 : rank[c])), levels: order.map((k) => col.levels![k]), ...named };
  }
  if (col.type === 'numeric' || col.type === 'date') {
    const v = col.values as ArrayLike<number>;
    const labels = col.valueLabels ?? {};
    const distinct = new Set<number>();
    for (let i = 0; i < v.length; i++) if (!Number.isNaN(v[i])) distinct.add(v[i]);
    if (col.type === 'numeric') for (const k of Object.keys(labels)) if (Number.isFinite(Number(k))) distinct.add(Number(k));
    const sorted = [...distinct].sort((a, b) => a - b);
    const at = new Map(sorted.map((x, k) => [x, k]));
    const codes = new Int32Array(v.length);
    for (let i = 0; i < v.length; i++) codes[i] = Number.isNaN(v[i]) ? -1 : (at.get(v[i]) as number);
    const levels = sorted.map((x) => (col.type === 'date' ? new Date(x).toISOString().slice(0, 10) : (labels[String(x)] ?? String(x))));
    return { codes, levels, ...named };
  }
  throw new SatlabError(byNameMsg.notCategorical({ fn, name: col.name, type: col.type }));
}

/**
 * The numbers of a numeric (or ordinal: its scores) column, NaN = missing.
 * @example
 * numbersFromColumn('myFunction', { name: 'note', type: 'numeric', values: [4, NaN, 2] });
 * //=> Float64Array [4, NaN, 2]
 */
export function numbersFromColumn(fn: string, col: ColumnLike & { scores?: ArrayLike<number> }): Float64Array {
  if (col.type === 'numeric') return col.values instanceof Float64Array ? col.values : Float64Array.from(col.values as ArrayLike<number>);
  if (col.type === 'ordinal' && col.codes instanceof Int32Array) {
    const scores = col.scores ?? Float64Array.from(col.levels ?? [], (_, k) => k + 1);
    return Float64Array.from(col.codes, (c) => (c < 0 ? NaN : scores[c]));
  }
  throw new SatlabError(byNameMsg.notNumeric({ fn, name: col.name, type: col.type }));
}

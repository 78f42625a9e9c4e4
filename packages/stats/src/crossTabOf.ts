/** The column-name and factor forms of `crossTab` (internal: resolves them to codes and levels). */
import { columnByName, factorFromColumn, isColumnTable, isFactorLike, numbersFromColumn } from './byName.js';
import type { ColumnTable, FactorLike } from './byName.js';
import type { Categorical, CrossTab, CrossTabOptions } from './crossTab.js';

/** Options of the column-name form of `crossTab`: as {@link CrossTabOptions}, and `weights` may name a column. */
export interface CrossTabByNameOptions extends Omit<CrossTabOptions, 'weights'> {
  /** Case weights: a column name of the table, or one number per row (NaN = missing). Default none. */
  weights?: string | Float64Array | readonly number[];
}

type Codes = (rows: Categorical, cols: Categorical, options?: CrossTabOptions) => CrossTab;

/** `rowVariable`/`rowVariableLabel` (or the column ones) of a named factor. */
function variable(f: FactorLike | undefined, side: 'row' | 'col'): Partial<CrossTab> {
  if (f?.name === undefined) return {};
  return side === 'row' ? { rowVariable: f.name, ...(f.label !== undefined ? { rowVariableLabel: f.label } : {}) } : { colVariable: f.name, ...(f.label !== undefined ? { colVariableLabel: f.label } : {}) };
}

/** Dispatches the three call forms of `crossTab` to `codes(rows, cols, options)`. */
export function crossTabOf(a: ColumnTable | Categorical | FactorLike, b: string | Categorical | FactorLike, c: string | CrossTabOptions | undefined, d: CrossTabByNameOptions | undefined, codes: Codes): CrossTab {
  const fn = 'crossTab';
  let rows: FactorLike | Categorical;
  let cols: FactorLike | Categorical;
  let options: CrossTabOptions;
  if (isColumnTable(a) && typeof b === 'string' && typeof c === 'string') {
    rows = factorFromColumn(fn, columnByName(fn, a, b));
    cols = factorFromColumn(fn, columnByName(fn, a, c));
    const { weights, ...rest } = d ?? {};
    options = { ...rest, ...(weights === undefined ? {} : { weights: typeof weights === 'string' ? numbersFromColumn(fn, columnByName(fn, a, weights)) : weights }) };
  } else {
    rows = a as Categorical | FactorLike;
    cols = b as Categorical | FactorLike;
    options = (c as CrossTabOptions | undefined) ?? {};
  }
  if (!isFactorLike(rows) && !isFactorLike(cols)) return codes(rows, cols, options);
  const r = isFactorLike(rows) ? rows : undefined;
  const k = isFactorLike(cols) ? cols : undefined;
  const result = codes(r ? r.codes : (rows as Categorical), k ? k.codes : (cols as Categorical), {
    ...options,
    ...(r && options.rowLevels === undefined ? { rowLevels: r.levels } : {}),
    ...(k && options.colLevels === undefined ? { colLevels: k.levels } : {}),
  });
  return { ...result, ...variable(r, 'row'), ...variable(k, 'col') };
}

/** The variable names a cross-tab carries (for results computed from it, e.g. the χ² test). */
export function variableNames(ct: CrossTab): Pick<CrossTab, 'rowVariable' | 'colVariable' | 'rowVariableLabel' | 'colVariableLabel'> {
  const out: Pick<CrossTab, 'rowVariable' | 'colVariable' | 'rowVariableLabel' | 'colVariableLabel'> = {};
  if (ct.rowVariable !== undefined) out.rowVariable = ct.rowVariable;
  if (ct.colVariable !== undefined) out.colVariable = ct.colVariable;
  if (ct.rowVariableLabel !== undefined) out.rowVariableLabel = ct.rowVariableLabel;
  if (ct.colVariableLabel !== undefined) out.colVariableLabel = ct.colVariableLabel;
  return out;
}

import { checkLabels, readTable, toRows } from './internal/contingency.js';
import type { TableInput } from './internal/contingency.js';

/** One merged category: its new label and the categories it gathers (labels or 0-based indices). */
export interface CategoryGroup {
  label: string;
  members: readonly (string | number)[];
}

/** What {@link collapseCategories} merges, and the labels of the table's categories. */
export interface CollapseSpec {
  /** Groups of rows to merge. Rows in no group are kept as they are. Default: none. */
  rows?: readonly CategoryGroup[];
  /** Groups of columns to merge. Columns in no group are kept as they are. Default: none. */
  cols?: readonly CategoryGroup[];
  /** Row labels of the input table (default "1", "2", …); members may name them. */
  rowLabels?: readonly string[];
  /** Column labels of the input table (default "1", "2", …). */
  colLabels?: readonly string[];
}

/** A collapsed table with its labels. */
export interface CollapsedTable {
  table: number[][];
  rowLabels: string[];
  colLabels: string[];
  /** For each new row, the original row indices it sums (0-based). */
  rowSources: number[][];
  /** For each new column, the original column indices it sums. */
  colSources: number[][];
}

function plan(fn: string, arg: string, groups: readonly CategoryGroup[] | undefined, labels: string[]): { labels: string[]; sources: number[][] } {
  const n = labels.length;
  const owner = new Int32Array(n).fill(-1);
  const gs = groups ?? [];
  gs.forEach((g, gi) => {
    if (typeof g !== 'object' || g === null || typeof g.label !== 'string' || !Array.isArray(g.members) || g.members.length === 0) {
      throw new TypeError(`${fn}(${arg}[${gi}]): expected { label: string, members: (string | number)[] } with at least one member`);
    }
    for (const m of g.members) {
      const idx = typeof m === 'number' ? m : labels.indexOf(m);
      if (!Number.isInteger(idx) || idx < 0 || idx >= n) {
        throw new RangeError(`${fn}(${arg}[${gi}]): member ${JSON.stringify(m)} is not a category of the table (${labels.map((l) => JSON.stringify(l)).join(', ')})`);
      }
      if (owner[idx] >= 0) throw new RangeError(`${fn}(${arg}): category ${JSON.stringify(labels[idx])} is in two groups ("${gs[owner[idx]].label}" and "${g.label}")`);
      owner[idx] = gi;
    }
  });
  // Each group takes the place of its first member; the other categories keep their order.
  const out: { label: string; sources: number[] }[] = [];
  const placed = new Map<number, { label: string; sources: number[] }>();
  for (let i = 0; i < n; i++) {
    const g = owner[i];
    if (g < 0) out.push({ label: labels[i], sources: [i] });
    else if (!placed.has(g)) {
      const entry = { label: gs[g].label, sources: [i] };
      placed.set(g, entry);
      out.push(entry);
    } else placed.get(g)!.sources.push(i);
  }
  return { labels: out.map((o) => o.label), sources: out.map((o) => o.sources) };
}

/**
 * Merges categories of a contingency table by summing their rows or columns, e.g. the four
 * satisfaction levels into "not satisfied" vs "satisfied", so that a sparse table gets larger
 * expected counts or a simpler reading. Each merged category takes the place of its first member;
 * categories in no group are kept in order.
 *
 * Reference: R `cbind(m[, 1] + m[, 2], m[, 3] + m[, 4])`.
 *
 * @param table rows of counts (row-major) or a column-major Matrix (any non-negative numbers, so
 *   weighted tables can be collapsed too).
 * @throws {TypeError} on a malformed group; {RangeError} on an unknown member or a category in two groups.
 * @example
 * collapseCategories([[30, 54, 96, 18], [6, 36, 102, 18]], {
 *   cols: [{ label: 'Not satisfied', members: [0, 1] }, { label: 'Satisfied', members: [2, 3] }],
 * }).table; //=> [[84, 114], [42, 120]]
 */
export function collapseCategories(table: TableInput, spec: CollapseSpec): CollapsedTable {
  const fn = 'collapseCategories';
  if (typeof spec !== 'object' || spec === null) throw new TypeError(`${fn}(spec): expected { rows?, cols?, rowLabels?, colLabels? }`);
  const t = readTable(fn, 'table', table);
  const R = plan(fn, 'spec.rows', spec.rows, checkLabels(fn, 'spec.rowLabels', spec.rowLabels, t.r));
  const C = plan(fn, 'spec.cols', spec.cols, checkLabels(fn, 'spec.colLabels', spec.colLabels, t.c));
  const r = R.sources.length;
  const c = C.sources.length;
  const x = new Float64Array(r * c);
  for (let a = 0; a < r; a++) for (let b = 0; b < c; b++) {
    let s = 0;
    for (const i of R.sources[a]) for (const j of C.sources[b]) s += t.x[i * t.c + j];
    x[a * c + b] = s;
  }
  return { table: toRows(x, r, c), rowLabels: R.labels, colLabels: C.labels, rowSources: R.sources, colSources: C.sources };
}

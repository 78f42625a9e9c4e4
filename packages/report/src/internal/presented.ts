/**
 * Internal: building `PresentedTable`s (@satlab/present) for the workbook and the deck. A cell
 * carries its value `v` (a share 0–1 for percentages) and its text `t` in the report's language,
 * so the workbook writes numbers with the format of the column's kind and the deck prints `t`.
 */
import type { CellKind, PresentedCell, PresentedColumn, PresentedTable } from '@satlab/present';
import type { Ctx } from './context.js';

export const col = (key: string, label: string, kind: CellKind, digits?: number): PresentedColumn => ({ key, label, kind, ...(digits !== undefined ? { digits } : {}) });

/** A text cell. */
export const txt = (s: string | null | undefined): PresentedCell => ({ v: s ?? null, t: s ?? '' });

/** A numeric cell: null/NaN/±Infinity become empty (the text keeps `∞` when given). */
export function num(v: number | null | undefined, t: string, mark?: string): PresentedCell {
  const ok = v !== null && v !== undefined && Number.isFinite(v);
  return { v: ok ? v : null, t: ok || (v !== null && v !== undefined && !Number.isNaN(v)) ? t : '', ...(mark ? { mark } : {}) };
}

/** Cells formatted with the report's number helpers. */
export function cells(ctx: Ctx) {
  const { f } = ctx;
  return {
    pct: (x: number | null | undefined, digits = 1) => num(x, f.pct(x, digits)),
    mean: (x: number | null | undefined, digits = 2) => num(x, f.num(x, digits)),
    n: (x: number | null | undefined) => num(x, f.num(x, 0)),
    dec: (x: number | null | undefined, digits: number) => num(x, f.num(x, digits)),
    p: (x: number | null | undefined) => num(x, f.p(x)),
  };
}

export function table(id: string, title: string, columns: PresentedColumn[], rows: PresentedCell[][], extra: { notes?: string[]; totalRows?: number[]; rowHeader?: boolean } = {}): PresentedTable {
  return { id, title, columns, rows, ...(extra.notes && extra.notes.length > 0 ? { notes: extra.notes } : {}), ...(extra.totalRows ? { totalRows: extra.totalRows } : {}), ...(extra.rowHeader ? { rowHeader: true } : {}) };
}

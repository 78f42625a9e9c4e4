import type { Lang } from '@satlab/format';

/**
 * What a cell holds, so every surface formats it the same way: text output and HTML print `t`;
 * a workbook writes `v` with the number format of its kind (percent: 0.0 %, mean: 0.00,
 * count: 0, pvalue: 0.000, number: `digits` decimals).
 */
export type CellKind = 'label' | 'text' | 'count' | 'number' | 'mean' | 'percent' | 'pvalue' | 'interval' | 'mark' | 'letters';

/** One column of a presented table. */
export interface PresentedColumn {
  /** Stable key (for JSON and code), never shown to people. */
  readonly key: string;
  /** Header in the presentation's language. */
  readonly label: string;
  readonly kind: CellKind;
  /** Decimals for `number` cells (and `percent`, default 1). */
  readonly digits?: number;
}

/**
 * One cell: `v` the value (a number for numeric kinds: a share 0–1 for `percent`; a string
 * otherwise; null when missing), `t` its text in the presentation's language. `mark` is a
 * significance mark (▲/▼, letters) shown beside it, `tone` whether it is good or bad news; `note`
 * a hover title / footnote reference.
 */
export interface PresentedCell {
  readonly v: number | string | null;
  readonly t: string;
  readonly mark?: string;
  /**
   * Whether the mark is good or bad news (a rise of satisfaction is good, of a dissatisfaction
   * rate bad): renderers colour it (green / red) instead of by its direction.
   */
  readonly tone?: 'good' | 'bad';
  readonly note?: string;
}

/**
 * A titled table. When `rowHeader` is true the first column holds row labels (a cross-tab grid:
 * categories of the row variable down, of the column variable across, with a base row/column).
 */
export interface PresentedTable {
  readonly id: string;
  readonly title: string;
  readonly columns: readonly PresentedColumn[];
  readonly rows: readonly (readonly PresentedCell[])[];
  readonly rowHeader?: boolean;
  /** Rows that are totals/bases (indices into `rows`), shown in bold or after a rule. */
  readonly totalRows?: readonly number[];
  readonly notes?: readonly string[];
}

/**
 * An analysis result ready for people: the same object feeds the CLI's text, `show()` in a
 * notebook (HTML + text/plain) and the barometer report (HTML, workbook, deck).
 */
export interface Presentation {
  /** Which presenter made it (`crossTab`, `chiSquare`, `nps`, …). */
  readonly kind: string;
  readonly lang: Lang;
  readonly title: string;
  readonly subtitle?: string;
  /** Key figures in one line each (statistic, df, p-value, …), like R's htest print. */
  readonly summary?: readonly { readonly label: string; readonly value: PresentedCell }[];
  readonly tables: readonly PresentedTable[];
  /** Plain-language reading, one sentence or short paragraph per entry. */
  readonly reading: readonly string[];
  /** Method notes (which test, which interval, which missing rule). */
  readonly footnotes: readonly string[];
  /** Warnings rendered in `lang`. */
  readonly warnings: readonly string[];
}

/** A Jupyter MIME bundle: one representation per MIME type, front ends pick the richest they know. */
export interface MimeBundle {
  /** MIME type → representation; JSON types (`application/…+json`) hold objects, the others strings. Always has `text/plain`. */
  data: { 'text/plain': string } & Record<string, unknown>;
  metadata: Record<string, unknown>;
}

import type { PresentLabels } from '@satlab/present';

/** Options of `show` and `toBundle`. */
export interface ShowOptions {
  /**
   * Names a result does not carry, for its presentation: the row and column variables of a
   * cross-tab or χ² test (`{ rows: "contrat", cols: "satisfaction" }`), the analysed column, the
   * segment column. Default: those the result records (column-name calls record them).
   */
  labels?: PresentLabels;
  /** Language of tables and reports (number format, labels); `toBundle` default 'en', `show` default from `LANG` like the CLI. */
  lang?: 'fr' | 'en';
  /** Most rows a table shows before a "… n more rows" note; default 20. */
  maxRows?: number;
  /** Heading of a table or report; default none for tables, the result's `method` for reports. */
  title?: string;
}

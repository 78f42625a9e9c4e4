/** A Jupyter MIME bundle: one representation per MIME type, front ends pick the richest they know. */
export interface MimeBundle {
  /** MIME type → representation; JSON types (`application/…+json`) hold objects, the others strings. Always has `text/plain`. */
  data: { 'text/plain': string } & Record<string, unknown>;
  metadata: Record<string, unknown>;
}

/** Options of `show` and `toBundle`. */
export interface ShowOptions {
  /** Language of tables and reports (number format, labels); `toBundle` default 'en', `show` default from `LANG` like the CLI. */
  lang?: 'fr' | 'en';
  /** Most rows a table shows before a "… n more rows" note; default 20. */
  maxRows?: number;
  /** Heading of a table or report; default none for tables, the result's `method` for reports. */
  title?: string;
}

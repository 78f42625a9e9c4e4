/**
 * The codebook shape shared with @satlab/data (see the brief's "Shared contracts"): one entry per
 * column, `type` ∈ numeric | ordinal | categorical | date | id | text.
 */
export type CodebookColumnType = 'numeric' | 'ordinal' | 'categorical' | 'date' | 'id' | 'text';

export interface CodebookColumn {
  type: CodebookColumnType;
  /** Question wording / human label (French). */
  label?: string;
  /** [min, max]; values outside are missing ("out of scale"). */
  scale?: [number, number];
  /** Missing-value codes. */
  missing?: (number | string)[];
  /** Value → label. */
  labels?: Record<string, string>;
  /** Order of the categories (ordinal: low → high). */
  levels?: string[];
}

/** A column's labels in another language: its label, and its level (or value-label) texts mapped. */
export interface CodebookColumnTranslation {
  label?: string;
  /** Text in the codebook's language (a level or a value label) → text in this language. */
  levels?: Record<string, string>;
}

/** The codebook's labels in one other language (`translations.<lang>`, read by @satlab/report). */
export interface CodebookTranslation {
  columns: Record<string, CodebookColumnTranslation>;
  /** Level texts shared by several columns (e.g. `oui` → `yes`), used when a column has no entry. */
  values?: Record<string, string>;
}

export interface Codebook {
  name?: string;
  /** Language of the labels (`fr`, `en`). */
  lang?: string;
  columns: Record<string, CodebookColumn>;
  /** The labels in other languages, by language code. */
  translations?: Record<string, CodebookTranslation>;
}

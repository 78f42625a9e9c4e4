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

export interface Codebook {
  name?: string;
  columns: Record<string, CodebookColumn>;
}

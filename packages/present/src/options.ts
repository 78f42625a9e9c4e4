import type { Lang } from '@satlab/format';

/**
 * Names a presenter cannot find in a result: the variables' labels (from the codebook, else the
 * column names) and a title to use instead of the default one.
 */
export interface PresentLabels {
  /** Row variable of a cross-tab / χ² (e.g. "Type de contrat"). */
  rows?: string;
  /** Column variable of a cross-tab / χ² (e.g. "Satisfaction globale"). */
  cols?: string;
  /** The analysed column (NPS, CSAT, CES, FCR…). */
  column?: string;
  /** The segment column (`by`). */
  by?: string;
  /** The outcome (drivers) or the file the data came from. */
  outcome?: string;
  /** Replaces the presentation's title. */
  title?: string;
  /** Variable labels by column name (e.g. from a codebook): shown as `name (label)`. */
  names?: Readonly<Record<string, string>>;
  /** Where the data came from (a file name), shown in the subtitle. */
  source?: string;
}

/** Options every presenter takes. */
export interface PresentOptions {
  /** Language of every text. Default `'en'`. */
  lang?: Lang;
  labels?: PresentLabels;
}

/** The language of the options (default English). */
export function langOf(opts: PresentOptions | undefined): Lang {
  return opts?.lang === 'fr' ? 'fr' : 'en';
}

/** `name (label)` when a label is known, else the name. */
export function nameOf(name: string, opts: PresentOptions | undefined): string {
  const l = opts?.labels?.names?.[name];
  return l && l !== name ? `${name} (${l})` : name;
}

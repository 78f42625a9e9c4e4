import type { Lang } from '@satlab/format';
import { formatCount } from '@satlab/format';

/** French names of the exclusion reasons results use as keys (`excludedByReason`). */
const FR: Record<string, string> = {
  empty: 'vide',
  missing: 'manquant',
  'not a declared level': 'modalité non déclarée',
  'not an integer 0-10': 'pas un entier de 0 à 10',
  'not a number': 'pas un nombre',
  'missing weight': 'poids manquant',
  'missing customer': 'client manquant',
  'bad or missing date': 'date invalide ou manquante',
  'bad or missing amount': 'montant invalide ou manquant',
  'after the analysis date': 'postérieure à la date d’analyse',
  'rejected by DuckDB (unparseable row)': 'rejetée par DuckDB (ligne illisible)',
  'not a date': 'pas une date',
  'missing field': 'champ absent',
  'unterminated quote': 'guillemet non fermé',
  'missing (NA)': 'manquant (NA)',
  'blank line': 'ligne vide',
  'empty row (every field empty)': 'ligne sans aucune valeur',
};
const FR_PREFIX: [string, string][] = [
  ['out of scale ', 'hors échelle '],
  ['code ', 'code '],
  ['not on the scale ', 'hors échelle '],
];

/**
 * The name of an exclusion reason key in `lang` (`"out of scale 1-5"` → `"hors échelle 1-5"`).
 * Keys are identifiers results carry, not sentences; an unknown key prints as it is.
 *
 * @example
 * reasonLabel('out of scale 1-5', 'fr'); //=> 'hors échelle 1-5'
 * reasonLabel('code 99', 'en'); //=> 'code 99'
 */
export function reasonLabel(reason: string, lang: Lang): string {
  if (lang === 'en') return reason;
  if (FR[reason]) return FR[reason];
  for (const [en, fr] of FR_PREFIX) if (reason.startsWith(en)) return fr + reason.slice(en.length);
  return reason;
}

/**
 * The exclusion counts by reason as a list in `lang`.
 *
 * @example
 * reasonsText({ missing: 3, 'code 99': 2 }, 'fr'); //=> 'manquant × 3, code 99 × 2'
 */
export function reasonsText(byReason: Readonly<Record<string, number>>, lang: Lang): string {
  return Object.entries(byReason)
    .map(([r, k]) => `${reasonLabel(r, lang)} × ${formatCount(k, lang)}`)
    .join(', ');
}

import { DEFAULT_LEXICON } from './defaultLexicon.js';
import { compiledLexicon, scanText } from './internal/lexicon.js';
import type { Lexicon } from './types.js';

/** Options of {@link matchLexicon}. */
export interface MatchLexiconOptions {
  /** Which entries to use: `'fr'`, `'en'` or `'both'`. Default `'both'`. */
  languages?: 'fr' | 'en' | 'both';
  /** Ignore an entry preceded closely by a negation word. Default true. */
  negation?: boolean;
}

/** What {@link matchLexicon} found in one text. */
export interface LexiconMatch {
  /** The phrases found, as written in the text (first occurrence of each, in text order). */
  matched: string[];
  /** The lexicon entries they matched, as written in the lexicon (same order). */
  entries: string[];
  /** Phrases found but cancelled by a negation (`pas trop cher`, `never disappointed`). */
  negated: string[];
}

/**
 * Finds the entries of a negative-theme lexicon in a free-text comment (verbatim), the way the
 * `verbatim` detection rules do.
 *
 * Matching, kept simple on purpose:
 * 1. Text and entries are split into words (runs of letters and digits; apostrophes and hyphens
 *    split) and compared accent- and case-insensitively (`Déçue` = `decue`).
 * 2. An entry matches a run of consecutive words of one clause; a word ending in `*` is a stem
 *    (prefix: `résili*` matches résilier, résiliation). The longest entry starting at a word wins.
 * 3. Negation: an entry that does not itself contain a negation word is cancelled when one of the
 *    3 words before it, in the same clause, is a negation (ne, n', pas, jamais, aucun(e), sans,
 *    rien, ni; not, no, never, without, nothing, none, nor, n't…). Clauses end at . , ; : ! ? ( )
 *    and at mais, cependant, pourtant, toutefois, sauf, but, however, though, except.
 *    So `pas trop cher`, `jamais déçu`, `no problem` are not negative, while `pas content`,
 *    `jamais de réponse`, `never answered` (entries holding their own negation) are.
 * Limits: no grammar, no irony, no spelling correction; double negations and negations more than
 * three words away are not seen. Measure precision on your own comments before relying on it.
 *
 * @param text the comment (null or empty: nothing matched).
 * @param lexicon entries per language. Default {@link DEFAULT_LEXICON}.
 * @param options languages (default both), negation (default true).
 * @throws {TypeError} text not a string or null; a lexicon entry that is not a string, has no
 *   letter, or a stem shorter than 3 letters.
 * @example
 * matchLexicon('Trop cher, et jamais de réponse ! Pas déçu du conseiller par contre.');
 * //=> { matched: ['Trop cher', 'jamais de réponse'], entries: ['trop cher*', 'jamais de réponse'], negated: ['déçu'] }
 */
export function matchLexicon(text: string | null, lexicon: Lexicon = DEFAULT_LEXICON, options: MatchLexiconOptions = {}): LexiconMatch {
  const fn = 'matchLexicon';
  if (text !== null && typeof text !== 'string') throw new TypeError(`${fn}: text must be a string or null, got ${typeof text}`);
  const languages = options.languages ?? 'both';
  if (languages !== 'fr' && languages !== 'en' && languages !== 'both') throw new TypeError(`${fn}: options.languages must be 'fr', 'en' or 'both', got ${String(languages)}`);
  if (typeof lexicon !== 'object' || lexicon === null) throw new TypeError(`${fn}: lexicon must be an object { fr: string[], en: string[] }, got ${String(lexicon)}`);
  const compiled = compiledLexicon(fn, lexicon, languages);
  if (text === null || text.trim() === '') return { matched: [], entries: [], negated: [] };
  return scanText(text, compiled, options.negation ?? true);
}

/**
 * Text helpers of the lexicon matcher, on the shared tokeniser of `@satlab/text` (the one
 * `satlab verbatims` uses): accent- and case-insensitive words with their place in the original
 * text, elision (`l'attente` → attente), `n't`, clause breaks. Internal module.
 */
import { foldText, tokenize as tokenizeText } from '@satlab/text';

/** A word of a text: where it is in the original string and its normal form. */
export interface Token {
  start: number;
  end: number;
  norm: string;
  /** Index of the clause the token belongs to (clauses are split at punctuation and "but"). */
  clause: number;
}

/** Normal form for matching (`foldText` of @satlab/text): `Déçue` → `decue`. */
export function normalizeWord(s: string): string {
  return foldText(s);
}

/** French and English negation words (normal form); `n` is the elided `ne` (n'est), `n't` the English clitic. */
export const NEGATORS: ReadonlySet<string> = new Set([
  'ne', 'n', 'pas', 'jamais', 'aucun', 'aucune', 'sans', 'rien', 'ni', 'nullement', 'guere',
  'not', 'no', 'never', 'without', 'nothing', 'none', 'neither', 'nor', 'nobody', 'hardly', "n't",
]);

/** True when tokens[j] is a negation word. */
export function isNegator(tokens: readonly { norm: string }[], j: number): boolean {
  return NEGATORS.has(tokens[j].norm);
}

/**
 * Splits a text into words with clause numbers, by `tokenize` of @satlab/text (every word is
 * kept, stop words included: lexicon entries are phrases); a price (`12 €`) is one word.
 */
export function tokenize(text: string): Token[] {
  return tokenizeText(text, { lang: 'fr' }).map((t) => ({ start: t.start, end: t.end, norm: t.word, clause: t.clause }));
}

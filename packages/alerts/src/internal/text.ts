/**
 * Text helpers of the lexicon matcher: accent- and case-insensitive normal form, tokens with
 * their place in the original text, negation words and clause breaks. Internal module.
 */

/** A word of a text: where it is in the original string and its normal form. */
export interface Token {
  start: number;
  end: number;
  norm: string;
  /** Index of the clause the token belongs to (clauses are split at punctuation and "but"). */
  clause: number;
}

/**
 * Normal form for matching: canonical decomposition, combining marks removed, lower case,
 * ligatures split (œ → oe, æ → ae, ß → ss). `Déçue` → `decue`.
 */
export function normalizeWord(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss');
}

/** Words of a text: runs of letters, marks and digits (apostrophes, hyphens and spaces split them). */
const WORD = /[\p{L}\p{M}\p{N}]+/gu;
/** Punctuation that ends a clause: a negation does not reach across it. */
const BREAK = /[.,;:!?()[\]\n\r…]/;
/** Conjunctions that start a new clause. */
const CONTRAST = new Set(['mais', 'cependant', 'pourtant', 'toutefois', 'sauf', 'but', 'however', 'though', 'although', 'except']);

/** French and English negation words (normal form). */
export const NEGATORS: ReadonlySet<string> = new Set([
  'ne', 'n', 'pas', 'jamais', 'aucun', 'aucune', 'sans', 'rien', 'ni', 'nullement', 'guere',
  'not', 'no', 'never', 'without', 'nothing', 'none', 'neither', 'nor', 'nobody', 'hardly',
]);

/** True when tokens[j] is a negation word (`t` after a word ending in n: don't, isn't, can't). */
export function isNegator(tokens: readonly { norm: string }[], j: number): boolean {
  const w = tokens[j].norm;
  if (NEGATORS.has(w)) return true;
  return w === 't' && j > 0 && tokens[j - 1].norm.endsWith('n');
}

/** Splits a text into tokens with clause numbers. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let clause = 0;
  let last = 0;
  for (const m of text.matchAll(WORD)) {
    const start = m.index ?? 0;
    if (out.length > 0 && BREAK.test(text.slice(last, start))) clause++;
    const norm = normalizeWord(m[0]);
    if (CONTRAST.has(norm)) clause++;
    out.push({ start, end: start + m[0].length, norm, clause });
    last = start + m[0].length;
  }
  return out;
}

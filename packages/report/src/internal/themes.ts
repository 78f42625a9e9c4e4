/** Internal: verbatim theme matching by keywords (start of a word, accents and case ignored). */
import type { VerbatimTheme } from '../types.js';

/** Lower case, accents removed, typographic apostrophes made plain. */
export function foldText(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[’‘`´]/g, "'").toLowerCase();
}

const escapeRegex = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One matcher per theme: true when the (folded) text holds a word starting with one of its keywords. */
export function themeMatchers(themes: readonly VerbatimTheme[]): ((folded: string) => boolean)[] {
  return themes.map((t) => {
    const words = [...new Set([...t.keywords.fr, ...t.keywords.en].map((k) => foldText(k.trim())).filter((k) => k !== ''))];
    if (words.length === 0) return () => false;
    const re = new RegExp(`(?:^|[^\\p{L}\\p{N}])(?:${words.map(escapeRegex).join('|')})`, 'u');
    return (folded: string) => re.test(folded);
  });
}

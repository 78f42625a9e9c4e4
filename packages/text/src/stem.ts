import { createRequire } from 'node:module';
import { foldText } from './fold.js';

const require = createRequire(import.meta.url);
interface Stemmer {
  stem(word: string): string;
}
const snowball = require('snowball-stemmers') as { newStemmer(algorithm: string): Stemmer };

const stemmers = new Map<string, Stemmer>();
const caches = new Map<string, Map<string, string>>();

/**
 * The Snowball stem of a lower-case word (French or English algorithm of snowball-stemmers,
 * the Porter2 family also used by R's SnowballC), folded afterwards so accents never split a
 * stem. Results are cached per language.
 *
 * @example
 * stemWord('remboursements', 'fr'); //=> "rembours"
 * stemWord('fidélité', 'fr'); //=> "fidel"
 * stemWord('waiting', 'en'); //=> "wait"
 */
export function stemWord(word: string, lang: 'fr' | 'en'): string {
  let cache = caches.get(lang);
  if (!cache) {
    cache = new Map();
    caches.set(lang, cache);
  }
  const hit = cache.get(word);
  if (hit !== undefined) return hit;
  let st = stemmers.get(lang);
  if (!st) {
    st = snowball.newStemmer(lang === 'fr' ? 'french' : 'english');
    stemmers.set(lang, st);
  }
  const out = foldText(st.stem(word));
  cache.set(word, out);
  return out;
}

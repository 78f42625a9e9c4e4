import { createRequire } from 'node:module';
import { foldText } from './fold.js';

const require = createRequire(import.meta.url);
const iso = require('stopwords-iso') as Record<string, string[]>;

/**
 * Words of the stopwords-iso lists that carry a customer's judgement and so stay terms
 * (stopwords-iso lists `cher`, `bon`, `merci`, `problem`, `great` as stop words, which is right
 * for news text and wrong for satisfaction comments). Folded forms.
 */
export const KEPT_WORDS: Readonly<Record<'fr' | 'en', readonly string[]>> = Object.freeze({
  fr: Object.freeze([
    'attendu', 'bas', 'beau', 'bien', 'bon', 'bravo', 'cher', 'chers', 'chere', 'cheres', 'longtemps', 'merci', 'nul',
    'pire', 'rare', 'rarement', 'retour', 'suffisant', 'suffisante', 'valeur', 'ouvert', 'ouverte', 'ouverts', 'rapide',
    'parole', 'personnel', 'juste', 'direct', 'directe', 'facon', 'essai', 'vite', 'mal',
  ]),
  en: Object.freeze([
    'appreciate', 'best', 'better', 'free', 'good', 'great', 'help', 'helpful', 'long', 'longer', 'poorly', 'problem',
    'problems', 'promptly', 'quickly', 'sorry', 'thank', 'thanks', 'useful', 'value', 'welcome', 'well', 'work', 'worked',
    'working', 'works', 'bill', 'call', 'ignored', 'serious', 'seriously', 'fix', 'kind', 'clear', 'clearly', 'late',
    'empty', 'money', 'wait', 'easy', 'fast', 'slow',
  ]),
});

/** Negation particles: markers, never terms themselves (folded forms). */
export const NEGATION_WORDS: Readonly<Record<'fr' | 'en', readonly string[]>> = Object.freeze({
  fr: Object.freeze(['ne', 'n', 'pas', 'plus', 'jamais', 'rien', 'aucun', 'aucune', 'sans', 'ni', 'guere', 'nullement']),
  en: Object.freeze(['not', 'no', 'never', 'without', 'nothing', 'none', 'nor', 'neither', 'nobody', 'hardly']),
});

const cache = new Map<string, ReadonlySet<string>>();

/**
 * The stop words of a language, folded: the stopwords-iso list (fr 691 words, en 1,298) minus
 * {@link KEPT_WORDS}, plus the negation particles (kept as markers by the tokeniser instead).
 *
 * @example
 * stopWords('fr').has('les'); //=> true
 * stopWords('fr').has('cher'); //=> false (kept: it is what customers say about prices)
 */
export function stopWords(lang: 'fr' | 'en'): ReadonlySet<string> {
  let s = cache.get(lang);
  if (s) return s;
  const kept = new Set(KEPT_WORDS[lang]);
  const out = new Set<string>();
  for (const w of iso[lang]) {
    for (const part of foldText(w).split(/[^a-z0-9]+/)) if (part !== '' && !kept.has(part)) out.add(part);
  }
  for (const w of NEGATION_WORDS[lang]) out.add(w);
  // French elided forms, English clitics and spoken fillers the lists miss.
  for (const w of lang === 'fr' ? ['qu', 'jusqu', 'lorsqu', 'puisqu', 'quoiqu', 'aujourdhui', 'cest', 'etc', 'ok', 'svp'] : ['s', 't', 're', 've', 'll', 'd', 'm', 'ok']) out.add(w);
  s = out;
  cache.set(lang, s);
  return s;
}

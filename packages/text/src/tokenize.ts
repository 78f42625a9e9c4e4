import { foldText } from './fold.js';
import { detectLanguage } from './detectLanguage.js';
import { stemWord } from './stem.js';
import { stopWords } from './stopWords.js';

/** One token of a comment. */
export interface Token {
  /** Folded word (`attente`), or the number/price as written, folded. */
  word: string;
  /** The word in lower case with its accents (for display): `attente`, `12,50 €`. */
  surface: string;
  kind: 'word' | 'number' | 'price' | 'negation';
  /** A stop word or an elided clitic: not counted as a term. */
  stop: boolean;
  /** Inside the scope of a negation (see {@link tokenize}). */
  negated: boolean;
  /**
   * What is counted: the Snowball stem (`attent`), `¬` + stem when negated (`¬rappel`),
   * `#price`, `#number`; empty for stop words and negation particles.
   */
  term: string;
  /** Clause number (clauses end at . , ; : ! ? ( ) … line breaks and at mais/but…). */
  clause: number;
  /** Offsets in the original text. */
  start: number;
  end: number;
}

/** Options of {@link tokenize}. */
export interface TokenizeOptions {
  /** Language of the stop words and stemmer: 'fr', 'en' or 'auto' (per comment). Default 'auto'. */
  lang?: 'fr' | 'en' | 'auto';
  /** Language when 'auto' cannot tell (no marker word). Default 'fr'. */
  defaultLang?: 'fr' | 'en';
}

/** The marker a negated term starts with. */
export const NEGATED = '¬';

// Price before (€12, $ 12.50), number with optional unit after (12 €, 12,50€, 1 250 euros), word with apostrophes.
const TOKEN =
  /([$€£]\s?\d+(?:[.,]\d+)?)|(\d+(?:[\u00a0\u202f ]\d{3})*(?:[.,]\d+)?)(\s?(?:€|\$|£|(?:euros?|eur|dollars?|livres?)(?![\p{L}\p{N}])))?|([\p{L}\p{M}]+(?:['’ʼ][\p{L}\p{M}]+)*)/gu;
const CONTRAST = new Set(['mais', 'cependant', 'pourtant', 'toutefois', 'sauf', 'but', 'however', 'though', 'although', 'except']);
/** French elided clitics before an apostrophe (l'attente, n'est, qu'on, jusqu'à). */
const ELIDED = new Set(['l', 'd', 'j', 'm', 'n', 's', 't', 'c', 'qu', 'jusqu', 'lorsqu', 'puisqu', 'quoiqu', 'presqu', 'quelqu']);
/** English clitics after an apostrophe (it's, they're, I've, we'll, I'd, I'm; n't is a negation). */
const CLITIC = new Set(['s', 're', 've', 'll', 'd', 'm', 't']);
/** Negation words that negate on their own (spoken French drops the "ne"). */
const NEGATOR = new Set(['pas', 'jamais', 'rien', 'aucun', 'aucune', 'sans', 'guere', 'nullement', 'not', 'no', 'never', 'without', 'nothing', 'none', 'nor', 'hardly']);
/** Second particles of ne … pas/plus/jamais/rien/aucun/guère/point/personne. */
const PARTICLE = new Set(['pas', 'plus', 'jamais', 'rien', 'aucun', 'aucune', 'guere', 'point', 'personne', 'nullement']);
/** How many tokens after a negation word its scope reaches for the one content word it negates. */
const WINDOW = 3;

type Raw = Token;

/** Whether text[from, to) holds a clause break (punctuation or a line break). */
function hasBreak(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    switch (text.charCodeAt(i)) {
      case 46: // .
      case 44: // ,
      case 59: // ;
      case 58: // :
      case 33: // !
      case 63: // ?
      case 40: // (
      case 41: // )
      case 91: // [
      case 93: // ]
      case 10:
      case 13:
      case 0x2026: // …
        return true;
    }
  }
  return false;
}

function raw(word: string, surface: string, kind: Token['kind'], stop: boolean, clause: number, start: number, end: number): Raw {
  return { word, surface, kind, stop, negated: false, term: '', clause, start, end };
}

/**
 * Splits a comment into tokens, French or English:
 * - case and accent folding (`Déçu` → `decu`), typographic apostrophes made straight;
 * - French elision removed (`l'attente` → attente, `qu'on` → on, also with `’`), `n'` read as
 *   the negation `ne`; English clitics dropped (`it's` → it) and `n't` read as a negation;
 * - prices recognised as one token `#price` (`12 €`, `12,50€`, `€12`, `$12`, `30 euros`) and
 *   other numbers as `#number`;
 * - stop words (stopwords-iso minus the judgement words of `KEPT_WORDS`) marked, not removed;
 * - negation kept as a marker: the content word a negation governs gets the term `¬stem`.
 *   French `ne … pas/plus/jamais/rien/aucun/guère/personne`: the first content word between `ne`
 *   and the particle is negated (`ne répond pas` → ¬répond, `personne ne répond` → ¬répond); if
 *   there is none, the first content word after the particle is (`n'est pas cher` → ¬cher, `ne m'a jamais rappelé` → ¬rappel).
 *   A negation word alone (pas, jamais, rien, aucun, sans, not, no, never, without, nothing,
 *   n't…) negates the first content word within the next 3 tokens of its clause (`pas du tout
 *   satisfait` → ¬satisf, `not very helpful` → ¬help). `plus` negates only after `ne`.
 *   Clauses end at punctuation and at mais/cependant/pourtant/toutefois/sauf/but/however/though.
 * - terms are Snowball stems of the lower-case word (accents kept for the stemmer, folded after).
 * Limits: no spelling correction, no part-of-speech tagging, no irony; a negation reaches one
 * content word (or the words between ne and its particle).
 *
 * @example
 * tokenize("L'attente n'est pas chère : 12,50 € !").filter((t) => t.term).map((t) => t.term);
 * //=> ["attent", "¬cher", "#price"]
 */
export function tokenize(text: string, options: TokenizeOptions = {}): Token[] {
  if (typeof text !== 'string') throw new TypeError(`tokenize: text must be a string, got ${typeof text}`);
  return tokenizeComment(text, options).tokens;
}

/**
 * {@link tokenize} that also says which language's stop words and stemmer were used (the one
 * given, or the one detected by `detectLanguage` when `lang` is 'auto').
 *
 * @example
 * tokenizeComment('The queue was too long').lang; //=> "en"
 */
export function tokenizeComment(text: string, options: TokenizeOptions = {}): { lang: 'fr' | 'en'; tokens: Token[] } {
  const out: Raw[] = [];
  let clause = 0;
  let last = 0;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m !== null; m = TOKEN.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (out.length > 0 && hasBreak(text, last, start)) clause++;
    last = end;
    if (m[1] !== undefined || m[3] !== undefined) {
      const s = m[0].toLowerCase().replace(/\s+/g, ' ');
      out.push(raw(s, s, 'price', false, clause, start, end));
      continue;
    }
    if (m[2] !== undefined) {
      out.push(raw(m[2], m[2], 'number', false, clause, start, end));
      continue;
    }
    const lower = m[0].toLowerCase();
    if (!/['’ʼ]/.test(lower)) {
      const f = foldText(lower);
      if (CONTRAST.has(f)) clause++;
      out.push(raw(f, lower, 'word', false, clause, start, end));
      continue;
    }
    const parts = lower.split(/['’ʼ]/);
    let offset = start;
    for (let k = 0; k < parts.length; k++) {
      const p = parts[k];
      const f = foldText(p);
      const pStart = offset;
      offset += p.length + 1;
      const isLast = k === parts.length - 1;
      if (!isLast && parts.length > 1 && f === 'aujourd') {
        out.push(raw('aujourdhui', "aujourd'hui", 'word', true, clause, pStart, end));
        break;
      }
      if (!isLast && ELIDED.has(f)) {
        out.push(raw(f, p, f === 'n' ? 'negation' : 'word', true, clause, pStart, pStart + p.length));
        continue;
      }
      if (k > 0 && CLITIC.has(f)) {
        if (f === 't' && parts[k - 1].endsWith('n')) {
          // don't → do + negation; can't → ca + negation (the stop list has both).
          const prev = out[out.length - 1];
          if (prev && prev.start >= start) {
            prev.word = prev.word.slice(0, -1);
            prev.surface = prev.surface.slice(0, -1);
          }
          out.push(raw("n't", "n't", 'negation', true, clause, pStart - 2, pStart + 1));
        }
        continue;
      }
      if (CONTRAST.has(f)) clause++;
      out.push(raw(f, p, 'word', false, clause, pStart, pStart + p.length));
    }
  }
  const lang = options.lang === 'fr' || options.lang === 'en' ? options.lang : detectLanguage(out.map((r) => r.word), options.defaultLang ?? 'fr');
  return { lang, tokens: negate(out, lang) };
}

const negatedTerms = new Map<string, string>();
/** `¬` + term, one string per term (comments keep their terms: no copies). */
function negatedTerm(term: string): string {
  let t = negatedTerms.get(term);
  if (t === undefined) {
    t = NEGATED + term;
    negatedTerms.set(term, t);
  }
  return t;
}

/** Marks stop words and negations, computes the terms (in place). */
function negate(tokens: Raw[], lang: 'fr' | 'en'): Token[] {
  const stops = stopWords(lang);
  let clause = -1;
  let neOpen = false; // a French "ne" waits for its particle
  let negatedSinceNe = false;
  let pendingUntil = -1; // index up to which the next content word is negated
  for (let i = 0; i < tokens.length; i++) {
    const r = tokens[i];
    if (r.clause !== clause) {
      clause = r.clause;
      neOpen = false;
      pendingUntil = -1;
    }
    if (r.kind === 'word' && r.word === 'ne') r.kind = 'negation';
    if (r.kind === 'negation') {
      if (r.word === 'n' || r.word === 'ne') {
        neOpen = true;
        negatedSinceNe = false;
      } else pendingUntil = i + WINDOW;
      r.stop = true;
      continue;
    }
    if (r.kind === 'word' && (PARTICLE.has(r.word) || NEGATOR.has(r.word))) {
      const particle = neOpen && PARTICLE.has(r.word);
      if (particle || NEGATOR.has(r.word)) {
        if (particle && negatedSinceNe) pendingUntil = -1;
        else pendingUntil = i + WINDOW;
        neOpen = false;
        r.kind = 'negation';
        r.stop = true;
        continue;
      }
    }
    if (r.kind === 'word' && !r.stop) r.stop = stops.has(r.word) || r.word.length < 2;
    if (r.kind === 'price') r.term = '#price';
    else if (r.kind === 'number') r.term = '#number';
    else if (!r.stop) {
      r.term = stemWord(r.surface, lang);
      if (neOpen) {
        r.negated = !negatedSinceNe;
        negatedSinceNe = true;
      } else if (i <= pendingUntil) {
        r.negated = true;
        pendingUntil = -1;
      }
      if (r.negated) r.term = negatedTerm(r.term);
    }
  }
  return tokens;
}

/**
 * Compiled lexicons: entries split into words (exact or stem), indexed by their first word for
 * a fast scan, and the matcher itself. Internal module; `matchLexicon` is the public face.
 */
import type { Message } from '@satlab/messages';
import { renderMessage } from '@satlab/messages';
import { errors as E } from '../messages.js';
import type { Lexicon } from '../types.js';
import { isNegator, normalizeWord, tokenize } from './text.js';

interface Word {
  text: string;
  stem: boolean;
}

interface Entry {
  /** The entry as written in the lexicon. */
  entry: string;
  words: Word[];
  /** The entry holds a negation word itself (`pas content`): matched without the negation check. */
  negative: boolean;
}

export interface CompiledLexicon {
  exact: Map<string, Entry[]>;
  /** Entries whose first word is a stem, by the stem's first three letters. */
  stems: Map<string, Entry[]>;
  size: number;
}

/** How many words before a match a negation word cancels it (same clause only). */
export const NEGATION_WINDOW = 3;

/**
 * Splits an entry into words: whitespace separates raw words, a final `*` marks a stem, and each
 * raw word is split like a text (apostrophes, hyphens). Returns a coded message for a bad entry.
 */
export function compileEntry(entry: unknown): Entry | Message {
  if (typeof entry !== 'string') return E.entryNotString({ got: entry });
  const words: Word[] = [];
  for (const raw of entry.trim().split(/\s+/)) {
    if (raw === '') continue;
    const stem = raw.endsWith('*');
    const body = stem ? raw.slice(0, -1) : raw;
    if (body.includes('*')) return E.entryStar({ entry });
    const parts = tokenize(body).map((t) => t.norm);
    if (parts.length === 0) return E.entryNoLetter({ entry, word: raw });
    parts.forEach((p, k) => words.push({ text: p, stem: stem && k === parts.length - 1 }));
    if (stem && parts[parts.length - 1].length < 3) return E.entryShortStem({ entry });
  }
  if (words.length === 0) return E.entryEmpty();
  const negative = words.some((w, j) => !w.stem && isNegator(words.map((x) => ({ norm: x.text })), j));
  return { entry: entry.trim(), words, negative };
}

/** Compiles the entries of the chosen languages; `problems` lists bad entries (none compiled). */
export function compileLexicon(lexicon: Lexicon, languages: 'fr' | 'en' | 'both'): { compiled: CompiledLexicon; problems: Message[] } {
  const lists = languages === 'both' ? [lexicon.fr, lexicon.en] : [lexicon[languages]];
  const exact = new Map<string, Entry[]>();
  const stems = new Map<string, Entry[]>();
  const problems: Message[] = [];
  const seen = new Set<string>();
  let size = 0;
  for (const list of lists) {
    for (const raw of list ?? []) {
      const e = compileEntry(raw);
      if ('code' in e) {
        problems.push(e);
        continue;
      }
      const key = e.words.map((w) => w.text + (w.stem ? '*' : '')).join(' ');
      if (seen.has(key)) continue;
      seen.add(key);
      size++;
      const first = e.words[0];
      const map = first.stem ? stems : exact;
      const k = first.stem ? first.text.slice(0, 3) : first.text;
      const list2 = map.get(k);
      if (list2) list2.push(e);
      else map.set(k, [e]);
    }
  }
  for (const m of [exact, stems]) for (const list of m.values()) list.sort((a, b) => b.words.length - a.words.length);
  return { compiled: { exact, stems, size }, problems };
}

function wordMatches(w: Word, token: string): boolean {
  return w.stem ? token.startsWith(w.text) : token === w.text;
}

/** What a text holds: the matched phrases (original spelling) and the negated ones. */
export function scanText(text: string, lex: CompiledLexicon, negation: boolean): { matched: string[]; entries: string[]; negated: string[] } {
  const tokens = tokenize(text);
  const matched: string[] = [];
  const entries: string[] = [];
  const negated: string[] = [];
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i].norm;
    const candidates = [...(lex.exact.get(t) ?? []), ...(lex.stems.get(t.slice(0, 3)) ?? [])].sort((a, b) => b.words.length - a.words.length);
    let hit: Entry | undefined;
    for (const e of candidates) {
      if (i + e.words.length > tokens.length) continue;
      let ok = true;
      for (let k = 0; k < e.words.length && ok; k++) {
        ok = wordMatches(e.words[k], tokens[i + k].norm) && tokens[i + k].clause === tokens[i].clause;
      }
      if (ok) {
        hit = e;
        break;
      }
    }
    if (!hit) {
      i++;
      continue;
    }
    const last = tokens[i + hit.words.length - 1];
    const phrase = text.slice(tokens[i].start, last.end);
    let isNegated = false;
    if (negation && !hit.negative) {
      for (let j = i - 1; j >= Math.max(0, i - NEGATION_WINDOW); j--) {
        if (tokens[j].clause !== tokens[i].clause) break;
        if (isNegator(tokens, j)) {
          isNegated = true;
          break;
        }
      }
    }
    if (isNegated) negated.push(phrase);
    else if (!matched.some((m) => normalizeWord(m) === normalizeWord(phrase))) {
      matched.push(phrase);
      entries.push(hit.entry);
    }
    i += hit.words.length;
  }
  return { matched, entries, negated };
}

const cache = new WeakMap<Lexicon, Map<string, CompiledLexicon>>();

/** The compiled form of a lexicon (cached per lexicon object and language choice). */
export function compiledLexicon(fn: string, lexicon: Lexicon, languages: 'fr' | 'en' | 'both'): CompiledLexicon {
  let perLang = cache.get(lexicon);
  if (!perLang) {
    perLang = new Map();
    cache.set(lexicon, perLang);
  }
  let c = perLang.get(languages);
  if (!c) {
    const { compiled, problems } = compileLexicon(lexicon, languages);
    if (problems.length > 0) throw new TypeError(`${fn}: bad lexicon entry: ${renderMessage(problems[0], 'en')}`);
    c = compiled;
    perLang.set(languages, c);
  }
  return c;
}

import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { SatlabError } from '@satlab/messages';
import { msg } from './messages.js';
import type { Token } from './tokenize.js';
import { tokenize } from './tokenize.js';

/** One theme of a dictionary: an id, its labels and its entries per language. */
export interface Theme {
  readonly id: string;
  readonly label: { readonly fr: string; readonly en: string };
  readonly fr: readonly string[];
  readonly en: readonly string[];
}

/** A theme dictionary (see `themes/retail-insurance.yaml` for the format). */
export interface ThemeDictionary {
  readonly name: string;
  readonly themes: readonly Theme[];
}

interface EntryWord {
  text: string;
  prefix: boolean;
}

/** A theme dictionary ready for matching. Internal shape; build it with {@link compileThemes}. */
export interface CompiledThemes {
  readonly dictionary: ThemeDictionary;
  /** Per language: first word (exact) → [theme index, words][]; prefix entries by first 3 letters. */
  readonly exact: Record<'fr' | 'en', Map<string, [number, EntryWord[]][]>>;
  readonly prefix: Record<'fr' | 'en', Map<string, [number, EntryWord[]][]>>;
}

function entryWords(entry: string): EntryWord[] | string {
  const out: EntryWord[] = [];
  for (const raw of entry.trim().split(/\s+/)) {
    if (raw === '') continue;
    if (raw === '#price' || raw === '#number') {
      out.push({ text: raw, prefix: false });
      continue;
    }
    const prefix = raw.endsWith('*');
    const body = prefix ? raw.slice(0, -1) : raw;
    if (body.includes('*')) return `"${entry}": "*" may only end a word`;
    const words = tokenize(body, { lang: 'fr' }).map((t) => t.word);
    if (words.length === 0) return `"${entry}": "${raw}" has no letter or digit`;
    words.forEach((w, k) => out.push({ text: w, prefix: prefix && k === words.length - 1 }));
    if (prefix && words[words.length - 1].length < 3) return `"${entry}": a prefix needs at least 3 letters before "*"`;
  }
  if (out.length === 0) return 'an entry is empty';
  return out;
}

/**
 * Checks a parsed theme dictionary (`{ name?, themes: { id: { label: { fr, en }, fr: [...],
 * en: [...] } } }`) and returns it typed; `source` names the file in errors.
 *
 * @throws {SatlabError} `text.badThemes` naming the file and the theme or entry at fault.
 * @example
 * parseThemes({ themes: { price: { label: { fr: 'Prix', en: 'Price' }, fr: ['prix', 'cher'], en: ['price*'] } } }).themes[0].id; //=> "price"
 */
export function parseThemes(data: unknown, source = '<themes>'): ThemeDictionary {
  const bad = (problem: string): never => {
    throw new SatlabError(msg.badThemes({ file: source, problem }));
  };
  if (typeof data !== 'object' || data === null) bad('a theme dictionary is a mapping with a "themes" key');
  const d = data as Record<string, unknown>;
  const themes = d.themes;
  if (typeof themes !== 'object' || themes === null || Array.isArray(themes)) bad('"themes" must be a mapping: theme id → { label, fr, en }');
  const out: Theme[] = [];
  for (const [id, raw] of Object.entries(themes as Record<string, unknown>)) {
    if (typeof raw !== 'object' || raw === null) bad(`theme "${id}" must be a mapping with label, fr and en`);
    const t = raw as Record<string, unknown>;
    const label = (t.label ?? {}) as Record<string, unknown>;
    const lists: Record<'fr' | 'en', string[]> = { fr: [], en: [] };
    for (const lang of ['fr', 'en'] as const) {
      const list = t[lang] ?? [];
      if (!Array.isArray(list)) bad(`theme "${id}": "${lang}" must be a list of words or phrases`);
      for (const e of list as unknown[]) {
        if (typeof e !== 'string') bad(`theme "${id}": entry ${JSON.stringify(e)} is not a string`);
        const w = entryWords(e as string);
        if (typeof w === 'string') bad(`theme "${id}": ${w}`);
        lists[lang].push((e as string).trim());
      }
    }
    if (lists.fr.length + lists.en.length === 0) bad(`theme "${id}" has no entry`);
    out.push({ id, label: { fr: typeof label.fr === 'string' ? label.fr : id, en: typeof label.en === 'string' ? label.en : id }, fr: lists.fr, en: lists.en });
  }
  if (out.length === 0) bad('no theme');
  return { name: typeof d.name === 'string' ? d.name : source, themes: out };
}

/**
 * Reads a YAML (or JSON) theme dictionary file.
 *
 * @throws {SatlabError} `text.badThemes` when the file cannot be read or parsed, or a theme is malformed.
 * @example
 * loadThemes('packages/text/themes/retail-insurance.yaml').themes.map((t) => t.id); //=> ["price", "waiting", "staff", …]
 */
export function loadThemes(path: string, source = path): ThemeDictionary {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new SatlabError(msg.badThemes({ file: source, problem: `cannot read the file (${(err as NodeJS.ErrnoException).code ?? String(err)})` }), { cause: err });
  }
  let data: unknown;
  try {
    data = parse(text);
  } catch (err) {
    throw new SatlabError(msg.badThemes({ file: source, problem: `not valid YAML: ${(err as Error).message.split('\n')[0]}` }), { cause: err });
  }
  return parseThemes(data, source);
}

let starter: ThemeDictionary | undefined;

/**
 * The starter dictionary shipped with satlab, retail and insurance, French and English: price,
 * waiting time, staff and welcome, advice, product quality, loyalty card, claims handling,
 * getting through, website and app, store, contract and cancelling
 * (`packages/text/themes/retail-insurance.yaml`).
 *
 * @example
 * defaultThemes().themes.length; //=> 11
 */
export function defaultThemes(): ThemeDictionary {
  starter ??= loadThemes(new URL('../themes/retail-insurance.yaml', import.meta.url).pathname, 'retail-insurance.yaml');
  return starter;
}

/**
 * Compiles a dictionary for {@link themesOf}: entries split into words, indexed by their first
 * word (prefix entries by its first three letters), per language.
 *
 * @example
 * compileThemes(defaultThemes()).dictionary.name; //=> "retail-insurance"
 */
export function compileThemes(dictionary: ThemeDictionary): CompiledThemes {
  const exact = { fr: new Map(), en: new Map() } as CompiledThemes['exact'];
  const prefix = { fr: new Map(), en: new Map() } as CompiledThemes['prefix'];
  dictionary.themes.forEach((t, k) => {
    for (const lang of ['fr', 'en'] as const) {
      for (const e of t[lang]) {
        const words = entryWords(e);
        if (typeof words === 'string') throw new SatlabError(msg.badThemes({ file: dictionary.name, problem: `theme "${t.id}": ${words}` }));
        const first = words[0];
        const map = first.prefix ? prefix[lang] : exact[lang];
        const key = first.prefix ? first.text.slice(0, 3) : first.text;
        const list = map.get(key);
        if (list) list.push([k, words]);
        else map.set(key, [[k, words]]);
      }
    }
  });
  return { dictionary, exact, prefix };
}

function wordOf(t: Token): string {
  return t.kind === 'price' ? '#price' : t.kind === 'number' ? '#number' : t.word;
}

/**
 * Which themes a tokenised comment mentions: an entry matches consecutive words of one clause
 * (a `*` word is a prefix). Returns the theme indices, sorted, without repeats.
 *
 * @example
 * const c = compileThemes(defaultThemes());
 * themesOf(tokenize("Trop cher, et 40 minutes d'attente"), 'fr', c).map((k) => c.dictionary.themes[k].id); //=> ["price", "waiting"]
 */
export function themesOf(tokens: readonly Token[], lang: 'fr' | 'en', compiled: CompiledThemes): number[] {
  let found: number[] | undefined;
  const exact = compiled.exact[lang];
  const prefix = compiled.prefix[lang];
  for (let i = 0; i < tokens.length; i++) {
    const w = wordOf(tokens[i]);
    const a = exact.get(w);
    if (a) found = scan(tokens, i, a, found);
    const b = w.length >= 3 ? prefix.get(w.slice(0, 3)) : undefined;
    if (b) found = scan(tokens, i, b, found);
  }
  return found ? found.sort((x, y) => x - y) : [];
}

function scan(tokens: readonly Token[], i: number, list: readonly [number, EntryWord[]][], found: number[] | undefined): number[] | undefined {
  for (const [k, words] of list) {
    if ((found && found.includes(k)) || i + words.length > tokens.length) continue;
    let ok = true;
    for (let j = 0; j < words.length && ok; j++) {
      const t = tokens[i + j];
      const tw = wordOf(t);
      ok = t.clause === tokens[i].clause && (words[j].prefix ? tw.startsWith(words[j].text) : tw === words[j].text);
    }
    if (ok) (found ??= []).push(k);
  }
  return found;
}

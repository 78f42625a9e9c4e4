/** The notebook-wide language of `show()` (internal state, shared by every copy of this module). */
import type { Lang } from './labels.js';

const KEY = Symbol.for('@satlab/notebook/lang');
const g = globalThis as unknown as Record<symbol, Lang | undefined>;

/** Language from the environment, as the CLI decides it: French when LC_ALL / LC_MESSAGES / LANG start with "fr". */
function envLang(): Lang {
  const env = process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || '';
  return env.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

/**
 * Sets the language of every later `show()` (and of bare results at the end of a cell) in this
 * notebook, until set again; `show(x, { lang })` still wins for one display.
 *
 * @param lang "fr" or "en"
 * @throws {TypeError} any other value
 * @example
 * setLang('fr');
 * getLang(); //=> 'fr' (show(crossTab(table, 'contrat', 'satisfaction')) now writes « Tableau croisé … »)
 * setLang('de'); //=> throws TypeError
 * setLang('en');
 */
export function setLang(lang: Lang): void {
  if (lang !== 'fr' && lang !== 'en') throw new TypeError(`setLang: expected "fr" or "en", got ${JSON.stringify(lang)}`);
  g[KEY] = lang;
}

/**
 * The language `show()` uses when not told: the one given to {@link setLang}, else French when
 * LC_ALL / LC_MESSAGES / LANG start with "fr", else English.
 *
 * @example
 * setLang('en');
 * getLang(); //=> 'en'
 */
export function getLang(): Lang {
  return g[KEY] ?? envLang();
}

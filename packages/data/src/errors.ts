import type { Lang } from '@satlab/format';
import type { Message } from '@satlab/messages';
import { defineMessages, renderMessage, SatlabError } from '@satlab/messages';

/** Where in an input file a problem was found. Lines and columns are 1-based. */
export interface InputLocation {
  file?: string;
  line?: number;
  /** 1-based column number in the file. */
  column?: number;
  /** The column's header name, when known. */
  columnName?: string;
  /** The offending value as written in the file. */
  value?: string;
}

const located = defineMessages('data', {
  /** A text given as is by code that has not yet declared its message (kept verbatim in both languages). */
  plain: { en: (p: { text: string }) => p.text, fr: (p: { text: string }) => p.text },
});

/**
 * Bad input from a user: a malformed file, a value that does not fit its codebook, an unknown
 * column. A `SatlabError` whose message is prefixed with where the problem is: `message` reads
 * `survey.csv:12:4 (column "q3"): "abc" is not a number`, and `render('fr')` gives
 * `survey.csv:12:4 (colonne « q3 ») : « abc » n’est pas un nombre`. The CLI exits with code 2 on it.
 *
 * @example
 * const e = new InputError(msg.emptyFile(), { file: 'a.csv' });
 * e.message;        // 'a.csv: the file is empty (no header line)'
 * e.render('fr');   // 'a.csv : le fichier est vide (pas de ligne d’en-tête)'
 */
export class InputError extends SatlabError {
  override name = 'InputError';
  readonly location: InputLocation;
  /**
   * @param message the structured message (a factory of a package's `messages.ts`); a plain
   *   string is accepted from code not yet migrated and is shown as is in both languages.
   * @param location file, line, column, column name and value.
   */
  constructor(message: Message | string, location: InputLocation = {}, options?: { cause?: unknown }) {
    const detail = typeof message === 'string' ? located.plain({ text: message }) : message;
    super(detail, options);
    this.location = location;
    this.message = formatLocation(location, 'en') + detail.text;
  }
  /** The message in `lang`, after its location. */
  override render(lang: Lang): string {
    return formatLocation(this.location, lang) + renderMessage(this.detail, lang);
  }
}

/**
 * `file:line:col (column "x"): ` in English, `file:line:col (colonne « x ») : ` in French; '' without a location.
 *
 * @example
 * formatLocation({ file: 'a.csv', line: 3, column: 2, columnName: 'q1' }); //=> 'a.csv:3:2 (column "q1"): '
 * formatLocation({ file: 'a.csv', line: 3 }, 'fr'); //=> 'a.csv:3 : '
 */
export function formatLocation(loc: InputLocation, lang: Lang = 'en'): string {
  if (!loc.file && loc.line === undefined) return '';
  let s = loc.file ?? '<input>';
  if (loc.line !== undefined) s += `:${loc.line}`;
  if (loc.column !== undefined) s += `:${loc.column}`;
  if (loc.columnName !== undefined) s += lang === 'fr' ? ` (colonne «\u00a0${loc.columnName}\u00a0»)` : ` (column "${loc.columnName}")`;
  return s + (lang === 'fr' ? '\u00a0: ' : ': ');
}

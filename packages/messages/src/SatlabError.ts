import type { Lang } from '@satlab/format';
import { renderMessage } from './registry.js';
import type { Message } from './types.js';

/**
 * An error that carries a structured message: `code` and `params` for programs, `message` in
 * English, `render(lang)` in French or English. Subclasses (e.g. `InputError` of `@satlab/data`)
 * add where the problem is.
 */
export class SatlabError extends Error {
  override name = 'SatlabError';
  readonly code: string;
  readonly params: Message['params'];
  readonly detail: Message;
  constructor(detail: Message, options?: { cause?: unknown }) {
    super(detail.text, options);
    this.detail = detail;
    this.code = detail.code;
    this.params = detail.params;
  }
  /** The message in `lang` (subclasses prefix a location). */
  render(lang: Lang): string {
    return renderMessage(this.detail, lang);
  }
}

/**
 * Whether a value is a structured message (duck-typed, so JSON round trips count).
 * @example
 * isMessage({ code: 'stats.table.cochranRule', params: {}, text: 'Cochran' }); //=> true
 * isMessage('Cochran'); //=> false
 */
export function isMessage(x: unknown): x is Message {
  return typeof x === 'object' && x !== null && typeof (x as Message).code === 'string' && typeof (x as Message).text === 'string' && typeof (x as Message).params === 'object';
}

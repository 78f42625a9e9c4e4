import type { Lang } from '@satlab/format';
import { messageFormat } from './format.js';
import type { Message, MessageParams, MessageTemplate } from './types.js';

// One registry for the process, even if two copies of this module are loaded (tslab + dist).
const KEY = Symbol.for('@satlab/messages/registry');
type Registry = Map<string, MessageTemplate<never>>;
const g = globalThis as unknown as Record<symbol, Registry | undefined>;
const registry: Registry = (g[KEY] ??= new Map());

/** The factories `defineMessages` returns: one function per key, building a `Message`. */
export type MessageFactories<T> = {
  readonly [K in keyof T]: T[K] extends MessageTemplate<infer P> ? (params: P) => Message : never;
};

/**
 * Declares a package's messages: `namespace.key` codes with their English and French texts, side
 * by side so neither can be reworded without the other. Returns one factory per key that builds
 * the `Message` (code, params, English text).
 * @example
 * const msg = defineMessages('demo', {
 *   tooFew: { en: (p: { n: number }) => `only ${p.n} answers`, fr: (p: { n: number }) => `seulement ${p.n} réponses` },
 * });
 * const m = msg.tooFew({ n: 12 });
 * m; //=> { code: 'demo.tooFew', params: { n: 12 }, text: 'only 12 answers' }
 * renderMessage(m, 'fr'); //=> 'seulement 12 réponses'
 */
export function defineMessages<T extends Record<string, MessageTemplate<never>>>(namespace: string, templates: T): MessageFactories<T> {
  const out: Record<string, (p: MessageParams) => Message> = {};
  const en = messageFormat('en');
  for (const [key, template] of Object.entries(templates)) {
    const code = `${namespace}.${key}`;
    registry.set(code, template);
    const t = template as unknown as MessageTemplate<MessageParams>;
    out[key] = (params: MessageParams = {}) => ({ code, params, text: t.en(params, en) });
  }
  return out as MessageFactories<T>;
}

/**
 * The text of a message in a language, from its code's template; a message whose code is not
 * registered (e.g. read back from JSON by a process that did not load its package) keeps its text.
 * @example
 * const msg = defineMessages('demo2', {
 *   share: { en: (p: { x: number }, f) => `a share of ${f.pct(p.x)}`, fr: (p: { x: number }, f) => `une part de ${f.pct(p.x)}` },
 * });
 * renderMessage(msg.share({ x: 0.125 }), 'en'); //=> 'a share of 12.5%'
 * renderMessage(msg.share({ x: 0.125 }), 'fr'); //=> 'une part de 12,5 %'
 */
export function renderMessage(message: Message | string, lang: Lang): string {
  if (typeof message === 'string') return message;
  const t = registry.get(message.code) as MessageTemplate<MessageParams> | undefined;
  if (!t) return message.text;
  return t[lang](message.params, messageFormat(lang));
}

/**
 * Every registered code, sorted (for catalogue completeness tests).
 * @example
 * import '@satlab/stats';
 * registeredCodes().includes('stats.table.cochranRule'); //=> true
 */
export function registeredCodes(): string[] {
  return [...registry.keys()].sort();
}

/**
 * Whether a code is registered.
 * @example
 * import '@satlab/stats';
 * hasMessage('stats.table.cochranRule'); //=> true
 * hasMessage('stats.table.noSuchThing'); //=> false
 */
export function hasMessage(code: string): boolean {
  return registry.has(code);
}

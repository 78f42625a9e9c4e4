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
 *
 * @example
 * const msg = defineMessages('demo', {
 *   fewCases: {
 *     en: (p: { n: number }, f) => `only ${f.num(p.n)} case(s)`,
 *     fr: (p: { n: number }, f) => `seulement ${f.num(p.n)} cas`,
 *   },
 * });
 * renderMessage(msg.fewCases({ n: 3 }), 'fr'); // "seulement 3 cas"
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
 */
export function renderMessage(message: Message | string, lang: Lang): string {
  if (typeof message === 'string') return message;
  const t = registry.get(message.code) as MessageTemplate<MessageParams> | undefined;
  if (!t) return message.text;
  return t[lang](message.params, messageFormat(lang));
}

/** Every registered code, sorted (for catalogue completeness tests). */
export function registeredCodes(): string[] {
  return [...registry.keys()].sort();
}

/** Whether a code is registered. */
export function hasMessage(code: string): boolean {
  return registry.has(code);
}

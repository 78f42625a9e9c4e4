/**
 * Every error of @satlab/charts (misuse: a builder given something it cannot draw), as structured
 * messages (`charts.<key>`, English and French side by side, @satlab/messages). The thrown
 * TypeError / RangeError carries the English text as its message and the structured message as
 * `detail`, so the report and the CLI can say it in French.
 */
import type { Message, MessageFormat, MessageTemplate } from '@satlab/messages';
import { defineMessages } from '@satlab/messages';

const t = <P>(en: (p: P, f: MessageFormat) => string, fr: (p: P, f: MessageFormat) => string): MessageTemplate<P> => ({ en, fr });

export const M = defineMessages('charts', {
  notResult: t((p: { fn: string; what: string; got: string }) => `${p.fn}: input must be ${p.what}, got ${p.got}`, (p) => `${p.fn} : l’entrée doit être ${p.what}, reçu ${p.got}`),
  empty: t((p: { fn: string; arg: string }) => `${p.fn}: ${p.arg} is empty`, (p) => `${p.fn} : ${p.arg} est vide`),
  required: t((p: { fn: string; arg: string }) => `${p.fn}: ${p.arg} is required`, (p) => `${p.fn} : ${p.arg} est obligatoire`),
  badLang: t((p: { fn: string; got: string }) => `${p.fn}: opts.lang must be "fr" or "en", got ${p.got}`, (p) => `${p.fn} : opts.lang doit valoir "fr" ou "en", reçu ${p.got}`),
  badSize: t((p: { fn: string; name: string; got: string }) => `${p.fn}: opts.${p.name} must be a positive number, got ${p.got}`, (p) => `${p.fn} : opts.${p.name} doit être un nombre positif, reçu ${p.got}`),
  notArray: t((p: { fn: string; arg: string; got: string }) => `${p.fn}: ${p.arg} must be an array, got ${p.got}`, (p) => `${p.fn} : ${p.arg} doit être un tableau, reçu ${p.got}`),
  notFinite: t((p: { fn: string; arg: string; got: string }) => `${p.fn}: ${p.arg} must be a finite number, got ${p.got}`, (p) => `${p.fn} : ${p.arg} doit être un nombre fini, reçu ${p.got}`),
  notPair: t((p: { fn: string; arg: string; got: string }) => `${p.fn}: ${p.arg} must be a [lo, hi] pair, got ${p.got}`, (p) => `${p.fn} : ${p.arg} doit être une paire [bas, haut], reçu ${p.got}`),
  rows: t((p: { fn: string; arg: string; want: number; got: number }) => `${p.fn}: ${p.arg} must have ${p.want} rows, got ${p.got}`, (p) => `${p.fn} : ${p.arg} doit avoir ${p.want} lignes, reçu ${p.got}`),
  cols: t((p: { fn: string; arg: string; want: number; got: number }) => `${p.fn}: ${p.arg} must have ${p.want} values, got ${p.got}`, (p) => `${p.fn} : ${p.arg} doit avoir ${p.want} valeurs, reçu ${p.got}`),
  noLabels: t((p: { fn: string }) => `${p.fn}: input.rowLabels and input.colLabels must not be empty`, (p) => `${p.fn} : input.rowLabels et input.colLabels ne doivent pas être vides`),
  badOption: t((p: { fn: string; option: string; expected: string; got: string }) => `${p.fn}: opts.${p.option} must be ${p.expected}, got ${p.got}`, (p) => `${p.fn} : opts.${p.option} doit être ${p.expected}, reçu ${p.got}`),
  notShare: t((p: { fn: string; arg: string; got: number }) => `${p.fn}: ${p.arg} must be a share between 0 and 1, got ${p.got}`, (p, f) => `${p.fn} : ${p.arg} doit être une part entre 0 et 1, reçu ${f.num(p.got, 6)}`),
});

/** A TypeError / RangeError with the message's English text and the message as `detail`. */
export function chartError(kind: 'type' | 'range', m: Message): TypeError | RangeError {
  const e = kind === 'type' ? new TypeError(m.text) : new RangeError(m.text);
  Object.defineProperty(e, 'detail', { value: m, enumerable: false });
  return e;
}

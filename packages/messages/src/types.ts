import type { Lang } from '@satlab/format';

/** A value a message can carry: JSON-safe, so a message survives `--json` and comes back. */
export type ParamValue = string | number | boolean | null | readonly string[] | readonly number[];

/** The parameters of a message, by name. */
export type MessageParams = Readonly<Record<string, ParamValue>>;

/**
 * A warning, a note or an error as data: a stable `code` (`namespace.key`, e.g.
 * `stats.smallExpected`), its `params`, and its English `text`. Render it in another language
 * with `renderMessage(message, lang)`; never parse `text`.
 */
export interface Message {
  readonly code: string;
  readonly params: MessageParams;
  readonly text: string;
}

/** Language-aware helpers a template uses to write numbers and lists. */
export interface MessageFormat {
  readonly lang: Lang;
  /** A number with at most `digits` decimals (decimal comma in French); integers print whole. */
  num(x: number, digits?: number): string;
  /** A share 0–1 as a percentage (`12,5 %` / `12.5%`). */
  pct(share: number, digits?: number): string;
  /** A p-value (`< 0,001` / `< 0.001`, else 3 significant digits). */
  p(p: number): string;
  /** Items joined as prose: `a, b and c` / `a, b et c`. */
  list(items: readonly (string | number)[]): string;
  /** A quoted name: “x” in English, « x » in French. */
  q(s: string | number): string;
  /** `one` or `many` by count (`1 respondent`, `2 respondents`). */
  plural(n: number, one: string, many: string): string;
}

/** The English and French texts of one message code. */
export interface MessageTemplate<P> {
  /** The English text, from the message's parameters and the number formatter of the language. */
  en(p: P, f: MessageFormat): string;
  /** The French text, from the message's parameters and the number formatter of the language. */
  fr(p: P, f: MessageFormat): string;
}

import { formatCount, formatNumber, formatPercent, formatPValue } from '@satlab/format';
import type { Lang } from '@satlab/format';
import { renderMessage } from '@satlab/messages';
import type { Message } from '@satlab/messages';
import type { CellKind, PresentedCell, PresentedColumn } from './types.js';

/**
 * The text of a value of a given kind in a language: counts grouped (`1 234`), percentages from
 * a share with one decimal (`12,5 %` / `12.5%`), means with 2 decimals, p-values as reports
 * print them (`< 0,001`), numbers with `digits` decimals; null, NaN and undefined print `—`.
 *
 * @example
 * formatValue(0.125, 'percent', 'fr'); //=> '12,5 %'
 * formatValue(1234, 'count', 'fr'); //=> '1 234'
 * formatValue(0.0004, 'pvalue', 'en'); //=> '< 0.001'
 * formatValue(NaN, 'mean', 'fr'); //=> '—'
 */
export function formatValue(v: number | string | null | undefined, kind: CellKind, lang: Lang, digits?: number): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'string') return v;
  if (Number.isNaN(v)) return '—';
  switch (kind) {
    case 'count':
      return Number.isInteger(v) ? formatCount(v, lang) : formatNumber(v, lang, digits ?? 1);
    case 'percent':
      return formatPercent(v, lang, digits ?? 1);
    case 'mean':
      return formatNumber(v, lang, digits ?? 2, digits ?? 2);
    case 'pvalue':
      return formatPValue(v, lang);
    case 'number':
      return formatNumber(v, lang, digits ?? 3, digits ?? 3);
    default:
      return formatNumber(v, lang, digits ?? 3);
  }
}

/**
 * A cell of a kind: its value and its text in `lang`, with an optional mark and note.
 *
 * @example cell(0.125, 'percent', 'fr'); //=> { v: 0.125, t: '12,5 %' }
 */
export function cell(v: number | string | null | undefined, kind: CellKind, lang: Lang, opts: { digits?: number; mark?: string; note?: string } = {}): PresentedCell {
  const value = v === undefined || (typeof v === 'number' && Number.isNaN(v)) ? null : v;
  return { v: value, t: formatValue(v, kind, lang, opts.digits), ...(opts.mark ? { mark: opts.mark } : {}), ...(opts.note ? { note: opts.note } : {}) };
}

/**
 * A text (or label) cell.
 *
 * @example
 * text('Habitation'); //=> { v: 'Habitation', t: 'Habitation' }
 * text(null); //=> { v: null, t: '' }
 */
export function text(s: string | number | null | undefined): PresentedCell {
  return s === null || s === undefined ? { v: null, t: '' } : { v: String(s), t: String(s) };
}

/**
 * An interval cell `[lo ; hi]` (fr) or `[lo, hi]` (en), each bound formatted by `kind`.
 *
 * @example
 * interval([0.32, 0.58], 'percent', 'fr').t; //=> '[32,0 % ; 58,0 %]'
 * interval([0.32, 0.58], 'percent', 'en').t; //=> '[32.0%, 58.0%]'
 */
export function interval(ci: readonly [number, number] | readonly number[] | null | undefined, kind: CellKind, lang: Lang, digits?: number): PresentedCell {
  if (!ci || ci.length < 2) return { v: null, t: '—' };
  const sep = lang === 'fr' ? ' ; ' : ', ';
  const t = `[${formatValue(ci[0], kind, lang, digits)}${sep}${formatValue(ci[1], kind, lang, digits)}]`;
  return { v: t, t };
}

/** An interval of signed numbers `[−0,09 ; +1,69]` (gaps, NPS points). */
export function signedInterval(ci: readonly number[] | null | undefined, lang: Lang, digits = 1): PresentedCell {
  if (!ci || ci.length < 2) return { v: null, t: '—' };
  const t = `[${signed(ci[0], lang, digits)}${lang === 'fr' ? ' ; ' : ', '}${signed(ci[1], lang, digits)}]`;
  return { v: t, t };
}

/** A signed number (`+1,5`, `−2,0`) with a true minus sign. */
export function signed(x: number, lang: Lang, digits = 1): string {
  if (Number.isNaN(x)) return '—';
  return (x > 0 ? '+' : x < 0 ? '−' : '') + formatNumber(Math.abs(x), lang, digits, digits);
}

/**
 * A column spec.
 *
 * @example col('part', 'Part', 'percent', 0); //=> { key: 'part', label: 'Part', kind: 'percent', digits: 0 }
 */
export function col(key: string, label: string, kind: CellKind, digits?: number): PresentedColumn {
  return digits === undefined ? { key, label, kind } : { key, label, kind, digits };
}

/**
 * Warnings of a result (strings or structured messages) rendered in `lang`, duplicates dropped.
 *
 * @example
 * import { chiSquareTest } from '@satlab/stats';
 * const w = chiSquareTest([[30, 10], [15, 25]]).warnings;
 * renderWarnings([...w, ...w], 'fr');
 * //=> ['La correction de continuité de Yates a été appliquée à la statistique et à la p-valeur du tableau 2×2'…]
 */
export function renderWarnings(warnings: readonly (Message | string)[] | undefined, lang: Lang): string[] {
  const out: string[] = [];
  for (const w of warnings ?? []) {
    const s = renderMessage(w, lang);
    if (!out.includes(s)) out.push(s);
  }
  return out;
}

/** `p = 0,012` or `p < 0,001`. */
export function pText(p: number, lang: Lang): string {
  return p < 0.001 ? `p ${formatPValue(p, lang)}` : `p = ${formatPValue(p, lang)}`;
}

/** A quoted name: « x » (fr) or “x” (en). */
export function quote(s: string, lang: Lang): string {
  return lang === 'fr' ? `«\u00a0${s}\u00a0»` : `“${s}”`;
}

/** Items joined as prose: `a, b et c` / `a, b and c`. */
export function list(items: readonly string[], lang: Lang): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${lang === 'fr' ? 'et' : 'and'} ${items[items.length - 1]}`;
}

/** `label :` with French spacing, `label:` in English. */
export function colon(lang: Lang): string {
  return lang === 'fr' ? '\u00a0:' : ':';
}

import type { Reason } from './types.js';

const num = (x: number | string, lang: 'fr' | 'en'): string => (typeof x === 'number' && lang === 'fr' ? String(x).replace('.', ',') : String(x));

/**
 * One reason as a line of text for a callback list: the rule's label in the language, then after
 * a colon the values it read and the words found in the verbatim.
 *
 * @param reason a reason of a flag or queue entry.
 * @param lang 'fr' or 'en'. Default 'en'.
 * @example
 * describeReason({ rule: 'low-overall', label: { fr: 'Satisfaction globale ≤ 2', en: 'Overall satisfaction ≤ 2' }, weight: 2, values: { overall: 1 } }, 'fr');
 * //=> 'Satisfaction globale ≤ 2 : overall = 1'
 * describeReason({ rule: 'neg', label: { fr: 'Verbatim négatif', en: 'Negative verbatim' }, weight: 1, values: {}, matched: ['trop cher', 'inadmissible'] }, 'fr');
 * //=> 'Verbatim négatif : « trop cher », « inadmissible »'
 */
export function describeReason(reason: Reason, lang: 'fr' | 'en' = 'en'): string {
  const label = reason.label[lang] ?? reason.label.en;
  const parts = Object.entries(reason.values ?? {}).map(([k, v]) => `${k} = ${num(v, lang)}`);
  if (reason.matched && reason.matched.length > 0) parts.push(reason.matched.map((m) => (lang === 'fr' ? `« ${m} »` : `"${m}"`)).join(', '));
  if (parts.length === 0) return label;
  return `${label}${lang === 'fr' ? ' : ' : ': '}${parts.join(', ')}`;
}

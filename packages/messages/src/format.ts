import { formatNumber, formatPercent, formatPValue } from '@satlab/format';
import type { Lang } from '@satlab/format';
import type { MessageFormat } from './types.js';

const cache = new Map<Lang, MessageFormat>();

/**
 * The number and list helpers templates receive, for one language.
 * @example
 * const f = messageFormat('fr');
 * f.num(1234.5); //=> '1 234,5'
 * f.q('contrat'); //=> '« contrat »'
 */
export function messageFormat(lang: Lang): MessageFormat {
  let f = cache.get(lang);
  if (f) return f;
  f = {
    lang,
    num: (x, digits = 2) => (Number.isInteger(x) ? formatNumber(x, lang, 0) : formatNumber(x, lang, digits, 0)),
    pct: (share, digits = 1) => formatPercent(share, lang, digits),
    p: (p) => formatPValue(p, lang),
    list: (items) => {
      const s = items.map(String);
      if (s.length <= 1) return s.join('');
      return `${s.slice(0, -1).join(', ')} ${lang === 'fr' ? 'et' : 'and'} ${s[s.length - 1]}`;
    },
    q: (s) => (lang === 'fr' ? `«\u00a0${s}\u00a0»` : `“${s}”`),
    plural: (n, one, many) => (Math.abs(n) < 2 ? one : many),
  };
  cache.set(lang, f);
  return f;
}

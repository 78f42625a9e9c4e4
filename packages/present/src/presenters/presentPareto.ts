import { formatCount, formatEuro, formatNumber, formatPercent } from '@satlab/format';
import type { ParetoResult } from '@satlab/rfm';
import { renderWarnings } from '../cells.js';
import type { PresentOptions } from '../options.js';
import { langOf } from '../options.js';
import type { Presentation } from '../types.js';

const W = {
  en: {
    title: (c: string | undefined): string => `Revenue concentration${c ? ` — column "${c}"` : ''}`,
    sub: (n: string, total: string, miss: string | null): string => `${n} customers, total revenue ${total}${miss ? ` (${miss} without a value, set aside)` : ''}`,
    top: (a: string, b: string): string => `The best ${a} of customers make ${b} of revenue.`,
    share: (a: string, b: string): string => `${a} of revenue comes from ${b} of customers.`,
    gini: 'Gini index',
    fn: 'Customers sorted best first, linear interpolation between customers; Gini without small-sample correction.',
  },
  fr: {
    title: (c: string | undefined): string => `Concentration du chiffre d’affaires${c ? ` — colonne « ${c} »` : ''}`,
    sub: (n: string, total: string, miss: string | null): string => `${n} clients, CA total ${total}${miss ? ` (${miss} sans valeur, écartés)` : ''}`,
    top: (a: string, b: string): string => `Les ${a} meilleurs clients font ${b} du CA.`,
    share: (a: string, b: string): string => `${a} du CA viennent de ${b} des clients.`,
    gini: 'Indice de Gini',
    fn: 'Clients triés du meilleur au moins bon, interpolation linéaire entre clients ; Gini sans correction de petit échantillon.',
  },
};

/**
 * A revenue concentration (Pareto) for people: the share of revenue of the best customers, the
 * share of customers that makes a given share of revenue, and the Gini index.
 *
 * @example
 * import { paretoConcentration } from '@satlab/rfm';
 * presentPareto(paretoConcentration([100, 50, 10, 5, 5]), { lang: 'fr' }).reading;
 * //=> ['Les 20,0 % meilleurs clients font 58,8 % du CA.', '80,0 % du CA viennent de 34,4 % des clients.']
 */
export function presentPareto(r: ParetoResult, opts: PresentOptions = {}): Presentation {
  const lang = langOf(opts);
  const w = W[lang];
  const p = (x: number): string => formatPercent(x, lang, 1);
  return {
    kind: 'pareto',
    lang,
    title: opts.labels?.title ?? w.title(opts.labels?.column),
    subtitle: w.sub(formatCount(r.n, lang), formatEuro(r.total, lang), r.nMissing ? formatCount(r.nMissing, lang) : null),
    summary: [{ label: w.gini, value: { v: r.gini, t: formatNumber(r.gini, lang, 3, 3) } }],
    tables: [],
    reading: [w.top(p(r.topShare), p(r.revenueShareOfTop)), w.share(p(r.revenueShare), p(r.customerShareFor))],
    footnotes: [w.fn],
    warnings: renderWarnings(r.warnings, lang),
  };
}

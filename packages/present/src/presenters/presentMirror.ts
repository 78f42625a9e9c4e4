import { formatNumber, formatPercent } from '@satlab/format';
import type { MirrorResult } from '@satlab/survey';
import { cell, col, signedInterval, list, quote, renderWarnings, signed, text } from '../cells.js';
import type { PresentOptions } from '../options.js';
import { langOf } from '../options.js';
import type { Presentation } from '../types.js';

const W = {
  en: {
    title: 'Mirror survey — staff − customer gap per attribute (Welch t-test)',
    cols: { name: 'attribute', nc: 'n customers', mc: 'customer mean', ns: 'n staff', ms: 'staff mean', gap: 'gap', ci: (c: string): string => `${c} CI`, p: (holm: boolean): string => (holm ? 'p (Holm)' : 'p'), reading: 'reading' },
    reading: { 'staff-overestimate': 'staff overestimate', 'staff-underestimate': 'internal devaluation', aligned: 'aligned' },
    mean: (g: string, a: string): string => `Mean gap: ${g} (mean absolute gap ${a}). Positive: staff think customers are more satisfied than they are; negative: internal devaluation.`,
    over: (names: string): string => `Staff significantly overestimate customer satisfaction on ${names}.`,
    under: (names: string): string => `Staff significantly underrate ${names}.`,
    none: 'No gap is significant: staff perceive customer satisfaction correctly.',
  },
  fr: {
    title: 'Enquête miroir — écart personnel − clients par critère (test t de Welch)',
    cols: { name: 'critère', nc: 'n clients', mc: 'moy. clients', ns: 'n personnel', ms: 'moy. personnel', gap: 'écart', ci: (c: string): string => `IC ${c}`, p: (holm: boolean): string => (holm ? 'p (Holm)' : 'p'), reading: 'lecture' },
    reading: { 'staff-overestimate': 'surestimé par le personnel', 'staff-underestimate': 'dévalorisation interne', aligned: 'aligné' },
    mean: (g: string, a: string): string => `Écart moyen : ${g} (écart absolu moyen ${a}). Un écart positif : le personnel croit ses clients plus satisfaits qu’ils ne le sont ; négatif : dévalorisation interne.`,
    over: (names: string): string => `Le personnel surestime significativement la satisfaction des clients sur ${names}.`,
    under: (names: string): string => `Le personnel sous-estime significativement ${names}.`,
    none: 'Aucun écart n’est significatif : le personnel perçoit correctement la satisfaction des clients.',
  },
};

/**
 * A mirror survey for people: per attribute the customers' and the staff's means, the gap with
 * its Welch interval and (Holm-adjusted) p-value, what it means, and a reading.
 *
 * @example
 * import { mirrorSurvey } from '@satlab/survey';
 * const p = presentMirror(mirrorSurvey({ attributes: [{ name: 'Accueil', customers: [3, 4, 2, 3, 3], staff: [4, 4, 4, 3, 4] }] }), { lang: 'fr' });
 * p.tables[0].rows[0].map((c) => c.t); //=> ['Accueil', '5', '3,00', '5', '3,80', '+0,80', '[−0,09 ; +1,69]', '0,071', 'aligné']
 */
export function presentMirror(r: MirrorResult, opts: PresentOptions = {}): Presentation {
  const lang = langOf(opts);
  const w = W[lang];
  const conf = formatPercent(r.confidence, lang, 0);
  const c = w.cols;
  const over = r.attributes.filter((a) => a.significant && a.reading === 'staff-overestimate').map((a) => quote(a.name, lang));
  const under = r.attributes.filter((a) => a.significant && a.reading === 'staff-underestimate').map((a) => quote(a.name, lang));
  const reading = [w.mean(signed(r.meanGap, lang, 2), formatNumber(r.meanAbsoluteGap, lang, 2, 2))];
  if (over.length) reading.push(w.over(list(over, lang)));
  if (under.length) reading.push(w.under(list(under, lang)));
  if (!over.length && !under.length) reading.push(w.none);
  return {
    kind: 'mirror',
    lang,
    title: opts.labels?.title ?? w.title,
    tables: [
      {
        id: 'gaps',
        title: '',
        columns: [col('name', c.name, 'label'), col('nCustomers', c.nc, 'count'), col('customerMean', c.mc, 'mean'), col('nStaff', c.ns, 'count'), col('staffMean', c.ms, 'mean'), col('gap', c.gap, 'mean'), col('ci', c.ci(conf), 'interval'), col('pAdjusted', c.p(r.adjust === 'holm'), 'pvalue'), col('reading', c.reading, 'text')],
        rows: r.attributes.map((a) => [text(a.name), cell(a.nCustomers, 'count', lang), cell(a.customerMean, 'mean', lang), cell(a.nStaff, 'count', lang), cell(a.staffMean, 'mean', lang), { v: a.gap, t: signed(a.gap, lang, 2) }, signedInterval(a.ci, lang, 2), cell(a.pAdjusted, 'pvalue', lang, a.significant ? { mark: '*' } : {}), text(w.reading[a.reading])]),
      },
    ],
    reading,
    footnotes: [],
    warnings: renderWarnings(r.warnings, lang),
  };
}

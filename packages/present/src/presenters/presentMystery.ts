import { formatCount, formatNumber, formatPercent } from '@satlab/format';
import type { MysteryResult } from '@satlab/survey';
import { cell, col, interval, quote, renderWarnings, text } from '../cells.js';
import type { PresentOptions } from '../options.js';
import { langOf } from '../options.js';
import type { Presentation } from '../types.js';

const W = {
  en: {
    title: 'Mystery shopping — weighted score out of 100 per visit and per site',
    sites: 'Sites',
    cols: { rank: 'rank', site: 'site', visits: 'visits', mean: 'mean score', ci: (c: string): string => `${c} CI`, range: 'min–max' },
    criteria: 'Criteria, weakest first (network)',
    ccols: { label: 'criterion', section: 'section', weight: 'weight', ach: 'achievement', visits: 'visits' },
    overall: (m: string, n: string): string => `Network mean: ${m} over ${n} visits.`,
    weakest: (c: string, a: string): string => `Weakest criterion: ${c} (achieved in ${a} of applicable visits).`,
  },
  fr: {
    title: 'Visites mystères — score pondéré sur 100 par visite et par site',
    sites: 'Sites',
    cols: { rank: 'rang', site: 'site', visits: 'visites', mean: 'score moyen', ci: (c: string): string => `IC ${c}`, range: 'min–max' },
    criteria: 'Critères, du moins au mieux réussi (réseau)',
    ccols: { label: 'critère', section: 'rubrique', weight: 'poids', ach: 'réussite', visits: 'visites' },
    overall: (m: string, n: string): string => `Moyenne du réseau : ${m} sur ${n} visites.`,
    weakest: (c: string, a: string): string => `Critère le moins réussi : ${c} (réussi dans ${a} des visites où il s’applique).`,
  },
};

/**
 * Mystery-shopping scores for people: sites ranked by mean score with their t interval, range
 * and section scores, criteria from the weakest, and the network mean.
 *
 * @example
 * import { mysteryShoppingScore } from '@satlab/survey';
 * const r = mysteryShoppingScore([{ id: 'accueil', weight: 2 }, { id: 'proprete' }], [{ id: 'v1', site: 'Montauban', scores: { accueil: 1, proprete: 0 } }]);
 * presentMystery(r, { lang: 'fr' }).reading;
 * //=> ['Moyenne du réseau : 66,7 sur 1 visites.', 'Critère le moins réussi : « proprete » (réussi dans 0 % des visites où il s’applique).']
 */
export function presentMystery(r: MysteryResult, opts: PresentOptions = {}): Presentation {
  const lang = langOf(opts);
  const w = W[lang];
  const f1 = (x: number): string => formatNumber(x, lang, 1, 1);
  const sections = Object.keys(r.sites[0]?.sections ?? {}).filter((s) => s !== '');
  const conf = formatPercent(r.confidence, lang, 0);
  const weakest = r.criteria[0];
  return {
    kind: 'mystery',
    lang,
    title: opts.labels?.title ?? w.title,
    tables: [
      {
        id: 'sites',
        title: w.sites,
        columns: [col('rank', w.cols.rank, 'count'), col('site', w.cols.site, 'label'), col('nVisits', w.cols.visits, 'count'), col('mean', w.cols.mean, 'number', 1), col('ci', w.cols.ci(conf), 'interval'), col('range', w.cols.range, 'text'), ...sections.map((s, j) => col(`s${j}`, s, 'number', 1))],
        rows: r.sites.map((s) => [cell(s.rank, 'count', lang), text(s.site), cell(s.nVisits, 'count', lang), { v: s.mean, t: f1(s.mean) }, interval(s.ci, 'number', lang, 1), text(`${f1(s.min)}–${f1(s.max)}`), ...sections.map((x) => ({ v: s.sections[x], t: f1(s.sections[x]) }))]),
      },
      {
        id: 'criteria',
        title: w.criteria,
        columns: [col('label', w.ccols.label, 'label'), col('section', w.ccols.section, 'text'), col('weight', w.ccols.weight, 'number', 2), col('achievement', w.ccols.ach, 'percent', 0), col('nApplicable', w.ccols.visits, 'count')],
        rows: r.criteria.map((c) => [text(c.label), text(c.section), { v: c.weight, t: formatNumber(c.weight, lang, 2, 0) }, cell(c.achievement, 'percent', lang, { digits: 0 }), cell(c.nApplicable, 'count', lang)]),
      },
    ],
    reading: [w.overall(f1(r.overall.mean), formatCount(r.overall.nVisits, lang)), ...(weakest ? [w.weakest(quote(weakest.label, lang), formatPercent(weakest.achievement, lang, 0))] : [])],
    footnotes: [],
    warnings: renderWarnings(r.warnings, lang),
  };
}

import { formatNumber, formatPercent } from '@satlab/format';
import type { CesResult, CesSummary } from '@satlab/survey';
import { cell, col, interval, renderWarnings } from '../cells.js';
import type { PresentOptions } from '../options.js';
import { langOf } from '../options.js';
import type { Presentation } from '../types.js';
import { exclusionNotes, SEG, segmentTable } from './segments.js';

const W = {
  en: {
    title: (c: string | undefined): string => `CES (customer effort)${c ? ` — ${c}` : ''}`,
    subtitle: (lo: number, hi: number, easy: boolean, top: string): string => `scale ${lo}-${hi} (${easy ? 'high = easy' : 'low = easy'}); top box = ${top}`,
    cols: { n: 'n', mean: 'mean', top: 'top box' },
    table: 'CES by segment',
    overall: (m: string, ci: string, top: string, n: string): string => `Mean effort score ${m} (${ci}); ${top} of the ${n} answers are at the easy end.`,
    fn: 'Mean with a Student t interval; top-box share (easy end) with a Wilson score interval.',
  },
  fr: {
    title: (c: string | undefined): string => `CES (effort client)${c ? ` — ${c}` : ''}`,
    subtitle: (lo: number, hi: number, easy: boolean, top: string): string => `échelle ${lo}-${hi} (${easy ? 'note haute = facile' : 'note basse = facile'}) ; top-box = ${top}`,
    cols: { n: 'n', mean: 'moyenne', top: 'top-box' },
    table: 'CES par segment',
    overall: (m: string, ci: string, top: string, n: string): string => `Score d’effort moyen ${m} (${ci}) ; ${top} des ${n} réponses sont du côté « facile ».`,
    fn: 'Moyenne avec intervalle de Student ; part top-box (côté facile) avec intervalle de Wilson.',
  },
};

/**
 * A Customer Effort Score for people: mean with its t interval and top-box share with its
 * Wilson interval, overall and by segment.
 *
 * @example
 * import { customerEffortScore } from '@satlab/survey';
 * presentCes(customerEffortScore([1, 2, 6, 7, 7], { scale: [1, 7] }), { lang: 'en' }).reading[0];
 * //=> 'Mean effort score 4.60 (95% CI [1.02, 8.18]); 40.0% of the 5 answers are at the easy end.'
 */
export function presentCes(r: CesResult, opts: PresentOptions = {}): Presentation {
  const lang = langOf(opts);
  const w = W[lang];
  const conf = formatPercent(r.confidence, lang, 0);
  const table = segmentTable<CesSummary>(
    'ces',
    w.table,
    r,
    opts.labels?.by,
    lang,
    [col('n', w.cols.n, 'count'), col('mean', w.cols.mean, 'mean'), col('meanCI', SEG[lang].ci(conf, 't'), 'interval'), col('topBox', w.cols.top, 'percent'), col('topBoxCI', SEG[lang].ci(conf, 'Wilson'), 'interval'), col('excluded', SEG[lang].excluded, 'count')],
    (g) => [cell(g.n, 'count', lang), cell(g.mean, 'mean', lang), interval(g.meanCI, 'mean', lang), cell(g.topBox, 'percent', lang), interval(g.topBoxCI, 'percent', lang), g.excluded > 0 ? cell(g.excluded, 'count', lang) : { v: 0, t: '' }],
  );
  return {
    kind: 'ces',
    lang,
    title: opts.labels?.title ?? w.title(opts.labels?.column),
    subtitle: w.subtitle(r.scale[0], r.scale[1], r.direction === 'higher-is-easier', r.topBoxValues.join(', ')),
    tables: [table],
    reading: [w.overall(formatNumber(r.mean, lang, 2, 2), `${SEG[lang].ci(conf, '')} ${interval(r.meanCI, 'mean', lang).t}`, formatPercent(r.topBox, lang), cell(r.n, 'count', lang).t)],
    footnotes: [w.fn, ...exclusionNotes(r, lang)],
    warnings: renderWarnings(r.warnings, lang),
  };
}

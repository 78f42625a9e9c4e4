import { formatPercent } from '@satlab/format';
import type { FcrResult, FcrSummary } from '@satlab/survey';
import { cell, col, interval, renderWarnings } from '../cells.js';
import type { PresentOptions } from '../options.js';
import { langOf } from '../options.js';
import type { Presentation } from '../types.js';
import { exclusionNotes, SEG, segmentTable } from './segments.js';

const W = {
  en: {
    title: (c: string | undefined): string => `First-contact resolution (FCR)${c ? ` — ${c}` : ''}`,
    cols: { n: 'n', res: 'resolved', rate: 'FCR rate', unknown: 'unknown' },
    table: 'FCR by segment',
    overall: (v: string, ci: string, n: string): string => `${v} of the ${n} contacts with a known outcome were resolved at the first contact (${ci}).`,
    fn: 'FCR = resolved / contacts with a known outcome; Wilson score interval; unknown outcomes set aside and counted.',
  },
  fr: {
    title: (c: string | undefined): string => `Résolution au premier contact (FCR)${c ? ` — ${c}` : ''}`,
    cols: { n: 'n', res: 'résolus', rate: 'taux FCR', unknown: 'inconnus' },
    table: 'FCR par segment',
    overall: (v: string, ci: string, n: string): string => `${v} des ${n} contacts dont l’issue est connue ont été résolus au premier contact (${ci}).`,
    fn: 'FCR = résolus / contacts d’issue connue ; intervalle de Wilson ; issues inconnues écartées et comptées.',
  },
};

/**
 * A first-contact resolution rate for people: overall and by segment with its Wilson interval.
 *
 * @example
 * import { firstContactResolution } from '@satlab/survey';
 * presentFcr(firstContactResolution([true, false, true, true]), { lang: 'fr' }).reading[0];
 * //=> '75,0 % des 4 contacts dont l’issue est connue ont été résolus au premier contact (IC 95 % [30,1 % ; 95,4 %]).'
 */
export function presentFcr(r: FcrResult, opts: PresentOptions = {}): Presentation {
  const lang = langOf(opts);
  const w = W[lang];
  const conf = formatPercent(r.confidence, lang, 0);
  const table = segmentTable<FcrSummary>(
    'fcr',
    w.table,
    r,
    opts.labels?.by,
    lang,
    [col('n', w.cols.n, 'count'), col('resolved', w.cols.res, 'count'), col('rate', w.cols.rate, 'percent'), col('ci', SEG[lang].ci(conf, 'Wilson'), 'interval'), col('excluded', w.cols.unknown, 'count')],
    (g) => [cell(g.n, 'count', lang), cell(g.resolved, 'count', lang), cell(g.rate, 'percent', lang), interval(g.ci, 'percent', lang), g.excluded > 0 ? cell(g.excluded, 'count', lang) : { v: 0, t: '' }],
  );
  return {
    kind: 'fcr',
    lang,
    title: opts.labels?.title ?? w.title(opts.labels?.column),
    tables: [table],
    reading: [w.overall(formatPercent(r.rate, lang), `${SEG[lang].ci(conf, '')} ${interval(r.ci, 'percent', lang).t}`, cell(r.n, 'count', lang).t)],
    footnotes: [w.fn, ...exclusionNotes(r, lang)],
    warnings: renderWarnings(r.warnings, lang),
  };
}

import { formatPercent } from '@satlab/format';
import type { CsatResult, CsatSummary } from '@satlab/survey';
import { cell, col, interval, quote, renderWarnings } from '../cells.js';
import type { PresentOptions } from '../options.js';
import { langOf } from '../options.js';
import type { Presentation } from '../types.js';
import { exclusionNotes, SEG, segmentTable } from './segments.js';

const W = {
  en: {
    title: (c: string | undefined): string => `CSAT${c ? ` — ${c}` : ''}`,
    subtitle: (lo: number, hi: number, top: string, k: number): string => `scale ${lo}-${hi}; satisfied = ${top} (top-${k} box)`,
    cols: { n: 'n', sat: 'satisfied', csat: 'CSAT', mean: 'mean' },
    table: 'CSAT by segment',
    overall: (v: string, ci: string, n: string): string => `${v} of the ${n} valid answers are satisfied (${ci}).`,
    range: (hi: string, hiV: string, lo: string, loV: string, sep: boolean): string =>
      `Highest segment ${hi} (${hiV}), lowest ${lo} (${loV}); ${sep ? 'their intervals do not overlap.' : 'their intervals overlap: the gap may be sampling error.'}`,
    fn: 'CSAT = share of valid ratings in the top box(es); Wilson score interval (R prop.test(correct = FALSE)).',
  },
  fr: {
    title: (c: string | undefined): string => `CSAT${c ? ` — ${c}` : ''}`,
    subtitle: (lo: number, hi: number, top: string, k: number): string => `échelle ${lo}-${hi} ; satisfaits = ${top} (top-${k}-box)`,
    cols: { n: 'n', sat: 'satisfaits', csat: 'CSAT', mean: 'moyenne' },
    table: 'CSAT par segment',
    overall: (v: string, ci: string, n: string): string => `${v} des ${n} réponses valides sont satisfaites (${ci}).`,
    range: (hi: string, hiV: string, lo: string, loV: string, sep: boolean): string =>
      `Segment le plus haut ${hi} (${hiV}), le plus bas ${lo} (${loV}) ; ${sep ? 'leurs intervalles ne se chevauchent pas.' : 'leurs intervalles se chevauchent : l’écart peut venir de l’échantillonnage.'}`,
    fn: 'CSAT = part des notes valides dans la ou les meilleures cases ; intervalle de Wilson (R prop.test(correct = FALSE)).',
  },
};

/**
 * A CSAT (top-box share of satisfied customers) for people: overall and by segment, with the
 * Wilson interval in %, the mean rating, the exclusions and a reading.
 *
 * @example
 * import { csatScore } from '@satlab/survey';
 * presentCsat(csatScore([5, 4, 2, 5, 3], { scale: [1, 5] }), { lang: 'fr' }).reading[0];
 * //=> '60,0 % des 5 réponses valides sont satisfaites (IC 95 % [23,1 % ; 88,2 %]).'
 */
export function presentCsat(r: CsatResult, opts: PresentOptions = {}): Presentation {
  const lang = langOf(opts);
  const w = W[lang];
  const conf = formatPercent(r.confidence, lang, 0);
  const table = segmentTable<CsatSummary>(
    'csat',
    w.table,
    r,
    opts.labels?.by,
    lang,
    [col('n', w.cols.n, 'count'), col('satisfied', w.cols.sat, 'count'), col('csat', w.cols.csat, 'percent'), col('ci', SEG[lang].ci(conf, 'Wilson'), 'interval'), col('mean', w.cols.mean, 'mean'), col('excluded', SEG[lang].excluded, 'count')],
    (g) => [cell(g.n, 'count', lang), cell(g.satisfied, 'count', lang), cell(g.csat, 'percent', lang), interval(g.ci, 'percent', lang), cell(g.mean, 'mean', lang), g.excluded > 0 ? cell(g.excluded, 'count', lang) : { v: 0, t: '' }],
  );
  const reading = [w.overall(formatPercent(r.csat, lang), `${SEG[lang].ci(conf, '')} ${interval(r.ci, 'percent', lang).t}`, cell(r.n, 'count', lang).t)];
  const groups = (r.groups ?? []).filter((g) => g.n > 0 && !Number.isNaN(g.csat));
  if (groups.length >= 2) {
    const hi = groups.reduce((a, b) => (b.csat > a.csat ? b : a));
    const lo = groups.reduce((a, b) => (b.csat < a.csat ? b : a));
    reading.push(w.range(quote(hi.name, lang), formatPercent(hi.csat, lang), quote(lo.name, lang), formatPercent(lo.csat, lang), lo.ci[1] < hi.ci[0]));
  }
  return {
    kind: 'csat',
    lang,
    title: opts.labels?.title ?? w.title(opts.labels?.column),
    subtitle: w.subtitle(r.scale[0], r.scale[1], r.topBoxValues.join(', '), r.topBoxValues.length),
    tables: [table],
    reading,
    footnotes: [w.fn, ...exclusionNotes(r, lang)],
    warnings: renderWarnings(r.warnings, lang),
  };
}

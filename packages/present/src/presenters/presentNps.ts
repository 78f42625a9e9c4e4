import { formatNumber, formatPercent } from '@satlab/format';
import type { NpsResult, NpsSummary } from '@satlab/survey';
import { cell, col, signedInterval, quote, renderWarnings, signed } from '../cells.js';
import type { PresentOptions } from '../options.js';
import { langOf } from '../options.js';
import type { Presentation, PresentedCell } from '../types.js';
import { exclusionNotes, SEG, segmentTable } from './segments.js';

const W = {
  en: {
    title: (c: string | undefined): string => `Net Promoter Score${c ? ` — ${c}` : ''}`,
    subtitle: '0-10 scale; promoters 9-10, passives 7-8, detractors 0-6',
    cols: { n: 'n', pro: 'promoters', pas: 'passives', det: 'detractors', nps: 'NPS', moe: (c: string): string => `margin ${c}` },
    table: 'NPS by segment',
    overall: (nps: string, ci: string, pro: string, det: string, n: string): string => `The NPS is ${nps} points (${ci}), from ${pro} promoters and ${det} detractors among ${n} valid answers.`,
    range: (hi: string, hiV: string, lo: string, loV: string, sep: boolean): string =>
      `Highest segment ${hi} (${hiV}), lowest ${lo} (${loV}); ${sep ? 'their intervals do not overlap: the gap is beyond sampling error.' : 'their intervals overlap: the gap may be sampling error.'}`,
    fn: 'Margin of error from the multinomial variance: 100·z·√([(p+d) − (p−d)²]/n), in NPS points (Wald interval clipped to [−100, 100]).',
  },
  fr: {
    title: (c: string | undefined): string => `Net Promoter Score${c ? ` — ${c}` : ''}`,
    subtitle: 'échelle 0-10 ; promoteurs 9-10, passifs 7-8, détracteurs 0-6',
    cols: { n: 'n', pro: 'promoteurs', pas: 'passifs', det: 'détracteurs', nps: 'NPS', moe: (c: string): string => `marge ${c}` },
    table: 'NPS par segment',
    overall: (nps: string, ci: string, pro: string, det: string, n: string): string => `Le NPS est de ${nps} points (${ci}) : ${pro} de promoteurs et ${det} de détracteurs sur ${n} réponses valides.`,
    range: (hi: string, hiV: string, lo: string, loV: string, sep: boolean): string =>
      `Segment le plus haut ${hi} (${hiV}), le plus bas ${lo} (${loV}) ; ${sep ? 'leurs intervalles ne se chevauchent pas : l’écart dépasse l’erreur d’échantillonnage.' : 'leurs intervalles se chevauchent : l’écart peut venir de l’échantillonnage.'}`,
    fn: 'Marge d’erreur par la variance multinomiale : 100·z·√([(p+d) − (p−d)²]/n), en points de NPS (intervalle de Wald borné à [−100 ; 100]).',
  },
};

/**
 * A Net Promoter Score for people: overall and by segment, the shares of promoters, passives
 * and detractors (%), the score in points with its margin and interval, the exclusions by
 * reason, and a reading naming the highest and lowest segments.
 *
 * @example
 * import { netPromoterScore } from '@satlab/survey';
 * const p = presentNps(netPromoterScore([10, 9, 9, 8, 7, 3, 10, 6]), { lang: 'fr' });
 * p.reading[0]; //=> 'Le NPS est de +25,0 points (IC 95 % [−32,5 ; +82,5])'…
 * p.tables[0].rows[0].slice(0, 5).map((c) => c.t); //=> ['ensemble', '8', '50,0 %', '25,0 %', '25,0 %']
 */
export function presentNps(r: NpsResult, opts: PresentOptions = {}): Presentation {
  const lang = langOf(opts);
  const w = W[lang];
  const conf = formatPercent(r.confidence, lang, 0);
  const pts = (x: number): PresentedCell => ({ v: Number.isNaN(x) ? null : x, t: signed(x, lang, 1) });
  const table = segmentTable<NpsSummary>(
    'nps',
    w.table,
    r,
    opts.labels?.by,
    lang,
    [col('n', w.cols.n, 'count'), col('promoters', w.cols.pro, 'percent'), col('passives', w.cols.pas, 'percent'), col('detractors', w.cols.det, 'percent'), col('nps', w.cols.nps, 'number', 1), col('marginOfError', w.cols.moe(conf), 'number', 1), col('ci', SEG[lang].ci(conf, ''), 'interval'), col('excluded', SEG[lang].excluded, 'count')],
    (g) => [cell(g.n, 'count', lang), cell(g.promoters, 'percent', lang), cell(g.passives, 'percent', lang), cell(g.detractors, 'percent', lang), pts(g.nps), { v: g.marginOfError, t: `± ${formatNumber(g.marginOfError, lang, 1, 1)}` }, signedInterval(g.ci, lang, 1), g.excluded > 0 ? cell(g.excluded, 'count', lang) : { v: 0, t: '' }],
  );
  const reading = [w.overall(signed(r.nps, lang, 1), `${SEG[lang].ci(conf, '')} ${signedInterval(r.ci, lang, 1).t}`, formatPercent(r.promoters, lang), formatPercent(r.detractors, lang), cell(r.n, 'count', lang).t)];
  const groups = (r.groups ?? []).filter((g) => g.n > 0 && !Number.isNaN(g.nps));
  if (groups.length >= 2) {
    const hi = groups.reduce((a, b) => (b.nps > a.nps ? b : a));
    const lo = groups.reduce((a, b) => (b.nps < a.nps ? b : a));
    reading.push(w.range(quote(hi.name, lang), signed(hi.nps, lang, 1), quote(lo.name, lang), signed(lo.nps, lang, 1), lo.ci[1] < hi.ci[0]));
  }
  return {
    kind: 'nps',
    lang,
    title: opts.labels?.title ?? w.title(opts.labels?.column),
    subtitle: w.subtitle,
    tables: [table],
    reading,
    footnotes: [w.fn, ...exclusionNotes(r, lang)],
    warnings: renderWarnings(r.warnings, lang),
  };
}

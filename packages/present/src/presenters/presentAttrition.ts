import { formatCount, formatNumber, formatPercent } from '@satlab/format';
import type { AttritionGroup, AttritionResult } from '@satlab/survey';
import { cell, col, interval, quote, renderWarnings, text } from '../cells.js';
import type { PresentOptions } from '../options.js';
import { langOf } from '../options.js';
import type { Presentation, PresentedCell } from '../types.js';

const W = {
  en: {
    title: 'Attrition vs dissatisfaction',
    subtitle: (sat: string, dis: string, left: string): string => `satisfaction ${sat} (dissatisfied: ${dis}), left ${left}`,
    all: 'all',
    rates: 'Rates and risk ratio',
    cols: { n: 'n', dis: 'dissatisfied', attr: 'attrition', attrDis: 'attr. dissat.', attrSat: 'attr. sat.', rr: 'risk ratio', ci: (c: string): string => `${c} CI`, p: 'p' },
    rule: 'Rule of thumb (BTS MUC course, "Satisfaction et fidélité"): "attrition rate ≈ 2 × dissatisfied rate"',
    rcols: { ratio: 'attrition / dissatisfied', p: 'p (H0: = 2)', ok: 'consistent' },
    holds: (k: string): string => `risk ratio consistent with × ${k}`,
    yes: 'yes',
    no: 'no',
    reading: (rr: string, ci: string, dis: string, sat: string): string => `Dissatisfied customers leave ${rr} times as often as satisfied ones (${ci}): ${dis} against ${sat}.`,
    ruleOk: (ratio: string): string => `Attrition is ${ratio} times the dissatisfied rate, consistent with the "× 2" rule.`,
    ruleNo: (ratio: string): string => `Attrition is ${ratio} times the dissatisfied rate: the "× 2" rule does not hold here.`,
    fn: 'Risk ratio = attrition among dissatisfied / among satisfied (Katz log interval). Attrition/dissatisfied ratio: Wald interval on the log scale for two proportions measured on the same customers.',
    setAside: (n: string): string => `Respondents set aside (missing satisfaction or flag): ${n}.`,
  },
  fr: {
    title: 'Attrition et insatisfaction',
    subtitle: (sat: string, dis: string, left: string): string => `satisfaction ${sat} (insatisfaits : ${dis}), départ ${left}`,
    all: 'ensemble',
    rates: 'Taux et risque relatif',
    cols: { n: 'n', dis: 'insatisfaits', attr: 'attrition', attrDis: 'attr. insatisf.', attrSat: 'attr. satisf.', rr: 'risque relatif', ci: (c: string): string => `IC ${c}`, p: 'p' },
    rule: 'Règle empirique (cours de BTS MUC « Satisfaction et fidélité ») : « taux d’infidélité ≈ 2 × taux d’insatisfaits »',
    rcols: { ratio: 'attrition / insatisfaits', p: 'p (H0 : = 2)', ok: 'compatible' },
    holds: (k: string): string => `risque relatif compatible avec × ${k}`,
    yes: 'oui',
    no: 'non',
    reading: (rr: string, ci: string, dis: string, sat: string): string => `Les clients insatisfaits partent ${rr} fois plus souvent que les satisfaits (${ci}) : ${dis} contre ${sat}.`,
    ruleOk: (ratio: string): string => `L’attrition vaut ${ratio} fois le taux d’insatisfaits, ce qui est compatible avec la règle « × 2 ».`,
    ruleNo: (ratio: string): string => `L’attrition vaut ${ratio} fois le taux d’insatisfaits : la règle « × 2 » ne se vérifie pas ici.`,
    fn: 'Risque relatif = attrition des insatisfaits / attrition des satisfaits (intervalle log de Katz). Rapport attrition/insatisfaits : intervalle de Wald sur le log pour deux proportions mesurées sur les mêmes clients.',
    setAside: (n: string): string => `Répondants écartés (satisfaction ou départ manquant) : ${n}.`,
  },
};

/**
 * Attrition vs dissatisfaction for people: per segment the dissatisfied and attrition rates,
 * attrition among dissatisfied and satisfied, the risk ratio with its Katz interval, and the
 * test of the course's "× 2" rule, with a reading. With `riskRatioHolds: k` the rates table gets
 * one more column, `riskRatioHolds`: "yes" when the risk ratio's interval contains k (the course's
 * "the dissatisfied leave twice as often" read on the risk ratio), "—" when it is not finite.
 *
 * @example
 * import { attritionVsDissatisfaction } from '@satlab/survey';
 * const r = attritionVsDissatisfaction({ satisfaction: [1, 2, 4, 3, 4, 1, 2, 3, 4, 1], left: [true, false, false, false, true, true, true, false, false, true] }, { scale: [1, 4] });
 * presentAttrition(r, { lang: 'fr' }).reading[0];
 * //=> 'Les clients insatisfaits partent 4,00 fois plus souvent que les satisfaits (IC 95 % [0,66 ; 24,37]) : 80,0 % contre 20,0 %.'
 */
export function presentAttrition(r: AttritionResult, opts: PresentOptions & { labels?: { satisfaction?: string; left?: string }; riskRatioHolds?: number } = {}): Presentation {
  const lang = langOf(opts);
  const w = W[lang];
  const conf = formatPercent(r.confidence, lang, 0);
  const rr = (x: number): PresentedCell => cell(x, 'mean', lang);
  const name = (g: AttritionGroup): PresentedCell => text(g.name === 'all' ? w.all : g.name);
  const groups = r.groups;
  const totalRows = groups.length > 1 ? [0] : [];
  const by = opts.labels?.by ?? '';
  const k = opts.riskRatioHolds;
  const holds = (g: AttritionGroup): PresentedCell => {
    const [lo, hi] = g.riskRatioCI;
    return text(k === undefined || !Number.isFinite(lo) || !Number.isFinite(hi) ? '—' : lo <= k && k <= hi ? w.yes : w.no);
  };
  const tables = [
    {
      id: 'rates',
      title: w.rates,
      rowHeader: true,
      columns: [col('name', by, 'label'), col('n', w.cols.n, 'count'), col('dissatisfiedRate', w.cols.dis, 'percent'), col('attritionRate', w.cols.attr, 'percent'), col('attritionAmongDissatisfied', w.cols.attrDis, 'percent'), col('attritionAmongSatisfied', w.cols.attrSat, 'percent'), col('riskRatio', w.cols.rr, 'mean'), col('riskRatioCI', w.cols.ci(conf), 'interval'), col('riskRatioPValue', w.cols.p, 'pvalue'), ...(k !== undefined ? [col('riskRatioHolds', w.holds(formatNumber(k, lang, 2, 0)), 'text')] : [])],
      rows: groups.map((g) => [name(g), cell(g.n, 'count', lang), cell(g.dissatisfiedRate, 'percent', lang), cell(g.attritionRate, 'percent', lang), cell(g.attritionAmongDissatisfied, 'percent', lang), cell(g.attritionAmongSatisfied, 'percent', lang), rr(g.riskRatio), interval(g.riskRatioCI, 'mean', lang), cell(g.riskRatioPValue, 'pvalue', lang), ...(k !== undefined ? [holds(g)] : [])]),
      totalRows,
    },
    {
      id: 'ruleOfThumb',
      title: w.rule,
      rowHeader: true,
      columns: [col('name', by, 'label'), col('ratio', w.rcols.ratio, 'mean'), col('ci', w.cols.ci(conf), 'interval'), col('pValue', w.rcols.p, 'pvalue'), col('consistent', w.rcols.ok, 'text')],
      rows: groups.map((g) => [name(g), rr(g.ruleOfThumb.ratio), interval(g.ruleOfThumb.ci, 'mean', lang), cell(g.ruleOfThumb.pValue, 'pvalue', lang), text(Number.isNaN(g.ruleOfThumb.pValue) ? '—' : g.ruleOfThumb.consistent ? w.yes : w.no)]),
      totalRows,
    },
  ];
  const all = groups[0];
  const reading: string[] = [];
  if (all && !Number.isNaN(all.riskRatio)) {
    reading.push(w.reading(formatNumber(all.riskRatio, lang, 2, 2), `${w.cols.ci(conf)} ${interval(all.riskRatioCI, 'mean', lang).t}`, formatPercent(all.attritionAmongDissatisfied, lang), formatPercent(all.attritionAmongSatisfied, lang)));
  }
  if (all && !Number.isNaN(all.ruleOfThumb.pValue)) reading.push((all.ruleOfThumb.consistent ? w.ruleOk : w.ruleNo)(formatNumber(all.ruleOfThumb.ratio, lang, 2, 2)));
  const sat = opts.labels?.satisfaction ?? opts.labels?.column;
  const left = opts.labels?.left;
  return {
    kind: 'attrition',
    lang,
    title: opts.labels?.title ?? w.title,
    subtitle: w.subtitle(sat ? quote(sat, lang) : '', r.dissatisfiedValues.join(', '), left ? quote(left, lang) : '').replace(/ {2,}/g, ' '),
    tables,
    reading,
    footnotes: [w.fn, ...(all && all.excluded > 0 ? [w.setAside(formatCount(all.excluded, lang))] : [])],
    warnings: renderWarnings(r.warnings, lang),
  };
}

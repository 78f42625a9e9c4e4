import { formatEuro, formatNumber, formatPercent } from '@satlab/format';
import type { LifetimeValueResult } from '@satlab/survey';
import { col, renderWarnings, text } from '../cells.js';
import type { PresentOptions } from '../options.js';
import { langOf } from '../options.js';
import type { Presentation, PresentedCell, PresentedTable } from '../types.js';

/** Options of {@link presentLtv}: the inputs, which the result does not repeat. */
export interface LtvPresentOptions extends PresentOptions {
  inputs?: { margin: number; retention: number; discount: number };
}

const W = {
  en: {
    title: 'Customer lifetime value (LTV)',
    item: 'item',
    value: 'value',
    rows: { margin: 'Margin per period', retention: 'Retention rate', discount: 'Discount rate', horizon: 'Horizon (periods)', first: 'First margin' },
    unlimited: 'unlimited',
    counted: 'counted at t = 0',
    after: 'after one period',
    schedule: 'Expected margin by period',
    sc: { t: 't', surv: 'retention^t', disc: 'discount', value: 'expected margin' },
    reading: (v: string, m: string | null): string => `A customer is worth ${v} over the horizon${m ? `, ${m} times the margin of one period` : ''}.`,
  },
  fr: {
    title: 'Valeur vie client (LTV)',
    item: 'poste',
    value: 'valeur',
    rows: { margin: 'Marge par période', retention: 'Taux de rétention', discount: 'Taux d’actualisation', horizon: 'Horizon (périodes)', first: 'Première marge' },
    unlimited: 'illimité',
    counted: 'comptée en t = 0',
    after: 'après une période',
    schedule: 'Marge attendue par période',
    sc: { t: 't', surv: 'rétention^t', disc: 'actualisation', value: 'marge attendue' },
    reading: (v: string, m: string | null): string => `Un client vaut ${v} sur l’horizon${m ? `, soit ${m} fois la marge d’une période` : ''}.`,
  },
};

/**
 * A customer lifetime value for people: the inputs, the value, the schedule of expected margins
 * (up to 30 periods) and a reading.
 *
 * @example
 * import { lifetimeValue } from '@satlab/survey';
 * presentLtv(lifetimeValue({ margin: 100, retentionRate: 0.8, discountRate: 0.1 }), { lang: 'fr', inputs: { margin: 100, retention: 0.8, discount: 0.1 } }).reading[0];
 * //=> 'Un client vaut 366,67 € sur l’horizon, soit 3,67 fois la marge d’une période.'
 */
export function presentLtv(r: LifetimeValueResult, opts: LtvPresentOptions = {}): Presentation {
  const lang = langOf(opts);
  const w = W[lang];
  const rows: [string, PresentedCell][] = [];
  const i = opts.inputs;
  if (i) {
    rows.push([w.rows.margin, { v: i.margin, t: formatEuro(i.margin, lang) }], [w.rows.retention, { v: i.retention, t: formatPercent(i.retention, lang) }], [w.rows.discount, { v: i.discount, t: formatPercent(i.discount, lang) }]);
  }
  rows.push([w.rows.horizon, text(r.horizon === Infinity ? w.unlimited : String(r.horizon))], [w.rows.first, text(r.firstPeriodCounted ? w.counted : w.after)], ['LTV', { v: r.value, t: formatEuro(r.value, lang) }]);
  const tables: PresentedTable[] = [{ id: 'ltv', title: '', rowHeader: true, columns: [col('item', w.item, 'label'), col('value', w.value, 'number')], rows: rows.map(([a, b]) => [text(a), b]), totalRows: [rows.length - 1] }];
  if (r.schedule && r.schedule.length <= 30) {
    tables.push({
      id: 'schedule',
      title: w.schedule,
      columns: [col('period', w.sc.t, 'count'), col('survival', w.sc.surv, 'number', 4), col('discountFactor', w.sc.disc, 'number', 4), col('value', w.sc.value, 'number', 2)],
      rows: r.schedule.map((p) => [{ v: p.period, t: String(p.period) }, { v: p.survival, t: formatNumber(p.survival, lang, 4, 4) }, { v: p.discountFactor, t: formatNumber(p.discountFactor, lang, 4, 4) }, { v: p.value, t: formatEuro(p.value, lang) }]),
    });
  }
  return {
    kind: 'ltv',
    lang,
    title: opts.labels?.title ?? w.title,
    tables,
    reading: [w.reading(formatEuro(r.value, lang), i && i.margin !== 0 ? formatNumber(r.value / i.margin, lang, 2) : null)],
    footnotes: ['LTV = Σ m·r^t/(1+i)^t.'],
    warnings: renderWarnings(r.warnings, lang),
  };
}

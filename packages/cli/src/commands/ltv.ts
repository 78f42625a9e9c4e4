import { formatEuro, formatNumber, formatPercent, textTable } from '@satlab/format';
import type { Lang } from '@satlab/format';
import type { LifetimeValueResult } from '@satlab/survey';
import { lifetimeValue } from '@satlab/survey';
import type { Command } from '../command.js';
import { printJson, stringOption } from '../command.js';
import { parseAmount, parseRate } from './_survey.js';

function human(r: LifetimeValueResult, margin: number, retention: number, discount: number, lang: Lang): string {
  const fr = lang === 'fr';
  const horizon = r.horizon === Infinity ? (fr ? 'illimité' : 'unlimited') : String(r.horizon);
  const out = [
    fr ? 'Valeur vie client (LTV)' : 'Customer lifetime value (LTV)',
    '',
    textTable(
      [
        [fr ? 'Marge par période' : 'Margin per period', formatEuro(margin, lang)],
        [fr ? 'Taux de rétention' : 'Retention rate', formatPercent(retention, lang)],
        [fr ? 'Taux d’actualisation' : 'Discount rate', formatPercent(discount, lang)],
        [fr ? 'Horizon (périodes)' : 'Horizon (periods)', horizon],
        [fr ? 'Première marge' : 'First margin', r.firstPeriodCounted ? (fr ? 'comptée en t = 0' : 'counted at t = 0') : fr ? 'après une période' : 'after one period'],
        ['LTV', formatEuro(r.value, lang)],
      ],
      { align: ['left', 'right'] },
    ),
  ];
  if (r.schedule && r.schedule.length <= 30) {
    out.push('', textTable(r.schedule.map((p) => [String(p.period), formatNumber(p.survival, lang, 4, 4), formatNumber(p.discountFactor, lang, 4, 4), formatEuro(p.value, lang)]), { header: fr ? ['t', 'rétention^t', 'actualisation', 'marge attendue'] : ['t', 'retention^t', 'discount', 'expected margin'] }));
  }
  out.push('', fr ? 'LTV = Σ m·r^t/(1+i)^t.' : 'LTV = Σ m·r^t/(1+i)^t.');
  return out.join('\n') + '\n';
}

const command: Command = {
  name: 'ltv',
  summary: { en: 'customer lifetime value from margin, retention and discount rate', fr: 'valeur vie client à partir de la marge, de la rétention et du taux d’actualisation' },
  usage: ['ltv --margin <€> --retention-rate <r> --discount-rate <i> [--horizon <periods>] [--first-period-not-counted] [--json]'],
  options: {
    margin: { type: 'string', arg: '<€>', description: { en: 'margin per customer per period', fr: 'marge par client et par période' } },
    'retention-rate': { type: 'string', arg: '<rate>', description: { en: 'retention rate per period (0.8 or 80%)', fr: 'taux de rétention par période (0,8 ou 80%)' } },
    'discount-rate': { type: 'string', arg: '<rate>', description: { en: 'discount rate per period (0.1 or 10%)', fr: 'taux d’actualisation par période (0,1 ou 10%)' } },
    horizon: { type: 'string', arg: '<periods>', description: { en: 'number of periods (default unlimited)', fr: 'nombre de périodes (défaut : illimité)' } },
    'first-period-not-counted': { type: 'boolean', description: { en: 'first margin after one retention step (Gupta & Lehmann)', fr: 'première marge après une période de rétention (Gupta & Lehmann)' } },
  },
  run(ctx) {
    const margin = parseAmount(stringOption(ctx, 'margin', true), 'margin');
    const retention = parseRate(stringOption(ctx, 'retention-rate', true), 'retention-rate');
    const discount = parseRate(stringOption(ctx, 'discount-rate', true), 'discount-rate');
    const h = stringOption(ctx, 'horizon');
    const r = lifetimeValue({ margin, retentionRate: retention, discountRate: discount, ...(h !== undefined ? { horizon: Number(h) } : {}), firstPeriodCounted: ctx.values['first-period-not-counted'] !== true });
    if (ctx.json) return printJson(ctx, r);
    ctx.stdout.write(human(r, margin, retention, discount, ctx.lang));
  },
};
export default command;

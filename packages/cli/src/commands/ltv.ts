import { lifetimeValue } from '@satlab/survey';
import { presentLtv } from '@satlab/present';
import type { Command } from '../command.js';
import { printJson, printPresentation, stringOption } from '../command.js';
import { parseAmount, parseRate } from './_survey.js';


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
    printPresentation(ctx, presentLtv(r, { lang: ctx.lang, inputs: { margin: margin, retention: retention, discount: discount } }));
  },
};
export default command;

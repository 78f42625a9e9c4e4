import { paretoConcentration } from '@satlab/survey';
import { presentPareto } from '@satlab/present';
import type { Command } from '../command.js';
import { positional, printJson, printPresentation, stringOption } from '../command.js';
import { CODEBOOK_OPTION, numberColumn, openSurvey, parseRate } from './_survey.js';


const command: Command = {
  name: 'pareto',
  summary: { en: 'revenue concentration: share of revenue from the top x % of customers (e.g. 76 % from 38 %)', fr: 'concentration du CA : part du CA des x % meilleurs clients (p. ex. 76 % avec 38 %)' },
  usage: ['pareto <file> --column <revenue-col> [--top 0.2] [--revenue-share 0.8] [--json]'],
  options: {
    column: { type: 'string', arg: '<col>', description: { en: 'revenue (or margin) per customer', fr: 'CA (ou marge) par client' } },
    top: { type: 'string', arg: '<share>', description: { en: 'share of best customers (default 0.2)', fr: 'part des meilleurs clients (défaut 0,2)' } },
    'revenue-share': { type: 'string', arg: '<share>', description: { en: 'share of revenue to explain (default 0.8)', fr: 'part du CA à expliquer (défaut 0,8)' } },
    ...CODEBOOK_OPTION,
  },
  details: {
    en: 'JSON keys: n, nMissing, total, topShare, revenueShareOfTop, revenueShare, customerShareFor, gini, curve [{ customerShare, revenueShare }], warnings.',
    fr: 'Clés JSON : n, nMissing, total, topShare, revenueShareOfTop, revenueShare, customerShareFor, gini, curve [{ customerShare, revenueShare }], warnings.',
  },
  run(ctx) {
    const file = positional(ctx, 0, 'file');
    const column = stringOption(ctx, 'column', true);
    const sf = openSurvey(ctx, file, { numeric: [column] });
    const top = stringOption(ctx, 'top');
    const share = stringOption(ctx, 'revenue-share');
    const r = paretoConcentration(numberColumn(sf, column).values, { ...(top !== undefined ? { topShare: parseRate(top, 'top') } : {}), ...(share !== undefined ? { revenueShare: parseRate(share, 'revenue-share') } : {}) });
    r.warnings.unshift(...sf.report.warnings);
    if (ctx.json) return printJson(ctx, r);
    printPresentation(ctx, presentPareto(r, { lang: ctx.lang, labels: { column: column } }));
  },
};
export default command;

import { mirrorSurvey } from '@satlab/survey';
import { presentMirror } from '@satlab/present';
import type { Command } from '../command.js';
import { positional, printJson, printPresentation, stringOption, UsageError } from '../command.js';
import { CODEBOOK_OPTION, CONFIDENCE_OPTION, confidenceOption, listOption, numberColumn, openSurvey, parseScale } from './_survey.js';
import { cliMsg } from '../messages.js';

const command: Command = {
  name: 'mirror',
  summary: { en: 'mirror survey: gaps between customers’ ratings and staff’s estimates, with significance', fr: 'enquête miroir : écarts entre notes des clients et estimations du personnel, avec significativité' },
  usage: ['mirror <customers-file> <staff-file> --columns <c1,c2,…> [--names <n1,n2,…>] [--scale 1-4] [--no-adjust] [--json]'],
  options: {
    columns: { type: 'string', arg: '<list>', description: { en: 'attribute columns, present in both files', fr: 'colonnes des critères, présentes dans les deux fichiers' } },
    names: { type: 'string', arg: '<list>', description: { en: 'display names (default: the column names)', fr: 'noms affichés (défaut : les noms de colonnes)' } },
    scale: { type: 'string', arg: '<min-max>', description: { en: 'rating scale; values outside are refused', fr: 'échelle de notation ; valeurs hors échelle refusées' } },
    'no-adjust': { type: 'boolean', description: { en: 'no Holm adjustment of the p-values across attributes', fr: 'pas d’ajustement de Holm des p-values entre critères' } },
    ...CODEBOOK_OPTION,
    ...CONFIDENCE_OPTION,
  },
  details: {
    en: 'JSON keys: attributes [{ name, nCustomers, customerMean, nStaff, staffMean, gap (staff − customers), ci, statistic, df, pValue, pAdjusted,\nsignificant, reading }], meanGap, meanAbsoluteGap, alpha, adjust, warnings.',
    fr: 'Clés JSON : attributes [{ name, nCustomers, customerMean, nStaff, staffMean, gap (personnel − clients), ci, statistic, df, pValue, pAdjusted,\nsignificant, reading }], meanGap, meanAbsoluteGap, alpha, adjust, warnings.',
  },
  run(ctx) {
    const customersFile = positional(ctx, 0, 'customers-file');
    const staffFile = positional(ctx, 1, 'staff-file');
    const columns = listOption(ctx, 'columns');
    if (!columns) throw new UsageError(cliMsg.missingOption({ option: 'columns' }));
    const names = listOption(ctx, 'names') ?? columns;
    if (names.length !== columns.length) throw new UsageError(cliMsg.namesCount({ names: names.length, columns: columns.length }));
    const cust = openSurvey(ctx, customersFile, { numeric: columns });
    const staff = openSurvey(ctx, staffFile, { numeric: columns });
    const scaleOpt = stringOption(ctx, 'scale');
    const r = mirrorSurvey(
      {
        attributes: columns.map((c, j) => {
          const a = numberColumn(cust, c), b = numberColumn(staff, c);
          return { name: names[j], customers: a.values, staff: b.values, customersSource: a.source, staffSource: b.source };
        }),
      },
      { confidence: confidenceOption(ctx), adjust: ctx.values['no-adjust'] === true ? 'none' : 'holm', ...(scaleOpt !== undefined ? { scale: parseScale(scaleOpt) } : {}) },
    );
    r.warnings.unshift(...cust.report.warnings, ...staff.report.warnings);
    if (ctx.json) return printJson(ctx, r);
    printPresentation(ctx, presentMirror(r, { lang: ctx.lang }));
  },
};
export default command;

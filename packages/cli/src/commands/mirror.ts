import { formatCount, formatNumber, formatPercent, formatPValue, textTable } from '@satlab/format';
import type { Lang } from '@satlab/format';
import type { MirrorResult } from '@satlab/survey';
import { mirrorSurvey } from '@satlab/survey';
import type { Command } from '../command.js';
import { positional, printJson, stringOption, UsageError } from '../command.js';
import { CODEBOOK_OPTION, CONFIDENCE_OPTION, confidenceOption, listOption, numberColumn, openSurvey, parseScale, warningsBlock } from './_survey.js';

const READING = {
  'staff-overestimate': { en: 'staff overestimate', fr: 'surestimé par le personnel' },
  'staff-underestimate': { en: 'internal devaluation', fr: 'dévalorisation interne' },
  aligned: { en: 'aligned', fr: 'aligné' },
};

function human(r: MirrorResult, lang: Lang): string {
  const fr = lang === 'fr';
  const f2 = (x: number): string => formatNumber(x, lang, 2, 2);
  const conf = formatPercent(r.confidence, lang, 0);
  const rows = r.attributes.map((a) => [
    a.name,
    formatCount(a.nCustomers, lang),
    f2(a.customerMean),
    formatCount(a.nStaff, lang),
    f2(a.staffMean),
    (a.gap > 0 ? '+' : '') + f2(a.gap),
    `[${f2(a.ci[0])} ; ${f2(a.ci[1])}]`,
    formatPValue(a.pAdjusted, lang),
    READING[a.reading][lang],
  ]);
  const out = [
    fr ? 'Enquête miroir — écart personnel − clients par critère (test t de Welch)' : 'Mirror survey — staff − customer gap per attribute (Welch t-test)',
    '',
    textTable(rows, {
      header: fr
        ? ['critère', 'n clients', 'moy. clients', 'n personnel', 'moy. personnel', 'écart', `IC ${conf}`, r.adjust === 'holm' ? 'p (Holm)' : 'p', 'lecture']
        : ['attribute', 'n customers', 'customer mean', 'n staff', 'staff mean', 'gap', `${conf} CI`, r.adjust === 'holm' ? 'p (Holm)' : 'p', 'reading'],
      align: ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'left'],
    }),
    '',
    fr
      ? `Écart moyen : ${(r.meanGap > 0 ? '+' : '') + f2(r.meanGap)} (écart absolu moyen ${f2(r.meanAbsoluteGap)}). Un écart positif : le personnel croit ses clients plus satisfaits qu’ils ne le sont ; négatif : dévalorisation interne.`
      : `Mean gap: ${(r.meanGap > 0 ? '+' : '') + f2(r.meanGap)} (mean absolute gap ${f2(r.meanAbsoluteGap)}). Positive: staff think customers are more satisfied than they are; negative: internal devaluation.`,
  ];
  out.push(...warningsBlock(r.warnings, lang));
  return out.join('\n') + '\n';
}

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
    if (!columns) throw new UsageError('missing required option --columns');
    const names = listOption(ctx, 'names') ?? columns;
    if (names.length !== columns.length) throw new UsageError(`--names lists ${names.length} names but --columns lists ${columns.length}`);
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
    ctx.stdout.write(human(r, ctx.lang));
  },
};
export default command;

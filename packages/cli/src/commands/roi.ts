import { formatCount, formatEuro, formatNumber, formatPercent, textTable } from '@satlab/format';
import type { Lang } from '@satlab/format';
import type { RetentionRoiInput, RetentionRoiResult, RoiSensitivityResult } from '@satlab/survey';
import { retentionRoi, retentionRoiSensitivity } from '@satlab/survey';
import type { Command, CommandContext } from '../command.js';
import { printJson, stringOption } from '../command.js';
import { listOption, parseAmount, parseRate, warningsBlock } from './_survey.js';

const INPUTS: { key: keyof RetentionRoiInput; option: string; rate: boolean; en: string; fr: string }[] = [
  { key: 'surveyed', option: 'surveyed', rate: false, en: 'Customers surveyed per year', fr: 'Nombre de sondés ciblés/an' },
  { key: 'responseRate', option: 'response-rate', rate: true, en: 'Average response rate', fr: 'Taux de réponse moyen' },
  { key: 'dissatisfiedRate', option: 'dissatisfied-rate', rate: true, en: 'Share of dissatisfied customers', fr: 'Taux de clients insatisfaits' },
  { key: 'retentionRate', option: 'retention-rate', rate: true, en: 'Dissatisfied customers kept (gain vs no action)', fr: 'Taux de conservation de clients insatisfaits (gain vs aucune action)' },
  { key: 'acquisitionCost', option: 'acquisition-cost', rate: false, en: 'Cost of acquiring a new customer', fr: 'Coût d’acquisition d’un client nouveau' },
  { key: 'annualRevenue', option: 'annual-revenue', rate: false, en: 'Average annual revenue per customer', fr: 'CA moyen annuel par client' },
  { key: 'processCost', option: 'process-cost', rate: false, en: 'Annual cost of the survey process', fr: 'Coût annuel process enquête' },
];

function readInputs(ctx: CommandContext): RetentionRoiInput {
  const out: Partial<RetentionRoiInput> = {};
  for (const i of INPUTS) {
    const s = stringOption(ctx, i.option, true);
    out[i.key] = i.rate ? parseRate(s, i.option) : parseAmount(s, i.option);
  }
  return out as RetentionRoiInput;
}

function human(r: RetentionRoiResult, s: RoiSensitivityResult, lang: Lang): string {
  const fr = lang === 'fr';
  const euro0 = (x: number): string => formatEuro(x, lang, 0);
  const euro2 = (x: number): string => formatEuro(x, lang, 2);
  const pct = (x: number): string => formatPercent(x, lang, Number.isInteger(Math.round(x * 1e6) / 1e4) ? 0 : 1);
  const count = (x: number): string => (Number.isInteger(x) ? formatCount(x, lang) : formatNumber(x, lang, 2));
  const inRows = INPUTS.map((i) => {
    const v = r.inputs[i.key];
    return [fr ? i.fr : i.en, i.rate ? pct(v) : i.key === 'surveyed' ? count(v) : euro0(v)];
  });
  const out: string[] = [];
  out.push(fr ? 'ROI process Écoute Clients — calculateur du CA conservé via le suivi des clients insatisfaits' : 'Customer-listening ROI — revenue kept by following up dissatisfied customers');
  out.push('', textTable(inRows, { align: ['left', 'right'] }));
  out.push('', fr ? 'Calcul du CA récupéré' : 'Revenue recovered');
  out.push(
    textTable(
      [
        [fr ? 'Nombre de répondants' : 'Respondents', count(r.respondents)],
        [fr ? 'Nombre de clients insatisfaits détectés' : 'Dissatisfied customers detected', count(r.dissatisfiedDetected)],
        [fr ? 'Nombre de clients insatisfaits conservés' : 'Dissatisfied customers kept', count(r.customersRetained)],
      ],
      { align: ['left', 'right'] },
    ),
  );
  out.push('', fr ? 'CA' : 'Revenue');
  out.push(
    textTable(
      [
        [fr ? 'Économie réalisée en gain de clients' : 'Acquisition cost saved', euro2(r.acquisitionSavings)],
        [fr ? 'CA conservé' : 'Revenue kept', euro2(r.revenueKept)],
        [fr ? 'Total revenu' : 'Total gain', euro2(r.totalGain)],
        [fr ? 'Coût annuel process enquête' : 'Survey process cost', euro2(-r.processCost)],
        [fr ? 'TOTAL ROI annuel' : 'ANNUAL ROI (net gain)', euro2(r.roi)],
      ],
      { align: ['left', 'right'] },
    ),
  );
  out.push(
    '',
    fr
      ? `Gain net par euro investi : ${formatNumber(r.roiRatio, lang, 2)}. Seuil de rentabilité : taux de conservation ${formatPercent(r.breakEvenRetentionRate, lang, 1)} (à taux de réponse constant), taux de réponse ${formatPercent(r.breakEvenResponseRate, lang, 1)} (à taux de conservation constant).`
      : `Net gain per euro spent: ${formatNumber(r.roiRatio, lang, 2)}. Break-even: retention rate ${formatPercent(r.breakEvenRetentionRate, lang, 1)} (response rate fixed), response rate ${formatPercent(r.breakEvenResponseRate, lang, 1)} (retention rate fixed).`,
  );
  out.push('', fr ? 'Sensibilité du ROI annuel (lignes : taux de conservation ; colonnes : taux de réponse ; * = hypothèse saisie)' : 'Sensitivity of the annual ROI (rows: retention rate; columns: response rate; * = the inputs)');
  const header = [fr ? 'conservation \\ réponse' : 'retention \\ response', ...s.responseRates.map((x) => pct(x))];
  const rows = s.retentionRates.map((rr, i) => [pct(rr), ...s.roi[i].map((v, j) => `${i === s.base.row && j === s.base.col ? '*' : ''}${euro0(v)}`)]);
  out.push(textTable(rows, { header }));
  out.push(...warningsBlock(r.warnings, lang));
  return out.join('\n') + '\n';
}

const command: Command = {
  name: 'roi',
  summary: { en: 'retention ROI of following up dissatisfied customers (seed-000 calculator)', fr: 'ROI de la conservation des clients insatisfaits (calculateur du document 000)' },
  usage: ['roi --surveyed 12000 --response-rate 0.15 --dissatisfied-rate 0.2 --retention-rate 0.7 --acquisition-cost 50 --annual-revenue 250 --process-cost 24000 [--json]'],
  options: {
    surveyed: { type: 'string', arg: '<n>', description: { en: 'customers surveyed per year', fr: 'nombre de sondés ciblés par an' } },
    'response-rate': { type: 'string', arg: '<rate>', description: { en: 'average response rate (0.15 or 15%)', fr: 'taux de réponse moyen (0,15 ou 15%)' } },
    'dissatisfied-rate': { type: 'string', arg: '<rate>', description: { en: 'share of dissatisfied respondents', fr: 'taux de clients insatisfaits' } },
    'retention-rate': { type: 'string', arg: '<rate>', description: { en: 'share of detected dissatisfied customers kept thanks to the follow-up', fr: 'taux de conservation des clients insatisfaits détectés' } },
    'acquisition-cost': { type: 'string', arg: '<€>', description: { en: 'cost of acquiring a new customer', fr: 'coût d’acquisition d’un client nouveau' } },
    'annual-revenue': { type: 'string', arg: '<€>', description: { en: 'average annual revenue per customer', fr: 'CA moyen annuel par client' } },
    'process-cost': { type: 'string', arg: '<€>', description: { en: 'annual cost of the survey process', fr: 'coût annuel du process d’enquête' } },
    'whole-customers': { type: 'boolean', description: { en: 'round counts down to whole customers', fr: 'arrondir les effectifs à des clients entiers' } },
    'retention-rates': { type: 'string', arg: '<list>', description: { en: 'rows of the sensitivity table (default 0.3,…,0.9)', fr: 'lignes du tableau de sensibilité (défaut 0,3…0,9)' } },
    'response-rates': { type: 'string', arg: '<list>', description: { en: 'columns of the sensitivity table (default 0.05,…,0.30)', fr: 'colonnes du tableau de sensibilité (défaut 0,05…0,30)' } },
  },
  details: {
    en: 'JSON keys: respondents, dissatisfiedDetected, customersRetained, acquisitionSavings, revenueKept, totalGain, roi (net gain, €),\nprocessCost, roiRatio, breakEvenRetentionRate, breakEvenResponseRate, inputs, sensitivity { retentionRates, responseRates, roi[row][col], base }, warnings.',
    fr: 'Clés JSON : respondents, dissatisfiedDetected, customersRetained, acquisitionSavings, revenueKept, totalGain, roi (gain net, €),\nprocessCost, roiRatio, breakEvenRetentionRate, breakEvenResponseRate, inputs, sensitivity { retentionRates, responseRates, roi[ligne][colonne], base }, warnings.',
  },
  run(ctx) {
    const input = readInputs(ctx);
    const opts = { wholeCustomers: ctx.values['whole-customers'] === true };
    const rates = (name: string): number[] | undefined => listOption(ctx, name)?.map((s) => parseRate(s, name));
    const r = retentionRoi(input, opts);
    const retentionRates = rates('retention-rates');
    const responseRates = rates('response-rates');
    const s = retentionRoiSensitivity(input, { ...opts, ...(retentionRates ? { retentionRates } : {}), ...(responseRates ? { responseRates } : {}) });
    if (ctx.json) return printJson(ctx, { ...r, sensitivity: s });
    ctx.stdout.write(human(r, s, ctx.lang));
  },
};
export default command;

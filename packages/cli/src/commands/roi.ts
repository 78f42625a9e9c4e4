import type { RetentionRoiInput } from '@satlab/survey';
import { retentionRoi, retentionRoiSensitivity } from '@satlab/survey';
import { presentRoi } from '@satlab/present';
import type { Command, CommandContext } from '../command.js';
import { printJson, printPresentation, stringOption } from '../command.js';
import { listOption, parseAmount, parseRate } from './_survey.js';

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


const command: Command = {
  name: 'roi',
  summary: { en: 'retention ROI of following up dissatisfied customers (AMARC/Eloquant calculator)', fr: 'ROI de la conservation des clients insatisfaits (calculateur AMARC/Eloquant)' },
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
    printPresentation(ctx, presentRoi(r, { lang: ctx.lang, sensitivity: s }));
  },
};
export default command;

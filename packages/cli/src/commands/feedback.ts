import { basename } from 'node:path';
import type { RoiInputs } from '@satlab/alerts';
import { feedbackRoi, loadOutcomes, measureRetention, SEED_ASSUMED_RETENTION, SEED_ROI_INPUTS } from '@satlab/alerts';
import { presentFeedback } from '@satlab/present';
import type { Command, CommandContext } from '../command.js';
import { positional, printJson, printPresentation, stringOption, UsageError } from '../command.js';
import { cliMsg } from '../messages.js';
import { CONFIDENCE_OPTION, confidenceOption, parseRate, readInput } from './_survey.js';

const ROI_OPTIONS: { key: keyof RoiInputs; option: string; rate: boolean }[] = [
  { key: 'surveyed', option: 'roi-surveyed', rate: false },
  { key: 'responseRate', option: 'roi-response-rate', rate: true },
  { key: 'dissatisfiedRate', option: 'roi-dissatisfied-rate', rate: true },
  { key: 'acquisitionCost', option: 'roi-acquisition-cost', rate: false },
  { key: 'annualRevenue', option: 'roi-annual-revenue', rate: false },
  { key: 'processCost', option: 'roi-process-cost', rate: false },
];

function amount(s: string, option: string): number {
  const x = Number(s.trim().replace(/[\s\u00a0\u202f€]/g, '').replace(',', '.'));
  if (!Number.isFinite(x)) throw new UsageError(cliMsg.notANumber({ option, value: s }));
  return x;
}

function rateOption(ctx: CommandContext, option: string): number | undefined {
  const s = stringOption(ctx, option);
  return s === undefined ? undefined : parseRate(s, option);
}


const command: Command = {
  name: 'feedback',
  summary: { en: 'measured retention of treated vs untreated dissatisfied customers, and the real ROI', fr: 'conservation mesurée des insatisfaits traités ou non, et le ROI réel' },
  usage: ['feedback <outcomes.csv> [--roi-surveyed 12000] [--roi-response-rate 0.15] [--roi-dissatisfied-rate 0.2] [--roi-acquisition-cost 50] [--roi-annual-revenue 250] [--roi-process-cost 24000] [--assumed-retention 0.7] [--json]'],
  options: {
    'roi-surveyed': { type: 'string', arg: '<n>', description: { en: 'customers surveyed per year (default 12000, AMARC/Eloquant calculator)', fr: 'nombre de sondés ciblés par an (défaut 12000, calculateur AMARC/Eloquant)' } },
    'roi-response-rate': { type: 'string', arg: '<rate>', description: { en: 'average response rate (default 0.15)', fr: 'taux de réponse moyen (défaut 0,15)' } },
    'roi-dissatisfied-rate': { type: 'string', arg: '<rate>', description: { en: 'share of dissatisfied respondents (default 0.2)', fr: 'taux de clients insatisfaits (défaut 0,2)' } },
    'roi-acquisition-cost': { type: 'string', arg: '<€>', description: { en: 'cost of acquiring a new customer (default 50)', fr: 'coût d’acquisition d’un client nouveau (défaut 50)' } },
    'roi-annual-revenue': { type: 'string', arg: '<€>', description: { en: 'average annual revenue per customer (default 250)', fr: 'CA moyen annuel par client (défaut 250)' } },
    'roi-process-cost': { type: 'string', arg: '<€>', description: { en: 'annual cost of the survey process (default 24000)', fr: 'coût annuel du process d’enquête (défaut 24000)' } },
    'assumed-retention': { type: 'string', arg: '<rate>', description: { en: 'assumed retention gain of the calculator (default 0.7)', fr: 'taux de conservation supposé du calculateur (défaut 0,7)' } },
    'measured-dissatisfied-rate': { type: 'string', arg: '<rate>', description: { en: 'measured share of dissatisfied respondents (e.g. flaggedShare of satlab alerts), for the measured chain', fr: 'part mesurée d’insatisfaits (p. ex. flaggedShare de satlab alerts), pour le calcul mesuré' } },
    'measured-response-rate': { type: 'string', arg: '<rate>', description: { en: 'measured response rate, for the measured chain', fr: 'taux de réponse mesuré, pour le calcul mesuré' } },
    'not-random': { type: 'boolean', description: { en: 'treated customers were not drawn at random (adds a selection-bias warning)', fr: 'les clients traités n’ont pas été tirés au hasard (ajoute un avertissement de biais de sélection)' } },
    id: { type: 'string', arg: '<col>', description: { en: 'customer id column (default customer_id)', fr: 'colonne identifiant client (défaut customer_id)' } },
    ...CONFIDENCE_OPTION,
  },
  details: {
    en: 'Outcome file: customer_id,treated(oui/non),outcome(kept/left) — the list of satlab alerts --out with those columns filled in.\nJSON keys: treated, untreated ({n, kept, left, rate, ci}), uplift, upliftCi, test, fisher, preferredTest, pValue, n, excluded, simulated,\nroi { assumed, measured, measuredLow, measuredHigh, usedRetentionRate, difference }, warnings.',
    fr: 'Fichier de résultats : customer_id,treated(oui/non),outcome(kept/left) — la liste de satlab alerts --out, colonnes remplies.\nClés JSON : treated, untreated ({n, kept, left, rate, ci}), uplift, upliftCi, test, fisher, preferredTest, pValue, n, excluded, simulated,\nroi { assumed, measured, measuredLow, measuredHigh, usedRetentionRate, difference }, warnings.',
  },
  run(ctx) {
    const file = positional(ctx, 0, 'outcomes.csv');
    const id = stringOption(ctx, 'id');
    const outcomes = loadOutcomes({ name: file, bytes: readInput(ctx, file) }, id ? { idColumn: id } : {});
    const fb = measureRetention(outcomes, { confidence: confidenceOption(ctx), assignment: ctx.values['not-random'] === true ? 'other' : 'random' });
    const inputs: Partial<RoiInputs> = {};
    for (const o of ROI_OPTIONS) {
      const s = stringOption(ctx, o.option);
      if (s !== undefined) inputs[o.key] = o.rate ? parseRate(s, o.option) : amount(s, o.option);
    }
    const assumed = rateOption(ctx, 'assumed-retention');
    const md = rateOption(ctx, 'measured-dissatisfied-rate');
    const mr = rateOption(ctx, 'measured-response-rate');
    const roi = feedbackRoi(fb, {
      inputs: { ...SEED_ROI_INPUTS, ...inputs },
      assumedRetentionRate: assumed ?? SEED_ASSUMED_RETENTION,
      ...(md !== undefined ? { measuredDissatisfiedRate: md } : {}),
      ...(mr !== undefined ? { measuredResponseRate: mr } : {}),
    });
    if (ctx.json) {
      const { method: _m, ...rest } = fb;
      return printJson(ctx, {
        outcomes: file,
        method: fb.method,
        ...rest,
        roi: { method: roi.method, assumedRetentionRate: roi.assumedRetentionRate, measuredRetentionRate: roi.measuredRetentionRate, usedRetentionRate: roi.usedRetentionRate, assumed: roi.assumed, measured: roi.measured, measuredLow: roi.measuredLow, measuredHigh: roi.measuredHigh, difference: roi.difference },
        warnings: [...new Map([...fb.warnings, ...roi.warnings].map((w) => [w.text, w])).values()],
      });
    }
    printPresentation(ctx, presentFeedback(fb, { lang: ctx.lang, roi, labels: { source: basename(file) } }));
  },
};
export default command;

import { basename } from 'node:path';
import type { FeedbackRoiResult, RetentionFeedback, RoiInputs } from '@satlab/alerts';
import { feedbackRoi, loadOutcomes, measureRetention, SEED_ASSUMED_RETENTION, SEED_ROI_INPUTS } from '@satlab/alerts';
import type { Lang } from '@satlab/format';
import { formatCount, formatEuro, formatNumber, formatPercent, formatPValue, textTable } from '@satlab/format';
import type { RetentionRoiResult } from '@satlab/survey';
import type { Command, CommandContext } from '../command.js';
import { positional, printJson, stringOption, UsageError } from '../command.js';
import { CONFIDENCE_OPTION, confidenceOption, parseRate, readInput, warningsBlock } from './_survey.js';

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
  if (!Number.isFinite(x)) throw new UsageError(`--${option} must be a number, got "${s}"`);
  return x;
}

function rateOption(ctx: CommandContext, option: string): number | undefined {
  const s = stringOption(ctx, option);
  return s === undefined ? undefined : parseRate(s, option);
}

function human(file: string, fb: RetentionFeedback, roi: FeedbackRoiResult, lang: Lang): string {
  const fr = lang === 'fr';
  const pct = (x: number, d = 1): string => (Number.isNaN(x) ? '—' : formatPercent(x, lang, d));
  const conf = formatPercent(fb.confidence, lang, 0);
  const out: string[] = [];
  if (fb.simulated) out.push(fr ? '*** SIMULATION — résultats simulés (simulateOutcomes), aucun client n’a été appelé ***' : '*** SIMULATION — simulated outcomes (simulateOutcomes), no customer was called ***', '');
  out.push(fr ? `Retour sur le traitement des insatisfaits — ${basename(file)}` : `Feedback on dissatisfied-customer handling — ${basename(file)}`);
  out.push(fr ? `Clients avec un résultat connu : ${formatCount(fb.n, lang)} · lignes écartées : ${formatCount(fb.excluded, lang)}` : `Customers with a known outcome: ${formatCount(fb.n, lang)} · rows set aside: ${formatCount(fb.excluded, lang)}`);
  out.push('');
  const row = (name: string, g: RetentionFeedback['treated']): string[] => [name, formatCount(g.n, lang), formatCount(g.kept, lang), formatCount(g.left, lang), pct(g.rate), g.n > 0 ? `${pct(g.ci[0])} – ${pct(g.ci[1])}` : '—'];
  out.push(
    textTable([row(fr ? 'traités (rappelés)' : 'treated (called back)', fb.treated), row(fr ? 'non traités' : 'untreated', fb.untreated)], {
      header: fr ? ['groupe', 'clients', 'conservés', 'partis', 'conservation', `IC ${conf} (Wilson)`] : ['group', 'customers', 'kept', 'left', 'retention', `${conf} CI (Wilson)`],
      align: ['left', 'right', 'right', 'right', 'right', 'right'],
    }),
  );
  out.push('');
  if (Number.isNaN(fb.uplift)) out.push(fr ? 'Gain de conservation : non mesurable (un groupe est vide).' : 'Retention gain: cannot be measured (a group is empty).');
  else {
    const pts = (x: number): string => formatNumber(100 * x, lang, 1);
    const p = (x: number): string => {
      const f = formatPValue(x, lang);
      return /^[<>≤≥]/.test(f) ? `p ${f}` : `p = ${f}`;
    };
    const tests = fr
      ? `test z de deux proportions ${p(fb.test!.pValue)} ; test exact de Fisher ${p(fb.fisher!.pValue)} (à lire : ${fb.preferredTest === 'fisher exact test' ? 'Fisher' : 'test z'})`
      : `two-proportion z test ${p(fb.test!.pValue)}; Fisher's exact test ${p(fb.fisher!.pValue)} (read: ${fb.preferredTest === 'fisher exact test' ? 'Fisher' : 'z test'})`;
    out.push(
      fr
        ? `Taux de conservation mesuré (gain vs aucune action) = traités − non traités = ${pts(fb.uplift)} points [IC ${conf} : ${pts(fb.upliftCi[0])} ; ${pts(fb.upliftCi[1])}]`
        : `Measured retention rate (gain vs no action) = treated − untreated = ${pts(fb.uplift)} points [${conf} CI: ${pts(fb.upliftCi[0])}, ${pts(fb.upliftCi[1])}]`,
    );
    out.push(tests);
  }
  out.push('');
  out.push(fr ? 'ROI process Écoute Clients (calculateur du document 000) : hypothèse et mesure côte à côte' : 'Customer-listening ROI (seed 000 calculator): assumed and measured side by side');
  const chains: [string, RetentionRoiResult | null][] = [
    [fr ? 'hypothèse' : 'assumed', roi.assumed],
    [fr ? 'mesuré' : 'measured', roi.measured],
    [fr ? `mesuré, borne basse` : 'measured, low bound', roi.measuredLow],
    [fr ? `mesuré, borne haute` : 'measured, high bound', roi.measuredHigh],
  ];
  const shown = chains.filter(([, c]) => c !== null) as [string, RetentionRoiResult][];
  const count = (x: number): string => (Number.isInteger(x) ? formatCount(x, lang) : formatNumber(x, lang, 1));
  const euro = (x: number): string => formatEuro(x, lang, 2);
  const lines: [string, (c: RetentionRoiResult) => string][] = [
    [fr ? 'Taux de réponse moyen' : 'Average response rate', (c) => pct(c.inputs.responseRate)],
    [fr ? 'Taux de clients insatisfaits' : 'Share of dissatisfied customers', (c) => pct(c.inputs.dissatisfiedRate)],
    [fr ? 'Taux de conservation (gain vs aucune action)' : 'Retention rate (gain vs no action)', (c) => pct(c.inputs.retentionRate)],
    [fr ? 'Nombre de clients insatisfaits détectés' : 'Dissatisfied customers detected', (c) => count(c.dissatisfiedDetected)],
    [fr ? 'Nombre de clients insatisfaits conservés' : 'Dissatisfied customers kept', (c) => count(c.customersRetained)],
    [fr ? 'Économie réalisée en gain de clients' : 'Acquisition cost saved', (c) => euro(c.acquisitionSavings)],
    [fr ? 'CA conservé' : 'Revenue kept', (c) => euro(c.revenueKept)],
    [fr ? 'Total revenu' : 'Total gain', (c) => euro(c.totalGain)],
    [fr ? 'Coût annuel process enquête' : 'Survey process cost', (c) => euro(-c.processCost)],
    [fr ? 'TOTAL ROI annuel' : 'ANNUAL ROI (net gain)', (c) => euro(c.roi)],
  ];
  out.push(
    textTable(
      lines.map(([label, f]) => [label, ...shown.map(([, c]) => f(c))]),
      { header: ['', ...shown.map(([n]) => n)], align: ['left', ...shown.map(() => 'right' as const)] },
    ),
  );
  out.push(
    '',
    fr
      ? `Données communes : ${formatCount(roi.assumed.inputs.surveyed, lang)} sondés/an, coût d’acquisition ${formatEuro(roi.assumed.inputs.acquisitionCost, lang, 0)}, CA annuel ${formatEuro(roi.assumed.inputs.annualRevenue, lang, 0)} par client. Seuil de rentabilité : taux de conservation ${pct((roi.measured ?? roi.assumed).breakEvenRetentionRate)}.`
      : `Shared inputs: ${formatCount(roi.assumed.inputs.surveyed, lang)} surveyed a year, acquisition cost ${formatEuro(roi.assumed.inputs.acquisitionCost, lang, 0)}, annual revenue ${formatEuro(roi.assumed.inputs.annualRevenue, lang, 0)} per customer. Break-even retention rate: ${pct((roi.measured ?? roi.assumed).breakEvenRetentionRate)}.`,
  );
  out.push(...warningsBlock([...fb.warnings, ...roi.warnings, ...roi.assumed.warnings], lang));
  return out.join('\n') + '\n';
}

const command: Command = {
  name: 'feedback',
  summary: { en: 'measured retention of treated vs untreated dissatisfied customers, and the real ROI', fr: 'conservation mesurée des insatisfaits traités ou non, et le ROI réel' },
  usage: ['feedback <outcomes.csv> [--roi-surveyed 12000] [--roi-response-rate 0.15] [--roi-dissatisfied-rate 0.2] [--roi-acquisition-cost 50] [--roi-annual-revenue 250] [--roi-process-cost 24000] [--assumed-retention 0.7] [--json]'],
  options: {
    'roi-surveyed': { type: 'string', arg: '<n>', description: { en: 'customers surveyed per year (default 12000, seed 000)', fr: 'nombre de sondés ciblés par an (défaut 12000, document 000)' } },
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
    ctx.stdout.write(human(file, fb, roi, ctx.lang));
  },
};
export default command;

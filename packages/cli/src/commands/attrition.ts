import { attritionVsDissatisfaction } from '@satlab/survey';
import type { Command } from '../command.js';
import { presentAttrition } from '@satlab/present';
import { positional, printJson, printPresentation, stringOption, UsageError } from '../command.js';
import { cliMsg } from '../messages.js';
import { CODEBOOK_OPTION, CONFIDENCE_OPTION, confidenceOption, DEFAULT_LEFT, DEFAULT_STAYED, flagColumn, listOption, numberColumn, openSurvey, scaleOption, segmentOptions } from './_survey.js';


const command: Command = {
  name: 'attrition',
  summary: { en: 'attrition vs dissatisfaction: rates, risk ratio, the "2× dissatisfaction" rule', fr: 'attrition et insatisfaction : taux, risque relatif, règle « 2 × insatisfaction »' },
  usage: ['attrition <file> --satisfaction <col> --left <col> [--dissatisfied <values>] [--scale 1-4] [--by <col>] [--json]'],
  options: {
    satisfaction: { type: 'string', arg: '<col>', description: { en: 'satisfaction column (numbers or ordinal codes)', fr: 'colonne de satisfaction (nombres ou codes ordinaux)' } },
    left: { type: 'string', arg: '<col>', description: { en: 'left/stayed flag column (oui/non, yes/no, 1/0, true/false…)', fr: 'colonne parti/resté (oui/non, yes/no, 1/0, true/false…)' } },
    dissatisfied: { type: 'string', arg: '<values>', description: { en: 'satisfaction values that count as dissatisfied, e.g. 1,2 (default: below the scale midpoint)', fr: 'valeurs de satisfaction comptées comme insatisfaites, p. ex. 1,2 (défaut : sous le milieu de l’échelle)' } },
    scale: { type: 'string', arg: '<min-max>', description: { en: 'satisfaction scale, e.g. 1-4 (default: the codebook’s)', fr: 'échelle de satisfaction, p. ex. 1-4 (défaut : celle du codebook)' } },
    by: { type: 'string', arg: '<col>', description: { en: 'segment column (e.g. contract type)', fr: 'colonne de segment (p. ex. type de contrat)' } },
    'left-values': { type: 'string', arg: '<list>', description: { en: 'values of the flag meaning "left"', fr: 'valeurs du drapeau signifiant « parti »' } },
    'stayed-values': { type: 'string', arg: '<list>', description: { en: 'values of the flag meaning "stayed"', fr: 'valeurs du drapeau signifiant « resté »' } },
    ...CODEBOOK_OPTION,
    ...CONFIDENCE_OPTION,
  },
  details: {
    en: 'JSON keys: groups [{ name ("all" first), n, dissatisfiedRate, attritionRate, attritionAmongDissatisfied, attritionAmongSatisfied,\nriskRatio, riskRatioCI, riskRatioPValue, …CI (Wilson), counts, ruleOfThumb { factor, ratio, ci, pValue, consistent }, excluded }],\ndissatisfiedValues, confidence, warnings. A flag value that is neither a "left" nor a "stayed" value stops the command (exit 2).',
    fr: 'Clés JSON : groups [{ name (« all » d’abord), n, dissatisfiedRate, attritionRate, attritionAmongDissatisfied, attritionAmongSatisfied,\nriskRatio, riskRatioCI, riskRatioPValue, …CI (Wilson), counts, ruleOfThumb { factor, ratio, ci, pValue, consistent }, excluded }],\ndissatisfiedValues, confidence, warnings. Une valeur du drapeau qui n’est ni « parti » ni « resté » arrête la commande (code 2).',
  },
  run(ctx) {
    const file = positional(ctx, 0, 'file');
    const satCol = stringOption(ctx, 'satisfaction', true);
    const leftCol = stringOption(ctx, 'left', true);
    const by = stringOption(ctx, 'by');
    const sf = openSurvey(ctx, file, { numeric: [satCol], other: [leftCol, ...(by ? [by] : [])] });
    const sat = numberColumn(sf, satCol);
    const scale = scaleOption(ctx) ?? sat.scale;
    let dissatisfied: number[] | undefined;
    const dissList = listOption(ctx, 'dissatisfied');
    if (dissList) {
      const labels = sf.codebook?.columns[satCol]?.labels ?? {};
      dissatisfied = dissList.map((s) => {
        const x = Number(s.replace(',', '.'));
        if (Number.isFinite(x)) return x;
        const code = Object.entries(labels).find(([, l]) => l.toLowerCase() === s.toLowerCase())?.[0];
        if (code !== undefined) return Number(code);
        throw new UsageError(cliMsg.dissatisfiedValue({ value: s, column: satCol }));
      });
    } else if (!scale) throw new UsageError(cliMsg.dissatisfiedOrScale());
    const leftValues = listOption(ctx, 'left-values') ?? DEFAULT_LEFT;
    const stayedValues = listOption(ctx, 'stayed-values') ?? DEFAULT_STAYED;
    const left = flagColumn(sf, leftCol, leftValues, stayedValues);
    const segments = segmentOptions(sf, by);
    const r = attritionVsDissatisfaction(
      { satisfaction: sat.values, left },
      {
        confidence: confidenceOption(ctx),
        ...(dissatisfied ? { dissatisfied } : {}),
        ...(scale ? { scale } : {}),
        source: sat.source,
        ...segments,
      },
    );
    r.warnings.unshift(...sf.report.warnings);
    if (ctx.json) return printJson(ctx, r);
    printPresentation(ctx, presentAttrition(r, { lang: ctx.lang, labels: { satisfaction: satCol, left: leftCol, ...(by ? { by } : {}) } }));
  },
};
export default command;

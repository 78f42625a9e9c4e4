import { firstContactResolution } from '@satlab/survey';
import { presentFcr } from '@satlab/present';
import type { Command } from '../command.js';
import { positional, printJson, printPresentation, stringOption } from '../command.js';
import { CODEBOOK_OPTION, CONFIDENCE_OPTION, confidenceOption, DEFAULT_LEFT, DEFAULT_STAYED, flagColumn, listOption, openSurvey, segmentOptions } from './_survey.js';

const command: Command = {
  name: 'fcr',
  summary: { en: 'first-contact resolution rate with Wilson interval, by segment', fr: 'taux de résolution au premier contact avec intervalle de Wilson, par segment' },
  usage: ['fcr <file> --column <col> [--by <col>] [--yes-values <list>] [--no-values <list>] [--json]'],
  options: {
    column: { type: 'string', arg: '<col>', description: { en: 'resolved-at-first-contact flag (oui/non, yes/no, 1/0…)', fr: 'indicateur résolu au premier contact (oui/non, yes/no, 1/0…)' } },
    by: { type: 'string', arg: '<col>', description: { en: 'segment column', fr: 'colonne de segment' } },
    'yes-values': { type: 'string', arg: '<list>', description: { en: 'values meaning "resolved"', fr: 'valeurs signifiant « résolu »' } },
    'no-values': { type: 'string', arg: '<list>', description: { en: 'values meaning "not resolved"', fr: 'valeurs signifiant « non résolu »' } },
    ...CODEBOOK_OPTION,
    ...CONFIDENCE_OPTION,
  },
  details: {
    en: 'JSON keys: n, resolved, rate (0-1), ci [lo, hi] (Wilson), excluded (unknown outcomes), warnings; groups with --by. Empty cells are unknown;\na value in neither list stops the command (exit 2, file:line:column).',
    fr: 'Clés JSON : n, resolved, rate (0-1), ci [bas, haut] (Wilson), excluded (issues inconnues), warnings ; groups avec --by. Les cellules vides sont\ninconnues ; une valeur hors des deux listes arrête la commande (code 2, fichier:ligne:colonne).',
  },
  run(ctx) {
    const file = positional(ctx, 0, 'file');
    const column = stringOption(ctx, 'column', true);
    const by = stringOption(ctx, 'by');
    const sf = openSurvey(ctx, file, { other: [column, ...(by ? [by] : [])] });
    const flags = flagColumn(sf, column, listOption(ctx, 'yes-values') ?? DEFAULT_LEFT, listOption(ctx, 'no-values') ?? DEFAULT_STAYED, {
      yes: 'resolved',
      no: 'not resolved',
      yesOption: '--yes-values',
      noOption: '--no-values',
    });
    const segments = segmentOptions(sf, by);
    const r = firstContactResolution(flags, { confidence: confidenceOption(ctx), ...segments });
    r.warnings.unshift(...sf.report.warnings);
    if (ctx.json) return printJson(ctx, r);
    printPresentation(ctx, presentFcr(r, { lang: ctx.lang, labels: { column, ...(by ? { by } : {}) } }));
  },
};
export default command;

import { customerEffortScore } from '@satlab/survey';
import { presentCes } from '@satlab/present';
import type { Command } from '../command.js';
import { printJson, printPresentation, stringOption } from '../command.js';
import { CODEBOOK_OPTION, CONFIDENCE_OPTION, openRatingColumn, ratingOptions, scaleOption } from './_survey.js';

const command: Command = {
  name: 'ces',
  summary: { en: 'Customer Effort Score: mean and top-box share, by segment', fr: 'Customer Effort Score : moyenne et part top-box, par segment' },
  usage: ['ces <file> --column <col> [--scale 1-7] [--lower-is-easier] [--top-box 1] [--by <col>] [--json]'],
  options: {
    column: { type: 'string', arg: '<col>', description: { en: 'the effort column', fr: 'la colonne d’effort' } },
    scale: { type: 'string', arg: '<min-max>', description: { en: 'answer scale (default: the codebook’s, else 1-7)', fr: 'échelle de réponse (défaut : celle du codebook, sinon 1-7)' } },
    'lower-is-easier': { type: 'boolean', description: { en: 'low answers mean little effort (1 = very low effort)', fr: 'une note basse signifie peu d’effort (1 = très faible effort)' } },
    'top-box': { type: 'string', arg: '<k>', description: { en: 'boxes at the easy end in the top-box share (default 1)', fr: 'modalités du côté « facile » comptées dans le top-box (défaut 1)' } },
    by: { type: 'string', arg: '<col>', description: { en: 'segment column', fr: 'colonne de segment' } },
    'exclude-invalid': { type: 'boolean', description: { en: 'set aside answers outside the scale instead of stopping', fr: 'écarter les réponses hors échelle au lieu de s’arrêter' } },
    ...CODEBOOK_OPTION,
    ...CONFIDENCE_OPTION,
  },
  details: {
    en: 'JSON keys: n, mean, sd, meanCI, topBox (0-1), topBoxCount, topBoxCI, topBoxValues, scale, direction, excluded, excludedByReason, warnings; groups with --by.',
    fr: 'Clés JSON : n, mean, sd, meanCI, topBox (0-1), topBoxCount, topBoxCI, topBoxValues, scale, direction, excluded, excludedByReason, warnings ; groups avec --by.',
  },
  run(ctx) {
    const { column, by, sf, col } = openRatingColumn(ctx);
    const scale = scaleOption(ctx) ?? col.scale ?? [1, 7];
    const tb = stringOption(ctx, 'top-box');
    const r = customerEffortScore(col.values, {
      scale,
      direction: ctx.values['lower-is-easier'] === true ? 'lower-is-easier' : 'higher-is-easier',
      ...(tb !== undefined ? { topBox: Number(tb) } : {}),
      ...ratingOptions(ctx, sf, col, by),
    });
    r.warnings.unshift(...sf.report.warnings);
    if (ctx.json) return printJson(ctx, r);
    printPresentation(ctx, presentCes(r, { lang: ctx.lang, labels: { column, ...(by ? { by } : {}) } }));
  },
};
export default command;

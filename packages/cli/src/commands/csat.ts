import { csatScore } from '@satlab/survey';
import { presentCsat } from '@satlab/present';
import type { Command } from '../command.js';
import { UsageError, printJson, printPresentation, stringOption } from '../command.js';
import { CODEBOOK_OPTION, CONFIDENCE_OPTION, openRatingColumn, ratingOptions, scaleOption } from './_survey.js';
import { cliMsg } from '../messages.js';

const command: Command = {
  name: 'csat',
  summary: { en: 'CSAT: top-2-box share of satisfied customers with Wilson interval, by segment', fr: 'CSAT : part de satisfaits (top-2-box) avec intervalle de Wilson, par segment' },
  usage: ['csat <file> --column <col> --scale 1-5 [--top-box 2] [--by <col>] [--codebook <file>] [--json]'],
  options: {
    column: { type: 'string', arg: '<col>', description: { en: 'the satisfaction rating column', fr: 'la colonne de note de satisfaction' } },
    scale: { type: 'string', arg: '<min-max>', description: { en: 'rating scale, e.g. 1-5 (default: the codebook’s)', fr: 'échelle de notation, p. ex. 1-5 (défaut : celle du codebook)' } },
    'top-box': { type: 'string', arg: '<k>', description: { en: 'boxes at the top counted as satisfied (default 2)', fr: 'nombre de modalités du haut comptées comme satisfaites (défaut 2)' } },
    by: { type: 'string', arg: '<col>', description: { en: 'segment column', fr: 'colonne de segment' } },
    'exclude-invalid': { type: 'boolean', description: { en: 'set aside ratings outside the scale instead of stopping', fr: 'écarter les notes hors échelle au lieu de s’arrêter' } },
    ...CODEBOOK_OPTION,
    ...CONFIDENCE_OPTION,
  },
  details: {
    en: 'JSON keys: n, satisfied, csat (0-1), ci [lo, hi] (Wilson), mean, topBoxValues, scale, excluded, excludedByReason, warnings; groups with --by.',
    fr: 'Clés JSON : n, satisfied, csat (0-1), ci [bas, haut] (Wilson), mean, topBoxValues, scale, excluded, excludedByReason, warnings ; groups avec --by.',
  },
  run(ctx) {
    const { column, by, sf, col } = openRatingColumn(ctx);
    const scale = scaleOption(ctx) ?? col.scale;
    if (!scale) throw new UsageError(cliMsg.scaleRequired());
    const tb = stringOption(ctx, 'top-box');
    const r = csatScore(col.values, {
      scale,
      ...(tb !== undefined ? { topBox: Number(tb) } : {}),
      ...ratingOptions(ctx, sf, col, by),
    });
    r.warnings.unshift(...sf.report.warnings);
    if (ctx.json) return printJson(ctx, r);
    printPresentation(ctx, presentCsat(r, { lang: ctx.lang, labels: { column, ...(by ? { by } : {}) } }));
  },
};
export default command;

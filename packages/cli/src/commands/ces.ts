import { formatCount, formatNumber, formatPercent, textTable } from '@satlab/format';
import type { Lang } from '@satlab/format';
import type { CesResult, CesSummary } from '@satlab/survey';
import { customerEffortScore } from '@satlab/survey';
import type { Command } from '../command.js';
import { printJson, stringOption } from '../command.js';
import { CODEBOOK_OPTION, CONFIDENCE_OPTION, excludedBlock, openRatingColumn, ratingOptions, scaleOption, summaryRows, warningsBlock } from './_survey.js';

function human(r: CesResult, column: string, by: string | undefined, lang: Lang): string {
  const fr = lang === 'fr';
  const conf = formatPercent(r.confidence, lang, 0);
  const f2 = (x: number): string => formatNumber(x, lang, 2, 2);
  const row = (name: string, g: CesSummary): string[] => [
    name,
    formatCount(g.n, lang),
    f2(g.mean),
    `[${f2(g.meanCI[0])} ; ${f2(g.meanCI[1])}]`,
    formatPercent(g.topBox, lang),
    `[${formatPercent(g.topBoxCI[0], lang)} ; ${formatPercent(g.topBoxCI[1], lang)}]`,
    g.excluded > 0 ? formatCount(g.excluded, lang) : '',
  ];
  const easy = r.direction === 'higher-is-easier' ? (fr ? 'note haute = facile' : 'high = easy') : fr ? 'note basse = facile' : 'low = easy';
  const out = [
    fr ? `CES (effort client) — colonne « ${column} », échelle ${r.scale[0]}-${r.scale[1]} (${easy}), top-box = ${r.topBoxValues.join(', ')}` : `CES (customer effort) — column "${column}", scale ${r.scale[0]}-${r.scale[1]} (${easy}), top box = ${r.topBoxValues.join(', ')}`,
    '',
    textTable(summaryRows(r, lang, row), {
      header: fr ? [by ?? '', 'n', 'moyenne', `IC ${conf} (t)`, 'top-box', `IC ${conf} (Wilson)`, 'exclus'] : [by ?? '', 'n', 'mean', `${conf} CI (t)`, 'top box', `${conf} CI (Wilson)`, 'excluded'],
    }),
  ];
  out.push(...excludedBlock(r, lang));
  out.push(...warningsBlock(r.warnings, lang));
  return out.join('\n') + '\n';
}

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
    ctx.stdout.write(human(r, column, by, ctx.lang));
  },
};
export default command;

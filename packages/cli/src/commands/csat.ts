import { formatCount, formatNumber, formatPercent, textTable } from '@satlab/format';
import type { Lang } from '@satlab/format';
import type { CsatResult, CsatSummary } from '@satlab/survey';
import { csatScore } from '@satlab/survey';
import type { Command } from '../command.js';
import { printJson, stringOption, UsageError } from '../command.js';
import { CODEBOOK_OPTION, CONFIDENCE_OPTION, excludedBlock, openRatingColumn, ratingOptions, scaleOption, summaryRows, warningsBlock } from './_survey.js';

function human(r: CsatResult, column: string, by: string | undefined, lang: Lang): string {
  const fr = lang === 'fr';
  const conf = formatPercent(r.confidence, lang, 0);
  const row = (name: string, g: CsatSummary): string[] => [
    name,
    formatCount(g.n, lang),
    formatCount(g.satisfied, lang),
    formatPercent(g.csat, lang),
    `[${formatPercent(g.ci[0], lang)} ; ${formatPercent(g.ci[1], lang)}]`,
    formatNumber(g.mean, lang, 2, 2),
    g.excluded > 0 ? formatCount(g.excluded, lang) : '',
  ];
  const out = [
    fr
      ? `CSAT — colonne « ${column} », échelle ${r.scale[0]}-${r.scale[1]}, satisfaits = ${r.topBoxValues.join(', ')} (top-${r.topBoxValues.length}-box)`
      : `CSAT — column "${column}", scale ${r.scale[0]}-${r.scale[1]}, satisfied = ${r.topBoxValues.join(', ')} (top-${r.topBoxValues.length} box)`,
    '',
    textTable(summaryRows(r, lang, row), {
      header: fr ? [by ?? '', 'n', 'satisfaits', 'CSAT', `IC ${conf} (Wilson)`, 'moyenne', 'exclus'] : [by ?? '', 'n', 'satisfied', 'CSAT', `${conf} CI (Wilson)`, 'mean', 'excluded'],
    }),
  ];
  out.push(...excludedBlock(r, lang));
  out.push(...warningsBlock(r.warnings, lang));
  return out.join('\n') + '\n';
}

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
    if (!scale) throw new UsageError('--scale is required (e.g. --scale 1-5) unless the codebook declares the scale');
    const tb = stringOption(ctx, 'top-box');
    const r = csatScore(col.values, {
      scale,
      ...(tb !== undefined ? { topBox: Number(tb) } : {}),
      ...ratingOptions(ctx, sf, col, by),
    });
    r.warnings.unshift(...sf.report.warnings);
    if (ctx.json) return printJson(ctx, r);
    ctx.stdout.write(human(r, column, by, ctx.lang));
  },
};
export default command;

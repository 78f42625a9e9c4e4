import { formatCount, formatNumber, formatPercent, textTable } from '@satlab/format';
import type { Lang } from '@satlab/format';
import type { NpsResult, NpsSummary } from '@satlab/survey';
import { netPromoterScore } from '@satlab/survey';
import type { Command } from '../command.js';
import { printJson } from '../command.js';
import { CODEBOOK_OPTION, CONFIDENCE_OPTION, excludedBlock, openRatingColumn, ratingOptions, summaryRows, warningsBlock } from './_survey.js';

function row(name: string, g: NpsSummary, lang: Lang): string[] {
  const pts = (x: number): string => formatNumber(x, lang, 1);
  return [
    name,
    formatCount(g.n, lang),
    formatPercent(g.promoters, lang),
    formatPercent(g.passives, lang),
    formatPercent(g.detractors, lang),
    pts(g.nps),
    `± ${pts(g.marginOfError)}`,
    `[${pts(g.ci[0])} ; ${pts(g.ci[1])}]`,
    g.excluded > 0 ? formatCount(g.excluded, lang) : '',
  ];
}

function human(r: NpsResult, column: string, by: string | undefined, lang: Lang): string {
  const fr = lang === 'fr';
  const conf = formatPercent(r.confidence, lang, 0);
  const out: string[] = [];
  out.push(fr ? `Net Promoter Score — colonne « ${column} » (0-10 ; promoteurs 9-10, détracteurs 0-6)` : `Net Promoter Score — column "${column}" (0-10; promoters 9-10, detractors 0-6)`);
  const header = fr
    ? [by ? by : '', 'n', 'promoteurs', 'passifs', 'détracteurs', 'NPS', `marge ${conf}`, `IC ${conf}`, 'exclus']
    : [by ? by : '', 'n', 'promoters', 'passives', 'detractors', 'NPS', `margin ${conf}`, `${conf} CI`, 'excluded'];
  out.push('', textTable(summaryRows<NpsSummary>(r, lang, (name, g) => row(name, g, lang)), { header }));
  out.push(...excludedBlock(r, lang));
  if (r.unknownSegment) out.push(fr ? `Segment inconnu : ${formatCount(r.unknownSegment, lang)} répondants (comptés dans l’ensemble seulement)` : `Unknown segment: ${formatCount(r.unknownSegment, lang)} respondents (counted in "all" only)`);
  out.push(
    '',
    fr
      ? 'Marge d’erreur par la variance multinomiale : 100·z·√([(p+d) − (p−d)²]/n), en points de NPS.'
      : 'Margin of error from the multinomial variance: 100·z·√([(p+d) − (p−d)²]/n), in NPS points.',
  );
  out.push(...warningsBlock(r.warnings, lang));
  return out.join('\n') + '\n';
}

const command: Command = {
  name: 'nps',
  summary: { en: 'Net Promoter Score with its multinomial margin of error, by segment', fr: 'Net Promoter Score et sa marge d’erreur multinomiale, par segment' },
  usage: ['nps <file> --column <col> [--by <col>] [--codebook <file>] [--exclude-invalid] [--confidence 0.95] [--json]'],
  options: {
    column: { type: 'string', arg: '<col>', description: { en: 'the 0-10 recommendation column', fr: 'la colonne de recommandation 0-10' } },
    by: { type: 'string', arg: '<col>', description: { en: 'segment column (one score per segment)', fr: 'colonne de segment (un score par segment)' } },
    'exclude-invalid': { type: 'boolean', description: { en: 'set aside values that are not integers 0-10 (reported) instead of stopping', fr: 'écarter (et signaler) les valeurs qui ne sont pas des entiers de 0 à 10 au lieu de s’arrêter' } },
    ...CODEBOOK_OPTION,
    ...CONFIDENCE_OPTION,
  },
  details: {
    en: 'JSON keys: n, promoters, passives, detractors (shares 0-1), nps (-100..100), marginOfError (NPS points), ci [lo, hi], excluded,\nexcludedByReason, se, counts, confidence, warnings; with --by, groups: [{ name, same keys }].\nA value that is not an integer 0-10 stops the command (exit 2, file:line:column) unless --exclude-invalid; empty cells and\ncodebook missing codes are excluded and counted by reason.',
    fr: 'Clés JSON : n, promoters, passives, detractors (parts 0-1), nps (-100..100), marginOfError (points de NPS), ci [bas, haut], excluded,\nexcludedByReason, se, counts, confidence, warnings ; avec --by, groups : [{ name, mêmes clés }].\nUne valeur qui n’est pas un entier de 0 à 10 arrête la commande (code 2, fichier:ligne:colonne) sauf --exclude-invalid ;\nles cellules vides et les codes de non-réponse du codebook sont exclus et comptés par raison.',
  },
  run(ctx) {
    const { column, by, sf, col } = openRatingColumn(ctx);
    const r = netPromoterScore(col.values, ratingOptions(ctx, sf, col, by));
    r.warnings.unshift(...sf.report.warnings);
    if (ctx.json) return printJson(ctx, r);
    ctx.stdout.write(human(r, column, by, ctx.lang));
  },
};
export default command;

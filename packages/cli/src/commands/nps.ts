import { netPromoterScore } from '@satlab/survey';
import { presentNps } from '@satlab/present';
import type { Command } from '../command.js';
import { printJson, printPresentation } from '../command.js';
import { CODEBOOK_OPTION, CONFIDENCE_OPTION, openRatingColumn, ratingOptions } from './_survey.js';

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
    printPresentation(ctx, presentNps(r, { lang: ctx.lang, labels: { column, ...(by ? { by } : {}) } }));
  },
};
export default command;

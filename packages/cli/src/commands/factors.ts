import { numericValues } from '@satlab/data';
import { factorAnalysis } from '@satlab/drivers';
import { presentFactors } from '@satlab/present';
import type { Command } from '../command.js';
import { choiceOption, numberOption, positional, printJson, printPresentation, stringOption, UsageError } from '../command.js';
import { cliMsg } from '../messages.js';
import { columnList, loadSurvey } from './_table.js';





const command: Command = {
  name: 'factors',
  summary: { en: 'exploratory factor analysis of rating items (KMO, Bartlett, parallel analysis, rotations, alpha)', fr: 'analyse factorielle exploratoire des items (KMO, Bartlett, analyse parallèle, rotations, alpha)' },
  usage: ['factors <file> --items a,b,c [--nfactors k] [--rotate varimax|oblimin|promax|none] [--extraction minres|pa|pc] [--seed <n>] [--codebook <file>] [--json]'],
  options: {
    items: { type: 'string', arg: 'a,b,c', description: { en: 'item columns, comma-separated; "sat_*" takes every column starting with sat_', fr: 'items, séparés par des virgules ; « sat_* » prend toutes les colonnes qui commencent par sat_' } },
    nfactors: { type: 'string', arg: '<k>', description: { en: 'number of factors (default: parallel analysis)', fr: 'nombre de facteurs (défaut : analyse parallèle)' } },
    rotate: { type: 'string', arg: 'varimax|oblimin|promax|none', description: { en: 'rotation (default varimax)', fr: 'rotation (défaut varimax)' } },
    extraction: { type: 'string', arg: 'minres|pa|pc', description: { en: 'minres (default, psych::fa), pa (principal axis) or pc (principal components)', fr: 'minres (défaut, psych::fa), pa (axes principaux) ou pc (composantes principales)' } },
    seed: { type: 'string', arg: '<n>', description: { en: 'seed of the parallel analysis (default 1)', fr: 'graine de l’analyse parallèle (défaut 1)' } },
    codebook: { type: 'string', arg: '<file>', description: { en: 'codebook (YAML or JSON): missing codes, scales, labels', fr: 'codebook (YAML ou JSON) : codes manquants, échelles, libellés' } },
  },
  details: {
    en: [
      'As psych does it: KMO (psych::KMO), Bartlett (psych::cortest.bartlett), eigenvalues and seeded',
      'parallel analysis, minres/pa/pc extraction, varimax (Kaiser normalization), oblimin (GPArotation)',
      'or promax (m = 4) rotation, communalities, variance explained, Cronbach’s alpha (reverse-keyed',
      'items detected and reversed). Missing values dropped listwise.',
      'JSON: { kmo, kmoItems, bartlett: { statistic, df, pValue }, eigenvalues, loadings (items × factors),',
      '        communalities, alpha, parallel, varianceExplained, phi, warnings, … }',
      'Example:',
      '  satlab factors barometre.csv --codebook barometre.yaml --items "sat_*" --nfactors 2 --rotate oblimin',
    ].join('\n'),
    fr: [
      'Comme psych : KMO (psych::KMO), Bartlett (psych::cortest.bartlett), valeurs propres et analyse',
      'parallèle à graine, extraction minres/pa/pc, rotation varimax (normalisation de Kaiser), oblimin',
      '(GPArotation) ou promax (m = 4), communautés, variance expliquée, alpha de Cronbach (items inversés',
      'détectés et retournés). Valeurs manquantes écartées par liste.',
      'JSON : { kmo, kmoItems, bartlett: { statistic, df, pValue }, eigenvalues, loadings (items × facteurs),',
      '         communalities, alpha, parallel, varianceExplained, phi, warnings, … }',
      'Exemple :',
      '  satlab factors barometre.csv --codebook barometre.yaml --items "sat_*" --nfactors 2 --rotate oblimin',
    ].join('\n'),
  },
  run(ctx) {
    const file = positional(ctx, 0, 'file');
    if (ctx.positionals.length > 1) throw new UsageError(cliMsg.unexpectedArgument({ value: ctx.positionals[1], command: 'factors' }));
    const itemsSpec = stringOption(ctx, 'items', true);
    const rotate = choiceOption(ctx, 'rotate', ['varimax', 'oblimin', 'promax', 'none'] as const, 'varimax');
    const extraction = choiceOption(ctx, 'extraction', ['minres', 'pa', 'pc'] as const, 'minres');
    let nfactors: number | undefined;
    if (ctx.values.nfactors !== undefined) {
      nfactors = numberOption(ctx, 'nfactors');
      if (!Number.isInteger(nfactors) || nfactors < 1) throw new UsageError(cliMsg.wholeAtLeast({ option: 'nfactors', min: 1, value: String(stringOption(ctx, 'nfactors')) }));
    }
    const seed = numberOption(ctx, 'seed', 1);
    const table = loadSurvey(ctx, file);
    const names = columnList(table, itemsSpec, 'items');
    const items = Object.fromEntries(names.map((n) => [n, numericValues(table, n)]));
    const r = factorAnalysis(items, {
      nfactors,
      rotate,
      extraction,
      scores: false,
      parallel: { seed },
    });
    if (ctx.json) {
      const { kmo, alphaDetail, scores: _scores, ...rest } = r;
      void _scores;
      return printJson(ctx, {
        file,
        ...rest,
        kmo: kmo.overall,
        kmoItems: kmo.items,
        bartlett: { statistic: r.bartlett.statistic, df: r.bartlett.df, pValue: r.bartlett.pValue },
        alpha: r.alpha,
        alphaMissing: alphaDetail ? alphaDetail.missing : null,
        alphaItems: alphaDetail ? alphaDetail.items.map((it) => ({ name: it.name, reversed: it.reversed, alphaIfDropped: it.alphaIfDropped, rDrop: it.rDrop })) : null,
      });
    }
    const labels = Object.fromEntries(table.columns.flatMap((c) => (c.label ? [[c.name, c.label] as const] : [])));
    printPresentation(ctx, presentFactors(r, { lang: ctx.lang, labels: { names: labels, source: file } }));
  },
};
export default command;

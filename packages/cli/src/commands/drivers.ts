import { numericValues } from '@satlab/data';
import { keyDriverAnalysis, statedVsDerived } from '@satlab/drivers';
import type { StatedVsDerivedResult } from '@satlab/drivers';
import { presentDrivers } from '@satlab/present';
import type { Command } from '../command.js';
import { choiceOption, numberOption, positional, printJson, printPresentation, stringOption, UsageError } from '../command.js';
import { cliMsg } from '../messages.js';
import { columnList, loadSurvey } from './_table.js';




const command: Command = {
  name: 'drivers',
  summary: { en: 'key-driver analysis: correlation, betas, Shapley/LMG and relative weights', fr: 'facteurs clés : corrélation, bêtas, Shapley/LMG et poids relatifs' },
  usage: ['drivers <file> --outcome <col> --drivers a,b,c [--method all|shapley|weights] [--stated a,b,c] [--weights <col>] [--bootstrap <B>] [--seed <n>] [--codebook <file>] [--json]'],
  options: {
    outcome: { type: 'string', arg: '<col>', description: { en: 'outcome column (overall satisfaction, NPS…)', fr: 'variable à expliquer (satisfaction globale, NPS…)' } },
    drivers: { type: 'string', arg: 'a,b,c', description: { en: 'driver columns, comma-separated; "sat_*" takes every column starting with sat_', fr: 'facteurs, séparés par des virgules ; « sat_* » prend toutes les colonnes qui commencent par sat_' } },
    method: { type: 'string', arg: 'all|shapley|weights', description: { en: 'decomposition(s) of R² (default all)', fr: 'décomposition(s) du R² (défaut all)' } },
    weights: { type: 'string', arg: '<col>', description: { en: 'respondent weight column', fr: 'colonne de pondération des répondants' } },
    bootstrap: { type: 'string', arg: '<B>', description: { en: 'bootstrap replicates for 95% intervals of the shares (default 0: none)', fr: 'réplications bootstrap pour les intervalles à 95 % des parts (défaut 0 : aucun)' } },
    seed: { type: 'string', arg: '<n>', description: { en: 'seed of the bootstrap (default 1)', fr: 'graine du bootstrap (défaut 1)' } },
    stated: { type: 'string', arg: 'a,b,c', description: { en: 'stated-importance columns, one per driver in the same order ("imp_*"): stated vs derived side by side', fr: 'importances déclarées, une par facteur dans le même ordre (« imp_* ») : déclarée et dérivée côte à côte' } },
    codebook: { type: 'string', arg: '<file>', description: { en: 'codebook (YAML or JSON): missing codes, scales, labels', fr: 'codebook (YAML ou JSON) : codes manquants, échelles, libellés' } },
  },
  details: {
    en: [
      'Standardized betas by OLS (pivoted QR), exact Shapley/LMG decomposition of R² over all 2^p',
      'subsets (up to 20 drivers; beyond, Johnson relative weights with a warning), shares summing to 1',
      'in absolute value, signed by the full-model coefficient. Missing values dropped listwise and',
      'counted. Collinear drivers stop with an error naming them.',
      'JSON: { n, r2, drivers: [{ name, correlation, beta, shapley, relativeWeight, rank, … }], warnings, … }',
      'Example:',
      '  satlab drivers barometre.csv --codebook barometre.yaml --outcome overall --drivers "sat_*" --stated "imp_*"',
    ].join('\n'),
    fr: [
      'Bêtas standardisés par MCO (QR à pivot), décomposition de Shapley/LMG exacte du R² sur les 2^p',
      'sous-ensembles (jusqu’à 20 facteurs ; au-delà, poids relatifs de Johnson avec un avertissement),',
      'parts dont la somme des valeurs absolues vaut 1, signées par le coefficient du modèle complet.',
      'Valeurs manquantes écartées par liste et comptées. Des facteurs colinéaires arrêtent l’analyse.',
      'JSON : { n, r2, drivers: [{ name, correlation, beta, shapley, relativeWeight, rank, … }], warnings, … }',
      'Exemple :',
      '  satlab drivers barometre.csv --codebook barometre.yaml --outcome overall --drivers "sat_*" --stated "imp_*"',
    ].join('\n'),
  },
  run(ctx) {
    const file = positional(ctx, 0, 'file');
    if (ctx.positionals.length > 1) throw new UsageError(cliMsg.unexpectedArgument({ value: ctx.positionals[1], command: 'drivers' }));
    const outcome = stringOption(ctx, 'outcome', true);
    const driversSpec = stringOption(ctx, 'drivers', true);
    const method = choiceOption(ctx, 'method', ['all', 'shapley', 'weights'] as const, 'all');
    const bootstrap = numberOption(ctx, 'bootstrap', 0);
    if (!Number.isInteger(bootstrap) || bootstrap < 0) throw new UsageError(cliMsg.wholeAtLeast({ option: 'bootstrap', min: 0, value: String(stringOption(ctx, 'bootstrap')) }));
    const seed = numberOption(ctx, 'seed', 1);
    const table = loadSurvey(ctx, file);
    const names = columnList(table, driversSpec, 'drivers').filter((n) => n !== outcome);
    const weightCol = stringOption(ctx, 'weights');
    const y = numericValues(table, columnList(table, outcome, 'outcome')[0]);
    const drivers = Object.fromEntries(names.map((n) => [n, numericValues(table, n)]));
    const res = keyDriverAnalysis(y, drivers, {
      outcomeName: outcome,
      method,
      bootstrap,
      seed,
      ...(weightCol ? { weights: numericValues(table, columnList(table, weightCol, 'weights')[0]) } : {}),
    });
    const statedSpec = stringOption(ctx, 'stated');
    let sv: StatedVsDerivedResult | null = null;
    if (statedSpec !== undefined) {
      const stated = columnList(table, statedSpec, 'stated');
      if (stated.length !== names.length) throw new UsageError(cliMsg.statedLength({ n: stated.length, m: names.length }));
      sv = statedVsDerived(res, Object.fromEntries(names.map((n, j) => [n, numericValues(table, stated[j])])));
    }
    if (ctx.json) return printJson(ctx, { file, ...res, ...(sv ? { statedVsDerived: sv } : {}) });
    const labels = Object.fromEntries(table.columns.flatMap((c) => (c.label ? [[c.name, c.label] as const] : [])));
    printPresentation(ctx, presentDrivers(res, { lang: ctx.lang, stated: sv, labels: { names: labels, source: file } }));
  },
};
export default command;

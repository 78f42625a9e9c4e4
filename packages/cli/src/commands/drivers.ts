import type { Table } from '@satlab/data';
import { numericValues } from '@satlab/data';
import { keyDriverAnalysis, statedVsDerived } from '@satlab/drivers';
import type { KeyDriverResult, StatedVsDerivedResult } from '@satlab/drivers';
import { renderMessage } from '@satlab/messages';
import { formatCount, formatNumber, formatPercent, textTable } from '@satlab/format';
import type { Command, CommandContext } from '../command.js';
import { numberOption, positional, printJson, stringOption, UsageError } from '../command.js';
import { translatedWarningsBlock } from './_survey.js';
import { columnList, loadSurvey } from './_table.js';

function label(table: Table, name: string): string {
  const l = table.columns.find((c) => c.name === name)?.label;
  return l ? `${name} (${l})` : name;
}


function human(ctx: CommandContext, file: string, table: Table, r: KeyDriverResult, sv: StatedVsDerivedResult | null): string {
  const lang = ctx.lang;
  const fr = lang === 'fr';
  const num = (x: number | null, d = 2): string => (x === null ? '—' : formatNumber(x, lang, d));
  const pct = (x: number | null): string => (x === null ? '—' : formatPercent(x, lang, 1));
  const out: string[] = [];
  out.push(fr ? `Analyse des facteurs clés de « ${label(table, r.outcome)} » — ${file}` : `Key-driver analysis of "${label(table, r.outcome)}" — ${file}`);
  const dropped = r.nMissing + r.nZeroWeight;
  out.push(
    fr
      ? `Répondants : ${formatCount(r.n, lang)} retenus sur ${formatCount(r.nTotal, lang)}${dropped ? ` (${formatCount(dropped, lang)} écartés)` : ''}${r.weighted ? ', pondérés' : ''}`
      : `Respondents: ${formatCount(r.n, lang)} used of ${formatCount(r.nTotal, lang)}${dropped ? ` (${formatCount(dropped, lang)} left out)` : ''}${r.weighted ? ', weighted' : ''}`,
  );
  out.push(`R² = ${num(r.r2, 3)} (${fr ? 'ajusté' : 'adjusted'} ${num(r.adjustedR2, 3)})`, '');
  const boot = r.bootstrap !== null;
  const lvl = r.bootstrap ? Math.round(r.bootstrap.confidenceLevel * 100) : 95;
  const header = [fr ? 'Rang' : 'Rank', fr ? 'Facteur' : 'Driver', 'r', 'β', 'Shapley', ...(boot ? [fr ? `IC ${lvl} %` : `${lvl}% CI`] : []), fr ? 'Poids relatif' : 'Rel. weight'];
  const rows = [...r.drivers]
    .sort((a, b) => a.rank - b.rank)
    .map((d) => [
      String(d.rank),
      label(table, d.name),
      num(d.correlation),
      num(d.beta),
      pct(d.shapley),
      ...(boot ? [d.shapleyCi ? `[${pct(d.shapleyCi[0])} ; ${pct(d.shapleyCi[1])}]` : d.relativeWeightCi ? `[${pct(d.relativeWeightCi[0])} ; ${pct(d.relativeWeightCi[1])}]` : '—'] : []),
      pct(d.relativeWeight),
    ]);
  out.push(textTable(rows, { header, align: ['right', 'left', 'right', 'right', 'right', ...(boot ? ['right' as const] : []), 'right'] }), '');
  out.push(
    fr
      ? `Parts du R² (signées par le coefficient du modèle complet) : ${r.shapleyMethod ? `Shapley/LMG exact sur les 2^${r.drivers.length} sous-ensembles` : 'Shapley non calculé'} ; poids relatifs de Johnson (2000). Classement par ${r.rankedBy === 'shapley' ? 'Shapley' : 'poids relatif'}.`
      : `Shares of R² (signed by the full-model coefficient): ${r.shapleyMethod ? `Shapley/LMG exact over all 2^${r.drivers.length} subsets` : 'Shapley not computed'}; Johnson's (2000) relative weights. Ranked by ${r.rankedBy === 'shapley' ? 'Shapley' : 'relative weight'}.`,
  );
  if (r.bootstrap) {
    out.push(
      fr
        ? `Intervalles : bootstrap percentile, ${formatCount(r.bootstrap.used, lang)} réplications (graine ${r.bootstrap.seed}).`
        : `Intervals: percentile bootstrap, ${formatCount(r.bootstrap.used, lang)} replicates (seed ${r.bootstrap.seed}).`,
    );
  }
  if (sv) {
    const q = (x: string): string =>
      fr ? ({ 'key driver': 'levier clé', basic: 'basique', hidden: 'levier caché', secondary: 'secondaire' } as Record<string, string>)[x] : x;
    out.push('', fr ? 'Importance déclarée et dérivée :' : 'Stated and derived importance:');
    const rows2 = [...sv.drivers]
      .sort((a, b) => a.derivedRank - b.derivedRank)
      .map((d) => [label(table, d.name), num(d.statedMean), String(d.statedRank), pct(d.derivedShare), String(d.derivedRank), q(d.quadrant)]);
    out.push(
      textTable(rows2, {
        header: [fr ? 'Facteur' : 'Driver', fr ? 'Déclarée (moy.)' : 'Stated (mean)', fr ? 'Rang' : 'Rank', fr ? 'Dérivée' : 'Derived', fr ? 'Rang' : 'Rank', fr ? 'Quadrant' : 'Quadrant'],
        align: ['left', 'right', 'right', 'right', 'right', 'left'],
      }),
    );
    out.push(fr ? `Corrélation des rangs (Spearman) : ${num(sv.rankCorrelation, 2)}` : `Rank correlation (Spearman): ${num(sv.rankCorrelation, 2)}`);
  }
  out.push(...translatedWarningsBlock(r.warnings.map((w) => renderMessage(w, lang)), lang, (w) => w));
  return out.join('\n') + '\n';
}

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
    if (ctx.positionals.length > 1) throw new UsageError(`unexpected argument "${ctx.positionals[1]}" (drivers reads one file)`);
    const outcome = stringOption(ctx, 'outcome', true);
    const driversSpec = stringOption(ctx, 'drivers', true);
    const method = stringOption(ctx, 'method') ?? 'all';
    if (method !== 'all' && method !== 'shapley' && method !== 'weights') throw new UsageError(`--method must be all, shapley or weights, got "${method}"`);
    const bootstrap = numberOption(ctx, 'bootstrap', 0);
    if (!Number.isInteger(bootstrap) || bootstrap < 0) throw new UsageError(`--bootstrap must be a non-negative integer, got "${stringOption(ctx, 'bootstrap')}"`);
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
      if (stated.length !== names.length) throw new UsageError(`--stated lists ${stated.length} column(s) for ${names.length} driver(s); give one per driver, in the same order`);
      sv = statedVsDerived(res, Object.fromEntries(names.map((n, j) => [n, numericValues(table, stated[j])])));
    }
    if (ctx.json) return printJson(ctx, { file, ...res, ...(sv ? { statedVsDerived: sv } : {}) });
    ctx.stdout.write(human(ctx, file, table, res, sv));
  },
};
export default command;

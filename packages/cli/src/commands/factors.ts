import { numericValues } from '@satlab/data';
import { factorAnalysis } from '@satlab/drivers';
import type { FactorAnalysisResult } from '@satlab/drivers';
import { renderMessage } from '@satlab/messages';
import { formatCount, formatNumber, formatPercent, formatPValue, textTable } from '@satlab/format';
import type { Command, CommandContext, Lang } from '../command.js';
import { numberOption, positional, printJson, stringOption, UsageError } from '../command.js';
import { translatedWarningsBlock } from './_survey.js';
import { columnList, loadSurvey } from './_table.js';

function kaiserWord(kmo: number, lang: Lang): string {
  const en = ['unacceptable', 'miserable', 'mediocre', 'middling', 'meritorious', 'marvelous'];
  const fr = ['inacceptable', 'médiocre', 'passable', 'moyen', 'bon', 'excellent'];
  const k = kmo < 0.5 ? 0 : kmo < 0.6 ? 1 : kmo < 0.7 ? 2 : kmo < 0.8 ? 3 : kmo < 0.9 ? 4 : 5;
  return (lang === 'fr' ? fr : en)[k];
}


const NORMALIZATION_FR: Record<string, string> = {
  'Kaiser normalization (rows scaled to unit length), stats::varimax': 'normalisation de Kaiser (lignes ramenées à la norme 1), stats::varimax',
  'Kaiser normalization inside the varimax step only (stats::promax, m = 4)': 'normalisation de Kaiser dans l’étape varimax seulement (stats::promax, m = 4)',
  'Kaiser normalization of the rows by √h² around the whole promax (psych::kaiser, m = 4)': 'normalisation de Kaiser des lignes par √h² autour de tout le promax (psych::kaiser, m = 4)',
  'no normalization (GPArotation::oblimin default, as psych)': 'sans normalisation (défaut de GPArotation::oblimin, comme psych)',
  'none (no rotation)': 'sans objet (pas de rotation)',
  'none (one factor: no rotation)': 'sans objet (un seul facteur : pas de rotation)',
};

function human(ctx: CommandContext, file: string, r: FactorAnalysisResult): string {
  const lang = ctx.lang;
  const fr = lang === 'fr';
  const num = (x: number, d = 2): string => formatNumber(x, lang, d);
  const out: string[] = [];
  const ext = { minres: fr ? 'résidus minimaux (minres)' : 'minimum residual (minres)', pa: fr ? 'axes principaux itérés' : 'iterated principal axis', pc: fr ? 'composantes principales' : 'principal components' }[r.extraction];
  out.push(fr ? `Analyse factorielle exploratoire — ${file}` : `Exploratory factor analysis — ${file}`);
  out.push(fr ? `Répondants : ${formatCount(r.n, lang)} sur ${formatCount(r.nTotal, lang)} ; ${r.items.length} items` : `Respondents: ${formatCount(r.n, lang)} of ${formatCount(r.nTotal, lang)}; ${r.items.length} items`);
  out.push(`KMO = ${num(r.kmo.overall, 3)} (${kaiserWord(r.kmo.overall, lang)}) ; Bartlett χ² = ${num(r.bartlett.statistic, 1)}, ${fr ? 'ddl' : 'df'} = ${r.bartlett.df}, p ${formatPValue(r.bartlett.pValue, lang).startsWith('<') ? '' : '= '}${formatPValue(r.bartlett.pValue, lang)}`.replace(' ; ', fr ? ' ; ' : '; '));
  out.push('');
  out.push(fr ? 'Valeurs propres (éboulis) et analyse parallèle (95e centile simulé) :' : 'Eigenvalues (scree) and parallel analysis (simulated 95th percentile):');
  const maxEv = Math.max(...r.eigenvalues);
  const scree = r.eigenvalues.slice(0, Math.min(12, r.eigenvalues.length)).map((v, i) => [
    String(i + 1),
    num(v),
    num(r.parallel.simulatedQuantile[i]),
    '█'.repeat(Math.max(0, Math.round((v / maxEv) * 30))),
  ]);
  out.push(textTable(scree, { header: ['#', fr ? 'valeur propre' : 'eigenvalue', fr ? 'simulée' : 'simulated', ''], align: ['right', 'right', 'right', 'left'] }));
  out.push(
    fr
      ? `Analyse parallèle : ${r.parallel.suggestedComponents} composante(s), ${r.parallel.suggestedFactors} facteur(s) (${r.parallel.iterations} simulations, graine ${r.parallel.seed}).`
      : `Parallel analysis: ${r.parallel.suggestedComponents} component(s), ${r.parallel.suggestedFactors} factor(s) (${r.parallel.iterations} simulations, seed ${r.parallel.seed}).`,
  );
  out.push('');
  const rotName = r.rotation === 'none' || r.nfactors === 1 ? (fr ? 'sans rotation' : 'unrotated') : r.rotation;
  out.push(fr ? `${r.nfactors} facteur(s), extraction ${ext}, ${rotName} — ${NORMALIZATION_FR[r.kaiserNormalization] ?? r.kaiserNormalization}` : `${r.nfactors} factor(s), ${ext} extraction, ${rotName} — ${r.kaiserNormalization}`);
  const rows = r.items.map((it, i) => [it, ...r.loadings[i].map((v) => (Math.abs(v) >= 0.3 ? num(v) : `(${num(v)})`)), num(r.communalities[i])]);
  out.push(textTable(rows, { header: [fr ? 'Item' : 'Item', ...r.factorNames, 'h²'] }));
  const ve = r.varianceExplained;
  out.push(
    textTable(
      [
        [fr ? 'SC saturations' : 'SS loadings', ...ve.ssLoadings.map((v) => num(v))],
        [fr ? 'Part de variance' : 'Proportion var.', ...ve.proportion.map((v) => formatPercent(v, lang))],
        [fr ? 'Cumulée' : 'Cumulative', ...ve.cumulative.map((v) => formatPercent(v, lang))],
      ],
      { header: ['', ...r.factorNames] },
    ),
  );
  out.push(fr ? 'Saturations entre parenthèses : |λ| < 0,30.' : 'Loadings in parentheses: |λ| < 0.30.');
  if (r.phi) {
    out.push('', fr ? 'Corrélations entre facteurs (Φ) :' : 'Factor correlations (Φ):');
    out.push(textTable(r.phi.map((row, i) => [r.factorNames[i], ...row.map((v) => num(v))]), { header: ['', ...r.factorNames] }));
  }
  if (r.alphaDetail) {
    const a = r.alphaDetail;
    out.push('');
    out.push(fr ? `Alpha de Cronbach (tous les items) = ${num(a.alpha, 3)} (standardisé ${num(a.standardizedAlpha, 3)})` : `Cronbach's alpha (all items) = ${num(a.alpha, 3)} (standardized ${num(a.standardizedAlpha, 3)})`);
    out.push(
      textTable(
        a.items.map((it) => [it.name + (it.reversed ? ' (−)' : ''), num(it.alphaIfDropped, 3), num(it.rDrop)]),
        { header: ['Item', fr ? 'alpha sans l’item' : 'alpha if dropped', fr ? 'r item-reste' : 'r item-rest'] },
      ),
    );
  }
  out.push(...translatedWarningsBlock(r.warnings.map((w) => renderMessage(w, lang)), lang, (w) => w));
  return out.join('\n') + '\n';
}

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
    if (ctx.positionals.length > 1) throw new UsageError(`unexpected argument "${ctx.positionals[1]}" (factors reads one file)`);
    const itemsSpec = stringOption(ctx, 'items', true);
    const rotate = stringOption(ctx, 'rotate') ?? 'varimax';
    if (!['varimax', 'oblimin', 'promax', 'none'].includes(rotate)) throw new UsageError(`--rotate must be varimax, oblimin, promax or none, got "${rotate}"`);
    const extraction = stringOption(ctx, 'extraction') ?? 'minres';
    if (!['minres', 'pa', 'pc'].includes(extraction)) throw new UsageError(`--extraction must be minres, pa or pc, got "${extraction}"`);
    let nfactors: number | undefined;
    if (ctx.values.nfactors !== undefined) {
      nfactors = numberOption(ctx, 'nfactors');
      if (!Number.isInteger(nfactors) || nfactors < 1) throw new UsageError(`--nfactors must be a positive integer, got "${stringOption(ctx, 'nfactors')}"`);
    }
    const seed = numberOption(ctx, 'seed', 1);
    const table = loadSurvey(ctx, file);
    const names = columnList(table, itemsSpec, 'items');
    const items = Object.fromEntries(names.map((n) => [n, numericValues(table, n)]));
    const r = factorAnalysis(items, {
      nfactors,
      rotate: rotate as 'varimax' | 'oblimin' | 'promax' | 'none',
      extraction: extraction as 'minres' | 'pa' | 'pc',
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
        alphaItems: alphaDetail ? alphaDetail.items.map((it) => ({ name: it.name, reversed: it.reversed, alphaIfDropped: it.alphaIfDropped, rDrop: it.rDrop })) : null,
      });
    }
    ctx.stdout.write(human(ctx, file, r));
  },
};
export default command;

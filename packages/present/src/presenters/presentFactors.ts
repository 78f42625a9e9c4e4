import { formatCount, formatNumber, formatPercent } from '@satlab/format';
import type { Lang } from '@satlab/format';
import type { CronbachAlphaResult, FactorAnalysisResult } from '@satlab/drivers';
import { cell, col, renderWarnings, text } from '../cells.js';
import type { PresentOptions } from '../options.js';
import { langOf, nameOf } from '../options.js';
import type { Presentation, PresentedCell, PresentedTable } from '../types.js';

const W = {
  en: {
    title: 'Exploratory factor analysis',
    resp: (n: string, tot: string, k: number): string => `Respondents: ${n} of ${tot}; ${k} items`,
    kaiser: ['unacceptable', 'miserable', 'mediocre', 'middling', 'meritorious', 'marvelous'],
    kmo: 'KMO',
    bartlett: 'Bartlett χ²',
    df: 'df',
    p: 'p',
    scree: 'Eigenvalues (scree) and parallel analysis (simulated 95th percentile)',
    eig: 'eigenvalue',
    sim: 'simulated',
    parallel: (c: number, f: number, it: number, seed: number): string => `Parallel analysis: ${c} component(s), ${f} factor(s) (${it} simulations, seed ${seed}).`,
    ext: { minres: 'minimum residual (minres)', pa: 'iterated principal axis', pc: 'principal components' },
    unrotated: 'unrotated',
    loadings: (k: number, ext: string, rot: string, norm: string): string => `${k} factor(s), ${ext} extraction, ${rot} — ${norm}`,
    item: 'Item',
    ss: 'SS loadings',
    prop: 'Proportion var.',
    cum: 'Cumulative',
    variance: 'Variance explained',
    small: 'Loadings in parentheses: |λ| < 0.30.',
    phi: 'Factor correlations (Φ)',
    alphaTitle: "Cronbach's alpha",
    alpha: "Cronbach's alpha",
    std: 'standardized',
    ifDropped: 'alpha if dropped',
    rDrop: 'r item-rest',
    norm: (s: string): string => s,
    reading: (k: number, cum: string, kmo: string, word: string): string => `${k} factor(s) explain ${cum} of the items' variance; sampling adequacy is ${word} (KMO = ${kmo}).`,
    readAlpha: (a: string, ok: boolean): string => `Cronbach's alpha = ${a}: ${ok ? 'the items form a consistent scale (≥ 0.7).' : 'below 0.7, the items do not form a consistent scale.'}`,
    alphaReading: (a: string, k: number, ok: boolean): string => `Cronbach's alpha of the ${k} items = ${a}: ${ok ? 'a consistent scale (≥ 0.7).' : 'below 0.7, not a consistent scale.'}`,
    reversed: (names: string): string => `Reverse-keyed items (reversed before the computation): ${names}.`,
    alphaFn: 'α = k/(k − 1)·(1 − tr C / ΣC), as R psych::alpha; listwise deletion.',
  },
  fr: {
    title: 'Analyse factorielle exploratoire',
    resp: (n: string, tot: string, k: number): string => `Répondants : ${n} sur ${tot} ; ${k} items`,
    kaiser: ['inacceptable', 'médiocre', 'passable', 'moyen', 'bon', 'excellent'],
    kmo: 'KMO',
    bartlett: 'χ² de Bartlett',
    df: 'ddl',
    p: 'p',
    scree: 'Valeurs propres (éboulis) et analyse parallèle (95e centile simulé)',
    eig: 'valeur propre',
    sim: 'simulée',
    parallel: (c: number, f: number, it: number, seed: number): string => `Analyse parallèle : ${c} composante(s), ${f} facteur(s) (${it} simulations, graine ${seed}).`,
    ext: { minres: 'résidus minimaux (minres)', pa: 'axes principaux itérés', pc: 'composantes principales' },
    unrotated: 'sans rotation',
    loadings: (k: number, ext: string, rot: string, norm: string): string => `${k} facteur(s), extraction ${ext}, ${rot} — ${norm}`,
    item: 'Item',
    ss: 'SC saturations',
    prop: 'Part de variance',
    cum: 'Cumulée',
    variance: 'Variance expliquée',
    small: 'Saturations entre parenthèses : |λ| < 0,30.',
    phi: 'Corrélations entre facteurs (Φ)',
    alphaTitle: 'Alpha de Cronbach',
    alpha: 'alpha de Cronbach',
    std: 'standardisé',
    ifDropped: 'alpha sans l’item',
    rDrop: 'r item-reste',
    norm: (s: string): string =>
      ({
        'Kaiser normalization (rows scaled to unit length), stats::varimax': 'normalisation de Kaiser (lignes ramenées à la norme 1), stats::varimax',
        'Kaiser normalization inside the varimax step only (stats::promax, m = 4)': 'normalisation de Kaiser dans l’étape varimax seulement (stats::promax, m = 4)',
        'Kaiser normalization of the rows by √h² around the whole promax (psych::kaiser, m = 4)': 'normalisation de Kaiser des lignes par √h² autour de tout le promax (psych::kaiser, m = 4)',
        'no normalization (GPArotation::oblimin default, as psych)': 'sans normalisation (défaut de GPArotation::oblimin, comme psych)',
        'none (no rotation)': 'sans objet (pas de rotation)',
        'none (one factor: no rotation)': 'sans objet (un seul facteur : pas de rotation)',
      })[s] ?? s,
    reading: (k: number, cum: string, kmo: string, word: string): string => `${k} facteur(s) expliquent ${cum} de la variance des items ; l’adéquation de l’échantillon est ${word} (KMO = ${kmo}).`,
    readAlpha: (a: string, ok: boolean): string => `Alpha de Cronbach = ${a} : ${ok ? 'les items forment une échelle cohérente (≥ 0,7).' : 'inférieur à 0,7, les items ne forment pas une échelle cohérente.'}`,
    alphaReading: (a: string, k: number, ok: boolean): string => `Alpha de Cronbach des ${k} items = ${a} : ${ok ? 'échelle cohérente (≥ 0,7).' : 'inférieur à 0,7, échelle peu cohérente.'}`,
    reversed: (names: string): string => `Items inversés (retournés avant le calcul) : ${names}.`,
    alphaFn: 'α = k/(k − 1)·(1 − tr C / ΣC), comme R psych::alpha ; suppression par liste.',
  },
};

function kaiserWord(kmo: number, lang: Lang): string {
  const k = kmo < 0.5 ? 0 : kmo < 0.6 ? 1 : kmo < 0.7 ? 2 : kmo < 0.8 ? 3 : kmo < 0.9 ? 4 : 5;
  return W[lang].kaiser[k];
}

function alphaTable(a: CronbachAlphaResult, lang: Lang, opts: PresentOptions): PresentedTable {
  const w = W[lang];
  return {
    id: 'alpha',
    title: `${w.alphaTitle} = ${formatNumber(a.alpha, lang, 3, 3)} (${w.std} ${formatNumber(a.standardizedAlpha, lang, 3, 3)})`,
    columns: [col('item', w.item, 'label'), col('alphaIfDropped', w.ifDropped, 'number', 3), col('rDrop', w.rDrop, 'mean')],
    rows: a.items.map((it) => [text(nameOf(it.name, opts) + (it.reversed ? ' (−)' : '')), cell(it.alphaIfDropped, 'number', lang, { digits: 3 }), cell(it.rDrop, 'mean', lang)]),
  };
}

/**
 * An exploratory factor analysis for people: KMO (with Kaiser's words) and Bartlett's test, the
 * scree with the parallel analysis, the loadings (small ones in parentheses) and communalities,
 * variance explained, factor correlations for oblique rotations, Cronbach's alpha with alpha if
 * an item is dropped, and a reading.
 *
 * @example
 * import { factorAnalysis } from '@satlab/drivers';
 * const items = { a: [1, 2, 3, 4, 5, 2, 3, 4, 5, 1, 2, 4], b: [2, 2, 3, 5, 5, 1, 3, 4, 4, 1, 3, 4], c: [1, 3, 3, 4, 4, 2, 2, 5, 5, 2, 2, 3] };
 * presentFactors(factorAnalysis(items, { nfactors: 1 }), { lang: 'fr' }).reading[0];
 * //=> '1 facteur(s) expliquent 82,6 % de la variance des items ; l’adéquation de l’échantillon est passable (KMO = 0,664).'
 */
export function presentFactors(r: FactorAnalysisResult, opts: PresentOptions = {}): Presentation {
  const lang = langOf(opts);
  const w = W[lang];
  const num = (x: number, d = 2): PresentedCell => cell(x, 'mean', lang, { digits: d });
  const maxEv = Math.max(...r.eigenvalues);
  const tables: PresentedTable[] = [
    {
      id: 'scree',
      title: w.scree,
      columns: [col('k', '#', 'count'), col('eigenvalue', w.eig, 'mean'), col('simulated', w.sim, 'mean'), col('bar', '', 'text')],
      rows: r.eigenvalues.slice(0, Math.min(12, r.eigenvalues.length)).map((v, i) => [cell(i + 1, 'count', lang), num(v), num(r.parallel.simulatedQuantile[i]), text('█'.repeat(Math.max(0, Math.round((v / maxEv) * 30))))]),
      notes: [w.parallel(r.parallel.suggestedComponents, r.parallel.suggestedFactors, r.parallel.iterations, r.parallel.seed)],
    },
  ];
  const rot = r.rotation === 'none' || r.nfactors === 1 ? w.unrotated : r.rotation;
  tables.push({
    id: 'loadings',
    title: w.loadings(r.nfactors, w.ext[r.extraction], rot, w.norm(r.kaiserNormalization)),
    columns: [col('item', w.item, 'label'), ...r.factorNames.map((f, j) => col(`f${j}`, f, 'mean')), col('h2', 'h²', 'mean')],
    rows: r.items.map((it, i) => [text(nameOf(it, opts)), ...r.loadings[i].map((v) => ({ v, t: Math.abs(v) >= 0.3 ? formatNumber(v, lang, 2, 2) : `(${formatNumber(v, lang, 2, 2)})` })), num(r.communalities[i])]),
    notes: [w.small],
  });
  const ve = r.varianceExplained;
  tables.push({
    id: 'variance',
    title: w.variance,
    rowHeader: true,
    columns: [col('what', '', 'label'), ...r.factorNames.map((f, j) => col(`f${j}`, f, 'number', 2))],
    rows: [
      [text(w.ss), ...ve.ssLoadings.map((v) => num(v))],
      [text(w.prop), ...ve.proportion.map((v) => cell(v, 'percent', lang))],
      [text(w.cum), ...ve.cumulative.map((v) => cell(v, 'percent', lang))],
    ],
  });
  if (r.phi) {
    tables.push({ id: 'phi', title: w.phi, rowHeader: true, columns: [col('f', '', 'label'), ...r.factorNames.map((f, j) => col(`f${j}`, f, 'mean'))], rows: r.phi.map((row, i) => [text(r.factorNames[i]), ...row.map((v) => num(v))]) });
  }
  if (r.alphaDetail) tables.push(alphaTable(r.alphaDetail, lang, opts));
  const cum = ve.cumulative[ve.cumulative.length - 1];
  const reading = [w.reading(r.nfactors, formatPercent(cum, lang), formatNumber(r.kmo.overall, lang, 3, 3), kaiserWord(r.kmo.overall, lang))];
  if (r.alpha !== null) reading.push(w.readAlpha(formatNumber(r.alpha, lang, 3, 3), r.alpha >= 0.7));
  return {
    kind: 'factors',
    lang,
    title: opts.labels?.title ?? w.title + (opts.labels?.source ? ` — ${opts.labels.source}` : ''),
    subtitle: w.resp(formatCount(r.n, lang), formatCount(r.nTotal, lang), r.items.length),
    summary: [
      { label: w.kmo, value: { v: r.kmo.overall, t: `${formatNumber(r.kmo.overall, lang, 3, 3)} (${kaiserWord(r.kmo.overall, lang)})` } },
      { label: w.bartlett, value: cell(r.bartlett.statistic, 'number', lang, { digits: 1 }) },
      { label: w.df, value: cell(r.bartlett.df, 'count', lang) },
      { label: w.p, value: cell(r.bartlett.pValue, 'pvalue', lang) },
    ],
    tables,
    reading,
    footnotes: [],
    warnings: renderWarnings(r.warnings, lang),
  };
}

/**
 * Cronbach's alpha for people: alpha and standardized alpha, alpha if each item is dropped,
 * item–rest correlations, reverse-keyed items, and a reading against the 0.7 rule.
 *
 * @example
 * import { cronbachAlpha } from '@satlab/drivers';
 * const items = { a: [1, 2, 3, 4, 5, 2, 3, 4, 5, 1, 2, 4], b: [2, 2, 3, 5, 5, 1, 3, 4, 4, 1, 3, 4], c: [1, 3, 3, 4, 4, 2, 2, 5, 5, 2, 2, 3] };
 * presentAlpha(cronbachAlpha(items), { lang: 'fr' }).reading[0];
 * //=> 'Alpha de Cronbach des 3 items = 0,932 : échelle cohérente (≥ 0,7).'
 */
export function presentAlpha(a: CronbachAlphaResult, opts: PresentOptions = {}): Presentation {
  const lang = langOf(opts);
  const w = W[lang];
  return {
    kind: 'alpha',
    lang,
    title: opts.labels?.title ?? w.alphaTitle,
    subtitle: w.resp(formatCount(a.n, lang), formatCount(a.nTotal, lang), a.nItems),
    summary: [
      { label: w.alpha, value: cell(a.alpha, 'number', lang, { digits: 3 }) },
      { label: w.std, value: cell(a.standardizedAlpha, 'number', lang, { digits: 3 }) },
    ],
    tables: [alphaTable(a, lang, opts)],
    reading: [w.alphaReading(formatNumber(a.alpha, lang, 3, 3), a.nItems, a.alpha >= 0.7), ...(a.reverseKeyed.length ? [w.reversed(a.reverseKeyed.join(', '))] : [])],
    footnotes: [w.alphaFn],
    warnings: renderWarnings(a.warnings, lang),
  };
}

import { formatCount, formatNumber, formatPercent } from '@satlab/format';
import type { KeyDriverResult, StatedVsDerivedResult } from '@satlab/drivers';
import { cell, col, interval, list, quote, renderWarnings, text } from '../cells.js';
import type { PresentOptions } from '../options.js';
import { langOf, nameOf } from '../options.js';
import type { Presentation, PresentedTable } from '../types.js';

/** Options of {@link presentDrivers}. */
export interface DriversPresentOptions extends PresentOptions {
  /** Stated vs derived importance of the same drivers (`statedVsDerived`), shown side by side. */
  stated?: StatedVsDerivedResult | null;
}

const W = {
  en: {
    title: (o: string): string => `Key-driver analysis of ${o}`,
    resp: (n: string, tot: string, dropped: string | null, weighted: boolean): string => `Respondents: ${n} used of ${tot}${dropped ? ` (${dropped} left out)` : ''}${weighted ? ', weighted' : ''}`,
    adj: 'adjusted R²',
    table: 'Drivers by importance',
    cols: { rank: 'Rank', name: 'Driver', ci: (l: number): string => `${l}% CI`, rw: 'Rel. weight' },
    shares: (exact: boolean, p: number, by: string): string =>
      `Shares of R² (signed by the full-model coefficient): ${exact ? `Shapley/LMG exact over all 2^${p} subsets` : 'Shapley not computed'}; Johnson's (2000) relative weights. Ranked by ${by}.`,
    by: { shapley: 'Shapley', relativeWeight: 'relative weight' },
    boot: (b: string, seed: number): string => `Intervals: percentile bootstrap, ${b} replicates (seed ${seed}).`,
    stated: 'Stated and derived importance',
    scols: { name: 'Driver', stated: 'Stated (mean)', rank: 'Rank', derived: 'Derived', quadrant: 'Quadrant' },
    quadrant: { 'key driver': 'key driver', basic: 'basic', hidden: 'hidden', secondary: 'secondary' } as Record<string, string>,
    rankCor: (r: string): string => `Rank correlation of stated and derived importance (Spearman): ${r}.`,
    reading: (top: string, r2: string): string => `The drivers explain ${r2} of the variance of the outcome; the most important: ${top}.`,
    negative: (names: string): string => `Negative coefficient (more of it goes with a lower outcome): ${names}.`,
  },
  fr: {
    title: (o: string): string => `Analyse des facteurs clés de ${o}`,
    resp: (n: string, tot: string, dropped: string | null, weighted: boolean): string => `Répondants : ${n} retenus sur ${tot}${dropped ? ` (${dropped} écartés)` : ''}${weighted ? ', pondérés' : ''}`,
    adj: 'R² ajusté',
    table: 'Facteurs par ordre d’importance',
    cols: { rank: 'Rang', name: 'Facteur', ci: (l: number): string => `IC ${l}\u00a0%`, rw: 'Poids relatif' },
    shares: (exact: boolean, p: number, by: string): string =>
      `Parts du R² (signées par le coefficient du modèle complet) : ${exact ? `Shapley/LMG exact sur les 2^${p} sous-ensembles` : 'Shapley non calculé'} ; poids relatifs de Johnson (2000). Classement par ${by}.`,
    by: { shapley: 'Shapley', relativeWeight: 'poids relatif' },
    boot: (b: string, seed: number): string => `Intervalles : bootstrap percentile, ${b} réplications (graine ${seed}).`,
    stated: 'Importance déclarée et dérivée',
    scols: { name: 'Facteur', stated: 'Déclarée (moy.)', rank: 'Rang', derived: 'Dérivée', quadrant: 'Quadrant' },
    quadrant: { 'key driver': 'levier clé', basic: 'basique', hidden: 'levier caché', secondary: 'secondaire' } as Record<string, string>,
    rankCor: (r: string): string => `Corrélation des rangs entre importance déclarée et dérivée (Spearman) : ${r}.`,
    reading: (top: string, r2: string): string => `Les facteurs expliquent ${r2} de la variance de la variable étudiée ; les plus importants : ${top}.`,
    negative: (names: string): string => `Coefficient négatif (plus il est élevé, plus la variable étudiée est basse) : ${names}.`,
  },
};

/**
 * A key-driver analysis for people: R² and adjusted R², the drivers ranked with their
 * correlation, standardized β, Shapley/LMG share (with bootstrap interval) and relative weight,
 * stated vs derived importance when given, and a reading naming the top drivers.
 *
 * @example
 * import { keyDriverAnalysis } from '@satlab/drivers';
 * const r = keyDriverAnalysis([3, 4, 2, 5, 4, 3, 5, 2, 4, 3], { accueil: [3, 4, 2, 5, 4, 3, 4, 2, 4, 3], prix: [2, 3, 3, 4, 4, 2, 5, 1, 3, 4] });
 * presentDrivers(r, { lang: 'fr' }).reading[0];
 * //=> 'Les facteurs expliquent 94,4 % de la variance de la variable étudiée ; les plus importants : « accueil » (70,4 %) et « prix » (29,6 %).'
 */
export function presentDrivers(r: KeyDriverResult, opts: DriversPresentOptions = {}): Presentation {
  const lang = langOf(opts);
  const w = W[lang];
  const boot = r.bootstrap !== null;
  const lvl = r.bootstrap ? Math.round(r.bootstrap.confidenceLevel * 100) : 95;
  const dropped = r.nMissing + r.nZeroWeight;
  const sorted = [...r.drivers].sort((a, b) => a.rank - b.rank);
  const tables: PresentedTable[] = [
    {
      id: 'drivers',
      title: w.table,
      columns: [col('rank', w.cols.rank, 'count'), col('name', w.cols.name, 'label'), col('correlation', 'r', 'mean'), col('beta', 'β', 'mean'), col('shapley', 'Shapley', 'percent'), ...(boot ? [col('ci', w.cols.ci(lvl), 'interval')] : []), col('relativeWeight', w.cols.rw, 'percent')],
      rows: sorted.map((d) => [
        cell(d.rank, 'count', lang),
        text(nameOf(d.name, opts)),
        cell(d.correlation, 'mean', lang),
        cell(d.beta, 'mean', lang),
        cell(d.shapley, 'percent', lang),
        ...(boot ? [d.shapleyCi ? interval(d.shapleyCi, 'percent', lang) : d.relativeWeightCi ? interval(d.relativeWeightCi, 'percent', lang) : text('—')] : []),
        cell(d.relativeWeight, 'percent', lang),
      ]),
    },
  ];
  const sv = opts.stated ?? null;
  if (sv) {
    tables.push({
      id: 'statedVsDerived',
      title: w.stated,
      columns: [col('name', w.scols.name, 'label'), col('statedMean', w.scols.stated, 'mean'), col('statedRank', w.scols.rank, 'count'), col('derivedShare', w.scols.derived, 'percent'), col('derivedRank', w.scols.rank, 'count'), col('quadrant', w.scols.quadrant, 'text')],
      rows: [...sv.drivers].sort((a, b) => a.derivedRank - b.derivedRank).map((d) => [text(nameOf(d.name, opts)), cell(d.statedMean, 'mean', lang), cell(d.statedRank, 'count', lang), cell(d.derivedShare, 'percent', lang), cell(d.derivedRank, 'count', lang), text(w.quadrant[d.quadrant] ?? d.quadrant)]),
    });
  }
  const share = (d: (typeof sorted)[number]): number | null => d.shapley ?? d.relativeWeight;
  const top = sorted.slice(0, Math.min(3, sorted.length)).map((d) => `${quote(nameOf(d.name, opts), lang)} (${share(d) === null ? '—' : formatPercent(share(d) as number, lang)})`);
  const neg = sorted.filter((d) => d.sign < 0).map((d) => quote(nameOf(d.name, opts), lang));
  const reading = [w.reading(list(top, lang), formatPercent(r.r2, lang)), ...(neg.length ? [w.negative(list(neg, lang))] : [])];
  return {
    kind: 'drivers',
    lang,
    title: opts.labels?.title ?? w.title(quote(nameOf(r.outcome, opts), lang)) + (opts.labels?.source ? ` — ${opts.labels.source}` : ''),
    subtitle: w.resp(formatCount(r.n, lang), formatCount(r.nTotal, lang), dropped ? formatCount(dropped, lang) : null, r.weighted),
    summary: [
      { label: 'R²', value: cell(r.r2, 'number', lang, { digits: 3 }) },
      { label: w.adj, value: cell(r.adjustedR2, 'number', lang, { digits: 3 }) },
    ],
    tables,
    reading,
    footnotes: [w.shares(r.shapleyMethod !== null, r.drivers.length, w.by[r.rankedBy]), ...(r.bootstrap ? [w.boot(formatCount(r.bootstrap.used, lang), r.bootstrap.seed)] : []), ...(sv ? [w.rankCor(formatNumber(sv.rankCorrelation, lang, 2, 2))] : [])],
    warnings: renderWarnings(r.warnings, lang),
  };
}

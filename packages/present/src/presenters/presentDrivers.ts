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
  /** Header of the drivers' column (default "Driver" / "Facteur"; the report says "Attribute"). */
  itemHeader?: string;
  /** Title of the drivers table (default "Drivers by importance"). */
  tableTitle?: string;
}

const W = {
  en: {
    title: (o: string): string => `Key-driver analysis of ${o}`,
    resp: (n: string, tot: string, dropped: string | null, weighted: boolean): string => `Respondents: ${n} used of ${tot}${dropped ? ` (${dropped} left out)` : ''}${weighted ? ', weighted' : ''}`,
    adj: 'adjusted R²',
    table: 'Drivers by importance',
    cols: { rank: 'Rank', name: 'Driver', share: 'Share of R²', points: 'Contribution to R²', effect: 'Direction of effect', beta: 'Standardised β', r: 'Correlation', ci: (l: number): string => `${l}% CI of the share`, rw: 'Relative weight' },
    total: 'Total',
    effect: { pos: 'positive', neg: 'negative' },
    shareNote: (r2: string): string => `The shares of R² (Shapley / LMG) are all positive and add up to 100% of the model’s R² (${r2}); the direction of the effect is the sign of the full model’s β coefficient, shown separately.`,
    shares: (exact: boolean, p: number, by: string): string =>
      `${exact ? `Shapley/LMG exact over all 2^${p} subsets` : 'Shapley not computed'}; Johnson's (2000) relative weights. Ranked by ${by}.`,
    by: { shapley: 'Shapley share', relativeWeight: 'relative weight' },
    boot: (b: string, seed: number): string => `Intervals: percentile bootstrap, ${b} replicates (seed ${seed}).`,
    stated: 'Stated and derived importance',
    scols: { name: 'Driver', stated: 'Stated (mean)', rank: 'Rank', derived: 'Derived', quadrant: 'Quadrant' },
    quadrant: { 'key driver': 'key driver', basic: 'basic', hidden: 'hidden', secondary: 'secondary' } as Record<string, string>,
    rankCor: (r: string): string => `Rank correlation of stated and derived importance (Spearman): ${r}.`,
    reading: (top: string, r2: string): string => `The drivers explain ${r2} of the variance of the outcome; the most important: ${top}.`,
    negative: (names: string): string =>
      `A negative coefficient (${names}) does not mean that a better rating on this driver lowers the outcome: with the other drivers held equal, it adds nothing more, and its sign reflects its strong correlation with the other drivers (collinearity). Its share of R² is still what it explains of the outcome.`,
  },
  fr: {
    title: (o: string): string => `Analyse des facteurs clés de ${o}`,
    resp: (n: string, tot: string, dropped: string | null, weighted: boolean): string => `Répondants : ${n} retenus sur ${tot}${dropped ? ` (${dropped} écartés)` : ''}${weighted ? ', pondérés' : ''}`,
    adj: 'R² ajusté',
    table: 'Facteurs par ordre d’importance',
    cols: { rank: 'Rang', name: 'Facteur', share: 'Part du R²', points: 'Contribution au R²', effect: 'Sens de l’effet', beta: 'β standardisé', r: 'Corrélation', ci: (l: number): string => `IC ${l}\u00a0% de la part`, rw: 'Poids relatif' },
    total: 'Ensemble',
    effect: { pos: 'positif', neg: 'négatif' },
    shareNote: (r2: string): string => `Les parts du R² (Shapley / LMG) sont toutes positives et totalisent 100\u00a0% du R² du modèle (${r2}) ; le sens de l’effet est celui du coefficient β du modèle complet, montré à part.`,
    shares: (exact: boolean, p: number, by: string): string =>
      `${exact ? `Shapley/LMG exact sur les 2^${p} sous-ensembles` : 'Shapley non calculé'} ; poids relatifs de Johnson (2000). Classement par ${by}.`,
    by: { shapley: 'part de Shapley', relativeWeight: 'poids relatif' },
    boot: (b: string, seed: number): string => `Intervalles : bootstrap percentile, ${b} réplications (graine ${seed}).`,
    stated: 'Importance déclarée et dérivée',
    scols: { name: 'Facteur', stated: 'Déclarée (moy.)', rank: 'Rang', derived: 'Dérivée', quadrant: 'Quadrant' },
    quadrant: { 'key driver': 'levier clé', basic: 'basique', hidden: 'levier caché', secondary: 'secondaire' } as Record<string, string>,
    rankCor: (r: string): string => `Corrélation des rangs entre importance déclarée et dérivée (Spearman) : ${r}.`,
    reading: (top: string, r2: string): string => `Les facteurs expliquent ${r2} de la variance de la variable étudiée ; les plus importants : ${top}.`,
    negative: (names: string): string =>
      `Un coefficient négatif (${names}) ne veut pas dire qu’une meilleure note sur ce facteur fait baisser la variable étudiée : à autres facteurs égaux, il n’apporte rien de plus, et son signe reflète sa forte corrélation avec les autres facteurs (colinéarité). Sa part du R² reste ce qu’il explique de la variable étudiée.`,
  },
};

/**
 * A key-driver analysis for people, the way a manager can read it: each driver's share of R²
 * (Shapley/LMG, |share|, summing to 100 % of the model's R², with its contribution in R² units
 * and a total row), the direction of its effect (sign of the full-model β) in its own column, β,
 * the correlation, the bootstrap interval of the share when computed, Johnson's relative weight
 * and the rank; stated vs derived importance when given; a reading naming the top drivers and
 * saying what a negative coefficient means.
 *
 * @example
 * import { keyDriverAnalysis } from '@satlab/drivers';
 * const r = keyDriverAnalysis([3, 4, 2, 5, 4, 3, 5, 2, 4, 3], { accueil: [3, 4, 2, 5, 4, 3, 4, 2, 4, 3], prix: [2, 3, 3, 4, 4, 2, 5, 1, 3, 4] });
 * presentDrivers(r, { lang: 'fr' }).reading[0];
 * //=> 'Les facteurs expliquent 94,4 % de la variance de la variable étudiée ; les plus importants : « accueil » (70,4 %) et « prix » (29,6 %).'
 */
export function presentDrivers(r: KeyDriverResult, opts: DriversPresentOptions = {}): Presentation {
  const lang = langOf(opts);
  const w = W[lang];
  const boot = r.bootstrap !== null;
  const lvl = r.bootstrap ? Math.round(r.bootstrap.confidenceLevel * 100) : 95;
  const dropped = r.nMissing + r.nZeroWeight;
  const sorted = [...r.drivers].sort((a, b) => a.rank - b.rank);
  const abs = (x: number | null): number | null => (x === null ? null : Math.abs(x));
  // The interval of the share itself: the signed interval turned by the driver's sign.
  const shareCi = (d: (typeof sorted)[number]): [number, number] | null => {
    const ci = d.shapleyCi ?? d.relativeWeightCi;
    if (!ci) return null;
    const a = ci[0] * d.sign;
    const b = ci[1] * d.sign;
    return a <= b ? [a, b] : [b, a];
  };
  const totalShare = sorted.reduce((a, d) => a + (abs(d.shapley) ?? 0), 0);
  const haveShapley = sorted.some((d) => d.shapley !== null);
  const driverRows = sorted.map((d) => {
    const ci = shareCi(d);
    return [
      text(nameOf(d.name, opts)),
      cell(abs(d.shapley), 'percent', lang),
      cell(d.shapleyR2, 'number', lang, { digits: 3 }),
      text(d.sign < 0 ? w.effect.neg : w.effect.pos),
      cell(d.beta, 'number', lang, { digits: 3 }),
      cell(d.correlation, 'number', lang, { digits: 3 }),
      ...(boot ? [ci ? interval(ci, 'percent', lang) : text('—')] : []),
      cell(abs(d.relativeWeight), 'percent', lang),
      cell(d.rank, 'count', lang),
    ];
  });
  const totalRow = [
    text(w.total),
    haveShapley ? cell(totalShare, 'percent', lang) : text(''),
    haveShapley ? cell(r.r2, 'number', lang, { digits: 3 }) : text(''),
    text(''),
    text(''),
    text(''),
    ...(boot ? [text('')] : []),
    text(''),
    text(''),
  ];
  const neg = sorted.filter((d) => d.sign < 0).map((d) => quote(nameOf(d.name, opts), lang));
  const tables: PresentedTable[] = [
    {
      id: 'drivers',
      title: opts.tableTitle ?? w.table,
      columns: [
        col('driver', opts.itemHeader ?? w.cols.name, 'label'),
        col('share_r2', w.cols.share, 'percent', 1),
        col('shapley_r2', w.cols.points, 'number', 3),
        col('effect', w.cols.effect, 'text'),
        col('beta', w.cols.beta, 'number', 3),
        col('correlation', w.cols.r, 'number', 3),
        ...(boot ? [col('ci', w.cols.ci(lvl), 'interval')] : []),
        col('relative_weight', w.cols.rw, 'percent', 1),
        col('rank', w.cols.rank, 'count'),
      ],
      rows: [...driverRows, totalRow],
      rowHeader: true,
      totalRows: [sorted.length],
      notes: [w.shareNote(formatNumber(r.r2, lang, 3, 3))],
    },
  ];
  const sv = opts.stated ?? null;
  if (sv) {
    tables.push({
      id: 'statedVsDerived',
      title: w.stated,
      columns: [col('name', w.scols.name, 'label'), col('statedMean', w.scols.stated, 'mean'), col('statedRank', w.scols.rank, 'count'), col('derivedShare', w.scols.derived, 'percent'), col('derivedRank', w.scols.rank, 'count'), col('quadrant', w.scols.quadrant, 'text')],
      rows: [...sv.drivers].sort((a, b) => a.derivedRank - b.derivedRank).map((d) => [text(nameOf(d.name, opts)), cell(d.statedMean, 'mean', lang), cell(d.statedRank, 'count', lang), cell(Math.abs(d.derivedShare), 'percent', lang), cell(d.derivedRank, 'count', lang), text(w.quadrant[d.quadrant] ?? d.quadrant)]),
    });
  }
  const share = (d: (typeof sorted)[number]): number | null => abs(d.shapley ?? d.relativeWeight);
  const top = sorted.slice(0, Math.min(3, sorted.length)).map((d) => `${quote(nameOf(d.name, opts), lang)} (${share(d) === null ? '—' : formatPercent(share(d) as number, lang)})`);
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

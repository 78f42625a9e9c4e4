import type { Lang } from '@satlab/format';
import { formatNumber } from '@satlab/format';
import type { ChiSquareTestResult } from '@satlab/stats';
import { cell, col, list, quote, renderWarnings, text } from '../cells.js';
import type { PresentOptions } from '../options.js';
import { langOf } from '../options.js';
import type { Presentation, PresentedCell } from '../types.js';

/** One χ² test of a summary and the name of its row variable. */
export interface ChiSquareSummaryItem {
  /** The variable crossed with the common column variable (e.g. "Satisfaction globale"). */
  readonly label: string;
  readonly test: Pick<ChiSquareTestResult, 'statistic' | 'df' | 'pValue' | 'cramersV' | 'n' | 'expectedBelow5' | 'warnings'>;
}

/** Options of {@link presentChiSquareSummary}. */
export interface ChiSquareSummaryPresentOptions extends PresentOptions {
  /** Significance level of the reading. Default 0.05. */
  alpha?: number;
}

const W = {
  en: {
    title: 'Chi-square tests',
    cols: { variable: 'Variable', chi2: 'χ²', df: 'df', p: 'p', v: 'Cramér’s V', n: 'n', e5: 'cells with expected < 5' },
    sig: (with_: string, names: string, a: string): string => `Significantly associated${with_} (p < ${a}): ${names}.`,
    none: (with_: string, a: string): string => `No variable is significantly associated${with_} (p < ${a}).`,
    with_: (c: string): string => ` with ${quote(c, 'en')}`,
    note: 'Pearson’s χ² of each cross-tab (Yates’ correction for 2 × 2 tables only); Cramér’s V measures the strength (0 none, 1 complete); a test with cells whose expected count is below 5 is to be read with caution.',
  },
  fr: {
    title: 'Tests du khi-deux',
    cols: { variable: 'Variable', chi2: 'χ²', df: 'ddl', p: 'p', v: 'V de Cramér', n: 'n', e5: 'cases d’effectif théorique < 5' },
    sig: (with_: string, names: string, a: string): string => `Lien significatif${with_} (p < ${a}) : ${names}.`,
    none: (with_: string, a: string): string => `Aucune variable n’est significativement liée${with_} (p < ${a}).`,
    with_: (c: string): string => ` avec ${quote(c, 'fr')}`,
    note: 'χ² de Pearson de chaque tableau croisé (correction de Yates pour les tableaux 2 × 2 seulement) ; le V de Cramér mesure l’intensité du lien (0 aucun, 1 total) ; un test dont des cases ont un effectif théorique inférieur à 5 est à lire avec prudence.',
  },
};

/**
 * Several χ² tests of independence side by side — one row per variable crossed with a common
 * column variable (the barometer report's `crosstab_tests` sheet): χ², degrees of freedom,
 * p-value, Cramér's V, n and the number of cells whose expected count is below 5, with a reading
 * naming the variables significantly associated at `alpha`.
 *
 * @param tests `{ label, test }` per variable, `test` a `chiSquareTest` result (@satlab/stats)
 * @param opts `lang`, `labels.cols` (the common column variable, named in the reading), `labels.title`, `alpha` (0.05)
 * @example
 * import { chiSquareTest } from '@satlab/stats';
 * const p = presentChiSquareSummary([
 *   { label: 'Satisfaction', test: chiSquareTest([[30, 54, 96, 18], [6, 36, 102, 18], [6, 0, 12, 12]]) },
 *   { label: 'Réclamation', test: chiSquareTest([[20, 30], [25, 28], [10, 14]]) },
 * ], { lang: 'fr', labels: { cols: 'contrat' } });
 * p.tables[0].columns.map((c) => c.label); //=> ['Variable', 'χ²', 'ddl', 'p', 'V de Cramér', 'n', 'cases d’effectif théorique < 5']
 * p.tables[0].rows.map((r) => r.map((c) => c.t));
 * //=> [['Satisfaction', '47,07', '6', '< 0,001', '0,246', '390', '2'], ['Réclamation', '0,57', '2', '0,752', '0,067', '127', '0']]
 * p.reading; //=> ['Lien significatif avec « contrat » (p < 0,05) : « Satisfaction ».']
 */
export function presentChiSquareSummary(tests: readonly ChiSquareSummaryItem[], opts: ChiSquareSummaryPresentOptions = {}): Presentation {
  const lang: Lang = langOf(opts);
  const w = W[lang];
  const alpha = opts.alpha ?? 0.05;
  const c = w.cols;
  const rows: PresentedCell[][] = tests.map(({ label, test: t }) => [
    text(label),
    cell(t.statistic, 'number', lang, { digits: 2 }),
    cell(t.df, 'count', lang),
    cell(t.pValue, 'pvalue', lang),
    cell(t.cramersV, 'number', lang, { digits: 3 }),
    cell(t.n, 'count', lang),
    cell(t.expectedBelow5, 'count', lang),
  ]);
  const with_ = opts.labels?.cols ? w.with_(opts.labels.cols) : '';
  const a = formatNumber(alpha, lang, 3, 0);
  const sig = tests.filter((x) => x.test.pValue < alpha).map((x) => quote(x.label, lang));
  return {
    kind: 'chiSquareSummary',
    lang,
    title: opts.labels?.title ?? w.title,
    tables: [
      {
        id: 'crosstab_tests',
        title: '',
        columns: [col('variable', c.variable, 'label'), col('chi2', c.chi2, 'number', 2), col('df', c.df, 'count'), col('p', c.p, 'pvalue'), col('v', c.v, 'number', 3), col('n', c.n, 'count'), col('expected5', c.e5, 'count')],
        rows,
      },
    ],
    reading: [sig.length > 0 ? w.sig(with_, list(sig, lang), a) : w.none(with_, a)],
    footnotes: [w.note],
    warnings: renderWarnings(tests.flatMap((x) => x.test.warnings ?? []), lang),
  };
}

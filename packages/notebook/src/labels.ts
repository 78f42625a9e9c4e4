/** Every human label of the notebook displays, in French and English. */
import { formatCount } from '@satlab/format';

export type Lang = 'fr' | 'en';

const fr = {
  moreRows: (n: number) => `… ${formatCount(n, 'fr')} ${n > 1 ? 'lignes' : 'ligne'} de plus`,
  shape: (rows: number, cols: number) => `${formatCount(rows, 'fr')} ${rows > 1 ? 'lignes' : 'ligne'} × ${formatCount(cols, 'fr')} ${cols > 1 ? 'colonnes' : 'colonne'}`,
  empty: '(aucune ligne)',
  result: 'Résultat',
  chart: 'Graphique Vega-Lite',
  yes: 'oui',
  no: 'non',
  values: (n: number) => `${formatCount(n, 'fr')} valeurs`,
  matrix: (r: number, c: number) => `matrice ${r} × ${c}`,
  keys: {
    method: 'Méthode',
    statistic: 'Statistique',
    df: 'Degrés de liberté',
    pValue: 'p-value',
    estimate: 'Estimation',
    ci: 'Intervalle de confiance',
    n: 'Effectif (n)',
    nMissing: 'Valeurs manquantes',
    alternative: 'Hypothèse alternative',
    warnings: 'Avertissements',
  } as Record<string, string>,
};

const en: typeof fr = {
  moreRows: (n: number) => `… ${formatCount(n, 'en')} more ${n > 1 ? 'rows' : 'row'}`,
  shape: (rows: number, cols: number) => `${formatCount(rows, 'en')} ${rows > 1 ? 'rows' : 'row'} × ${formatCount(cols, 'en')} ${cols > 1 ? 'columns' : 'column'}`,
  empty: '(no rows)',
  result: 'Result',
  chart: 'Vega-Lite chart',
  yes: 'yes',
  no: 'no',
  values: (n: number) => `${formatCount(n, 'en')} values`,
  matrix: (r: number, c: number) => `${r} × ${c} matrix`,
  keys: {
    method: 'Method',
    statistic: 'Statistic',
    df: 'Degrees of freedom',
    pValue: 'p-value',
    estimate: 'Estimate',
    ci: 'Confidence interval',
    n: 'n',
    nMissing: 'Missing values',
    alternative: 'Alternative',
    warnings: 'Warnings',
  },
};

/** The label set of a language. */
export function labels(lang: Lang): typeof fr {
  return lang === 'fr' ? fr : en;
}

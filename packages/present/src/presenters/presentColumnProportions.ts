import { formatNumber, formatPercent } from '@satlab/format';
import type { Lang } from '@satlab/format';
import type { ColumnProportionTestsResult } from '@satlab/stats';
import { cell, col, renderWarnings, text } from '../cells.js';
import type { PresentOptions } from '../options.js';
import { langOf } from '../options.js';
import type { Presentation, PresentedTable } from '../types.js';

const W = {
  en: {
    title: 'Column proportions with significance letters',
    adjust: { bonferroni: 'Bonferroni', bh: 'Benjamini–Hochberg', holm: 'Holm', none: 'no adjustment' },
    head: (adj: string, alpha: string): string => `Column % with significance letters (z tests of column proportions, ${adj}, α = ${alpha})`,
    note: "A letter in a cell: this proportion is significantly higher than in that letter's column (same row).",
    rows: 'rows',
    reading: (k: number): string => (k === 0 ? 'No two columns differ significantly in any row.' : `${k} pair(s) of columns differ significantly within a row (see the letters).`),
    fn: 'Two-sided z test of two proportions with pooled variance, within each row, as SPSS CTABLES / Q banner tables.',
  },
  fr: {
    title: 'Proportions en colonne et lettres de significativité',
    adjust: { bonferroni: 'Bonferroni', bh: 'Benjamini–Hochberg', holm: 'Holm', none: 'sans correction' },
    head: (adj: string, alpha: string): string => `% en colonne et lettres de significativité (tests z des proportions entre colonnes, ${adj}, seuil ${alpha})`,
    note: 'Une lettre dans une case : cette proportion est significativement plus élevée que dans la colonne de cette lettre (même ligne).',
    rows: 'lignes',
    reading: (k: number): string => (k === 0 ? 'Aucune paire de colonnes ne diffère significativement, sur aucune ligne.' : `${k} paire(s) de colonnes diffèrent significativement sur une même ligne (voir les lettres).`),
    fn: 'Test z bilatéral de deux proportions à variance commune, ligne par ligne, comme les tris SPSS CTABLES / Q.',
  },
};

/** The column-% table with, in each cell, the letters of the columns significantly lower. */
export function lettersTable(cp: ColumnProportionTestsResult, rowVar: string, lang: Lang): PresentedTable {
  const w = W[lang];
  const alpha = lang === 'fr' ? formatPercent(cp.alpha, lang, 0) : formatNumber(cp.alpha, lang, 2);
  return {
    id: 'columnProportions',
    title: w.head(w.adjust[cp.adjust], alpha),
    rowHeader: true,
    columns: [col('row', rowVar, 'label'), ...cp.colLabels.map((c, j) => col(`c${j}`, `${c} (${cp.columnLetters[j]})`, 'percent'))],
    rows: cp.proportions.map((row, i) => [text(cp.rowLabels[i]), ...row.map((p, j) => cell(p, 'percent', lang, { mark: cp.letters[i][j] }))]),
    notes: [w.note],
  };
}

/**
 * Column-proportion letters for people (SPSS/Q style): the column percentages, each followed by
 * the letters of the columns whose proportion in that row is significantly lower.
 *
 * @example
 * import { columnProportionTests } from '@satlab/stats';
 * const p = presentColumnProportions(columnProportionTests([[30, 10], [10, 30]]), { lang: 'en' });
 * p.tables[0].rows.map((r) => r.map((c) => c.t)); //=> [['1', '75.0%', '25.0%'], ['2', '25.0%', '75.0%']]
 * p.tables[0].rows.map((r) => r.slice(1).map((c) => c.mark ?? '')); //=> [['B', ''], ['', 'A']] (75 % in column A beats column B)
 * p.reading[0]; //=> '2 pair(s) of columns differ significantly within a row (see the letters).'
 */
export function presentColumnProportions(cp: ColumnProportionTestsResult, opts: PresentOptions = {}): Presentation {
  const lang = langOf(opts);
  const w = W[lang];
  const significant = cp.letters.flat().reduce((a, s) => a + s.length, 0);
  return {
    kind: 'columnProportions',
    lang,
    title: opts.labels?.title ?? w.title,
    tables: [lettersTable(cp, opts.labels?.rows ?? w.rows, lang)],
    reading: [w.reading(significant)],
    footnotes: [w.fn],
    warnings: renderWarnings(cp.warnings, lang),
  };
}

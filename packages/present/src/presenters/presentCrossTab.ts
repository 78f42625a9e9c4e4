import type { CrossTab } from '@satlab/stats';
import { cell, col, quote, renderWarnings, text } from '../cells.js';
import type { PresentOptions } from '../options.js';
import { langOf } from '../options.js';
import type { Presentation, PresentedCell, PresentedTable } from '../types.js';

/** Options of {@link presentCrossTab}. */
export interface CrossTabPresentOptions extends PresentOptions {
  /** Which percentages to show beside the counts: `'row'` (default), `'col'`, `'total'`, `'none'`. */
  percent?: 'row' | 'col' | 'total' | 'none';
}

const W = {
  en: {
    title: (v: string): string => `Cross-tab ${v}`,
    counts: (weighted: boolean): string => (weighted ? 'Weighted counts' : 'Counts'),
    pct: { row: 'Row %', col: 'Column %', total: '% of total' },
    total: 'Total',
    n: (n: string, miss: string | null): string => `n = ${n}${miss ? `; ${miss} excluded for missing answers` : ''}`,
    why: (r: number, c: number, w: number): string => `Excluded: missing row value ${r}, missing column value ${c}${w ? `, missing weight ${w}` : ''} (a respondent may count in several).`,
    reading: (items: string[]): string => `Most frequent answer in each row (row %): ${items.join('; ')}.`,
  },
  fr: {
    title: (v: string): string => `Tableau croisé ${v}`,
    counts: (weighted: boolean): string => (weighted ? 'Effectifs pondérés' : 'Effectifs'),
    pct: { row: '% en ligne', col: '% en colonne', total: '% du total' },
    total: 'Total',
    n: (n: string, miss: string | null): string => `n = ${n}${miss ? ` ; ${miss} exclus pour non-réponse` : ''}`,
    why: (r: number, c: number, w: number): string => `Exclus : ligne manquante ${r}, colonne manquante ${c}${w ? `, poids manquant ${w}` : ''} (un répondant peut compter plusieurs fois).`,
    reading: (items: string[]): string => `Réponse la plus fréquente de chaque ligne (% en ligne) : ${items.join(' ; ')}.`,
  },
};

/** The names of a cross-tab's variables: the caller's labels, else what a column-name call recorded (codebook label, then column name). */
export function crossTabNames(ct: object, opts: PresentOptions | undefined): { rows: string | null; cols: string | null } {
  const r = ct as { rowVariable?: unknown; colVariable?: unknown; rowVariableLabel?: unknown; colVariableLabel?: unknown };
  const s = (x: unknown): string | null => (typeof x === 'string' && x !== '' ? x : null);
  return { rows: opts?.labels?.rows ?? s(r.rowVariableLabel) ?? s(r.rowVariable), cols: opts?.labels?.cols ?? s(r.colVariableLabel) ?? s(r.colVariable) };
}

/**
 * A grid of counts (or percentages) with the row labels down the first column, the column
 * labels across, and a Total row and column.
 */
export function gridTable(
  id: string,
  title: string,
  corner: string,
  rowLabels: readonly string[],
  colLabels: readonly string[],
  values: readonly (readonly number[])[],
  kind: 'count' | 'percent',
  cellOf: (x: number, i: number, j: number) => PresentedCell,
  totals: { row: (i: number) => PresentedCell; col: (j: number) => PresentedCell; all: PresentedCell; label: string } | null,
): PresentedTable {
  const rows: PresentedCell[][] = values.map((r, i) => [text(rowLabels[i]), ...r.map((x, j) => cellOf(x, i, j)), ...(totals ? [totals.row(i)] : [])]);
  if (totals) rows.push([text(totals.label), ...colLabels.map((_, j) => totals.col(j)), totals.all]);
  return {
    id,
    title,
    rowHeader: true,
    columns: [col('row', corner, 'label'), ...colLabels.map((l, j) => col(`c${j}`, l, kind)), ...(totals ? [col('total', totals.label, kind)] : [])],
    rows,
    ...(totals ? { totalRows: [rows.length - 1] } : {}),
  };
}

/** "Auto → « Oui » (75,0 %)" for each non-empty row: its most frequent column. */
function modal(ct: CrossTab, lang: 'fr' | 'en'): string[] {
  return ct.rowLevels
    .map((label, i) => {
      if (!(ct.rowTotals[i] > 0)) return '';
      let best = 0;
      ct.counts[i].forEach((x, j) => (x > ct.counts[i][best] ? (best = j) : 0));
      return `${label} → ${quote(ct.colLevels[best], lang)} (${cell(ct.counts[i][best] / ct.rowTotals[i], 'percent', lang).t})`;
    })
    .filter((s) => s !== '');
}

/**
 * A cross-tab for people: the counts with their margins (row and column labels, never row
 * numbers) and the row, column or total percentages (shares shown as `%` with one decimal), the
 * base and the excluded respondents.
 *
 * @example
 * import { crossTab } from '@satlab/stats';
 * const p = presentCrossTab(crossTab(['Auto', 'Habitation', 'Auto'], ['Oui', 'Non', 'Non']), { lang: 'fr', labels: { rows: 'contrat', cols: 'avis' } });
 * p.title; //=> 'Tableau croisé contrat × avis'
 * p.tables.map((t) => t.title); //=> ['Effectifs', '% en ligne']
 * p.tables[1].rows[1].map((c) => c.t); //=> ['Habitation', '100,0 %', '0,0 %', '100,0 %']
 * p.reading[0]; //=> 'Réponse la plus fréquente de chaque ligne (% en ligne) : Auto → « Non » (50,0 %) ; Habitation → « Non » (100,0 %).'
 */
export function presentCrossTab(ct: CrossTab, opts: CrossTabPresentOptions = {}): Presentation {
  const lang = langOf(opts);
  const w = W[lang];
  const names = crossTabNames(ct, opts);
  const rowName = names.rows ?? '';
  const vars = names.rows && names.cols ? `${names.rows} × ${names.cols}` : (names.rows ?? names.cols ?? '');
  const countCell = (x: number): PresentedCell => cell(x, 'count', lang, { digits: ct.weighted ? 1 : 0 });
  const tables: PresentedTable[] = [
    gridTable('counts', w.counts(ct.weighted), rowName, ct.rowLevels, ct.colLevels, ct.counts, 'count', (x) => countCell(x), {
      row: (i) => countCell(ct.rowTotals[i]),
      col: (j) => countCell(ct.colTotals[j]),
      all: countCell(ct.total),
      label: w.total,
    }),
  ];
  const percent = opts.percent ?? 'row';
  if (percent !== 'none') {
    const den = (i: number, j: number): number => (percent === 'row' ? (i < ct.rowLevels.length ? ct.rowTotals[i] : ct.total) : percent === 'col' ? (j < ct.colLevels.length ? ct.colTotals[j] : ct.total) : ct.total);
    const share = (x: number, i: number, j: number): PresentedCell => cell(den(i, j) > 0 ? x / den(i, j) : NaN, 'percent', lang);
    const r = ct.rowLevels.length;
    const c = ct.colLevels.length;
    tables.push(
      gridTable(`${percent}Percents`, w.pct[percent], rowName, ct.rowLevels, ct.colLevels, ct.counts, 'percent', share, {
        row: (i) => share(ct.rowTotals[i], i, c),
        col: (j) => share(ct.colTotals[j], r, j),
        all: share(ct.total, r, c),
        label: w.total,
      }),
    );
  }
  const miss = ct.nMissing > 0 ? cell(ct.nMissing, 'count', lang).t : null;
  const footnotes = ct.nMissing > 0 ? [w.why(ct.missingBy.rows, ct.missingBy.cols, ct.missingBy.weights)] : [];
  return {
    kind: 'crossTab',
    lang,
    title: opts.labels?.title ?? w.title(vars).trim(),
    subtitle: w.n(cell(ct.n, 'count', lang).t, miss),
    tables,
    reading: ct.rowLevels.length > 0 && ct.colLevels.length > 1 ? [w.reading(modal(ct, lang))] : [],
    footnotes,
    warnings: renderWarnings(ct.warnings, lang),
  };
}

import type { Message } from '@satlab/messages';
import { normalSf } from './distributions/normal.js';
import { ctMsg } from './messages.js';
import { pAdjust } from './pAdjust.js';
import { checkLabels, margins, readTable } from './internal/contingency.js';
import type { TableInput } from './internal/contingency.js';

/** Options of {@link columnProportionTests}. */
export interface ColumnProportionTestsOptions {
  /** Multiplicity adjustment: `'bonferroni'` (default, as SPSS), `'bh'` (Benjamini–Hochberg FDR), `'holm'` or `'none'`. */
  adjust?: 'bonferroni' | 'bh' | 'holm' | 'none';
  /** Which p-values are adjusted together: the pairs within each row (default, as SPSS) or all pairs of the table. */
  family?: 'row' | 'table';
  /** Significance level applied to the adjusted p-values. Default 0.05. */
  alpha?: number;
  /** Row labels (default "1", "2", …). */
  rowLabels?: readonly string[];
  /** Column labels (default "1", "2", …). */
  colLabels?: readonly string[];
  /** Letters naming the columns (default "A", "B", …, "Z", "AA", …). */
  letters?: readonly string[];
  /**
   * Weighted data: the table holds weighted counts and each column is tested on its effective
   * base n_j = (Σw)²/Σw² over the column's respondents (Kish; `kishEffectiveN` of their weights),
   * as SPSS Custom Tables "effective base": p_ij = x_ij / Σ_i x_ij, pooled p = (p_A n_A + p_B n_B)/(n_A + n_B),
   * z = (p_A − p_B)/√(p(1 − p)(1/n_A + 1/n_B)). Default: the column totals (unweighted counts).
   */
  effectiveBases?: readonly number[];
}

/** One pairwise comparison of two column proportions within a row. */
export interface ColumnProportionComparison {
  row: number;
  /** 0-based column indices, colA < colB. */
  colA: number;
  colB: number;
  pA: number;
  pB: number;
  /** z = (pA − pB) / √(p̄(1 − p̄)(1/nA + 1/nB)), p̄ the pooled proportion. */
  z: number;
  /** Two-sided p-value 2·P(Z > |z|) (= R `prop.test(c(xA, xB), c(nA, nB), correct = FALSE)$p.value`). */
  pValue: number;
  pAdjusted: number;
  significant: boolean;
}

/** Result of {@link columnProportionTests}. */
export interface ColumnProportionTestsResult {
  method: string;
  test: 'two-sided z test of two proportions, pooled variance';
  adjust: 'bonferroni' | 'bh' | 'holm' | 'none';
  family: 'row' | 'table';
  alpha: number;
  rowLabels: string[];
  colLabels: string[];
  /** The letter of each column. */
  columnLetters: string[];
  /** Column proportions x_ij / n_j (NaN for an empty column). */
  proportions: number[][];
  /** Per cell, the letters of the columns whose proportion in this row is significantly lower (e.g. "AC"). */
  letters: string[][];
  comparisons: ColumnProportionComparison[];
  /** How to read the letters. */
  letterConvention: string;
  warnings: Message[];
}

function defaultLetters(k: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < k; i++) {
    let s = '';
    let v = i;
    do {
      s = String.fromCharCode(65 + (v % 26)) + s;
      v = Math.floor(v / 26) - 1;
    } while (v >= 0);
    out.push(s);
  }
  return out;
}

/**
 * Compares column proportions within each row of a cross-tab, as SPSS Custom Tables "Compare
 * column proportions" and banner tables (Q, Askia) do: for row i and every pair of columns (j, k),
 * a two-sided z test of p_ij = x_ij / n_j against p_ik with pooled variance
 * z = (p_ij − p_ik) / √(p̄(1 − p̄)(1/n_j + 1/n_k)), p̄ = (x_ij + x_ik)/(n_j + n_k), p-values
 * adjusted for the number of pairs compared in the row (Bonferroni by default, or BH / Holm; or
 * across the whole table with `family: 'table'`).
 *
 * Letter convention (SPSS "APA-style" off, Q): each column gets a letter (A, B, C, …); a cell shows
 * the letters of the columns whose proportion in that row is significantly *lower* than this
 * cell's. So "B" in cell (Santé, Plutôt satisfait) reads "Santé customers are more often 'Plutôt
 * satisfait' than those of column B". As SPSS, a cell whose proportion is 0 or 1 is not compared
 * (the pooled test degenerates there) and a warning names it.
 *
 * Assumptions: unweighted counts of independent respondents, columns are independent samples.
 * Reference: IBM SPSS Statistics Custom Tables, "Compare column proportions"; R
 * `prop.test(c(x1, x2), c(n1, n2), correct = FALSE)` for each pair and `p.adjust`.
 *
 * @param table rows of counts (categories in rows, groups — e.g. contracts — in columns).
 * @throws {TypeError|RangeError} on a malformed table, bad options or labels of the wrong length.
 * @example
 * columnProportionTests([[30, 6], [54, 36]], { colLabels: ['Auto', 'Habitation'] }).letters;
 * //=> [['B', ''], ['', 'A']]
 * // Auto more often in row 1 than Habitation, Habitation more often in row 2
 * columnProportionTests([[30.5, 6.2], [54.1, 36.8]], { effectiveBases: [70.2, 35.9] }).comparisons[0].z;
 * //=> 2.32997… (weighted counts, each column tested on its Kish effective base)
 */
export function columnProportionTests(table: TableInput, options: ColumnProportionTestsOptions = {}): ColumnProportionTestsResult {
  const fn = 'columnProportionTests';
  const adjust = options.adjust ?? 'bonferroni';
  const family = options.family ?? 'row';
  const alpha = options.alpha ?? 0.05;
  if (!['bonferroni', 'bh', 'holm', 'none'].includes(adjust)) throw new RangeError(`${fn}(options.adjust): expected 'bonferroni', 'bh', 'holm' or 'none', got ${String(adjust)}`);
  if (family !== 'row' && family !== 'table') throw new RangeError(`${fn}(options.family): expected 'row' or 'table', got ${String(family)}`);
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`${fn}(options.alpha): expected a number in (0, 1), got ${alpha}`);
  const t = readTable(fn, 'table', table);
  const { r, c, x } = t;
  const rowLabels = checkLabels(fn, 'options.rowLabels', options.rowLabels, r);
  const colLabels = checkLabels(fn, 'options.colLabels', options.colLabels, c);
  const columnLetters = options.letters ? checkLabels(fn, 'options.letters', options.letters, c) : defaultLetters(c);
  const { colTotals } = margins(t);
  const prop = (i: number, j: number): number => (colTotals[j] > 0 ? x[i * c + j] / colTotals[j] : NaN);
  const eb = options.effectiveBases;
  if (eb !== undefined) {
    if (!Array.isArray(eb) || eb.length !== c) throw new RangeError(`${fn}(options.effectiveBases): expected ${c} numbers (one per column), got ${Array.isArray(eb) ? eb.length : typeof eb}`);
    eb.forEach((v, j) => {
      if (!(typeof v === 'number' && v >= 0 && Number.isFinite(v))) throw new RangeError(`${fn}(options.effectiveBases): base ${String(v)} of column ${j + 1} is not a finite number ≥ 0`);
    });
  }
  const base = (j: number): number => (eb ? eb[j] : colTotals[j]);

  const comparisons: ColumnProportionComparison[] = [];
  const extreme: string[] = [];
  for (let i = 0; i < r; i++) {
    const used: number[] = [];
    for (let j = 0; j < c; j++) {
      if (!(colTotals[j] > 0)) continue;
      const p = prop(i, j);
      if (p <= 0 || p >= 1) extreme.push(`"${rowLabels[i]}" × "${colLabels[j]}"`);
      else used.push(j);
    }
    for (let a = 0; a < used.length; a++) {
      for (let b = a + 1; b < used.length; b++) {
        const j = used[a];
        const k = used[b];
        const nA = base(j);
        const nB = base(k);
        const pA = prop(i, j);
        const pB = prop(i, k);
        const pooled = (pA * nA + pB * nB) / (nA + nB);
        const z = (pA - pB) / Math.sqrt(pooled * (1 - pooled) * (1 / nA + 1 / nB));
        comparisons.push({ row: i, colA: j, colB: k, pA, pB, z, pValue: Math.min(1, 2 * normalSf(Math.abs(z))), pAdjusted: NaN, significant: false });
      }
    }
  }
  const method = adjust === 'bh' ? 'BH' : adjust;
  const groups = family === 'table' ? [comparisons] : Array.from({ length: r }, (_, i) => comparisons.filter((q) => q.row === i));
  for (const g of groups) {
    const adj = pAdjust(g.map((q) => q.pValue), method);
    g.forEach((q, k) => {
      q.pAdjusted = adj[k];
      q.significant = adj[k] < alpha;
    });
  }
  const letters: string[][] = Array.from({ length: r }, () => new Array<string>(c).fill(''));
  for (const q of comparisons) {
    if (!q.significant) continue;
    if (q.pA > q.pB) letters[q.row][q.colA] += columnLetters[q.colB];
    else if (q.pB > q.pA) letters[q.row][q.colB] += columnLetters[q.colA];
  }
  // Keep letters in column order within each cell.
  const order = new Map(columnLetters.map((l, j) => [l, j]));
  for (let i = 0; i < r; i++) {
    for (let j = 0; j < c; j++) {
      if (letters[i][j].length > 1) {
        const parts = comparisons.filter((q) => q.significant && q.row === i && ((q.colA === j && q.pA > q.pB) || (q.colB === j && q.pB > q.pA))).map((q) => columnLetters[q.colA === j ? q.colB : q.colA]);
        letters[i][j] = parts.sort((u, v) => (order.get(u) ?? 0) - (order.get(v) ?? 0)).join('');
      }
    }
  }
  const warnings: Message[] = [];
  const empty = colLabels.filter((_, j) => !(colTotals[j] > 0));
  if (empty.length) warnings.push(ctMsg.emptyColumnNotTested({ cols: empty }));
  if (extreme.length) warnings.push(ctMsg.propExtreme({ cells: extreme }));
  if (eb) warnings.push(ctMsg.weightedColumnProportions());
  const adjName = { bonferroni: 'Bonferroni', bh: 'Benjamini–Hochberg', holm: 'Holm', none: 'no' }[adjust];
  return {
    method: `Comparison of column proportions${eb ? ' (weighted, effective bases)' : ''}: two-sided z tests (pooled variance) for each pair of columns within each row, ${adjName} adjustment ${family === 'row' ? 'within each row' : 'over all pairs of the table'}, alpha = ${alpha}`,
    test: 'two-sided z test of two proportions, pooled variance',
    adjust,
    family,
    alpha,
    rowLabels,
    colLabels,
    columnLetters,
    proportions: Array.from({ length: r }, (_, i) => Array.from({ length: c }, (_, j) => prop(i, j))),
    letters,
    comparisons,
    letterConvention: 'A letter in a cell names a column whose proportion in that row is significantly lower than this column’s (after adjustment).',
    warnings,
  };
}

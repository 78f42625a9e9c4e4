import { formatCount, formatNumber, formatPercent } from '@satlab/format';
import type { Lang } from '@satlab/format';
import type { ChiSquareTestResult, ColumnProportionTestsResult, FisherExactTestResult, MonteCarloChiSquareResult, RaoScottResult } from '@satlab/stats';
import { cell, col, list, pText, quote, renderWarnings, signed } from '../cells.js';
import type { PresentOptions } from '../options.js';
import { langOf } from '../options.js';
import type { Presentation, PresentedCell, PresentedTable } from '../types.js';
import { crossTabNames, gridTable } from './presentCrossTab.js';
import { lettersTable } from './presentColumnProportions.js';
import { fisherLine } from './presentFisher.js';

/** Options of {@link presentChiSquare}. */
export interface ChiSquarePresentOptions extends PresentOptions {
  /** Percentages beside the counts: `'row'` (default), `'col'`, `'total'`. */
  percent?: 'row' | 'col' | 'total';
  /** Fisher's exact test of the same table, shown and used to check a doubtful χ². */
  fisher?: FisherExactTestResult | null;
  /** Column-proportion letters of the same table (a column-% table with letters). */
  letters?: ColumnProportionTestsResult | null;
  /** Respondents excluded upstream for missing answers (default: the result's `nMissing`). */
  nMissing?: number;
  /** Name the `satlab chi2` options that give a Monte-Carlo or exact p-value when the reading advises one (default true; a report for managers sets it to false). */
  commandHint?: boolean;
}

type Lw = (typeof W)['en'];
const W = {
  en: {
    titlePearson: "Pearson's chi-squared test of independence",
    titleYates: "Pearson's chi-squared test of independence with Yates' continuity correction",
    titleRao: 'Chi-squared test with the Rao & Scott correction (weighted data)',
    data: (vars: string, n: string, miss: string | null): string => `Data: ${vars} (n = ${n}${miss ? `; ${miss} excluded for missing answers` : ''})`,
    df: 'df',
    p: 'p-value',
    v: "Cramér's V",
    vBias: 'V bias-corrected (Bergsma)',
    cc: 'contingency coefficient',
    g2: 'likelihood ratio G²',
    pG2: 'p (G²)',
    mc: (b: string, seed: number): string => `Monte-Carlo p (${b} tables, seed ${seed})`,
    rao: { chi: 'corrected χ²', pearson: 'Pearson χ² rescaled to n', deff: 'mean design effect δ̄', neff: 'Kish effective n', f2: 'second-order F', pf2: 'p (F)' },
    counts: (weighted: boolean): string => (weighted ? 'Weighted counts' : 'Counts'),
    pct: { row: 'Row %', col: 'Column %', total: '% of total' },
    total: 'Total',
    residuals: 'Adjusted standardized residuals (*: |r| ≥ 1.96, significant departure at the 5% level)',
    expected: 'Expected counts under independence',
    the: (c: string): string => `the distribution of ${c}`,
    answers: 'the answers',
    adjRes: 'adjusted residual ',
    more: 'more often',
    less: 'less often',
    yes: (what: string, plural: boolean, rv: string, test: string): string => `Yes, ${what} ${plural ? 'differ' : 'differs'} significantly by ${rv} (${test})`,
    drivers: (parts: string[]): string => `; the difference comes mostly from: ${parts.join('; ')}.`,
    small: ' (* cell with an expected count below 5: read with care.)',
    strength: (s: string, v: string): string => `Strength of the association: ${s} (Cramér's V = ${v}). An adjusted residual beyond ±1.96 marks a cell that departs from independence at the 5% level.`,
    no: (what: string, rv: string, test: string): string => `No, there is no evidence that ${what} differs by ${rv} (${test}): the differences seen are compatible with chance at the 5% level.`,
    levels: ['negligible', 'weak', 'moderate', 'strong'],
    mcName: 'The Monte-Carlo p-value',
    fisherName: "Fisher's exact test",
    confirms: 'confirms the conclusion',
    refutes: 'does not confirm it: rely on it instead',
    check: ' Check with a Monte-Carlo or exact p-value',
    checkHint: ' (satlab chi2 --monte-carlo 10000 or --exact)',
    caution: (k: number, cells: number, share: string, min: string): string => `Caution: ${k} of ${cells} cells (${share}) have an expected count below 5 (minimum ${min}); the chi-square approximation may be inaccurate.`,
    removed: (r: string[], c: string[]): string => `Empty rows or columns left out of the test: ${[...r, ...c].join(', ')}.`,
    fnResid: 'Adjusted residual = (O − E)/√(E (1 − row share)(1 − column share)), as R chisq.test()$stdres and SPSS ASRESID; ≈ N(0, 1) under independence.',
    fnV: "Cramér's V = √(χ² / (n (min(r, c) − 1))); strength read with Cohen's w = V·√(min(r, c) − 1): 0.1 weak, 0.3 moderate, 0.5 strong.",
    fnRao: 'Rao & Scott first-order correction: Pearson χ² computed on the weighted shares, divided by the mean design effect (R survey::svychisq, statistic = "Chisq").',
  },
  fr: {
    titlePearson: 'Test du khi-deux d’indépendance (Pearson)',
    titleYates: 'Test du khi-deux d’indépendance (Pearson, correction de continuité de Yates)',
    titleRao: 'Test du khi-deux avec correction de Rao & Scott (données pondérées)',
    data: (vars: string, n: string, miss: string | null): string => `Données : ${vars} (n = ${n}${miss ? ` ; ${miss} exclus pour non-réponse` : ''})`,
    df: 'ddl',
    p: 'p',
    v: 'V de Cramér',
    vBias: 'V corrigé du biais (Bergsma)',
    cc: 'coefficient de contingence',
    g2: 'rapport de vraisemblance G²',
    pG2: 'p (G²)',
    mc: (b: string, seed: number): string => `p Monte-Carlo (${b} tableaux, graine ${seed})`,
    rao: { chi: 'χ² corrigé', pearson: 'χ² de Pearson ramené à n', deff: 'effet de plan moyen δ̄', neff: 'n effectif (Kish)', f2: 'F de second ordre', pf2: 'p (F)' },
    counts: (weighted: boolean): string => (weighted ? 'Effectifs pondérés' : 'Effectifs'),
    pct: { row: '% en ligne', col: '% en colonne', total: '% du total' },
    total: 'Total',
    residuals: 'Résidus standardisés ajustés (* : |r| ≥ 1,96, écart significatif au seuil de 5\u00a0%)',
    expected: 'Effectifs théoriques sous l’hypothèse d’indépendance',
    the: (c: string): string => `la répartition de ${c}`,
    answers: 'les réponses',
    adjRes: 'résidu ajusté ',
    more: 'plus souvent',
    less: 'moins souvent',
    yes: (what: string, plural: boolean, rv: string, test: string): string => `Oui, ${what} ${plural ? 'diffèrent' : 'diffère'} significativement selon ${rv} (${test})`,
    drivers: (parts: string[]): string => ` ; la différence tient surtout à : ${parts.join(' ; ')}.`,
    small: ' (* case d’effectif théorique < 5 : à lire avec prudence.)',
    strength: (s: string, v: string): string => `Intensité de la liaison : ${s} (V de Cramér = ${v}). Un résidu ajusté au-delà de ±1,96 signale une case qui s’écarte de l’indépendance au seuil de 5\u00a0%.`,
    no: (what: string, rv: string, test: string): string => `Non, on ne peut pas conclure que ${what} diffère selon ${rv} (${test}) : les écarts observés sont compatibles avec le hasard au seuil de 5\u00a0%.`,
    levels: ['négligeable', 'faible', 'moyenne', 'forte'],
    mcName: 'La p-value Monte-Carlo',
    fisherName: 'Le test exact de Fisher',
    confirms: 'confirme la conclusion',
    refutes: 'ne confirme pas la conclusion : fiez-vous à elle',
    check: ' Vérifiez avec une p-value Monte-Carlo ou exacte',
    checkHint: ' (satlab chi2 --monte-carlo 10000 ou --exact)',
    caution: (k: number, cells: number, share: string, min: string): string =>
      `Prudence : ${k} case(s) sur ${cells} (${share}) ont un effectif théorique inférieur à 5 (minimum ${min}) ; l’approximation du khi-deux peut être imprécise.`,
    removed: (r: string[], c: string[]): string => `Lignes ou colonnes vides écartées du test : ${[...r, ...c].join(', ')}.`,
    fnResid: 'Résidu ajusté = (O − E)/√(E (1 − part de la ligne)(1 − part de la colonne)), comme R chisq.test()$stdres et SPSS ASRESID ; ≈ N(0, 1) sous l’indépendance.',
    fnV: 'V de Cramér = √(χ² / (n (min(r, c) − 1))) ; intensité lue avec le w de Cohen = V·√(min(r, c) − 1) : 0,1 faible, 0,3 moyenne, 0,5 forte.',
    fnRao: 'Correction de Rao & Scott au premier ordre : χ² de Pearson sur les parts pondérées, divisé par l’effet de plan moyen (R survey::svychisq, statistic = "Chisq").',
  },
};

/** A χ² result of either kind, reduced to what the tables and the reading need. */
interface Core {
  statistic: number;
  df: number;
  pValue: number;
  n: number;
  cramersV: number;
  observed: number[][];
  expected: number[][];
  adjustedResiduals: number[][];
  rowLabels: string[];
  colLabels: string[];
  weighted: boolean;
}

function isRaoScott(r: ChiSquareTestResult | RaoScottResult): r is RaoScottResult {
  return Array.isArray((r as RaoScottResult).weightedCounts);
}

/** Cohen's (1988) w = V·√(min(r, c) − 1): 0.1 small, 0.3 medium, 0.5 large. */
function strength(v: number, r: number, c: number, w: Lw): string {
  const cw = v * Math.sqrt(Math.min(r, c) - 1);
  return w.levels[cw < 0.1 ? 0 : cw < 0.3 ? 1 : cw < 0.5 ? 2 : 3];
}

/** The plain-language reading: the answer, the cells that drive it, its strength, the cautions. */
function reading(s: Core, rowVar: string, colVar: string | null, mc: MonteCarloChiSquareResult | null, fisher: FisherExactTestResult | null, lang: Lang, commandHint: boolean): string[] {
  const w: Lw = W[lang];
  const test = `χ² = ${formatNumber(s.statistic, lang, 2)}, ${w.df} = ${s.df}, ${pText(s.pValue, lang)}`;
  const rv = quote(rowVar, lang);
  const what = colVar ? w.the(quote(colVar, lang)) : w.answers;
  const out: string[] = [];
  if (s.pValue < 0.05) {
    const cells: { i: number; j: number; r: number }[] = [];
    s.adjustedResiduals.forEach((row, i) => row.forEach((r, j) => Math.abs(r) >= 1.96 && cells.push({ i, j, r })));
    let first = true;
    let anySmall = false;
    // "Auto/Moto « A » (+3,5) et « B » (+2,1)": the significant cells of one sign, grouped by row in table order.
    const clause = (sign: 1 | -1, verb: string): string[] =>
      s.rowLabels
        .map((label, i) => {
          const mine = cells.filter((c) => c.i === i && Math.sign(c.r) === sign);
          if (mine.length === 0) return '';
          const items = mine.map((c) => {
            const small = s.expected[c.i][c.j] < 5;
            anySmall ||= small;
            const res = `${first ? w.adjRes : ''}${signed(c.r, lang)}${small ? '*' : ''}`;
            first = false;
            return `${quote(s.colLabels[c.j], lang)} (${res})`;
          });
          return `${label} ${verb} ${list(items, lang)}`;
        })
        .filter((x) => x !== '');
    const parts = [...clause(1, w.more), ...clause(-1, w.less)];
    let drivers = '.';
    if (parts.length) drivers = w.drivers(parts) + (anySmall ? w.small : '');
    out.push(w.yes(what, colVar === null, rv, test) + drivers);
    out.push(w.strength(strength(s.cramersV, s.rowLabels.length, s.colLabels.length, w), formatNumber(s.cramersV, lang, 3)));
  } else {
    out.push(w.no(what, rv, test));
  }
  const below = s.expected.flat().filter((e) => e < 5);
  if (below.length > 0) {
    const cells = s.observed.length * (s.observed[0]?.length ?? 0);
    const min = Math.min(...s.expected.flat());
    let check: string;
    const alt = mc ?? fisher;
    if (alt) {
      const agrees = alt.pValue < 0.05 === s.pValue < 0.05;
      check = ` ${mc ? w.mcName : w.fisherName} (${pText(alt.pValue, lang)}) ${agrees ? w.confirms : w.refutes}.`;
    } else check = `${w.check}${commandHint ? w.checkHint : ''}.`;
    out.push(w.caution(below.length, cells, formatPercent(below.length / cells, lang), formatNumber(min, lang, 2)) + check);
  }
  return out;
}

/**
 * A χ² test of independence for people (Pearson with or without Yates, or Rao–Scott on weighted
 * data): the test line as R prints it (χ², df, p-value), effect sizes (Cramér's V, bias-corrected
 * V, contingency coefficient, φ), the G-test, the Monte-Carlo p-value and Fisher's test when
 * present, the counts with percentages, the adjusted residuals marked beyond ±1.96, the
 * column-proportion letters when given, and a reading naming the cells that drive the result.
 *
 * @example
 * import { chiSquareTest } from '@satlab/stats';
 * const t = chiSquareTest([[30, 10], [15, 25]], { rowLabels: ['Auto', 'Habitation'], colLabels: ['Satisfait', 'Insatisfait'] });
 * const p = presentChiSquare(t, { lang: 'fr' });
 * p.title; //=> 'Test du khi-deux d’indépendance (Pearson, correction de continuité de Yates)'
 * p.summary?.slice(0, 3).map((s) => `${s.label} = ${s.value.t}`); //=> ['χ² = 9,96', 'ddl = 1', 'p = 0,002']
 * p.tables.map((x) => x.title);
 * //=> ['Effectifs', '% en ligne', 'Résidus standardisés ajustés (* : |r| ≥ 1,96, écart significatif au seuil de 5 %)']
 * p.tables[2].rows[0].map((c) => c.t); //=> ['Auto', '+3,38', '−3,38']
 * p.tables[2].rows[0][1].mark; //=> '*'
 */
export function presentChiSquare(result: ChiSquareTestResult | RaoScottResult, opts: ChiSquarePresentOptions = {}): Presentation {
  const lang = langOf(opts);
  const w: Lw = W[lang];
  const names = crossTabNames(result, opts);
  const rowVar = names.rows ?? (lang === 'fr' ? 'lignes' : 'rows');
  const colVar = names.cols;
  const rs = isRaoScott(result) ? result : null;
  const t = rs ? null : (result as ChiSquareTestResult);
  const core: Core = rs
    ? { ...rs, observed: rs.weightedCounts, weighted: true }
    : { ...(t as ChiSquareTestResult), weighted: false };
  const num = (x: number, d: number): PresentedCell => cell(x, 'number', lang, { digits: d });
  const summary: { label: string; value: PresentedCell }[] = [];
  if (rs) {
    summary.push(
      { label: w.rao.chi, value: num(rs.statistic, 2) },
      { label: w.df, value: cell(rs.df, 'count', lang) },
      { label: w.p, value: cell(rs.pValue, 'pvalue', lang) },
      { label: w.v, value: num(rs.cramersV, 3) },
      { label: w.rao.pearson, value: num(rs.pearsonStatistic, 2) },
      { label: w.rao.deff, value: num(rs.designEffect, 3) },
      { label: w.rao.neff, value: num(rs.effectiveN, 1) },
      { label: w.rao.f2, value: num(rs.secondOrder.statistic, 3) },
      { label: w.rao.pf2, value: cell(rs.secondOrder.pValue, 'pvalue', lang) },
    );
  } else if (t) {
    summary.push(
      { label: 'χ²', value: num(t.statistic, 2) },
      { label: w.df, value: cell(t.df, 'count', lang) },
      { label: w.p, value: cell(t.pValue, 'pvalue', lang) },
      { label: w.v, value: num(t.cramersV, 3) },
      { label: w.vBias, value: num(t.cramersVBiasCorrected, 3) },
      { label: w.cc, value: num(t.contingencyCoefficient, 3) },
      ...(t.phi !== null ? [{ label: 'φ', value: num(t.phi, 3) }] : []),
      { label: w.g2, value: num(t.gTest.statistic, 2) },
      { label: w.pG2, value: cell(t.gTest.pValue, 'pvalue', lang) },
    );
    if (t.monteCarlo) summary.push({ label: w.mc(formatCount(t.monteCarlo.replicates, lang), t.monteCarlo.seed), value: cell(t.monteCarlo.pValue, 'pvalue', lang) });
  }
  const fisher = opts.fisher ?? null;
  const fl = fisher ? fisherLine(fisher, lang) : null;
  if (fl) summary.push(...fl);

  const r = core.rowLabels.length;
  const c = core.colLabels.length;
  const rowT = core.observed.map((row) => row.reduce((a, b) => a + b, 0));
  const colT = core.colLabels.map((_, j) => core.observed.reduce((a, row) => a + row[j], 0));
  const total = rowT.reduce((a, b) => a + b, 0);
  const countCell = (x: number): PresentedCell => cell(x, 'count', lang, { digits: core.weighted ? 1 : 0 });
  const percent = opts.percent ?? 'row';
  const den = (i: number, j: number): number => (percent === 'row' ? (i < r ? rowT[i] : total) : percent === 'col' ? (j < c ? colT[j] : total) : total);
  const share = (x: number, i: number, j: number): PresentedCell => cell(den(i, j) > 0 ? x / den(i, j) : NaN, 'percent', lang);
  const tables: PresentedTable[] = [
    gridTable('observed', w.counts(core.weighted), rowVar, core.rowLabels, core.colLabels, core.observed, 'count', (x) => countCell(x), {
      row: (i) => countCell(rowT[i]),
      col: (j) => countCell(colT[j]),
      all: countCell(total),
      label: w.total,
    }),
    gridTable(`${percent}Percents`, w.pct[percent], rowVar, core.rowLabels, core.colLabels, core.observed, 'percent', share, {
      row: (i) => share(rowT[i], i, c),
      col: (j) => share(colT[j], r, j),
      all: share(total, r, c),
      label: w.total,
    }),
    gridTable('adjustedResiduals', w.residuals, rowVar, core.rowLabels, core.colLabels, core.adjustedResiduals, 'count', (x) => ({ v: x, t: signed(x, lang, 2), ...(Math.abs(x) >= 1.96 ? { mark: '*' } : {}) }), null),
  ];
  // Residual cells are numbers with 2 decimals, not counts.
  tables[2] = { ...tables[2], columns: tables[2].columns.map((cc, j) => (j === 0 ? cc : col(cc.key, cc.label, 'number', 2))) };
  if (core.expected.flat().some((e) => e < 5)) {
    tables.push(gridTable('expected', w.expected, rowVar, core.rowLabels, core.colLabels, core.expected, 'count', (x) => ({ v: x, t: formatNumber(x, lang, 2, 2), ...(x < 5 ? { mark: '*' } : {}) }), null));
  }
  if (opts.letters) tables.push(lettersTable(opts.letters, rowVar, lang));

  const removed = [...(result.removedRows ?? []), ...(result.removedCols ?? [])];
  const nMissing = opts.nMissing ?? result.nMissing ?? 0;
  const vars = colVar ? `${rowVar} × ${colVar}` : rowVar;
  const footnotes = [w.fnResid, w.fnV, ...(rs ? [w.fnRao] : []), ...(removed.length ? [w.removed(result.removedRows, result.removedCols)] : [])];
  return {
    kind: 'chiSquare',
    lang,
    title: opts.labels?.title ?? (rs ? w.titleRao : t?.yates ? w.titleYates : w.titlePearson),
    subtitle: w.data(vars, formatCount(core.n, lang), nMissing > 0 ? formatCount(nMissing, lang) : null),
    summary,
    tables,
    reading: reading(core, rowVar, colVar, t?.monteCarlo ?? null, fisher, lang, opts.commandHint ?? true),
    footnotes,
    warnings: renderWarnings([...result.warnings, ...(fisher?.warnings ?? []), ...(opts.letters?.warnings ?? [])], lang),
  };
}


import { renderMessage } from '@satlab/messages';
import { presentChiSquare } from '@satlab/present';
import { chiSquareTest, columnProportionTests, crossTab, fisherExactTest, raoScottChiSquare } from '@satlab/stats';
import type { ChiSquareTestResult, ColumnProportionTestsResult, FisherExactTestResult, RaoScottResult } from '@satlab/stats';
import type { Message } from '@satlab/messages';
import type { Command } from '../command.js';
import { numberOption, positional, printJson, printPresentation, stringOption, UsageError } from '../command.js';
import { cliMsg } from '../messages.js';
import { CODEBOOK_OPTION } from './_survey.js';
import { applyCollapse, parseCollapse, readContingencyFile, readRespondents } from './_chi2Input.js';

// --------------------------------------------------------------------------------------------

const command: Command = {
  name: 'chi2',
  summary: {
    en: 'chi-square test of independence of a cross-tab, with the cells that drive it',
    fr: 'test du khi-deux d’indépendance d’un tableau croisé, et les cases qui font la différence',
  },
  usage: [
    'chi2 <file> --rows <col> --cols <col> [--weight <col>] [--codebook <file>] [--monte-carlo N] [--seed S] [--exact] [--no-correct] [--collapse "A+B=C"] [--json]',
    'chi2 <file> --table [--monte-carlo N] [--seed S] [--exact] [--no-correct] [--collapse "A+B=C"] [--json]',
  ],
  options: {
    rows: { type: 'string', arg: '<col>', description: { en: 'row variable (e.g. the contract type)', fr: 'variable en ligne (par ex. le type de contrat)' } },
    cols: { type: 'string', arg: '<col>', description: { en: 'column variable (e.g. the satisfaction level)', fr: 'variable en colonne (par ex. le niveau de satisfaction)' } },
    weight: { type: 'string', arg: '<col>', description: { en: 'weight column: Rao–Scott corrected test (never a plain chi-square on weighted counts)', fr: 'colonne de poids : test corrigé de Rao–Scott (jamais un khi-deux simple sur des effectifs pondérés)' } },
    table: { type: 'boolean', description: { en: 'the file is a contingency table: first column row labels, header column labels, cells counts', fr: 'le fichier est un tableau de contingence : 1re colonne libellés des lignes, en-tête libellés des colonnes, cases effectifs' } },
    'monte-carlo': { type: 'string', arg: '<N>', description: { en: 'also a Monte-Carlo p-value from N simulated tables with the same margins', fr: 'aussi une p-value Monte-Carlo sur N tableaux simulés de mêmes marges' } },
    seed: { type: 'string', arg: '<S>', description: { en: 'seed of the Monte-Carlo draws (default 1)', fr: 'graine des tirages Monte-Carlo (défaut 1)' } },
    exact: { type: 'boolean', description: { en: "also Fisher's exact test (Monte-Carlo when the table is too large)", fr: 'aussi le test exact de Fisher (Monte-Carlo si le tableau est trop grand)' } },
    'no-correct': { type: 'boolean', description: { en: "no Yates' continuity correction on a 2×2 table", fr: 'pas de correction de continuité de Yates sur un tableau 2×2' } },
    collapse: {
      type: 'string',
      arg: '"A+B=Label"',
      multiple: true,
      description: { en: 'merge categories before the test (repeatable; rows or columns found by name)', fr: 'regrouper des modalités avant le test (répétable ; lignes ou colonnes trouvées par leur nom)' },
    },
    letters: {
      type: 'string',
      arg: 'bonferroni|bh|holm|none',
      description: {
        en: 'significance letters between columns (z tests of column proportions within each row, as SPSS/Q banner tables), with this adjustment',
        fr: 'lettres de significativité entre colonnes (tests z des proportions en colonne, ligne par ligne, comme les tris SPSS/Q), avec cette correction',
      },
    },
    percent: { type: 'string', arg: 'row|col|total', description: { en: 'percentages shown in the table (default row)', fr: 'pourcentages affichés dans le tableau (défaut : en ligne)' } },
    ...CODEBOOK_OPTION,
  },
  details: {
    en: [
      'JSON keys: statistic, df, pValue, n, nMissing, method, cramersV, cramersVBiasCorrected, contingencyCoefficient, phi,',
      'expected, observed, adjustedResiduals, residuals, rowPercents, colPercents (matrices, rows × columns), rowLabels, colLabels,',
      'expectedBelow5, minExpected, removedRows, removedCols, gTest {statistic, df, pValue}, monteCarlo, fisher, weighted,',
      '(weighted: designEffect, effectiveN, pearsonStatistic, secondOrder), columnProportions (with --letters), collapsed, warnings ({ code, params, text } messages).',
      'Example (BTS 2007 annex 3): satlab chi2 datasets/bts-2007/annex3.csv --table --lang fr',
      '  satlab chi2 datasets/bts-2007/annex3.csv --table --collapse "Pas du tout satisfait+Plutôt pas satisfait=Insatisfait" \\',
      '    --collapse "Plutôt satisfait+Tout à fait satisfait=Satisfait"',
    ].join('\n'),
    fr: [
      'Clés JSON : statistic, df, pValue, n, nMissing, method, cramersV, cramersVBiasCorrected, contingencyCoefficient, phi,',
      'expected, observed, adjustedResiduals, residuals, rowPercents, colPercents (matrices lignes × colonnes), rowLabels, colLabels,',
      'expectedBelow5, minExpected, removedRows, removedCols, gTest {statistic, df, pValue}, monteCarlo, fisher, weighted,',
      '(pondéré : designEffect, effectiveN, pearsonStatistic, secondOrder), columnProportions (avec --letters), collapsed, warnings (messages { code, params, text }).',
      'Exemple (BTS 2007 annexe 3) : satlab chi2 datasets/bts-2007/annex3.csv --table --lang fr',
      '  satlab chi2 datasets/bts-2007/annex3.csv --table --collapse "Pas du tout satisfait+Plutôt pas satisfait=Insatisfait" \\',
      '    --collapse "Plutôt satisfait+Tout à fait satisfait=Satisfait"',
    ].join('\n'),
  },
  run(ctx) {
    const file = positional(ctx, 0, 'file');
    if (ctx.positionals.length > 1) throw new UsageError(cliMsg.unexpectedArgument({ value: ctx.positionals[1], command: 'chi2' }));
    const tableMode = ctx.values.table === true;
    const rows = stringOption(ctx, 'rows');
    const cols = stringOption(ctx, 'cols');
    const weight = stringOption(ctx, 'weight');
    if (tableMode && (rows || cols || weight)) throw new UsageError(cliMsg.tableAndColumns());
    if (!tableMode && (!rows || !cols)) throw new UsageError(cliMsg.rowsColsOrTable({ option: rows ? 'cols' : 'rows' }));
    const percentOpt = stringOption(ctx, 'percent') ?? 'row';
    if (percentOpt !== 'row' && percentOpt !== 'col' && percentOpt !== 'total') throw new UsageError(cliMsg.oneOf({ option: 'percent', allowed: ['row', 'col', 'total'], value: percentOpt }));
    const percent = percentOpt;
    const mcText = stringOption(ctx, 'monte-carlo');
    const replicates = mcText === undefined ? undefined : numberOption(ctx, 'monte-carlo');
    if (replicates !== undefined && !(Number.isInteger(replicates) && replicates >= 1)) throw new UsageError(cliMsg.wholeAtLeast({ option: 'monte-carlo', min: 1, value: String(mcText) }));
    const seed = numberOption(ctx, 'seed', 1);
    const exact = ctx.values.exact === true;
    const correct = ctx.values['no-correct'] !== true;
    if (weight && (replicates !== undefined || exact)) throw new UsageError(cliMsg.weightedNoExact());
    const lettersOpt = stringOption(ctx, 'letters');
    if (lettersOpt !== undefined && !['bonferroni', 'bh', 'holm', 'none'].includes(lettersOpt)) throw new UsageError(cliMsg.oneOf({ option: 'letters', allowed: ['bonferroni', 'bh', 'holm', 'none'], value: lettersOpt }));
    if (lettersOpt !== undefined && weight) throw new UsageError(cliMsg.weightedNoLetters());
    const collapseSpecs = (ctx.values.collapse as string[] | undefined) ?? [];
    const groups = parseCollapse(collapseSpecs);

    let input = tableMode ? readContingencyFile(ctx, file) : readRespondents(ctx, file, rows as string, cols as string, weight);
    input = applyCollapse(input, groups);

    const monteCarlo = replicates !== undefined ? { replicates, seed } : undefined;
    let json: Record<string, unknown>;
    let t: ChiSquareTestResult | null = null;
    let rs: RaoScottResult | null = null;
    let fisher: FisherExactTestResult | null = null;
    let letters: ColumnProportionTestsResult | null = null;
    const weighted = input.raw?.weights !== undefined;
    if (weighted && input.raw?.weights) {
      const raw = input.raw;
      rs = raoScottChiSquare(raw.rowCodes, raw.colCodes, raw.weights as Float64Array, { rowLevels: input.rowLabels, colLevels: input.colLabels });
      const ct = crossTab(raw.rowCodes, raw.colCodes, { rowLevels: input.rowLabels, colLevels: input.colLabels, weights: raw.weights });
      const keepR = rs.rowLabels.map((l) => ct.rowLevels.indexOf(l));
      const keepC = rs.colLabels.map((l) => ct.colLevels.indexOf(l));
      const pick = (m: number[][]): number[][] => keepR.map((i) => keepC.map((j) => m[i][j]));
      const expected = rs.expected.flat();
      const below5 = expected.filter((e) => e < 5).length;
      json = {
        ...rs,
        observed: rs.weightedCounts,
        rowPercents: pick(ct.rowPercents),
        colPercents: pick(ct.colPercents),
        contingencyCoefficient: Math.sqrt(rs.pearsonStatistic / (rs.pearsonStatistic + rs.n)),
        expectedBelow5: below5,
        minExpected: Math.min(...expected),
        monteCarlo: null,
        fisher: null,
        weighted: true,
        warnings: [...input.warnings.filter((w) => !(rs!.warnings as (string | Message)[]).includes(w)), ...rs.warnings],
      };
    } else {
      t = chiSquareTest(input.counts, { correct, rowLabels: input.rowLabels, colLabels: input.colLabels, ...(monteCarlo ? { monteCarlo } : {}) });
      if (exact) fisher = fisherExactTest(t.observed, { monteCarloFallback: { replicates: replicates ?? 10000, seed } });
      const pctOf = (den: (i: number, j: number) => number): number[][] => t!.observed.map((row, i) => row.map((x, j) => (100 * x) / den(i, j)));
      if (lettersOpt !== undefined) {
        letters = columnProportionTests(t.observed, { adjust: lettersOpt as ColumnProportionTestsResult['adjust'], rowLabels: t.rowLabels, colLabels: t.colLabels });
      }
      json = {
        ...t,
        nMissing: input.nMissing,
        rowPercents: pctOf((i) => t!.rowTotals[i]),
        colPercents: pctOf((_, j) => t!.colTotals[j]),
        fisher,
        ...(letters ? { columnProportions: { method: letters.method, adjust: letters.adjust, alpha: letters.alpha, columnLetters: letters.columnLetters, letters: letters.letters, letterConvention: letters.letterConvention } } : {}),
        weighted: false,
        warnings: [...input.warnings, ...t.warnings, ...(fisher?.warnings ?? []), ...(letters?.warnings ?? [])],
      };
    }
    json = {
      file,
      mode: input.mode,
      rowVariable: input.rowVariable,
      colVariable: input.colVariable,
      ...json,
      gTest: { statistic: (json.gTest as { statistic: number }).statistic, df: (json.gTest as { df: number }).df, pValue: (json.gTest as { pValue: number }).pValue },
      collapsed: groups,
    };
    if (ctx.json) return printJson(ctx, json);

    const labels = { rows: input.rowVariable, ...(input.colVariable ? { cols: input.colVariable } : {}) };
    const result = rs ?? (t as ChiSquareTestResult);
    const p = presentChiSquare(result, { lang: ctx.lang, labels, percent, fisher, letters, nMissing: input.nMissing });
    // Warnings of the input (margins left out, loader notes) come first, then the test's.
    printPresentation(ctx, { ...p, warnings: [...new Set([...input.warnings.map((w) => renderMessage(w, ctx.lang)), ...p.warnings])] });
  },
};
export default command;

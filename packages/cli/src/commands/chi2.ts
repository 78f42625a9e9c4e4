import { factorOf, getColumn, InputError, readDelimited } from '@satlab/data';
import { chiSquareTest, collapseCategories, columnProportionTests, crossTab, fisherExactTest, raoScottChiSquare } from '@satlab/stats';
import type { ChiSquareTestResult, ColumnProportionTestsResult, FisherExactTestResult, RaoScottResult } from '@satlab/stats';
import { presentChiSquare } from '@satlab/present';
import type { Command, CommandContext } from '../command.js';
import { numberOption, positional, printJson, printPresentation, stringOption, UsageError } from '../command.js';
import { cliMsg } from '../messages.js';
import { CODEBOOK_OPTION, numberColumn, openSurvey, readInput } from './_survey.js';
import { renderMessage } from '@satlab/messages';
import type { Message } from '@satlab/messages';

/** The cross-tab to test, whichever way it came in. */
interface Input {
  mode: 'respondents' | 'table';
  /** Counts (weighted sums when weighted). */
  counts: number[][];
  rowLabels: string[];
  colLabels: string[];
  /** Names of the two variables for the reading (column label from the codebook, else its name). */
  rowVariable: string;
  colVariable: string | null;
  nMissing: number;
  warnings: (string | Message)[];
  /** Respondent data, kept for the weighted (Rao–Scott) test. */
  raw?: { rowCodes: Int32Array; colCodes: Int32Array; weights?: Float64Array };
}

interface Group {
  label: string;
  members: string[];
}

const MARGIN_LABEL = /^(total|totaux|ensemble|sum|somme|all)$/i;
const fold = (s: string): string => s.trim().toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '');

// --------------------------------------------------------------------------------------------
// Input

/** Reads a contingency-table file: first column row labels, header column labels, cells counts. */
function readContingencyFile(ctx: CommandContext, file: string): Input {
  const data = readDelimited({ name: file, bytes: readInput(ctx, file) });
  if (data.header.length < 3) throw new InputError(cliMsg.tableTooNarrow({ n: data.header.length }), { file, line: 1 });
  if (data.rows.length < 2) throw new InputError(cliMsg.tableTooShort({ n: data.rows.length }), { file });
  const warnings: Message[] = [];
  let colIdx = data.header.map((_, j) => j).slice(1);
  const marginCols = colIdx.filter((j) => MARGIN_LABEL.test(data.header[j].trim()));
  if (marginCols.length) {
    colIdx = colIdx.filter((j) => !marginCols.includes(j));
    warnings.push(cliMsg.marginColumns({ names: marginCols.map((j) => data.header[j]) }));
  }
  const rowLabels: string[] = [];
  const counts: number[][] = [];
  data.rows.forEach((row, i) => {
    const label = row[0].trim();
    if (MARGIN_LABEL.test(label)) {
      warnings.push(cliMsg.marginRow({ label, line: data.lines[i] }));
      return;
    }
    if (label === '') throw new InputError(cliMsg.emptyRowLabel(), { file, line: data.lines[i], column: 1 });
    rowLabels.push(label);
    counts.push(
      colIdx.map((j) => {
        const raw = row[j];
        let t = raw.trim().replace(/[\s\u00a0\u202f]/g, '');
        if (data.format.decimal === ',') t = t.replace(',', '.');
        const x = t === '' ? NaN : Number(t);
        if (!Number.isFinite(x) || x < 0) {
          throw new InputError(t === '' ? cliMsg.emptyCount() : cliMsg.notACount({ value: raw.trim() }), {
            file,
            line: data.lines[i],
            column: j + 1,
            columnName: data.header[j],
            value: raw.trim(),
          });
        }
        return x;
      }),
    );
  });
  const first = data.header[0].trim();
  return { mode: 'table', counts, rowLabels, colLabels: colIdx.map((j) => data.header[j].trim()), rowVariable: first === '' ? 'rows' : first, colVariable: null, nMissing: 0, warnings };
}

/** Reads a respondent file and cross-tabulates two of its columns. */
function readRespondents(ctx: CommandContext, file: string, rows: string, cols: string, weight: string | undefined): Input {
  const sf = openSurvey(ctx, file, { numeric: weight ? [weight] : [], other: [rows, cols] });
  const fR = factorOfColumn(sf.table, rows);
  const fC = factorOfColumn(sf.table, cols);
  const weights = weight ? numberColumn(sf, weight).values : undefined;
  const ct = crossTab(fR.codes, fC.codes, { rowLevels: fR.levels, colLevels: fC.levels, ...(weights ? { weights } : {}) });
  return {
    mode: 'respondents',
    counts: ct.counts,
    rowLabels: ct.rowLevels,
    colLabels: ct.colLevels,
    rowVariable: getColumn(sf.table, rows).label ?? rows,
    colVariable: getColumn(sf.table, cols).label ?? cols,
    nMissing: ct.nMissing,
    warnings: [...sf.report.warnings, ...ct.warnings],
    raw: { rowCodes: fR.codes, colCodes: fC.codes, ...(weights ? { weights } : {}) },
  };
}

function factorOfColumn(table: Parameters<typeof factorOf>[0], name: string): { codes: Int32Array; levels: string[] } {
  const f = factorOf(table, name);
  return { codes: f.codes, levels: f.levels };
}

/** Parses `--collapse "A+B=Label"` (several groups separated by ";" or several options). */
function parseCollapse(specs: string[]): Group[] {
  const groups: Group[] = [];
  for (const spec of specs) {
    for (const part of spec.split(';')) {
      if (part.trim() === '') continue;
      const eq = part.lastIndexOf('=');
      const membersText = eq >= 0 ? part.slice(0, eq) : part;
      const members = membersText.split('+').map((m) => m.trim()).filter((m) => m !== '');
      const label = eq >= 0 ? part.slice(eq + 1).trim() : members.join(' + ');
      if (members.length < 1 || label === '') throw new UsageError(cliMsg.collapseSyntax({ part: part.trim() }));
      groups.push({ label, members });
    }
  }
  return groups;
}

/** Which dimension each group belongs to; members matched exactly, then ignoring case and accents. */
function placeGroups(groups: Group[], rowLabels: string[], colLabels: string[]): { rows: Group[]; cols: Group[] } {
  const find = (m: string, labels: string[]): string | undefined => labels.find((l) => l === m) ?? labels.find((l) => fold(l) === fold(m));
  const out = { rows: [] as Group[], cols: [] as Group[] };
  for (const g of groups) {
    const inRows = g.members.map((m) => find(m, rowLabels));
    const inCols = g.members.map((m) => find(m, colLabels));
    if (inCols.every((x) => x !== undefined)) out.cols.push({ label: g.label, members: inCols as string[] });
    else if (inRows.every((x) => x !== undefined)) out.rows.push({ label: g.label, members: inRows as string[] });
    else {
      const unknown = g.members.filter((m) => find(m, colLabels) === undefined && find(m, rowLabels) === undefined);
      throw new UsageError(cliMsg.collapseUnknown({ spec: `${g.members.join('+')}=${g.label}`, unknown, rows: rowLabels, cols: colLabels }));
    }
  }
  return out;
}

/** Recodes factor codes for merged levels (each group at its first member's place). */
function recode(codes: Int32Array, levels: string[], groups: Group[]): { codes: Int32Array; levels: string[] } {
  if (groups.length === 0) return { codes, levels };
  const newLevels: string[] = [];
  const map = new Int32Array(levels.length);
  const groupAt = new Map<string, number>();
  levels.forEach((l, k) => {
    const g = groups.find((q) => q.members.includes(l));
    if (!g) {
      map[k] = newLevels.length;
      newLevels.push(l);
    } else {
      let at = groupAt.get(g.label);
      if (at === undefined) {
        at = newLevels.length;
        newLevels.push(g.label);
        groupAt.set(g.label, at);
      }
      map[k] = at;
    }
  });
  return { codes: codes.map((c) => (c < 0 ? -1 : map[c])), levels: newLevels };
}

function applyCollapse(input: Input, groups: Group[]): Input {
  if (groups.length === 0) return input;
  const placed = placeGroups(groups, input.rowLabels, input.colLabels);
  if (input.raw) {
    const R = recode(input.raw.rowCodes, input.rowLabels, placed.rows);
    const C = recode(input.raw.colCodes, input.colLabels, placed.cols);
    const ct = crossTab(R.codes, C.codes, { rowLevels: R.levels, colLevels: C.levels, ...(input.raw.weights ? { weights: input.raw.weights } : {}) });
    return { ...input, counts: ct.counts, rowLabels: R.levels, colLabels: C.levels, raw: { ...input.raw, rowCodes: R.codes, colCodes: C.codes } };
  }
  const c = collapseCategories(input.counts, { rowLabels: input.rowLabels, colLabels: input.colLabels, rows: placed.rows, cols: placed.cols });
  return { ...input, counts: c.table, rowLabels: c.rowLabels, colLabels: c.colLabels };
}

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

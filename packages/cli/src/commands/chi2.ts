import { factorOf, getColumn, InputError, readDelimited } from '@satlab/data';
import { formatCount, formatNumber, formatPercent, formatPValue, textTable } from '@satlab/format';
import type { Lang } from '@satlab/format';
import { chiSquareTest, collapseCategories, columnProportionTests, crossTab, fisherExactTest, raoScottChiSquare } from '@satlab/stats';
import type { ChiSquareTestResult, ColumnProportionTestsResult, FisherExactTestResult, MonteCarloChiSquareResult, RaoScottResult } from '@satlab/stats';
import type { Command, CommandContext } from '../command.js';
import { numberOption, positional, printJson, stringOption, UsageError } from '../command.js';
import { CODEBOOK_OPTION, numberColumn, openSurvey, readInput, warningsBlock } from './_survey.js';
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
  if (data.header.length < 3) throw new InputError(`a contingency table needs a label column and at least 2 count columns, found ${data.header.length} column(s)`, { file, line: 1 });
  if (data.rows.length < 2) throw new InputError(`a contingency table needs at least 2 rows of counts, found ${data.rows.length}`, { file });
  const warnings: string[] = [];
  let colIdx = data.header.map((_, j) => j).slice(1);
  const marginCols = colIdx.filter((j) => MARGIN_LABEL.test(data.header[j].trim()));
  if (marginCols.length) {
    colIdx = colIdx.filter((j) => !marginCols.includes(j));
    warnings.push(`Column(s) ${marginCols.map((j) => `"${data.header[j]}"`).join(', ')} look like margins (totals) and were left out of the table.`);
  }
  const rowLabels: string[] = [];
  const counts: number[][] = [];
  data.rows.forEach((row, i) => {
    const label = row[0].trim();
    if (MARGIN_LABEL.test(label)) {
      warnings.push(`Row "${label}" (line ${data.lines[i]}) looks like a margin (totals) and was left out of the table.`);
      return;
    }
    if (label === '') throw new InputError('empty row label (first column)', { file, line: data.lines[i], column: 1 });
    rowLabels.push(label);
    counts.push(
      colIdx.map((j) => {
        const raw = row[j];
        let t = raw.trim().replace(/[\s\u00a0\u202f]/g, '');
        if (data.format.decimal === ',') t = t.replace(',', '.');
        const x = t === '' ? NaN : Number(t);
        if (!Number.isFinite(x) || x < 0) {
          throw new InputError(t === '' ? 'empty cell: a contingency table needs a count in every cell (write 0)' : `"${raw.trim()}" is not a count (a number ≥ 0)`, {
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
      if (members.length < 1 || label === '') throw new UsageError(`--collapse must look like "A+B=New label", got "${part.trim()}"`);
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
      const what = unknown.length ? `unknown categor${unknown.length > 1 ? 'ies' : 'y'} ${unknown.map((u) => `"${u}"`).join(', ')}` : 'members mix row and column categories';
      throw new UsageError(`--collapse "${g.members.join('+')}=${g.label}": ${what} (rows: ${rowLabels.map((l) => `"${l}"`).join(', ')}; columns: ${colLabels.map((l) => `"${l}"`).join(', ')})`);
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
// Human output

const pText = (p: number, lang: Lang): string => (p < 0.001 ? `p ${formatPValue(p, lang)}` : `p = ${formatPValue(p, lang)}`);
const signed = (x: number, lang: Lang, digits = 1): string => (x > 0 ? '+' : x < 0 ? '−' : '') + formatNumber(Math.abs(x), lang, digits);
const q = (s: string, lang: Lang): string => (lang === 'fr' ? `« ${s} »` : `“${s}”`);

/** Cohen's (1988) w = V·√(min(r, c) − 1): 0.1 small, 0.3 medium, 0.5 large. */
function strength(v: number, r: number, c: number, lang: Lang): string {
  const w = v * Math.sqrt(Math.min(r, c) - 1);
  const fr = ['négligeable', 'faible', 'moyenne', 'forte'];
  const en = ['negligible', 'weak', 'moderate', 'strong'];
  const k = w < 0.1 ? 0 : w < 0.3 ? 1 : w < 0.5 ? 2 : 3;
  return lang === 'fr' ? fr[k] : en[k];
}

interface Summary {
  weighted: boolean;
  statistic: number;
  df: number;
  pValue: number;
  n: number;
  cramersV: number;
  expected: number[][];
  adjustedResiduals: number[][];
  rowLabels: string[];
  colLabels: string[];
  observed: number[][];
  expectedBelow5: number;
  minExpected: number;
}

function reading(s: Summary, input: Input, mc: MonteCarloChiSquareResult | null, fisher: FisherExactTestResult | null, lang: Lang): string[] {
  const fr = lang === 'fr';
  const test = `χ² = ${formatNumber(s.statistic, lang, 2)}, ${fr ? 'ddl' : 'df'} = ${s.df}, ${pText(s.pValue, lang)}`;
  const rv = q(input.rowVariable, lang);
  const what = input.colVariable ? (fr ? `la répartition de ${q(input.colVariable, lang)}` : `the distribution of ${q(input.colVariable, lang)}`) : fr ? 'les réponses' : 'the answers';
  const out: string[] = [];
  if (s.pValue < 0.05) {
    const cells: { i: number; j: number; r: number }[] = [];
    s.adjustedResiduals.forEach((row, i) => row.forEach((r, j) => Math.abs(r) >= 1.96 && cells.push({ i, j, r })));
    let first = true;
    let anySmall = false;
    /** "Auto/Moto « A » (+3,5) et « B » (+2,1)": the significant cells of one sign, grouped by row in table order. */
    const clause = (sign: 1 | -1, verb: string): string[] =>
      s.rowLabels
        .map((label, i) => {
          const mine = cells.filter((c) => c.i === i && Math.sign(c.r) === sign);
          if (mine.length === 0) return '';
          const items = mine.map((c) => {
            const small = s.expected[c.i][c.j] < 5;
            anySmall ||= small;
            const res = `${first ? (fr ? 'résidu ajusté ' : 'adjusted residual ') : ''}${signed(c.r, lang)}${small ? '*' : ''}`;
            first = false;
            return `${q(s.colLabels[c.j], lang)} (${res})`;
          });
          const list = items.length === 1 ? items[0] : `${items.slice(0, -1).join(', ')} ${fr ? 'et' : 'and'} ${items[items.length - 1]}`;
          return `${label} ${verb} ${list}`;
        })
        .filter((x) => x !== '');
    const more = clause(1, fr ? 'plus souvent' : 'more often');
    const less = clause(-1, fr ? 'moins souvent' : 'less often');
    const yes = fr
      ? `Oui, ${what} ${input.colVariable ? 'diffère' : 'diffèrent'} significativement selon ${rv} (${test})`
      : `Yes, ${what} ${input.colVariable ? 'differs' : 'differ'} significantly by ${rv} (${test})`;
    let drivers = '.';
    if (more.length || less.length) {
      const parts = [...more, ...less];
      drivers = fr ? ` ; la différence tient surtout à : ${parts.join(' ; ')}.` : `; the difference comes mostly from: ${parts.join('; ')}.`;
      if (anySmall) drivers += fr ? ' (* case d’effectif théorique < 5 : à lire avec prudence.)' : ' (* cell with an expected count below 5: read with care.)';
    }
    out.push(yes + drivers);
    out.push(
      fr
        ? `Intensité de la liaison : ${strength(s.cramersV, s.rowLabels.length, s.colLabels.length, lang)} (V de Cramér = ${formatNumber(s.cramersV, lang, 3)}). Un résidu ajusté au-delà de ±1,96 signale une case qui s’écarte de l’indépendance au seuil de 5 %.`
        : `Strength of the association: ${strength(s.cramersV, s.rowLabels.length, s.colLabels.length, lang)} (Cramér's V = ${formatNumber(s.cramersV, lang, 3)}). An adjusted residual beyond ±1.96 marks a cell that departs from independence at the 5% level.`,
    );
  } else {
    out.push(
      fr
        ? `Non, on ne peut pas conclure que ${what} diffère selon ${rv} (${test}) : les écarts observés sont compatibles avec le hasard au seuil de 5 %.`
        : `No, there is no evidence that ${what} differs by ${rv} (${test}): the differences seen are compatible with chance at the 5% level.`,
    );
  }
  if (s.expectedBelow5 > 0) {
    const cells = s.observed.length * s.observed[0].length;
    const share = formatPercent(s.expectedBelow5 / cells, lang);
    let check: string;
    const alt = mc ?? fisher;
    if (alt) {
      const agrees = alt.pValue < 0.05 === s.pValue < 0.05;
      const name = mc ? (fr ? 'La p-value Monte-Carlo' : 'The Monte-Carlo p-value') : fr ? 'Le test exact de Fisher' : "Fisher's exact test";
      check = fr
        ? ` ${name} (${pText(alt.pValue, lang)}) ${agrees ? 'confirme la conclusion' : 'ne confirme pas la conclusion : fiez-vous à elle'}.`
        : ` ${name} (${pText(alt.pValue, lang)}) ${agrees ? 'confirms the conclusion' : 'does not confirm it: rely on it instead'}.`;
    } else {
      check = fr ? ' Vérifiez avec --monte-carlo 10000 (ou --exact).' : ' Check with --monte-carlo 10000 (or --exact).';
    }
    out.push(
      fr
        ? `Prudence : ${s.expectedBelow5} case(s) sur ${cells} (${share}) ont un effectif théorique inférieur à 5 (minimum ${formatNumber(s.minExpected, lang, 2)}) ; l’approximation du khi-deux peut être imprécise.${check}`
        : `Caution: ${s.expectedBelow5} of ${cells} cells (${share}) have an expected count below 5 (minimum ${formatNumber(s.minExpected, lang, 2)}); the chi-square approximation may be inaccurate.${check}`,
    );
  }
  return out;
}

function crossTable(s: Summary, input: Input, percent: 'row' | 'col' | 'total', lang: Lang): string {
  const fr = lang === 'fr';
  const r = s.rowLabels.length;
  const c = s.colLabels.length;
  const rowT = s.observed.map((row) => row.reduce((a, b) => a + b, 0));
  const colT = s.colLabels.map((_, j) => s.observed.reduce((a, row) => a + row[j], 0));
  const total = rowT.reduce((a, b) => a + b, 0);
  const count = (x: number): string => (s.weighted ? formatNumber(x, lang, 1) : formatCount(x, lang));
  const pct = (x: number, i: number, j: number): string => {
    const den = percent === 'row' ? (i < r ? rowT[i] : total) : percent === 'col' ? (j < c ? colT[j] : total) : total;
    return den > 0 ? formatPercent(x / den, lang) : '—';
  };
  const cell = (x: number, i: number, j: number): string => `${count(x)} (${pct(x, i, j)})`;
  const rows = s.observed.map((row, i) => [s.rowLabels[i], ...row.map((x, j) => cell(x, i, j)), cell(rowT[i], i, c)]);
  rows.push([fr ? 'Total' : 'Total', ...colT.map((x, j) => cell(x, r, j)), cell(total, r, c)]);
  const header = [input.rowVariable, ...s.colLabels, 'Total'];
  return textTable(rows, { header });
}

/** Column percentages with, in each cell, the letters of the columns significantly lower in that row. */
function lettersTable(cp: ColumnProportionTestsResult, input: Input, lang: Lang): string {
  const fr = lang === 'fr';
  const adjust = { bonferroni: 'Bonferroni', bh: 'Benjamini–Hochberg', holm: 'Holm', none: fr ? 'sans correction' : 'no adjustment' }[cp.adjust];
  const head = fr
    ? `% en colonne et lettres de significativité (tests z des proportions entre colonnes, ${adjust}, seuil ${formatPercent(cp.alpha, lang, 0)}) : une lettre dans une case = cette proportion est significativement plus élevée que dans la colonne de cette lettre.`
    : `Column % with significance letters (z tests of column proportions, ${adjust}, α = ${formatNumber(cp.alpha, lang, 2)}): a letter in a cell = this proportion is significantly higher than in that letter's column.`;
  const rows = cp.proportions.map((row, i) => [cp.rowLabels[i], ...row.map((p, j) => `${formatPercent(p, lang)} ${cp.letters[i][j]}`.trimEnd())]);
  return `${head}\n\n${textTable(rows, { header: [input.rowVariable, ...cp.colLabels.map((c, j) => `${c} (${cp.columnLetters[j]})`)] })}`;
}

function residualTable(s: Summary, input: Input, lang: Lang): string {
  const rows = s.adjustedResiduals.map((row, i) => [s.rowLabels[i], ...row.map((x) => signed(x, lang, 2) + (Math.abs(x) >= 1.96 ? ' *' : '  '))]);
  return textTable(rows, { header: [input.rowVariable, ...s.colLabels] });
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
      '(weighted: designEffect, effectiveN, pearsonStatistic, secondOrder), columnProportions (with --letters), collapsed, warnings (English strings).',
      'Example (BTS 2007 annex 3): satlab chi2 datasets/bts-2007/annex3.csv --table --lang fr',
      '  satlab chi2 datasets/bts-2007/annex3.csv --table --collapse "Pas du tout satisfait+Plutôt pas satisfait=Insatisfait" \\',
      '    --collapse "Plutôt satisfait+Tout à fait satisfait=Satisfait"',
    ].join('\n'),
    fr: [
      'Clés JSON : statistic, df, pValue, n, nMissing, method, cramersV, cramersVBiasCorrected, contingencyCoefficient, phi,',
      'expected, observed, adjustedResiduals, residuals, rowPercents, colPercents (matrices lignes × colonnes), rowLabels, colLabels,',
      'expectedBelow5, minExpected, removedRows, removedCols, gTest {statistic, df, pValue}, monteCarlo, fisher, weighted,',
      '(pondéré : designEffect, effectiveN, pearsonStatistic, secondOrder), columnProportions (avec --letters), collapsed, warnings (en anglais).',
      'Exemple (BTS 2007 annexe 3) : satlab chi2 datasets/bts-2007/annex3.csv --table --lang fr',
      '  satlab chi2 datasets/bts-2007/annex3.csv --table --collapse "Pas du tout satisfait+Plutôt pas satisfait=Insatisfait" \\',
      '    --collapse "Plutôt satisfait+Tout à fait satisfait=Satisfait"',
    ].join('\n'),
  },
  run(ctx) {
    const file = positional(ctx, 0, 'file');
    if (ctx.positionals.length > 1) throw new UsageError(`unexpected argument "${ctx.positionals[1]}" (chi2 reads one file)`);
    const tableMode = ctx.values.table === true;
    const rows = stringOption(ctx, 'rows');
    const cols = stringOption(ctx, 'cols');
    const weight = stringOption(ctx, 'weight');
    if (tableMode && (rows || cols || weight)) throw new UsageError('--table reads a contingency table: --rows, --cols and --weight apply to respondent files only');
    if (!tableMode && (!rows || !cols)) throw new UsageError(`missing required option --${rows ? 'cols' : 'rows'} (or --table for a contingency-table file)`);
    const percentOpt = stringOption(ctx, 'percent') ?? 'row';
    if (percentOpt !== 'row' && percentOpt !== 'col' && percentOpt !== 'total') throw new UsageError(`--percent must be row, col or total, got "${percentOpt}"`);
    const percent = percentOpt;
    const mcText = stringOption(ctx, 'monte-carlo');
    const replicates = mcText === undefined ? undefined : numberOption(ctx, 'monte-carlo');
    if (replicates !== undefined && !(Number.isInteger(replicates) && replicates >= 1)) throw new UsageError(`--monte-carlo must be a whole number of replicates ≥ 1, got "${mcText}"`);
    const seed = numberOption(ctx, 'seed', 1);
    const exact = ctx.values.exact === true;
    const correct = ctx.values['no-correct'] !== true;
    if (weight && (replicates !== undefined || exact)) throw new UsageError('--monte-carlo and --exact need unweighted counts; with --weight the Rao–Scott corrected test is used');
    const lettersOpt = stringOption(ctx, 'letters');
    if (lettersOpt !== undefined && !['bonferroni', 'bh', 'holm', 'none'].includes(lettersOpt)) throw new UsageError(`--letters must be bonferroni, bh, holm or none, got "${lettersOpt}"`);
    if (lettersOpt !== undefined && weight) throw new UsageError('--letters needs unweighted counts (column-proportion tests on weighted data are not available)');
    const collapseSpecs = (ctx.values.collapse as string[] | undefined) ?? [];
    const groups = parseCollapse(collapseSpecs);

    let input = tableMode ? readContingencyFile(ctx, file) : readRespondents(ctx, file, rows as string, cols as string, weight);
    input = applyCollapse(input, groups);

    const monteCarlo = replicates !== undefined ? { replicates, seed } : undefined;
    let summary: Summary;
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
      summary = {
        weighted: true,
        statistic: rs.statistic,
        df: rs.df,
        pValue: rs.pValue,
        n: rs.n,
        cramersV: rs.cramersV,
        expected: rs.expected,
        adjustedResiduals: rs.adjustedResiduals,
        rowLabels: rs.rowLabels,
        colLabels: rs.colLabels,
        observed: rs.weightedCounts,
        expectedBelow5: below5,
        minExpected: Math.min(...expected),
      };
      json = {
        ...rs,
        observed: rs.weightedCounts,
        rowPercents: pick(ct.rowPercents),
        colPercents: pick(ct.colPercents),
        contingencyCoefficient: Math.sqrt(rs.pearsonStatistic / (rs.pearsonStatistic + rs.n)),
        expectedBelow5: below5,
        minExpected: summary.minExpected,
        monteCarlo: null,
        fisher: null,
        weighted: true,
        warnings: [...input.warnings.filter((w) => !(rs!.warnings as (string | Message)[]).includes(w)), ...rs.warnings],
      };
    } else {
      t = chiSquareTest(input.counts, { correct, rowLabels: input.rowLabels, colLabels: input.colLabels, ...(monteCarlo ? { monteCarlo } : {}) });
      if (exact) fisher = fisherExactTest(t.observed, { monteCarloFallback: { replicates: replicates ?? 10000, seed } });
      const pctOf = (den: (i: number, j: number) => number): number[][] => t!.observed.map((row, i) => row.map((x, j) => (100 * x) / den(i, j)));
      summary = { ...t, weighted: false };
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

    const lang = ctx.lang;
    const fr = lang === 'fr';
    const out: string[] = [];
    const pctName = { row: fr ? '% en ligne' : 'row %', col: fr ? '% en colonne' : 'column %', total: fr ? '% du total' : '% of total' }[percent];
    const vars = input.colVariable ? `${input.rowVariable} × ${input.colVariable}` : input.rowVariable;
    out.push(
      fr
        ? `Tableau croisé ${vars} — ${weighted ? 'effectifs pondérés' : 'effectifs'} et ${pctName} (n = ${formatCount(summary.n, lang)}${input.nMissing ? ` ; ${formatCount(input.nMissing, lang)} exclus pour non-réponse` : ''})`
        : `Cross-tab ${vars} — ${weighted ? 'weighted counts' : 'counts'} and ${pctName} (n = ${formatCount(summary.n, lang)}${input.nMissing ? `; ${formatCount(input.nMissing, lang)} excluded for missing answers` : ''})`,
    );
    out.push('', crossTable(summary, input, percent, lang), '');
    if (rs) {
      out.push(
        fr
          ? `Test du khi-deux avec correction de Rao & Scott (données pondérées) : χ² corrigé = ${formatNumber(rs.statistic, lang, 2)} ; ddl = ${rs.df} ; ${pText(rs.pValue, lang)}`
          : `Chi-square test with Rao & Scott correction (weighted data): corrected χ² = ${formatNumber(rs.statistic, lang, 2)}; df = ${rs.df}; ${pText(rs.pValue, lang)}`,
        fr
          ? `  χ² de Pearson ramené à n = ${formatNumber(rs.pearsonStatistic, lang, 2)} ; effet de plan moyen δ̄ = ${formatNumber(rs.designEffect, lang, 3)} ; n effectif (Kish) = ${formatNumber(rs.effectiveN, lang, 1)} ; F de second ordre = ${formatNumber(rs.secondOrder.statistic, lang, 3)}, ${pText(rs.secondOrder.pValue, lang)}`
          : `  Pearson χ² rescaled to n = ${formatNumber(rs.pearsonStatistic, lang, 2)}; mean design effect δ̄ = ${formatNumber(rs.designEffect, lang, 3)}; Kish effective n = ${formatNumber(rs.effectiveN, lang, 1)}; second-order F = ${formatNumber(rs.secondOrder.statistic, lang, 3)}, ${pText(rs.secondOrder.pValue, lang)}`,
        fr ? `V de Cramér = ${formatNumber(rs.cramersV, lang, 3)}` : `Cramér's V = ${formatNumber(rs.cramersV, lang, 3)}`,
      );
    } else if (t) {
      const name = fr ? (t.yates ? 'Test du khi-deux d’indépendance (Pearson, correction de Yates)' : 'Test du khi-deux d’indépendance (Pearson)') : t.method;
      out.push(fr ? `${name} : χ² = ${formatNumber(t.statistic, lang, 2)} ; ddl = ${t.df} ; ${pText(t.pValue, lang)}` : `${name}: χ² = ${formatNumber(t.statistic, lang, 2)}; df = ${t.df}; ${pText(t.pValue, lang)}`);
      out.push(
        fr
          ? `V de Cramér = ${formatNumber(t.cramersV, lang, 3)} (corrigé du biais, Bergsma : ${formatNumber(t.cramersVBiasCorrected, lang, 3)}) ; coefficient de contingence = ${formatNumber(t.contingencyCoefficient, lang, 3)}${t.phi !== null ? ` ; φ = ${formatNumber(t.phi, lang, 3)}` : ''}`
          : `Cramér's V = ${formatNumber(t.cramersV, lang, 3)} (bias-corrected, Bergsma: ${formatNumber(t.cramersVBiasCorrected, lang, 3)}); contingency coefficient = ${formatNumber(t.contingencyCoefficient, lang, 3)}${t.phi !== null ? `; φ = ${formatNumber(t.phi, lang, 3)}` : ''}`,
        fr
          ? `Rapport de vraisemblance G² = ${formatNumber(t.gTest.statistic, lang, 2)} ; ${pText(t.gTest.pValue, lang)}`
          : `Likelihood ratio G² = ${formatNumber(t.gTest.statistic, lang, 2)}; ${pText(t.gTest.pValue, lang)}`,
      );
      if (t.monteCarlo) {
        const m = t.monteCarlo;
        out.push(
          fr
            ? `p Monte-Carlo = ${formatPValue(m.pValue, lang, true)} (${formatCount(m.replicates, lang)} tableaux simulés de mêmes marges, graine ${m.seed} ; erreur type ${formatNumber(m.se, lang, 4)})`
            : `Monte-Carlo p = ${formatPValue(m.pValue, lang, true)} (${formatCount(m.replicates, lang)} simulated tables with the same margins, seed ${m.seed}; standard error ${formatNumber(m.se, lang, 4)})`,
        );
      }
      if (fisher) {
        const how =
          fisher.algorithm === 'monte-carlo'
            ? fr
              ? `Monte-Carlo, ${formatCount(fisher.replicates ?? 0, lang)} tableaux, graine ${fisher.seed}`
              : `Monte-Carlo, ${formatCount(fisher.replicates ?? 0, lang)} tables, seed ${fisher.seed}`
            : fr
              ? 'exact'
              : 'exact';
        const or = fisher.estimate !== null && fisher.ci ? (fr ? ` ; rapport de cotes ${formatNumber(fisher.estimate, lang, 3)} [${formatNumber(fisher.ci[0], lang, 3)} ; ${formatNumber(fisher.ci[1], lang, 3)}]` : `; odds ratio ${formatNumber(fisher.estimate, lang, 3)} [${formatNumber(fisher.ci[0], lang, 3)}, ${formatNumber(fisher.ci[1], lang, 3)}]`) : '';
        out.push(fr ? `Test exact de Fisher : ${pText(fisher.pValue, lang)} (${how})${or}` : `Fisher's exact test: ${pText(fisher.pValue, lang)} (${how})${or}`);
      }
    }
    out.push('', fr ? 'Résidus standardisés ajustés (* : |r| ≥ 1,96, écart significatif au seuil de 5 %)' : 'Adjusted standardized residuals (*: |r| ≥ 1.96, significant departure at the 5% level)', '');
    out.push(residualTable(summary, input, lang), '');
    if (letters) out.push(lettersTable(letters, input, lang), '');
    out.push(...reading(summary, input, t?.monteCarlo ?? null, fisher, lang).map((l, k) => (k === 0 ? `${fr ? 'Lecture : ' : 'Reading: '}${l}` : l)));
    out.push(...warningsBlock((json.warnings as (string | Message)[]).map((w) => (typeof w === 'string' ? w : renderMessage(w, lang))), lang));
    ctx.stdout.write(out.join('\n') + '\n');
  },
};
export default command;

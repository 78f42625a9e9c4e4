// Reading the table to test for `satlab chi2`: a contingency-table file or two columns of a
// respondent file, and merging categories (--collapse) before the test.
import { factorOf, getColumn, InputError, readDelimited } from '@satlab/data';
import type { Message } from '@satlab/messages';
import { collapseCategories, crossTab } from '@satlab/stats';
import type { CommandContext } from '../command.js';
import { UsageError } from '../command.js';
import { cliMsg } from '../messages.js';
import { numberColumn, openSurvey, readInput } from './_survey.js';

/** The cross-tab to test, whichever way it came in. */
export interface Input {
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

export interface Group {
  label: string;
  members: string[];
}

const MARGIN_LABEL = /^(total|totaux|ensemble|sum|somme|all)$/i;
const fold = (s: string): string => s.trim().toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '');

// --------------------------------------------------------------------------------------------
// Input

/** Reads a contingency-table file: first column row labels, header column labels, cells counts. */
export function readContingencyFile(ctx: CommandContext, file: string): Input {
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
export function readRespondents(ctx: CommandContext, file: string, rows: string, cols: string, weight: string | undefined): Input {
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
export function parseCollapse(specs: string[]): Group[] {
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

export function applyCollapse(input: Input, groups: Group[]): Input {
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

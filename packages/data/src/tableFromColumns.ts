import type { Message } from '@satlab/messages';
import { assembleColumn } from './internal/assemble.js';
import type { CodebookInput } from './internal/codebookInput.js';
import { resolveCodebook } from './internal/codebookInput.js';
import { MissingRecorder } from './internal/columns.js';
import type { BuildContext } from './internal/columns.js';
import { reasons, usage } from './messages.js';
import type { Column, ColumnSpec, DecimalMark, Table } from './types.js';

/** One column handed to `tableFromColumns`: numbers (typed array or plain), strings, dates, with null/undefined/NaN as missing. */
export type ColumnInput = ArrayLike<number> | readonly (string | number | boolean | Date | null | undefined)[];

/** Options of `tableFromColumns`. */
export interface TableFromColumnsOptions {
  /** Decimal mark of numbers given as strings. Default `'.'`. */
  decimal?: DecimalMark;
  /** As in `loadTable`. Default `'error'`. */
  unknownLevels?: 'error' | 'missing';
  /** As in `loadTable`. Default false. */
  strict?: boolean;
}

const isMissing = (v: unknown): boolean => v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v));

function toCell(v: unknown): string {
  if (isMissing(v)) return '';
  if (v instanceof Date) return v.toISOString();
  return String(v);
}

/**
 * Builds a `Table` from arrays (notebooks, tests, a DataFrame's columns). A column declared in
 * the codebook is typed by it exactly as `loadTable` would type its cells (numbers become text
 * first, so missing codes, scales and labels apply). Undeclared columns: arrays of numbers
 * (null/NaN missing, reason "missing") are numeric, arrays of `Date` are dates, anything else is
 * inferred from its text with `loadTable`'s rules. Errors name the row (as the "line").
 *
 * @param columns Column name → values; all of the same length.
 * @param codebook Optional declarations (`{ columns }`, a `Codebook`, or a codebook path).
 * @throws {RangeError} Columns of different lengths.
 * @throws {InputError} A value that does not fit its declaration (row, column, value).
 * @example
 * const t = tableFromColumns({ sat: [1, 4, 9], contrat: ['Santé', 'Auto/Moto', 'Santé'] },
 *   { columns: { sat: { type: 'ordinal', scale: [1, 4], missing: [9] } } });
 * t.nRows; //=> 3
 * t.columns[0]; //=> { name: 'sat', type: 'ordinal', codes: Int32Array [0, 3, -1], missing: { count: 1, byReason: { 'code 9': 1 } }, … }
 * t.columns[1].type; //=> 'text' (three distinct short values: no category inferred)
 * tableFromColumns({ a: [1, 2], b: [1] }); //=> throws RangeError
 */
export function tableFromColumns(columns: Record<string, ColumnInput>, codebook?: CodebookInput, opts: TableFromColumnsOptions = {}): Table {
  const names = Object.keys(columns);
  const nRows = names.length > 0 ? columns[names[0]].length : 0;
  for (const name of names) {
    if (columns[name].length !== nRows) throw new RangeError(usage.lengthMismatch('tableFromColumns', name, columns[name].length, nRows));
  }
  const specs: Record<string, ColumnSpec> = codebook === undefined ? {} : resolveCodebook(codebook).columns;
  const file = typeof codebook === 'object' && codebook.file ? `<columns> (codebook ${codebook.file})` : '<columns>';
  const warnings: Message[] = [];
  const out: Column[] = [];
  names.forEach((name, j) => {
    const values = columns[name];
    const spec = specs[name];
    if (!spec) {
      let allNumbers = true;
      let allDates = true;
      for (let i = 0; i < nRows && (allNumbers || allDates); i++) {
        const v = values[i];
        if (v === null || v === undefined) continue;
        if (typeof v !== 'number') allNumbers = false;
        if (!(v instanceof Date)) allDates = false;
      }
      if (allNumbers || allDates) {
        const x = new Float64Array(nRows);
        const missing = new MissingRecorder(nRows);
        for (let i = 0; i < nRows; i++) {
          const v = values[i] as number | Date | null | undefined;
          const num = v === null || v === undefined ? NaN : v instanceof Date ? v.getTime() : v;
          x[i] = num;
          if (Number.isNaN(num)) missing.mark(i, reasons.noValue());
        }
        out.push({ name, type: allNumbers ? 'numeric' : 'date', values: x, ...missing.result(), inferred: true });
        return;
      }
    }
    const cells = Array.from(values as ArrayLike<unknown>, toCell);
    const ctx: BuildContext = {
      file,
      lines: null,
      column: j + 1,
      decimal: opts.decimal ?? '.',
      strict: opts.strict ?? false,
      unknownLevels: opts.unknownLevels ?? 'error',
      warnings,
    };
    out.push(assembleColumn(name, cells, spec, ctx, []));
  });
  return { nRows, columns: out };
}

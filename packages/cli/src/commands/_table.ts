/**
 * Shared input of the commands that read a survey file as one typed Table (describe, drivers,
 * factors): the codebook of --codebook, the file loaded with it, and column lists whose
 * `prefix*` items expand to the table's columns.
 * Not a command: main.ts skips files whose name starts with "_".
 */
import type { Codebook, Table } from '@satlab/data';
import { InputError, parseCodebook } from '@satlab/data';
import type { CommandContext } from '../command.js';
import { stringOption, UsageError } from '../command.js';
import { loadSurveyFile, readInput } from './_survey.js';
import { cliMsg } from '../messages.js';

/** The codebook (YAML or JSON) named by --codebook, parsed; undefined without the option. */
export function codebookOption(ctx: CommandContext): Codebook | undefined {
  const codebook = stringOption(ctx, 'codebook');
  return codebook === undefined ? undefined : parseCodebook(readInput(ctx, codebook).toString('utf8'), codebook);
}

/** Loads the survey file, every column (with its codebook when given): CSV, Excel, SPSS or Parquet. */
export function loadSurvey(ctx: CommandContext, file: string): Table {
  return loadSurveyFile(ctx, file).table;
}

/** Splits a comma list; `prefix*` expands to the table's columns starting with `prefix`, in file order. */
export function columnList(table: Table, spec: string, option: string): string[] {
  const names = table.columns.map((c) => c.name);
  const out: string[] = [];
  for (const raw of spec.split(',').map((s) => s.trim()).filter((s) => s !== '')) {
    if (raw.endsWith('*')) {
      const pre = raw.slice(0, -1);
      const hit = names.filter((n) => n.startsWith(pre));
      if (hit.length === 0) throw new InputError(cliMsg.noColumnPrefix({ option, prefix: pre }), { columnName: raw });
      out.push(...hit);
    } else {
      if (!names.includes(raw)) throw new InputError(cliMsg.noColumnOption({ option, column: raw, columns: names }), { columnName: raw });
      out.push(raw);
    }
  }
  if (out.length === 0) throw new UsageError(cliMsg.noColumnListed({ option }));
  return [...new Set(out)];
}

import type { Message } from '@satlab/messages';
import type { DelimitedSource } from '@satlab/data';
import { InputError, readDelimited } from '@satlab/data';
import { textKey } from './internal/cells.js';
import { errors as E, msg } from './messages.js';
import type { OutcomeRecord, Outcomes } from './types.js';

/** Options of {@link loadOutcomes}. */
export interface LoadOutcomesOptions {
  /** Customer id column. Default `customer_id`, else `customer`, else `id`. */
  idColumn?: string;
  /** Treated column (oui/non). Default `treated`. */
  treatedColumn?: string;
  /** Outcome column (kept/left). Default `outcome`. */
  outcomeColumn?: string;
}

/** Accepted spellings (compared without case, accents or surrounding spaces). */
export const OUTCOME_VALUES = Object.freeze({
  treated: ['oui', 'o', 'yes', 'y', 'true', 'vrai', '1', 'x', 'treated', 'traite', 'called', 'appele'],
  untreated: ['non', 'n', 'no', 'false', 'faux', '0', 'untreated', 'not treated', 'non traite', 'not called', 'non appele'],
  kept: ['kept', 'retained', 'stayed', 'renewed', 'conserve', 'garde', 'reste', 'fidele', 'renouvele'],
  left: ['left', 'lost', 'churned', 'gone', 'cancelled', 'canceled', 'parti', 'perdu', 'resilie', 'quitte'],
});

const sets = {
  treated: new Set(OUTCOME_VALUES.treated),
  untreated: new Set(OUTCOME_VALUES.untreated),
  kept: new Set(OUTCOME_VALUES.kept),
  left: new Set(OUTCOME_VALUES.left),
};

function column(header: string[], wanted: string | undefined, defaults: string[], file: string): number {
  const names = wanted !== undefined ? [wanted] : defaults;
  const j = header.findIndex((h) => names.includes(h));
  if (j < 0) throw new InputError(E.noOutcomeColumn({ names, columns: header }), { file, line: 1 });
  return j;
}

/**
 * Reads the outcome file of a treated callback queue — one row per dissatisfied customer:
 * `customer_id,treated,outcome` with treated = oui/non (yes/no, 1/0…) and outcome = kept/left
 * (conservé/parti, retained/churned…, see `OUTCOME_VALUES`) at the next renewal. The callback
 * list written by `writeQueueCsv`, once its `treated` and `outcome` columns are filled in, is
 * such a file (other columns are ignored). Format (separator, decimal mark, encoding) detected.
 *
 * Rows with an empty treated or outcome cell are set aside as "outcome not yet known", rows
 * without an id as "no customer id", a repeated id keeps its first row: all listed in `excluded`
 * with their line. A `simulated` column with a yes value marks the file as simulated.
 *
 * @param source a file path or `{ name, bytes }`.
 * @throws {InputError} file errors; a missing column; a treated or outcome value not in the
 *   accepted lists (file, line, column, value).
 * @example
 * loadOutcomes({ name: 'o.csv', bytes: 'customer_id,treated,outcome\nC1,oui,kept\nC2,non,left\nC3,oui,\n' });
 * //=> { source: 'o.csv', simulated: false, records: [{ id: 'C1', treated: true, kept: true }, { id: 'C2', treated: false, kept: false }],
 * //     excluded: [{ line: 4, id: 'C3', reason: 'outcome not yet known' }], warnings: [{ code: 'alerts.outcomePending', params: { n: 1 }, text: '1 customer without a known outcome'… }] }
 */
export function loadOutcomes(source: DelimitedSource, options: LoadOutcomesOptions = {}): Outcomes {
  const data = readDelimited(source);
  const { header, rows, lines, file } = data;
  const jId = column(header, options.idColumn, ['customer_id', 'customer', 'id'], file);
  const jT = column(header, options.treatedColumn, ['treated'], file);
  const jO = column(header, options.outcomeColumn, ['outcome'], file);
  const jS = header.indexOf('simulated');
  const records: OutcomeRecord[] = [];
  const excluded: Outcomes['excluded'] = [];
  const seen = new Set<string>();
  let simulated = false;
  let pending = 0;
  let duplicates = 0;
  const bad = (i: number, j: number, what: 'treated' | 'outcome', allowed: string): never => {
    throw new InputError(E.badOutcomeValue({ value: rows[i][j], what, allowed }), { file, line: lines[i], column: j + 1, columnName: header[j], value: rows[i][j] });
  };
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (jS >= 0 && sets.treated.has(textKey(r[jS]))) simulated = true;
    const id = r[jId].trim();
    const t = textKey(r[jT]);
    const o = textKey(r[jO]);
    if (id === '') {
      excluded.push({ line: lines[i], reason: 'no customer id' });
      continue;
    }
    if (t === '' || o === '') {
      pending++;
      excluded.push({ line: lines[i], id, reason: 'outcome not yet known' });
      continue;
    }
    const treated = sets.treated.has(t) ? true : sets.untreated.has(t) ? false : bad(i, jT, 'treated', 'oui/non, yes/no, 1/0');
    const kept = sets.kept.has(o) ? true : sets.left.has(o) ? false : bad(i, jO, 'outcome', 'kept/left, conservé/parti, retained/churned');
    if (seen.has(id)) {
      duplicates++;
      excluded.push({ line: lines[i], id, reason: 'repeated customer id' });
      continue;
    }
    seen.add(id);
    records.push({ id, treated, kept });
  }
  const warnings: Message[] = [];
  if (simulated) warnings.push(msg.simulated());
  if (pending > 0) warnings.push(msg.outcomePending({ n: pending }));
  if (duplicates > 0) warnings.push(msg.outcomeDuplicate({ n: duplicates }));
  return { source: file, simulated, records, excluded, warnings };
}

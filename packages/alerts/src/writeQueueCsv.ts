import type { WriteCsvOptions } from '@satlab/data';
import { writeCsvFile } from '@satlab/data';
import { queueRows } from './queueRows.js';
import type { CallbackQueue } from './types.js';

/** Options of {@link writeQueueCsv}: `writeCsv`'s, and `lang` also sets the language of the reasons. */
export type WriteQueueCsvOptions = WriteCsvOptions;

/**
 * Writes the callback list (`queueRows`) as CSV through @satlab/data's `writeCsvFile`: atomic
 * write, RFC 4180 quoting, and formula-injection safety (a text cell starting with = + - @ tab
 * or CR is prefixed with an apostrophe, so a customer id or a verbatim word such as
 * `=HYPERLINK(…)` is shown as text by Excel/LibreOffice, never run). `lang: 'fr'` writes French
 * Excel's format (`;`, decimal comma, BOM) and French reasons.
 *
 * @param path the file to write (its folder must exist).
 * @param queue from `buildCallbackQueue`.
 * @param options separator, decimal mark, BOM, lang (see `WriteCsvOptions`). Default: `,` `.` no BOM, English.
 * @returns the path, its size in bytes and the number of customers written.
 * @throws {Error} the folder does not exist or is not writable.
 * @example
 * import { mkdtempSync, readFileSync } from 'node:fs';
 * import { tmpdir } from 'node:os';
 * import { join } from 'node:path';
 * import { loadTable } from '@satlab/data';
 * const { table } = loadTable('datasets/barometer/wave-3.csv', { codebook: 'datasets/barometer/codebook.yaml' });
 * const detection = detectDissatisfied(table, loadRules('packages/alerts/examples/barometer-rules.yaml'));
 * const path = join(mkdtempSync(join(tmpdir(), 'satlab-')), 'rappels.csv');
 * writeQueueCsv(path, buildCallbackQueue(detection), { lang: 'fr' }); //=> { path: '/'…, bytes: 145651, customers: 912 }
 * readFileSync(path, 'utf8').split('\n')[1]; //=> '1;C000205;8;8;Satisfaction globale ≤ 2 (insatisfait) : overall = 1 | '…
 */
export function writeQueueCsv(path: string, queue: CallbackQueue, options: WriteQueueCsvOptions = {}): { path: string; bytes: number; customers: number } {
  const w = writeCsvFile(path, queueRows(queue, options.lang ?? 'en'), options);
  return { ...w, customers: queue.entries.length };
}

import { randomBytes } from 'node:crypto';
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { CsvData, WriteCsvOptions } from './writeCsv.js';
import { writeCsv } from './writeCsv.js';

/**
 * Writes `writeCsv(data, opts)` to a file in UTF-8, atomically: the text goes to a temporary
 * file in the same folder, which is then renamed over `path`, so a reader never sees a
 * half-written file and a failure leaves the old file intact.
 *
 * @returns The path written and its size in bytes.
 * @throws {Error} The folder does not exist or is not writable (the temporary file is removed).
 * @example
 * import { readFileSync } from 'node:fs';
 * import { tmpdir } from 'node:os';
 * import { join } from 'node:path';
 * const out = join(tmpdir(), 'satlab-segments.csv');
 * writeCsvFile(out, [{ segment: 'Champions', clients: 412 }], { separator: ';' }).bytes; //=> 30
 * readFileSync(out, 'utf8'); //=> 'segment;clients\nChampions;412\n'
 * writeCsvFile('/nonexistent/folder/x.csv', [['a']]); //=> throws Error
 */
export function writeCsvFile(path: string, data: CsvData, opts: WriteCsvOptions = {}): { path: string; bytes: number } {
  const buf = Buffer.from(writeCsv(data, opts), 'utf8');
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    writeFileSync(tmp, buf);
    renameSync(tmp, path);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
  return { path, bytes: buf.length };
}

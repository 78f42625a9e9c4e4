import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { barometerFiles } from './barometerFiles.js';
import type { BarometerOptions } from './generateBarometer.js';

export interface WriteBarometerResult {
  dir: string;
  /** File names written, in order. */
  files: string[];
  /** Bytes written per file, same order as `files`. */
  bytes: number[];
  seed: number;
  waves: number;
  respondentsPerWave: number;
  /** Respondents over all waves. */
  respondents: number;
  /** Start date of each wave's fieldwork (ISO). */
  waveDates: string[];
}

/**
 * Generates the barometer and writes `wave-1.csv` … `wave-<n>.csv`, the stacked `barometer.csv`
 * and `codebook.yaml` into `dir` (created when missing; files of the same names are replaced).
 * UTF-8 without BOM, `,` separator, LF line ends.
 *
 * @param dir output directory.
 * @param opts options of `generateBarometer`.
 * @returns what was written (JSON-safe).
 * @throws {RangeError} as `generateBarometer`; file-system errors as thrown by node:fs.
 * @example
 * import { mkdtempSync } from 'node:fs';
 * import { tmpdir } from 'node:os';
 * import { join } from 'node:path';
 * const dir = mkdtempSync(join(tmpdir(), 'barometer-'));
 * writeBarometer(dir, { seed: 2007, respondentsPerWave: 10 }).files;
 * //=> ['wave-1.csv', 'wave-2.csv', 'wave-3.csv', 'barometer.csv', 'codebook.yaml']
 */
export function writeBarometer(dir: string, opts: BarometerOptions): WriteBarometerResult {
  const { barometer, files } = barometerFiles(opts);
  mkdirSync(dir, { recursive: true });
  const bytes: number[] = [];
  for (const [name, text] of files) {
    const buf = Buffer.from(text, 'utf8');
    writeFileSync(join(dir, name), buf);
    bytes.push(buf.length);
  }
  const waves = barometer.waves.length;
  const perWave = barometer.waves[0].length;
  return { dir, files: [...files.keys()], bytes, seed: opts.seed, waves, respondentsPerWave: perWave, respondents: waves * perWave, waveDates: barometer.waveDates };
}

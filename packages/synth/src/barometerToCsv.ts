import { csvLine } from './csvLine.js';
import type { BarometerRow } from './generateBarometer.js';

/**
 * Writes barometer rows as CSV text: UTF-8 (no BOM), `,` separator, LF line ends, a header of
 * `columns`, integer codes as written, empty cells for empty strings, text fields quoted when they
 * hold a comma, semicolon, quote or line break (quotes doubled, RFC 4180).
 *
 * @param columns column names in file order (`Barometer.columns`).
 * @param rows the rows (one wave, or several stacked).
 * @returns the CSV text.
 * @example
 * const b = generateBarometer({ seed: 1, respondentsPerWave: 2, waves: 1 });
 * barometerToCsv(b.columns, b.waves[0]).split('\n')[0].startsWith('respondent_id,customer_id,wave,');
 * //=> true
 * barometerToCsv(b.columns, b.waves[0]).split('\n').length; //=> 4 (header, 2 rows, final line break)
 */
export function barometerToCsv(columns: readonly string[], rows: readonly BarometerRow[]): string {
  const parts = [csvLine(columns)];
  for (const row of rows) {
    const rec = row as unknown as Record<string, string | number>;
    parts.push(csvLine(columns.map((c) => rec[c])));
  }
  return parts.join('');
}

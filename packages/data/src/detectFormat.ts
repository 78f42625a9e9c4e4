import { decodeInput } from './internal/decode.js';
import { formatOf } from './internal/format.js';
import type { CsvFormat, FormatOverrides } from './types.js';

/**
 * Detects how a delimited text file is written: its encoding, byte-order mark, field separator
 * and decimal mark.
 *
 * - Encoding: a byte-order mark decides (UTF-8, UTF-16 LE/BE); otherwise the bytes are UTF-8
 *   when they are valid UTF-8, else Windows-1252 (the superset of Latin-1 that French Excel
 *   writes: 0x80 is €, 0x9C œ, 0x92 ’ — decoded by our own table, as Node 20's
 *   `TextDecoder('windows-1252')` turns 0x80-0x9F into control characters).
 * - Separator: among `;`, tab and `,`, the one that splits the header line and the next 200
 *   records (quotes respected) into the same number of fields (> 1) most consistently.
 * - Decimal mark: `,` when the separator is not `,` and number-looking fields write `d,d`
 *   (also with space/no-break-space thousands grouping) at least as often as `d.d`; with no
 *   decimal number in the first 256 K characters, `,` for `;` files and `.` otherwise.
 *
 * Explicit `overrides` are returned as given (no detection for those fields).
 *
 * @param bytes The file content (or already-decoded text, reported as UTF-8).
 * @param overrides Encoding, separator or decimal mark to impose. Default: none, all detected.
 * @throws {InputError} An Excel workbook (.xlsx/.xls) or a binary file (NUL bytes, UTF-16 without BOM).
 * @example
 * detectFormat(new TextEncoder().encode('contrat;note\nSanté;3,5\n'));
 * //=> { encoding: 'utf-8', bom: false, separator: ';', decimal: ',' }
 */
export function detectFormat(bytes: Uint8Array | string, overrides: FormatOverrides = {}): CsvFormat {
  return formatOf(decodeInput(bytes, '<input>', overrides.encoding), overrides);
}

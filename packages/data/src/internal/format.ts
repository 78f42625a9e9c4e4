import type { CsvFormat, FormatOverrides } from '../types.js';
import type { Decoded } from './decode.js';
import { SAMPLE_CHARS, sniffDecimal, sniffSeparator } from './sniff.js';

/** Separator and decimal mark of decoded content (overrides win), from its first 256 K characters. */
export function formatOf(decoded: Decoded, overrides: FormatOverrides = {}): CsvFormat {
  const buf = decoded.utf8;
  const truncated = buf.length > SAMPLE_CHARS * 2;
  // Up to 512 KiB of UTF-8 holds at least 256 K characters or the whole file; a cut character at
  // the end only affects the last (dropped) record.
  const sample = buf.subarray(0, truncated ? SAMPLE_CHARS * 2 : buf.length).toString('utf8').slice(0, truncated ? SAMPLE_CHARS : undefined);
  const separator = overrides.separator ?? sniffSeparator(sample, truncated);
  const decimal = overrides.decimal ?? sniffDecimal(sample, separator, truncated);
  return { encoding: decoded.encoding, bom: decoded.bom, separator, decimal };
}

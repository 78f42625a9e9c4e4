/**
 * Reads the head of a file for the fast scanner: encoding, byte-order mark and separator (from
 * @satlab/data's `detectFormat`, run on the first MiB), header fields and the average line length
 * (to size the output arrays).
 */
import { detectFormat } from '../detectFormat.js';
import { InputError } from '../errors.js';
import { decodeWindows1252 } from '../internal/cp1252.js';

export interface Sniffed {
  encoding: 'utf-8' | 'windows-1252';
  bom: boolean;
  separator: ',' | ';' | '\t';
  decimal: '.' | ',';
  header: string[];
  /** Byte offset of the first data row. */
  dataStart: number;
  /** Lines taken by the header row (1 unless a quoted name holds a line break). */
  headerLines: number;
  /** Mean bytes per data line in the head (NaN when the head holds no complete data line). */
  meanLineBytes: number;
}

/** Sniffs `head` (the first bytes of `file`, `complete` when it is the whole file). */
export function sniff(head: Uint8Array, file: string, complete: boolean, opts: { encoding?: 'auto' | 'utf-8' | 'windows-1252'; separator?: 'auto' | ',' | ';' | '\t' }): Sniffed {
  // A head that is not the whole file may end inside a multi-byte character: judge up to its last line break.
  let judged = head;
  if (!complete) {
    const k = head.lastIndexOf(10);
    if (k > 0) judged = head.subarray(0, k + 1);
  }
  const fmt = detectFormat(judged, {
    ...(opts.encoding && opts.encoding !== 'auto' ? { encoding: opts.encoding } : {}),
    ...(opts.separator && opts.separator !== 'auto' ? { separator: opts.separator } : {}),
  });
  if (fmt.encoding !== 'utf-8' && fmt.encoding !== 'windows-1252') {
    throw new InputError(`the file is ${fmt.encoding.toUpperCase()}; the fast scanner reads UTF-8 or windows-1252: save it as UTF-8 CSV`, { file });
  }
  const encoding: 'utf-8' | 'windows-1252' = fmt.encoding;
  const bom = fmt.bom;
  const start = bom ? 3 : 0;
  const separator = fmt.separator;

  // End of the header row: the first line break outside quotes.
  let inQ = false;
  let end = -1;
  let headerLines = 1;
  for (let i = start; i < head.length; i++) {
    const c = head[i];
    if (c === 34) inQ = !inQ;
    else if (c === 10) {
      if (!inQ) {
        end = i;
        break;
      }
      headerLines++;
    }
  }
  if (end < 0) {
    if (!complete) throw new InputError('no end of the header line in the first MiB (or a quote left open in it)', { file, line: 1 });
    end = head.length;
  }
  let lineEnd = end;
  if (lineEnd > start && head[lineEnd - 1] === 13) lineEnd--;
  const line = head.subarray(start, lineEnd);
  const decoder = new TextDecoder('utf-8');
  const header = splitFields(line, separator.charCodeAt(0)).map((f) => (encoding === 'utf-8' ? decoder.decode(f) : decodeWindows1252(f)));
  if (header.length === 0 || (header.length === 1 && header[0] === '')) throw new InputError('the file has no header line', { file, line: 1 });

  const dataStart = Math.min(end + 1, head.length);
  let lines = 0;
  let last = dataStart;
  for (let i = dataStart; i < head.length; i++) {
    if (head[i] === 10) {
      lines++;
      last = i + 1;
    }
  }
  const meanLineBytes = lines > 0 ? (last - dataStart) / lines : NaN;
  return { encoding, bom, separator, decimal: fmt.decimal, header, dataStart, headerLines, meanLineBytes };
}

/** Splits one CSV line into its fields (quotes removed, doubled quotes undoubled). */
function splitFields(line: Uint8Array, sep: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  let i = 0;
  for (;;) {
    const bytes: number[] = [];
    if (line[i] === 34) {
      i++;
      while (i < line.length) {
        if (line[i] === 34) {
          if (line[i + 1] === 34) {
            bytes.push(34);
            i += 2;
            continue;
          }
          i++;
          break;
        }
        bytes.push(line[i++]);
      }
      while (i < line.length && line[i] !== sep) i++;
    } else {
      while (i < line.length && line[i] !== sep) bytes.push(line[i++]);
    }
    out.push(Uint8Array.from(bytes));
    if (i >= line.length) break;
    i++;
  }
  return out;
}

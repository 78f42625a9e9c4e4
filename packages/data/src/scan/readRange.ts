import { readSync } from 'node:fs';
import type { RangeParser } from './parser.js';

/**
 * Feeds the rows that start in `[from, stopAt)` of an open file to `parser`, one chunk at a time;
 * the incomplete row at a chunk's end is carried to the front of the buffer and completed by the
 * next read (the buffer doubles when one row is longer than a chunk). Memory: one chunk.
 * Returns the absolute offset just after the last row parsed (the first row start ≥ `stopAt`,
 * or the file size).
 */
export function readRange(fd: number, parser: RangeParser, from: number, stopAt: number, fileSize: number, chunkSize: number, onChunk?: (absPos: number) => void): number {
  if (from >= fileSize) return from;
  let buf = Buffer.allocUnsafe(Math.max(64, Math.min(chunkSize, fileSize - from)));
  let carry = 0;
  let filePos = from;
  let base = from;
  for (;;) {
    const want = buf.length - carry;
    let got = 0;
    while (got < want && filePos < fileSize) {
      const k = readSync(fd, buf, carry + got, want - got, filePos);
      if (k === 0) break;
      got += k;
      filePos += k;
    }
    const valid = carry + got;
    const eof = filePos >= fileSize;
    const p = parser.parse(buf, 0, valid, eof, base, stopAt);
    onChunk?.(base + p);
    if (parser.stopped || eof) return base + p;
    carry = valid - p;
    if (p === 0) {
      const bigger = Buffer.allocUnsafe(buf.length * 2);
      buf.copy(bigger, 0, 0, valid);
      buf = bigger;
    } else buf.copyWithin(0, p, valid);
    base += p;
  }
}

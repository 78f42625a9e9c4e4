import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { rng } from '@satlab/stats';
import { recordStartLines } from '../src/internal/lines.js';

/** Start lines from csv-parse itself: the byte offset where each record ends (slow path of readDelimited). */
function parserStartLines(buf: Buffer, sep: string): number[] | null {
  const ends: number[] = [];
  try {
    parse(buf, { delimiter: sep, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, bom: false, on_record: (r: string[], ctx: { bytes: number }) => (ends.push(ctx.bytes), r) });
  } catch {
    return null;
  }
  const starts: number[] = [];
  let line = 1;
  let prev = 0;
  for (const end of ends) {
    starts.push(line);
    for (let i = prev; i < end; i++) {
      if (buf[i] === 0x0a) line++;
      else if (buf[i] === 0x0d) {
        line++;
        if (buf[i + 1] === 0x0a && i + 1 < end) i++;
      }
    }
    prev = end;
  }
  return starts;
}

describe('fast record-start line scan (internal)', () => {
  it('finds the same records starting on the same lines as csv-parse, on random text with quotes and CR/LF/CRLF', () => {
    const r = rng(20240601);
    const alphabet = ['a', 'é', ';', ',', '"', '"', '\n', '\r\n', '\r', ' ', '1'];
    let compared = 0;
    for (let t = 0; t < 4000; t++) {
      const len = 1 + r.int(40);
      let s = '';
      for (let k = 0; k < len; k++) s += alphabet[r.int(alphabet.length)];
      const buf = Buffer.from(s, 'utf8');
      for (const sep of [';', ',']) {
        const expected = parserStartLines(buf, sep);
        if (expected === null) continue; // csv-parse refuses it: readDelimited throws before scanning
        compared++;
        expect(recordStartLines(buf, sep.charCodeAt(0)), JSON.stringify(s)).toEqual(expected);
      }
    }
    expect(compared).toBeGreaterThan(4000);
  });
});

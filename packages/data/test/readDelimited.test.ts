import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { InputError, readDelimited } from '@satlab/data';

const fixturePath = (name: string): string => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const caught = (f: () => unknown): InputError => {
  try {
    f();
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('expected an InputError');
};

describe('readDelimited', () => {
  it('gives the file line where each row starts, across quoted line breaks, CRLF, a blank line and an empty row', () => {
    const d = readDelimited(fixturePath('barometre_fr.csv'));
    expect(d.header[0]).toBe('respondent_id');
    expect(d.lines).toEqual([2, 3, 5, 6, 9, 10, 11, 12]);
    expect(d.rows[1][8]).toBe('Conseiller « top »,\nmerci');
    expect(d.rows[2][8]).toBe('Prix "trop" élevé');
    expect(d.rows[0][1]).toBe('Santé');
  });

  it('skips blank lines and rows of empty fields, and lists them', () => {
    const d = readDelimited(fixturePath('barometre_utf8.csv'));
    expect(d.excluded).toEqual([
      { line: 7, reason: 'blank line' },
      { line: 8, reason: 'empty row (every field empty)' },
    ]);
    expect(d.rowsRead).toBe(d.rows.length + d.excluded.length);
  });

  it('removes the byte-order mark from the first column name', () => {
    const d = readDelimited(fixturePath('bom_utf8.csv'));
    expect(d.header).toEqual(['ville', 'note']);
    expect(d.format.bom).toBe(true);
    expect(d.rows).toEqual([
      ['Orléans', '3.5'],
      ['Besançon', '4'],
    ]);
  });

  it('decodes Windows-1252 bytes that Latin-1 lacks (0x80 €, 0x9C œ, 0x92 ’)', () => {
    const bytes = new Uint8Array([...Buffer.from('prix;avis\n12 '), 0x80, 0x3b, 0x63, 0x9c, 0x75, 0x72, 0x20, 0x92, 0x0a]);
    const d = readDelimited({ name: 'cp.csv', bytes });
    expect(d.format.encoding).toBe('windows-1252');
    expect(d.rows).toEqual([['12 €', 'cœur ’']]);
  });

  it('counts lone CR line ends (old Mac exports) as lines', () => {
    const d = readDelimited({ name: 'mac.csv', bytes: 'a;b\r1;2\r\r3;4\r' });
    expect(d.lines).toEqual([2, 4]);
    expect(d.excluded).toEqual([{ line: 3, reason: 'blank line' }]);
  });

  it('rejects a ragged row naming file, line and the field counts expected vs found', () => {
    const e = caught(() => readDelimited(fixturePath('ragged.csv')));
    expect(e.location.line).toBe(5);
    expect(e.message).toContain('ragged.csv:5:');
    expect(e.message).toContain('row has 2 fields, expected 3');
  });

  it('rejects a row with too many fields too', () => {
    const e = caught(() => readDelimited({ name: 'x.csv', bytes: 'a,b\n1,2\n3,4,5\n' }));
    expect(e.message).toBe('x.csv:3: row has 3 fields, expected 2 as in the header line');
  });

  it('names empty and repeated header cells as readr does, and lists them', () => {
    const d = readDelimited({ name: 'd.csv', bytes: 'id;q1;q1\n1;2;3\n' });
    expect(d.header).toEqual(['id', 'q1', 'q1...3']);
    expect(d.renamed).toEqual([{ column: 3, from: 'q1', to: 'q1...3', reason: 'duplicate' }]);
    const e = readDelimited({ name: 'e.csv', bytes: ',id;;q2\n' + '0,1;2;3\n' }, { separator: ';' });
    expect(e.header).toEqual([',id', '...2', 'q2']);
    const p = readDelimited({ name: 'p.csv', bytes: ',id,q\n0,1,2\n' });
    expect(p.header).toEqual(['...1', 'id', 'q']);
    expect(p.renamed).toEqual([{ column: 1, from: '', to: '...1', reason: 'empty' }]);
  });

  it('rejects an unclosed quote naming the line where the record starts', () => {
    const e = caught(() => readDelimited({ name: 'q.csv', bytes: 'a,b\n1,2\n3,"open\n4,5\n' }));
    expect(e.location.line).toBe(3);
    expect(e.message).toMatch(/^q\.csv:3: a quoted field is never closed/);
  });

  it('rejects an empty file', () => {
    expect(caught(() => readDelimited({ name: 'empty.csv', bytes: '\n\n' })).message).toBe('empty.csv: the file is empty (no header line)');
  });

  it('names a missing file', () => {
    expect(caught(() => readDelimited('/nonexistent/enquete.csv')).message).toBe('/nonexistent/enquete.csv: file not found');
  });
});

import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { ScannedDate, ScannedFactor, ScannedNumber, ScanResult } from '@satlab/data';
import { InputError, scanColumns } from '@satlab/data';

const dir = mkdtempSync(join(tmpdir(), 'satlab-scan-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let k = 0;
function file(content: string | Uint8Array): string {
  const p = join(dir, `f${k++}.csv`);
  writeFileSync(p, content);
  return p;
}
const fac = (r: ScanResult, c: string): ScannedFactor => r.columns[c] as ScannedFactor;
const num = (r: ScanResult, c: string): ScannedNumber => r.columns[c] as ScannedNumber;
const dat = (r: ScanResult, c: string): ScannedDate => r.columns[c] as ScannedDate;
const ids = (r: ScanResult, c: string): (string | null)[] => Array.from(fac(r, c).codes, (x) => (x < 0 ? null : fac(r, c).dictionary[x]));
/** Days since 1970-01-01 of an ISO date, computed independently with Date.UTC. */
const day = (iso: string): number => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 86400000;

describe('scanColumns: reading CSV bytes into typed arrays', () => {
  it('reads ids to codes + dictionary (first-appearance order), numbers and ISO dates (days since 1970-01-01)', async () => {
    const p = file('customer_id,date,amount\nC1,2024-01-31,12.5\nC2,2024-02-29,3\nC1,1970-01-01,-0.25\n');
    const r = await scanColumns(p, { customer_id: 'id', date: 'date', amount: 'number' });
    expect(r.rows).toBe(3);
    expect(fac(r, 'customer_id').dictionary).toEqual(['C1', 'C2']);
    expect(Array.from(fac(r, 'customer_id').codes)).toEqual([0, 1, 0]);
    expect(Array.from(dat(r, 'date').values)).toEqual([day('2024-01-31'), day('2024-02-29'), 0]);
    expect(Array.from(num(r, 'amount').values)).toEqual([12.5, 3, -0.25]);
    expect(r.issues.cells).toBe(0);
    expect(r.separator).toBe(',');
    expect(r.encoding).toBe('utf-8');
  });

  it('selects columns by header name, in any order, skipping the others', async () => {
    const p = file('a,b,c,d\n1,x,2024-05-01,9\n2,y,2024-05-02,8\n');
    const r = await scanColumns(p, [{ column: 'd', type: 'number' }, { column: 'b', type: 'categorical' }]);
    expect(Object.keys(r.columns)).toEqual(['d', 'b']);
    expect(Array.from(num(r, 'd').values)).toEqual([9, 8]);
    expect(ids(r, 'b')).toEqual(['x', 'y']);
    expect(fac(r, 'b').type).toBe('categorical');
    expect(r.header).toEqual(['a', 'b', 'c', 'd']);
  });

  it('numbers: parsed to the same double as Number() (correctly rounded), with exponents and long mantissas', async () => {
    const vals = ['0.1', '22.36', '1234567.89', '-0.000123', '1e3', '2.5E-2', '12345678901234567890', '0.30000000000000004', '.5', '7.'];
    const p = file('x\n' + vals.join('\n') + '\n');
    const r = await scanColumns(p, { x: 'number' });
    expect(Array.from(num(r, 'x').values)).toEqual(vals.map(Number));
  });

  it('decimal comma with ";" separator (French Excel), and the marks seen are reported', async () => {
    const p = file('client;montant\nA;12,5\nB;3\nC;-1,25\n');
    const r = await scanColumns(p, { client: 'id', montant: 'number' });
    expect(r.separator).toBe(';');
    expect(Array.from(num(r, 'montant').values)).toEqual([12.5, 3, -1.25]);
    expect(num(r, 'montant').decimalMarks).toEqual([',']);
  });

  it('mixed "." and "," decimal marks in one column give a warning', async () => {
    const r = await scanColumns(file('x;y\n1,5;a\n2.5;b\n'), { x: 'number' });
    expect(Array.from(num(r, 'x').values)).toEqual([1.5, 2.5]);
    expect(r.warnings.join(' ')).toMatch(/both "\." and ","/);
  });

  it('dates: ISO with a time (T or space, seconds, fraction, Z or offset), DD/MM/YYYY, DD-MM-YYYY, D/M/YYYY; days are fractional with a time', async () => {
    const cells = ['2024-03-05', '2024-03-05T12:00', '2024-03-05 06:00:00', '2024-03-05T00:00:00.500Z', '2024-03-05T02:00+02:00', '05/03/2024', '05-03-2024', '5/3/2024', '05/03/2024 18:00'];
    const r = await scanColumns(file('d\n' + cells.join('\n') + '\n'), { d: 'date' });
    const d0 = day('2024-03-05');
    expect(Array.from(dat(r, 'd').values)).toEqual([d0, d0 + 0.5, d0 + 0.25, d0 + 500 / 86400000, d0, d0, d0, d0, d0 + 0.75]);
    expect(dat(r, 'd').formats).toEqual(expect.arrayContaining(['YYYY-MM-DD', 'YYYY-MM-DD hh:mm:ss', 'DD/MM/YYYY', 'DD/MM/YYYY hh:mm:ss', 'other']));
    const ms = await scanColumns(file('d\n2024-03-05T12:00:00.250\n'), [{ column: 'd', type: 'date', unit: 'ms' }]);
    expect(dat(ms, 'd').values[0]).toBe(Date.UTC(2024, 2, 5, 12, 0, 0, 250));
  });

  it('dates 1890–2210 (table fast path 1900–2199 and the days_from_civil fallback) equal Date.UTC; 29 February only in leap years', async () => {
    const isoRows: string[] = [];
    const want: number[] = [];
    for (let t = Date.UTC(1890, 0, 1); t <= Date.UTC(2210, 11, 31); t += 5 * 86400000) {
      const iso = new Date(t).toISOString().slice(0, 10);
      isoRows.push(`${iso},${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`);
      want.push(t / 86400000);
    }
    const r = await scanColumns(file('iso,dmy\n' + isoRows.join('\n') + '\n'), { iso: 'date', dmy: 'date' });
    expect(Array.from(dat(r, 'iso').values)).toEqual(want);
    expect(Array.from(dat(r, 'dmy').values)).toEqual(want);
    const leap = await scanColumns(file('d\n1900-02-29\n2000-02-29\n2100-02-29\n2024-02-29\n2023-02-29\n29/02/2000\n29/02/1900\n2024-04-31\n'), { d: 'date' });
    expect(Array.from(dat(leap, 'd').values).map((v) => (Number.isNaN(v) ? null : v))).toEqual([null, day('2000-02-29'), null, day('2024-02-29'), null, day('2000-02-29'), null, null]);
  });

  it('impossible dates and non-numbers are bad cells: NaN / -1, counted by column and reason, first ones with 1-based line numbers', async () => {
    const p = file('id,date,amount\nA,2023-02-29,1\n,2023-01-01,2\nB,2023-01-02,abc\nC,2023-01-03,\nD,31/12/2023,NA\nE,2023-13-01,5\n');
    const r = await scanColumns(p, { id: 'id', date: 'date', amount: 'number' });
    expect(r.rows).toBe(6);
    expect(ids(r, 'id')).toEqual(['A', null, 'B', 'C', 'D', 'E']);
    expect(Number.isNaN(dat(r, 'date').values[0])).toBe(true);
    expect(dat(r, 'date').values[4]).toBe(day('2023-12-31'));
    expect(r.issues.cells).toBe(6);
    expect(r.issues.rows).toBe(6);
    expect(r.issues.byColumn).toEqual({ id: { empty: 1 }, date: { 'not a date': 2 }, amount: { empty: 1, 'not a number': 1, 'missing (NA)': 1 } });
    expect(r.issues.first).toEqual([
      { line: 2, column: 'date', value: '2023-02-29', reason: 'not a date' },
      { line: 3, column: 'id', value: '', reason: 'empty' },
      { line: 4, column: 'amount', value: 'abc', reason: 'not a number' },
      { line: 5, column: 'amount', value: '', reason: 'empty' },
      { line: 6, column: 'amount', value: 'NA', reason: 'missing (NA)' },
      { line: 7, column: 'date', value: '2023-13-01', reason: 'not a date' },
    ]);
  });

  it('keeps only maxIssues bad cells with their lines but counts them all', async () => {
    const p = file('x\n' + 'bad\n'.repeat(50));
    const r = await scanColumns(p, { x: 'number' }, { maxIssues: 3 });
    expect(r.issues.cells).toBe(50);
    expect(r.issues.first.map((i) => i.line)).toEqual([2, 3, 4]);
  });

  it('quoted fields: separators, doubled quotes and line breaks inside quotes; line numbers stay right after a multi-line field', async () => {
    const p = file('id,note,amount\n"A,1","say ""hi""",1.5\nB,"two\nlines\nhere",2\n"C",x,bad\n"D""E",,"3,5"\n');
    const r = await scanColumns(p, { id: 'id', note: 'categorical', amount: 'number' });
    expect(r.rows).toBe(4);
    expect(ids(r, 'id')).toEqual(['A,1', 'B', 'C', 'D"E']);
    expect(ids(r, 'note')).toEqual(['say "hi"', 'two\nlines\nhere', 'x', null]);
    expect(Array.from(num(r, 'amount').values).slice(0, 2)).toEqual([1.5, 2]);
    expect(num(r, 'amount').values[3]).toBe(3.5);
    expect(r.issues.first).toEqual([
      { line: 6, column: 'amount', value: 'bad', reason: 'not a number' },
      { line: 7, column: 'note', value: '', reason: 'empty' },
    ]);
  });

  it('an unterminated quote at the end of the file is a bad cell, not a crash', async () => {
    const r = await scanColumns(file('id,x\nA,1\n"B,2\n'), { id: 'id', x: 'number' });
    expect(r.issues.byColumn.id).toEqual({ 'unterminated quote': 1 });
    expect(r.issues.first[0].line).toBe(3);
  });

  it('CRLF line endings, a UTF-8 BOM, blank lines and a last line without line break', async () => {
    const p = file('\uFEFFcustomer;montant\r\nÉlodie;1,5\r\n\r\nZoé;2\r\nAnaïs;3');
    const r = await scanColumns(p, { customer: 'id', montant: 'number' });
    expect(r.bom).toBe(true);
    expect(r.header).toEqual(['customer', 'montant']);
    expect(ids(r, 'customer')).toEqual(['Élodie', 'Zoé', 'Anaïs']);
    expect(Array.from(num(r, 'montant').values)).toEqual([1.5, 2, 3]);
    expect(r.blankLines).toBe(1);
    expect(r.issues.cells).toBe(0);
  });

  it('windows-1252 (Latin-1) files: accents and € decoded right, in the header and the dictionary', async () => {
    // "Société;Montant €\nHélène;12,5\nCafé €;3\n" written in windows-1252 (é = E9, è = E8, € = 80).
    const bytes = Uint8Array.from([...Buffer.from('Soci'), 0xe9, ...Buffer.from('t'), 0xe9, ...Buffer.from(';Montant '), 0x80, 10, ...Buffer.from('H'), 0xe9, ...Buffer.from('l'), 0xe8, ...Buffer.from('ne;12,5\nCaf'), 0xe9, 0x20, 0x80, ...Buffer.from(';3\n')]);
    const r = await scanColumns(file(bytes), { 'Société': 'categorical', 'Montant €': 'number' });
    expect(r.encoding).toBe('windows-1252');
    expect(r.header).toEqual(['Société', 'Montant €']);
    expect(fac(r, 'Société').dictionary).toEqual(['Hélène', 'Café €']);
    expect(Array.from(num(r, 'Montant €').values)).toEqual([12.5, 3]);
  });

  it('ids longer than 11 bytes and ids differing only in their last byte are interned apart', async () => {
    const p = file('id\nCUSTOMER-000000001\nCUSTOMER-000000002\nCUSTOMER-000000001\nabcdefghijk\nabcdefghijx\nabcdefghijk\n');
    const r = await scanColumns(p, { id: 'id' });
    expect(fac(r, 'id').dictionary).toEqual(['CUSTOMER-000000001', 'CUSTOMER-000000002', 'abcdefghijk', 'abcdefghijx']);
    expect(Array.from(fac(r, 'id').codes)).toEqual([0, 1, 0, 2, 3, 2]);
  });

  it('rows with too few fields: the missing selected cells are bad ("missing field"), the row is counted as ragged', async () => {
    const r = await scanColumns(file('a,b,c\n1,2,3\n4,5\n6,7,8,9\n'), { a: 'number', c: 'number' });
    expect(r.rows).toBe(3);
    expect(Number.isNaN(num(r, 'c').values[1])).toBe(true);
    expect(r.issues.first).toEqual([{ line: 3, column: 'c', value: '', reason: 'missing field' }]);
    expect(r.raggedRows).toEqual({ count: 2, firstLines: [3, 4] });
  });

  it('chunk boundaries anywhere (even mid-line, mid-quote, mid-CRLF) give the same result as one chunk', async () => {
    const rows = ['id,date,amount,note'];
    for (let i = 0; i < 60; i++) {
      const note = i % 7 === 0 ? '"multi\nline, ""quoted"""' : i % 5 === 0 ? '' : `n${i % 3}`;
      const amount = i % 11 === 0 ? 'oops' : i % 4 === 0 ? `"${i},25"` : `${i}.5`;
      rows.push(`C${i % 9},2024-0${1 + (i % 9)}-1${i % 10}${i % 13 === 0 ? 'T08:30:00' : ''},${amount},${note}`);
    }
    const text = rows.join('\r\n') + '\r\n';
    const p = file(text);
    const spec = [
      { column: 'id', type: 'id' as const },
      { column: 'date', type: 'date' as const },
      { column: 'amount', type: 'number' as const },
      { column: 'note', type: 'categorical' as const },
    ];
    const whole = await scanColumns(p, spec, { chunkSize: 1 << 20 });
    expect(whole.rows).toBe(60);
    expect(whole.issues.cells).toBeGreaterThan(0);
    for (let chunk = 16; chunk <= 97; chunk++) {
      const r = await scanColumns(p, spec, { chunkSize: chunk });
      expect(r.rows, `chunk ${chunk}`).toBe(whole.rows);
      expect(Array.from(fac(r, 'id').codes), `chunk ${chunk}`).toEqual(Array.from(fac(whole, 'id').codes));
      expect(fac(r, 'note').dictionary, `chunk ${chunk}`).toEqual(fac(whole, 'note').dictionary);
      expect(Array.from(dat(r, 'date').values), `chunk ${chunk}`).toEqual(Array.from(dat(whole, 'date').values));
      expect(Array.from(num(r, 'amount').values), `chunk ${chunk}`).toEqual(Array.from(num(whole, 'amount').values));
      expect(r.issues, `chunk ${chunk}`).toEqual(whole.issues);
    }
  });

  it('the generated fast row loop and the general parser give the same result on varied rows', async () => {
    const rows = ['id,skip,date,amount,cat'];
    const ids = ['C000001', 'AB', 'X-12345678', 'LONG-CUSTOMER-ID-0000042', '=cmd', 'Zoé'];
    for (let i = 0; i < 400; i++) {
      const date = i % 17 === 0 ? '31/12/2023' : i % 29 === 0 ? '2024-02-30' : i % 31 === 0 ? '2024-01-05 10:30' : `2024-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
      const amount = i % 13 === 0 ? '-7.5' : i % 19 === 0 ? '1e2' : i % 23 === 0 ? '' : i % 37 === 0 ? '12345678901234567' : (i * 1.37).toFixed(i % 3);
      rows.push(`${ids[i % ids.length]},${i % 5 === 0 ? '' : 'x'},${date},${amount},${i % 7 === 0 ? '"q,uoted"' : `c${i % 4}`}`);
    }
    const p = file(rows.join('\n') + '\n');
    const spec = { id: 'id', date: 'date', amount: 'number', cat: 'categorical' } as const;
    const fast = await scanColumns(p, spec);
    const slow = await scanColumns(p, spec, { fastPath: false });
    expect(fast.rows).toBe(400);
    expect(fac(fast, 'id').dictionary).toEqual(fac(slow, 'id').dictionary);
    expect(Array.from(fac(fast, 'id').codes)).toEqual(Array.from(fac(slow, 'id').codes));
    expect(fac(fast, 'cat').dictionary).toEqual(fac(slow, 'cat').dictionary);
    expect(Array.from(dat(fast, 'date').values)).toEqual(Array.from(dat(slow, 'date').values));
    expect(Array.from(num(fast, 'amount').values)).toEqual(Array.from(num(slow, 'amount').values));
    expect(fast.issues).toEqual(slow.issues);
    expect(dat(fast, 'date').formats).toEqual(dat(slow, 'date').formats);
    expect(num(fast, 'amount').decimalMarks).toEqual(num(slow, 'amount').decimalMarks);
    expect(fast.issues.cells).toBeGreaterThan(0);
  });

  it('limitBytes reads only the rows that start within the first bytes', async () => {
    const r = await scanColumns(file('x\n1\n2\n3\n4\n'), { x: 'number' }, { limitBytes: 4 });
    expect(Array.from(num(r, 'x').values)).toEqual([1, 2]);
  });

  it('reports progress, ending with the file size', async () => {
    const p = file('x\n' + '1\n'.repeat(1000));
    const calls: number[][] = [];
    await scanColumns(p, { x: 'number' }, { chunkSize: 256, onProgress: (d, t) => calls.push([d, t]) });
    expect(calls.length).toBeGreaterThan(3);
    expect(calls[calls.length - 1]).toEqual([statSync(p).size, statSync(p).size]);
  });

  it('a missing column is an InputError naming the column and listing the header', async () => {
    const p = file('a,b\n1,2\n');
    await expect(scanColumns(p, { c: 'number' })).rejects.toThrow(InputError);
    await expect(scanColumns(p, { c: 'number' })).rejects.toThrow(/no column "c" \(the columns are: "a", "b"\)/);
    await expect(scanColumns(p, { c: 'number' })).rejects.toMatchObject({ code: 'data.noColumn' });
  });

  it('header names match exactly, then trimmed and case-insensitively', async () => {
    const r = await scanColumns(file(' Amount ,x\n1,2\n'), { amount: 'number' });
    expect(Array.from(num(r, 'amount').values)).toEqual([1]);
  });

  it('misuse throws TypeError / RangeError naming the argument', async () => {
    const p = file('a\n1\n');
    await expect(scanColumns(p, {})).rejects.toThrow(TypeError);
    await expect(scanColumns(p, { a: 'money' as never })).rejects.toThrow(/unknown type "money"/);
    await expect(scanColumns(p, { a: 'number' }, { chunkSize: 2 })).rejects.toThrow(RangeError);
  });
});

// Worker threads run the compiled worker (dist/scan/worker.js); from the TypeScript sources the
// scanner finds it there. Skipped, with this message, when dist is missing or older than src.
const here = dirname(fileURLToPath(import.meta.url));
const distWorker = join(here, '../dist/scan/worker.js');
const srcDir = join(here, '../src/scan');
const distFresh =
  existsSync(distWorker) &&
  readdirSync(srcDir)
    .filter((f) => f.endsWith('.ts'))
    .every((f) => {
      const js = join(here, '../dist/scan', f.replace(/\.ts$/, '.js'));
      return existsSync(js) && statSync(join(srcDir, f)).mtimeMs <= statSync(js).mtimeMs;
    });

describe.skipIf(!distFresh)('scanColumns with a worker thread (needs `tsc -b packages/data` first)', () => {
  it('two threads give exactly the one-thread result: codes, dictionary order, values, issues with their lines', async () => {
    const rows = ['id,date,amount'];
    for (let i = 0; i < 5000; i++) rows.push(`K${(i * 7919) % 613},2023-${String(1 + (i % 12)).padStart(2, '0')}-0${1 + (i % 9)},${i % 997 === 0 ? 'x' : (i * 0.37).toFixed(2)}`);
    const p = file(rows.join('\n') + '\n');
    const spec = { id: 'id', date: 'date', amount: 'number' } as const;
    const one = await scanColumns(p, spec, { threads: 1 });
    const two = await scanColumns(p, spec, { threads: 2, minParallelBytes: 0, chunkSize: 4096 });
    expect(two.threads).toBe(2);
    expect(fac(two, 'id').dictionary).toEqual(fac(one, 'id').dictionary);
    expect(Array.from(fac(two, 'id').codes)).toEqual(Array.from(fac(one, 'id').codes));
    expect(Array.from(dat(two, 'date').values)).toEqual(Array.from(dat(one, 'date').values));
    expect(Array.from(num(two, 'amount').values)).toEqual(Array.from(num(one, 'amount').values));
    expect(two.issues).toEqual(one.issues);
    expect(one.issues.first.map((i) => i.line)).toEqual([2, 999, 1996, 2993, 3990, 4987]);
  });

  it('a split that falls inside a quoted multi-line field is detected and that half re-read: same result', async () => {
    const rows = ['id,note'];
    for (let i = 0; i < 200; i++) rows.push(`A${i},n`);
    rows.push(`Q,"${'line\n'.repeat(400)}end"`);
    for (let i = 0; i < 200; i++) rows.push(`B${i},n`);
    const p = file(rows.join('\n') + '\n');
    const spec = { id: 'id', note: 'categorical' } as const;
    const one = await scanColumns(p, spec, { threads: 1 });
    const two = await scanColumns(p, spec, { threads: 2, minParallelBytes: 0 });
    expect(one.rows).toBe(401);
    expect(two.rows).toBe(401);
    expect(two.threads).toBe(1);
    expect(fac(two, 'id').dictionary).toEqual(fac(one, 'id').dictionary);
    expect(fac(two, 'note').dictionary).toEqual(fac(one, 'note').dictionary);
  });
});

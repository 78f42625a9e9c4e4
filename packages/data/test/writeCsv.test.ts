import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTable, readDelimited, tableFromColumns, writeCsv, writeCsvFile } from '@satlab/data';

describe('writeCsv', () => {
  it('prefixes text cells that a spreadsheet would run as formulas with a quote (OWASP)', () => {
    const out = writeCsv([['v'], ['=1+1'], ['+33 6 12 34 56 78'], ['@SUM(A1:A9)'], ['-cmd|calc'], ['\tx'], ['ok']]);
    expect(out).toBe("v\n'=1+1\n'+33 6 12 34 56 78\n'@SUM(A1:A9)\n'-cmd|calc\n'\tx\nok\n");
  });

  it('writes numbers as numbers: a negative number stays -3.5', () => {
    expect(writeCsv([['x', 'y'], [-3.5, '-3.5']])).toBe("x,y\n-3.5,'-3.5\n");
  });

  it('uses the decimal mark asked for and quotes numbers only when the separator is in them', () => {
    expect(writeCsv([[1.5, -2.25]], { separator: ';', decimal: ',' })).toBe('1,5;-2,25\n');
    expect(writeCsv([[1.5]], { separator: ',', decimal: ',' })).toBe('"1,5"\n');
  });

  it('quotes fields with the separator, quotes or line breaks per RFC 4180', () => {
    expect(writeCsv([['a;b', 'say "hi"', 'two\nlines', 'cr\rx', 'plain']], { separator: ';' })).toBe('"a;b";"say ""hi""";"two\nlines";"cr\rx";plain\n');
  });

  it('round-trips quoted fields with ";", quotes and newlines through readDelimited', () => {
    const rows = [
      ['nom', 'avis', 'note'],
      ['Dupont; Jean', 'Il a dit "bof"\net puis « rien »', '3,5'],
      ['Ça', '', 'x,y'],
    ];
    for (const separator of [',', ';', '\t'] as const) {
      const text = writeCsv(rows, { separator, eol: '\r\n' });
      const back = readDelimited({ name: 'rt.csv', bytes: text }, { separator });
      expect([back.header, ...back.rows]).toEqual(rows);
    }
  });

  it('writes a table: header, factor labels, ISO dates, empty cells for missing; French Excel conventions on request', () => {
    const t = tableFromColumns(
      { q: [1, 2, 9], m: [1234.5, NaN, -2], d: [new Date(Date.UTC(2024, 5, 1)), null, null], c: ['=x', 'b', null] },
      { columns: { q: { type: 'ordinal', missing: [9], labels: { '1': 'Non', '2': 'Oui' } } } },
    );
    expect(writeCsv(t)).toBe("q,m,d,c\nNon,1234.5,2024-06-01,'=x\nOui,,,b\n,-2,,\n");
    const fr = writeCsv(t, { lang: 'fr' });
    expect(fr.startsWith('\uFEFFq;m;d;c\nNon;1234,5;')).toBe(true);
  });

  it('writes records with the union of their keys as header', () => {
    expect(writeCsv([{ a: 1, b: 'x' }, { b: 'y', c: true }])).toBe('a,b,c\n1,x,\n,y,true\n');
  });

  it('a table written then loaded again gives the same values', () => {
    const { table } = loadTable({ name: 'a.csv', bytes: 'id;x;g\nA;1,5;oui\nB;;non\nC;-3;oui\n' });
    const again = loadTable({ name: 'b.csv', bytes: writeCsv(table, { lang: 'fr' }) });
    expect(again.table).toEqual(table);
  });
});

describe('writeCsvFile', () => {
  it('writes through a temporary file renamed into place, leaving nothing else behind', () => {
    const dir = mkdtempSync(join(tmpdir(), 'satlab-write-'));
    const path = join(dir, 'out.csv');
    const res = writeCsvFile(path, [['a'], ['é']], { bom: true });
    expect(readFileSync(path)).toEqual(Buffer.from('\uFEFFa\né\n', 'utf8'));
    expect(res.bytes).toBe(8);
    expect(readdirSync(dir)).toEqual(['out.csv']);
  });

  it('fails without leaving a temporary file when the folder does not exist', () => {
    expect(() => writeCsvFile(join(tmpdir(), 'no-such-dir-satlab', 'x.csv'), [['a']])).toThrow(/ENOENT/);
  });
});

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { detectFormat, InputError } from '@satlab/data';

const fixture = (name: string): Buffer => readFileSync(fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url)));
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('detectFormat', () => {
  it('finds Windows-1252, ";" and decimal comma in a French Excel export', () => {
    expect(detectFormat(fixture('barometre_fr.csv'))).toEqual({ encoding: 'windows-1252', bom: false, separator: ';', decimal: ',' });
  });

  it('finds UTF-8, "," and decimal point in the UTF-8 twin', () => {
    expect(detectFormat(fixture('barometre_utf8.csv'))).toEqual({ encoding: 'utf-8', bom: false, separator: ',', decimal: '.' });
  });

  it('reports a UTF-8 byte-order mark', () => {
    expect(detectFormat(fixture('bom_utf8.csv'))).toEqual({ encoding: 'utf-8', bom: true, separator: ',', decimal: '.' });
  });

  it('treats invalid UTF-8 as Windows-1252 (0xE9 alone is "é")', () => {
    expect(detectFormat(new Uint8Array([0x61, 0x3b, 0x62, 0x0a, 0xe9, 0x3b, 0x31, 0x0a])).encoding).toBe('windows-1252');
  });

  it('recognises tab-separated text', () => {
    expect(detectFormat(utf8('a\tb\tc\n1\t2,5\t3\n')).separator).toBe('\t');
  });

  it('ignores separators inside quoted fields, line breaks included', () => {
    const text = 'nom,avis\n"Dupont; Jean","bien; très\nbien"\n"Durand; Paul",ok\n';
    expect(detectFormat(utf8(text)).separator).toBe(',');
  });

  it('keeps "," as separator when the ";" count varies from line to line', () => {
    expect(detectFormat(utf8('a,b,c\n1,x;y,3\n4,5,6\n7,8,9\n')).separator).toBe(',');
  });

  it('picks the decimal point in a ";" file whose numbers are written 3.5', () => {
    expect(detectFormat(utf8('a;b\n3.5;1.25\n2;4\n')).decimal).toBe('.');
  });

  it('sees a decimal comma behind no-break-space thousands grouping', () => {
    expect(detectFormat(utf8('a;b\n1\u00a0234,5;2\n')).decimal).toBe(',');
  });

  it('uses "," as decimal mark for a ";" file without decimal numbers (French convention)', () => {
    expect(detectFormat(utf8('a;b\n1;2\n')).decimal).toBe(',');
  });

  it('returns explicit overrides as given', () => {
    expect(detectFormat(utf8('a;b\n1,5;2\n'), { separator: ',', decimal: '.', encoding: 'windows-1252' })).toEqual({ encoding: 'windows-1252', bom: false, separator: ',', decimal: '.' });
  });

  it('reads UTF-16 LE with its byte-order mark (Excel "Unicode text")', () => {
    const body = Buffer.from('a\tb\n1\t2\n', 'utf16le');
    expect(detectFormat(Buffer.concat([Buffer.from([0xff, 0xfe]), body]))).toEqual({ encoding: 'utf-16le', bom: true, separator: '\t', decimal: '.' });
  });

  it('refuses an Excel workbook with an InputError saying to export CSV', () => {
    expect(() => detectFormat(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]))).toThrow(InputError);
    expect(() => detectFormat(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]))).toThrow(/Excel workbook.*CSV/);
  });
});

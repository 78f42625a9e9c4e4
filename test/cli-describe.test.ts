import { beforeAll, describe, expect, it } from 'vitest';
import { requireBuild, satlab } from './helpers/satlab.js';

// End-to-end: runs the built CLI (pnpm exec tsc -b packages/cli first).
const fx = 'packages/data/test/fixtures';

beforeAll(() => requireBuild('describe'));

describe('satlab describe', () => {
  it('--json prints only JSON on stdout: format, rows, column types and the load report', () => {
    const r = satlab(['describe', `${fx}/barometre_fr.csv`, '--codebook', `${fx}/barometre.yaml`, '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout);
    expect(out.file).toBe(`${fx}/barometre_fr.csv`);
    expect(out.format).toEqual({ encoding: 'windows-1252', bom: false, separator: ';', decimal: ',' });
    expect(out.rows).toBe(8);
    expect(out.columns.map((c: { name: string; type: string }) => `${c.name}:${c.type}`)).toEqual([
      'respondent_id:id',
      'contract:categorical',
      'sat_contact:ordinal',
      'sat_prix:ordinal',
      'nps:numeric',
      'montant:numeric',
      'date:date',
      'left:categorical',
      'verbatim:text',
    ]);
    const sat = out.columns.find((c: { name: string }) => c.name === 'sat_contact');
    expect(sat).toMatchObject({ inferred: false, n: 5, missing: 3, missingByReason: { 'code 9': 1, 'out of scale 1-4': 1, empty: 1 }, counts: [1, 1, 2, 1] });
    expect(out.columns.find((c: { name: string }) => c.name === 'date')).toMatchObject({ min: '2024-03-01', max: '2024-12-31' });
    expect(out.report).toMatchObject({ rowsRead: 10, rowsKept: 8, rowsExcluded: [{ line: 7, reason: 'blank line' }, { line: 8, reason: 'empty row (every field empty)' }] });
  });

  it('the Latin-1 ";" decimal-comma file and its UTF-8 "," twin describe identically except the format', () => {
    const a = JSON.parse(satlab(['describe', `${fx}/barometre_fr.csv`, '--codebook', `${fx}/barometre.yaml`, '--json']).stdout);
    const b = JSON.parse(satlab(['describe', `${fx}/barometre_utf8.csv`, '--codebook', `${fx}/barometre.yaml`, '--json']).stdout);
    expect(a.columns).toEqual(b.columns);
    const strip = (r: Record<string, unknown>): Record<string, unknown> => {
      const { file: _f, encoding: _e, bom: _b, separator: _s, decimal: _d, ...rest } = r;
      return rest;
    };
    expect(strip(a.report)).toEqual(strip(b.report));
  });

  it('without a codebook, says which types were inferred and why', () => {
    const out = JSON.parse(satlab(['describe', `${fx}/barometre_utf8.csv`, '--json']).stdout);
    expect(out.columns.every((c: { inferred: boolean }) => c.inferred)).toBe(true);
    expect(out.report.inferred.find((i: { column: string }) => i.column === 'sat_prix')).toMatchObject({
      column: 'sat_prix',
      type: 'numeric',
      reason: { code: 'data.inferIntegers', params: { min: 1, max: 9, tokens: ['NSP'] }, text: 'all values are integers 1-9; "NSP" treated as missing' },
    });
  });

  it('a ragged row exits 2 with one stderr line naming file and line', () => {
    const r = satlab(['describe', `${fx}/ragged.csv`, '--json']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.endsWith('\n')).toBe(true);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toBe(`satlab describe: ${fx}/ragged.csv:5: row has 2 fields, expected 3 as in the header line\n`);
  });

  it('a bad number in a numeric column exits 2 naming line, column number, column name and value', () => {
    const r = satlab(['describe', `${fx}/bad_number.csv`, '--codebook', `${fx}/bad_number.yaml`]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/bad_number\.csv:4:3 \(column "nps"\): "douze" is not a number/);
  });

  it('a missing file, a bad codebook, a bad option value exit 2 with one line', () => {
    for (const args of [
      ['describe', `${fx}/absent.csv`],
      ['describe', `${fx}/bad_number.csv`, '--codebook', `${fx}/barometre_utf8.csv`],
      ['describe', `${fx}/bad_number.csv`, '--separator', '|'],
      ['describe'],
    ]) {
      const r = satlab(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.trimEnd().split('\n'), args.join(' ')).toHaveLength(1);
    }
  });

  it('prints a readable table in French with --lang fr, and in English by default', () => {
    const fr = satlab(['describe', `${fx}/barometre_fr.csv`, '--codebook', `${fx}/barometre.yaml`, '--lang', 'fr']);
    expect(fr.code).toBe(0);
    expect(fr.stdout).toContain('Lignes de données lues : 10, conservées : 8, exclues : 2');
    expect(fr.stdout).toContain('hors échelle 1-4 × 1');
    expect(fr.stdout).toMatch(/montant\s+numérique\s+8\s+0\s+min -3,5/);
    const en = satlab(['describe', `${fx}/barometre_fr.csv`, '--codebook', `${fx}/barometre.yaml`]);
    expect(en.stdout).toContain('Data rows read: 10, kept: 8, excluded: 2');
    expect(en.stdout).toContain('separator ";", decimal mark ","');
  });

  it('has --help', () => {
    const r = satlab(['describe', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('satlab describe <file> [--codebook <file>] [--json] [--lang fr|en]');
  });
});

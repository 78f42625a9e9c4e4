import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { FactorColumn, LoadReport, NumericColumn, TextColumn } from '@satlab/data';
import { getColumn, InputError, loadTable, numericValues } from '@satlab/data';
import { renderMessage } from '@satlab/messages';

const fixturePath = (name: string): string => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const CODEBOOK = fixturePath('barometre.yaml');
const caught = (f: () => unknown): InputError => {
  try {
    f();
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('expected an InputError');
};
const withoutFormat = (r: LoadReport): Omit<LoadReport, 'file' | 'encoding' | 'bom' | 'separator' | 'decimal'> => {
  const { file: _f, encoding: _e, bom: _b, separator: _s, decimal: _d, ...rest } = r;
  return rest;
};

describe('loadTable: a French Excel export and its UTF-8 twin', () => {
  const fr = loadTable(fixturePath('barometre_fr.csv'), { codebook: CODEBOOK });
  const en = loadTable(fixturePath('barometre_utf8.csv'), { codebook: CODEBOOK });

  it('load to identical tables', () => {
    expect(fr.table).toEqual(en.table);
    expect(fr.table.nRows).toBe(8);
  });

  it('load to identical reports except the format fields', () => {
    expect(withoutFormat(fr.report)).toEqual(withoutFormat(en.report));
    expect([fr.report.encoding, fr.report.separator, fr.report.decimal]).toEqual(['windows-1252', ';', ',']);
    expect([en.report.encoding, en.report.separator, en.report.decimal]).toEqual(['utf-8', ',', '.']);
  });

  it('read the same without a codebook too', () => {
    const a = loadTable(fixturePath('barometre_fr.csv'));
    const b = loadTable(fixturePath('barometre_utf8.csv'));
    expect(a.table.columns.filter((c) => c.name !== 'date')).toEqual(b.table.columns.filter((c) => c.name !== 'date'));
    expect(getColumn(a.table, 'date')).toEqual(getColumn(b.table, 'date'));
    expect(a.report.inferred.map((i) => i.reason.text).filter((r) => !r.includes('dates'))).toEqual(b.report.inferred.map((i) => i.reason.text).filter((r) => !r.includes('dates')));
  });

  it('decode accents, decimal commas and no-break-space thousands', () => {
    expect(Array.from(numericValues(fr.table, 'montant'))).toEqual([1234.5, 89.9, 12, 0.25, 15000, 42.42, -3.5, 2500]);
    const contract = getColumn(fr.table, 'contract') as FactorColumn;
    expect(contract.levels[contract.codes[1]]).toBe('Prév. Retraite');
    expect(contract.levels[contract.codes[0]]).toBe('Santé');
    expect((getColumn(fr.table, 'verbatim') as TextColumn).values[1]).toBe('Conseiller « top »,\nmerci');
  });

  it('read DD/MM/YYYY and ISO dates as the same UTC midnights', () => {
    expect(Array.from(numericValues(fr.table, 'date')).slice(0, 2)).toEqual([Date.UTC(2024, 2, 1), Date.UTC(2024, 2, 2)]);
    expect(numericValues(fr.table, 'date')[7]).toBe(Date.UTC(2024, 11, 31));
  });

  it('count missing values by reason: empty, missing code, out of scale', () => {
    expect(fr.report.missing.sat_contact).toEqual({ count: 3, byReason: { 'code 9': 1, 'out of scale 1-4': 1, empty: 1 } });
    expect(fr.report.missing.sat_prix).toEqual({ count: 2, byReason: { 'code NSP': 1, 'code 9': 1 } });
    expect(fr.report.missing.nps).toEqual({ count: 1, byReason: { 'code 99': 1 } });
    expect(getColumn(fr.table, 'sat_contact').missing).toBe(fr.report.missing.sat_contact);
  });

  it('report rows read, kept and excluded with their lines', () => {
    expect(fr.report.rowsRead).toBe(10);
    expect(fr.report.rowsKept).toBe(8);
    expect(fr.report.rowsExcluded).toEqual([
      { line: 7, reason: 'blank line' },
      { line: 8, reason: 'empty row (every field empty)' },
    ]);
  });

  it('warn about out-of-scale values with their line numbers', () => {
    expect(fr.report.warnings.map((w) => w.code)).toEqual(['data.rowsExcluded', 'data.warnOutOfScale']);
    expect(fr.report.warnings.map((w) => w.text)).toEqual([
      '2 blank or empty rows skipped when reading (lines 7, 8); in a one-column file an empty answer is such a row',
      'column "sat_contact": 1 value outside the scale 1-4 treated as missing (line 10)',
    ]);
    expect(renderMessage(fr.report.warnings[1], 'fr')).toBe('colonne «\u00a0sat_contact\u00a0»\u00a0: 1 valeur hors de l’échelle 1-4 traitée comme manquante (ligne 10)');
  });

  it('make an ordinal with coded labels: levels = labels in code order, scores = codes, missing = -1', () => {
    const c = getColumn(fr.table, 'sat_contact') as FactorColumn;
    expect(c.type).toBe('ordinal');
    expect(c.levels).toEqual(['Pas du tout satisfait', 'Plutôt pas satisfait', 'Plutôt satisfait', 'Tout à fait satisfait']);
    expect(Array.from(c.scores ?? [])).toEqual([1, 2, 3, 4]);
    expect(Array.from(c.codes)).toEqual([2, 3, -1, 1, 0, -1, -1, 2]);
    expect(Array.from(numericValues(fr.table, 'sat_contact'))).toEqual([3, 4, NaN, 2, 1, NaN, NaN, 3]);
    expect(c.label).toBe('Satisfaction — Contact');
    expect(c.inferred).toBe(false);
  });
});

describe('loadTable: errors name file, line, column and value', () => {
  it('a value that is not a number in a numeric column', () => {
    const e = caught(() => loadTable(fixturePath('bad_number.csv'), { columns: { nps: { type: 'numeric' } } }));
    expect(e.location).toMatchObject({ line: 4, column: 3, columnName: 'nps', value: 'douze' });
    expect(e.message).toMatch(/bad_number\.csv:4:3 \(column "nps"\): "douze" is not a number/);
  });

  it('counts the other bad values of the column in the message', () => {
    const e = caught(() => loadTable({ name: 's.csv', bytes: 'x\n1\nabc\n2\nnope\nNSP\n' }, { columns: { x: { type: 'numeric' } } }));
    expect(e.message).toMatch(/^s\.csv:3:1 \(column "x"\): "abc" is not a number.*1 other value in this column is not numbers? either/);
  });

  it('hints at the decimal mark when 3.5 appears in a decimal-comma file', () => {
    const e = caught(() => loadTable({ name: 'fr.csv', bytes: 'a;b\n1,5;2\n3.5;4\n' }, { columns: { a: { type: 'numeric' } } }));
    expect(e.message).toBe('fr.csv:3:1 (column "a"): "3.5" is not a number (the decimal mark of this file is ",")');
  });

  it('strict mode refuses an out-of-scale value', () => {
    const e = caught(() => loadTable(fixturePath('barometre_utf8.csv'), { codebook: CODEBOOK, strict: true }));
    expect(e.location).toMatchObject({ line: 10, column: 3, columnName: 'sat_contact', value: '5' });
    expect(e.message).toContain('outside the scale 1-4');
  });

  it('an undeclared level is an error by default, missing with a warning on request', () => {
    const src = { name: 'c.csv', bytes: 'contract\nSanté\nVie\nSanté\n' };
    const columns = { contract: { type: 'categorical' as const, levels: ['Auto/Moto', 'Santé'] } };
    const e = caught(() => loadTable(src, { columns }));
    expect(e.location).toMatchObject({ line: 3, column: 1, value: 'Vie' });
    expect(e.message).toMatch(/"Vie" is not one of the declared levels \("Auto\/Moto", "Santé"\)/);
    const { table, report } = loadTable(src, { columns, unknownLevels: 'missing' });
    expect(Array.from((table.columns[0] as FactorColumn).codes)).toEqual([1, -1, 1]);
    expect(report.missing.contract).toEqual({ count: 1, byReason: { 'not a declared level': 1 } });
    expect(report.warnings[0].code).toBe('data.warnUnknownLevels');
    expect(report.warnings[0].text).toBe('column "contract": 1 value not among the declared levels treated as missing: "Vie" (line 3)');
  });

  it('a date column with a value that is not a date', () => {
    const e = caught(() => loadTable({ name: 'd.csv', bytes: 'id,d\n1,2024-02-28\n2,31/02/2024\n' }, { columns: { d: { type: 'date' } } }));
    expect(e.message).toMatch(/^d\.csv:3:2 \(column "d"\): "31\/02\/2024" is not a date/);
  });

  it('codebook columns absent from the file', () => {
    const e = caught(() => loadTable(fixturePath('bad_number.csv'), { codebook: CODEBOOK }));
    expect(e.location.file).toBe(CODEBOOK);
    expect(e.message).toMatch(/codebook columns "respondent_id", "sat_contact".*not found in .*bad_number\.csv \(its columns: "id", "contract", "nps"\)/);
  });

  it('an override without type for an undeclared column is a TypeError', () => {
    expect(() => loadTable({ name: 'x.csv', bytes: 'a\n1\n' }, { columns: { a: { scale: [1, 4] } } })).toThrow(TypeError);
  });
});

describe('loadTable: codebook details', () => {
  it('lists columns the codebook does not declare, infers them, and says so', () => {
    const { table, report } = loadTable({ name: 's.csv', bytes: 'q1,extra\n1,a\n2,b\n3,a\n4,a\n5,b\n' }, { codebook: { columns: { q1: { type: 'numeric' } } } });
    expect(report.inferred.map((i) => ({ ...i, reason: i.reason.text }))).toEqual([{ column: 'extra', type: 'categorical', reason: '2 distinct values in 5 non-empty cells; levels in order of first appearance' }]);
    expect(report.warnings.map((w) => w.text)).toContain('column not declared in the codebook (type inferred, see report.inferred): "extra"');
    expect(getColumn(table, 'extra').inferred).toBe(true);
    expect(getColumn(table, 'q1').inferred).toBe(false);
  });

  it('an ordinal 0-10 with labelled ends has every point as a level, scores = codes', () => {
    const { table } = loadTable(
      { name: 's.csv', bytes: 'reco\n0\n10\n7\n99\n' },
      { columns: { reco: { type: 'ordinal', scale: [0, 10], missing: [99], labels: { '0': 'Pas du tout', '10': 'Certainement' } } } },
    );
    const c = table.columns[0] as FactorColumn;
    expect(c.levels).toEqual(['Pas du tout', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'Certainement']);
    expect(Array.from(c.scores ?? [])).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(Array.from(numericValues(table, 'reco'))).toEqual([0, 10, 7, NaN]);
  });

  it('matches levels written with decomposed accents (macOS exports) to the declared ones', () => {
    const { table } = loadTable({ name: 's.csv', bytes: 'c\nSante\u0301\nSanté\n' }, { columns: { c: { type: 'categorical', levels: ['Santé'] } } });
    expect(Array.from((table.columns[0] as FactorColumn).codes)).toEqual([0, 0]);
  });

  it('accepts the label text as well as the code in an ordinal column', () => {
    const { table } = loadTable(
      { name: 's.csv', bytes: 'q\n1\nTout à fait satisfait\n' },
      { columns: { q: { type: 'ordinal', labels: { '1': 'Pas du tout satisfait', '4': 'Tout à fait satisfait' } } } },
    );
    expect(Array.from((table.columns[0] as FactorColumn).codes)).toEqual([0, 1]);
    expect(Array.from(numericValues(table, 'q'))).toEqual([1, 4]);
  });

  it('reads French thousands grouped by a space, no-break space or narrow no-break space', () => {
    const { table } = loadTable({ name: 'g.csv', bytes: 'id;m\na;1 234,5\nb;12\u00a0345\nc;1\u202f000\u202f000,25\nd;-2 500\n' }, { columns: { m: { type: 'numeric' } } });
    expect(Array.from(numericValues(table, 'm'))).toEqual([1234.5, 12345, 1000000.25, -2500]);
  });

  it('keeps value labels on a numeric column and parses numbers with the file decimal mark', () => {
    const { table } = loadTable({ name: 's.csv', bytes: 'x;y\n1,5;a\n2;b\n' }, { columns: { x: { type: 'numeric', labels: { '2': 'deux' } } } });
    const x = table.columns[0] as NumericColumn;
    expect(Array.from(x.values)).toEqual([1.5, 2]);
    expect(x.valueLabels).toEqual({ '2': 'deux' });
  });
});

describe('loadTable: inference without a codebook, with its reasons', () => {
  const csv = [
    'id,q1,score,jour,segment,zip,commentaire,ref',
    '1,1,12.5,2024-01-05,A,01000,"Très bien, merci",X1',
    '2,4,3,2024-01-06,B,75001,Trop cher,X2',
    '3,2,NA,2024-01-07,A,,Rien à dire,X3',
    '4,3,-1e2,2024-01-08,A,69001,Bien,X4',
    '5,4,0,,A,13001,Bof,X5',
    '6,1,7,2024-01-10,B,33000,Pas mal du tout,X6',
  ].join('\n');
  const { table, report } = loadTable({ name: 'i.csv', bytes: csv });
  const reason = (c: string): string | undefined => report.inferred.find((i) => i.column === c)?.reason.text;
  const type = (c: string): string | undefined => report.inferred.find((i) => i.column === c)?.type;

  it('integers 1-4 stay numeric and the reason says "integers 1-4"', () => {
    expect(type('q1')).toBe('numeric');
    expect(reason('q1')).toBe('all values are integers 1-4');
  });

  it('numbers with an NA token: numeric, the token missing and named', () => {
    expect(type('score')).toBe('numeric');
    expect(reason('score')).toBe('all values are numbers (-100 to 12.5); "NA" treated as missing');
    expect(report.missing.score).toEqual({ count: 1, byReason: { 'code NA': 1 } });
  });

  it('distinct integers under an id-like name: id', () => {
    expect(type('id')).toBe('id');
    expect(reason('id')).toBe('all 6 values are distinct integers and the name looks like an identifier');
  });

  it('ISO dates: date', () => {
    expect(type('jour')).toBe('date');
    expect(reason('jour')).toBe('all values are dates (YYYY-MM-DD)');
    expect(report.missing.jour).toEqual({ count: 1, byReason: { empty: 1 } });
  });

  it('few distinct values: categorical with levels in order of first appearance', () => {
    expect(type('segment')).toBe('categorical');
    expect((getColumn(table, 'segment') as FactorColumn).levels).toEqual(['A', 'B']);
    expect(reason('segment')).toContain('levels in order of first appearance');
  });

  it('numbers with leading zeros (postal codes) are not numeric, and the reason says so', () => {
    expect(type('zip')).toBe('id');
    expect(reason('zip')).toContain('leading zeros are kept as text');
    expect((getColumn(table, 'zip') as TextColumn).values[0]).toBe('01000');
  });

  it('distinct short codes without spaces: id; sentences: text', () => {
    expect(type('ref')).toBe('id');
    expect(type('commentaire')).toBe('text');
    expect(reason('commentaire')).toBe('6 distinct values in 6 non-empty cells (free text)');
  });

  it('every column is marked inferred and reported once', () => {
    expect(report.inferred.map((i) => i.column)).toEqual(table.columns.map((c) => c.name));
    expect(table.columns.every((c) => c.inferred)).toBe(true);
  });
});

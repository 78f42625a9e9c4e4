import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { Column, SurveyData } from '../src/index.js';
import { InputError, readSurvey } from '../src/index.js';

const dir = mkdtempSync(join(tmpdir(), 'satlab-readSurvey-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const fixtures = fileURLToPath(new URL('./fixtures/survey4/', import.meta.url));

function write(name: string, content: string | Uint8Array): string {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}

/** A column as plain data (typed arrays as arrays, NaN as null) for deep comparison. */
function plain(c: Column): unknown {
  const o: Record<string, unknown> = { ...c };
  for (const [k, v] of Object.entries(o)) if (ArrayBuffer.isView(v)) o[k] = Array.from(v as unknown as ArrayLike<number>, (x) => (Number.isNaN(x) ? null : x));
  if (c.missingReasons) o.missingReasons = { reasons: c.missingReasons.reasons, index: Array.from(c.missingReasons.index) };
  return o;
}

function same(a: SurveyData, b: SurveyData): void {
  expect(a.header).toEqual(b.header);
  expect(a.table.nRows).toBe(b.table.nRows);
  expect(a.table.columns.map(plain)).toEqual(b.table.columns.map(plain));
  const strip = (r: SurveyData['report']): unknown => ({ ...r, reader: undefined });
  expect(strip(a.report)).toEqual(strip(b.report));
  expect(Array.from(a.lines)).toEqual(Array.from(b.lines));
}

/**
 * The byte scanner (a CSV read from disk) against csv-parse (the same bytes in memory), the
 * reference: same header, cells, types, missing reasons, report and line numbers.
 */
describe('readSurvey: the byte scanner agrees with csv-parse on tricky files', () => {
  const cases: [string, string | Uint8Array, 'byte scanner' | 'csv-parse'][] = [
    ['quotes holding separators and doubled quotes', 'id,comment,score\n1,"Bien, rapide",4\n2,"Il a dit ""non""",2\n3,plain,5\n', 'byte scanner'],
    ['a quoted line break', 'id,comment,score\n1,"ligne un\nligne deux",4\n2,ok,3\n3,"a\r\nb",1\n', 'byte scanner'],
    ['CRLF line ends', 'id;note\r\n1;3,5\r\n2;4\r\n3;1 234,5\r\n', 'byte scanner'],
    ['a UTF-8 byte-order mark', '\ufeffid,region\n1,Nord\n2,Sud\n3,Nord\n', 'byte scanner'],
    ['Windows-1252 bytes', Uint8Array.from([...Buffer.from('id;région;note\n1;'), 0x53, 0x61, 0x6e, 0x74, 0xe9, ...Buffer.from(';3,5\n2;'), 0x80, ...Buffer.from('uro;4\n3;Nord;2,25\n')]), 'byte scanner'],
    ['; separator, decimal comma, grouped thousands and percentages', 'id;montant;taux\n1;1 234,5;12,5 %\n2;10;50%\n3;-2,75;0 %\n', 'byte scanner'],
    ['missing markers', 'id,nps,when\n1,9,2026-01-02\n2,NA,N/A\n3,-,#N/A\n4,NSP,2026-02-03\n5,10,\n', 'byte scanner'],
    ['no line end at the end', 'a,b\n1,2\n3,4', 'byte scanner'],
    ['pandas index column (empty header cell)', ',id,q\n0,1,2\n1,2,3\n2,3,1\n', 'byte scanner'],
    ['R write.csv row names and duplicated names', '"","q","q"\n"1",1,2\n"2",3,4\n', 'byte scanner'],
    ['a blank line (falls back to csv-parse)', 'a,b\n1,2\n\n3,4\n', 'csv-parse'],
    ['a row of empty fields (falls back)', 'a;b;c\n1;2;3\n;;\n4;5;6\n', 'csv-parse'],
    ['spaces around values', 'a,b\n 1 , x \n2,y \n 3,x\n', 'byte scanner'],
  ];
  for (const [title, content, reader] of cases) {
    it(title, () => {
      const path = write(`${title.replace(/\W+/g, '_')}.csv`, content);
      const fromDisk = readSurvey(path);
      const inMemory = readSurvey({ name: path, bytes: typeof content === 'string' ? new TextEncoder().encode(content) : content });
      expect(fromDisk.report.reader).toBe(reader);
      expect(inMemory.report.reader).toBe('csv-parse');
      same(fromDisk, inMemory);
    });
  }

  it('reads only the selected columns, with the same values as a full read', () => {
    const path = write('select.csv', 'id,region,nps,comment\n1,Nord,9,"a, b"\n2,Sud,3,x\n3,Nord,10,y\n');
    const sel = readSurvey(path, { select: ['nps', 'region'] });
    expect(sel.table.columns.map((c) => c.name)).toEqual(['region', 'nps']);
    const full = readSurvey(path);
    expect(sel.table.columns.map(plain)).toEqual(full.table.columns.filter((c) => c.name === 'region' || c.name === 'nps').map(plain));
    expect(sel.header).toEqual(['id', 'region', 'nps', 'comment']);
  });

  it('skips quoted fields it does not read (separators, doubled quotes, line breaks inside) with the same results', () => {
    const rows = ['id,comment,nps,note,region'];
    const comments = ['"a, b"', '"dit ""non"""', 'plain', '"deux\nlignes"', '""', '"x""y, z"'];
    for (let i = 0; i < 600; i++) rows.push(`${i},${comments[i % comments.length]},${i % 11},"n${i % 3}, ok",${['Nord', 'Sud'][i % 2]}`);
    const content = rows.join('\r\n') + '\r\n';
    const path = write('skip-quoted.csv', content);
    const bytes = new TextEncoder().encode(content);
    for (const select of [['nps', 'region'], ['id', 'note'], ['region']]) {
      const fast = readSurvey(path, { select });
      expect(fast.report.reader).toBe('byte scanner');
      same(fast, readSurvey({ name: path, bytes }, { select }));
    }
  });

  it('names the lines of bad values from the fast path', () => {
    const path = write('bad.csv', 'id,x\n1,"multi\nline"\n2,3\n3,abc\n');
    const e = (() => {
      try {
        readSurvey(path, { columns: { x: { type: 'numeric' } } });
      } catch (err) {
        return err as InputError;
      }
      throw new Error('no error');
    })();
    expect(e).toBeInstanceOf(InputError);
    expect(e.location).toMatchObject({ line: 2, column: 2, columnName: 'x' });
  });
});

describe('readSurvey: headers, encodings and missing markers', () => {
  it('names empty and repeated header cells as readr does and reports them', () => {
    const s = readSurvey(write('h.csv', ',q1,q1,\n0,1,2,a\n1,3,4,b\n'));
    expect(s.header).toEqual(['...1', 'q1', 'q1...3', '...4']);
    expect(s.report.renamed).toEqual([
      { column: 1, from: '', to: '...1', reason: 'empty' },
      { column: 3, from: 'q1', to: 'q1...3', reason: 'duplicate' },
      { column: 4, from: '', to: '...4', reason: 'empty' },
    ]);
  });

  it('repairs UTF-8 values inside a Windows-1252 file and says where', () => {
    // "Santé" in Latin-1 on line 2, in UTF-8 on line 3: one category, not two.
    const bytes = Uint8Array.from([...Buffer.from('id;domaine\n1;Sant'), 0xe9, ...Buffer.from('\n2;'), ...Buffer.from('Santé', 'utf8'), ...Buffer.from('\n3;Auto\n4;Auto\n5;Auto\n')]);
    for (const s of [readSurvey(write('mixed.csv', bytes)), readSurvey({ name: 'mixed.csv', bytes })]) {
      const col = s.table.columns[1];
      expect(col.type).toBe('categorical');
      expect(col.type === 'categorical' ? col.levels : []).toEqual(['Santé', 'Auto']);
      expect(s.report.repaired).toEqual([{ column: 'domaine', count: 1, values: ['Santé'], lines: [3] }]);
      expect(s.report.warnings.map((w) => w.text).join('\n')).toMatch(/column "domaine": 1 value written in UTF-8 inside a Windows-1252 file .*line 3/);
    }
  });

  it('repairs a Latin-1 value inside a UTF-8 file read by the scanner', () => {
    const bytes = Buffer.concat([Buffer.from('id;domaine\n' + Array.from({ length: 3000 }, (_, i) => `${i};Santé\n`).join('')), Buffer.from([0x39, 0x39, 0x39, 0x39, 0x3b, 0x53, 0x61, 0x6e, 0x74, 0xe9, 0x0a])]);
    const path = write('latin-in-utf8.csv', bytes);
    const s = readSurvey(path);
    // The whole file is not UTF-8, so it is read as Windows-1252 and the 3000 UTF-8 values repaired.
    const col = s.table.columns[1];
    expect(col.type === 'categorical' ? col.levels : []).toEqual(['Santé']);
    expect(s.report.repaired?.[0]).toMatchObject({ column: 'domaine', count: 3000 });
  });

  it('treats NA, N/A, #N/A, NSP and - as missing with their reason in a declared numeric column', () => {
    const s = readSurvey(write('na.csv', 'x\n1\nNA\nN/A\n#N/A\nNSP\n-\n\n2\n'), { columns: { x: { type: 'numeric' } } });
    expect(s.report.missing.x).toEqual({ count: 5, byReason: { 'code NA': 1, 'code N/A': 1, 'code #N/A': 1, 'code NSP': 1, 'code -': 1 } });
    expect(s.report.rowsExcluded).toEqual([{ line: 8, reason: 'blank line' }]);
  });
});

describe('readSurvey: bounded input', () => {
  it('refuses a character device at once', () => {
    const t0 = Date.now();
    expect(() => readSurvey('/dev/zero')).toThrow(/not a regular file \(a character device\)/);
    expect(Date.now() - t0).toBeLessThan(2000);
  });
  it('refuses a FIFO without opening it (opening would wait for a writer)', () => {
    const fifo = join(dir, 'fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    expect(() => readSurvey(fifo)).toThrow(/not a regular file \(a FIFO\)/);
  });
  it('refuses a directory and a file past maxBytes', () => {
    mkdirSync(join(dir, 'd'), { recursive: true });
    expect(() => readSurvey(join(dir, 'd'))).toThrow(/a directory/);
    const p = write('big.csv', 'a\n' + '1\n'.repeat(100));
    expect(() => readSurvey(p, { maxBytes: 50 })).toThrow(/202 bytes, more than the limit of 50 bytes/);
  });
});

describe('readSurvey: one survey in four formats (and Parquet)', () => {
  const cb = join(fixtures, 'codebook.yaml');
  const select = ['region', 'educ', 'smoke', 'nps', 'sat', 'amount', 'visit', 'fcr'];
  const r = readSurvey(join(fixtures, 'survey_r.csv'), { codebook: cb, select });
  const p = readSurvey(join(fixtures, 'survey_pandas.csv'), { codebook: cb, select });
  const x = readSurvey(join(fixtures, 'survey.xlsx'), { codebook: cb, select });
  const s = readSurvey(join(fixtures, 'survey.sav'), { select });
  const u = readSurvey(join(fixtures, 'survey_uncompressed.sav'), { select });
  const q = readSurvey(join(fixtures, 'survey.parquet'), { codebook: cb, select });

  it('reads the same columns from the R and pandas CSVs, the workbook and the SPSS files', () => {
    const cols = (d: SurveyData): unknown => d.table.columns.map((c) => ({ ...(plain(c) as object), inferred: undefined, label: undefined }));
    for (const d of [p, x, s, u, q]) expect(cols(d)).toEqual(cols(r));
    expect(q.report).toMatchObject({ source: 'parquet', reader: 'DuckDB' });
  });

  it('takes value labels and user-missing values from the .sav dictionary', () => {
    const educ = s.table.columns.find((c) => c.name === 'educ');
    expect(educ?.type).toBe('categorical');
    expect(educ?.type === 'categorical' ? educ.levels : []).toEqual(['Primaire', 'Secondaire', 'Supérieur']);
    expect(educ?.label).toBe("Niveau d'études");
    expect(s.report.missing.educ.byReason).toEqual({ 'code 9': 7 });
    expect(s.report.missing.nps.byReason).toEqual({ 'code 99': 4 });
    expect(s.report.source).toBe('sav');
    expect(s.lines[0]).toBe(1);
  });

  it('reads Excel rows with their sheet row numbers, numbers and dates kept', () => {
    expect(x.report).toMatchObject({ source: 'xlsx', sheet: 'enquete', reader: 'SheetJS' });
    expect(x.lines[0]).toBe(2);
    const notes = readSurvey(join(fixtures, 'survey.xlsx'), { sheet: 'notes' });
    expect(notes.header).toEqual(['note']);
    expect(() => readSurvey(join(fixtures, 'survey.xlsx'), { sheet: 'nope' })).toThrow(/no sheet "nope" in this workbook \(its sheets: "enquete", "notes"\)/);
  });

  it('renames the index column of the pandas and R files', () => {
    expect(p.header[0]).toBe('...1');
    expect(r.header[0]).toBe('...1');
  });
});

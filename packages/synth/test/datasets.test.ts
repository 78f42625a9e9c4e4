/**
 * The checked-in datasets (datasets/ at the repository root) are exactly what the generators
 * produce today, and the BTS files agree with each other.
 */
import { createHash } from 'node:crypto';
import { loadCodebook } from '@satlab/data';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { barometerFiles, generateTransactions } from '@satlab/synth';
import { parseCsv } from './helpers/csv.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const ds = (...p: string[]) => join(root, 'datasets', ...p);
const sha = (b: Buffer | string): string => createHash('sha256').update(b).digest('hex');
const tmp = mkdtempSync(join(tmpdir(), 'satlab-synth-ds-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('datasets/barometer', () => {
  test('every file equals generateBarometer({ seed: 2007 }) rendered today, byte for byte', () => {
    const { files } = barometerFiles({ seed: 2007 });
    for (const [name, text] of files) expect(sha(readFileSync(ds('barometer', name))), name).toBe(sha(text));
  });

  test('the codebook parses as YAML and lists every column of the files, in file order', () => {
    const cb = loadCodebook(ds('barometer', 'codebook.yaml')) as { columns: Record<string, { type: string }> };
    const header = readFileSync(ds('barometer', 'barometer.csv'), 'utf8').split('\n')[0].split(',');
    expect(Object.keys(cb.columns)).toEqual(header);
    expect(cb.columns.sat_contact).toEqual({ type: 'ordinal', label: 'Satisfaction — Contact', scale: [1, 4], missing: [9], labels: { 1: 'Pas du tout satisfait', 2: 'Plutôt pas satisfait', 3: 'Plutôt satisfait', 4: 'Tout à fait satisfait' } });
    expect(cb.columns.nps).toMatchObject({ type: 'numeric', scale: [0, 10], missing: [99] });
  });

  test('files are UTF-8 without BOM, LF only', () => {
    const buf = readFileSync(ds('barometer', 'barometer.csv'));
    expect(buf[0]).not.toBe(0xef);
    expect(buf.includes(13)).toBe(false);
    expect(new TextDecoder('utf-8', { fatal: true }).decode(buf)).toContain('Île-de-France');
  });
});

describe('datasets/transactions', () => {
  test('transactions.csv equals generateTransactions({ seed: 2007, rows: 120000 }) regenerated now (sha-256)', async () => {
    const file = join(tmp, 't.csv');
    const res = await generateTransactions({ seed: 2007, rows: 120_000, out: file });
    expect(res.rows).toBe(120_000);
    expect(sha(readFileSync(ds('transactions', 'transactions.csv')))).toBe(sha(readFileSync(file)));
  });

  test('the file stays under 4 MB and the codebook matches its header', () => {
    const text = readFileSync(ds('transactions', 'transactions.csv'), 'utf8');
    expect(Buffer.byteLength(text)).toBeLessThan(4_000_000);
    const cb = loadCodebook(ds('transactions', 'codebook.yaml')) as { columns: Record<string, { type: string }> };
    expect(Object.keys(cb.columns)).toEqual(text.slice(0, text.indexOf('\n')).split(','));
    expect(Object.values(cb.columns).map((c) => c.type)).toEqual(['id', 'date', 'numeric']);
  });
});

describe('datasets/bts-2007', () => {
  // Values of the subject (BTS MUC E5 2007, sujet n° 11, annexes 1 and 3), copied here from the seed document.
  const ANNEX3 = [
    ['Auto/Moto', 30, 54, 96, 18],
    ['Habitation', 6, 36, 102, 18],
    ['Prév. Retraite', 6, 0, 12, 12],
    ['Resp. civile', 6, 12, 36, 12],
    ['Santé', 6, 30, 72, 18],
  ] as const;
  const LEVELS = ['Pas du tout satisfait', 'Plutôt pas satisfait', 'Plutôt satisfait', 'Tout à fait satisfait'];

  test('annex1.csv holds the 10 attributes of annex 1 with point decimals', () => {
    const { header, rows } = parseCsv(readFileSync(ds('bts-2007', 'annex1.csv'), 'utf8'));
    expect(header).toEqual(['attribute', 'satisfaction', 'importance']);
    expect(rows.map((r) => r[0])).toEqual(['Contact', 'Délai Rép.', 'Personnalisation', 'Compréhension', 'Informations', 'Démarches', 'Qualité Indemn.', 'Délai Indemn.', 'Compétence Perso.', 'Rapport Couv/Cot']);
    expect(rows.map((r) => Number(r[1]))).toEqual([1.91, 2.09, 1.94, 2.2, 2.03, 2.06, 2.04, 2.4, 2.2, 1.88]);
    expect(rows.map((r) => Number(r[2]))).toEqual([2.17, 2.2, 1.71, 1.94, 2.03, 2.26, 3.66, 3.6, 3.63, 3.83]);
  });

  test('annex3.csv is the annex 3 table without the Total column', () => {
    const { header, rows } = parseCsv(readFileSync(ds('bts-2007', 'annex3.csv'), 'utf8'));
    expect(header).toEqual(['contrat', ...LEVELS]);
    expect(rows.map((r) => [r[0], ...r.slice(1).map(Number)])).toEqual(ANNEX3.map((r) => [...r]));
  });

  test('annex3-respondents.csv expands annex 3 to 582 rows whose cross-tabulation gives the table back', () => {
    const { header, rows } = parseCsv(readFileSync(ds('bts-2007', 'annex3-respondents.csv'), 'utf8'));
    expect(header).toEqual(['respondent_id', 'contrat', 'satisfaction']);
    expect(rows).toHaveLength(582);
    expect(rows.map((r) => r[0])).toEqual(Array.from({ length: 582 }, (_, i) => String(i + 1)));
    const expected: string[][] = [];
    for (const [c, ...n] of ANNEX3) n.forEach((k, j) => { for (let i = 0; i < k; i++) expected.push([c, LEVELS[j]]); });
    expect(rows.map((r) => [r[1], r[2]])).toEqual(expected);
  });

  test('the codebook declares contrat and satisfaction levels in annex order', () => {
    const cb = loadCodebook(ds('bts-2007', 'codebook.yaml')) as { columns: Record<string, { type: string; levels?: string[] }> };
    expect(Object.keys(cb.columns)).toEqual(['respondent_id', 'contrat', 'satisfaction']);
    expect(cb.columns.contrat).toMatchObject({ type: 'categorical', levels: ANNEX3.map((r) => r[0]) });
    expect(cb.columns.satisfaction).toMatchObject({ type: 'ordinal', levels: LEVELS });
  });
});

// End-to-end: `satlab rfm` as users run it (needs the build: pnpm exec tsc -b packages/cli).
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliRun } from './helpers/satlab.js';
import { requireBuild, root, satlab as run, scratchDir } from './helpers/satlab.js';

const dataset = 'datasets/transactions/transactions.csv';
const cols = ['--customer', 'customer_id', '--date', 'date', '--amount', 'amount'];
const dir = scratchDir('cli-rfm');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const satlab = (...args: string[]): CliRun => run(args);
const scratch = (name: string, text: string): string => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};
const BAD = ['id,day,amount', 'A,2024-01-10,100', 'B,2024-02-15,20', 'A,2024-03-01,50', 'C,2024-02-31,5', 'D,2024-01-01,12,5', ',2024-01-02,3', 'E,2024-01-03,abc', 'E,2024-01-04,8'].join('\n') + '\n';

beforeAll(() => requireBuild('rfm'));

describe('satlab rfm', () => {
  it('--json prints {customers, transactions, asOf, thresholds: {recency, frequency, monetary}, segments: [{name, customers, revenue}], excluded} and nothing else', () => {
    const r = satlab('rfm', dataset, ...cols, '--json');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const j = JSON.parse(r.stdout);
    expect(Object.keys(j)).toEqual(expect.arrayContaining(['customers', 'transactions', 'asOf', 'thresholds', 'segments', 'excluded']));
    expect(j.customers).toBe(6000);
    expect(j.transactions).toBe(120000);
    expect(j.asOf).toBe('2025-01-01');
    expect(Object.keys(j.thresholds)).toEqual(['recency', 'frequency', 'monetary']);
    expect(j.thresholds.recency).toHaveLength(4);
    for (const s of j.segments) expect(Object.keys(s)).toEqual(expect.arrayContaining(['name', 'customers', 'revenue']));
    expect(j.segments.map((s: { name: string }) => s.name)).toContain('Champions');
    expect(j.segments.reduce((a: number, s: { customers: number }) => a + s.customers, 0)).toBe(6000);
    expect(j.excluded).toMatchObject({ transactions: 0, byReason: {}, first: [] });
  });

  it('--segments bts names the case segments; two parsing threads give the same JSON as one', () => {
    const one = satlab('rfm', dataset, ...cols, '--segments', 'bts', '--json', '--threads', '1');
    const two = satlab('rfm', dataset, ...cols, '--segments', 'bts', '--json', '--threads', '2');
    expect(one.code).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    expect(JSON.parse(one.stdout).segments.map((s: { name: string }) => s.name)).toEqual(['Vedettes', 'Fidèles endormis', 'Timides', 'Occasionnels', 'Perdus']);
  });

  it('--thresholds scores with the given cut points (R = 5 below the first recency cut) and refuses cuts that do not increase', () => {
    const out = join(dir, 'given.csv');
    const r = satlab('rfm', dataset, ...cols, '--thresholds', 'r=30,90,180,365;f=2,4,8,16;m=100,250,500,1000', '--out', out, '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.binning).toBe('thresholds');
    expect(j.thresholds).toEqual({ recency: [30, 90, 180, 365], frequency: [2, 4, 8, 16], monetary: [100, 250, 500, 1000] });
    const rows = readFileSync(out, 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
    expect(rows).toHaveLength(6000);
    const score = (x: number, cuts: number[]): number => 1 + cuts.filter((c) => c <= x).length;
    for (const [, rec, fr, mon, rs, fs, ms] of rows.slice(0, 500)) {
      expect(Number(rs)).toBe(6 - score(Number(rec), [30, 90, 180, 365]));
      expect(Number(fs)).toBe(score(Number(fr), [2, 4, 8, 16]));
      expect(Number(ms)).toBe(score(Number(mon), [100, 250, 500, 1000]));
    }
    const bad = satlab('rfm', dataset, ...cols, '--thresholds', 'r=30,10;f=1;m=2');
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split('\n')).toEqual(['satlab rfm: --thresholds: recency cut points must increase, got "30,10"']);
  });

  it('bad rows are excluded and reported with their first line numbers (exit 0)', () => {
    const p = scratch('bad.csv', BAD);
    const r = satlab('rfm', p, '--customer', 'id', '--date', 'day', '--amount', 'amount', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.transactions).toBe(5);
    expect(j.excluded.transactions).toBe(3);
    expect(j.excluded.byReason).toEqual({ 'missing customer': 1, 'bad or missing date': 1, 'bad or missing amount': 1 });
    expect(j.excluded.first.map((b: { line: number }) => b.line)).toEqual([5, 7, 8]);
    expect(j.excluded.raggedRows).toBe(1);
  });

  it('--strict makes bad rows fatal: exit 2, one line on stderr naming the file line and column', () => {
    const p = scratch('bad2.csv', BAD);
    const r = satlab('rfm', p, '--customer', 'id', '--date', 'day', '--amount', 'amount', '--strict');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/bad2\.csv:5 \(column "day"\): "2024-02-31" is not a date/);
    expect(r.stderr).toMatch(/3 bad rows/);
  });

  it('--out writes one row per customer (customer,recency,frequency,monetary,r,f,m,segment), ids safe against formula injection', () => {
    const p = scratch('inj.csv', 'id,day,amount\n=HYPERLINK("x"),2024-01-10,10\nB,2024-01-11,20\n"C,1",2024-01-12,30\n');
    const out = join(dir, 'customers.csv');
    const r = satlab('rfm', p, '--customer', 'id', '--date', 'day', '--amount', 'amount', '--out', out);
    expect(r.code).toBe(0);
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('customer,recency,frequency,monetary,r,f,m,segment');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toMatch(/^"'=HYPERLINK\(""x""\)",3,1,10,/);
    expect(lines[3]).toMatch(/^"C,1",1,1,30,/);
  });

  it('human output in French and English; no progress bar when stderr is not a terminal', () => {
    const fr = satlab('rfm', dataset, ...cols, '--segments', 'bts', '--lang', 'fr');
    expect(fr.code).toBe(0);
    expect(fr.stderr).toBe('');
    expect(fr.stdout).toMatch(/Seuils des scores/);
    expect(fr.stdout).toMatch(/Fidèles endormis/);
    expect(fr.stdout).toMatch(/date d’analyse 2025-01-01/);
    const en = satlab('rfm', dataset, ...cols, '--lang', 'en', '--as-of', '2024-12-30');
    expect(en.code).toBe(0);
    expect(en.stdout).toMatch(/Score thresholds/);
    expect(en.stdout).toMatch(/after the analysis date/);
  });

  it('--charts <dir> writes the R × F heat map and the segment bars as SVG', () => {
    const out = join(dir, 'charts');
    const r = satlab('rfm', dataset, ...cols, '--segments', 'bts', '--charts', out, '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.charts).toEqual([join(out, 'rfm-heatmap.svg'), join(out, 'rfm-segments.svg')]);
    for (const f of j.charts) expect(readFileSync(f, 'utf8')).toMatch(/^<svg/);
    // The chart names the segments in the reader's language (English here); JSON keeps the map's names.
    expect(readFileSync(j.charts[1], 'utf8')).toMatch(/Stars/);
    expect(j.segments[0]).toMatchObject({ name: 'Vedettes', label: { en: 'Stars', fr: 'Vedettes' } });
  });

  it('classic segment names are French in French output, English in English output', () => {
    const fr = satlab('rfm', dataset, ...cols, '--lang', 'fr');
    expect(fr.code).toBe(0);
    expect(fr.stdout).toContain('Clients fidèles');
    expect(fr.stdout).not.toMatch(/Loyal customers|Potential loyalists|Hibernating/);
    const en = satlab('rfm', dataset, ...cols, '--lang', 'en');
    expect(en.stdout).toContain('Loyal customers');
    expect(en.stdout).not.toContain('Clients fidèles');
  });

  it('a missing file reads "x: file not found" like the other commands, in French and in English', () => {
    const fr = satlab('rfm', 'absent.csv', ...cols, '--lang', 'fr');
    expect(fr.code).toBe(2);
    expect(fr.stderr.trim()).toBe('satlab rfm : absent.csv\u00a0: fichier introuvable');
    const en = satlab('rfm', 'absent.csv', ...cols, '--lang', 'en');
    expect(en.code).toBe(2);
    expect(en.stderr.trim()).toBe('satlab rfm: absent.csv: file not found');
  });

  it('usage errors exit 2: missing column option, unknown column, bad --as-of, Parquet without duckdb', () => {
    expect(satlab('rfm', dataset, '--customer', 'customer_id', '--date', 'date').stderr).toMatch(/missing required option --amount/);
    const unknown = satlab('rfm', dataset, '--customer', 'client', '--date', 'date', '--amount', 'amount');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/no column "client" \(the columns are: "customer_id", "date", "amount"\)/);
    expect(satlab('rfm', dataset, ...cols, '--as-of', '31/12/2024').code).toBe(2);
    expect(satlab('rfm', 'x.parquet', ...cols).code).toBe(2);
  });
});

// The DuckDB engine is an optional dependency of @satlab/rfm: load it from there, skip (saying so) if it fails.
let duckOk = true;
try {
  await import(pathToFileURL(createRequire(join(root, 'packages/rfm/package.json')).resolve('@duckdb/node-api')).href);
} catch {
  duckOk = false;
  console.warn('cli-rfm: --engine duckdb tests skipped: @duckdb/node-api did not load');
}
describe.skipIf(!duckOk)('satlab rfm --engine duckdb', () => {
  it('gives the native counts, analysis date, thresholds and segment sizes; --json adds the SQL', () => {
    const n = JSON.parse(satlab('rfm', dataset, ...cols, '--json').stdout);
    const r = satlab('rfm', dataset, ...cols, '--json', '--engine', 'duckdb');
    expect(r.code).toBe(0);
    const d = JSON.parse(r.stdout);
    expect([d.customers, d.transactions, d.asOf]).toEqual([n.customers, n.transactions, n.asOf]);
    expect(d.thresholds.recency).toEqual(n.thresholds.recency);
    expect(d.thresholds.frequency).toEqual(n.thresholds.frequency);
    expect(d.segments.map((s: { customers: number }) => s.customers)).toEqual(n.segments.map((s: { customers: number }) => s.customers));
    expect(d.sql).toMatch(/read_csv/);
  });

  it('--strict with bad rows exits 2 naming the line DuckDB rejected', () => {
    const p = scratch('bad3.csv', 'id,day,amount\nA,2024-01-10,100\nB,2024-02-31,20\n');
    const r = satlab('rfm', p, '--customer', 'id', '--date', 'day', '--amount', 'amount', '--engine', 'duckdb', '--strict');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad3\.csv:3/);
  });
});

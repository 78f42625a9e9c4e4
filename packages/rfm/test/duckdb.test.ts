import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { RfmResult } from '@satlab/rfm';
import { renderMessage } from '@satlab/messages';
import { readTransactions, rfm, rfmDuckdb } from '@satlab/rfm';

const here = dirname(fileURLToPath(import.meta.url));
const dataset = join(here, '../../../datasets/transactions/transactions.csv');
const cols = { customer: 'customer_id', date: 'date', amount: 'amount' };
const dir = mkdtempSync(join(tmpdir(), 'satlab-duck-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// The engine is an optional dependency: skip (saying why) only when it cannot be loaded.
let loadError = '';
try {
  await import('@duckdb/node-api');
} catch (err) {
  loadError = (err as Error).message;
}
if (loadError) console.warn(`duckdb.test.ts skipped: @duckdb/node-api did not load (${loadError})`);

function compare(native: RfmResult, duck: RfmResult): { recency: number; frequency: number; monetaryMaxRel: number; scores: number; segments: number } {
  const at = new Map(duck.customerIds.map((id, i) => [id, i]));
  const d = { recency: 0, frequency: 0, monetaryMaxRel: 0, scores: 0, segments: 0 };
  native.customerIds.forEach((id, i) => {
    const j = at.get(id);
    if (j === undefined) throw new Error(`customer ${id} missing from the DuckDB result`);
    if (native.recency[i] !== duck.recency[j]) d.recency++;
    if (native.frequency[i] !== duck.frequency[j]) d.frequency++;
    d.monetaryMaxRel = Math.max(d.monetaryMaxRel, Math.abs(native.monetary[i] - duck.monetary[j]) / Math.abs(native.monetary[i]));
    if (native.r[i] !== duck.r[j] || native.f[i] !== duck.f[j] || native.m[i] !== duck.m[j]) d.scores++;
    if (native.segmentNames[native.segment[i]] !== duck.segmentNames[duck.segment[j]]) d.segments++;
  });
  return d;
}

describe.skipIf(loadError !== '')('rfmDuckdb (DuckDB engine) gives the native results', () => {
  it('on datasets/transactions/transactions.csv: same customers, recency and frequency exactly, monetary within 1e-15 relative, same scores and segments', async () => {
    const { transactions } = await readTransactions(dataset, cols);
    const native = rfm(transactions, { segments: 'bts' });
    const { result: duck, sql, rejected } = await rfmDuckdb(dataset, { columns: cols, segments: 'bts' });
    expect(duck.customers).toBe(native.customers);
    expect(duck.transactions).toBe(native.transactions);
    expect(duck.asOf).toBe(native.asOf);
    expect(rejected.rows).toBe(0);
    expect(compare(native, duck)).toMatchObject({ recency: 0, frequency: 0, scores: 0, segments: 0 });
    expect(compare(native, duck).monetaryMaxRel).toBeLessThan(1e-15);
    expect(duck.thresholds.recency).toEqual(native.thresholds.recency);
    expect(duck.thresholds.frequency).toEqual(native.thresholds.frequency);
    expect(sql).toMatch(/GROUP BY customer/);
  });

  it('French CSV (";", decimal comma, DD/MM/YYYY): the same exclusions by reason as the native engine, with the same lines', async () => {
    const p = join(dir, 'fr.csv');
    writeFileSync(p, ['client;date;montant', 'A;10/01/2024;100,5', 'B;15/02/2024;20', 'A;01/03/2024;50', 'C;xx/02/2024;5', ';01/01/2024;5', 'B;16/02/2024;', 'D;05/03/2024;7'].join('\n') + '\n');
    const c = { customer: 'client', date: 'date', amount: 'montant' };
    const { transactions, scan } = await readTransactions(p, c);
    const native = rfm(transactions, { asOf: '2024-03-04', bins: 2 });
    const { result: duck, rejected } = await rfmDuckdb(p, { columns: c, asOf: '2024-03-04', bins: 2 });
    expect(duck.customers).toBe(2);
    expect(compare(native, duck)).toMatchObject({ recency: 0, frequency: 0, monetaryMaxRel: 0, scores: 0 });
    expect(rejected.rows).toBe(0);
    expect(rejected.first.map((f) => f.line)).toEqual(scan.issues.first.map((f) => f.line));
    expect(rejected.first.map((f) => f.line)).toEqual([5, 6, 7]);
    expect(duck.excluded.byReason).toEqual(native.excluded.byReason);
    expect(native.excluded.byReason).toMatchObject({ 'missing customer': 1, 'bad or missing amount': 1, 'bad or missing date': 1, 'after the analysis date': 1 });
    expect(duck.warnings.map((w) => w.code)).toEqual(native.warnings.map((w) => w.code));
  });

  it('a file mixing ISO and French dates: every valid date read by both engines', async () => {
    const p = join(dir, 'mixed.csv');
    writeFileSync(p, ['customer_id,date,amount', 'A,2024-01-10,10', 'B,15/02/2024,20', 'A,2024-03-01 10:30:00,5', 'C,01/03/2024,7', 'B,2024/02/20,3'].join('\n') + '\n');
    const { transactions } = await readTransactions(p, cols);
    const native = rfm(transactions, { bins: 2 });
    const { result: duck, rejected } = await rfmDuckdb(p, { columns: cols, bins: 2 });
    expect(native.transactions).toBe(5);
    expect(duck.transactions).toBe(5);
    expect(rejected.rows).toBe(0);
    expect(duck.asOf).toBe(native.asOf);
    expect(compare(native, duck)).toMatchObject({ recency: 0, frequency: 0, monetaryMaxRel: 0, scores: 0 });
  });

  it('a transaction dated after today is excluded with a warning in both engines, not moving the default analysis date', async () => {
    const p = join(dir, 'future.csv');
    writeFileSync(p, ['customer_id,date,amount', 'A,2024-01-10,10', 'B,2024-02-15,20', 'A,2062-03-01,5', 'C,2024-03-01,7'].join('\n') + '\n');
    const { transactions } = await readTransactions(p, cols);
    const native = rfm(transactions, { bins: 2, today: '2024-06-01' });
    const { result: duck } = await rfmDuckdb(p, { columns: cols, bins: 2, today: '2024-06-01' });
    for (const r of [native, duck]) {
      expect(r.asOf).toBe('2024-03-02');
      expect(r.excluded.byReason).toEqual({ 'dated after today': 1 });
      const w = r.warnings.find((m) => m.code === 'rfm.future');
      expect(w?.text).toBe('1 transaction dated after today (2024-06-01; the latest 2062-03-01) excluded: the analysis date is the day after the latest transaction up to today, 2024-03-02 (give --as-of to choose it)');
      expect(w && renderMessage(w, 'fr')).toMatch(/^1 transaction datée après aujourd’hui \(2024-06-01/);
    }
    expect(compare(native, duck)).toMatchObject({ recency: 0, frequency: 0, scores: 0 });
    // With an analysis date, it is "after the analysis date" as before.
    const given = rfm(transactions, { bins: 2, asOf: '2024-04-01', today: '2024-06-01' });
    expect(given.excluded.byReason).toEqual({ 'after the analysis date': 1 });
  });

  it('reads Parquet directly (written here by DuckDB from the dataset): same result as the CSV', async () => {
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const pq = join(dir, 'tx.parquet');
    const inst = await DuckDBInstance.create(':memory:');
    const con = await inst.connect();
    await con.run(`COPY (SELECT * FROM read_csv('${dataset.replace(/'/g, "''")}', header = true)) TO '${pq.replace(/'/g, "''")}' (FORMAT parquet)`);
    con.closeSync();
    inst.closeSync();
    const fromCsv = (await rfmDuckdb(dataset, { columns: cols })).result;
    const fromParquet = (await rfmDuckdb(pq, { columns: cols })).result;
    expect(fromParquet.customers).toBe(fromCsv.customers);
    expect(compare(fromCsv, fromParquet)).toMatchObject({ recency: 0, frequency: 0, scores: 0 });
  });
});

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readTransactions, rfm } from '@satlab/rfm';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '../../..');
const dataset = join(root, 'datasets/transactions/transactions.csv');
const meta = JSON.parse(readFileSync(join(here, 'fixtures/rfm_pandas.json'), 'utf8')) as { inputSha256: string; asOf: string; customers: number; transactions: number };

/** Fixture rows: customer → [recency, frequency, sum, mean] as pandas computed them (rfm_pandas.py). */
function pandasRows(): Map<string, [number, number, number, number]> {
  const text = gunzipSync(readFileSync(join(here, 'fixtures/rfm_pandas.csv.gz'))).toString('utf8');
  const rows = new Map<string, [number, number, number, number]>();
  for (const line of text.trim().split('\n').slice(1)) {
    const [c, r, f, s, m] = line.split(',');
    rows.set(c, [Number(r), Number(f), Number(s), Number(m)]);
  }
  return rows;
}

describe('rfm on datasets/transactions/transactions.csv equals pandas (fixtures/rfm_pandas.py)', () => {
  it('the fixture was computed from this very dataset (sha256 matches; else rerun rfm_pandas.py)', () => {
    const sha = createHash('sha256').update(readFileSync(dataset)).digest('hex');
    expect(sha).toBe(meta.inputSha256);
  });

  it('per-customer recency, frequency and monetary (sum and mean) equal pandas exactly (===)', async () => {
    const { transactions, scan } = await readTransactions(dataset, { customer: 'customer_id', date: 'date', amount: 'amount' });
    expect(scan.issues.cells).toBe(0);
    const ref = pandasRows();
    const sum = rfm(transactions);
    const mean = rfm(transactions, { monetary: 'mean' });
    expect(sum.asOf).toBe(meta.asOf);
    expect(sum.customers).toBe(meta.customers);
    expect(sum.transactions).toBe(meta.transactions);
    let mismatches = 0;
    for (let i = 0; i < sum.customers; i++) {
      const p = ref.get(sum.customerIds[i]);
      expect(p, sum.customerIds[i]).toBeDefined();
      const [r, f, s, m] = p as [number, number, number, number];
      if (sum.recency[i] !== r || sum.frequency[i] !== f || sum.monetary[i] !== s || mean.monetary[i] !== m) mismatches++;
    }
    expect(mismatches).toBe(0);
  });
});

import { loadTable } from '@satlab/data';
import { describe, expect, it } from 'vitest';
import { readTransactions, rfm } from '../src/index.js';

// The synthetic transactions shipped in the repository (datasets/transactions).
const root = new URL('../../../', import.meta.url).pathname;
const file = `${root}datasets/transactions/transactions.csv`;

describe('rfm(table, { customer, date, amount })', () => {
  it('gives the scores and segments of the scanner path', async () => {
    const { table } = loadTable(file, { codebook: `${root}datasets/transactions/codebook.yaml` });
    const a = rfm(table, { customer: 'customer_id', date: 'date', amount: 'amount' }, { segments: 'bts' });
    const { transactions } = await readTransactions(file, { customer: 'customer_id', date: 'date', amount: 'amount' });
    const b = rfm(transactions, { segments: 'bts' });
    expect(a.customers).toBe(b.customers);
    expect(a.asOf).toBe(b.asOf);
    expect(a.segments.map((s) => [s.name, s.customers])).toEqual(b.segments.map((s) => [s.name, s.customers]));
  });
});

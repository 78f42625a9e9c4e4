import { loadTable, numericValues } from '@satlab/data';
import { describe, expect, it } from 'vitest';
import { factorAnalysis, keyDriverAnalysis } from '../src/index.js';

// The synthetic barometer shipped in the repository (datasets/barometer, seed 2007), with its codebook.
const root = new URL('../../../', import.meta.url).pathname;
// Loaded on first use inside a test, not while the file is collected (mutation testing switches a
// mutant on only when the tests run); the table is input data, so the tests share it.
let loaded: ReturnType<typeof loadTable>['table'] | undefined;
const barometer = (): ReturnType<typeof loadTable>['table'] =>
  (loaded ??= loadTable(`${root}datasets/barometer/wave-3.csv`, { codebook: `${root}datasets/barometer/codebook.yaml` }).table);
const items = ['sat_contact', 'sat_delai_rep', 'sat_qualite_indemn', 'sat_rapport_couv_cot'];

describe('column-name forms of the driver and factor analyses', () => {
  it('keyDriverAnalysis(table, outcome, drivers) equals the array form, drivers named by their labels', () => {
    const table = barometer();
    const a = keyDriverAnalysis(table, 'overall', items, { bootstrap: 0 });
    const b = keyDriverAnalysis(numericValues(table, 'overall'), Object.fromEntries(items.map((c) => [c, numericValues(table, c)])), { outcomeName: 'overall', bootstrap: 0 });
    expect(a.drivers.map((d) => d.name)).toEqual(['Contact', 'Délai Rép.', 'Qualité Indemn.', 'Rapport Couv/Cot']);
    expect(a.drivers.map((d) => d.shapley)).toEqual(b.drivers.map((d) => d.shapley));
    expect(a.r2).toBe(b.r2);
  });

  it('factorAnalysis(table, items) equals the array form', () => {
    const table = barometer();
    const a = factorAnalysis(table, items, { nfactors: 1 });
    const b = factorAnalysis(Object.fromEntries(items.map((c) => [c, numericValues(table, c)])), { nfactors: 1 });
    expect(a.kmo.overall).toBe(b.kmo.overall);
  });

  it('names an unknown column', () => {
    const table = barometer();
    expect(() => keyDriverAnalysis(table, 'overall', ['sat_contact', 'nope'])).toThrow(expect.objectContaining({ code: 'stats.columns.noSuchColumn' }));
  });
});

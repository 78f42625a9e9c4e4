import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { rake } from '@satlab/barometer';
import { renderMessage } from '@satlab/messages';
import type { Table } from '@satlab/data';
import { filterRows, InputError, loadCodebook, loadTable, tableFromColumns } from '@satlab/data';
import { beforeAll, describe, expect, it } from 'vitest';

// Reference: test/fixtures/rake.R (R survey::rake, maxit 100, epsilon 1e-12) on datasets/barometer/barometer.csv.
const root = fileURLToPath(new URL('../../../', import.meta.url));
const R = JSON.parse(readFileSync(new URL('./fixtures/rake.json', import.meta.url), 'utf8'));

const maxRel = (a: ArrayLike<number>, b: readonly number[]): number => {
  expect(a.length).toBe(b.length);
  let m = 0;
  for (let i = 0; i < b.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]) / Math.abs(b[i]));
  return m;
};

let all: Table;
const wave = (t: Table, k: number): Table => {
  const w = t.columns.find((c) => c.name === 'wave');
  if (w?.type !== 'ordinal') throw new Error('wave');
  return filterRows(t, Array.from(w.codes, (c) => (c === k - 1 ? 1 : 0)).map(Boolean));
};
beforeAll(() => {
  all = loadTable(`${root}datasets/barometer/barometer.csv`, { codebook: loadCodebook(`${root}datasets/barometer/codebook.yaml`) }).table;
});

describe('rake matches R survey::rake', () => {
  it('wave 3 raked to contract and region margins: every weight within 1e-9 of R, Kish effective n too', () => {
    const r = rake(wave(all, 3), R.margins);
    expect(r.converged).toBe(true);
    expect(maxRel(r.weights, R.wave3.weights)).toBeLessThan(1e-9);
    expect(Math.abs(r.effectiveN - R.wave3.effectiveN) / R.wave3.effectiveN).toBeLessThan(1e-9);
    // The margins are reached.
    for (const m of Object.values(r.groups[0].margins)) for (const c of m) expect(Math.abs(c.weightedShare - c.target)).toBeLessThan(1e-10);
  });

  it('raking each wave separately (by: "wave") equals R raking the three waves one by one', () => {
    const r = rake(all, R.margins, { by: 'wave' });
    expect(r.groups.map((g) => g.name)).toEqual(['Vague 1', 'Vague 2', 'Vague 3']);
    expect(maxRel(r.weights, R.byWave.weights)).toBeLessThan(1e-9);
    r.groups.forEach((g, k) => expect(Math.abs(g.effectiveN - R.byWave.effectiveN[k]) / R.byWave.effectiveN[k]).toBeLessThan(1e-9));
    // Weights sum to each wave's n.
    expect(r.weights.reduce((s, w) => s + w, 0)).toBeCloseTo(4500, 8);
  });

  it('unequal base weights shape the start as in R svydesign(weights = ~w0)', () => {
    const t = wave(all, 1);
    const base = Array.from({ length: t.nRows }, (_, i) => 1 + (i % 3) / 2);
    const r = rake(t, R.margins, { baseWeights: base });
    expect(maxRel(r.weights, R.wave1Base.weights)).toBeLessThan(1e-9);
  });
});

describe('rake refuses what it cannot do, naming the column and category', () => {
  const t = tableFromColumns({ g: ['a', 'a', 'b', 'b', 'c'], h: ['x', 'y', 'x', 'y', null] });
  it('shares that do not sum to 1 (or 100)', () => {
    expect(() => rake(t, { g: { a: 0.5, b: 0.3, c: 0.1 } })).toThrow(/margins\.g: the shares sum to 0\.9/);
  });
  it('percentages are accepted with a warning', () => {
    const r = rake(t, { g: { a: 50, b: 30, c: 20 } });
    expect(r.warnings.map((w) => w.code)).toContain('barometer.marginPercent');
    expect(r.warnings.map((w) => renderMessage(w, "fr")).join(" ")).toMatch(/pourcentages/);
    expect(r.groups[0].margins.g[0].weightedShare).toBeCloseTo(0.5, 12);
  });
  it('a category of the data without a share', () => {
    expect(() => rake(t, { g: { a: 0.5, b: 0.5 } })).toThrow(/no population share for "c"/);
  });
  it('a share for a category that is not in the column', () => {
    expect(() => rake(t, { g: { a: 0.4, b: 0.4, z: 0.2 } })).toThrow(InputError);
  });
  it('a missing value in a margin column', () => {
    expect(() => rake(t, { h: { x: 0.5, y: 0.5 } })).toThrow(/column "h" is missing for 1 respondents/);
  });
});

describe('barometer messages', () => {
  it('every warning of the catalogue has an English and a French text, with the group named in each language', async () => {
    const { M } = await import('../src/messages.js');
    const m = M.notConverged({ iterations: 50, delta: 0.0015, by: 'wave', group: 'Vague 2' });
    expect(m.code).toBe('barometer.notConverged');
    expect(m.text).toBe('raking did not converge in wave = "Vague 2" after 50 iterations (largest weight change 0.0015); weights are those of the last iteration');
    expect(renderMessage(m, 'fr')).toBe('le calage n’a pas convergé dans wave = « Vague 2 » après 50 itérations (plus grande variation de poids 0,0015) ; les poids sont ceux de la dernière itération');
    expect(JSON.parse(JSON.stringify(m))).toEqual(m);
  });
});

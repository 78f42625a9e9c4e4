import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { requireBuild, root, satlab } from './helpers/satlab.js';

// End-to-end: runs the built CLI (pnpm exec tsc -b packages/cli first). Reference values:
// packages/drivers/test/fixtures/kda.json (make-fixtures.R: brute-force lm() over all subsets).
const fx = 'packages/drivers/test/fixtures';
const ref = JSON.parse(readFileSync(`${root}/${fx}/kda.json`, 'utf8'));

beforeAll(() => requireBuild('drivers'));

describe('satlab drivers', () => {
  it('--json: n, r2 and per driver correlation, beta, Shapley share, relative weight and rank equal the R brute force (1e-10)', () => {
    const r = satlab(['drivers', `${fx}/barometer-w1.csv`, '--codebook', `${fx}/barometer-w1.yaml`, '--outcome', 'overall', '--drivers', 'sat_*', '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    const b = ref.barometer;
    expect(out.n).toBe(b.n);
    expect(Math.abs(out.r2 - b.r2)).toBeLessThan(1e-10);
    const sum = b.lmg.reduce((s: number, v: number) => s + v, 0);
    const sumRw = b.relativeWeight.reduce((s: number, v: number) => s + v, 0);
    out.drivers.forEach((d: { name: string; correlation: number; beta: number; shapley: number; relativeWeight: number; rank: number }, j: number) => {
      expect(d.name).toBe(b.names[j]);
      expect(Math.abs(d.correlation - b.correlation[j])).toBeLessThan(1e-10);
      expect(Math.abs(d.beta - b.beta[j])).toBeLessThan(1e-10);
      expect(Math.abs(d.shapley - (Math.sign(b.beta[j]) * b.lmg[j]) / sum)).toBeLessThan(1e-10);
      expect(Math.abs(d.relativeWeight - (Math.sign(b.beta[j]) * b.relativeWeight[j]) / sumRw)).toBeLessThan(1e-10);
    });
    const order = b.lmg.map((v: number, j: number) => [v, j]).sort((x: number[], y: number[]) => y[0] - x[0]);
    order.forEach(([, j]: number[], k: number) => expect(out.drivers[j].rank).toBe(k + 1));
  });

  it('human output in French names the outcome, the respondents kept and the ranking', () => {
    const r = satlab(['drivers', `${fx}/barometer-w1.csv`, '--codebook', `${fx}/barometer-w1.yaml`, '--outcome', 'nps', '--drivers', 'sat_contact,sat_delai_indemn,sat_qualite_indemn', '--lang', 'fr']);
    expect(r.code).toBe(0);
    expect(r.stdout.replace(/\u00a0/g, ' ')).toContain('Analyse des facteurs clés de « nps');
    expect(r.stdout).toMatch(/Répondants : 1\u00a0\d{3} retenus sur 1\u00a0500/);
    expect(r.stdout).toContain('Poids relatif');
  });

  it('an unknown driver column and a bad --method exit 2 with one line on stderr', () => {
    const r = satlab(['drivers', `${fx}/barometer-w1.csv`, '--outcome', 'overall', '--drivers', 'sat_contact,sat_contact_x']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('sat_contact_x');
    const u = satlab(['drivers', `${fx}/barometer-w1.csv`, '--outcome', 'overall', '--drivers', 'sat_contact', '--method', 'lmg']);
    expect(u.code).toBe(2);
    expect(u.stderr).toContain('--method');
  });
});

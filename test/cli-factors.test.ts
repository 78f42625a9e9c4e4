import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { requireBuild, root, satlab } from './helpers/satlab.js';

// End-to-end: runs the built CLI (pnpm exec tsc -b packages/cli first). Reference values:
// packages/drivers/test/fixtures/efa-barometer.json (make-fixtures.R: psych::principal, psych::fa,
// psych::KMO, psych::cortest.bartlett, psych::alpha on the ten sat_ items of barometer-w1.csv).
const fx = 'packages/drivers/test/fixtures';
const ref = JSON.parse(readFileSync(`${root}/${fx}/efa-barometer.json`, 'utf8'));

const maxAbs = (a: number[], b: number[]): number => Math.max(...a.map((v, i) => Math.abs(v - b[i])));

beforeAll(() => requireBuild('factors'));

describe('satlab factors', () => {
  it('--json: kmo, bartlett, eigenvalues, loadings (pc, varimax), communalities and alpha equal psych (1e-10)', () => {
    const r = satlab(['factors', `${fx}/barometer-w1.csv`, '--codebook', `${fx}/barometer-w1.yaml`, '--items', 'sat_*', '--nfactors', '2', '--extraction', 'pc', '--rotate', 'varimax', '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Math.abs(out.kmo - ref.kmo.MSA)).toBeLessThan(1e-10);
    expect(Math.abs(out.bartlett.statistic - ref.bartlett.chisq) / ref.bartlett.chisq).toBeLessThan(1e-10);
    expect(out.bartlett.df).toBe(ref.bartlett.df);
    expect(out.bartlett).toHaveProperty('pValue');
    expect(maxAbs(out.eigenvalues, ref.eigen.values)).toBeLessThan(1e-10);
    expect(maxAbs(out.loadings.flat(), ref.principal.varimax.loadings.flat())).toBeLessThan(1e-10);
    expect(maxAbs(out.communalities, ref.principal.varimax.communality)).toBeLessThan(1e-10);
    expect(Math.abs(out.alpha - ref.alpha.sat.total.raw_alpha)).toBeLessThan(1e-10);
  });

  it('default (minres, varimax, number of factors from parallel analysis) prints a French report with KMO, scree and alpha', () => {
    const r = satlab(['factors', `${fx}/barometer-w1.csv`, '--codebook', `${fx}/barometer-w1.yaml`, '--items', 'sat_*', '--lang', 'fr']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('KMO = 0,950 (excellent)');
    expect(r.stdout).toContain('Analyse parallèle : 1 composante(s)');
    expect(r.stdout).toContain('Alpha de Cronbach');
  });

  it('a bad --rotate exits 2 with one line on stderr', () => {
    const r = satlab(['factors', `${fx}/barometer-w1.csv`, '--items', 'sat_*', '--rotate', 'quartimax']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});

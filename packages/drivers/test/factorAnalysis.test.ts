import { describe, expect, it } from 'vitest';
import { matrixFromRows } from '@satlab/stats';
import { bartlettSphericity, CollinearDriversError, factorAnalysis, kmo, parallelAnalysis } from '@satlab/drivers';
import type { FactorAnalysisResult } from '@satlab/drivers';
import { alignedMaxAbs, barometerColumns, fixture, maxAbs, maxRel } from './helpers.js';

// References: test/fixtures/efa-bfi.json and efa-barometer.json from make-fixtures.R
// (psych 2.2.9: principal, fa, KMO, cortest.bartlett, fa.parallel; GPArotation 2022.10-2).
// psych::bfi: Revelle, psych package — 25 Big-Five items, the 2436 complete cases of 2800.
type Rows = number[][];
interface Ref { loadings: Rows; colnames: string[]; communality: number[]; Phi: Rows | Record<string, never>; Vaccounted: Rows; weights: Rows; scoresHead: Rows; tight?: { rotated: Rows; unrotated: Rows } }
interface EfaFixture {
  n: number; items: string[]; data?: Record<string, number[]>;
  kmo: { MSA: number; MSAi: number[] }; bartlett: { chisq: number; df: number; 'p.value': number };
  eigen: { values: number[] }; parallel: { 'pc.sim': number[]; 'fa.sim': number[]; ncomp: number; nfact: number };
  principal: Record<string, Ref>; minres: Record<string, Ref>; pa: Record<string, Ref>;
  bartlettSmall?: { chisq: number; df: number; 'p.value': number };
}
const ROT = ['none', 'varimax', 'promax', 'oblimin'] as const;

function load(name: string): { fx: EfaFixture; items: Record<string, Float64Array>; completeRows: number[] } {
  const fx = fixture<EfaFixture>(name);
  if (fx.data) {
    const items = Object.fromEntries(fx.items.map((nm) => [nm, Float64Array.from(fx.data![nm])]));
    return { fx, items, completeRows: Array.from({ length: fx.n }, (_, i) => i) };
  }
  const c = barometerColumns();
  const items = Object.fromEntries(fx.items.map((nm) => [nm, c[nm]]));
  const completeRows = Array.from(c[fx.items[0]].keys()).filter((i) => fx.items.every((nm) => !Number.isNaN(c[nm][i])));
  return { fx, items, completeRows };
}

const cache = new Map<string, FactorAnalysisResult>();
function run(name: string, items: Record<string, Float64Array>, k: number, extraction: 'pc' | 'minres' | 'pa', rotate: (typeof ROT)[number]): FactorAnalysisResult {
  const key = `${name}/${extraction}/${rotate}`;
  if (!cache.has(key)) cache.set(key, factorAnalysis(items, { nfactors: k, extraction, rotate, parallel: { iterations: 10 } }));
  return cache.get(key)!;
}

// Under mutation testing (SATLAB_MUTATION, vitest.stryker.config.ts) only the 10-item barometer
// fixture runs: it goes through the same extraction and rotation code as bfi, ten times faster.
const FIXTURES = process.env.SATLAB_MUTATION ? ['efa-barometer.json'] : ['efa-bfi.json', 'efa-barometer.json'];
for (const name of FIXTURES) {
  const { fx, items, completeRows } = load(name);
  const k = fx.principal.none.loadings[0].length;
  describe(`${name} (n = ${fx.n}, ${fx.items.length} items, ${k} factors)`, () => {
    it('KMO (overall and per item), Bartlett χ² and eigenvalues equal psych to 1e-12', () => {
      const r = run(name, items, k, 'pc', 'none');
      expect(r.n).toBe(fx.n);
      expect(Math.abs(r.kmo.overall - fx.kmo.MSA)).toBeLessThan(1e-12);
      expect(maxAbs(fx.items.map((nm) => r.kmo.items[nm]), fx.kmo.MSAi)).toBeLessThan(1e-12);
      expect(maxRel(r.eigenvalues, fx.eigen.values)).toBeLessThan(1e-12);
      expect(Math.abs(r.bartlett.statistic - fx.bartlett.chisq) / fx.bartlett.chisq).toBeLessThan(1e-12);
      expect(r.bartlett.df).toBe(fx.bartlett.df);
      expect(r.bartlett.pValue).toBe(fx.bartlett['p.value']);
    });

    for (const rot of ROT) {
      it(`principal components, rotate = "${rot}": loadings, names, communalities, Φ, variance table, score weights and scores equal psych::principal to 1e-10`, () => {
        const ref = fx.principal[rot];
        const r = run(name, items, k, 'pc', rot);
        expect(maxAbs(r.loadings.flat(), ref.loadings.flat())).toBeLessThan(1e-10);
        expect(r.factorNames).toEqual(ref.colnames);
        expect(maxAbs(r.communalities, ref.communality)).toBeLessThan(1e-10);
        if (Array.isArray(ref.Phi)) expect(maxAbs(r.phi!.flat(), ref.Phi.flat())).toBeLessThan(1e-10);
        else expect(r.phi).toBeNull(); // R: Phi is NULL for orthogonal solutions
        const v = r.varianceExplained;
        const mine = k > 1 ? [v.ssLoadings, v.proportion, v.cumulative, v.proportionExplained] : [v.ssLoadings, v.proportion];
        expect(maxAbs(mine.slice(0, ref.Vaccounted.length).flat(), ref.Vaccounted.slice(0, mine.length).flat())).toBeLessThan(1e-10);
        expect(maxAbs(r.scoreWeights.flat(), ref.weights.flat())).toBeLessThan(1e-10);
        expect(maxAbs(completeRows.slice(0, 6).flatMap((i) => r.scores![i]), ref.scoresHead.flat())).toBeLessThan(1e-10);
      });
    }

    for (const rot of ROT) {
      it(`minres, rotate = "${rot}": loadings equal the tightly converged minres solution to 1e-10 and psych::fa (L-BFGS-B, default tolerance) to 1e-5`, () => {
        const ref = fx.minres[rot];
        const r = run(name, items, k, 'minres', rot);
        expect(r.convergence.extraction).toBe(true);
        // tight reference: psych's uniquenesses polished by the fixed-point iteration in R, same rotation code
        expect(alignedMaxAbs(r.loadings, ref.tight!.rotated).diff).toBeLessThan(1e-10);
        // psych's own fa(): same column order and signs; differences are psych's optimiser tolerance (measured ≤ 4.3e-6)
        expect(maxAbs(r.loadings.flat(), ref.loadings.flat())).toBeLessThan(1e-5);
        expect(r.factorNames).toEqual(ref.colnames);
        expect(maxAbs(r.communalities, ref.communality)).toBeLessThan(1e-5);
        if (Array.isArray(ref.Phi)) expect(maxAbs(r.phi!.flat(), ref.Phi.flat())).toBeLessThan(1e-5);
        expect(maxAbs(r.scoreWeights.flat(), ref.weights.flat())).toBeLessThan(1e-4);
      });
    }

    it('principal axis (fm = "pa", psych stopping rule), varimax: loadings and communalities equal psych::fa to 1e-10', () => {
      const ref = fx.pa.varimax;
      const r = run(name, items, k, 'pa', 'varimax');
      expect(maxAbs(r.loadings.flat(), ref.loadings.flat())).toBeLessThan(1e-10);
      expect(r.factorNames).toEqual(ref.colnames);
      expect(maxAbs(r.communalities, ref.communality)).toBeLessThan(1e-10);
    });

    it('parallel analysis: seeded and reproducible; simulated eigenvalue means agree with psych::fa.parallel within Monte-Carlo error (0.02); same suggestion', () => {
      const r = run(name, items, k, 'pc', 'none');
      const again = factorAnalysis(items, { nfactors: k, extraction: 'pc', rotate: 'none', parallel: { iterations: 10 }, scores: false, alpha: false });
      expect(again.parallel.simulatedQuantile).toEqual(r.parallel.simulatedQuantile);
      const full = parallelAnalysis(matrixFromRows(corrRows(items, fx.items, completeRows)), fx.n, { iterations: 50, seed: 3 });
      expect(maxAbs(full.simulatedMean, fx.parallel['pc.sim'])).toBeLessThan(0.02);
      expect(maxAbs(full.simulatedReducedMean, fx.parallel['fa.sim'])).toBeLessThan(0.02);
      expect(full.suggestedComponents).toBe(fx.parallel.ncomp);
      expect(full.suggestedFactors).toBe(fx.parallel.nfact);
    });
  });
}

function corrRows(items: Record<string, Float64Array>, names: string[], rows: number[]): number[][] {
  const cols = names.map((nm) => rows.map((i) => items[nm][i]));
  const m = cols.map((c) => c.reduce((a, b) => a + b, 0) / c.length);
  const d = cols.map((c, j) => c.map((v) => v - m[j]));
  const ss = d.map((c) => Math.sqrt(c.reduce((a, b) => a + b * b, 0)));
  return d.map((a, i) => d.map((b, j) => (i === j ? 1 : a.reduce((s, v, t) => s + v * b[t], 0) / (ss[i] * ss[j]))));
}

describe('KMO, Bartlett and errors on small inputs', () => {
  it("Bartlett's test on 4 bfi items × 50 respondents: χ², df and p-value equal psych::cortest.bartlett to 1e-12", () => {
    const fx = fixture<EfaFixture>('efa-bfi.json');
    const ref = fx.bartlettSmall!;
    const nm = ['A1', 'A2', 'A3', 'A4'];
    const R = matrixFromRows(corrRows(Object.fromEntries(nm.map((n) => [n, Float64Array.from(fx.data![n])])), nm, Array.from({ length: 50 }, (_, i) => i)));
    const b = bartlettSphericity(R, 50);
    expect(Math.abs(b.statistic - ref.chisq) / ref.chisq).toBeLessThan(1e-12);
    expect(b.df).toBe(ref.df);
    expect(Math.abs(b.pValue - ref['p.value']) / ref['p.value']).toBeLessThan(1e-10);
    expect(kmo(R).items).toHaveLength(4);
  });
  it('linearly dependent items throw CollinearDriversError naming the aliased item', () => {
    const a = Float64Array.from({ length: 40 }, (_, i) => (i * 7) % 5);
    const b = Float64Array.from({ length: 40 }, (_, i) => (i * 3) % 4);
    const c = Float64Array.from({ length: 40 }, (_, i) => (i * 11) % 6);
    const ab = a.map((v, i) => v + b[i]);
    expect(() => factorAnalysis({ a, b, ab, c })).toThrow(CollinearDriversError);
    expect(() => factorAnalysis({ a, b, ab, c })).toThrow(/ab is a linear combination/);
    expect(() => factorAnalysis({ a, b, c }, { nfactors: 3 })).toThrow(/options.nfactors/);
  });
});

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compareWaves, npsChangeTest, rake, stackWaves } from '@satlab/barometer';
import type { IndicatorSpec, WaveComparison } from '@satlab/barometer';
import { loadCodebook, loadTable } from '@satlab/data';
import { netPromoterScore } from '@satlab/survey';
import { barometerModel } from '@satlab/synth';
import { beforeAll, describe, expect, it } from 'vitest';

// Reference values: test/fixtures/waves.R (R t.test, prop.test, p.adjust, lm, survey::rake) on
// datasets/barometer/barometer.csv; the true model is @satlab/synth's barometerModel (README).
const root = fileURLToPath(new URL('../../../', import.meta.url));
const R = JSON.parse(readFileSync(new URL('./fixtures/waves.json', import.meta.url), 'utf8'));
const RK = JSON.parse(readFileSync(new URL('./fixtures/rake.json', import.meta.url), 'utf8'));

const rel = (a: number, b: number): number => (a === b ? 0 : Math.abs(a - b) / Math.max(Math.abs(b), 1e-300));
const close = (a: number, b: number, tol = 1e-9): void => {
  expect(Number.isFinite(a), `${a} vs ${b}`).toBe(true);
  expect(rel(a, b), `${a} vs ${b}`).toBeLessThan(tol);
};

const attrs = barometerModel.attributes.map((a) => a.key);
const indicators: IndicatorSpec[] = [
  ...attrs.map((a): IndicatorSpec => ({ name: a, column: `sat_${a}`, kind: 'mean' })),
  { name: 'overall', column: 'overall', kind: 'mean' },
  { name: 'csat', column: 'overall', kind: 'topBox' },
  { name: 'nps', column: 'nps', kind: 'nps' },
  { name: 'left', column: 'left_within_year', kind: 'proportion', success: ['oui'], higherIsBetter: false },
];

let stacked: ReturnType<typeof stackWaves>;
let cmp: WaveComparison;
beforeAll(() => {
  const cb = loadCodebook(`${root}datasets/barometer/codebook.yaml`);
  const waves = [1, 2, 3].map((k) => ({ table: loadTable(`${root}datasets/barometer/wave-${k}.csv`, { codebook: cb }).table, label: `V${k}`, codebook: cb }));
  stacked = stackWaves(waves);
  cmp = compareWaves(stacked.table, { wave: 'wave', indicators });
});

const change = (ind: string, wave: string, against: 'previous' | 'first') => {
  const w = cmp.indicators.find((i) => i.name === ind)?.waves.find((x) => x.wave === wave);
  const c = w?.changes.find((x) => x.against === against);
  if (!c) throw new Error(`no change ${ind} ${wave} ${against}`);
  return c;
};

describe('compareWaves on the synthetic barometer matches R', () => {
  it('every wave-on-wave test (Welch t, two-proportion z, NPS z) matches R to 1e-9: difference, statistic, df, p, CI', () => {
    expect(R.tests).toHaveLength(42);
    for (const t of R.tests) {
      const c = change(t.indicator, `V${t.wave}`, t.reference === t.wave - 1 ? 'previous' : 'first');
      expect(c.reference).toBe(`V${t.reference}`);
      close(c.difference, t.difference);
      close(c.statistic, t.statistic);
      close(c.pValue, t.pValue);
      close(c.ci[0], t.ci[0]);
      close(c.ci[1], t.ci[1]);
      if (t.df !== null && t.df !== undefined) close(c.df as number, t.df);
      else expect(c.df).toBeNull();
    }
  });

  it('Holm over the 42 distinct tests matches R p.adjust(p, "holm"); the repeated wave-2-vs-first test is counted once', () => {
    expect(cmp.family).toMatchObject({ scope: 'all', tests: 42 });
    for (const t of R.tests) close(change(t.indicator, `V${t.wave}`, t.reference === t.wave - 1 ? 'previous' : 'first').pAdjusted, t.pHolm);
    const dup = change('nps', 'V2', 'first');
    expect(dup.sameTestAs).toBe('previous');
    expect(dup.pAdjusted).toBe(change('nps', 'V2', 'previous').pAdjusted);
  });

  it('Benjamini-Hochberg matches R p.adjust(p, "BH")', () => {
    const bh = compareWaves(stacked.table, { wave: 'wave', indicators, adjust: 'BH' });
    for (const t of R.tests) {
      const c = bh.indicators.find((i) => i.name === t.indicator)?.waves.find((w) => w.wave === `V${t.wave}`)?.changes.find((x) => x.reference === `V${t.reference}`);
      close(c?.pAdjusted as number, t.pBH);
    }
  });

  it('wave values and intervals match R (t.test conf.int, prop.test Wilson, NPS ± 1.96 se)', () => {
    for (const v of R.waves) {
      const w = cmp.indicators.find((i) => i.name === v.indicator)?.waves.find((x) => x.wave === `V${v.wave}`);
      if (!w) throw new Error('missing wave');
      close(w.value, v.value);
      close(w.ci[0], v.ci[0]);
      close(w.ci[1], v.ci[1]);
      expect(w.n).toBe(v.n);
    }
  });

  it('the NPS value and interval agree with @satlab/survey netPromoterScore on the same wave', () => {
    const t = stacked.table;
    const x = t.columns.find((c) => c.name === 'nps');
    const wave = t.columns.find((c) => c.name === 'wave');
    if (x?.type !== 'numeric' || wave?.type !== 'ordinal') throw new Error('columns');
    const v3 = Array.from(x.values).filter((_, i) => wave.codes[i] === 2);
    const ref = netPromoterScore(v3.filter((v) => !Number.isNaN(v)));
    const w = cmp.indicators.find((i) => i.name === 'nps')?.waves[2];
    close(w?.value as number, ref.nps, 1e-12);
    close(w?.ci[0] as number, ref.ci[0], 1e-12);
  });

  it('the linear trend slope and its fixed-effect se match R lm(y ~ t, weights = 1/se²)', () => {
    for (const t of R.trends) {
      const tr = cmp.indicators.find((i) => i.name === t.indicator)?.trend;
      close(tr?.slope as number, t.slope, 1e-8);
      close(tr?.se as number, t.se, 1e-8);
    }
  });
});

describe('compareWaves finds the changes the true model put in the data', () => {
  it('marks exactly the attributes whose true trend is non-zero, wave 3 vs wave 1, in the true direction', () => {
    for (const a of barometerModel.attributes) {
      const c = change(a.key, 'V3', 'first');
      const expected = a.trendPerWave > 0 ? '▲' : a.trendPerWave < 0 ? '▼' : '';
      expect(c.mark, a.key).toBe(expected);
    }
  });

  it('marks no change in overall satisfaction, CSAT, NPS or attrition (stable by construction)', () => {
    for (const name of ['overall', 'csat', 'nps', 'left']) {
      for (const w of cmp.indicators.find((i) => i.name === name)?.waves ?? []) for (const c of w.changes) expect(c.mark, `${name} ${w.wave} ${c.against}`).toBe('');
    }
  });

  it('the estimated change per wave of each moving attribute is within 2 standard errors of the true trend', () => {
    for (const a of barometerModel.attributes) {
      const t = cmp.indicators.find((i) => i.name === a.key)?.trend;
      if (!t) throw new Error('no trend');
      expect(Math.abs(t.slope - a.trendPerWave), a.key).toBeLessThan(2.5 * t.se);
    }
  });

  it('with family "indicator" each indicator is its own family of 3 tests', () => {
    const r = compareWaves(stacked.table, { wave: 'wave', indicators, family: 'indicator' });
    expect(r.family).toMatchObject({ scope: 'indicator', tests: 3 });
    expect(r.rows).toHaveLength(indicators.length * 3);
    expect(r.rows[2]).toMatchObject({ indicator: 'contact', wave: 'V3' });
  });
});

describe('weighted comparison (raked weights, Kish effective n)', () => {
  it('weighted means, effective n, Welch test and weighted NPS change match the R formulas on survey::rake weights', () => {
    const margins = RK.margins;
    const rk = rake(stacked.table, margins, { by: 'wave' });
    const r = compareWaves(stacked.table, { wave: 'wave', indicators: [{ name: 'overall', column: 'overall', kind: 'mean' }, { name: 'nps', column: 'nps', kind: 'nps' }], weights: rk.weights });
    expect(r.weighted).toBe(true);
    expect(r.indicators[0].method).toMatch(/Kish effective n/);
    const ov = r.indicators[0];
    R.weighted.overall.values.forEach((v: { mean: number; ne: number; se: number }, k: number) => {
      close(ov.waves[k].value, v.mean, 1e-8);
      close(ov.waves[k].effectiveN, v.ne, 1e-8);
      close(ov.waves[k].se, v.se, 1e-8);
    });
    const c = ov.waves[2].changes.find((x) => x.against === 'previous');
    close(c?.statistic as number, R.weighted.overall.w3vs2.statistic, 1e-7);
    close(c?.df as number, R.weighted.overall.w3vs2.df, 1e-7);
    close(c?.pValue as number, R.weighted.overall.w3vs2.pValue, 1e-7);
    const nps = r.indicators[1];
    R.weighted.nps.values.forEach((v: { nps: number; ne: number }, k: number) => {
      close(nps.waves[k].value, v.nps, 1e-8);
      close(nps.waves[k].effectiveN, v.ne, 1e-8);
    });
    const d = nps.waves[2].changes.find((x) => x.against === 'first');
    close(d?.difference as number, R.weighted.nps.w3vs1.difference, 1e-7);
    close(d?.statistic as number, R.weighted.nps.w3vs1.statistic, 1e-7);
    close(d?.pValue as number, R.weighted.nps.w3vs1.pValue, 1e-7);
  });

  it('unit weights give exactly the unweighted results', () => {
    const ones = new Float64Array(stacked.table.nRows).fill(1);
    const r = compareWaves(stacked.table, { wave: 'wave', indicators, weights: ones });
    r.indicators.forEach((ind, i) => {
      ind.waves.forEach((w, j) => {
        close(w.value, cmp.indicators[i].waves[j].value, 1e-12);
        w.changes.forEach((c, k) => close(c.pValue, cmp.indicators[i].waves[j].changes[k].pValue, 1e-9));
      });
    });
  });
});

describe('npsChangeTest', () => {
  it('matches the R computation z = Δ/√(Var₁ + Var₂), Var = [(p + d) − (p − d)²]/n (worked example)', () => {
    const t = npsChangeTest({ promoters: 0.3, detractors: 0.45, n: 1470 }, { promoters: 0.28, detractors: 0.47, n: 1468 });
    close(t.difference, R.npsExample.difference, 1e-12);
    close(t.se, R.npsExample.se, 1e-12);
    close(t.statistic, R.npsExample.statistic, 1e-12);
    close(t.pValue, R.npsExample.pValue, 1e-12);
    close(t.ci[0], R.npsExample.ci[0], 1e-12);
    close(t.ci[1], R.npsExample.ci[1], 1e-12);
  });

  it('refuses shares outside [0, 1] and a non-positive n', () => {
    expect(() => npsChangeTest({ promoters: 1.2, detractors: 0, n: 10 }, { promoters: 0.1, detractors: 0.1, n: 10 })).toThrow(RangeError);
    expect(() => npsChangeTest({ promoters: 0.2, detractors: 0.1, n: 0 }, { promoters: 0.1, detractors: 0.1, n: 10 })).toThrow(/n/);
  });
});

describe('compareWaves input errors', () => {
  it('a proportion whose success value is not a level names the indicator and the levels', () => {
    expect(() => compareWaves(stacked.table, { wave: 'wave', indicators: [{ name: 'left', column: 'left_within_year', kind: 'proportion', success: ['yes'] }] })).toThrow(/"left".*"yes".*"non", "oui"/);
  });
  it('an unknown column is an InputError naming it', () => {
    expect(() => compareWaves(stacked.table, { wave: 'wave', indicators: [{ name: 'x', column: 'nope', kind: 'mean' }] })).toThrow(/nope/);
  });
  it('weights of the wrong length are a RangeError', () => {
    expect(() => compareWaves(stacked.table, { wave: 'wave', indicators, weights: [1, 2] })).toThrow(RangeError);
  });
});

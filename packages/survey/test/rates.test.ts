import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { attritionRate, csatScore, customerEffortScore, fidelityRate, firstContactResolution, winBackRate } from '@satlab/survey';
import { close, closeAll, nums } from './close.js';

// fixtures/make-survey-fixtures.R → survey-rates.json: Wilson = prop.test(k, n, correct = FALSE), t = t.test(x).
const here = dirname(fileURLToPath(import.meta.url));
const fx = JSON.parse(readFileSync(join(here, 'fixtures/survey-rates.json'), 'utf8'));

describe('csatScore (top-2-box, Wilson)', () => {
  it('matches prop.test on a 1–5 scale, overall and by segment', () => {
    const c = fx.csat5;
    const r = csatScore(nums(c.values), { scale: [1, 5], by: c.segments });
    expect(r.topBoxValues).toEqual([4, 5]);
    expect(r.n).toBe(c.n);
    expect(r.satisfied).toBe(c.satisfied);
    close(r.csat, c.csat, 1e-12, 'csat');
    closeAll(r.ci, c.ci, 1e-9, 'ci');
    close(r.mean, c.mean, 1e-12, 'mean');
    expect(r.excluded).toBe(1);
    r.groups!.forEach((g, k) => {
      expect(g.name).toBe(c.groups[k].name);
      expect(g.satisfied).toBe(c.groups[k].satisfied);
      closeAll(g.ci, c.groups[k].ci, 1e-9, g.name);
    });
  });

  it('takes the two highest points of any scale length (9–10 on 1–10)', () => {
    const c = fx.csat10;
    const r = csatScore(c.values, { scale: [1, 10] });
    expect(r.topBoxValues).toEqual([9, 10]);
    expect(r.satisfied).toBe(c.satisfied);
    closeAll(r.ci, c.ci, 1e-9, 'ci');
  });

  it('refuses a rating outside the declared scale, or excludes it when asked', () => {
    expect(() => csatScore([1, 5, 6], { scale: [1, 5] })).toThrow(/"6" is out of scale 1-5/);
    expect(() => csatScore([1, 2.5], { scale: [1, 5] })).toThrow(/"2\.5" is out of scale 1-5/);
    const r = csatScore([1, 5, 6, NaN], { scale: [1, 5], invalid: 'exclude' });
    expect(r.excludedByReason).toEqual({ 'out of scale 1-5': 1, missing: 1 });
    expect(() => csatScore([1], { scale: [1, 5], topBox: 5 })).toThrow(RangeError);
  });
});

describe('customerEffortScore (mean with t interval, top-box with Wilson)', () => {
  it('matches t.test and prop.test on a 1–7 scale', () => {
    const c = fx.ces7;
    const r1 = customerEffortScore(c.values);
    close(r1.mean, c.mean, 1e-12, 'mean');
    close(r1.sd, c.sd, 1e-12, 'sd');
    closeAll(r1.meanCI, c.meanCI, 1e-9, 'meanCI');
    close(r1.topBox, c.topBox1, 1e-12, 'top1');
    closeAll(r1.topBoxCI, c.topBox1CI, 1e-9, 'top1CI');
    const r3 = customerEffortScore(c.values, { topBox: 3 });
    expect(r3.topBoxValues).toEqual([5, 6, 7]);
    closeAll(r3.topBoxCI, c.topBox3CI, 1e-9, 'top3CI');
  });

  it('counts the low end when lower is easier', () => {
    const c = fx.cesLow;
    const r = customerEffortScore(c.values, { scale: [1, 5], direction: 'lower-is-easier', topBox: 2 });
    expect(r.topBoxValues).toEqual([1, 2]);
    close(r.topBox, c.topBox2, 1e-12, 'top2');
    closeAll(r.topBoxCI, c.topBox2CI, 1e-9, 'top2CI');
    closeAll(r.meanCI, c.meanCI, 1e-9, 'meanCI');
  });
});

describe('firstContactResolution and the seed-003 rates', () => {
  it('FCR rate with Wilson interval, unknown outcomes excluded', () => {
    const c = fx.fcr;
    const r = firstContactResolution(c.values);
    expect(r.n).toBe(c.n);
    expect(r.resolved).toBe(c.resolved);
    expect(r.excluded).toBe(c.excluded);
    closeAll(r.ci, c.ci, 1e-9, 'ci');
    expect(() => firstContactResolution(['oui'] as never)).toThrow(TypeError);
  });

  it('fidelity, attrition and win-back rates match prop.test', () => {
    closeAll(fidelityRate(fx.fidelity.k, fx.fidelity.n).ci, fx.fidelity.ci, 1e-9, 'fidelity');
    closeAll(attritionRate(fx.attrition.k, fx.attrition.n).ci, fx.attrition.ci, 1e-9, 'attrition');
    const wb = winBackRate(fx.winBack.k, fx.winBack.n);
    closeAll(wb.ci, fx.winBack.ci, 1e-9, 'winBack');
    expect(wb.rate).toBe(0.18);
    expect(() => fidelityRate(5, 3)).toThrow(/cannot exceed/);
    expect(() => attritionRate(1.5, 3)).toThrow(RangeError);
  });
});

import { renderMessage } from '@satlab/messages';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { attritionVsDissatisfaction, riskRatio } from '@satlab/survey';
import { close, closeAll, nums } from './close.js';

// fixtures/make-survey-fixtures.R → survey-attrition.json: epitools::riskratio(method = "wald")
// (Katz log interval), prop.test(correct = FALSE) (Wilson), and the paired-ratio formula for the
// 2× rule with a boot::boot check of its standard error.
const here = dirname(fileURLToPath(import.meta.url));
const fx = JSON.parse(readFileSync(join(here, 'fixtures/survey-attrition.json'), 'utf8'));

describe('riskRatio (Katz log interval) against epitools::riskratio(method = "wald")', () => {
  for (const c of fx.riskRatio) {
    it(`${c.a}/${c.n1} vs ${c.c}/${c.n2} at ${c.confidence}`, () => {
      const r = riskRatio(c.a, c.n1, c.c, c.n2, { confidence: c.confidence });
      close(r.estimate, c.estimate, 1e-12, 'rr');
      closeAll(r.ci, c.ci, 1e-9, 'ci');
      close(r.seLog, c.seLog, 1e-12, 'se');
      close(r.pValue, c.pValue, 1e-9, 'p');
    });
  }

  it('gives NaN bounds and a warning when a group has no event, and refuses impossible counts', () => {
    const r = riskRatio(0, 10, 3, 10);
    expect(r.estimate).toBe(0);
    expect(Number.isNaN(r.ci[0])).toBe(true);
    expect(r.warnings.map((m) => m.code)).toEqual(['survey.riskRatioNoEvent']);
    expect(() => riskRatio(11, 10, 3, 10)).toThrow(RangeError);
    expect(() => riskRatio(1, 0, 3, 10)).toThrow(RangeError);
  });
});

describe('attritionVsDissatisfaction against R', () => {
  const a = fx.attrition;
  const left = (a.left as (boolean | null)[]).map((x) => x);
  // Called inside each test: a result computed here, while the file is collected, is never mutated (docs/mutation.md).
  const run = () => attritionVsDissatisfaction({ satisfaction: nums(a.satisfaction), left }, { dissatisfied: a.dissatisfied, by: a.contract });

  it('reports "all" then each contract type, with the same counts as R', () => {
    const res = run();
    expect(res.groups.map((g) => g.name)).toEqual(a.groups.map((g: { name: string }) => g.name));
    res.groups.forEach((g, k) => {
      const e = a.groups[k];
      expect(g.n, g.name).toBe(e.n);
      expect(g.excluded, g.name).toBe(e.excluded);
      expect(g.counts, g.name).toEqual(e.counts);
    });
  });

  it('rates with Wilson intervals, risk ratio with Katz interval, as prop.test and epitools', () => {
    const res = run();
    res.groups.forEach((g, k) => {
      const e = a.groups[k];
      for (const key of ['dissatisfiedRate', 'attritionRate', 'attritionAmongDissatisfied', 'attritionAmongSatisfied', 'riskRatio', 'riskRatioPValue'] as const) close(g[key], e[key], 1e-9, `${g.name} ${key}`);
      for (const key of ['dissatisfiedRateCI', 'attritionRateCI', 'attritionAmongDissatisfiedCI', 'attritionAmongSatisfiedCI', 'riskRatioCI'] as const) closeAll(g[key], e[key], 1e-9, `${g.name} ${key}`);
    });
  });

  it('tests the rule of thumb attrition = 2 × dissatisfaction with the paired-ratio interval', () => {
    const res = run();
    res.groups.forEach((g, k) => {
      const e = a.groups[k].ruleOfThumb;
      close(g.ruleOfThumb.ratio, e.ratio, 1e-12, `${g.name} ratio`);
      close(g.ruleOfThumb.seLog, e.seLog, 1e-12, `${g.name} se`);
      closeAll(g.ruleOfThumb.ci, e.ci, 1e-9, `${g.name} ci`);
      close(g.ruleOfThumb.pValue, e.pValue, 1e-9, `${g.name} p`);
      expect(g.ruleOfThumb.consistent).toBe(e.ci[0] <= 2 && 2 <= e.ci[1]);
    });
    // the delta-method standard error agrees with a 20 000-resample bootstrap within 3 %
    const se = res.groups[0].ruleOfThumb.seLog;
    expect(Math.abs(se - a.bootstrapSeLogRatio) / a.bootstrapSeLogRatio).toBeLessThan(0.03);
  });

  it('accepts a rule that holds: when leavers are exactly twice the dissatisfied, the ratio is 2 and p = 1', () => {
    // 10 dissatisfied who all leave, 10 satisfied who leave, 80 satisfied who stay
    const satisfaction = [...Array(10).fill(1), ...Array(90).fill(4)];
    const leftFlags = [...Array(20).fill(true), ...Array(80).fill(false)];
    const r = attritionVsDissatisfaction({ satisfaction, left: leftFlags }, { scale: [1, 4] });
    expect(r.dissatisfiedValues).toEqual([1, 2]);
    close(r.groups[0].ruleOfThumb.ratio, 2, 1e-15, 'ratio');
    close(r.groups[0].ruleOfThumb.pValue, 1, 1e-15, 'p');
    expect(r.groups[0].ruleOfThumb.consistent).toBe(true);
    const w = r.groups[0].warnings;
    expect(w.map((m) => m.code)).toEqual(expect.arrayContaining([expect.stringMatching(/^survey\.(zeroCellRiskRatio|lowExpected)$/)]));
    expect(w.map((m) => m.text).join(' ')).toMatch(/no leaver|Katz log interval undefined|fewer than/);
    expect(w.map((m) => renderMessage(m, 'fr')).join(' ')).toMatch(/intervalle log de Katz/);
  });

  it('refuses flags that are not booleans and a missing definition of dissatisfied', () => {
    expect(() => attritionVsDissatisfaction({ satisfaction: [1, 2], left: [true, 'oui' as never] }, { scale: [1, 4] })).toThrow(/left\[1\]/);
    expect(() => attritionVsDissatisfaction({ satisfaction: [1, 2], left: [true, false] })).toThrow(/dissatisfied/);
    expect(() => attritionVsDissatisfaction({ satisfaction: [1, 2], left: [true] }, { scale: [1, 4] })).toThrow(RangeError);
  });
});

describe('attritionVsDissatisfaction scale checks', () => {
  it('refuses a satisfaction value outside the declared scale with its file position, or excludes it', () => {
    const source = { file: 'a.csv', column: 'sat', columnNumber: 2, lines: [2, 3, 4] };
    expect(() => attritionVsDissatisfaction({ satisfaction: [1, 5, 3], left: [true, false, false] }, { scale: [1, 4], source })).toThrow(/^a\.csv:3:2 \(column "sat"\): "5" is out of scale 1-4/);
    const r = attritionVsDissatisfaction({ satisfaction: [1, 5, 3], left: [true, false, false] }, { scale: [1, 4], invalid: 'exclude' });
    expect(r.groups[0].n).toBe(2);
    expect(r.groups[0].excluded).toBe(1);
  });
});

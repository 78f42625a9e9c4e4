import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderMessage } from '@satlab/messages';
import { attritionRate, attritionVsDissatisfaction, fidelityRate, riskRatio, winBackRate } from '@satlab/survey';
import { close, closeAll, nums } from './close.js';

// Pins of attritionVsDissatisfaction, riskRatio and the seed-003 rates (issue 18, mutation score).
// Every call runs inside `it`: a result computed in a describe body is computed once, before the
// mutation runner switches a mutant on, so it tests nothing under mutation.
// Expected values: the R fixture of attrition.test.ts (fixtures/make-survey-fixtures.R), R's
// prop.test and scipy calls written beside each value, or hand counts written out.
const here = dirname(fileURLToPath(import.meta.url));
const fx = JSON.parse(readFileSync(join(here, 'fixtures/survey-attrition.json'), 'utf8'));
const rates = JSON.parse(readFileSync(join(here, 'fixtures/survey-rates.json'), 'utf8'));
const codes = (ws: readonly { code: string }[]): string[] => ws.map((w) => w.code);

describe('attritionVsDissatisfaction: the R fixture, every field, computed inside the test', () => {
  const a = fx.attrition;
  const run = (options: Record<string, unknown> = {}) =>
    attritionVsDissatisfaction({ satisfaction: nums(a.satisfaction), left: a.left as (boolean | null)[] }, { dissatisfied: a.dissatisfied, by: a.contract, ...options });

  it('the fields attrition.test.ts leaves out: confidence, dissatisfied values, method, unknown segment, the rule’s factor', () => {
    const res = run();
    expect(res.confidence).toBe(0.95);
    expect(res.dissatisfiedValues).toEqual([1, 2]);
    expect(res.method).toBe('attrition vs dissatisfaction: Wilson intervals for rates, Katz log interval for the risk ratio, paired-proportion Wald interval for attrition/dissatisfaction');
    expect(res.unknownSegment).toBe(0);
    expect(res.groups.map((g) => g.name)).toEqual(a.groups.map((g: { name: string }) => g.name));
    for (const g of res.groups) expect(g.ruleOfThumb.factor).toBe(2);
  });

  it('warns exactly where a 2×2 cell is below 5 (Prév. Retraite: 3 satisfied leavers), nowhere else', () => {
    const res = run();
    // the rule read on R's counts: min(DL, D − DL, SL, S − SL) < 5 → survey.lowExpected
    const expected = a.groups.map((e: { counts: { dissatisfied: number; satisfied: number; dissatisfiedLeft: number; satisfiedLeft: number } }) => {
      const c = e.counts;
      return Math.min(c.dissatisfiedLeft, c.dissatisfied - c.dissatisfiedLeft, c.satisfiedLeft, c.satisfied - c.satisfiedLeft) < 5 ? ['survey.lowExpected'] : [];
    });
    expect(res.groups.map((g) => codes(g.warnings))).toEqual(expected);
    expect(expected.flat()).toEqual(['survey.lowExpected']);
    expect(res.warnings).toEqual(res.groups.flatMap((g) => g.warnings));
    expect(res.warnings[0].params).toEqual({ group: 'Prév. Retraite', min: 5 });
  });

  it('without a segmentation: the "all" group alone, no unknownSegment', () => {
    const res = attritionVsDissatisfaction({ satisfaction: nums(a.satisfaction), left: a.left as (boolean | null)[] }, { dissatisfied: a.dissatisfied });
    expect(res.groups.map((g) => g.name)).toEqual(['all']);
    expect(res.unknownSegment).toBeUndefined();
    expect(res.groups[0].counts).toEqual(a.groups[0].counts);
  });

  it('at another confidence level the intervals move with it (risk ratio as riskRatio at that level)', () => {
    const res = run({ confidence: 0.9 });
    expect(res.confidence).toBe(0.9);
    for (const g of res.groups) {
      const c = g.counts;
      const rr = riskRatio(c.dissatisfiedLeft, c.dissatisfied, c.satisfiedLeft, c.satisfied, { confidence: 0.9 });
      closeAll(g.riskRatioCI, rr.ci, 1e-12, `${g.name} rr ci`);
      // rule interval: exp(log ratio ± z·se), z = qnorm(0.95) = 1.6448536269514722 (scipy norm.ppf(0.95))
      const l = Math.log(g.ruleOfThumb.ratio), se = g.ruleOfThumb.seLog;
      closeAll(g.ruleOfThumb.ci, [Math.exp(l - 1.6448536269514722 * se), Math.exp(l + 1.6448536269514722 * se)], 1e-12, `${g.name} rule ci 0.9`);
    }
  });
});

describe('attritionVsDissatisfaction on hand-counted data', () => {
  // The doc example: satisfaction 1 2 4 3 4 1, left T F F F T T, scale 1–4 → dissatisfied {1, 2}.
  // D = 3 (rows 1, 2, 6), L = 3 (rows 1, 5, 6), DL = 2 (rows 1, 6), SL = 1, S = 3.
  const doc = { satisfaction: [1, 2, 4, 3, 4, 1], left: [true, false, false, false, true, true] };

  it('rates, risk ratio (Katz) and the rule of thumb', () => {
    const g = attritionVsDissatisfaction(doc, { scale: [1, 4] }).groups[0];
    expect(g.name).toBe('all');
    expect(g.n).toBe(6);
    expect(g.excluded).toBe(0);
    expect(g.counts).toEqual({ dissatisfied: 3, satisfied: 3, left: 3, dissatisfiedLeft: 2, satisfiedLeft: 1 });
    expect(g.dissatisfiedRate).toBe(0.5);
    expect(g.attritionRate).toBe(0.5);
    close(g.attritionAmongDissatisfied, 2 / 3, 1e-15);
    close(g.attritionAmongSatisfied, 1 / 3, 1e-15);
    close(g.riskRatio, 2, 1e-15);
    // scipy: se = sqrt(1/2 − 1/3 + 1/1 − 1/3); exp(log 2 ± norm.ppf(0.975)·se); 2·norm.sf(log 2 / se)
    closeAll(g.riskRatioCI, [0.3341895395912937, 11.969255545496454], 1e-9, 'katz');
    close(g.riskRatioPValue, 0.4476703108687533, 1e-9, 'rr p');
    // rule: ratio L/D = 1, b = L − DL = 1, c = D − DL = 1, se = sqrt(2/9);
    // scipy: exp(±norm.ppf(0.975)·se), 2·norm.sf(|log 1 − log 2|/se)
    expect(g.ruleOfThumb.ratio).toBe(1);
    close(g.ruleOfThumb.seLog, Math.sqrt(2 / 9), 1e-15);
    closeAll(g.ruleOfThumb.ci, [0.3969535995236826, 2.519186124524207], 1e-9, 'rule ci');
    close(g.ruleOfThumb.pValue, 0.14145691196283786, 1e-9, 'rule p');
    expect(g.ruleOfThumb.consistent).toBe(true);
    // prop.test(3, 6, correct = FALSE)$conf.int (Wilson) is symmetric about 0.5
    expect(g.dissatisfiedRateCI[0] + g.dissatisfiedRateCI[1]).toBeCloseTo(1, 12);
    expect(g.attritionRateCI).toEqual(g.dissatisfiedRateCI);
    // 2/3 and 1/3: Wilson intervals mirror each other
    expect(g.attritionAmongDissatisfiedCI[0]).toBeCloseTo(1 - g.attritionAmongSatisfiedCI[1], 12);
  });

  it('warns of a small cell only below minCell: min(DL, D − DL, SL, S − SL) = 1', () => {
    const w5 = attritionVsDissatisfaction(doc, { scale: [1, 4] });
    expect(codes(w5.warnings)).toEqual(['survey.lowExpected']);
    expect(w5.warnings[0].params).toEqual({ group: 'all', min: 5 });
    expect(codes(attritionVsDissatisfaction(doc, { scale: [1, 4], minCell: 2 }).warnings)).toEqual(['survey.lowExpected']);
    expect(codes(attritionVsDissatisfaction(doc, { scale: [1, 4], minCell: 1 }).warnings)).toEqual([]);
  });

  it('the small-cell test reads S − SL (satisfied who stayed)', () => {
    // D = 4 (DL = 2), S = 3 (SL = 2): cells DL 2, D − DL 2, SL 2, S − SL 1 → below minCell 2
    const r = attritionVsDissatisfaction({ satisfaction: [1, 1, 1, 1, 4, 4, 4], left: [true, true, false, false, true, true, false] }, { scale: [1, 4], minCell: 2 });
    expect(r.groups[0].counts).toEqual({ dissatisfied: 4, satisfied: 3, left: 4, dissatisfiedLeft: 2, satisfiedLeft: 2 });
    expect(codes(r.warnings)).toEqual(['survey.lowExpected']);
  });

  it('a zero cell (no dissatisfied leaver, or no satisfied leaver) gives the zero-cell warning alone', () => {
    // DL = 0: the dissatisfied all stay; SL = 1
    const r1 = attritionVsDissatisfaction({ satisfaction: [1, 1, 4, 4], left: [false, false, true, false] }, { scale: [1, 4] });
    expect(r1.groups[0].counts).toEqual({ dissatisfied: 2, satisfied: 2, left: 1, dissatisfiedLeft: 0, satisfiedLeft: 1 });
    expect(codes(r1.warnings)).toEqual(['survey.zeroCellRiskRatio']);
    expect(r1.warnings[0].params).toEqual({ group: 'all' });
    expect(r1.groups[0].riskRatio).toBe(0);
    // SL = 0: the satisfied all stay; DL = 1
    const r2 = attritionVsDissatisfaction({ satisfaction: [1, 1, 4, 4], left: [true, false, false, false] }, { scale: [1, 4] });
    expect(codes(r2.warnings)).toEqual(['survey.zeroCellRiskRatio']);
    expect(r2.groups[0].riskRatio).toBe(Infinity);
    expect(r2.groups[0].riskRatioCI).toEqual([NaN, NaN]);
    // rule defined: L = 1, D = 2, DL = 1 → b = 0, c = 1, se = sqrt(1/2)
    expect(r2.groups[0].ruleOfThumb.ratio).toBe(0.5);
    close(r2.groups[0].ruleOfThumb.seLog, Math.SQRT1_2, 1e-15);
  });

  it('nobody left: zero-cell warning and the rule undefined', () => {
    const r = attritionVsDissatisfaction({ satisfaction: [1, 4], left: [false, false] }, { scale: [1, 4] });
    const g = r.groups[0];
    expect(codes(g.warnings)).toEqual(['survey.zeroCellRiskRatio', 'survey.ruleOfThumbUndefined']);
    expect(g.warnings[1].params).toEqual({ group: 'all' });
    expect(g.ruleOfThumb.ratio).toBe(0);
    expect(g.ruleOfThumb.ci).toEqual([NaN, NaN]);
    expect(g.ruleOfThumb.seLog).toBeNaN();
    expect(g.ruleOfThumb.pValue).toBeNaN();
    expect(g.ruleOfThumb.consistent).toBe(false);
    expect(g.attritionAmongDissatisfied).toBe(0);
    expect(g.attritionAmongSatisfied).toBe(0);
  });

  it('no dissatisfied respondent: risk ratio NaN, both warnings', () => {
    const g = attritionVsDissatisfaction({ satisfaction: [3, 4, 4], left: [true, false, false] }, { scale: [1, 4] }).groups[0];
    expect(codes(g.warnings)).toEqual(['survey.noDissatisfied', 'survey.ruleOfThumbUndefined']);
    expect(g.warnings[0].params).toEqual({ group: 'all' });
    expect(renderMessage(g.warnings[0], 'fr')).toMatch(/^ensemble : aucun répondant insatisfait/);
    expect(g.riskRatio).toBeNaN();
    expect(g.riskRatioCI).toEqual([NaN, NaN]);
    expect(g.riskRatioPValue).toBeNaN();
    expect(g.attritionAmongDissatisfied).toBeNaN();
    expect(g.attritionAmongDissatisfiedCI).toEqual([NaN, NaN]);
    close(g.attritionAmongSatisfied, 1 / 3, 1e-15);
    expect(g.ruleOfThumb.ratio).toBe(Infinity);
  });

  it('no satisfied respondent: risk ratio NaN, the rule still tested', () => {
    // D = 3, L = 1, DL = 1: ratio 1/3, b = 0, c = 2, se = sqrt(2/3)
    const g = attritionVsDissatisfaction({ satisfaction: [1, 1, 2], left: [true, false, false] }, { scale: [1, 4] }).groups[0];
    expect(codes(g.warnings)).toEqual(['survey.noSatisfied']);
    expect(g.warnings[0].params).toEqual({ group: 'all' });
    expect(g.riskRatio).toBeNaN();
    expect(g.attritionAmongSatisfied).toBeNaN();
    expect(g.attritionAmongSatisfiedCI).toEqual([NaN, NaN]);
    close(g.attritionAmongDissatisfied, 1 / 3, 1e-15);
    close(g.ruleOfThumb.seLog, Math.sqrt(2 / 3), 1e-15);
    // scipy: (1/3)·exp(±norm.ppf(0.975)·sqrt(2/3)); 2·norm.sf(|log(1/3) − log 2|/sqrt(2/3))
    closeAll(g.ruleOfThumb.ci, [0.06727839085192226, 1.6515126135472435], 1e-9, 'ci');
    close(g.ruleOfThumb.pValue, 0.028203202523732932, 1e-9, 'p');
    expect(g.ruleOfThumb.consistent).toBe(false);
  });

  it('no valid respondent: every statistic NaN, one warning', () => {
    const r = attritionVsDissatisfaction({ satisfaction: [NaN, 2, NaN], left: [true, null, undefined] }, { scale: [1, 4] });
    const g = r.groups[0];
    expect(g.n).toBe(0);
    expect(g.excluded).toBe(3);
    expect(codes(r.warnings)).toEqual(['survey.noRespondents']);
    expect(r.warnings[0].params).toEqual({ what: 'all' });
    expect(g.dissatisfiedRate).toBeNaN();
    expect(g.attritionRate).toBeNaN();
    expect(g.dissatisfiedRateCI).toEqual([NaN, NaN]);
    expect(g.riskRatioCI).toEqual([NaN, NaN]);
    expect(g.ruleOfThumb.ci).toEqual([NaN, NaN]);
  });

  it('leavers are exactly the dissatisfied: se 0, interval [1, 1], p 1 against factor 1 and 0 against 2', () => {
    const input = { satisfaction: [1, 2, 4, 4], left: [true, true, false, false] };
    const g1 = attritionVsDissatisfaction(input, { scale: [1, 4], ruleFactor: 1 }).groups[0];
    expect(g1.ruleOfThumb.seLog).toBe(0);
    expect(g1.ruleOfThumb.ci).toEqual([1, 1]);
    expect(g1.ruleOfThumb.pValue).toBe(1);
    expect(g1.ruleOfThumb.consistent).toBe(true);
    expect(g1.ruleOfThumb.factor).toBe(1);
    const g2 = attritionVsDissatisfaction(input, { scale: [1, 4] }).groups[0];
    expect(g2.ruleOfThumb.pValue).toBe(0);
    expect(g2.ruleOfThumb.consistent).toBe(false);
    // a factor just below or above the interval [1, 1]
    expect(attritionVsDissatisfaction(input, { scale: [1, 4], ruleFactor: 0.999 }).groups[0].ruleOfThumb.consistent).toBe(false);
  });

  it('the default dissatisfied values are those strictly below the midpoint (1–2 on 1–5), non-integer ratings allowed', () => {
    const r = attritionVsDissatisfaction({ satisfaction: [1, 2.5, 3, 5], left: [true, false, true, false] }, { scale: [1, 5] });
    expect(r.dissatisfiedValues).toEqual([1, 2]);
    expect(r.groups[0].n).toBe(4);
    expect(r.groups[0].counts.dissatisfied).toBe(1);
    // given values are sorted
    expect(attritionVsDissatisfaction({ satisfaction: [1, 2], left: [true, false] }, { dissatisfied: [2, 1] }).dissatisfiedValues).toEqual([1, 2]);
  });

  it('unknown flags (null or undefined) and missing ratings are set aside; segments in the given order', () => {
    const r = attritionVsDissatisfaction(
      { satisfaction: [1, 4, NaN, 1, 4, 2], left: [true, null, false, undefined, false, true] },
      { scale: [1, 4], by: ['b', 'a', 'a', 'b', 'a', null], segmentOrder: ['b'] },
    );
    expect(r.groups.map((g) => [g.name, g.n, g.excluded])).toEqual([['all', 3, 3], ['b', 1, 1], ['a', 1, 2]]);
    expect(r.unknownSegment).toBe(1);
    expect(r.groups[1].counts).toEqual({ dissatisfied: 1, satisfied: 0, left: 1, dissatisfiedLeft: 1, satisfiedLeft: 0 });
    expect(r.warnings).toEqual(r.groups.flatMap((g) => g.warnings));
    expect(codes(r.groups[1].warnings)).toEqual(['survey.noSatisfied']);
    expect(r.groups[1].warnings[0].params).toEqual({ group: 'b' });
    expect(codes(r.groups[2].warnings)).toEqual(['survey.noDissatisfied', 'survey.ruleOfThumbUndefined']);
  });

  it('errors name the function and the faulty option', () => {
    const f = attritionVsDissatisfaction;
    expect(() => f({ satisfaction: [1, 2], left: 'no' as never }, { scale: [1, 4] })).toThrow(new TypeError('attritionVsDissatisfaction: input.left must be an array of booleans (null = unknown)'));
    expect(() => f({ satisfaction: [1, 2], left: [true] }, { scale: [1, 4] })).toThrow(new RangeError('attritionVsDissatisfaction: input.left has 1 values but input.satisfaction has 2'));
    expect(() => f({ satisfaction: 'x' as never, left: [] }, { scale: [1, 4] })).toThrow(/^attritionVsDissatisfaction: input\.satisfaction must be a Float64Array or an array of numbers, got string$/);
    expect(() => f(undefined as never, { scale: [1, 4] })).toThrow(/^attritionVsDissatisfaction: input\.satisfaction must be a Float64Array or an array of numbers, got undefined$/);
    for (const bad of [0, -1, Infinity, NaN]) {
      expect(() => f({ satisfaction: [1], left: [true] }, { scale: [1, 4], ruleFactor: bad })).toThrow(new RangeError(`attritionVsDissatisfaction: options.ruleFactor must be a positive number, got ${String(bad)}`));
    }
    expect(() => f({ satisfaction: [1], left: [true] }, { scale: [1, 4], ruleFactor: '2' as never })).toThrow(/options\.ruleFactor must be a positive number, got 2$/);
    for (const bad of [[], ['1'], [Infinity], 1, [1, NaN], [2, '1']]) {
      expect(() => f({ satisfaction: [1], left: [true] }, { dissatisfied: bad as never })).toThrow(new RangeError(`attritionVsDissatisfaction: options.dissatisfied must be a non-empty array of numbers, got ${JSON.stringify(bad)}`));
    }
    expect(() => f({ satisfaction: [1], left: [true] }, {})).toThrow(new RangeError('attritionVsDissatisfaction: give options.dissatisfied (the values that count as dissatisfied) or options.scale'));
    // a bad scale is refused even when the dissatisfied values are given
    expect(() => f({ satisfaction: [1], left: [true] }, { dissatisfied: [1], scale: [4, 1] as never })).toThrow(/^attritionVsDissatisfaction: options\.scale must be \[min, max\]/);
    expect(() => f({ satisfaction: [1], left: [true] }, { scale: [1, 4], confidence: 1 })).toThrow(/^attritionVsDissatisfaction: options\.confidence/);
  });
});

describe('riskRatio: errors, zero events, a sure event in both groups', () => {
  it('names the faulty count', () => {
    expect(() => riskRatio(1.5, 10, 1, 10)).toThrow(new RangeError('riskRatio: a must be a non-negative integer, got 1.5'));
    expect(() => riskRatio(1, -10, 1, 10)).toThrow(new RangeError('riskRatio: n1 must be a non-negative integer, got -10'));
    expect(() => riskRatio(1, 10, '1' as never, 10)).toThrow(new RangeError('riskRatio: c must be a non-negative integer, got 1'));
    expect(() => riskRatio(1, 10, 1, NaN)).toThrow(new RangeError('riskRatio: n2 must be a non-negative integer, got NaN'));
    expect(() => riskRatio(-1, 10, 1, 10)).toThrow(new RangeError('riskRatio: a must be a non-negative integer, got -1'));
    expect(() => riskRatio(3, 2, 1, 10)).toThrow(new RangeError('riskRatio: a (3) cannot exceed n1 (2)'));
    expect(() => riskRatio(1, 10, 4, 3)).toThrow(new RangeError('riskRatio: c (4) cannot exceed n2 (3)'));
    expect(() => riskRatio(0, 0, 1, 2)).toThrow(new RangeError('riskRatio: both groups need at least one member, got n1 = 0, n2 = 2'));
    expect(() => riskRatio(1, 2, 0, 0)).toThrow(new RangeError('riskRatio: both groups need at least one member, got n1 = 2, n2 = 0'));
    expect(() => riskRatio(1, 2, 1, 2, { confidence: 0 })).toThrow(/^riskRatio: options\.confidence/);
  });

  it('a = n1 and c = n2 are allowed: risks 1 and 1, se 0, p = 1', () => {
    const r = riskRatio(5, 5, 3, 3);
    expect(r.estimate).toBe(1);
    expect(r.risks).toEqual([1, 1]);
    expect(r.seLog).toBe(0);
    expect(r.ci).toEqual([1, 1]);
    expect(r.pValue).toBe(1);
    expect(r.warnings).toEqual([]);
    expect(r.method).toBe('risk ratio, Katz log (Wald) interval');
    expect(r.confidence).toBe(0.95);
  });

  it('no event in the second group: infinite estimate, NaN interval, the warning', () => {
    const r = riskRatio(3, 10, 0, 10);
    expect(r.estimate).toBe(Infinity);
    expect(r.ci).toEqual([NaN, NaN]);
    expect(r.seLog).toBeNaN();
    expect(r.pValue).toBeNaN();
    expect(codes(r.warnings)).toEqual(['survey.riskRatioNoEvent']);
    expect(r.risks).toEqual([0.3, 0]);
  });

  it('risks and the absence of warnings on an ordinary table (2/3 vs 1/3, as in the attrition example)', () => {
    const r = riskRatio(2, 3, 1, 3, { confidence: 0.95 });
    expect(r.risks).toEqual([2 / 3, 1 / 3]);
    expect(r.warnings).toEqual([]);
    closeAll(r.ci, [0.3341895395912937, 11.969255545496454], 1e-9, 'katz');
  });
});

describe('fidelityRate, attritionRate, winBackRate (rateWithWilson)', () => {
  it('their formulas in `method`, no warnings, the count and base', () => {
    const f = fidelityRate(rates.fidelity.k, rates.fidelity.n);
    expect(f.method).toBe('fidelity rate = buyers of period n-1 who buy again in period n / buyers of period n-1; Wilson interval');
    expect(attritionRate(1, 4).method).toBe('attrition rate = customers lost during the period / customers at the start; Wilson interval');
    expect(winBackRate(1, 4).method).toBe('win-back rate = lost customers won back / lost customers targeted; Wilson interval');
    expect(f.warnings).toEqual([]);
    expect([f.count, f.base, f.confidence]).toEqual([rates.fidelity.k, rates.fidelity.n, 0.95]);
    closeAll(f.ci, rates.fidelity.ci, 1e-9, 'fidelity');
  });

  it('at 90 %: prop.test(18, 100, conf.level = 0.9, correct = FALSE)$conf.int', () => {
    for (const fn of [attritionRate, fidelityRate, winBackRate]) {
      const r = fn(18, 100, { confidence: 0.9 });
      expect(r.confidence).toBe(0.9);
      closeAll(r.ci, [0.125507139432662, 0.25135220186857], 1e-9, fn.name);
    }
  });

  it('0 and all of the base are valid counts (prop.test(0, 100) and prop.test(100, 100) at 90 %)', () => {
    const z = attritionRate(0, 100, { confidence: 0.9 });
    expect(z.rate).toBe(0);
    closeAll(z.ci, [0, 0.0263427207831743], 1e-9, 'zero');
    const all = winBackRate(100, 100, { confidence: 0.9 });
    expect(all.rate).toBe(1);
    closeAll(all.ci, [0.973657279216826, 1], 1e-9, 'all');
  });

  it('errors name the function and its arguments', () => {
    expect(() => attritionRate(-1, 10)).toThrow(new RangeError('attritionRate: lost must be a non-negative integer, got -1'));
    expect(() => attritionRate(1, 1.5)).toThrow(new RangeError('attritionRate: customersAtStart must be a non-negative integer, got 1.5'));
    expect(() => attritionRate(3, 2)).toThrow(new RangeError('attritionRate: lost (3) cannot exceed customersAtStart (2)'));
    expect(() => attritionRate(0, 0)).toThrow(new RangeError('attritionRate: customersAtStart must be at least 1, got 0'));
    expect(() => fidelityRate(-1, 10)).toThrow(new RangeError('fidelityRate: retained must be a non-negative integer, got -1'));
    expect(() => fidelityRate(1, -10)).toThrow(new RangeError('fidelityRate: previousBuyers must be a non-negative integer, got -10'));
    expect(() => fidelityRate(5, 3)).toThrow(new RangeError('fidelityRate: retained (5) cannot exceed previousBuyers (3)'));
    expect(() => winBackRate(0.5, 10)).toThrow(new RangeError('winBackRate: wonBack must be a non-negative integer, got 0.5'));
    expect(() => winBackRate(1, '10' as never)).toThrow(new RangeError('winBackRate: targeted must be a non-negative integer, got 10'));
    expect(() => winBackRate(0, 0)).toThrow(new RangeError('winBackRate: targeted must be at least 1, got 0'));
    expect(() => winBackRate(1, 2, { confidence: 2 })).toThrow(/^winBackRate: options\.confidence/);
  });
});

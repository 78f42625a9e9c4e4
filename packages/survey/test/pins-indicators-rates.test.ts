// NPS, CSAT, CES, FCR and ipaMatrix pinned where mutation testing found them unchecked: the exact
// list of warnings (none at n = minN, the degenerate share named, no clipping warning when the
// interval ends exactly at ±100), counts and secondary fields (method, scale, counts), one and two
// valid answers, the confidence level reaching the intervals, topBox at its bounds, values set
// aside vs refused, group warnings kept in the groups (FCR), and each documented error with its
// words. Expected values: R (the call quoted beside each) or counts worked out by hand.
import { describe, expect, it } from 'vitest';
import { InputError, tableFromColumns } from '@satlab/data';
import { csatScore, customerEffortScore, firstContactResolution, ipaMatrix, netPromoterScore } from '@satlab/survey';
import { close, closeAll } from './close.js';
import { caught, codes } from './pins.js';


describe('netPromoterScore: warnings and fields', () => {
  it('n = minN with a spread of answers: no warning at all; counts; the method', () => {
    // 30 answers: 12 promoters (9–10), 10 passives (7–8), 8 detractors (0–6): NPS = 100 × (12 − 8) / 30
    const v = [...Array<number>(6).fill(10), ...Array<number>(6).fill(9), ...Array<number>(5).fill(8), ...Array<number>(5).fill(7), ...Array<number>(4).fill(6), ...Array<number>(4).fill(0)];
    const r = netPromoterScore(v);
    expect(r.n).toBe(30);
    expect(r.counts).toEqual({ promoters: 12, passives: 10, detractors: 8 });
    close(r.nps, (100 * 4) / 30, 1e-12);
    expect(r.warnings).toEqual([]);
    expect(r.method).toBe('Net Promoter Score; multinomial variance [(p+d)-(p-d)^2]/n, normal (Wald) interval clipped to [-100, 100]');
    expect(codes(netPromoterScore(v.slice(1)))).toEqual(['survey.smallSample']); // 29 < 30
  });

  it('all detractors, all passives, all promoters: the degenerate share named; an interval ending exactly at ±100 is not clipped', () => {
    const det = netPromoterScore([0, 3, 6], { minN: 1 });
    expect(det.ci).toEqual([-100, -100]);
    expect(codes(det)).toEqual(['survey.degenerateNps']);
    expect(det.warnings[0].params).toEqual({ what: 'all', share: 'detractors' });
    const pas = netPromoterScore([7, 8], { minN: 1 });
    expect(codes(pas)).toEqual(['survey.degenerateNps']);
    expect(pas.warnings[0].params).toEqual({ what: 'all', share: 'passives' });
    const pro = netPromoterScore([9, 10], { minN: 1 });
    expect(pro.ci).toEqual([100, 100]);
    expect(codes(pro)).toEqual(['survey.degenerateNps']);
    expect(pro.warnings[0].params).toEqual({ what: 'all', share: 'promoters' });
  });

  it('no valid answer: only "no respondents"', () => {
    const r = netPromoterScore([NaN, NaN]);
    expect(codes(r)).toEqual(['survey.noRespondents']);
    expect(r.warnings[0].params).toEqual({ what: 'all' });
  });

  it('errors name the function and the argument; a table without a column name is not read as a table', () => {
    expect(() => netPromoterScore([1, '2'] as never)).toThrow('netPromoterScore: values[1] must be a number (NaN for missing), got "2"');
    const t = tableFromColumns({ nps: [9, 10] });
    expect(() => netPromoterScore(t as never, {})).toThrow('netPromoterScore: values must be a Float64Array or an array of numbers, got object');
    expect(netPromoterScore(t, 'nps', { minN: 1 }).nps).toBe(100);
  });
});

describe('csatScore: topBox bounds, fields, errors', () => {
  it('topBox from 1 to max − min; the method, scale and values of the box', () => {
    const v = [1, 2, 3, 4, 5, 5, 4];
    const one = csatScore(v, { scale: [1, 5], topBox: 1 });
    expect([one.satisfied, one.n, one.topBoxValues]).toEqual([2, 7, [5]]);
    const four = csatScore(v, { scale: [1, 5], topBox: 4 });
    expect([four.satisfied, four.topBoxValues]).toEqual([6, [2, 3, 4, 5]]);
    const r = csatScore(v, { scale: [1, 5] });
    expect(r.method).toBe('CSAT top-2-box share, Wilson score interval');
    expect(r.scale).toEqual([1, 5]);
    expect(r.warnings).toEqual([]);
    for (const bad of [0, 5, 1.5]) {
      expect(() => csatScore(v, { scale: [1, 5], topBox: bad })).toThrow(`csatScore: options.topBox must be an integer from 1 to 4 on the scale 1-5, got ${bad}`);
    }
  });

  it('no valid answer: csat and mean NaN, only "no respondents"', () => {
    const r = csatScore([NaN], { scale: [1, 5] });
    expect(r.csat).toBeNaN();
    expect(r.mean).toBeNaN();
    expect(codes(r)).toEqual(['survey.noRespondents']);
    expect(r.warnings[0].params).toEqual({ what: 'all' });
  });

  it('errors', () => {
    expect(() => csatScore([1, 2], undefined as never)).toThrow('csatScore: options.scale must be [min, max] with finite min < max, got undefined');
    expect(() => csatScore([1, 'x'] as never, { scale: [1, 5] })).toThrow('csatScore: values[1] must be a number (NaN for missing), got "x"');
    const t = tableFromColumns({ s: [4, 5] });
    expect(() => csatScore(t as never, { scale: [1, 5] })).toThrow('csatScore: values must be a Float64Array or an array of numbers, got object');
  });
});

describe('customerEffortScore', () => {
  // 9 valid answers on 1–7 (one missing): 7, 6, 5, 7, 2, 4, 6, 7, 3
  const v = [7, 6, 5, 7, 2, 4, 6, 7, NaN, 3];

  it('mean, sd and both intervals at the level asked for (R t.test, prop.test); fields', () => {
    const r = customerEffortScore(v, { confidence: 0.9 });
    // R: x <- c(7,6,5,7,2,4,6,7,NA,3); mean(x, na.rm = TRUE); sd(x, na.rm = TRUE); t.test(x, conf.level = 0.9)$conf.int
    close(r.mean, 5.2222222222222223, 1e-12);
    close(r.sd, 1.855921454276674, 1e-12);
    closeAll(r.meanCI, [4.0718305228516627, 6.3726139215927802], 1e-9);
    // top box (7): 3 of 9. R: prop.test(3, 9, conf.level = 0.9, correct = FALSE)$conf.int
    expect([r.n, r.topBoxCount, r.topBoxValues]).toEqual([9, 3, [7]]);
    closeAll(r.topBoxCI, [0.14197090179499505, 0.60174027131159036], 1e-9);
    expect(r.method).toBe('Customer Effort Score: mean with Student t interval; top-1-box share (easy end) with Wilson interval');
    expect(r.scale).toEqual([1, 7]);
    expect(r.excludedByReason).toEqual({ missing: 1 });
    expect(r.warnings).toEqual([]);
  });

  it('lower-is-easier: the box at the low end; topBox up to max − min', () => {
    const r = customerEffortScore(v, { direction: 'lower-is-easier', topBox: 3 });
    expect([r.topBoxValues, r.topBoxCount]).toEqual([[1, 2, 3], 2]);
    expect(customerEffortScore(v, { topBox: 6 }).topBoxCount).toBe(9);
    for (const bad of [0, 7, 2.5]) {
      expect(() => customerEffortScore(v, { topBox: bad })).toThrow(`customerEffortScore: options.topBox must be an integer from 1 to 6, got ${bad}`);
    }
    expect(() => customerEffortScore(v, { direction: 'up' as never })).toThrow('customerEffortScore: options.direction must be "higher-is-easier" or "lower-is-easier", got "up"');
  });

  it('two answers give a t interval, one gives the value alone, none only warns', () => {
    // R: t.test(c(2, 5), conf.level = 0.9)$conf.int
    closeAll(customerEffortScore([2, 5], { confidence: 0.9 }).meanCI, [-5.9706272720125559, 12.970627272012557], 1e-9);
    const one = customerEffortScore([4, NaN]);
    expect([one.n, one.mean]).toEqual([1, 4]);
    expect(one.sd).toBeNaN();
    expect(one.meanCI).toEqual([NaN, NaN]);
    const none = customerEffortScore([NaN]);
    expect(none.mean).toBeNaN();
    expect(codes(none)).toEqual(['survey.noRespondents']);
    expect(none.warnings[0].params).toEqual({ what: 'all' });
  });

  it('a value off the scale or not an integer: refused by default, set aside with "exclude"', () => {
    expect(caught(() => customerEffortScore([3, 8]))).toBeInstanceOf(InputError);
    expect(() => customerEffortScore([3, 8])).toThrow('"8" is out of scale 1-7 (value 2); customerEffortScore needs integers from 1 to 7');
    expect(() => customerEffortScore([3, 2.5])).toThrow('"2.5" is out of scale 1-7 (value 2); customerEffortScore needs integers from 1 to 7');
    const r = customerEffortScore([3, 8, 2.5, 5], { invalid: 'exclude' });
    expect([r.n, r.mean, r.excluded]).toEqual([2, 4, 2]);
    expect(r.excludedByReason).toEqual({ 'out of scale 1-7': 2 });
    expect(codes(r)).toEqual(['survey.invalidExcluded']);
    expect(() => customerEffortScore([1, '2'] as never)).toThrow('customerEffortScore: values[1] must be a number (NaN for missing), got "2"');
  });
});

describe('firstContactResolution', () => {
  it('true/1 resolved, false/0 not, null/undefined/NaN unknown; rate and Wilson interval (R prop.test)', () => {
    const r = firstContactResolution([true, 1, false, 0, null, NaN, undefined, true, true], { confidence: 0.9 });
    expect([r.n, r.resolved, r.excluded]).toEqual([6, 4, 3]);
    expect(r.rate).toBe(4 / 6);
    // R: prop.test(4, 6, conf.level = 0.9, correct = FALSE)$conf.int
    closeAll(r.ci, [0.3470147670003183, 0.88272390589771021], 1e-9);
    expect(r.warnings).toEqual([]);
    expect(r.method).toBe('first-contact resolution rate, Wilson score interval');
  });

  it('no known outcome: only "no respondents"; a group\'s warning stays in the group', () => {
    const none = firstContactResolution([null, NaN]);
    expect(none.rate).toBeNaN();
    expect(codes(none)).toEqual(['survey.noRespondents']);
    expect(none.warnings[0].params).toEqual({ what: 'all' });
    const g = firstContactResolution([true, null, false], { by: ['a', 'b', 'a'] });
    expect(g.warnings).toEqual([]);
    expect(g.groups!.map((x) => [x.name, x.n, x.rate, codes(x)])).toEqual([
      ['a', 2, 0.5, []],
      ['b', 0, NaN, ['survey.noRespondents']],
    ]);
    expect(g.groups![1].warnings[0].params).toEqual({ what: 'b' });
  });

  it('errors name the function and the value', () => {
    const e = caught(() => firstContactResolution('yes' as never));
    expect(e).toBeInstanceOf(TypeError);
    expect(e.message).toBe('firstContactResolution: resolved must be an array of booleans, got string');
    const e2 = caught(() => firstContactResolution([true, 'yes'] as never));
    expect(e2).toBeInstanceOf(TypeError);
    expect(e2.message).toBe('firstContactResolution: resolved[1] must be a boolean, 0, 1, null or NaN, got "yes"');
    expect(() => firstContactResolution([true, 2] as never)).toThrow('firstContactResolution: resolved[1] must be a boolean, 0, 1, null or NaN, got 2');
  });
});

describe('ipaMatrix: errors, the table form\'s options, the method', () => {
  const pts = [
    { name: 'A', satisfaction: 1, importance: 4 },
    { name: 'B', satisfaction: 2, importance: 3 },
    { name: 'C', satisfaction: 3, importance: 2 },
    { name: 'D', satisfaction: 4, importance: 5 },
  ];

  it('the method; three points warn with their number', () => {
    const r = ipaMatrix(pts);
    expect(r.method).toBe('importance-performance analysis (Martilla & James 1977) on aggregate scores');
    const three = ipaMatrix(pts.slice(0, 3));
    expect(three.warnings.find((w) => w.code === 'survey.ipaFewAttributes')!.params).toEqual({ n: 3 });
  });

  it('the table form passes its options on', () => {
    const t = tableFromColumns({ attribute: ['A', 'B', 'C', 'D'], satisfaction: [1, 2, 3, 10], importance: [4, 3, 2, 5] });
    const r = ipaMatrix(t, {}, { cutoff: 'median' });
    expect(r.satisfactionCutoff).toBe(2.5); // median of 1, 2, 3, 10 (the mean would be 4)
  });

  it('each error with its words', () => {
    const m = (points: unknown, options?: object): string => caught(() => ipaMatrix(points as never, options)).message;
    expect(m([])).toBe('ipaMatrix: points must be a non-empty array of { name, satisfaction, importance }');
    expect(m(pts, { scale: [4, 1] })).toBe('ipaMatrix: options.scale must be [min, max] with finite min < max, got [4,1]');
    expect(m(pts, { scale: [1, 5], importanceScale: [2, 2] })).toBe('ipaMatrix: options.scale must be [min, max] with finite min < max, got [2,2]');
    expect(m(pts, { priorityUnits: 'z' })).toBe('ipaMatrix: options.priorityUnits must be "raw" or "standardised", got "z"');
    expect(m([{ name: '', satisfaction: 1, importance: 1 }])).toBe('ipaMatrix: points[0].name must be a non-empty string');
    expect(m([pts[0], { satisfaction: 1, importance: 1 }])).toBe('ipaMatrix: points[1].name must be a non-empty string');
    expect(m([pts[0], null])).toBe('ipaMatrix: points[1].name must be a non-empty string');
    expect(caught(() => ipaMatrix([{ name: '', satisfaction: 1, importance: 1 }]))).toBeInstanceOf(TypeError);
    expect(m([{ name: 'A', satisfaction: NaN, importance: 1 }])).toBe('ipaMatrix: points[0].satisfaction ("A") must be a finite number, got NaN');
    expect(m([{ name: 'A', satisfaction: 1, importance: '2' }])).toBe('ipaMatrix: points[0].importance ("A") must be a finite number, got 2');
    expect(m([{ name: 'A', satisfaction: 1, importance: 6 }], { scale: [1, 5] })).toBe('ipaMatrix: points[0].importance ("A") = 6 is outside the scale 1-5');
    expect(m([{ name: 'A', satisfaction: 0, importance: 3 }], { scale: [1, 5] })).toBe('ipaMatrix: points[0].satisfaction ("A") = 0 is outside the scale 1-5');
  });
});

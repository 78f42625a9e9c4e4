import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { InputError } from '@satlab/data';
import { lifetimeValue, mirrorSurvey, mysteryShoppingScore, retentionRoi, retentionRoiSensitivity } from '@satlab/survey';
import type { MysteryCriterion, MysteryVisit, RetentionRoiInput } from '@satlab/survey';
import { close, closeAll, nums } from './close.js';
import { caught } from './pins.js';

// Pins of mirrorSurvey, mysteryShoppingScore, lifetimeValue and the retention ROI (issue 18,
// mutation score). Every call runs inside `it` (a result computed in a describe body is computed
// before the mutation runner switches a mutant on). Expected values: the R fixtures of
// mirror.test.ts / roi.test.ts (fixtures/make-survey-fixtures.R, fixtures/seed000-roi.json),
// scipy calls written beside each value, or hand computations written out.
const here = dirname(fileURLToPath(import.meta.url));
const mf = JSON.parse(readFileSync(join(here, 'fixtures/survey-mirror.json'), 'utf8'));
const yf = JSON.parse(readFileSync(join(here, 'fixtures/survey-mystery.json'), 'utf8'));
const seed = JSON.parse(readFileSync(join(here, 'fixtures/seed000-roi.json'), 'utf8')) as { inputs: RetentionRoiInput; printed: Record<string, number> };
const codes = (ws: readonly { code: string }[]): string[] => ws.map((w) => w.code);

describe('mirrorSurvey', () => {
  const attributes = () => (mf.attributes as string[]).map((name, j) => ({ name, customers: nums(mf.customers[j]), staff: nums(mf.staff[j]) }));

  it('the R fixture’s fields beyond mirror.test.ts (method, settings, no warnings, Holm decision, mean absolute gap)', () => {
    const r = mirrorSurvey({ attributes: attributes() }, { scale: [1, 4] });
    expect(r.method).toBe('mirror survey: staff - customer mean per attribute, Welch t-test, Holm-adjusted p-values');
    expect([r.confidence, r.alpha, r.adjust]).toEqual([0.95, 0.05, 'holm']);
    expect(r.warnings).toEqual([]);
    expect(r.attributes.map((a) => a.name)).toEqual(mf.attributes);
    r.attributes.forEach((a, j) => {
      expect(a.significant).toBe(mf.pHolm[j] < 0.05);
      expect(a.reading).toBe(mf.pHolm[j] < 0.05 ? (mf.gap[j] > 0 ? 'staff-overestimate' : 'staff-underestimate') : 'aligned');
    });
    const gaps = mf.gap as number[];
    close(r.meanAbsoluteGap, gaps.reduce((s, g) => s + Math.abs(g), 0) / gaps.length, 1e-12, 'meanAbsoluteGap');
  });

  it('adjust "none": raw p-values, no Holm in the method', () => {
    const r = mirrorSurvey({ attributes: attributes() }, { adjust: 'none', alpha: 0.5 });
    expect(r.method).toBe('mirror survey: staff - customer mean per attribute, Welch t-test');
    expect(r.adjust).toBe('none');
    expect(r.alpha).toBe(0.5);
    r.attributes.forEach((a, j) => {
      expect(a.pAdjusted).toBe(a.pValue);
      expect(a.significant).toBe(mf.pValue[j] < 0.5);
    });
  });

  it('at 90 %: scipy stats.ttest_ind(staff, customers, equal_var=False).confidence_interval(0.9) (scipy 1.17)', () => {
    const r = mirrorSurvey({ attributes: attributes() }, { confidence: 0.9 });
    expect(r.confidence).toBe(0.9);
    closeAll(r.attributes[0].ci, [0.47813278790622316, 0.9663116565382205], 1e-9, 'Accueil ci 0.9');
    close(r.attributes[0].pValue, mf.pValue[0], 1e-9, 'p unchanged');
  });

  it('significant means p strictly below alpha: alpha set to an attribute\'s own p leaves it aligned', () => {
    const p = mirrorSurvey({ attributes: attributes() }, { adjust: 'none' }).attributes[0].pValue;
    const r = mirrorSurvey({ attributes: attributes() }, { adjust: 'none', alpha: p });
    expect(r.attributes[0].significant).toBe(false);
    expect(r.attributes[0].reading).toBe('aligned');
    expect(mirrorSurvey({ attributes: attributes() }, { adjust: 'none', alpha: p * (1 + 1e-9) }).attributes[0].significant).toBe(true);
  });

  it('warns when a side has fewer than two ratings, or both sides no variance; non-integer ratings in scale kept', () => {
    const r = mirrorSurvey({
      attributes: [
        { name: 'A', customers: [3], staff: [1, 2] },
        { name: 'B', customers: [1, 2], staff: [NaN] },
        { name: 'C', customers: [2, 2], staff: [3, 3] },
        { name: 'D', customers: [1, 2.5], staff: [3, 4] },
      ],
    }, { scale: [1, 4], invalid: 'exclude' });
    expect(codes(r.warnings)).toEqual(['survey.mirrorSmall', 'survey.mirrorSmall', 'survey.mirrorZeroVariance']);
    expect(r.warnings.map((w) => w.params)).toEqual([{ name: 'A', side: 'customer', n: 1 }, { name: 'B', side: 'staff', n: 0 }, { name: 'C' }]);
    expect(r.attributes.map((a) => [a.nCustomers, a.nStaff])).toEqual([[1, 2], [2, 0], [2, 2], [2, 2]]);
    expect(r.attributes[0].gap).toBe(-1.5);
    expect(r.attributes[0].pValue).toBeNaN();
    expect(r.attributes[1].gap).toBeNaN();
    expect(r.attributes[3].customerMean).toBe(1.75);
    // gaps −1.5, (NaN left out), 1, 1.75
    close(r.meanGap, (-1.5 + 1 + 1.75) / 3, 1e-15);
    close(r.meanAbsoluteGap, (1.5 + 1 + 1.75) / 3, 1e-15);
  });

  it('errors name the option or the attribute', () => {
    const ok = [{ name: 'A', customers: [1, 2], staff: [2, 3] }];
    expect(() => mirrorSurvey({ attributes: [] })).toThrow(new RangeError('mirrorSurvey: input.attributes must be a non-empty array'));
    expect(() => mirrorSurvey(undefined as never)).toThrow(new RangeError('mirrorSurvey: input.attributes must be a non-empty array'));
    expect(() => mirrorSurvey({ attributes: 'A' as never })).toThrow(new RangeError('mirrorSurvey: input.attributes must be a non-empty array'));
    for (const alpha of [0, 1, NaN, -0.1]) expect(() => mirrorSurvey({ attributes: ok }, { alpha })).toThrow(new RangeError(`mirrorSurvey: options.alpha must be in (0, 1), got ${String(alpha)}`));
    expect(() => mirrorSurvey({ attributes: ok }, { alpha: '0.05' as never })).toThrow(RangeError);
    expect(() => mirrorSurvey({ attributes: ok }, { adjust: 'bonferroni' as never })).toThrow(new RangeError('mirrorSurvey: options.adjust must be "holm" or "none", got "bonferroni"'));
    expect(() => mirrorSurvey({ attributes: ok }, { scale: [4, 1] as never })).toThrow(/^mirrorSurvey: options\.scale must be \[min, max\]/);
    expect(() => mirrorSurvey({ attributes: ok }, { confidence: 0 })).toThrow(/^mirrorSurvey: options\.confidence/);
    for (const bad of [{ name: '', customers: [1], staff: [1] }, { name: 3, customers: [1], staff: [1] }, null]) {
      expect(() => mirrorSurvey({ attributes: [...ok, bad as never] })).toThrow(new TypeError('mirrorSurvey: input.attributes[1].name must be a non-empty string'));
    }
    expect(() => mirrorSurvey({ attributes: [...ok, ...ok] })).toThrow(new RangeError('mirrorSurvey: attribute name "A" appears twice'));
    expect(() => mirrorSurvey({ attributes: [{ name: 'A', customers: 'x' as never, staff: [1] }] })).toThrow(/^mirrorSurvey: input\.attributes\[0\]\.customers must be a Float64Array/);
    expect(() => mirrorSurvey({ attributes: [{ name: 'A', customers: [1], staff: null as never }] })).toThrow(/^mirrorSurvey: input\.attributes\[0\]\.staff must be a Float64Array/);
  });
});

describe('mysteryShoppingScore', () => {
  const fixture = () => {
    const grid = yf.grid as { id: string; section: string; weight: number; max: number }[];
    const visits = (yf.scores as (number | null)[][]).map((s, i) => ({ id: yf.visitId[i] as string, site: yf.visitSite[i] as string, scores: Object.fromEntries(grid.map((c, j) => [c.id, s[j]])) }));
    return { grid, visits };
  };

  it('the R fixture (weighted grid, t.test per site), computed inside the test', () => {
    const { grid, visits } = fixture();
    const r = mysteryShoppingScore(grid, visits);
    expect(r.method).toBe('mystery-shopping grid: weighted points / weighted maximum over applicable criteria, x100; site = mean of its visits, Student t interval');
    expect(r.confidence).toBe(0.95);
    expect(r.warnings).toEqual([]);
    r.visits.forEach((v, i) => close(v.score, yf.visitScore[i], 1e-12, v.id));
    (yf.sites as string[]).forEach((site, k) => {
      const s = r.sites.find((x) => x.site === site)!;
      close(s.mean, yf.siteMean[k], 1e-12, site);
      closeAll(s.ci, yf.siteCI[k], 1e-9, `${site} ci`);
    });
    const order = [...(yf.siteMean as number[])].map((m, k) => [m, k]).sort((a, b) => b[0] - a[0]).map(([, k]) => yf.sites[k]);
    expect(r.sites.map((s) => s.site)).toEqual(order);
    expect(r.sites.map((s) => s.rank)).toEqual([1, 2, 3]);
    const byId = Object.fromEntries(r.criteria.map((c) => [c.id, c.achievement]));
    grid.forEach((c, j) => close(byId[c.id], yf.achievement[j], 1e-12, c.id));
    const sorted = [...(yf.achievement as number[])].sort((a, b) => a - b);
    r.criteria.forEach((c, k) => close(c.achievement, sorted[k], 1e-12, `rank ${k}`));
    close(r.overall.mean, (yf.visitScore as number[]).reduce((s, x) => s + x, 0) / 12, 1e-12, 'overall');
    expect(r.overall.nVisits).toBe(12);
  });

  // Hand case. Grid: a (section S1, weight 2, max 5, label "Accueil"), b (S1, weight 1, max 1),
  // c (no section, weight 1, max 1), d (S2, never applicable).
  const grid: MysteryCriterion[] = [
    { id: 'a', label: 'Accueil', section: 'S1', weight: 2, max: 5 },
    { id: 'b', section: 'S1' },
    { id: 'c' },
    { id: 'd', section: 'S2' },
  ];
  // v1 (X): a 5, b 1, c 0 → 100·(10 + 1 + 0)/(10 + 1 + 1) = 1100/12; S1 11/11 = 100, "" 0
  // v2 (X): a 0, b N/A, c 1 → 100·1/11; S1 0/10 = 0, "" 100
  // v3 (Y): a 5, b and c missing (warning) → 100; S1 100, "" NaN
  // v4 (Z): all N/A → NaN (warning)
  const visits: MysteryVisit[] = [
    { id: 'v1', site: 'X', scores: { a: 5, b: 1, c: 0, d: null } },
    { id: 'v2', site: 'X', scores: { a: 0, b: null, c: 1, d: null } },
    { id: 'v3', site: 'Y', scores: { a: 5, d: null } },
    { id: 'v4', site: 'Z', scores: { a: null, b: null, c: null, d: null } },
  ];

  it('visit scores, sections, warnings', () => {
    const r = mysteryShoppingScore(grid, visits);
    const [v1, v2, v3, v4] = r.visits;
    close(v1.score, 1100 / 12, 1e-15);
    expect([v1.weightedPoints, v1.weightedMax, v1.applicable]).toEqual([11, 12, 3]);
    expect(v1.sections).toEqual({ S1: 100, '': 0, S2: NaN });
    close(v2.score, 100 / 11, 1e-15);
    expect([v2.weightedPoints, v2.weightedMax, v2.applicable]).toEqual([1, 11, 2]);
    expect(v2.sections).toEqual({ S1: 0, '': 100, S2: NaN });
    expect(v3.score).toBe(100);
    expect(v3.sections).toEqual({ S1: 100, '': NaN, S2: NaN });
    expect(v4.score).toBeNaN();
    expect([v4.weightedPoints, v4.weightedMax, v4.applicable]).toEqual([0, 0, 0]);
    expect(codes(r.warnings)).toEqual(['survey.mysteryMissingCriterion', 'survey.mysteryNoApplicable']);
    expect(r.warnings.map((w) => w.params)).toEqual([{ visit: 'v3', ids: ['b', 'c'] }, { visit: 'v4' }]);
  });

  it('sites: mean, t interval, sd, min, max, sections and criteria; the site without a score last', () => {
    const r = mysteryShoppingScore(grid, visits);
    expect(r.sites.map((s) => [s.site, s.rank, s.nVisits])).toEqual([['Y', 1, 1], ['X', 2, 2], ['Z', 3, 1]]);
    const [y, x, z] = r.sites;
    close(x.mean, (1100 / 12 + 100 / 11) / 2, 1e-15);
    // scipy: stats.t.interval(0.95, 1, loc=m, scale=stats.sem([1100/12, 100/11])); np.std(ddof=1)
    closeAll(x.ci, [-474.23345312236427, 574.99102887994], 1e-9, 'X ci');
    close(x.sd, 58.38987814343461, 1e-12, 'X sd');
    expect([x.min, x.max]).toEqual([100 / 11, 1100 / 12]);
    expect(x.sections).toEqual({ S1: 50, '': 50, S2: NaN });
    expect(x.criteria).toEqual({ a: 0.5, b: 1, c: 0.5, d: NaN });
    expect(y.ci).toEqual([NaN, NaN]);
    expect(y.sd).toBeNaN();
    expect([y.mean, y.min, y.max]).toEqual([100, 100, 100]);
    expect(y.criteria).toEqual({ a: 1, b: NaN, c: NaN, d: NaN });
    expect([z.mean, z.min, z.max, z.sd]).toEqual([NaN, NaN, NaN, NaN]);
    expect(z.ci).toEqual([NaN, NaN]);
    expect(z.sections).toEqual({ S1: NaN, '': NaN, S2: NaN });
  });

  it('network criteria weakest first (never applicable last), with their defaults; overall', () => {
    const r = mysteryShoppingScore(grid, visits);
    // a: (5 + 0 + 5)/15, b: 1/1, c: (0 + 1)/2, d: none
    expect(r.criteria.map((c) => [c.id, c.label, c.section, c.weight, c.max, c.nApplicable])).toEqual([
      ['c', 'c', '', 1, 1, 2],
      ['a', 'Accueil', 'S1', 2, 5, 3],
      ['b', 'b', 'S1', 1, 1, 1],
      ['d', 'd', 'S2', 1, 1, 0],
    ]);
    expect(r.criteria.map((c) => c.achievement)).toEqual([0.5, 10 / 15, 1, NaN]);
    // scipy: np.mean / np.std(ddof=1) of [1100/12, 100/11, 100]
    expect(r.overall.nVisits).toBe(3);
    close(r.overall.mean, 66.91919191919192, 1e-12);
    close(r.overall.sd, 50.253794207621915, 1e-12);
  });

  it('NaN sites and criteria sort last whatever their place in the input; equal means share a rank', () => {
    const g: MysteryCriterion[] = [{ id: 'n' }, { id: 'p' }];
    const vs: MysteryVisit[] = [
      { id: '1', site: 'none', scores: { n: null, p: null } },
      { id: '2', site: 'A', scores: { n: null, p: 1 } },
      { id: '3', site: 'B', scores: { n: null, p: 1 } },
      { id: '4', site: 'C', scores: { n: null, p: 0 } },
    ];
    const r = mysteryShoppingScore(g, vs);
    expect(r.sites.map((s) => [s.site, s.rank])).toEqual([['A', 1], ['B', 1], ['C', 3], ['none', 4]]);
    expect(r.criteria.map((c) => c.id)).toEqual(['p', 'n']);
    const r2 = mysteryShoppingScore([{ id: 'p' }, { id: 'n' }], [...vs].reverse());
    expect(r2.sites.map((s) => s.site)).toEqual(['B', 'A', 'C', 'none']);
    expect(r2.criteria.map((c) => c.id)).toEqual(['p', 'n']);
    expect(r2.overall.mean).toBe(200 / 3);
  });

  it('a site mixing scored visits and an all-N/A visit: the NaN visit is left out of its mean, sections and interval', () => {
    // X gets v4's all-N/A visit too: its mean, sd and sections are those of v1 and v2 alone
    const r = mysteryShoppingScore(grid, [...visits.slice(0, 3), { ...visits[3], site: 'X' }]);
    const x = r.sites.find((s) => s.site === 'X')!;
    expect(x.nVisits).toBe(3);
    close(x.mean, (1100 / 12 + 100 / 11) / 2, 1e-15);
    closeAll(x.ci, [-474.23345312236427, 574.99102887994], 1e-9, 'X ci');
    expect(x.sections).toEqual({ S1: 50, '': 50, S2: NaN });
    expect([x.min, x.max]).toEqual([100 / 11, 1100 / 12]);
  });

  it('at 90 %: scipy stats.t.interval(0.9, 2, loc=50, scale=sem([0, 50, 100]))', () => {
    const g: MysteryCriterion[] = [{ id: 'q', max: 2 }];
    const r = mysteryShoppingScore(g, [0, 1, 2].map((p) => ({ id: `v${p}`, site: 'S', scores: { q: p } })), { confidence: 0.9 });
    expect(r.confidence).toBe(0.9);
    closeAll(r.sites[0].ci, [-34.29272304235249, 134.2927230423524], 1e-9, 'ci 0.9');
  });

  it('errors: the grid, the visits, points out of range (with file and line)', () => {
    const f = mysteryShoppingScore;
    const v = [{ id: 'v', site: 'S', scores: { a: 1 } }];
    expect(() => f([], v)).toThrow(new RangeError('mysteryShoppingScore: grid must be a non-empty array of criteria'));
    expect(() => f('a' as never, v)).toThrow(new RangeError('mysteryShoppingScore: grid must be a non-empty array of criteria'));
    expect(() => f([{ id: 'a' }], 'v' as never)).toThrow(new TypeError('mysteryShoppingScore: visits must be an array'));
    expect(() => f([{ id: 'a' }], [], { confidence: 1 })).toThrow(/^mysteryShoppingScore: options\.confidence/);
    for (const bad of [{ id: '' }, { id: 3 }, {}, null]) expect(() => f([{ id: 'a' }, bad as never], v)).toThrow(new TypeError('mysteryShoppingScore: grid[1].id must be a non-empty string'));
    for (const w of [0, -1, Infinity, NaN, '2']) {
      expect(() => f([{ id: 'a', weight: w as never }], v)).toThrow(new RangeError(`mysteryShoppingScore: grid[0].weight ("a") must be a positive number, got ${String(w)}`));
      expect(() => f([{ id: 'a', max: w as never }], v)).toThrow(new RangeError(`mysteryShoppingScore: grid[0].max ("a") must be a positive number, got ${String(w)}`));
    }
    expect(() => f([{ id: 'a' }, { id: 'b' }, { id: 'a' }], v)).toThrow(new RangeError('mysteryShoppingScore: criterion id "a" appears twice in the grid'));
    for (const bad of [{ id: 1, site: 'S', scores: {} }, { id: 'v', site: null, scores: {} }, { id: 'v', site: 'S', scores: null }, { id: 'v', site: 'S', scores: 'a' }, null]) {
      expect(() => f([{ id: 'a' }], [...v, bad as never])).toThrow(new TypeError('mysteryShoppingScore: visits[1] must be { id, site, scores }'));
    }
    const g5 = [{ id: 'a', max: 5 }];
    const e1 = caught(() => f(g5, [{ id: 'v', site: 'S', scores: { a: 1, zz: 1 }, line: 3 }], { file: 'grid.csv' }));
    expect(e1).toBeInstanceOf(InputError);
    expect(e1.message).toBe('grid.csv:3 (column "zz"): visit "v": criterion "zz" is not in the grid');
    expect((e1 as InputError).location).toEqual({ file: 'grid.csv', line: 3, columnName: 'zz' });
    const e2 = caught(() => f(g5, [{ id: 'v', site: 'S', scores: { zz: 1 } }]));
    expect((e2 as InputError).location).toStrictEqual({ columnName: 'zz' });
    for (const [p, shown] of [[-1, '-1'], [6, '6'], [5.5, '5.5'], [NaN, 'null'], ['3', '"3"']] as const) {
      const e = caught(() => f(g5, [{ id: 'v', site: 'S', scores: { a: p as never }, line: 7 }]));
      expect(e).toBeInstanceOf(InputError);
      expect(e.message).toBe(`<input>:7 (column "a"): visit "v": ${shown} is not a score from 0 to 5 for "a"`);
      expect((e as InputError).location).toStrictEqual({ line: 7, columnName: 'a', value: String(p) });
    }
    // 0 and the maximum are scores
    expect(f(g5, [{ id: 'v', site: 'S', scores: { a: 0 } }, { id: 'w', site: 'S', scores: { a: 5 } }]).visits.map((x) => x.score)).toEqual([0, 100]);
  });
});

describe('lifetimeValue', () => {
  // m = 100, r = 0.8, i = 0.1: q = 0.8/1.1; Σ_{t≥0} q^t = 1/(1 − q) = 1.1/0.3
  it('infinite horizon, first period counted (default) or not', () => {
    const v = lifetimeValue({ margin: 100, retentionRate: 0.8, discountRate: 0.1 });
    close(v.value, 110 / 0.3, 1e-12);
    close(v.multiplier, 0.8 / 1.1, 1e-15);
    expect(v.horizon).toBe(Infinity);
    expect(v.firstPeriodCounted).toBe(true);
    expect(v.method).toBe('LTV = sum of m r^t / (1+i)^t, t = 0..infinity (first period counted at t = 0)');
    expect(v.warnings).toEqual([]);
    expect(v.schedule).toBeUndefined();
    expect(lifetimeValue({ margin: 100, retentionRate: 0.8, discountRate: 0.1, firstPeriodCounted: true }).value).toBe(v.value);
    const n = lifetimeValue({ margin: 100, retentionRate: 0.8, discountRate: 0.1, firstPeriodCounted: false });
    close(n.value, 80 / 0.3, 1e-12); // Gupta & Lehmann m·r/(1 + i − r)
    expect(n.firstPeriodCounted).toBe(false);
    expect(n.method).toBe('LTV = sum of m r^t / (1+i)^t, t = 1..infinity (first margin after one retention step)');
  });

  it('finite horizons: the sum written out, the schedule up to 200 periods', () => {
    const v = lifetimeValue({ margin: 100, retentionRate: 0.8, discountRate: 0.1, horizon: 3 });
    close(v.value, 100 + 80 / 1.1 + 64 / 1.21, 1e-12);
    expect(v.method).toBe('LTV = sum of m r^t / (1+i)^t, t = 0..2 (first period counted at t = 0)');
    expect(v.schedule!.map((s) => s.period)).toEqual([0, 1, 2]);
    close(v.schedule![2].survival, 0.64, 1e-15);
    close(v.schedule![2].discountFactor, 1 / 1.21, 1e-15);
    close(v.schedule![2].value, 64 / 1.21, 1e-12);
    const n = lifetimeValue({ margin: 100, retentionRate: 0.8, discountRate: 0.1, horizon: 3, firstPeriodCounted: false });
    close(n.value, 80 / 1.1 + 64 / 1.21 + 51.2 / 1.331, 1e-12);
    expect(n.method).toBe('LTV = sum of m r^t / (1+i)^t, t = 1..3 (first margin after one retention step)');
    expect(n.schedule!.map((s) => s.period)).toEqual([1, 2, 3]);
    const one = lifetimeValue({ margin: 100, retentionRate: 0.8, discountRate: 0.1, horizon: 1 });
    expect(one.value).toBe(100);
    expect(one.method).toBe('LTV = sum of m r^t / (1+i)^t, t = 0..0 (first period counted at t = 0)');
    expect(lifetimeValue({ margin: 100, retentionRate: 0.5, discountRate: 0, horizon: 200 }).schedule).toHaveLength(200);
    expect(lifetimeValue({ margin: 100, retentionRate: 0.5, discountRate: 0, horizon: 201 }).schedule).toBeUndefined();
    // q = 1 (r = 1, i = 0): m per period
    expect(lifetimeValue({ margin: 7, retentionRate: 1, discountRate: 0, horizon: 5 }).value).toBe(35);
  });

  it('errors', () => {
    for (const bad of [null, 'x', 3]) expect(() => lifetimeValue(bad as never)).toThrow(new TypeError('lifetimeValue: input must be an object { margin, retentionRate, discountRate }'));
    expect(() => lifetimeValue({ margin: NaN, retentionRate: 0.5, discountRate: 0 })).toThrow(new RangeError('lifetimeValue: input.margin must be a finite number, got NaN'));
    expect(() => lifetimeValue({ margin: 1, retentionRate: 1.2, discountRate: 0 })).toThrow(new RangeError('lifetimeValue: input.retentionRate must be ≥ 0 and ≤ 1, got 1.2'));
    expect(() => lifetimeValue({ margin: 1, retentionRate: 0.5, discountRate: -1 })).toThrow(new RangeError('lifetimeValue: input.discountRate must be > -1, got -1'));
    expect(() => lifetimeValue({ margin: 1, retentionRate: 0.5, discountRate: -2 })).toThrow(new RangeError('lifetimeValue: input.discountRate must be > -1, got -2'));
    for (const h of [0, 1.5, -1, NaN]) expect(() => lifetimeValue({ margin: 1, retentionRate: 0.5, discountRate: 0, horizon: h })).toThrow(new RangeError(`lifetimeValue: input.horizon must be a positive integer or Infinity, got ${String(h)}`));
    expect(() => lifetimeValue({ margin: 1, retentionRate: 1, discountRate: 0 })).toThrow(new RangeError('lifetimeValue: with an infinite horizon the lifetime value is infinite unless retention < 1 + discount rate (retention 1, discount 0)'));
  });
});

describe('retentionRoi and its sensitivity table', () => {
  it('the seed case beyond roi.test.ts: break-even rates, cost, method, inputs copied, no warnings', () => {
    const input = { ...seed.inputs };
    const r = retentionRoi(input);
    // 24 000 / (12 000·0.15·0.2·(50 + 250)) = 24 000/108 000; 24 000 / (12 000·0.2·0.7·300) = 24 000/504 000
    close(r.breakEvenRetentionRate, 2 / 9, 1e-11);
    close(r.breakEvenResponseRate, 1 / 21, 1e-11);
    expect(r.processCost).toBe(24000);
    expect(r.method).toBe('retention ROI chain of the AMARC/Eloquant calculator: expected counts, amounts in the currency of the inputs');
    expect(r.inputs).toEqual(seed.inputs);
    expect(r.inputs).not.toBe(input);
    expect(r.warnings).toEqual([]);
    expect(retentionRoi({ ...input, processCost: 0 }).roiRatio).toBeNaN();
  });

  it('errors name the input', () => {
    for (const bad of [null, 'x']) expect(() => retentionRoi(bad as never)).toThrow(new TypeError('retentionRoi: input must be an object of the seven calculator inputs'));
    expect(() => retentionRoi({ ...seed.inputs, surveyed: -1 })).toThrow(new RangeError('retentionRoi: input.surveyed must be ≥ 0, got -1'));
    expect(() => retentionRoi({ ...seed.inputs, surveyed: NaN })).toThrow(new RangeError('retentionRoi: input.surveyed must be a finite number, got NaN'));
    expect(() => retentionRoiSensitivity({ ...seed.inputs, dissatisfiedRate: 2 })).toThrow(new RangeError('retentionRoi: input.dissatisfiedRate must be ≥ 0 and ≤ 1, got 2'));
  });

  it('grids: given rates sorted, deduplicated to 12 digits, 0 and 1 allowed; the input rate added to the defaults', () => {
    const s = retentionRoiSensitivity(seed.inputs, { retentionRates: [0.7, 1, 0.1 + 0.2, 0, 0.3], responseRates: [0.15, 0.05] });
    expect(s.method).toBe('retention ROI (AMARC/Eloquant calculator) recomputed over a grid of retention rates (rows) and response rates (columns)');
    expect(s.retentionRates).toEqual([0, 0.3, 0.7, 1]);
    expect(s.responseRates).toEqual([0.05, 0.15]);
    expect(s.base).toEqual({ row: 2, col: 1 });
    expect(s.roi[2][1]).toBe(51600);
    expect(s.roi[0]).toEqual([-24000, -24000]);
    const d = retentionRoiSensitivity({ ...seed.inputs, retentionRate: 0.75, responseRate: 0.12 });
    expect(d.retentionRates).toEqual([0.3, 0.4, 0.5, 0.6, 0.7, 0.75, 0.8, 0.9]);
    expect(d.responseRates).toEqual([0.05, 0.1, 0.12, 0.15, 0.2, 0.25, 0.3]);
    expect(d.base).toEqual({ row: 5, col: 2 });
  });

  it('refuses grid rates outside [0, 1], naming the grid', () => {
    for (const x of [1.2, -0.1, NaN]) {
      expect(() => retentionRoiSensitivity(seed.inputs, { retentionRates: [0.5, x] })).toThrow(new RangeError(`retentionRoiSensitivity: options.retentionRates must hold rates in [0, 1], got ${String(x)}`));
      expect(() => retentionRoiSensitivity(seed.inputs, { responseRates: [x] })).toThrow(new RangeError(`retentionRoiSensitivity: options.responseRates must hold rates in [0, 1], got ${String(x)}`));
    }
    expect(() => retentionRoiSensitivity(seed.inputs, { responseRates: ['0.5' as never] })).toThrow(new RangeError('retentionRoiSensitivity: options.responseRates must hold rates in [0, 1], got 0.5'));
  });
});

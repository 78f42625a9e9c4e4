import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lifetimeValue, paretoConcentration } from '@satlab/survey';
import { close, nums } from './close.js';

// fixtures/make-survey-fixtures.R → survey-formulas.json (sum of m r^t/(1+i)^t; approx() on the
// concentration curve; Gini formula).
const here = dirname(fileURLToPath(import.meta.url));
const fx = JSON.parse(readFileSync(join(here, 'fixtures/survey-formulas.json'), 'utf8'));

describe('lifetimeValue', () => {
  for (const c of fx.ltv) {
    it(`m = ${c.margin}, r = ${c.retentionRate}, i = ${c.discountRate}, T = ${c.horizon ?? '∞'}, first period ${c.firstPeriodCounted ? 'counted' : 'not counted'}: as the sum in R`, () => {
      const r = lifetimeValue({ margin: c.margin, retentionRate: c.retentionRate, discountRate: c.discountRate, horizon: c.horizon ?? Infinity, firstPeriodCounted: c.firstPeriodCounted });
      close(r.value, c.value, 1e-12, 'ltv');
      if (r.schedule) close(r.schedule.reduce((s, p) => s + p.value, 0), c.value, 1e-12, 'schedule sum');
    });
  }

  it('refuses an infinite horizon when retention ≥ 1 + discount, and bad rates', () => {
    expect(() => lifetimeValue({ margin: 10, retentionRate: 1, discountRate: 0 })).toThrow(/infinite/);
    expect(() => lifetimeValue({ margin: 10, retentionRate: 1.2, discountRate: 0.1 })).toThrow(/retentionRate/);
    expect(() => lifetimeValue({ margin: 10, retentionRate: 0.5, discountRate: 0.1, horizon: 2.5 })).toThrow(/horizon/);
  });
});

describe('paretoConcentration', () => {
  const p = fx.pareto;
  it('share of revenue of the top 38 % and 20 %, customers for 76 % and 80 %, Gini: as R approx()', () => {
    const a = paretoConcentration(nums(p.revenues), { topShare: 0.38, revenueShare: 0.76 });
    expect(a.n).toBe(p.n);
    expect(a.nMissing).toBe(2);
    close(a.total, p.total, 1e-12, 'total');
    close(a.revenueShareOfTop, p.at38, 1e-12, 'at 38 %');
    close(a.customerShareFor, p.for76, 1e-12, 'for 76 %');
    close(a.gini, p.gini, 1e-12, 'gini');
    const b = paretoConcentration(nums(p.revenues));
    close(b.revenueShareOfTop, p.at20, 1e-12, 'at 20 %');
    close(b.customerShareFor, p.for80, 1e-12, 'for 80 %');
    expect(b.curve[0]).toEqual({ customerShare: 0, revenueShare: 0 });
    expect(b.curve[100].revenueShare).toBe(1);
  });

  it('interpolates a fractional customer at the top share (hand-checked: (50 + 0.5 × 30) / 100)', () => {
    expect(paretoConcentration([50, 30, 10, 5, 5], { topShare: 0.2 }).revenueShareOfTop).toBe(0.5);
    expect(paretoConcentration([50, 30, 10, 5, 5], { topShare: 0.3 }).revenueShareOfTop).toBeCloseTo(0.65, 15);
    expect(paretoConcentration([5, 5, 10, 30, 50], { topShare: 1 }).revenueShareOfTop).toBe(1);
    expect(paretoConcentration([5, 5, 10, 30, 50], { topShare: 0 }).revenueShareOfTop).toBe(0);
  });

  it('refuses shares outside [0, 1] and a non-positive total', () => {
    expect(() => paretoConcentration([1, 2], { topShare: 38 })).toThrow(RangeError);
    expect(() => paretoConcentration([0, 0])).toThrow(/positive/);
  });
});

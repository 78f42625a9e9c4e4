// Pins paretoConcentration's outputs, options and errors (issue 18, mutation testing). Reference
// values: fixtures/pareto_numpy.py (numpy np.interp on the documented curve, Gini by the mean
// absolute difference), or worked out by hand in the comments.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderMessage } from '@satlab/messages';
import { paretoConcentration } from '@satlab/rfm';

const here = dirname(fileURLToPath(import.meta.url));
interface Case { revenues: (number | null)[]; topShare: number; revenueShare: number; curvePoints: number; n: number; nMissing: number; total: number; revenueShareOfTop: number; customerShareFor: number; gini: number; curve: number[]; grid: number[] }
const fixture = JSON.parse(readFileSync(join(here, 'fixtures/pareto_numpy.json'), 'utf8')) as Record<string, Case>;
const close = (a: number, b: number): void => expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(b)));

describe('paretoConcentration against numpy (fixtures/pareto_numpy.py)', () => {
  for (const [name, c] of Object.entries(fixture)) {
    it(`${name}: shares, Gini, curve, counts`, () => {
      const values = c.revenues.map((x) => (x === null ? NaN : x));
      const opts = name === 'defaults' ? {} : { topShare: c.topShare, revenueShare: c.revenueShare, curvePoints: c.curvePoints };
      for (const input of [values, Float64Array.from(values)]) {
        const r = paretoConcentration(input, opts);
        expect([r.n, r.nMissing, r.topShare, r.revenueShare]).toEqual([c.n, c.nMissing, c.topShare, c.revenueShare]);
        close(r.total, c.total);
        close(r.revenueShareOfTop, c.revenueShareOfTop);
        close(r.customerShareFor, c.customerShareFor);
        close(r.gini, c.gini);
        expect(r.curve).toHaveLength(c.curvePoints);
        r.curve.forEach((p, j) => {
          close(p.customerShare, c.grid[j]);
          close(p.revenueShare, c.curve[j]);
        });
        expect(r.method).toMatch(/^concentration curve of revenue .*Gini without small-sample correction$/);
      }
    });
  }

  it('warns about negative revenues (counted), and only then', () => {
    const mixed = fixture.mixed.revenues.map((x) => (x === null ? NaN : x));
    const r = paretoConcentration(mixed, { topShare: 0.3 });
    expect(r.warnings.map((w) => [w.code, w.params])).toEqual([['rfm.paretoNegative', { n: 1 }]]);
    expect(r.warnings[0].text).toBe('1 negative revenue value (refunds?) included in the total');
    expect(renderMessage(r.warnings[0], 'fr')).toBe('1 chiffre d’affaires négatif (remboursements\u00a0?) inclus dans le total');
    expect(paretoConcentration([5, -1, -2, 10]).warnings.map((w) => w.params)).toEqual([{ n: 2 }]);
    expect(paretoConcentration([5, 0, 10]).warnings).toEqual([]);
  });
});

describe('paretoConcentration at the ends of the curve (by hand)', () => {
  it('topShare 0 and 1; revenueShare 0 and 1; zeros at the bottom', () => {
    // Best first: 30, 10, 0, 0; cumulated shares 0, 0.75, 1, 1, 1 at 0, 1/4, 2/4, 3/4, 1.
    const v = [10, 0, 0, 30];
    expect(paretoConcentration(v, { topShare: 0 }).revenueShareOfTop).toBe(0);
    expect(paretoConcentration(v, { topShare: 1 }).revenueShareOfTop).toBe(1);
    expect(paretoConcentration(v, { topShare: 0.125 }).revenueShareOfTop).toBe(0.375);
    // 100 % of the revenue: the two buyers, half of the customers (not 3/4 or 1 along the flat part).
    expect(paretoConcentration(v, { revenueShare: 1 }).customerShareFor).toBe(0.5);
    expect(paretoConcentration(v, { revenueShare: 0 }).customerShareFor).toBe(0);
    // 0.75 exactly at the first customer; 0.875 halfway up the second step.
    expect(paretoConcentration(v, { revenueShare: 0.75 }).customerShareFor).toBe(0.25);
    expect(paretoConcentration(v, { revenueShare: 0.875 }).customerShareFor).toBe(0.375);
    // Gini: Σ(2k − n − 1)x₍ₖ₎ over 0, 0, 10, 30 = −3·0 − 1·0 + 1·10 + 3·30 = 100; / (4 · 40) = 0.625.
    expect(paretoConcentration(v).gini).toBe(0.625);
    // Two points: the ends of the curve only.
    expect(paretoConcentration(v, { curvePoints: 2 }).curve).toEqual([
      { customerShare: 0, revenueShare: 0 },
      { customerShare: 1, revenueShare: 1 },
    ]);
  });

  it('one customer: the curve is the diagonal from 0 to 1, Gini 0', () => {
    const r = paretoConcentration([42], { topShare: 0.25, revenueShare: 0.6, curvePoints: 3 });
    expect([r.revenueShareOfTop, r.customerShareFor, r.gini, r.total, r.n]).toEqual([0.25, 0.6, 0, 42, 1]);
    expect(r.curve.map((p) => p.revenueShare)).toEqual([0, 0.5, 1]);
  });

  it('equal revenues: the curve is the diagonal, Gini 0', () => {
    const r = paretoConcentration([7, 7, 7, 7, 7], { topShare: 0.3, revenueShare: 0.9 });
    close(r.revenueShareOfTop, 0.3);
    close(r.customerShareFor, 0.9);
    expect(r.gini).toBe(0);
  });
});

describe('paretoConcentration errors', () => {
  it('revenues that are not numbers', () => {
    expect(() => paretoConcentration('1,2' as never)).toThrow(new TypeError('paretoConcentration: revenues must be a Float64Array or an array of numbers, got string'));
    expect(() => paretoConcentration(null as never)).toThrow(new TypeError('paretoConcentration: revenues must be a Float64Array or an array of numbers, got null'));
    expect(() => paretoConcentration([1, '2'] as never)).toThrow(new TypeError('paretoConcentration: revenues[1] must be a number (NaN for missing), got "2"'));
    expect(() => paretoConcentration([1, Infinity])).toThrow(new RangeError('paretoConcentration: revenues must be finite, got Infinity'));
    expect(() => paretoConcentration(Float64Array.of(-Infinity, 1))).toThrow(new RangeError('paretoConcentration: revenues must be finite, got -Infinity'));
  });

  it('shares outside [0, 1] and bad curvePoints', () => {
    for (const topShare of [-0.01, 1.01, NaN]) expect(() => paretoConcentration([1, 2], { topShare })).toThrow(new RangeError(`paretoConcentration: options.topShare must be in [0, 1], got ${topShare}`));
    expect(() => paretoConcentration([1, 2], { topShare: '0.5' as never })).toThrow(new RangeError('paretoConcentration: options.topShare must be in [0, 1], got 0.5'));
    for (const revenueShare of [-1, 2]) expect(() => paretoConcentration([1, 2], { revenueShare })).toThrow(new RangeError(`paretoConcentration: options.revenueShare must be in [0, 1], got ${revenueShare}`));
    for (const curvePoints of [1, 2.5, 0]) expect(() => paretoConcentration([1, 2], { curvePoints })).toThrow(new RangeError(`paretoConcentration: options.curvePoints must be an integer ≥ 2, got ${curvePoints}`));
  });

  it('no value, or a total that is not positive', () => {
    expect(() => paretoConcentration([NaN, NaN])).toThrow(new RangeError('paretoConcentration: no revenue value (all 2 missing)'));
    expect(() => paretoConcentration([])).toThrow(new RangeError('paretoConcentration: no revenue value (all 0 missing)'));
    expect(() => paretoConcentration([0, 0, NaN])).toThrow(new RangeError('paretoConcentration: total revenue must be positive, got 0'));
    expect(() => paretoConcentration([-5, 3])).toThrow(new RangeError('paretoConcentration: total revenue must be positive, got -2'));
  });
});

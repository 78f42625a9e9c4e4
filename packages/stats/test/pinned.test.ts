// Behaviour that mutation testing found unpinned: Yates' cap min(0.5, |O − E|), the exact
// boundaries of Cochran's rule, the absence of warnings that do not apply, Monte-Carlo off by
// default, and pAdjust at p = 0 and p = 1 and on ties. Reference values: R 4 (the script and its
// output are in fixtures/pinned.R; the calls are quoted next to each value).
import { describe, expect, it } from 'vitest';
import { chiSquareTest, pAdjust } from '@satlab/stats';
import type { PAdjustMethod } from '@satlab/stats';

const codes = (r: { warnings: { code: string }[] }): string[] => r.warnings.map((w) => w.code);
const close = (a: number, b: number, rel = 1e-12): void => {
  expect(Math.abs(a - b)).toBeLessThanOrEqual(rel * Math.max(1, Math.abs(b)));
};

describe("chiSquareTest: Yates' correction", () => {
  it('caps the correction at |O − E| when every |O − E| < 0.5 (chisq.test(matrix(c(5, 5, 5, 6), 2)): X-squared = 0, p = 1)', () => {
    const t = chiSquareTest([[5, 5], [5, 6]]);
    expect(t.statistic).toBe(0);
    expect(t.pValue).toBe(1);
    expect(t.method).toBe("Pearson's Chi-squared test with Yates' continuity correction");
    // The uncorrected statistic and the effect size are not corrected.
    expect(t.statisticUncorrected).toBeGreaterThan(0);
    close(t.cramersV, Math.sqrt(t.statisticUncorrected / 21));
  });

  it('subtracts 0.5 when |O − E| ≥ 0.5 (chisq.test(matrix(c(12, 5, 7, 9), 2)): 1.4559963788146839, p 0.22756821457580992)', () => {
    const t = chiSquareTest([[12, 7], [5, 9]]);
    close(t.statistic, 1.4559963788146839);
    close(t.pValue, 0.22756821457580992, 1e-10);
    expect(codes(t)).toContain('stats.table.yatesApplied');
  });

  it('is not applied when correct is false, nor beyond 2 × 2, and then says nothing about it', () => {
    const off = chiSquareTest([[12, 7], [5, 9]], { correct: false });
    expect(off.statistic).toBe(off.statisticUncorrected);
    expect(off.method).toBe("Pearson's Chi-squared test");
    expect(codes(off)).not.toContain('stats.table.yatesApplied');
    const big = chiSquareTest([[12, 7, 9], [5, 9, 11]]);
    expect(big.statistic).toBe(big.statisticUncorrected);
    expect(codes(big)).toEqual([]);
  });
});

describe("chiSquareTest: expected counts and Cochran's rule", () => {
  it('warns of nothing when every expected count is at least 5', () => {
    const t = chiSquareTest([[30, 54, 96], [6, 36, 102]]);
    expect(t.expectedBelow5).toBe(0);
    expect(codes(t)).toEqual([]);
  });

  it('at exactly 20 % of cells below 5 and none below 1, reports the small cells but Cochran holds (R: 2 cells below 5, min 4)', () => {
    const t = chiSquareTest([[20, 20], [20, 20], [20, 20], [20, 20], [4, 4]]);
    expect(t.expectedBelow5).toBe(2);
    expect(t.minExpected).toBe(4);
    expect(codes(t)).toEqual(['stats.table.smallExpected']);
  });

  it('above 20 % of cells below 5, breaks Cochran', () => {
    const t = chiSquareTest([[20, 20], [20, 20], [20, 20], [4, 4], [4, 4]]);
    expect(t.expectedBelow5).toBe(4);
    expect(codes(t)).toEqual(['stats.table.smallExpected', 'stats.table.cochranRule']);
  });

  it('with an expected count below 1, breaks Cochran even when few cells are small', () => {
    const t = chiSquareTest([[50, 50], [50, 50], [50, 50], [50, 50], [1, 0]]);
    expect(t.expectedBelow5).toBe(2);
    close(t.minExpected, 200 / 401); // column totals 201 and 200, n = 401
    expect(codes(t)).toEqual(['stats.table.smallExpected', 'stats.table.cochranRule']);
  });

  it('keeps Cochran at an expected count of exactly 1 (one small cell of 25)', () => {
    const row0 = [1, 6, 6, 6, 6];
    const other = [6, 36, 36, 36, 36];
    const t = chiSquareTest([row0, other, other, other, other]);
    expect(t.minExpected).toBe(1);
    expect(t.expectedBelow5).toBe(1);
    expect(t.expectedBelow5Share).toBe(0.04);
    expect(codes(t)).toEqual(['stats.table.smallExpected']);
    expect(t.warnings[0].params).toEqual({ below: 1, cells: 25, min: 1 });
  });

  it('reports the share of small cells and names the G-test, and refuses a non-boolean correct', () => {
    const t = chiSquareTest([[30, 54, 96, 18], [6, 36, 102, 18], [6, 0, 12, 12], [6, 12, 36, 12], [6, 30, 72, 18]]);
    expect(t.expectedBelow5Share).toBe(0.1);
    expect(t.gTest.method).toBe('Log-likelihood ratio (G) test of independence');
    expect(() => chiSquareTest([[1, 2], [3, 4]], { correct: 'yes' as never })).toThrow('chiSquareTest(options.correct): expected a boolean, got string');
  });

  it('counts a cell with expected count exactly 5 as not small', () => {
    const t = chiSquareTest([[5, 5, 10], [5, 5, 10]]);
    expect(t.minExpected).toBe(5);
    expect(t.expectedBelow5).toBe(0);
    expect(codes(t)).toEqual([]);
  });
});

describe('chiSquareTest: Monte-Carlo', () => {
  it('is not run unless asked', () => {
    const t = chiSquareTest([[30, 54, 96, 18], [6, 36, 102, 18], [6, 0, 12, 12]]);
    expect(t.monteCarlo).toBeNull();
  });

  it('is run when asked, seeded, on the same table', () => {
    const t = chiSquareTest([[30, 54, 96, 18], [6, 36, 102, 18], [6, 0, 12, 12]], { monteCarlo: { replicates: 500, seed: 7 } });
    expect(t.monteCarlo?.replicates).toBe(500);
    close(t.monteCarlo?.statistic ?? NaN, t.statisticUncorrected);
  });

  it('is refused, with a warning, on non-integer counts', () => {
    const t = chiSquareTest([[3.5, 4], [6, 2]], { monteCarlo: { replicates: 100, seed: 1 } });
    expect(t.monteCarlo).toBeNull();
    expect(codes(t)).toContain('stats.table.monteCarloNotRun');
    expect(codes(t)).toContain('stats.table.nonInteger');
  });
});

describe('pAdjust at the ends of [0, 1] and on ties', () => {
  // p.adjust(c(0, 1, 0.02, 0.5, 0), meth) and p.adjust(c(0.01, 0.01, 0.04, 0.04), meth), R 4.
  const ref: Record<Exclude<PAdjustMethod, 'none'>, [number[], number[]]> = {
    holm: [[0, 1, 0.06, 1, 0], [0.04, 0.04, 0.08, 0.08]],
    hochberg: [[0, 1, 0.06, 1, 0], [0.03, 0.03, 0.04, 0.04]],
    hommel: [[0, 1, 0.06, 1, 0], [0.03, 0.03, 0.04, 0.04]],
    BH: [[0, 1, 0.033333333333333333, 0.625, 0], [0.02, 0.02, 0.04, 0.04]],
    BY: [[0, 1, 0.076111111111111115, 1, 0], [0.041666666666666671, 0.041666666666666671, 0.083333333333333343, 0.083333333333333343]],
    bonferroni: [[0, 1, 0.1, 1, 0], [0.04, 0.04, 0.16, 0.16]],
  };
  for (const [method, [ends, ties]] of Object.entries(ref) as [Exclude<PAdjustMethod, 'none'>, [number[], number[]]][]) {
    it(`${method} keeps 0 at 0 and 1 at 1, and adjusts tied p-values alike, as R's p.adjust`, () => {
      pAdjust([0, 1, 0.02, 0.5, 0], method).forEach((v, i) => close(v, ends[i]));
      pAdjust([0.01, 0.01, 0.04, 0.04], method).forEach((v, i) => close(v, ties[i]));
    });
  }

  it('leaves a single p-value (or none) unadjusted and keeps NaN in place without counting it', () => {
    expect(pAdjust([0.03], 'holm')).toEqual([0.03]);
    expect(pAdjust([], 'BH')).toEqual([]);
    const withNaN = pAdjust([0.01, NaN, 0.04], 'bonferroni');
    expect(withNaN[0]).toBeCloseTo(0.02, 15);
    expect(Number.isNaN(withNaN[1])).toBe(true);
    expect(withNaN[2]).toBeCloseTo(0.08, 15);
  });

  it('refuses p outside [0, 1] and unknown methods', () => {
    expect(() => pAdjust([1.01], 'holm')).toThrow(RangeError);
    expect(() => pAdjust([-0.01, 0.5], 'holm')).toThrow(RangeError);
    expect(() => pAdjust([0.1], 'fdr' as PAdjustMethod)).toThrow(RangeError);
  });
});

// kruskalWallisTest pinned field by field (issue 18): two and three groups given interleaved, mean
// ranks, the tie correction, the small-group warning at n = 4 and not at n = 5, a single group,
// all values tied, missing values and labels, errors. Also the shared average-rank helper through
// the tests' outputs. References: scipy 1.17 (`scipy.stats.kruskal`) or the hand computation
// written beside the value.
import { renderMessage } from '@satlab/messages';
import { describe, expect, it } from 'vitest';
import { codes, near } from './pins-helpers.js';
import { kruskalWallisTest } from '@satlab/stats';

const close = near(1e-9);

describe('kruskalWallisTest', () => {
  it('two groups (labels 10 and 20, interleaved): scipy kruskal([1,3,3,5,7], [2,3,6,8]) H = 0.24827586206896757, p = 0.6182917208464223', () => {
    const r = kruskalWallisTest([1, 2, 3, 3, 3, 6, 5, 8, 7], [10, 20, 10, 20, 10, 20, 10, 20, 10]);
    expect(r.method).toBe('Kruskal-Wallis rank sum test');
    close(r.statistic, 0.24827586206896757);
    expect(r.df).toBe(1);
    close(r.pValue, 0.6182917208464223);
    // hand: pooled ranks 1, 2, 4, 4, 4, 6, 7, 8, 9; group 10: 1 + 4 + 4 + 6 + 8 = 23 over 5; group 20: 2 + 4 + 7 + 9 = 22 over 4
    expect(r.groups).toEqual([
      { level: '10', n: 5, meanRank: 4.6 },
      { level: '20', n: 4, meanRank: 5.5 },
    ]);
    close(r.tieCorrection, 1 - 24 / 720); // one tie of 3: 27 − 3 = 24; N³ − N = 720
    expect(r.n).toBe(9);
    expect(r.nMissing).toBe(0);
    // group 20 has 4 < 5 observations; group 10 with exactly 5 has no warning
    expect(codes(r)).toEqual(['stats.smallGroup']);
    expect(r.warnings[0].params).toEqual({ level: '20', n: 4 });
    expect(renderMessage(r.warnings[0], 'en')).toMatch(/^group .20. has only 4 observation\(s\)$/);
  });
  it('three groups: scipy kruskal([1,3,3,5,7], [2,3,6,8], [4,9,10,11,12]) H = 6.26651884700665, p = 0.04357553441024611', () => {
    const v = [4, 1, 2, 9, 3, 3, 10, 3, 6, 11, 5, 8, 12, 7];
    const g = ['c', 'a', 'b', 'c', 'a', 'b', 'c', 'a', 'b', 'c', 'a', 'b', 'c', 'a'];
    const r = kruskalWallisTest(v, g);
    close(r.statistic, 6.26651884700665);
    expect(r.df).toBe(2);
    close(r.pValue, 0.04357553441024611);
    // hand: ranks 1, 2, 4, 4, 4, 6, 7, …, 14; c: 6 + 11 + 12 + 13 + 14 = 56; a: 1 + 4 + 4 + 7 + 9 = 25; b: 2 + 4 + 8 + 10 = 24
    expect(r.groups).toEqual([
      { level: 'c', n: 5, meanRank: 11.2 },
      { level: 'a', n: 5, meanRank: 5 },
      { level: 'b', n: 4, meanRank: 6 },
    ]);
    close(r.tieCorrection, 1 - 24 / 2730);
    expect(codes(r)).toEqual(['stats.smallGroup']);
    expect(r.warnings[0].params).toEqual({ level: 'b', n: 4 });
  });
  it('no ties: tie correction exactly 1 (scipy kruskal([1..5], [6..10]) H = 6.818181818181813, p = 0.009023438818080334)', () => {
    const r = kruskalWallisTest([6, 1, 7, 2, 8, 3, 9, 4, 10, 5], ['y', 'x', 'y', 'x', 'y', 'x', 'y', 'x', 'y', 'x']);
    expect(r.tieCorrection).toBe(1);
    close(r.statistic, 6.818181818181813);
    close(r.pValue, 0.009023438818080334);
    expect(r.warnings).toEqual([]);
    expect(r.groups.map((q) => q.meanRank)).toEqual([8, 3]);
  });
  it('2 + 2 values: H = 2.4 (scipy kruskal([1.5, 2.5], [3.5, 4.5]), p = 0.12133525035848367), two smallGroup warnings', () => {
    const r = kruskalWallisTest([1.5, 3.5, 2.5, 4.5], ['u', 'v', 'u', 'v']);
    close(r.statistic, 2.4);
    close(r.pValue, 0.12133525035848367);
    expect(r.df).toBe(1);
    expect(codes(r)).toEqual(['stats.smallGroup', 'stats.smallGroup']);
    expect(r.warnings.map((w) => w.params)).toEqual([{ level: 'u', n: 2 }, { level: 'v', n: 2 }]);
  });
  it('all values tied in two groups: tie correction 0, zeroVariance naming the function, H and p NaN', () => {
    const r = kruskalWallisTest([2, 2, 2, 2, 2, 2, 2, 2, 2, 2], [1, 2, 1, 2, 1, 2, 1, 2, 1, 2]);
    expect(r.tieCorrection).toBe(0);
    expect(codes(r)).toEqual(['stats.zeroVariance']);
    expect(r.warnings[0].params).toEqual({ what: 'kruskalWallisTest' });
    expect(r.statistic).toBeNaN();
    expect(r.pValue).toBeNaN();
    expect(r.df).toBe(1);
    expect(r.groups).toEqual([
      { level: '1', n: 5, meanRank: 5.5 },
      { level: '2', n: 5, meanRank: 5.5 },
    ]);
  });
  it('a single group: singleGroup, df 0, H and p NaN, the tie correction still given', () => {
    const r = kruskalWallisTest([1, 2, 2, 4, 5], ['a', 'a', 'a', 'a', 'a']);
    expect(codes(r)).toEqual(['stats.singleGroup']);
    expect(r.df).toBe(0);
    expect(r.statistic).toBeNaN();
    expect(r.pValue).toBeNaN();
    close(r.tieCorrection, 1 - 6 / 120);
    expect(r.groups).toEqual([{ level: 'a', n: 5, meanRank: 3 }]);
  });
  it('one observation: tie correction NaN, smallGroup and singleGroup', () => {
    const r = kruskalWallisTest([3, NaN], ['a', 'b']);
    expect(r.tieCorrection).toBeNaN();
    expect(codes(r)).toEqual(['stats.smallGroup', 'stats.singleGroup']);
    expect(r.n).toBe(1);
    expect(r.nMissing).toBe(1);
    expect(r.groups).toEqual([{ level: 'a', n: 1, meanRank: 1 }]);
  });
  it('missing labels (null, undefined, "", NaN) and NaN values are dropped and counted', () => {
    const r = kruskalWallisTest(new Float64Array([1, 2, 3, 3, 3, 6, 5, 8, 7, 0, 0, 0, 0, NaN]), [10, 20, 10, 20, 10, 20, 10, 20, 10, null, undefined, '', NaN, 10]);
    expect(r.n).toBe(9);
    expect(r.nMissing).toBe(5);
    close(r.statistic, 0.24827586206896757);
    expect(r.groups.map((q) => q.level)).toEqual(['10', '20']);
  });
  it('errors name the function', () => {
    const fn = 'kruskalWallisTest\\(values, groups\\)';
    expect(() => kruskalWallisTest([1, 2], ['a'])).toThrow(RangeError);
    expect(() => kruskalWallisTest([1, 2], ['a'])).toThrow(new RegExp(`^${fn}\\(values, groups\\): lengths differ \\(2 and 1\\)$`));
    expect(() => kruskalWallisTest([1, 2], ['a', false as unknown as string])).toThrow(new RegExp(`^${fn}\\(groups\\): element 1 must be a string or a number, got boolean$`));
    expect(() => kruskalWallisTest([1, -Infinity], ['a', 'b'])).toThrow(new RegExp(`^${fn}\\(values\\): element 1 is -Infinity; values must be finite \\(NaN for missing\\)$`));
    expect(() => kruskalWallisTest(null as unknown as number[], [])).toThrow(new RegExp(`^${fn}\\(values\\): expected a Float64Array or an array of numbers, got object$`));
    expect(() => kruskalWallisTest([1], new Float64Array([1]) as unknown as number[])).toThrow(new RegExp(`^${fn}\\(groups\\): expected an array of group labels, got object$`));
  });
});

import { describe, expect, it } from 'vitest';
import { near } from './pins-helpers.js';
import { monteCarloChiSquare, r2dtable, rng } from '@satlab/stats';
import type { Rng } from '@satlab/stats';
import { patefieldSampler } from '../src/internal/patefield.js';

// Pinning tests (issue 18) of rng.ts, internal/patefield.ts, r2dtable.ts and monteCarloChiSquare.ts.
//
// Streams: the expected values come from an independent Python port of the published algorithms
// (xoshiro128** of Blackman & Vigna 2018, seeded by splitmix32/fmix32 of floor(seed) ^ 0x9e3779b9;
// Patefield's AS 159 filling row by row, each cell by inverse CDF from the rounded conditional mean
// walking up then down). The port (`ref.py`, run as `python3 -c 'from ref import *; …'`):
//
//   M = 0xffffffff
//   def rotl(x, k): return ((x << k) | (x >> (32 - k))) & M
//   class Rng:
//     def __init__(s, seed):
//       s.sm = ((math.floor(seed) & M) ^ 0x9e3779b9) & M
//       s.s = [s.split() for _ in range(4)]
//     def split(s):
//       s.sm = (s.sm + 0x9e3779b9) & M; z = s.sm
//       z = ((z ^ (z >> 16)) * 0x85ebca6b) & M; z = ((z ^ (z >> 13)) * 0xc2b2ae35) & M
//       return (z ^ (z >> 16)) & M
//     def u32(s):
//       a = s.s; res = (rotl((a[1] * 5) & M, 7) * 9) & M; t = (a[1] << 9) & M
//       a[2] ^= a[0]; a[3] ^= a[1]; a[1] ^= a[2]; a[0] ^= a[3]; a[2] ^= t; a[3] = rotl(a[3], 11)
//       return res
//     def next(s): return ((s.u32() >> 5) * 67108864 + (s.u32() >> 6)) / 2**53
//     def int(s, n): (n <= 2**32: rejection below 2**32 - 2**32 % n, then x % n; else floor(next() * n))
//     def normal(s): (Marsaglia polar, the second deviate kept for the next call)
//
// Pearson X² references: scipy.stats.chi2_contingency(m, correction=False).statistic.

const close = near(1e-12);

/** A generator returning the given uniforms in turn (to drive the sampler's branches). */
function fixed(us: number[]): Rng & { calls: number } {
  const g = {
    seed: 0,
    calls: 0,
    next(): number {
      const u = us[g.calls];
      g.calls++;
      if (u === undefined) throw new Error('fixed rng exhausted');
      return u;
    },
    int(): number {
      throw new Error('not used');
    },
    normal(): number {
      throw new Error('not used');
    },
  };
  return g;
}

describe('rng: the xoshiro128** stream (Python port)', () => {
  it('next() for seed 42 (also the documented example)', () => {
    const r = rng(42);
    // python3: r = Rng(42); [r.next() for _ in range(3)]
    expect([r.next(), r.next(), r.next()]).toEqual([0.8624723854573461, 0.2230406801471002, 0.10933422701155993]);
    expect(r.seed).toBe(42);
  });
  it('int(6) for seed 7, int(3) and int(1) for seed 3', () => {
    const r = rng(7);
    // python3: r = Rng(7); [r.int(6) for _ in range(10)]
    expect(Array.from({ length: 10 }, () => r.int(6))).toEqual([5, 0, 5, 3, 5, 5, 0, 4, 2, 1]);
    const s = rng(3);
    // python3: r = Rng(3); [r.int(3) for _ in range(12)]
    expect(Array.from({ length: 12 }, () => s.int(3))).toEqual([2, 2, 0, 0, 1, 0, 0, 2, 0, 0, 2, 1]);
    expect([rng(3).int(1), rng(3).int(1)]).toEqual([0, 0]);
  });
  it('int(n) at n = 2^32 (last n drawn from one 32-bit word), 2^32 + 1 and 2^40 (drawn from next())', () => {
    const r = rng(7);
    // python3: r = Rng(7); [r.int(2**32) for _ in range(3)], [r.int(2**32+1) for _ in range(2)], [r.int(2**40) for _ in range(2)]
    expect([r.int(2 ** 32), r.int(2 ** 32), r.int(2 ** 32)]).toEqual([225556871, 1658637708, 1499479109]);
    expect([r.int(2 ** 32 + 1), r.int(2 ** 32 + 1)]).toEqual([4022105101, 3989087413]);
    expect([r.int(2 ** 40), r.int(2 ** 40)]).toEqual([641758869368, 1097654818631]);
  });
  it('int(n) rejects words at or above the largest multiple of n (n = 2^31 + 1 rejects about half)', () => {
    const r = rng(11);
    // python3: r = Rng(11); [r.int(2**31+1) for _ in range(8)]
    expect(Array.from({ length: 8 }, () => r.int(2 ** 31 + 1))).toEqual(INT_2_31_PLUS_1);
  });
  it('int(n) refuses n < 1, a fraction, NaN and Infinity with its message', () => {
    const r = rng(1);
    expect(() => r.int(0)).toThrow(new RangeError('rng.int(n): n must be a positive integer, got 0'));
    expect(() => r.int(0.5)).toThrow(new RangeError('rng.int(n): n must be a positive integer, got 0.5'));
    expect(() => r.int(2.5)).toThrow(new RangeError('rng.int(n): n must be a positive integer, got 2.5'));
    expect(() => r.int(-3)).toThrow(new RangeError('rng.int(n): n must be a positive integer, got -3'));
    expect(() => r.int(Number.NaN)).toThrow(new RangeError('rng.int(n): n must be a positive integer, got NaN'));
    expect(() => r.int(Infinity)).toThrow(new RangeError('rng.int(n): n must be a positive integer, got Infinity'));
  });
  it('normal(): polar-method pairs, the second deviate of each pair returned on the next call', () => {
    const r = rng(5);
    // python3: r = Rng(5); [r.normal() for _ in range(5)]
    const want = [1.4815329183347128, 1.7091084266402565, 0.2964565978384201, 0.8645671735223545, -1.5597252304178881];
    const got = Array.from({ length: 5 }, () => r.normal());
    for (let i = 0; i < 5; i++) close(got[i], want[i], 1e-14);
    // Two calls use one accepted pair (the second returns the kept deviate): the next uniform follows it.
    const u = rng(5);
    u.normal();
    u.normal();
    const after = u.next();
    // python3: r = Rng(5); r.normal(); r.normal(); r.next()
    expect(after).toBe(NEXT_AFTER_ONE_PAIR);
  });
  it('seeds: the floor of a fraction, negative seeds, and seeds beyond 2^32 taken modulo 2^32', () => {
    // python3: Rng(1.9).next(), Rng(1).next(), Rng(-3).next(), Rng(2**32+5).next(), Rng(5).next(), Rng(0).next()
    expect(rng(1.9).next()).toBe(0.5743167412573879);
    expect(rng(1).next()).toBe(0.5743167412573879);
    expect(rng(-3).next()).toBe(0.1485024468202356);
    expect(rng(2 ** 32 + 5).next()).toBe(0.833323940702374);
    expect(rng(5).next()).toBe(0.833323940702374);
    expect(rng(0).next()).toBe(0.30100156589637106);
    expect(rng(1.9).seed).toBe(1.9);
  });
  it('refuses a seed that is not a finite number, with its message', () => {
    expect(() => rng(Number.NaN)).toThrow(new TypeError('rng(seed): seed must be a finite number, got NaN'));
    expect(() => rng(Infinity)).toThrow(new TypeError('rng(seed): seed must be a finite number, got Infinity'));
    expect(() => rng(-Infinity)).toThrow(new TypeError('rng(seed): seed must be a finite number, got -Infinity'));
    expect(() => rng('7' as unknown as number)).toThrow(new TypeError('rng(seed): seed must be a finite number, got 7'));
    expect(() => rng(null as unknown as number)).toThrow(new TypeError('rng(seed): seed must be a finite number, got null'));
  });
});

describe('r2dtable: Patefield tables (Python port of AS 159 with the same stream)', () => {
  it('small and medium margins', () => {
    // python3: d = patefield(rows, cols, Rng(seed)); [d() for _ in range(n)]
    expect(r2dtable(3, [3, 2], [1, 4], { seed: 1 })).toEqual([[[1, 2], [0, 2]], [[1, 2], [0, 2]], [[1, 2], [0, 2]]]);
    expect(r2dtable(2, [7, 12, 4], [5, 9, 6, 3], { seed: 5 })).toEqual([
      [[1, 1, 4, 1], [4, 6, 0, 2], [0, 2, 2, 0]],
      [[2, 2, 3, 0], [2, 5, 2, 3], [1, 2, 1, 0]],
    ]);
    expect(r2dtable(1, [40, 25, 35], [30, 30, 40], { seed: 11 })).toEqual([[[12, 10, 18], [9, 11, 5], [9, 9, 17]]]);
    expect(r2dtable(4, [1, 1, 1, 1], [2, 2], { seed: 7 })).toEqual([
      [[1, 0], [0, 1], [1, 0], [0, 1]],
      [[0, 1], [0, 1], [1, 0], [1, 0]],
      [[0, 1], [0, 1], [1, 0], [1, 0]],
      [[0, 1], [1, 0], [1, 0], [0, 1]],
    ]);
  });
  it('empty rows and columns stay empty; one row or one column is fixed by its margins; the default seed is 1', () => {
    expect(r2dtable(2, [0, 5, 3], [4, 0, 4], { seed: 2 })).toEqual([
      [[0, 0, 0], [2, 0, 3], [2, 0, 1]],
      [[0, 0, 0], [3, 0, 2], [1, 0, 2]],
    ]);
    expect(r2dtable(2, [6], [1, 2, 3])).toEqual([[[1, 2, 3]], [[1, 2, 3]]]);
    expect(r2dtable(2, [2, 3, 1], [6])).toEqual([[[2], [3], [1]], [[2], [3], [1]]]);
    expect(r2dtable(2, [7, 12, 4], [5, 9, 6, 3])).toEqual(r2dtable(2, [7, 12, 4], [5, 9, 6, 3], { seed: 1 }));
    expect(r2dtable(0, [3, 2], [1, 4])).toEqual([]);
  });
  it('Int32Array totals give the same tables as arrays', () => {
    expect(r2dtable(2, Int32Array.from([7, 12, 4]), Int32Array.from([5, 9, 6, 3]), { seed: 5 })).toEqual([
      [[1, 1, 4, 1], [4, 6, 0, 2], [0, 2, 2, 0]],
      [[2, 2, 3, 0], [2, 5, 2, 3], [1, 2, 1, 0]],
    ]);
    expect(r2dtable(1, [0, 0], [0])).toEqual([[[0], [0]]]);
  });
  it('refuses a bad n, bad totals and totals whose sums differ, with their messages', () => {
    expect(() => r2dtable(-1, [1], [1])).toThrow(new RangeError('r2dtable(n): expected an integer ≥ 0, got -1'));
    expect(() => r2dtable(1.5, [1], [1])).toThrow(new RangeError('r2dtable(n): expected an integer ≥ 0, got 1.5'));
    expect(() => r2dtable(Number.NaN, [1], [1])).toThrow(new RangeError('r2dtable(n): expected an integer ≥ 0, got NaN'));
    expect(() => r2dtable(1, 'ab' as unknown as number[], [1])).toThrow(new TypeError('r2dtable(rowTotals): expected an array of integers'));
    expect(() => r2dtable(1, [1], Float64Array.from([1]) as unknown as number[])).toThrow(new TypeError('r2dtable(colTotals): expected an array of integers'));
    expect(() => r2dtable(1, [], [1])).toThrow(new RangeError('r2dtable(rowTotals): expected at least one total'));
    expect(() => r2dtable(1, [1], Int32Array.from([]))).toThrow(new RangeError('r2dtable(colTotals): expected at least one total'));
    expect(() => r2dtable(1, [2, -1], [1])).toThrow(new RangeError('r2dtable(rowTotals): total -1 at index 1 is not an integer ≥ 0'));
    expect(() => r2dtable(1, [1], [0.5, 0.5])).toThrow(new RangeError('r2dtable(colTotals): total 0.5 at index 0 is not an integer ≥ 0'));
    expect(() => r2dtable(1, [1, Number.NaN], [1])).toThrow(new RangeError('r2dtable(rowTotals): total NaN at index 1 is not an integer ≥ 0'));
    expect(() => r2dtable(1, [3, 2], [1, 3])).toThrow(new RangeError('r2dtable(rowTotals, colTotals): the totals differ (5 and 4)'));
    expect(() => r2dtable(1, [3], [1, 3])).toThrow(new RangeError('r2dtable(rowTotals, colTotals): the totals differ (3 and 4)'));
  });
});

describe('patefieldSampler driven by chosen uniforms (hand computations from the hypergeometric pmf)', () => {
  // Rows [2, 3], columns [2, 3], n = 5: the first cell is Hypergeometric(k = 2 of 5, 2 marked):
  // P(0) = 3/10, P(1) = 6/10, P(2) = 1/10; the walk starts at round(2·2/5) = 1 (mass 0.6), then
  // goes up to 2 (cumulative 0.7) and down to 0 (cumulative 1.0).
  const draw = (us: number[]): { table: number[]; calls: number } => {
    const g = fixed(us);
    const out = new Int32Array(4);
    patefieldSampler(Int32Array.from([2, 3]), Int32Array.from([2, 3]), g)(out);
    return { table: Array.from(out), calls: g.calls };
  };
  it('u ≤ 0.6 gives the start 1, u in (0.6, 0.7] steps up to 2, u above 0.7 steps down to 0', () => {
    expect(draw([0.1])).toEqual({ table: [1, 1, 1, 2], calls: 1 });
    expect(draw([0.59])).toEqual({ table: [1, 1, 1, 2], calls: 1 });
    expect(draw([0.65])).toEqual({ table: [2, 0, 0, 3], calls: 1 });
    expect(draw([0.69])).toEqual({ table: [2, 0, 0, 3], calls: 1 });
    expect(draw([0.71])).toEqual({ table: [0, 2, 2, 1], calls: 1 });
    expect(draw([0.999])).toEqual({ table: [0, 2, 2, 1], calls: 1 });
  });
  it('a walk that goes down first when the start is at the top: rows [1, 4], cols [4, 1]', () => {
    // k = 1 of 5, 4 marked: P(1) = 4/5, P(0) = 1/5; start round(4/5) = 1 = hi, so the walk only goes down.
    const g = fixed([0.85]);
    const out = new Int32Array(4);
    patefieldSampler(Int32Array.from([1, 4]), Int32Array.from([4, 1]), g)(out);
    expect(Array.from(out)).toEqual([0, 1, 4, 0]);
    const h = fixed([0.75]);
    patefieldSampler(Int32Array.from([1, 4]), Int32Array.from([4, 1]), h)(out);
    expect(Array.from(out)).toEqual([1, 0, 3, 1]);
  });
  it('a 3×3 table: one uniform per free cell, cells with a forced value draw none', () => {
    // Rows [1, 1, 1], cols [1, 1, 1]. Cell (0,0): k = 1 of 3, 1 marked: P(0) = 2/3, P(1) = 1/3,
    // start round(1/3) = 0. u = 0.5 → 0. Cell (0,1): k = 1 of the 2 left, 1 marked: P(0) = P(1) = 1/2,
    // start round(1/2) = 1; u = 0.4 → 1. Row 0 is [0, 1, 0]. Row 1: cell (1,0): k = 1 of 2 (cols left
    // [1, 0, 1]), 1 marked, start 1; u = 0.9 → walk down to 0. Cell (1,1): col total 0, forced 0
    // (no uniform). Row 1 is [0, 0, 1]; row 2 takes what is left, [1, 0, 0].
    const g = fixed([0.5, 0.4, 0.9]);
    const out = new Int32Array(9);
    patefieldSampler(Int32Array.from([1, 1, 1]), Int32Array.from([1, 1, 1]), g)(out);
    expect(Array.from(out)).toEqual([0, 1, 0, 0, 0, 1, 1, 0, 0]);
    expect(g.calls).toBe(3);
  });
  it('a row total of 0 draws nothing and the row is zeros', () => {
    const g = fixed([0.3]);
    const out = new Int32Array(6).fill(9);
    patefieldSampler(Int32Array.from([0, 2, 1]), Int32Array.from([2, 1]), g)(out);
    // Row 0 empty; row 1: k = 2 of 3, 2 marked, P(x) = C(2,x)C(1,2−x)/C(3,2): P(1) = 2/3, P(2) = 1/3;
    // start round(4/3) = 1, u = 0.3 ≤ 2/3 → 1. Row 1 is [1, 1], row 2 is [1, 0].
    expect(Array.from(out)).toEqual([0, 0, 1, 1, 1, 0]);
    expect(g.calls).toBe(1);
  });
  it('draws again within the computed mass when rounding leaves the total below u', () => {
    // k = 1 of 5, 1 marked (rows [1, 4], cols [1, 4]): P(0) = 4/5 (start), P(1) = 1/5. With
    // u = 1 − 2⁻⁵³ the summed masses (0.9999999999999942 after the rounding of the log-factorials)
    // stay below u: the sampler draws u = cum · 0.5 ≈ 0.5 ≤ 4/5 → 0. Without the redraw it would
    // loop forever or return 1.
    const g = fixed([1 - 2 ** -53, 0.5]);
    const out = new Int32Array(4);
    patefieldSampler(Int32Array.from([1, 4]), Int32Array.from([1, 4]), g)(out);
    expect(Array.from(out)).toEqual([0, 1, 1, 3]);
    expect(g.calls).toBe(2);
  });
});

describe('monteCarloChiSquare: exceedances with the same stream (Python port), X² from scipy', () => {
  it('B = 999 (below 1000: the few-replicates warning), seed 3', () => {
    const r = monteCarloChiSquare([[12, 5], [7, 15]], { replicates: 999, seed: 3 });
    close(r.statistic, 5.769596115958342); // scipy.stats.chi2_contingency([[12,5],[7,15]], correction=False)
    expect(r.exceedances).toBe(29); // port: b with X²_sim ≥ (1 − 64ε) X²_obs (11 with 1 + 64ε)
    expect(r.pValue).toBe(30 / 1000);
    close(r.se, Math.sqrt((0.03 * 0.97) / 999), 1e-14); // √(p(1 − p)/B)
    expect(r.replicates).toBe(999);
    expect(r.seed).toBe(3);
    expect(r.n).toBe(39);
    expect(r.method).toBe("Pearson's Chi-squared test with simulated p-value (based on 999 replicates)");
    expect(r.warnings.map((w) => w.code)).toEqual(['stats.table.fewReplicates']);
    expect(r.warnings[0].params).toEqual({ b: 999 });
    expect(r.warnings[0].text).toBe('Only 999 Monte-Carlo replicates: the p-value is imprecise (its standard error is given).');
  });
  it('B = 1000: no warning', () => {
    const r = monteCarloChiSquare([[12, 5], [7, 15]], { replicates: 1000, seed: 3 });
    expect(r.exceedances).toBe(29);
    expect(r.pValue).toBe(30 / 1001);
    close(r.se, Math.sqrt(((30 / 1001) * (971 / 1001)) / 1000), 1e-14);
    expect(r.warnings).toEqual([]);
  });
  it('X² = 0: every simulated table counts (≥, not >), p = 1 and se = 0', () => {
    const r = monteCarloChiSquare([[1, 1], [1, 1]], { replicates: 50, seed: 4 });
    expect(r.statistic).toBe(0);
    expect(r.exceedances).toBe(50); // port: 16 with a strict >
    expect(r.pValue).toBe(1);
    expect(r.se).toBe(0);
    expect(r.n).toBe(4);
  });
  it('defaults: B = 2000, seed 1 (sparse 3×4)', () => {
    const r = monteCarloChiSquare([[2, 0, 1, 3], [1, 4, 0, 2], [0, 1, 5, 1]]);
    close(r.statistic, 14.952380952380953); // scipy chi2_contingency(m, correction=False)
    expect(r.exceedances).toBe(27);
    expect(r.pValue).toBe(28 / 2001);
    expect(r.replicates).toBe(2000);
    expect(r.seed).toBe(1);
    expect(r.n).toBe(20);
    expect(r.method).toBe("Pearson's Chi-squared test with simulated p-value (based on 2000 replicates)");
    expect(r.warnings).toEqual([]);
  });
  it('drops an empty row silently (no warning) and simulates the 2×3 rest', () => {
    const r = monteCarloChiSquare([[3, 0, 2], [0, 0, 0], [1, 4, 2]]);
    // Only row 1 is empty (column 1 holds 4). X² of [[3, 0, 2], [1, 4, 2]]:
    // scipy.stats.chi2_contingency([[3,0,2],[1,4,2]], correction=False).statistic = 4.799999999999999.
    close(r.statistic, 4.8, 1e-14);
    expect(r.exceedances).toBe(444); // port (68 with 1 + 64ε)
    expect(r.n).toBe(12);
    expect(r.warnings).toEqual([]);
  });
  it('3×2 with B = 300, seed 9', () => {
    const r = monteCarloChiSquare([[8, 2], [3, 9], [5, 5]], { replicates: 300, seed: 9 });
    close(r.statistic, 6.6, 1e-14); // scipy chi2_contingency([[8,2],[3,9],[5,5]], correction=False)
    expect(r.exceedances).toBe(11); // port (7 with 1 + 64ε)
    expect(r.pValue).toBe(12 / 301);
    expect(r.warnings.map((w) => w.code)).toEqual(['stats.table.fewReplicates']);
  });
  it('refuses replicates that are not an integer ≥ 1', () => {
    expect(() => monteCarloChiSquare([[1, 2], [3, 4]], { replicates: 0 })).toThrow(new RangeError('monteCarloChiSquare(options.replicates): expected an integer ≥ 1, got 0'));
    expect(() => monteCarloChiSquare([[1, 2], [3, 4]], { replicates: 2.5 })).toThrow(new RangeError('monteCarloChiSquare(options.replicates): expected an integer ≥ 1, got 2.5'));
    expect(() => monteCarloChiSquare([[1, 2], [3, 4]], { replicates: 1 })).not.toThrow();
  });
});

// python3: r = Rng(11); [r.int(2**31+1) for _ in range(8)]
// (words 3, 6 and 7 of the stream, 2856678108, 4173910987 and 3775060670, are ≥ 2^31 + 1 and rejected)
const INT_2_31_PLUS_1 = [186599916, 1239551135, 21205985, 1240939979, 1287267414, 664251096, 1439749406, 697501587];
// python3: r = Rng(5); r.normal(); r.normal(); r.next()
const NEXT_AFTER_ONE_PAIR = 0.6316118985427436;

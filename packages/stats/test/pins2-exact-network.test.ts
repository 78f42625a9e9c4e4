import { describe, expect, it } from 'vitest';
import { rel } from './pins-helpers.js';
import { fisherExactTest } from '@satlab/stats';
import { fisherNetworkPValue } from '../src/internal/fisherNetwork.js';

// Pinning tests (issue 18) of internal/fisherNetwork.ts: the exact r×c Fisher p on tables of every
// shape the network handles (keys on rows or on columns, square, one stage, two stages, many stages,
// p = 1, tiny p, the sorted-completions and the branch-and-bound settlement of the last two stages),
// against a complete enumeration: test/fixtures/fisher-bruteforce.c (long double),
//   gcc -O2 -o bf fisher-bruteforce.c -lm && ./bf R C x11 x12 … (row-major),
// the call beside each value. And the budgets: the work and peak memory the network reports are
// budgets that suffice, one step or one byte less does not.

const BIG = { maxWork: 1e9, maxMemory: 2 ** 30 };
const flat = (t: number[][]): number[] => t.flat();

/** p of the network called directly on the rows (and on the transposed table: the same p). */
function both(t: number[][]): { p: number; pT: number; work: number; peak: number } {
  const r = t.length;
  const c = t[0].length;
  const out = fisherNetworkPValue(flat(t), r, c, BIG);
  const tt = t[0].map((_, j) => t.map((row) => row[j]));
  const outT = fisherNetworkPValue(flat(tt), c, r, BIG);
  expect(out.exceeded).toBeNull();
  expect(outT.exceeded).toBeNull();
  return { p: out.pValue as number, pT: outT.pValue as number, work: out.work, peak: out.peakBytes };
}

/** The reported budgets suffice; one step less (or one byte less) does not. */
function budgetsAreTight(t: number[][]): void {
  const r = t.length;
  const c = t[0].length;
  const full = fisherNetworkPValue(flat(t), r, c, BIG);
  const exact = fisherNetworkPValue(flat(t), r, c, { maxWork: full.work, maxMemory: full.peakBytes });
  expect(exact).toEqual(full);
  const lessWork = fisherNetworkPValue(flat(t), r, c, { maxWork: full.work - 1, maxMemory: 2 ** 30 });
  expect(lessWork.pValue).toBeNull();
  expect(lessWork.exceeded).toBe('work');
  if (full.peakBytes > 0) {
    const lessMemory = fisherNetworkPValue(flat(t), r, c, { maxWork: 1e9, maxMemory: full.peakBytes - 1 });
    expect(lessMemory.pValue).toBeNull();
    expect(lessMemory.exceeded).toBe('memory');
    expect(lessMemory.peakBytes).toBe(full.peakBytes);
  }
}

describe('fisherNetworkPValue against a complete enumeration', () => {
  it('2×3 and its transpose (two stages, keys on the short side)', () => {
    const { p, pT } = both([[3, 1, 4], [2, 5, 0]]);
    expect(rel(p, 0.0497280497280497)).toBeLessThan(1e-9); // ./bf 2 3 3 1 4 2 5 0
    expect(rel(pT, 0.0497280497280497)).toBeLessThan(1e-9); // ./bf 3 2 3 2 1 5 4 0
  });
  it('2×5 and 5×2', () => {
    const { p, pT } = both([[1, 3, 0, 2, 4], [3, 0, 2, 1, 1]]);
    expect(rel(p, 0.127828054298643)).toBeLessThan(1e-9); // ./bf 2 5 1 3 0 2 4 3 0 2 1 1
    expect(rel(pT, 0.127828054298643)).toBeLessThan(1e-9);
  });
  it('3×3', () => {
    const { p, pT } = both([[4, 1, 0], [1, 3, 2], [0, 2, 5]]);
    expect(rel(p, 0.023535696329814)).toBeLessThan(1e-9); // ./bf 3 3 4 1 0 1 3 2 0 2 5
    expect(rel(pT, 0.023535696329814)).toBeLessThan(1e-9);
  });
  it('3×5 (n = 27, four stages)', () => {
    const { p, pT } = both([[2, 1, 3, 0, 4], [1, 4, 0, 3, 1], [3, 0, 2, 2, 1]]);
    expect(rel(p, 0.0705348128016992)).toBeLessThan(1e-9); // ./bf 3 5 2 1 3 0 4 1 4 0 3 1 3 0 2 2 1
    expect(rel(pT, 0.0705348128016992)).toBeLessThan(1e-9);
  });
  it('4×4 (n = 25)', () => {
    const { p, pT } = both([[3, 0, 1, 2], [0, 4, 1, 0], [1, 1, 3, 2], [2, 0, 1, 4]]);
    expect(rel(p, 0.0526667450332693)).toBeLessThan(1e-9); // ./bf 4 4 3 0 1 2 0 4 1 0 1 1 3 2 2 0 1 4
    expect(rel(pT, 0.0526667450332693)).toBeLessThan(1e-9);
  });
  it('4×5 (n = 26)', () => {
    const { p, pT } = both([[2, 0, 1, 3, 1], [1, 2, 0, 1, 3], [0, 3, 2, 0, 1], [2, 1, 1, 2, 0]]);
    expect(rel(p, 0.280431470572733)).toBeLessThan(1e-9); // ./bf 4 5 2 0 1 3 1 1 2 0 1 3 0 3 2 0 1 2 1 1 2 0
    expect(rel(pT, 0.280431470572733)).toBeLessThan(1e-9);
  });
  it('p = 1: the observed table is the most probable (2×3 and 3×3 of equal cells)', () => {
    const a = both([[1, 1, 1], [1, 1, 1]]);
    expect(rel(a.p, 1)).toBeLessThan(1e-12); // ./bf 2 3 1 1 1 1 1 1 → p = 1
    expect(rel(a.pT, 1)).toBeLessThan(1e-12);
    const b = both([[2, 2, 2], [2, 2, 2], [2, 2, 2]]);
    expect(rel(b.p, 1)).toBeLessThan(1e-12); // ./bf 3 3 2 2 2 2 2 2 2 2 2 → p = 1
    expect(b.p).toBeLessThanOrEqual(1);
  });
  it('tiny p: the diagonal 3×3 of 6s, and a 2×4 with n = 61', () => {
    const a = both([[6, 0, 0], [0, 6, 0], [0, 0, 6]]);
    expect(rel(a.p, 3.49790265756652e-7)).toBeLessThan(1e-9); // ./bf 3 3 6 0 0 0 6 0 0 0 6
    const b = both([[20, 5, 0, 1], [2, 10, 15, 8]]);
    expect(rel(b.p, 1.34773276348209e-9)).toBeLessThan(1e-9); // ./bf 2 4 20 5 0 1 2 10 15 8
    expect(rel(b.pT, 1.34773276348209e-9)).toBeLessThan(1e-9);
  });
  it('3×3 with n = 480: the last two stages settled by branch and bound (more than 20000 completions)', () => {
    const { p, pT } = both([[5, 70, 85], [3, 80, 77], [2, 75, 83]]);
    expect(rel(p, 0.66927346568316)).toBeLessThan(1e-9); // ./bf 3 3 5 70 85 3 80 77 2 75 83 (1,223,211 tables)
    expect(rel(pT, 0.66927346568316)).toBeLessThan(1e-9);
    // Smaller p: more past paths straddle the threshold at the last two stages.
    const c = both([[9, 75, 76], [0, 80, 80], [1, 70, 89]]);
    expect(rel(c.p, 0.00456232709001414)).toBeLessThan(1e-9); // ./bf 3 3 9 75 76 0 80 80 1 70 89 (1,223,211 tables)
    expect(rel(c.pT, 0.00456232709001414)).toBeLessThan(1e-9);
  });
  it('one key or one stage: a single table, p = 1', () => {
    expect(fisherNetworkPValue([5], 1, 1, BIG).pValue).toBe(1);
    expect(fisherNetworkPValue([2, 3, 1], 1, 3, BIG).pValue).toBe(1);
    expect(fisherNetworkPValue([2, 3, 1], 3, 1, BIG).pValue).toBe(1);
  });
});

describe('fisherNetworkPValue: budgets', () => {
  it('the reported work and peak memory suffice, one less does not (2×3, 3×3, 3×5, 4×4, branch and bound)', () => {
    budgetsAreTight([[3, 1, 4], [2, 5, 0]]);
    budgetsAreTight([[4, 1, 0], [1, 3, 2], [0, 2, 5]]);
    budgetsAreTight([[2, 1, 3, 0, 4], [1, 4, 0, 3, 1], [3, 0, 2, 2, 1]]);
    budgetsAreTight([[3, 0, 1, 2], [0, 4, 1, 0], [1, 1, 3, 2], [2, 0, 1, 4]]);
    budgetsAreTight([[5, 70, 85], [3, 80, 77], [2, 75, 83]]);
  });
  it('a work budget below the first step stops at the first visit (sparse 3×4: 23 steps, 264 bytes)', () => {
    // Root bounds k·S = 3·4 = 12 steps; first child's bounds 3·3 = 9; the visit 1 + 1 live path.
    const out = fisherNetworkPValue([2, 0, 1, 3, 1, 4, 0, 2, 0, 1, 5, 1], 3, 4, { maxWork: 1, maxMemory: 2 ** 30 });
    expect(out).toEqual({ pValue: null, work: 23, peakBytes: 264, exceeded: 'work' });
    const mem = fisherNetworkPValue([2, 0, 1, 3, 1, 4, 0, 2, 0, 1, 5, 1], 3, 4, { maxWork: 1e9, maxMemory: 263 });
    expect(mem).toEqual({ pValue: null, work: 23, peakBytes: 264, exceeded: 'memory' });
    // The transposed table (4×3): keys are then the 3 columns, the same 23 steps (4 keys would give
    // 12 + 4·2 + 2 = 22).
    const tr = fisherNetworkPValue([2, 1, 0, 0, 4, 1, 1, 0, 5, 3, 2, 1], 4, 3, { maxWork: 1, maxMemory: 2 ** 30 });
    expect(tr).toEqual({ pValue: null, work: 23, peakBytes: 264, exceeded: 'work' });
    // Work exactly at its budget (23 ≤ 23) and memory over: memory is named.
    const atWork = fisherNetworkPValue([2, 0, 1, 3, 1, 4, 0, 2, 0, 1, 5, 1], 3, 4, { maxWork: 23, maxMemory: 263 });
    expect(atWork).toEqual({ pValue: null, work: 23, peakBytes: 264, exceeded: 'memory' });
    // Both budgets passed at once: work is named first.
    const both2 = fisherNetworkPValue([2, 0, 1, 3, 1, 4, 0, 2, 0, 1, 5, 1], 3, 4, { maxWork: 1, maxMemory: 1 });
    expect(both2.exceeded).toBe('work');
  });
  it('the observed table is the most even one: settled at the root by its bounds (hand computation)', () => {
    // [[1, 1, 1], [1, 1, 1]]: keys the 2 rows (totals 3, 3), stages the 3 columns (2, 2, 2), n = 6.
    // P(observed) = 3!·3!·2!·2!·2! / 6! = 0.4. The root's upper bound on the future log-probability
    // is that constant minus the even spread's Σ log x! (evenMin: every cell 1, so 0): log 0.4 + 1e-9,
    // not above the threshold log 0.4 + log(1 + 1e-7): the whole mass 1 counts at once. Work: the
    // root's bounds only, k·S = 2·3 = 6 steps; no node stored after the root (peak 0).
    expect(fisherNetworkPValue([1, 1, 1, 1, 1, 1], 2, 3, BIG)).toEqual({ pValue: 1, work: 6, peakBytes: 0, exceeded: null });
    expect(fisherNetworkPValue([1, 1, 1, 1, 1, 1], 3, 2, BIG)).toEqual({ pValue: 1, work: 6, peakBytes: 0, exceeded: null });
    // [[2, 2, 2], [2, 2, 2], [2, 2, 2]]: evenMin spreads each total 6 over three 6s as 2, 2, 2 — the
    // observed table itself: settled at the root, k·S = 9 steps.
    expect(fisherNetworkPValue([2, 2, 2, 2, 2, 2, 2, 2, 2], 3, 3, BIG)).toEqual({ pValue: 1, work: 9, peakBytes: 0, exceeded: null });
    // Totals that do not divide evenly. [[2, 1, 1], [1, 2, 2]] (rows 4, 5; columns 3, 3, 3): evenMin
    // spreads 4 over three 3s as 2, 1, 1 (q = 1, one remainder: log 2!) and 5 as 2, 2, 1 (2 log 2!),
    // lowKeys = 3 log 2; each column 3 over the rows [4, 5] as 2, 1: lowStages = 3 log 2 — the
    // observed Σ log x! = 3 log 2, so the bound is the observed probability: p = 1 (./bf 2 3 2 1 1 1 2 2).
    expect(fisherNetworkPValue([2, 1, 1, 1, 2, 2], 2, 3, BIG)).toEqual({ pValue: 1, work: 6, peakBytes: 0, exceeded: null });
    // [[1, 2, 2], [0, 1, 1]] (rows 5, 2; columns 1, 3, 3): spreading 5 over [1, 3, 3] fills the 1 first
    // (1 ≤ ⌊5/3⌋), then 4 over two 3s as 2, 2: 2 log 2; 2 over [1, 3, 3] as 1, 1, 0: 0. Columns over
    // [2, 5]: 1 → 1, 0; 3 → 2, 1 (log 2) twice: 2 log 2 = the observed 2 log 2: p = 1 (./bf 2 3 1 2 2 0 1 1).
    expect(fisherNetworkPValue([1, 2, 2, 0, 1, 1], 2, 3, BIG)).toEqual({ pValue: 1, work: 6, peakBytes: 0, exceeded: null });
    expect(fisherNetworkPValue([1, 0, 2, 1, 2, 1], 3, 2, BIG)).toEqual({ pValue: 1, work: 6, peakBytes: 0, exceeded: null });
    // The key side decides: [[1, 3, 3], [0, 0, 1]] (rows 7, 1; columns 1, 3, 4). Spreading 7 over the
    // columns [1, 3, 4] must fill the 1 (1 ≤ ⌊7/3⌋ = 2), then the 3 (3 ≤ ⌊6/2⌋), then 3 in the 4:
    // 2 log 3! = log 36 (an unconstrained even spread 3, 2, 2 would give log 24); 1 → 0. The stage
    // side gives only log 2! + log 3! = log 12 (3 over rows [1, 7] as 1, 2; 4 as 1, 3). The observed
    // Σ log x! = log 36: settled at the root, p = 1 (./bf 2 3 1 3 3 0 0 1: p = 1).
    expect(fisherNetworkPValue([1, 3, 3, 0, 0, 1], 2, 3, BIG)).toEqual({ pValue: 1, work: 6, peakBytes: 0, exceeded: null });
    expect(fisherNetworkPValue([1, 0, 3, 0, 3, 1], 3, 2, BIG)).toEqual({ pValue: 1, work: 6, peakBytes: 0, exceeded: null });
    // The stage side decides: [[1, 0, 3], [0, 1, 3]] (rows 4, 4; columns 1, 1, 6): the column of 6 over
    // rows [4, 4] as 3, 3 gives 2 log 3! = log 36, the key side only 2 log 2! (each 4 over [1, 1, 6]
    // as 1, 1, 2). Observed Σ log x! = log 36: p = 1 (./bf 2 3 1 0 3 0 1 3: p = 1).
    expect(fisherNetworkPValue([1, 0, 3, 0, 1, 3], 2, 3, BIG)).toEqual({ pValue: 1, work: 6, peakBytes: 0, exceeded: null });
    expect(fisherNetworkPValue([1, 0, 0, 1, 3, 3], 3, 2, BIG)).toEqual({ pValue: 1, work: 6, peakBytes: 0, exceeded: null });
  });
  it('peak memory of a 2×3 table counted by hand: three nodes after the first stage', () => {
    // [[3, 1, 4], [2, 5, 0]]: keys the 2 rows (totals 8, 7 → sorted [7, 8]), stages the columns sorted
    // by total (4, 5, 6). The first stage gives 4 to the keys in 5 ways, (7 − v, 8 − (4 − v)) for
    // v = 0..4, i.e. the sorted remainders [4, 7], [5, 6], [5, 6], [4, 7], [3, 8]: 3 nodes of
    // 200 + 16·4 bytes (at most 2 paths each, no growth) = 792 bytes once the root (216 bytes) is
    // released. The next stage is the penultimate one: settled without storing anything.
    const out = fisherNetworkPValue([3, 1, 4, 2, 5, 0], 2, 3, BIG);
    expect(out.peakBytes).toBe(792);
    expect(fisherNetworkPValue([3, 2, 1, 5, 4, 0], 3, 2, BIG).peakBytes).toBe(792);
    // Work of the first stage alone: root bounds 2·3 = 6, three new nodes' bounds 2·2 = 4 each, five
    // visits of 1 + 1 live path: 28 steps; the settlement of the last two stages adds more.
    expect(out.work).toBeGreaterThan(28);
  });
  it('through fisherExactTest: the network fields of an exact result', () => {
    const f = fisherExactTest([[3, 1, 4], [2, 5, 0]]);
    const direct = fisherNetworkPValue([3, 1, 4, 2, 5, 0], 2, 3, { maxWork: 1e8, maxMemory: 128 * 2 ** 20 });
    expect(f.network).toEqual({ work: direct.work, peakBytes: direct.peakBytes, exceeded: null });
    expect(f.pValue).toBe(direct.pValue);
  });
});

describe('fisherNetworkPValue on 36 random tables against a complete enumeration', () => {
  it('each table and its transpose, directly and through fisherExactTest', () => {
    for (const [t, want] of RANDOM) {
      const { p, pT } = both(t);
      expect(rel(p, want)).toBeLessThan(1e-9);
      expect(rel(pT, want)).toBeLessThan(1e-9);
      if (t.length > 2 || t[0].length > 2) expect(rel(fisherExactTest(t).pValue, want)).toBeLessThan(1e-9);
    }
  });
});

// 36 random tables (python3 gen_rand.py: random.seed(18), shapes 2×2 to 5×5, n ≤ 28, some
// concentrated), each p from ./bf R C cells… (complete enumeration).
const RANDOM: [number[][], number][] = [
  [[[2, 0, 0], [1, 2, 3], [2, 6, 2]], 0.209858768682298],
  [[[3, 2, 0, 0], [0, 2, 4, 2]], 0.0303030303030303],
  [[[3, 0, 0, 2, 5, 1], [3, 4, 2, 8, 3, 1]], 0.179081117009733],
  [[[1, 0, 0, 1], [2, 0, 0, 4], [0, 1, 2, 1], [0, 1, 0, 0]], 0.15034965034965],
  [[[0, 5, 1], [1, 1, 0], [5, 0, 1], [0, 0, 3]], 0.000339646348049709],
  [[[0, 0, 2, 8], [5, 2, 1, 3], [0, 4, 4, 5]], 0.0070107174840045],
  [[[0, 2, 0], [0, 1, 4], [1, 1, 1], [0, 0, 1], [2, 2, 0]], 0.12544598258884],
  [[[3, 3, 0], [0, 6, 3], [0, 5, 2], [2, 1, 3], [0, 1, 2]], 0.0562658497228713],
  [[[4, 2, 3, 3, 0, 1], [0, 2, 0, 1, 3, 1]], 0.0679050567595459],
  [[[1, 0], [8, 3]], 1],
  [[[2, 2], [0, 3]], 0.428571428571429],
  [[[3, 0, 2, 4, 0, 1], [1, 1, 4, 0, 4, 4]], 0.0214097496706192],
  [[[2, 0, 0], [1, 5, 3], [4, 2, 1]], 0.17661456190868],
  [[[0, 4, 1], [4, 3, 4], [1, 1, 1], [0, 1, 8]], 0.0235639265387549],
  [[[2, 0], [1, 2], [3, 3], [0, 4]], 0.114485514485514],
  [[[0, 1, 0], [0, 0, 1], [1, 0, 3]], 0.6],
  [[[0, 3, 4, 4], [2, 2, 1, 1], [2, 0, 0, 0]], 0.0892105830186326],
  [[[2, 0], [1, 1], [5, 5]], 0.72027972027972],
  [[[0, 1, 1, 1, 2], [0, 0, 0, 1, 4], [0, 0, 4, 3, 1], [2, 0, 1, 0, 2], [0, 0, 1, 2, 0]], 0.101465932086953],
  [[[0, 1, 0, 0], [1, 2, 2, 2]], 1],
  [[[7, 3, 1], [1, 6, 2], [2, 3, 1]], 0.178509614886806],
  [[[1, 5, 1, 1, 1, 1], [0, 0, 1, 0, 3, 0]], 0.114885114885115],
  [[[0, 5, 0, 3], [0, 3, 0, 1], [3, 2, 6, 3], [2, 5, 1, 4]], 0.108594446753237],
  [[[0, 0, 13], [5, 2, 9], [3, 4, 0], [0, 1, 1], [3, 0, 0]], 4.47364813774688e-06],
  [[[1, 0], [0, 11], [0, 5]], 0.0588235294117647],
  [[[2, 1, 5, 2, 6, 3], [5, 0, 3, 0, 1, 1]], 0.232503328755203],
  [[[7, 0], [3, 1], [1, 0]], 0.416666666666667],
  [[[3, 6, 0], [0, 2, 6], [4, 3, 1], [2, 0, 4], [2, 2, 3]], 0.00774020489223996],
  [[[2, 2], [2, 0], [3, 3], [3, 6]], 0.518933079304596],
  [[[3, 1, 3, 2], [2, 6, 1, 4]], 0.22262876442443],
  [[[2, 1, 3, 6], [0, 3, 3, 0], [1, 3, 0, 1], [0, 4, 2, 0]], 0.0314136647605422],
  [[[0, 1, 0], [1, 1, 4], [5, 0, 3]], 0.0745920745920746],
  [[[3, 4, 1], [5, 4, 0], [0, 1, 0], [2, 2, 2]], 0.633830801047115],
  [[[0, 4], [0, 2], [0, 1], [3, 1]], 0.103030303030303],
  [[[0, 2, 1], [5, 3, 8], [0, 5, 3]], 0.118636098848779],
  [[[3, 2, 2], [0, 0, 2], [0, 2, 1], [2, 0, 2], [2, 0, 0]], 0.292993281228575],
];

import { describe, expect, it } from 'vitest';
import { rel } from './pins-helpers.js';
import { SatlabError } from '@satlab/messages';
import { fisherExactTest } from '@satlab/stats';

// Pinning tests (issue 18) of fisherExactTest.ts: options and their errors, result fields, the 2×2
// p-values, conditional MLE and exact interval, the Monte-Carlo path and the budget fallbacks.
//
// 2×2 references: exact rational p-values and the conditional MLE / interval solved by bisection to
// 50 digits with mpmath (python3 f2.py '[[a, b], [c, d]]' [confLevel]):
//   w_x = C(m, x) C(n', k − x), x = lo..hi; two-sided p = Σ P(x) over P(x) ≤ P(a)(1 + 1e-7);
//   MLE: E(X; ψ) = a; CI: P(X ≥ a; ψ_lo) = α/2, P(X ≤ a; ψ_hi) = α/2 (one-sided: α).
// scipy.stats.fisher_exact(m, alternative=…) gives the same p-values.
// Monte-Carlo references: b counted by a Python port of satlab's rng (xoshiro128**) and Patefield
// sampler (see pins2-exact-rng.test.ts), a simulated table counting when Π x_sim! ≥ Π x_obs!
// (exact integers): python3 fmc.py '[table, B, seed]'.

const caught = (f: () => unknown): unknown => {
  try {
    f();
  } catch (e) {
    return e;
  }
  return undefined;
};

describe('fisherExactTest: options and errors', () => {
  it('refuses an unknown alternative and confLevel outside (0, 1), with their messages', () => {
    const m = [[3, 1], [1, 3]];
    expect(() => fisherExactTest(m, { alternative: 'two-sided' as 'less' })).toThrow(
      new RangeError("fisherExactTest(options.alternative): expected 'two.sided', 'less' or 'greater', got two-sided"),
    );
    for (const cl of [0, 1, -0.5, 1.5, Number.NaN]) {
      expect(() => fisherExactTest(m, { confLevel: cl })).toThrow(new RangeError(`fisherExactTest(options.confLevel): expected a number in (0, 1), got ${cl}`));
    }
    expect(() => fisherExactTest(m, { confLevel: 0.999 })).not.toThrow();
    expect(() => fisherExactTest(m, { confLevel: 0.001 })).not.toThrow();
  });
  it('refuses budgets that are not positive, with their messages', () => {
    const m = [[3, 1], [1, 3]];
    for (const w of [0, -1, Number.NaN]) {
      expect(() => fisherExactTest(m, { maxWork: w })).toThrow(new RangeError(`fisherExactTest(options.maxWork): expected a positive number, got ${w}`));
      expect(() => fisherExactTest(m, { maxMemory: w })).toThrow(new RangeError(`fisherExactTest(options.maxMemory): expected a positive number of bytes, got ${w}`));
    }
    expect(fisherExactTest(m, { maxWork: 1e-9, maxMemory: 1e-9 }).pValue).toBeCloseTo(0.4857142857142857, 14);
  });
  it('refuses replicates that are not an integer ≥ 1 when the Monte-Carlo path runs', () => {
    const m = [[3, 1], [1, 3]];
    for (const b of [0, 2.5, -1]) {
      expect(() => fisherExactTest(m, { simulate: true, monteCarloFallback: { replicates: b } })).toThrow(
        new RangeError(`fisherExactTest(options.monteCarloFallback.replicates): expected an integer ≥ 1, got ${b}`),
      );
    }
    // One replicate is allowed: fmc.py '[[[3,1],[1,3]],1,2]' → b = 1, p = 2/2.
    const one = fisherExactTest(m, { simulate: true, monteCarloFallback: { replicates: 1, seed: 2 } });
    expect(one.replicates).toBe(1);
    expect(one.pValue).toBe(1);
    expect(one.se).toBe(0);
    // Not read when the exact path answers.
    expect(fisherExactTest(m, { monteCarloFallback: { replicates: 0 } }).algorithm).toBe('exact 2x2 (hypergeometric)');
  });
  it('one-sided alternatives exist for 2×2 only (message with the table size)', () => {
    expect(() => fisherExactTest([[1, 2, 3], [3, 4, 5]], { alternative: 'greater' })).toThrow(
      new RangeError("fisherExactTest(options.alternative): only 'two.sided' is defined for a 2×3 table"),
    );
    expect(() => fisherExactTest([[1, 2], [3, 4], [5, 6]], { alternative: 'less' })).toThrow(
      new RangeError("fisherExactTest(options.alternative): only 'two.sided' is defined for a 3×2 table"),
    );
    // Also with simulate: the check comes before either path.
    expect(() => fisherExactTest([[3, 1], [1, 3]], { alternative: 'less', simulate: true })).toThrow(
      new RangeError("fisherExactTest(options.alternative): only 'two.sided' is defined for a 2×2 table"),
    );
  });
  it('drops empty rows and columns with a warning, and refuses what is left below 2 × 2', () => {
    const f = fisherExactTest([[3, 0, 1], [0, 0, 0], [1, 0, 3]]);
    expect(f.algorithm).toBe('exact 2x2 (hypergeometric)');
    expect(f.n).toBe(8);
    expect(f.pValue).toBeCloseTo(0.4857142857142857, 14); // the 2×2 [[3, 1], [1, 3]]
    expect(f.warnings.map((w) => [w.code, w.params])).toEqual([
      ['stats.table.emptyRemoved', { what: 'row', labels: ['2'], numbered: true }],
      ['stats.table.emptyRemoved', { what: 'column', labels: ['2'], numbered: true }],
    ]);
    const e = caught(() => fisherExactTest([[0, 3], [0, 4]]));
    expect(e).toBeInstanceOf(SatlabError);
    expect((e as SatlabError).code).toBe('stats.table.error.tooFewCategories');
    expect((e as SatlabError).message).toBe('fisherExactTest: after removing empty rows and columns the table is 2 × 1; a test of independence needs at least 2 × 2');
  });
});

describe('fisherExactTest: 2×2 result fields and references', () => {
  it('fields of the exact 2×2 result (defaults: two-sided, 0.95)', () => {
    const f = fisherExactTest([[2, 7], [8, 2]]);
    expect(f.method).toBe("Fisher's Exact Test for Count Data");
    expect(f.algorithm).toBe('exact 2x2 (hypergeometric)');
    expect(f.alternative).toBe('two.sided');
    expect(f.confLevel).toBe(0.95);
    expect(f.n).toBe(19);
    expect(f.network).toBeNull();
    expect(f.replicates).toBeNull();
    expect(f.seed).toBeNull();
    expect(f.se).toBeNull();
    expect(f.warnings).toEqual([]);
    // python3 f2.py '[[[2,7],[8,2]]]'
    expect(rel(f.pValue, 0.023014137565221155)).toBeLessThan(1e-12);
    expect(rel(f.estimate!, 0.0858523999512389)).toBeLessThan(1e-9);
    expect(rel(f.ci![0], 0.00467357424210367)).toBeLessThan(1e-9);
    expect(rel(f.ci![1], 0.895773642487714)).toBeLessThan(1e-9);
  });
  it('[[2, 7], [8, 2]] one-sided and at 0.99', () => {
    const less = fisherExactTest([[2, 7], [8, 2]], { alternative: 'less', confLevel: 0.99 });
    expect(less.alternative).toBe('less');
    expect(less.confLevel).toBe(0.99);
    expect(rel(less.pValue, 0.018521725952066508)).toBeLessThan(1e-12);
    expect(less.ci![0]).toBe(0);
    expect(rel(less.ci![1], 1.2352761398565792)).toBeLessThan(1e-9);
    const greater = fisherExactTest([[2, 7], [8, 2]], { alternative: 'greater', confLevel: 0.99 });
    expect(rel(greater.pValue, 0.9990149169715733)).toBeLessThan(1e-12);
    expect(rel(greater.ci![0], 0.002766779952880215)).toBeLessThan(1e-9);
    expect(greater.ci![1]).toBe(Infinity);
    const two = fisherExactTest([[2, 7], [8, 2]], { confLevel: 0.99 });
    expect(rel(two.ci![0], 0.0018942691024497727)).toBeLessThan(1e-9);
    expect(rel(two.ci![1], 1.536699025095314)).toBeLessThan(1e-9);
    expect(rel(two.estimate!, 0.0858523999512389)).toBeLessThan(1e-9);
  });
  it('[[1, 1], [1, 1]]: every table as probable or more, p = 1, estimate 1', () => {
    const f = fisherExactTest([[1, 1], [1, 1]]);
    expect(rel(f.pValue, 1)).toBeLessThan(1e-12);
    expect(rel(f.estimate!, 1)).toBeLessThan(1e-12);
    expect(rel(f.ci![0], 0.006400016357911034)).toBeLessThan(1e-9);
    expect(rel(f.ci![1], 156.2496006379584)).toBeLessThan(1e-9);
    expect(rel(fisherExactTest([[1, 1], [1, 1]], { alternative: 'less' }).pValue, 0.8333333333333334)).toBeLessThan(1e-12);
    expect(rel(fisherExactTest([[1, 1], [1, 1]], { alternative: 'less' }).ci![1], 76.24918299781048)).toBeLessThan(1e-9);
    expect(rel(fisherExactTest([[1, 1], [1, 1]], { alternative: 'greater' }).pValue, 0.8333333333333334)).toBeLessThan(1e-12);
    expect(rel(fisherExactTest([[1, 1], [1, 1]], { alternative: 'greater' }).ci![0], 0.013114894621608145)).toBeLessThan(1e-9);
  });
  it('[[1, 0], [0, 1]]: a at its maximum, estimate and upper bounds infinite', () => {
    const f = fisherExactTest([[1, 0], [0, 1]]);
    expect(rel(f.pValue, 1)).toBeLessThan(1e-12);
    expect(f.estimate).toBe(Infinity);
    expect(rel(f.ci![0], 0.025641025641025664)).toBeLessThan(1e-9);
    expect(f.ci![1]).toBe(Infinity);
    const g = fisherExactTest([[1, 0], [0, 1]], { alternative: 'greater' });
    expect(rel(g.pValue, 0.5)).toBeLessThan(1e-12);
    expect(rel(g.ci![0], 0.052631578947368474)).toBeLessThan(1e-9);
    const l = fisherExactTest([[1, 0], [0, 1]], { alternative: 'less' });
    expect(rel(l.pValue, 1)).toBeLessThan(1e-12);
    expect(l.ci).toEqual([0, Infinity]);
    // Mirror: a at its minimum.
    const h = fisherExactTest([[0, 1], [1, 0]]);
    expect(h.estimate).toBe(0);
    expect(h.ci![0]).toBe(0);
    expect(rel(h.ci![1], 1 / 0.025641025641025664)).toBeLessThan(1e-9);
  });
  it('supports not starting at 0: [[6, 1], [2, 3]] (x from 3 to 7), its mirror, and [[4, 5], [1, 0]] (a at its minimum 4)', () => {
    // python3 f2.py '[[[6,1],[2,3]],[[4,5],[1,0]],[[1,6],[3,2]]]'; scipy.stats.fisher_exact gives the same p.
    const f = fisherExactTest([[6, 1], [2, 3]]);
    expect(rel(f.pValue, 0.2222222222222222)).toBeLessThan(1e-12);
    expect(rel(f.estimate!, 7.218096151645123)).toBeLessThan(1e-9);
    expect(rel(f.ci![0], 0.35276824339026586)).toBeLessThan(1e-9);
    expect(rel(f.ci![1], 548.9882013746999)).toBeLessThan(1e-9);
    expect(rel(fisherExactTest([[6, 1], [2, 3]], { alternative: 'less' }).pValue, 0.98989898989899)).toBeLessThan(1e-12);
    expect(rel(fisherExactTest([[6, 1], [2, 3]], { alternative: 'less' }).ci![1], 268.97600589008334)).toBeLessThan(1e-9);
    expect(rel(fisherExactTest([[6, 1], [2, 3]], { alternative: 'greater' }).pValue, 0.15151515151515152)).toBeLessThan(1e-12);
    expect(rel(fisherExactTest([[6, 1], [2, 3]], { alternative: 'greater' }).ci![0], 0.504209443076348)).toBeLessThan(1e-9);
    // confLevel 0.5: python3 f2.py '[[[6,1],[2,3]]]' 0.5
    const half = fisherExactTest([[6, 1], [2, 3]], { confLevel: 0.5 });
    expect(rel(half.ci![0], 1.4815909926948527)).toBeLessThan(1e-9);
    expect(rel(half.ci![1], 44.86107696135549)).toBeLessThan(1e-9);
    expect(rel(fisherExactTest([[6, 1], [2, 3]], { alternative: 'greater', confLevel: 0.5 }).ci![0], 3.141518222908865)).toBeLessThan(1e-9);
    expect(rel(fisherExactTest([[6, 1], [2, 3]], { alternative: 'less', confLevel: 0.5 }).ci![1], 16.650249752669726)).toBeLessThan(1e-9);
    const m = fisherExactTest([[1, 6], [3, 2]]);
    expect(rel(m.pValue, 0.2222222222222222)).toBeLessThan(1e-12);
    expect(rel(m.estimate!, 0.13854068704419842)).toBeLessThan(1e-9);
    expect(rel(m.ci![0], 0.0018215327715530847)).toBeLessThan(1e-9);
    expect(rel(m.ci![1], 2.834722282225684)).toBeLessThan(1e-9);
    expect(rel(fisherExactTest([[1, 6], [3, 2]], { alternative: 'less' }).pValue, 0.15151515151515152)).toBeLessThan(1e-12);
    const z = fisherExactTest([[4, 5], [1, 0]]);
    expect(rel(z.pValue, 1)).toBeLessThan(1e-12);
    expect(z.estimate).toBe(0);
    expect(z.ci![0]).toBe(0);
    expect(rel(z.ci![1], 39)).toBeLessThan(1e-9);
    expect(rel(fisherExactTest([[4, 5], [1, 0]], { alternative: 'less' }).pValue, 0.5)).toBeLessThan(1e-12);
    expect(rel(fisherExactTest([[4, 5], [1, 0]], { alternative: 'less' }).ci![1], 19)).toBeLessThan(1e-9);
    expect(rel(fisherExactTest([[4, 5], [1, 0]], { alternative: 'greater' }).pValue, 1)).toBeLessThan(1e-12);
    expect(fisherExactTest([[4, 5], [1, 0]], { alternative: 'greater' }).ci).toEqual([0, Infinity]);
  });
  it('strong association: [[50, 1], [2, 60]] and [[300, 2], [1, 300]] (estimates far from 1)', () => {
    const f = fisherExactTest([[50, 1], [2, 60]]);
    expect(rel(f.pValue, 1.7707481686471195e-28)).toBeLessThan(1e-9);
    expect(rel(f.estimate!, 1092.6665688657927)).toBeLessThan(1e-9);
    expect(rel(f.ci![0], 113.39744596717878)).toBeLessThan(1e-9);
    expect(rel(f.ci![1], 61162.38769239317)).toBeLessThan(1e-9);
    expect(rel(fisherExactTest([[50, 1], [2, 60]], { alternative: 'greater' }).pValue, 1.7707481686471195e-28)).toBeLessThan(1e-9);
    expect(fisherExactTest([[50, 1], [2, 60]], { alternative: 'less' }).pValue).toBe(1);
    expect(rel(fisherExactTest([[50, 1], [2, 60]], { alternative: 'less' }).ci![1], 30050.212686387113)).toBeLessThan(1e-9);
    expect(rel(fisherExactTest([[50, 1], [2, 60]], { alternative: 'greater' }).ci![0], 143.23403118133163)).toBeLessThan(1e-9);
    const g = fisherExactTest([[300, 2], [1, 300]]);
    expect(rel(g.pValue, 1.2783989536915027e-173)).toBeLessThan(1e-9);
    expect(rel(g.estimate!, 32588.067654373648)).toBeLessThan(1e-9);
    expect(rel(g.ci![0], 3553.590887794216)).toBeLessThan(1e-9);
    expect(rel(g.ci![1], 1781656.099443372)).toBeLessThan(1e-9);
    expect(rel(fisherExactTest([[300, 2], [1, 300]], { alternative: 'greater' }).pValue, 1.269960769595691e-173)).toBeLessThan(1e-9);
  });
});

describe('fisherExactTest: 2×2 with n = 2008 (log-weights spread over more than 709)', () => {
  it('[[1000, 5], [3, 1000]]: estimate and interval (the densities are scaled by their maximum)', () => {
    // python3 big.py (mpmath, 40 digits, bisection in log ψ): est 58886.761492096988,
    // CI 14138.620744475158 – 384306.27700566293. Exact p (rational sum) = 2.7132e-582: 0 as a double.
    const f = fisherExactTest([[1000, 5], [3, 1000]]);
    expect(rel(f.estimate!, 58886.761492096988)).toBeLessThan(1e-9);
    expect(rel(f.ci![0], 14138.620744475158)).toBeLessThan(1e-9);
    expect(rel(f.ci![1], 384306.27700566293)).toBeLessThan(1e-9);
    expect(f.pValue).toBe(0);
    expect(f.n).toBe(2008);
  });
});

describe('fisherExactTest: Monte-Carlo path (Python port of the stream)', () => {
  it('simulate on a 2×2 with 500 replicates: fields, b = 246, the few-replicates warning only', () => {
    const f = fisherExactTest([[3, 1], [1, 3]], { simulate: true, monteCarloFallback: { replicates: 500, seed: 2 } });
    expect(f.method).toBe("Fisher's Exact Test for Count Data with simulated p-value (based on 500 replicates)");
    expect(f.algorithm).toBe('monte-carlo');
    expect(f.pValue).toBe(247 / 501); // python3 fmc.py '[[[3,1],[1,3]],500,2]' → b = 246
    expect(f.se).toBeCloseTo(0.022358497061008557, 15); // √(p(1 − p)/500)
    expect(f.replicates).toBe(500);
    expect(f.seed).toBe(2);
    expect(f.estimate).toBeNull();
    expect(f.ci).toBeNull();
    expect(f.network).toBeNull();
    expect(f.n).toBe(8);
    expect(f.alternative).toBe('two.sided');
    expect(f.warnings.map((w) => w.code)).toEqual(['stats.table.fewReplicates']);
    expect(f.warnings[0].params).toEqual({ b: 500 });
  });
  it('999 replicates warn, 1000 do not', () => {
    const a = fisherExactTest([[3, 1], [1, 3]], { simulate: true, monteCarloFallback: { replicates: 999, seed: 2 } });
    expect(a.pValue).toBe(477 / 1000); // fmc.py: b = 476
    expect(a.warnings.map((w) => w.code)).toEqual(['stats.table.fewReplicates']);
    const b = fisherExactTest([[3, 1], [1, 3]], { simulate: true, monteCarloFallback: { replicates: 1000, seed: 2 } });
    expect(b.pValue).toBe(477 / 1001); // fmc.py: b = 476
    expect(b.warnings).toEqual([]);
  });
  it('simulate with the default fallback: 10000 replicates, seed 1', () => {
    const f = fisherExactTest([[3, 1], [1, 3]], { simulate: true });
    expect(f.replicates).toBe(10000);
    expect(f.seed).toBe(1);
    expect(f.pValue).toBe(4844 / 10001); // fmc.py '[[[3,1],[1,3]],10000,1]' → b = 4843
    expect(f.method).toBe("Fisher's Exact Test for Count Data with simulated p-value (based on 10000 replicates)");
    expect(f.warnings).toEqual([]);
  });
  it('a fallback object without settings: the default 10000 replicates and seed 1; ties with the observed table count', () => {
    // [[1, 0], [0, 1]]: both tables with these margins have probability 1/2, so every draw counts.
    const f = fisherExactTest([[1, 0], [0, 1]], { simulate: true, monteCarloFallback: {} });
    expect(f.replicates).toBe(10000);
    expect(f.seed).toBe(1);
    expect(f.pValue).toBe(1);
    expect(f.se).toBe(0);
    const g = fisherExactTest([[1, 0], [0, 1]], { simulate: true, monteCarloFallback: { replicates: 20 } });
    expect(g.seed).toBe(1);
    expect(g.pValue).toBe(1);
  });
  it('no simulated table as extreme: p = 1/(B + 1) with the upper-bound warning (2×2 and 3×3)', () => {
    const f = fisherExactTest([[10, 0], [0, 10]], { simulate: true, monteCarloFallback: { replicates: 200, seed: 1 } });
    expect(f.pValue).toBe(1 / 201); // fmc.py '[[[10,0],[0,10]],200,1]' → b = 0
    expect(f.warnings.map((w) => w.code)).toEqual(['stats.table.fewReplicates', 'stats.table.monteCarloNoneAsExtreme']);
    expect(f.warnings[1].params).toEqual({ b: 200, bound: 1 / 201 });
    const g = fisherExactTest([[4, 0, 0], [0, 4, 0], [0, 0, 4]], { simulate: true, monteCarloFallback: { replicates: 300, seed: 1 } });
    expect(g.algorithm).toBe('monte-carlo');
    expect(g.network).toBeNull();
    expect(g.pValue).toBe(1 / 301); // fmc.py '[[[4,0,0],[0,4,0],[0,0,4]],300,1]' → b = 0
    expect(g.warnings[1].text).toBe(
      'None of the 300 simulated tables was as extreme as the observed one: the Monte-Carlo p-value 0.00332 = 1/(B + 1) is an upper bound, not an estimate (the exact p is smaller).',
    );
  });
  it('r×c simulate: sparse 3×4 with 400 replicates (b = 5)', () => {
    const f = fisherExactTest([[2, 0, 1, 3], [1, 4, 0, 2], [0, 1, 5, 1]], { simulate: true, monteCarloFallback: { replicates: 400, seed: 1 } });
    expect(f.pValue).toBe(6 / 401);
    expect(f.n).toBe(20);
    expect(f.warnings.map((w) => w.code)).toEqual(['stats.table.fewReplicates']);
  });
});

describe('fisherExactTest: budget fallbacks (work and bytes counted by hand)', () => {
  // Sparse 3×4, n = 20: keys are the 3 rows, stages the 4 columns. The root's relaxation bounds cost
  // k·S = 12 steps; the first allocation of the first stage creates a child (bounds: 3·3 = 9 steps,
  // 200 + 16·4 = 264 bytes) and extends the one live path (1 + 1 steps): work 23, 264 bytes, and the
  // budget check after that first visit stops the network.
  const sparse = [[2, 0, 1, 3], [1, 4, 0, 2], [0, 1, 5, 1]];
  it('work budget of 1 step: the default fallback (10000 replicates, seed 1) with its warning', () => {
    const f = fisherExactTest(sparse, { maxWork: 1 });
    expect(f.algorithm).toBe('monte-carlo');
    expect(f.network).toEqual({ work: 23, peakBytes: 264, exceeded: 'work' });
    expect(f.replicates).toBe(10000);
    expect(f.seed).toBe(1);
    expect(f.pValue).toBe(155 / 10001); // fmc.py '[sparse, 10000, 1]' → b = 154
    expect(f.se).toBeCloseTo(0.001235242818144593, 15);
    expect(f.method).toBe("Fisher's Exact Test for Count Data with simulated p-value (based on 10000 replicates)");
    expect(f.warnings.map((w) => [w.code, w.params])).toEqual([['stats.table.fisherFallback', { reason: 'work', limit: 1, se: f.se }]]);
    expect(f.warnings[0].text).toBe(
      'The exact Fisher p-value was not reached within its work budget (1e+0 steps): the p-value is a Monte-Carlo estimate (standard error 0.0012).',
    );
  });
  it('memory budget of 100 bytes: stops on memory, with the memory warning', () => {
    const f = fisherExactTest(sparse, { maxMemory: 100, monteCarloFallback: { replicates: 400, seed: 1 } });
    expect(f.network).toEqual({ work: 23, peakBytes: 264, exceeded: 'memory' });
    expect(f.pValue).toBe(6 / 401);
    expect(f.warnings.map((w) => w.code)).toEqual(['stats.table.fisherFallback', 'stats.table.fewReplicates']);
    expect(f.warnings[0].params).toEqual({ reason: 'memory', limit: 100, se: f.se });
    expect(f.warnings[0].text).toBe(
      'The exact Fisher p-value was not reached within its memory budget (0 MiB): the p-value is a Monte-Carlo estimate (standard error 0.0061).',
    );
  });
  it('monteCarloFallback: false throws the SatlabError with its message', () => {
    const e = caught(() => fisherExactTest(sparse, { maxWork: 1, monteCarloFallback: false }));
    expect(e).toBeInstanceOf(SatlabError);
    expect((e as SatlabError).code).toBe('stats.table.error.fisherTooLarge');
    expect((e as SatlabError).params).toEqual({ fn: 'fisherExactTest', r: 3, c: 4, n: 20 });
    expect((e as SatlabError).message).toBe(
      "fisherExactTest(table): the 3×4 table with n = 20 is beyond the exact algorithm's budget; allow monteCarloFallback or raise maxWork / maxMemory",
    );
    const m = caught(() => fisherExactTest(sparse, { maxMemory: 100, monteCarloFallback: false }));
    expect((m as SatlabError).code).toBe('stats.table.error.fisherTooLarge');
  });
  it('simulate with monteCarloFallback: false still simulates (the default 10000 replicates, seed 1)', () => {
    const f = fisherExactTest([[1, 0], [0, 1]], { simulate: true, monteCarloFallback: false });
    expect(f.algorithm).toBe('monte-carlo');
    expect(f.replicates).toBe(10000);
    expect(f.seed).toBe(1);
    expect(f.pValue).toBe(1);
  });
  it('the exact r×c result: fields, and the budget it reports is enough', () => {
    const f = fisherExactTest(sparse);
    expect(f.method).toBe("Fisher's Exact Test for Count Data");
    expect(f.algorithm).toBe('exact r x c (network algorithm)');
    expect(rel(f.pValue, 0.0161137452159124)).toBeLessThan(1e-9); // fisher-bruteforce.c: ./bf 3 4 2 0 1 3 1 4 0 2 0 1 5 1
    expect(f.estimate).toBeNull();
    expect(f.ci).toBeNull();
    expect(f.replicates).toBeNull();
    expect(f.seed).toBeNull();
    expect(f.se).toBeNull();
    expect(f.n).toBe(20);
    expect(f.confLevel).toBe(0.95);
    expect(f.warnings).toEqual([]);
    expect(f.network!.exceeded).toBeNull();
    const { work, peakBytes } = f.network!;
    expect(work).toBeGreaterThan(23);
    expect(peakBytes).toBeGreaterThanOrEqual(264);
    // The reported work and peak memory are budgets that suffice; one step or byte less does not.
    const again = fisherExactTest(sparse, { maxWork: work, maxMemory: peakBytes, monteCarloFallback: false });
    expect(again.pValue).toBe(f.pValue);
    expect(again.network).toEqual(f.network);
    expect(fisherExactTest(sparse, { maxWork: work - 1, monteCarloFallback: { replicates: 10 } }).network!.exceeded).toBe('work');
    expect(fisherExactTest(sparse, { maxMemory: peakBytes - 1, monteCarloFallback: { replicates: 10 } }).network!.exceeded).toBe('memory');
  });
});

// spearmanCorrelation pinned field by field (issue 18): exact permutation p-values on both sides of
// the two-sided switch, the t approximation with and without continuity correction, ties, n = 2,
// too few pairs, zero variance, the switches at n = 14/15 and 1290/1291, R's Edgeworth series,
// errors. References: permutations enumerated in Python (`itertools.permutations`, S = Σ(i − π_i)²),
// scipy 1.17 (`scipy.stats.spearmanr`, t approximation), R 4.2 `cor.test(method = "spearman")`
// (the call beside each value), or the hand computation written beside the value.
import { describe, expect, it } from 'vitest';
import { codes, near } from './pins-helpers.js';
import { spearmanCorrelation } from '@satlab/stats';

const close = near(1e-9);
type Alt = 'two.sided' | 'less' | 'greater';

describe('exact permutation p-values (n ≤ 9, where R is exact too)', () => {
  const cases: [number[], number[], number, number, number, number, number][] = [
    // x, y, S, rho, p two-sided, p greater (P(S ≤ s)), p less (P(S ≥ s)) — Python enumeration of all n! permutations
    [[1, 2, 3, 4, 5, 6, 7], [3, 1, 2, 7, 5, 4, 6], 20, 0.6428571428571428, 0.1388888888888889, 0.06944444444444445, 0.9452380952380952],
    [[1, 2, 3, 4, 5, 6, 7], [5, 7, 6, 1, 3, 4, 2], 92, -0.6428571428571428, 0.1388888888888889, 0.9452380952380952, 0.06944444444444445],
    [[1, 2, 3, 4, 5, 6, 7, 8], [4, 1, 6, 8, 2, 7, 3, 5], 70, 0.16666666666666663, 0.7033234126984127, 0.35166170634920635, 0.6677083333333333],
  ];
  it('S below and above its mean (n³ − n)/6, each alternative', () => {
    for (const [x, y, S, rho, two, greater, less] of cases) {
      const r = spearmanCorrelation(x, y);
      expect(r.method).toBe("Spearman's rank correlation rho");
      expect(r.pValueMethod).toBe('exact');
      close(r.statistic, S);
      close(r.estimate, rho);
      close(r.pValue, two);
      expect(r.warnings).toEqual([]);
      expect(r.n).toBe(x.length);
      expect(r.nMissing).toBe(0);
      expect(r.alternative).toBe('two.sided');
      const g = spearmanCorrelation(x, y, { alternative: 'greater' });
      close(g.pValue, greater);
      expect(g.alternative).toBe('greater');
      expect(g.pValueMethod).toBe('exact');
      const l = spearmanCorrelation(x, y, { alternative: 'less' });
      close(l.pValue, less);
      expect(l.pValueMethod).toBe('exact');
    }
  });
  it('the ranks, not the values, matter; a Float64Array is accepted', () => {
    const r = spearmanCorrelation(new Float64Array([0.1, 0.5, 2, 3.3, 10, 11, 100]), [30, 10, 20, 70, 50, 40, 60]);
    close(r.statistic, 20);
    close(r.pValue, 0.1388888888888889);
  });
  it('n = 2 and n = 3 (enumeration: S ∈ {0, 2} at n = 2; n = 3, y = 1 3 2: S = 2)', () => {
    const p = spearmanCorrelation([1, 2], [1, 2]);
    close(p.estimate, 1);
    close(p.statistic, 0);
    expect(p.pValue).toBe(1);
    expect(spearmanCorrelation([1, 2], [1, 2], { alternative: 'greater' }).pValue).toBe(0.5);
    const pl = spearmanCorrelation([1, 2], [1, 2], { alternative: 'less' });
    expect(pl.pValue).toBe(1);
    expect(pl.pValueMethod).toBe('exact');
    const m = spearmanCorrelation([1, 2], [2, 1]);
    close(m.estimate, -1);
    close(m.statistic, 2);
    expect(m.pValue).toBe(1);
    expect(spearmanCorrelation([1, 2], [2, 1], { alternative: 'less' }).pValue).toBe(0.5);
    const mg = spearmanCorrelation([1, 2], [2, 1], { alternative: 'greater' });
    expect(mg.pValue).toBe(1);
    expect(mg.pValueMethod).toBe('exact');
    const t = spearmanCorrelation([1, 2, 3], [1, 3, 2]);
    close(t.estimate, 0.5);
    close(t.statistic, 2);
    expect(t.pValue).toBe(1);
    close(spearmanCorrelation([1, 2, 3], [1, 3, 2], { alternative: 'greater' }).pValue, 0.5);
    close(spearmanCorrelation([1, 2, 3], [1, 3, 2], { alternative: 'less' }).pValue, 5 / 6);
  });
  it('n = 3 without the exact distribution: t on 1 df (R cor.test(1:3, c(1,3,2), method = "spearman", exact = FALSE): 0.66666666666666674, greater 0.33333333333333337)', () => {
    const r = spearmanCorrelation([1, 2, 3], [1, 3, 2], { exact: false });
    expect(r.pValueMethod).toBe('t');
    close(r.pValue, 0.66666666666666674);
    close(spearmanCorrelation([1, 2, 3], [1, 3, 2], { exact: false, alternative: 'greater' }).pValue, 0.33333333333333337);
  });
  it('n = 2 without the exact distribution: the t approximation has 0 df, p NaN', () => {
    const r = spearmanCorrelation([1, 2], [1, 2], { exact: false });
    expect(r.pValue).toBeNaN();
    expect(r.pValueMethod).toBe('t');
    close(r.estimate, 1);
    expect(r.warnings).toEqual([]);
  });
});

describe('t approximation', () => {
  it('no ties, exact: false: scipy spearmanr(1..7, [3,1,2,7,5,4,6]) ρ = 0.642857…, p = 0.11939237342741109 (less 0.9403038132862944, greater 0.059696186713705544)', () => {
    const x = [1, 2, 3, 4, 5, 6, 7];
    const y = [3, 1, 2, 7, 5, 4, 6];
    const want: [Alt, number][] = [['two.sided', 0.11939237342741109], ['less', 0.9403038132862944], ['greater', 0.059696186713705544]];
    for (const [alternative, p] of want) {
      const r = spearmanCorrelation(x, y, { exact: false, alternative });
      expect(r.pValueMethod).toBe('t');
      close(r.pValue, p);
      close(r.estimate, 0.642857142857143);
      close(r.statistic, 20);
      expect(r.warnings).toEqual([]);
    }
  });
  it('ties: scipy spearmanr([1,2,2,3,4,5,6], [2,1,3,3,5,6,4]) ρ = 0.8090909090909091, p = 0.027516578664500267 (less 0.9862417106677499, greater 0.013758289332250134), with the ties warning', () => {
    const x = [1, 2, 2, 3, 4, 5, 6];
    const y = [2, 1, 3, 3, 5, 6, 4];
    const want: [Alt, number][] = [['two.sided', 0.027516578664500267], ['less', 0.9862417106677499], ['greater', 0.013758289332250134]];
    for (const [alternative, p] of want) {
      const r = spearmanCorrelation(x, y, { alternative });
      expect(r.pValueMethod).toBe('t');
      close(r.pValue, p);
      close(r.estimate, 0.8090909090909091);
      // hand: S = (n³ − n)(1 − ρ)/6 = 56 · (1 − 0.8090909…)
      close(r.statistic, 56 * (1 - 0.8090909090909091));
      expect(codes(r)).toEqual(['stats.tiesNoExactSpearman']);
    }
    // ties only in y also count
    expect(codes(spearmanCorrelation([1, 2, 3, 4, 5, 6, 7], [2, 1, 3, 3, 5, 6, 4]))).toEqual(['stats.tiesNoExactSpearman']);
    // exact: false asked: no warning
    const q = spearmanCorrelation(x, y, { exact: false });
    expect(q.warnings).toEqual([]);
    close(q.pValue, 0.027516578664500267);
  });
});

describe('degenerate inputs', () => {
  it('fewer than 2 complete pairs: tooFewObservations with n and min 2, NaN', () => {
    const r = spearmanCorrelation([1, NaN, 3], [2, 5, NaN]);
    expect(codes(r)).toEqual(['stats.tooFewObservations']);
    expect(r.warnings[0].params).toEqual({ what: 'spearmanCorrelation', n: 1, min: 2 });
    expect(r.n).toBe(1);
    expect(r.nMissing).toBe(2);
    expect(r.estimate).toBeNaN();
    expect(r.statistic).toBeNaN();
    expect(r.pValue).toBeNaN();
    expect(r.pValueMethod).toBe('t');
    expect(r.method).toBe("Spearman's rank correlation rho");
    const e = spearmanCorrelation([], [], { alternative: 'less' });
    expect(e.warnings[0].params).toEqual({ what: 'spearmanCorrelation', n: 0, min: 2 });
    expect(e.alternative).toBe('less');
  });
  it('a constant variable: zeroVariance naming the function, NaN (either side)', () => {
    for (const [x, y] of [[[1, 2, 3, 4], [5, 5, 5, 5]], [[7, 7, 7], [1, 2, 3]]]) {
      const r = spearmanCorrelation(x, y);
      expect(codes(r)).toEqual(['stats.zeroVariance']);
      expect(r.warnings[0].params).toEqual({ what: 'spearmanCorrelation' });
      expect(r.estimate).toBeNaN();
      expect(r.statistic).toBeNaN();
      expect(r.pValue).toBeNaN();
      expect(r.pValueMethod).toBe('t');
      expect(r.n).toBe(x.length);
    }
  });
  it('incomplete pairs are dropped (NaN in x or y) and counted', () => {
    const r = spearmanCorrelation([1, 2, NaN, 3, 4, 5, 6, 7, 8], [3, 1, 9, 2, 7, 5, 4, 6, NaN]);
    expect(r.n).toBe(7);
    expect(r.nMissing).toBe(2);
    close(r.statistic, 20);
  });
  it('errors name the function and the option', () => {
    const fn = 'spearmanCorrelation\\(x, y, opts\\)';
    expect(() => spearmanCorrelation([1, 2, 3], [1, 2])).toThrow(RangeError);
    expect(() => spearmanCorrelation([1, 2, 3], [1, 2])).toThrow(new RegExp(`^${fn}\\(x, y\\): lengths differ \\(3 and 2\\)$`));
    expect(() => spearmanCorrelation([1, 2], 'ab' as unknown as number[])).toThrow(TypeError);
    expect(() => spearmanCorrelation([1, 2], 'ab' as unknown as number[])).toThrow(new RegExp(`^${fn}\\(y\\): expected a Float64Array or an array of numbers, got string$`));
    expect(() => spearmanCorrelation([1, null as unknown as number], [1, 2])).toThrow(TypeError);
    expect(() => spearmanCorrelation([1, null as unknown as number], [1, 2])).toThrow(new RegExp(`^${fn}\\(x\\): element 1 is not a number \\(null\\); use NaN for missing$`));
    expect(() => spearmanCorrelation([1, 2], [Infinity, 2])).toThrow(RangeError);
    expect(() => spearmanCorrelation([1, 2], [Infinity, 2])).toThrow(new RegExp(`^${fn}\\(y\\): element 0 is Infinity; values must be finite \\(NaN for missing\\)$`));
    expect(() => spearmanCorrelation([1, 2], [1, 2], { alternative: 'two-sided' as Alt })).toThrow(new RegExp(`^${fn}: opts.alternative must be 'two.sided', 'less' or 'greater', got two-sided$`));
    expect(() => spearmanCorrelation([1, 2], [1, 2], { exact: 'yes' as unknown as boolean })).toThrow(TypeError);
    expect(() => spearmanCorrelation([1, 2], [1, 2], { exact: 'yes' as unknown as boolean })).toThrow(new RegExp(`^${fn}: opts.exact must be a boolean, got yes$`));
    expect(() => spearmanCorrelation([1, 2], [1, 2], { continuity: 0 as unknown as boolean })).toThrow(TypeError);
    expect(() => spearmanCorrelation([1, 2], [1, 2], { continuity: 0 as unknown as boolean })).toThrow(new RegExp(`^${fn}: opts.continuity must be a boolean, got 0$`));
  });
});

describe('R 4.2.2 cor.test(x, y, method = "spearman", …): continuity, Edgeworth series, switches', () => {
  const x7 = [1, 2, 3, 4, 5, 6, 7];
  it('continuity correction in the t approximation: den = (n³ − n)/6 + 1', () => {
    const y = [3, 1, 2, 7, 5, 4, 6];
    // cor.test(1:7, c(3,1,2,7,5,4,6), method = "spearman", exact = FALSE, continuity = TRUE, alternative = …)
    close(spearmanCorrelation(x7, y, { exact: false, continuity: true }).pValue, 0.11466108907689081);
    close(spearmanCorrelation(x7, y, { exact: false, continuity: true, alternative: 'less' }).pValue, 0.94266945546155467);
    close(spearmanCorrelation(x7, y, { exact: false, continuity: true, alternative: 'greater' }).pValue, 0.057330544538445403);
    const z = [5, 7, 6, 1, 3, 4, 2];
    // cor.test(1:7, c(5,7,6,1,3,4,2), …, exact = FALSE, continuity = TRUE): S = 92 > 56, upper tail
    close(spearmanCorrelation(x7, z, { exact: false, continuity: true }).pValue, 0.14241955182641061);
    close(spearmanCorrelation(x7, z, { exact: false, continuity: true, alternative: 'less' }).pValue, 0.071209775913205306);
    // continuity has no effect on the exact test
    close(spearmanCorrelation(x7, y, { continuity: true }).pValue, 0.1388888888888889);
    // ties force the t approximation, with the correction: cor.test(c(1,2,2,3,4,5,6), c(2,1,3,3,5,6,4), …, continuity = TRUE)
    const t = spearmanCorrelation([1, 2, 2, 3, 4, 5, 6], [2, 1, 3, 3, 5, 6, 4], { continuity: true });
    close(t.pValue, 0.026376077116634644);
    expect(codes(t)).toEqual(['stats.tiesNoExactSpearman']);
  });
  it('n = 15: perfect agreement and reversal (Edgeworth, clipped to [0, 1])', () => {
    const x = Array.from({ length: 15 }, (_, i) => i + 1);
    const rev = x.slice().reverse();
    const cases: [number[], Alt, number][] = [
      [x, 'two.sided', 0], [x, 'less', 1], [x, 'greater', 0],
      [rev, 'two.sided', 0], [rev, 'less', 0], [rev, 'greater', 1],
    ];
    for (const [y, alternative, p] of cases) {
      const r = spearmanCorrelation(x, y, { alternative });
      expect(r.pValueMethod).toBe('Edgeworth');
      expect(r.pValue).toBe(p);
      expect(r.warnings).toEqual([]);
    }
    // hand: S = 0 and (n³ − n)/3 = 1120
    close(spearmanCorrelation(x, x).statistic, 0);
    close(spearmanCorrelation(x, rev).statistic, 1120);
  });
  it('n = 15, 16, 20, 30: the AS 89 Edgeworth series as R', () => {
    const seq = (n: number): number[] => Array.from({ length: n }, (_, i) => i + 1);
    const y15 = [2, 1, 4, 3, 6, 5, 8, 7, 10, 9, 12, 11, 14, 13, 15];
    const y16 = [3, 9, 1, 14, 7, 16, 2, 11, 5, 13, 8, 4, 15, 10, 6, 12];
    const y20 = [5, 1, 12, 3, 9, 17, 2, 8, 20, 14, 6, 11, 19, 4, 15, 10, 13, 18, 7, 16];
    const y30 = seq(30).map((i) => (i * 7) % 31);
    const cases: [number[], Alt, number, number][] = [
      // y, alternative, S, p — cor.test(1:n, y, method = "spearman", alternative = …)
      [y15, 'two.sided', 14, 0],
      [y15, 'greater', 14, 0],
      [y16, 'two.sided', 510, 0.34913175778745836],
      [y16, 'less', 510, 0.82833797222387695],
      [y16, 'greater', 510, 0.17456587889372918],
      [y20, 'two.sided', 772, 0.066834981818297001],
      [y20, 'less', 772, 0.9671060280517001],
      [y20, 'greater', 772, 0.033417490909148501],
      [y30, 'two.sided', 4092, 0.63635017058467291],
      [y30, 'greater', 4092, 0.31817508529233646],
    ];
    for (const [y, alternative, S, p] of cases) {
      const r = spearmanCorrelation(seq(y.length), y, { alternative });
      expect(r.pValueMethod).toBe('Edgeworth');
      close(r.statistic, S);
      close(r.pValue, p);
      expect(r.warnings).toEqual([]);
    }
    // cor.test(1:15, rev(y15), alternative = "less"): S = 1106, p = 0
    const l = spearmanCorrelation(seq(15), y15.slice().reverse(), { alternative: 'less' });
    close(l.statistic, 1106);
    expect(l.pValue).toBe(0);
  });
  it('n = 1290 is the last Edgeworth size, n = 1291 uses t (y = 7i mod 1291 / mod 1297)', () => {
    const x1 = Array.from({ length: 1290 }, (_, i) => i + 1);
    const y1 = x1.map((i) => (i * 7) % 1291);
    const a = spearmanCorrelation(x1, y1);
    expect(a.pValueMethod).toBe('Edgeworth');
    close(a.estimate, 0.14153030111678425);
    close(a.statistic, 307144392);
    close(a.pValue, 3.42150718394794e-07); // cor.test(…, exact = TRUE)
    close(spearmanCorrelation(x1, y1, { alternative: 'greater' }).pValue, 1.71075359197397e-07);
    const x2 = Array.from({ length: 1291 }, (_, i) => i + 1);
    const y2 = x2.map((i) => (i * 7) % 1297);
    const b = spearmanCorrelation(x2, y2);
    expect(b.pValueMethod).toBe('t');
    close(b.estimate, 0.13050768405626573);
    close(b.pValue, 2.5411793831370107e-06); // cor.test(1:1291, (1:1291 * 7) %% 1297, method = "spearman", exact = TRUE)
    close(spearmanCorrelation(x2, y2, { alternative: 'less' }).pValue, 0.99999872941030843);
    expect(b.warnings).toEqual([]);
  });
  it('R uses the series from n = 10, satlab the exact distribution up to 14: a warning only where R is off by more than 1 %', () => {
    const x = Array.from({ length: 11 }, (_, i) => i + 1);
    const near = [2, 1, 4, 3, 6, 5, 8, 7, 10, 9, 11]; // S = 10
    // exact (recursion of fixtures/spearman-exact.py): P(S ≤ 10) = 1.4154441237774571e-05, P(S ≥ 10) = 0.9999930605659773
    // R: two-sided 0, greater 0, less 1
    const two = spearmanCorrelation(x, near);
    expect(two.pValueMethod).toBe('exact');
    close(two.pValue, 2.8308882475549142e-05);
    expect(codes(two)).toEqual(['stats.spearmanExactDiffersFromR']);
    expect(two.warnings[0].params).toEqual({ n: 11, rValue: 0, pValue: two.pValue });
    const g = spearmanCorrelation(x, near, { alternative: 'greater' });
    close(g.pValue, 1.4154441237774571e-05);
    expect(codes(g)).toEqual(['stats.spearmanExactDiffersFromR']);
    expect(g.warnings[0].params).toEqual({ n: 11, rValue: 0, pValue: g.pValue });
    const l = spearmanCorrelation(x, near, { alternative: 'less' });
    close(l.pValue, 0.9999930605659773);
    expect(l.warnings).toEqual([]);
    // reversed: S = 430; less 1.4154441237774571e-05 (R 0, warning), greater 0.9999930605659773 (R 1, none)
    const far = near.map((v) => 12 - v);
    const fl = spearmanCorrelation(x, far, { alternative: 'less' });
    close(fl.statistic, 430);
    close(fl.pValue, 1.4154441237774571e-05);
    expect(codes(fl)).toEqual(['stats.spearmanExactDiffersFromR']);
    expect(fl.warnings[0].params).toMatchObject({ n: 11, rValue: 0 });
    expect(spearmanCorrelation(x, far, { alternative: 'greater' }).warnings).toEqual([]);
    // moderate S = 160: exact 0.41812860750360753 (two-sided), 0.20906430375180377 (greater), 0.7988252565335898 (less);
    // R 0.41816699402065688, 0.20908349701032844, 0.79893205254106936: within 1 %, no warning
    const y = [5, 2, 9, 1, 11, 3, 7, 10, 4, 6, 8];
    const want: [Alt, number][] = [['two.sided', 0.41812860750360753], ['greater', 0.20906430375180377], ['less', 0.7988252565335898]];
    for (const [alternative, p] of want) {
      const r = spearmanCorrelation(x, y, { alternative });
      close(r.pValue, p);
      expect(r.warnings).toEqual([]);
    }
  });
});

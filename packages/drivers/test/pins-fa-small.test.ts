import { describe, expect, it } from 'vitest';
import { matrixFromRows } from '@satlab/stats';
import type { Matrix } from '@satlab/stats';
import { bartlettSphericity, kmo } from '@satlab/drivers';

// Pinning tests of bartlettSphericity and kmo (issue 18). References: numpy/scipy (calls beside
// the values) and hand computations. Every call is made inside its `it` (docs/mutation.md).

const R3 = [
  [1, 0.5, 0.4],
  [0.5, 1, 0.3],
  [0.4, 0.3, 1],
];
const R4 = [
  [1, 0.6, 0.5, 0.1],
  [0.6, 1, 0.55, 0.05],
  [0.5, 0.55, 1, 0.1],
  [0.1, 0.05, 0.1, 1],
];
const rel = (a: number, b: number): number => Math.abs(a - b) / Math.abs(b);

describe("bartlettSphericity: χ² = −ln|R|·(n − 1 − (2p + 5)/6), df = p(p − 1)/2", () => {
  it('2 × 2, r = 0.5, n = 100: every field', () => {
    const b = bartlettSphericity(matrixFromRows([[1, 0.5], [0.5, 1]]), 100);
    // hand: −ln(0.75)·(99 − 9/6) = 0.2876820724517809 · 97.5; scipy.stats.chi2.sf(28.049002064048636, 1) = 1.1828208985333129e-07
    expect(rel(b.statistic, -Math.log(0.75) * 97.5)).toBeLessThan(1e-12);
    expect(rel(b.statistic, 28.049002064048636)).toBeLessThan(1e-12);
    expect(b.df).toBe(1);
    expect(rel(b.pValue, 1.1828208985333129e-7)).toBeLessThan(1e-9);
    expect(b.n).toBe(100);
    expect(b.p).toBe(2);
    expect(b.method).toBe("Bartlett's test of sphericity (psych::cortest.bartlett)");
  });

  it('3 × 3 and 4 × 4 matrices (numpy slogdet, scipy chi2.sf)', () => {
    const b3 = bartlettSphericity(matrixFromRows(R3), 50);
    // numpy: slogdet(R3) = −0.4780358009429998; · (49 − 11/6) = 22.54735527781149; chi2.sf(., 3) = 5.017760786990208e-05
    expect(rel(b3.statistic, 22.54735527781149)).toBeLessThan(1e-12);
    expect(b3.df).toBe(3);
    expect(rel(b3.pValue, 5.017760786990208e-5)).toBeLessThan(1e-9);
    expect(b3.p).toBe(3);
    const b4 = bartlettSphericity(matrixFromRows(R4), 30);
    // numpy: slogdet(R4) = −0.8881893017632801; · (29 − 13/6) = 23.833079597314683; chi2.sf(., 6) = 0.0005604930547549404
    expect(rel(b4.statistic, 23.833079597314683)).toBeLessThan(1e-12);
    expect(b4.df).toBe(6);
    expect(rel(b4.pValue, 0.0005604930547549404)).toBeLessThan(1e-9);
  });

  it('near-identity matrix: small χ², large p-value (negative correlation included)', () => {
    const b = bartlettSphericity(matrixFromRows([[1, 0.05, 0.02], [0.05, 1, -0.03], [0.02, -0.03, 1]]), 20);
    // numpy: slogdet = −0.0038674690264900438; · (19 − 11/6) = 0.06639155162141243; chi2.sf(., 3) = 0.995539799176232
    expect(rel(b.statistic, 0.06639155162141243)).toBeLessThan(1e-10);
    expect(rel(b.pValue, 0.995539799176232)).toBeLessThan(1e-9);
  });

  it('identity matrix: χ² = 0, p = 1; a non-integer n is accepted', () => {
    const b = bartlettSphericity(matrixFromRows([[1, 0, 0], [0, 1, 0], [0, 0, 1]]), 10.5);
    expect(b.statistic === 0).toBe(true);
    expect(b.pValue).toBe(1);
    expect(b.n).toBe(10.5);
  });

  it('singular R (r = 1): ln|R| = −∞, so χ² = +∞ and p = 0', () => {
    const b = bartlettSphericity(matrixFromRows([[1, 1, 0.2], [1, 1, 0.2], [0.2, 0.2, 1]]), 40);
    expect(b.statistic).toBe(Infinity);
    expect(b.pValue).toBe(0);
    expect(b.df).toBe(3);
  });

  it('n just above 1 is accepted (n = 1.5, 2 × 2 identity: ln|R| = 0, χ² = 0, p = 1)', () => {
    const b = bartlettSphericity(matrixFromRows([[1, 0], [0, 1]]), 1.5);
    expect(b.statistic === 0).toBe(true);
    expect(b.pValue).toBe(1);
    expect(b.df).toBe(1);
    expect(b.n).toBe(1.5);
  });

  it('errors: not a square Matrix → TypeError; n not a number > 1 → RangeError naming n', () => {
    const R = matrixFromRows([[1, 0.5], [0.5, 1]]);
    const msgR = /^bartlettSphericity\(r\): expected a square correlation Matrix$/;
    expect(() => bartlettSphericity(null as unknown as Matrix, 10)).toThrow(TypeError);
    expect(() => bartlettSphericity(null as unknown as Matrix, 10)).toThrow(msgR);
    expect(() => bartlettSphericity(undefined as unknown as Matrix, 10)).toThrow(msgR);
    expect(() => bartlettSphericity({ rows: 2, cols: 2, data: [1, 0.5, 0.5, 1] } as unknown as Matrix, 10)).toThrow(msgR);
    expect(() => bartlettSphericity({ rows: 2, cols: 3, data: new Float64Array(6) }, 10)).toThrow(msgR);
    // a 1 × 1 matrix has no correlation to test (df = 0): its own error, not chiSquareSf's
    expect(() => bartlettSphericity(matrixFromRows([[1]]), 10)).toThrow(new RangeError('bartlettSphericity(r): at least 2 variables are needed, got 1'));
    expect(() => bartlettSphericity({ rows: 3, cols: 2, data: new Float64Array(6) }, 10)).toThrow(TypeError);
    expect(() => bartlettSphericity(R, 1)).toThrow(RangeError);
    expect(() => bartlettSphericity(R, 1)).toThrow(/^bartlettSphericity\(n\): expected a number of respondents > 1, got 1$/);
    expect(() => bartlettSphericity(R, 0)).toThrow(/got 0$/);
    expect(() => bartlettSphericity(R, NaN)).toThrow(/got NaN$/);
    expect(() => bartlettSphericity(R, '100' as unknown as number)).toThrow(/^bartlettSphericity\(n\): expected a number of respondents > 1, got 100$/);
  });
});

describe('kmo: MSA = Σr² / (Σr² + Σq²) over off-diagonal cells, q the partial correlations', () => {
  it('3 × 3 matrix: overall and per item (numpy, psych::KMO formula)', () => {
    const k = kmo(matrixFromRows(R3));
    // numpy: Q = inv(R); P = Q/outer(√diag Q); r2, q2 = column sums off the diagonal; MSA = r2/(r2 + q2)
    expect(rel(k.overall, 0.6278611324060891)).toBeLessThan(1e-12);
    const ref = [0.5937886033451811, 0.6241058907153514, 0.6994022203245089];
    k.items.forEach((v, j) => expect(rel(v, ref[j])).toBeLessThan(1e-12));
    expect(k.items).toHaveLength(3);
    expect(k.method).toBe('Kaiser-Meyer-Olkin measure of sampling adequacy (psych::KMO)');
  });

  it('4 × 4 matrix with a weakly related item (numpy)', () => {
    const k = kmo(matrixFromRows(R4));
    expect(rel(k.overall, 0.6970374883686227)).toBeLessThan(1e-12);
    const ref = [0.6970999613104262, 0.6647287453534958, 0.7400739094779566, 0.6835528159284189];
    k.items.forEach((v, j) => expect(rel(v, ref[j])).toBeLessThan(1e-12));
  });

  it('2 × 2 matrix: partial correlation = r, so every MSA is 1/2 (hand: r²/(r² + r²))', () => {
    const k = kmo(matrixFromRows([[1, 0.3], [0.3, 1]]));
    expect(k.overall).toBeCloseTo(0.5, 14);
    expect(k.items[0]).toBeCloseTo(0.5, 14);
    expect(k.items[1]).toBeCloseTo(0.5, 14);
  });

  it('identity: 0/0, every MSA NaN', () => {
    const k = kmo(matrixFromRows([[1, 0, 0], [0, 1, 0], [0, 0, 1]]));
    expect(k.overall).toBeNaN();
    expect(k.items.every((v) => Number.isNaN(v))).toBe(true);
  });

  it('errors: not a square Matrix → TypeError; singular → RangeError', () => {
    const msgR = /^kmo\(r\): expected a square correlation Matrix$/;
    expect(() => kmo(null as unknown as Matrix)).toThrow(TypeError);
    expect(() => kmo(null as unknown as Matrix)).toThrow(msgR);
    expect(() => kmo({ rows: 2, cols: 2, data: [1, 0, 0, 1] } as unknown as Matrix)).toThrow(msgR);
    expect(() => kmo({ rows: 2, cols: 3, data: new Float64Array(6) })).toThrow(msgR);
    expect(() => kmo(matrixFromRows([[1, 1], [1, 1]]))).toThrow(RangeError);
    expect(() => kmo(matrixFromRows([[1, 1], [1, 1]]))).toThrow(/^kmo\(r\): the correlation matrix is singular \(collinear variables\); KMO is undefined$/);
  });
});

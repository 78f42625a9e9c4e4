import { describe, expect, it } from 'vitest';
import { matrixFromRows, symmetricEigen } from '@satlab/stats';
import type { Matrix } from '@satlab/stats';
import { extractMinres, extractPrincipal, extractPrincipalAxis, signByColumnSums, smc } from '../src/internal/extraction.js';

// Pinning tests of the factor extractions (issue 18). References: numpy (np.linalg), R psych
// (psych::smc, psych::fa fm = "pa" / "minres"), and the defining properties of each solution,
// checked here by hand. Every call is made inside its `it` (docs/mutation.md).

const R4 = [
  [1, 0.6, 0.5, 0.1],
  [0.6, 1, 0.55, 0.05],
  [0.5, 0.55, 1, 0.1],
  [0.1, 0.05, 0.1, 1],
];
const rows = (m: Matrix): number[][] => Array.from({ length: m.rows }, (_, i) => Array.from({ length: m.cols }, (_, j) => m.data[i + j * m.rows]));
const maxDiff = (a: ArrayLike<number>, b: ArrayLike<number>): number => {
  expect(a.length).toBe(b.length);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
};

describe('smc: squared multiple correlations 1 − 1/diag(R⁻¹), clamped to [0, 1]', () => {
  it('4 × 4 correlation matrix (numpy: 1 - 1/np.diag(np.linalg.inv(R4)))', () => {
    const s = smc(matrixFromRows(R4));
    expect(maxDiff(s, [0.40419985517740764, 0.4440540540540542, 0.35059194948697714, 0.014610778443113648])).toBeLessThan(1e-13);
  });
  it('a matrix whose 1 − 1/diag(R⁻¹) is negative is clamped to 0 (diag 2: 1 − 1/0.5 = −1)', () => {
    expect(Array.from(smc(matrixFromRows([[2, 0], [0, 2]])))).toEqual([0, 0]);
  });
  it('2 × 2: smc = r² (hand)', () => {
    const s = smc(matrixFromRows([[1, 0.6], [0.6, 1]]));
    expect(Math.abs(s[0] - 0.36)).toBeLessThan(1e-15);
    expect(Math.abs(s[1] - 0.36)).toBeLessThan(1e-15);
  });
});

describe('signByColumnSums', () => {
  it('flips the columns whose sum is negative, keeps the others (a zero sum is kept)', () => {
    const L = matrixFromRows([[-0.5, 0.2, 1], [-0.3, -0.1, -1], [0.1, 0.3, 0]]);
    signByColumnSums(L);
    expect(rows(L)).toEqual([[0.5, 0.2, 1], [0.3, -0.1, -1], [-0.1, 0.3, 0]]);
  });
});

describe('extractPrincipal: V_k·√λ_k with column sums made positive', () => {
  it('R4, 2 components (numpy eigh, columns signed by their sums)', () => {
    const e = extractPrincipal(matrixFromRows(R4), 2);
    const ref = [
      [0.83622553178529, -0.04753499010325613],
      [0.8543897723388871, -0.13432469118867546],
      [0.8098458434124204, -0.033683743073634906],
      [0.18521089211742164, 0.9815527150810722],
    ];
    expect(maxDiff(e.loadings.data, [0, 1].flatMap((j) => ref.map((r) => r[j])))).toBeLessThan(1e-12);
    expect(e.loadings.rows).toBe(4);
    expect(e.loadings.cols).toBe(2);
    expect(maxDiff(e.values, [2.119408387738193, 0.984883024977525, 0.5068736821035139, 0.3888349051807673])).toBeLessThan(1e-12);
    expect(e.iterations).toBe(0);
    expect(e.converged).toBe(true);
    expect(e.atBound).toEqual([]);
    expect(e.criterion).toBe(0);
  });
  it('a zero eigenvalue is floored at machine epsilon (psych::principal): √2.22e-16 = 1.49e-8', () => {
    const e = extractPrincipal(matrixFromRows([[1, 1], [1, 1]]), 2);
    // hand: eigenvalues 2 and 0, vectors (1, 1)/√2 and (1, −1)/√2
    const s = Math.sqrt(2.220446049250313e-16);
    expect(Math.abs(Math.abs(e.loadings.data[2]) - s / Math.SQRT2)).toBeLessThan(1e-20);
    expect(Math.abs(Math.abs(e.loadings.data[3]) - s / Math.SQRT2)).toBeLessThan(1e-20);
    expect(Math.abs(e.loadings.data[0] - 1)).toBeLessThan(1e-15);
    expect(Math.abs(e.loadings.data[1] - 1)).toBeLessThan(1e-15);
  });
  it('the correlation matrix is left unchanged', () => {
    const R = matrixFromRows(R4);
    const before = Array.from(R.data);
    extractPrincipal(R, 2);
    extractPrincipalAxis(R, 1);
    extractMinres(R, 1);
    expect(Array.from(R.data)).toEqual(before);
  });
});

/** max |ΛΛᵀ − V_kλ_kV_kᵀ| off and on the diagonal, where V, λ are the eigenpairs of R − diag(1 − h²(Λ)). */
function fixedPointGap(R: number[][], L: Matrix): number {
  const p = R.length;
  const k = L.cols;
  const h2 = Array.from({ length: p }, (_, i) => {
    let s = 0;
    for (let j = 0; j < k; j++) s += L.data[i + j * p] ** 2;
    return s;
  });
  const S = matrixFromRows(R.map((r, i) => r.map((v, j) => (i === j ? h2[i] : v))));
  const e = symmetricEigen(S);
  let m = 0;
  for (let a = 0; a < p; a++) {
    for (let b = 0; b < p; b++) {
      let ll = 0;
      let vv = 0;
      for (let j = 0; j < k; j++) {
        ll += L.data[a + j * p] * L.data[b + j * p];
        vv += e.vectors.data[a + j * p] * e.vectors.data[b + j * p] * e.values[j];
      }
      m = Math.max(m, Math.abs(ll - vv));
    }
  }
  return m;
}


// R 4.2.2, psych 2.2.9 (sprintf("%.17g"), row by row): d1_cor = cor(x) of the D1 ratings of
// pins-fa-psych.test.ts; d1_pa_* = unclass(psych::fa(x, 2 (or 1), fm = "pa", rotate = "none",
// max.iter, min.err)$loadings), iterations = length(f$communality.iterations); *_tight_* = the
// tightly converged minres solution (see pins-fa-psych.test.ts: psych's uniquenesses polished by
// ψ ← clamp(1 − rowSums(L²), 0.005, 1) until max |Δψ| < 1e-15).
const REF: Record<string, number[]> = {
  d1_cor: [1, 0.56694011845144632, 0.72833853673753024, 0.35873945180348782, 0.38444699449895814, 0.29253130251452036, 0.56694011845144632, 1, 0.66519918650775445, 0.33953204884829646, 0.51407196621666162, 0.55807143771633416, 0.72833853673753024, 0.66519918650775445, 1, 0.19060269262796123, 0.27458093457198912, 0.43436791680147518, 0.35873945180348782, 0.33953204884829646, 0.19060269262796123, 1, 0.62586745357499185, 0.57715489739804793, 0.38444699449895814, 0.51407196621666162, 0.27458093457198912, 0.62586745357499185, 1, 0.62758651148373601, 0.29253130251452036, 0.55807143771633416, 0.43436791680147518, 0.57715489739804793, 0.62758651148373601, 1],
  s5_cor: [1, 0.69469292232537272, 0.85155370688184251, 0.54820160413242802, 0.67073721824357846, 0.33436725271123197, 0.69469292232537272, 1, 0.76106777811650583, 0.59168224566157623, 0.65415630739564934, 0.34320370524720295, 0.85155370688184251, 0.76106777811650583, 1, 0.56564817261644196, 0.62111971387042764, 0.37810581593975312, 0.54820160413242802, 0.59168224566157623, 0.56564817261644196, 1, 0.81838650804196911, 0.64014750698037048, 0.67073721824357846, 0.65415630739564934, 0.62111971387042764, 0.81838650804196911, 1, 0.70932481840211081, 0.33436725271123197, 0.34320370524720295, 0.37810581593975312, 0.64014750698037048, 0.70932481840211081, 1],
  d1_pa_2f: [0.67671581104401901, -0.27589159884440639, 0.76295824682237701, -0.11834318817155218, 0.80136561959366115, -0.63821684172250648, 0.60307679039839224, 0.44070264534865977, 0.71954200738567053, 0.4425857253729279, 0.71378651948173988, 0.28607936619657792],
  d1_pa_maxit5: [0.68902002480699698, -0.32888970506010401, 0.77040224547864089, -0.1535862081541739, 0.75261133064681163, -0.5699502836270971, 0.61136397522983221, 0.43534419196482177, 0.72123207421903746, 0.41832554252021409, 0.72204591686946995, 0.28533121564992497],
  d1_pa_minerr6: [0.67597579532441754, -0.27169703086063068, 0.76227212972157377, -0.11488078234478309, 0.80574230280898385, -0.64349269695460964, 0.6022671700751302, 0.44132875981444281, 0.71885958732792021, 0.44409237465725776, 0.71321967564726274, 0.28698372351652957],
  d1_pa_1f: [0.66962469140409409, 0.79249120721018362, 0.67189883759983138, 0.58774316003356397, 0.69719853255867315, 0.72326141189143278],
  d1_tight_unrotated: [0.67880997009539212, -0.28995351889554138, 0.76506963329922606, -0.13020689237550451, 0.78639402142668136, -0.61978956331882717, 0.60577467315204947, 0.43818627946159844, 0.72206048279615065, 0.43755039981766963, 0.71573402944438391, 0.282869717716906],
  d1_tight_h2: [0.54485601862081423, 0.60228537861869846, 1.0025546597345703, 0.55897017014087047, 0.71282169319641264, 0.59229047810593638],
  s5_tight_unrotated: [0.82079210064727381, -0.3476376627680714, 0.77822277083287272, -0.22115252896022342, 0.85445568470302691, -0.40466285578759115, 0.80855066546559351, 0.29462003136576342, 0.91160839733281829, 0.30658331281373719, 0.61835357571562233, 0.46172857280510099],
};
const corr = (key: string): Matrix => {
  const d = REF[key];
  const p = Math.round(Math.sqrt(d.length));
  return matrixFromRows(Array.from({ length: p }, (_, i) => d.slice(i * p, i * p + p)));
};
const R6 = (key: string): number[][] => rows(corr(key));
/** max |L − ref|, ref given row by row. */
const gapRows = (L: Matrix, ref: number[]): number => maxDiff(rows(L).flat(), ref);

describe('extractPrincipalAxis (psych::fa fm = "pa")', () => {
  it('D1, 2 factors: psych loadings, 28 iterations, converged, last change below 0.001', () => {
    const e = extractPrincipalAxis(corr('d1_cor'), 2);
    expect(gapRows(e.loadings, REF.d1_pa_2f)).toBeLessThan(1e-9);
    expect(e.iterations).toBe(28);
    expect(e.converged).toBe(true);
    expect(e.criterion).toBeLessThanOrEqual(0.001);
    expect(e.criterion).toBeGreaterThan(0);
    expect(e.atBound).toEqual([]);
  });
  it('D1, 1 factor: psych loadings, 5 iterations', () => {
    const e = extractPrincipalAxis(corr('d1_cor'), 1);
    expect(gapRows(e.loadings, REF.d1_pa_1f)).toBeLessThan(1e-9);
    expect(e.iterations).toBe(5);
    expect(e.converged).toBe(true);
  });
  it('max.iter = 5: stopped after 5 iterations, not converged, psych’s loadings at that point', () => {
    const e = extractPrincipalAxis(corr('d1_cor'), 2, 0.001, 5);
    expect(gapRows(e.loadings, REF.d1_pa_maxit5)).toBeLessThan(1e-9);
    expect(e.iterations).toBe(5);
    expect(e.converged).toBe(false);
    expect(e.criterion).toBeGreaterThan(0.001);
  });
  it('min.err = 1e-6: 50 iterations (the cap), not converged, psych’s loadings', () => {
    const e = extractPrincipalAxis(corr('d1_cor'), 2, 1e-6);
    expect(gapRows(e.loadings, REF.d1_pa_minerr6)).toBeLessThan(1e-9);
    expect(e.iterations).toBe(50);
    expect(e.converged).toBe(false);
  });
  it('reduced eigenvalues are psych\'s f$values: those of the last matrix decomposed, whose diagonal holds the communalities of one iteration earlier', () => {
    const e = extractPrincipalAxis(corr('d1_cor'), 2);
    expect(e.iterations).toBeGreaterThan(2);
    const R = R6('d1_cor');
    const withDiagonal = (h2: number[]): number[] => Array.from(symmetricEigen(matrixFromRows(R.map((r, i) => r.map((v, j) => (i === j ? h2[i] : v))))).values);
    // the same iterations stopped one step earlier give the communalities on that diagonal
    const before = extractPrincipalAxis(corr('d1_cor'), 2, 0.001, e.iterations - 1);
    const h2Before = rows(before.loadings).map((r) => r[0] ** 2 + r[1] ** 2);
    expect(maxDiff(e.values, withDiagonal(h2Before))).toBeLessThan(1e-13);
    // and not the final communalities (psych::fa(x, 2, fm = "pa")$values differs from them by up to 6.3e-4 here)
    const h2 = rows(e.loadings).map((r) => r[0] ** 2 + r[1] ** 2);
    expect(maxDiff(e.values, withDiagonal(h2))).toBeGreaterThan(1e-4);
  });
});

describe('extractMinres (uniquenesses in [0.005, 1], stationarity to 1e-12)', () => {
  it('D1, 2 factors: the tight solution (item c at the bound 0.005), converged, criterion below 1e-12', () => {
    const e = extractMinres(corr('d1_cor'), 2);
    expect(gapRows(e.loadings, REF.d1_tight_unrotated)).toBeLessThan(1e-9);
    expect(e.atBound).toEqual([2]);
    expect(e.converged).toBe(true);
    expect(e.criterion).toBeLessThan(1e-12);
    expect(e.iterations).toBeGreaterThan(1);
    expect(e.iterations).toBeLessThan(500);
    const h2 = rows(e.loadings).map((r) => r[0] ** 2 + r[1] ** 2);
    expect(maxDiff(h2, REF.d1_tight_h2)).toBeLessThan(1e-9);
  });
  it('S5, 2 factors: the tight solution, no bound; ΛΛᵀ is the rank-2 part of R − diag(ψ) (fixed point, checked by hand)', () => {
    const e = extractMinres(corr('s5_cor'), 2);
    expect(gapRows(e.loadings, REF.s5_tight_unrotated)).toBeLessThan(1e-9);
    expect(e.atBound).toEqual([]);
    expect(fixedPointGap(R6('s5_cor'), e.loadings)).toBeLessThan(1e-11);
    const R = R6('s5_cor');
    const h2 = rows(e.loadings).map((r) => r[0] ** 2 + r[1] ** 2);
    const ev = Array.from(symmetricEigen(matrixFromRows(R.map((r, i) => r.map((v, j) => (i === j ? h2[i] : v))))).values);
    expect(maxDiff(e.values, ev)).toBeLessThan(1e-13);
  });
  it('Newton steps: converged within 10 iterations from the SMC start, where the fixed-point iteration needs about a hundred', () => {
    // R: the fixed-point iteration ψ ← clamp(1 − rowSums(L²), 0.005, 1) from ψ = 1 − smc(R) needs 91 (D1)
    // and 120 (S5) iterations to reach max |Δψ| < 1e-15 (tight_minres of pins-fa-psych.test.ts); projected
    // Newton converges quadratically near the solution.
    for (const key of ['d1_cor', 's5_cor']) {
      const e = extractMinres(corr(key), 2);
      expect(e.converged).toBe(true);
      expect(e.iterations).toBeLessThanOrEqual(10);
      expect(e.iterations).toBeGreaterThanOrEqual(2);
    }
  });
  it('one iteration allowed: not converged, iterations = 1, criterion above the tolerance', () => {
    const e = extractMinres(corr('s5_cor'), 2, 1e-12, 1);
    expect(e.converged).toBe(false);
    expect(e.iterations).toBe(1);
    expect(e.criterion).toBeGreaterThan(1e-12);
    expect(e.criterion).toBeLessThan(Infinity);
  });
  it('a loose tolerance stops earlier, at a point within it', () => {
    const tight = extractMinres(corr('s5_cor'), 2);
    const loose = extractMinres(corr('s5_cor'), 2, 1e-3);
    expect(loose.converged).toBe(true);
    expect(loose.criterion).toBeLessThan(1e-3);
    expect(loose.iterations).toBeLessThanOrEqual(tight.iterations);
  });
  it('one factor on R4: a fixed point (checked by hand), positive loadings', () => {
    const e = extractMinres(matrixFromRows(R4), 1);
    expect(e.converged).toBe(true);
    expect(fixedPointGap(R4, e.loadings)).toBeLessThan(1e-11);
    expect(e.loadings.data.every((v) => v > 0)).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { CollinearDriversError, factorAnalysis } from '@satlab/drivers';
import { renderMessage } from '@satlab/messages';
import type { FactorAnalysisOptions, FactorAnalysisResult } from '@satlab/drivers';

// Pinning tests of factorAnalysis' bookkeeping (issue 18): errors and their wording, warnings (and
// their absence), names, labels, flags, missing rows, options. Numeric references from psych are in
// pins-fa-psych.test.ts. Every call is made inside its `it` (docs/mutation.md).

// 30 respondents × 6 items (two correlated factors; generated once by a seeded script, written here).
const S5: Record<string, number[]> = {
  a: [3, 5, 4, 1, 3, 3, 4, 4, 4, 5, 3, 5, 1, 4, 2, 5, 1, 2, 3, 3, 2, 2, 3, 1, 2, 4, 3, 4, 5, 3],
  b: [2, 5, 3, 1, 2, 4, 3, 2, 5, 5, 3, 5, 2, 3, 4, 3, 2, 1, 3, 3, 3, 3, 4, 2, 2, 4, 4, 4, 5, 3],
  c: [3, 5, 4, 1, 3, 4, 3, 2, 5, 5, 3, 5, 1, 4, 2, 4, 2, 2, 4, 3, 2, 2, 3, 1, 1, 3, 3, 4, 4, 4],
  d: [2, 3, 3, 1, 2, 2, 4, 3, 5, 5, 2, 5, 2, 4, 4, 3, 4, 3, 4, 4, 3, 1, 4, 2, 3, 3, 2, 4, 5, 3],
  e: [3, 3, 3, 1, 2, 2, 4, 3, 5, 5, 2, 5, 1, 3, 4, 3, 2, 4, 4, 3, 2, 2, 5, 1, 3, 4, 3, 4, 5, 3],
  f: [3, 1, 4, 2, 1, 2, 2, 2, 5, 3, 1, 4, 1, 2, 4, 4, 3, 4, 5, 3, 2, 1, 3, 2, 3, 4, 3, 4, 5, 3],
};
// 12 respondents × 3 weakly related items: KMO below 0.5, Bartlett not significant.
const WEAK = {
  a: [1, 2, 3, 4, 5, 1, 2, 3, 4, 5, 3, 2],
  b: [2, 1, 4, 3, 5, 5, 1, 2, 3, 4, 2, 4],
  c: [5, 3, 1, 2, 4, 2, 4, 1, 3, 5, 3, 3],
};
const codes = (r: FactorAnalysisResult): string[] => r.warnings.map((w) => w.code);
const run = (o: FactorAnalysisOptions = {}, data: Record<string, ArrayLike<number>> = S5): FactorAnalysisResult =>
  factorAnalysis(data as Record<string, number[]>, { parallel: { iterations: 5 }, ...o });

describe('factorAnalysis: input errors and their wording', () => {
  it('items not an object → TypeError', () => {
    expect(() => factorAnalysis(null as unknown as Record<string, number[]>)).toThrow(TypeError);
    expect(() => factorAnalysis(null as unknown as Record<string, number[]>)).toThrow(/^factorAnalysis\(items\): expected an object \{ name: values \}$/);
    expect(() => factorAnalysis(5 as unknown as Record<string, number[]>)).toThrow(/^factorAnalysis\(items\): expected an object \{ name: values \}$/);
    expect(() => factorAnalysis('abc' as unknown as Record<string, number[]>)).toThrow(TypeError);
  });

  it('fewer than 3 items → RangeError giving the count (3 accepted)', () => {
    expect(() => factorAnalysis({ a: S5.a, b: S5.b })).toThrow(RangeError);
    expect(() => factorAnalysis({ a: S5.a, b: S5.b })).toThrow(/^factorAnalysis\(items\): at least 3 items are needed, got 2$/);
    expect(() => factorAnalysis({})).toThrow(/got 0$/);
    expect(run({ nfactors: 1 }, { a: S5.a, b: S5.b, c: S5.c }).items).toEqual(['a', 'b', 'c']);
  });

  it('unknown extraction or rotation → RangeError listing the choices', () => {
    expect(() => run({ extraction: 'ml' as 'pa' })).toThrow(/^factorAnalysis\(options\.extraction\): expected 'minres', 'pa' or 'pc', got ml$/);
    expect(() => run({ rotate: 'quartimax' as 'none' })).toThrow(/^factorAnalysis\(options\.rotate\): expected 'varimax', 'oblimin', 'promax' or 'none', got quartimax$/);
    expect(() => run({ extraction: '' as 'pa' })).toThrow(RangeError);
    expect(() => run({ rotate: '' as 'none' })).toThrow(RangeError);
  });

  it('no more complete respondents than items → RangeError (n = p + 1 accepted)', () => {
    const three = { a: [1, 2, 3], b: [2, 1, 3], c: [3, 1, 2] };
    expect(() => factorAnalysis(three)).toThrow(RangeError);
    expect(() => factorAnalysis(three)).toThrow(/^factorAnalysis: 3 complete respondent\(s\) for 3 items; more respondents than items are needed$/);
    const withNa = { a: [1, 2, 3, NaN], b: [2, 1, 3, 4], c: [3, 1, 2, 1] };
    expect(() => factorAnalysis(withNa)).toThrow(/^factorAnalysis: 3 complete respondent\(s\) for 3 items/);
    const four = { a: [1, 2, 3, 4], b: [2, 1, 4, 3], c: [3, 1, 2, 4] };
    const r = factorAnalysis(four, { nfactors: 1, parallel: { iterations: 2 } });
    expect(r.n).toBe(4);
  });

  it('a constant item → CollinearDriversError (reason "constant", noun "item")', () => {
    const x = { ...S5, k: S5.a.map(() => 3) };
    expect(() => factorAnalysis(x)).toThrow(CollinearDriversError);
    expect(() => factorAnalysis(x)).toThrow(/^factorAnalysis: item\(s\) with zero variance \(constant\): k$/);
    let err: unknown;
    try {
      factorAnalysis(x);
    } catch (e) {
      err = e;
    }
    expect((err as CollinearDriversError).reason).toBe('constant');
    expect((err as CollinearDriversError).drivers).toEqual(['k']);
  });

  it('an item constant only among the complete rows is also constant', () => {
    const k = S5.a.map((_, i) => (i === 4 ? 1 : 3));
    const x = { ...S5, a: S5.a.map((v, i) => (i === 4 ? NaN : v)), k };
    expect(() => factorAnalysis(x)).toThrow(/zero variance \(constant\): k$/);
  });

  it('linearly dependent items → CollinearDriversError (reason "aliased", noun "item") naming the aliased item', () => {
    const x = { a: S5.a, b: S5.b, c: S5.c, s: S5.a.map((v, i) => v + S5.b[i]) };
    expect(() => factorAnalysis(x)).toThrow(
      /^factorAnalysis: collinear items — s is a linear combination of the other items \(aliased, as lm\(\) reports NA\); drop or merge them$/,
    );
    let err: unknown;
    try {
      factorAnalysis(x);
    } catch (e) {
      err = e;
    }
    expect((err as CollinearDriversError).reason).toBe('aliased');
    expect((err as CollinearDriversError).drivers).toEqual(['s']);
  });

  it('nfactors out of range or not an integer → RangeError giving the bound (p − 1 for fa, p for pc)', () => {
    expect(() => run({ nfactors: 0 })).toThrow(/^factorAnalysis\(options\.nfactors\): expected an integer from 1 to 5, got 0$/);
    expect(() => run({ nfactors: 6 })).toThrow(/^factorAnalysis\(options\.nfactors\): expected an integer from 1 to 5, got 6$/);
    expect(() => run({ nfactors: 6, extraction: 'pa' })).toThrow(/from 1 to 5, got 6$/);
    expect(() => run({ nfactors: 1.5 })).toThrow(/from 1 to 5, got 1\.5$/);
    expect(() => run({ nfactors: 7, extraction: 'pc' })).toThrow(/^factorAnalysis\(options\.nfactors\): expected an integer from 1 to 6, got 7$/);
    expect(() => run({ nfactors: -1, extraction: 'pc' })).toThrow(/from 1 to 6, got -1$/);
    expect(run({ nfactors: 6, extraction: 'pc', rotate: 'none', scores: false, alpha: false }).nfactors).toBe(6);
    expect(run({ nfactors: 5, rotate: 'none', scores: false, alpha: false }).nfactors).toBe(5);
  });
});

describe('factorAnalysis: warnings', () => {
  it('clean data, n = 5p exactly, nfactors given: no warning at all', () => {
    const r = run({ nfactors: 2 });
    expect(r.warnings).toEqual([]);
    expect(r.nfactorsSource).toBe('given');
    expect(r.n).toBe(30);
    expect(r.nMissing).toBe(0);
  });

  it('nfactors from parallel analysis: the warning, the source, and k = max(1, min(suggested, p − 1))', () => {
    const r = run();
    expect(r.nfactorsSource).toBe('parallel analysis');
    expect(r.nfactors).toBe(Math.max(1, Math.min(r.parallel.suggestedComponents, 5)));
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0].code).toBe('drivers.nfactorsFromParallel');
    expect(r.warnings[0].params).toEqual({ k: r.nfactors });
    expect(r.warnings[0].text).toBe(`number of factors not given: ${r.nfactors} suggested by parallel analysis (components, 95th percentile)`);
  });

  it('nfactors from parallel analysis: 2 for two uncorrelated blocks of items, 1 (not 0) when none is suggested', () => {
    const n = 40;
    const f1 = Array.from({ length: n }, (_, i) => i % 5);
    const f2 = Array.from({ length: n }, (_, i) => Math.floor(i / 5) % 5);
    const x = {
      a: f1.map((v, i) => v + ((i * 7) % 3)), b: f1.map((v, i) => v + ((i * i) % 4)), c: f1.map((v, i) => v + ((i * 11) % 3)),
      d: f2.map((v, i) => v + ((i * i * 3) % 5)), e: f2.map((v, i) => v + ((i * 3) % 4)), f: f2.map((v, i) => v + ((i * 13 + i * i) % 3)),
    };
    const r = run({ parallel: { iterations: 20 } }, x);
    // the suggestions themselves are pinned in pins-fa-parallel.test.ts (simulation redone by hand)
    expect(r.parallel.suggestedComponents).toBe(2);
    expect(r.nfactors).toBe(2);
    expect(r.nfactorsSource).toBe('parallel analysis');
    expect(r.warnings.find((w) => w.code === 'drivers.nfactorsFromParallel')?.params).toEqual({ k: 2 });
    const w = run({ parallel: { iterations: 20 } }, WEAK);
    expect(w.parallel.suggestedComponents).toBe(0);
    expect(w.nfactors).toBe(1);
    expect(w.warnings.find((m) => m.code === 'drivers.nfactorsFromParallel')?.params).toEqual({ k: 1 });
  });

  it('weak items: few respondents, low KMO, low item MSA, Bartlett not significant, in this order with their parameters', () => {
    const r = run({ nfactors: 1, extraction: 'pc' }, WEAK);
    expect(codes(r)).toEqual(['drivers.efaFewRespondents', 'drivers.lowKmo', 'drivers.lowItemMsa', 'drivers.bartlettNotSignificant']);
    expect(r.warnings[0].params).toEqual({ n: 12, p: 3 });
    expect(r.warnings[0].text).toBe('only 12 respondents for 3 items (fewer than 5 per item): factor solutions are unstable');
    expect(r.warnings[1].params).toEqual({ kmo: r.kmo.overall });
    expect(r.kmo.overall).toBeLessThan(0.5);
    expect(r.warnings[2].params).toEqual({ names: ['a', 'b', 'c'] });
    expect(r.warnings[3].params).toEqual({ p: r.bartlett.pValue });
    expect(r.bartlett.pValue).toBeGreaterThan(0.05);
  });

  it('only the items with MSA below 0.5 are named; no low-KMO warning when the overall MSA is ≥ 0.5', () => {
    const x = { ...WEAK, d: [2, 2, 3, 3, 5, 1, 2, 4, 4, 5, 3, 1], e: WEAK.a.map((v, i) => v + ((i * 5) % 3)) };
    const r = run({ nfactors: 1, extraction: 'pc' }, x);
    // numpy (psych::KMO formula): overall 0.6824314912584742; items 0.682, 0.552, 0.160, 0.727, 0.751
    expect(r.kmo.overall).toBeCloseTo(0.6824314912584742, 12);
    expect(r.kmo.items.c).toBeCloseTo(0.16008929, 8);
    expect(r.kmo.items.b).toBeCloseTo(0.55226503, 8);
    // scipy: Bartlett p = 0.0007986058381252552 (significant)
    expect(codes(r)).toEqual(['drivers.efaFewRespondents', 'drivers.lowItemMsa']);
    expect(r.warnings[1].params).toEqual({ names: ['c'] });
    expect(r.warnings[1].text).toBe('item MSA below 0.5: c (consider dropping)');
  });

  it('missing values: listwise deletion, the warning with counts, per-variable counts, NaN score rows', () => {
    const x: Record<string, number[]> = Object.fromEntries(Object.entries(S5).map(([k, v]) => [k, v.slice()]));
    x.a[3] = NaN;
    x.c[7] = NaN;
    x.c[3] = NaN;
    x.f[29] = NaN;
    const r = run({ nfactors: 2 }, x);
    expect(r.n).toBe(27);
    expect(r.nTotal).toBe(30);
    expect(r.nMissing).toBe(3);
    expect(r.missingByVariable).toEqual({ a: 1, b: 0, c: 2, d: 0, e: 0, f: 1 });
    expect(codes(r)).toEqual(['drivers.itemsMissingDropped', 'drivers.efaFewRespondents']);
    expect(r.warnings[0].params).toEqual({ n: 3, nTotal: 30 });
    expect(renderMessage(r.warnings[0], 'en')).toBe('3 of 30 respondent(s) dropped (listwise): an item was missing');
    expect(r.warnings[1].params).toEqual({ n: 27, p: 6 });
    expect(r.scores).toHaveLength(30);
    for (const i of [3, 7, 29]) expect(r.scores![i].every((v) => Number.isNaN(v))).toBe(true);
    for (const i of [0, 1, 2, 4, 28]) expect(r.scores![i].every((v) => Number.isFinite(v))).toBe(true);
    expect(r.scores![0]).toHaveLength(2);
    expect(r.alphaDetail!.n).toBe(27);
  });

  it('Heywood case (principal axis): communality ≥ 1 named; minres reports the bound instead', () => {
    const r = run({ nfactors: 3, extraction: 'pa', rotate: 'none' });
    const hey = r.warnings.filter((w) => w.code === 'drivers.heywood');
    expect(hey).toHaveLength(1);
    const names = r.items.filter((_, i) => r.communalities[i] >= 1);
    expect(names.length).toBeGreaterThan(0);
    expect(hey[0].params).toEqual({ names });
    const pc = run({ nfactors: 3, extraction: 'pc', rotate: 'none' });
    expect(codes(pc)).toEqual([]);
  });

  it('alpha warnings are appended after the factor-analysis ones (reverse-keyed item)', () => {
    const x = { ...S5, r: S5.b.map((v, i) => 6 - v + ((i * 7) % 3) - 1) };
    const r = run({ nfactors: 2, extraction: 'pc' }, x);
    const c = codes(r);
    expect(c[c.length - 1]).toBe('drivers.reverseKeyed');
    expect(r.warnings[c.length - 1].params).toEqual({ names: ['r'] });
    expect(r.alphaDetail!.warnings.map((w) => w.code)).toEqual(['drivers.reverseKeyed']);
    const noAlpha = run({ nfactors: 2, extraction: 'pc', alpha: false }, x);
    expect(codes(noAlpha)).not.toContain('drivers.reverseKeyed');
    expect(noAlpha.alpha).toBeNull();
    expect(noAlpha.alphaDetail).toBeNull();
  });
});

describe('factorAnalysis: labels, names and flags', () => {
  it('method and Kaiser-normalization texts for every extraction × rotation', () => {
    const cases: [FactorAnalysisOptions['extraction'], FactorAnalysisOptions['rotate'], string, string][] = [
      ['minres', 'varimax', 'minimum residual (psych::fa fm = "minres"), varimax rotation', 'Kaiser normalization (rows scaled to unit length), stats::varimax'],
      ['pa', 'promax', 'iterated principal axis (psych::fa fm = "pa"), promax rotation', 'Kaiser normalization of the rows by √h² around the whole promax (psych::kaiser, m = 4)'],
      ['pc', 'promax', 'principal components (psych::principal), promax rotation', 'Kaiser normalization inside the varimax step only (stats::promax, m = 4)'],
      ['pc', 'oblimin', 'principal components (psych::principal), oblimin rotation', 'no normalization (GPArotation::oblimin default, as psych)'],
      ['minres', 'none', 'minimum residual (psych::fa fm = "minres"), unrotated', 'none (no rotation)'],
    ];
    for (const [extraction, rotate, method, kn] of cases) {
      const r = run({ nfactors: 2, extraction, rotate, scores: false, alpha: false });
      expect(r.method).toBe(`exploratory factor analysis: ${method}`);
      expect(r.kaiserNormalization).toBe(kn);
      expect(r.extraction).toBe(extraction);
      expect(r.rotation).toBe(rotate);
    }
  });

  it('defaults: minres extraction, varimax rotation, scores and alpha computed', () => {
    const r = factorAnalysis(S5, { nfactors: 2 });
    expect(r.extraction).toBe('minres');
    expect(r.rotation).toBe('varimax');
    expect(r.factorNames).toEqual(['MR1', 'MR2']);
    expect(r.scores).not.toBeNull();
    expect(r.alpha).toBe(r.alphaDetail!.alpha);
    expect(r.parallel.iterations).toBe(50);
    expect(r.parallel.seed).toBe(1);
  });

  it('one factor: unrotated whatever the rotation asked, no Φ, rotation flags at rest', () => {
    for (const rotate of ['varimax', 'oblimin', 'promax'] as const) {
      const r = run({ nfactors: 1, extraction: 'pc', rotate, alpha: false });
      expect(r.kaiserNormalization).toBe('none (one factor: no rotation)');
      expect(r.method).toBe('exploratory factor analysis: principal components (psych::principal), unrotated');
      expect(r.factorNames).toEqual(['PC1']);
      expect(r.phi).toBeNull();
      expect(r.convergence.rotation).toBe(true);
      expect(r.convergence.rotationIterations).toBe(0);
      expect(r.loadings.every((row) => row.length === 1)).toBe(true);
    }
    const pa = run({ nfactors: 1, extraction: 'pa', rotate: 'none', alpha: false });
    expect(pa.factorNames).toEqual(['PA1']);
    expect(pa.kaiserNormalization).toBe('none (no rotation)');
  });

  it('scores: false gives null scores; the weights are still returned', () => {
    const r = run({ nfactors: 2, scores: false });
    expect(r.scores).toBeNull();
    expect(r.scoreWeights).toHaveLength(6);
    expect(r.scoreWeights[0]).toHaveLength(2);
  });

  it('orthogonal solutions: Φ null, structure = loadings; oblique: structure = loadings · Φ', () => {
    const v = run({ nfactors: 2, rotate: 'varimax' });
    expect(v.phi).toBeNull();
    expect(v.structure).toEqual(v.loadings);
    const o = run({ nfactors: 2, rotate: 'oblimin' });
    const phi = o.phi!;
    expect(phi[0][0]).toBeCloseTo(1, 12);
    expect(phi[1][1]).toBeCloseTo(1, 12);
    expect(phi[0][1]).toBe(phi[1][0]);
    for (let i = 0; i < 6; i++) {
      for (let j = 0; j < 2; j++) {
        const s = o.loadings[i][0] * phi[0][j] + o.loadings[i][1] * phi[1][j];
        expect(Math.abs(o.structure[i][j] - s)).toBeLessThan(1e-14);
      }
    }
  });

  it('uniquenesses = 1 − h², proportions of p, cumulative sums, shares of the explained variance', () => {
    const r = run({ nfactors: 3, extraction: 'pc', rotate: 'oblimin' });
    r.uniquenesses.forEach((u, i) => expect(u).toBe(1 - r.communalities[i]));
    const v = r.varianceExplained;
    const sum = v.ssLoadings.reduce((a, b) => a + b, 0);
    v.ssLoadings.forEach((s, j) => {
      expect(v.proportion[j]).toBeCloseTo(s / 6, 14);
      expect(v.proportionExplained[j]).toBeCloseTo(s / sum, 14);
    });
    expect(v.cumulative[0]).toBeCloseTo(v.proportion[0], 14);
    expect(v.cumulative[1]).toBeCloseTo(v.proportion[0] + v.proportion[1], 14);
    expect(v.cumulative[2]).toBeCloseTo(sum / 6, 14);
    expect(v.ssLoadings[0]).toBeGreaterThanOrEqual(v.ssLoadings[1]);
    expect(v.ssLoadings[1]).toBeGreaterThanOrEqual(v.ssLoadings[2]);
  });

});

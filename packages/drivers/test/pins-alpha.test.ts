import { describe, expect, it } from 'vitest';
import { CollinearDriversError, cronbachAlpha } from '@satlab/drivers';
import type { CronbachAlphaResult } from '@satlab/drivers';

// Pinning tests of cronbachAlpha (issue 18) on small hand-made scales. References: psych::alpha's
// formulas re-derived in numpy (alpha.1: raw α = k/(k − 1)(1 − tr C/ΣC), std α, G6 from smc(R) =
// 1 − 1/diag(R⁻¹), r̄, S/N, ase = √(Q/n) with Duhachek & Iacobucci's Q, median of the lower
// triangle; item stats raw.r = cor(x, rowMeans(x, na.rm)), std.r, r.cor (diag ← smc), r.drop; the
// two-item drop rule of psych: raw C₁₂/C_oo, std = r̄ = median = r₁₂, G6 = smc₁ = r₁₂², se NA;
// cov(use = "pairwise") when values are missing). That numpy code reproduces the committed psych
// fixtures (efa-bfi.json, alpha-missing.json) to 3e-15; the values below are its output.

type Ref = { total: number[]; drop: Record<'raw' | 'std' | 'g6' | 'avr' | 'se', number[]>; item: Record<'rawR' | 'stdR' | 'rCor' | 'rDrop' | 'mean' | 'sd', number[]> };
const REF: Record<string, Ref> = {
  E1plain: {"total": [0.26330532212885166, 0.03685632437095313, 0.9200996842122475, 0.009476019529892707, 0.03826669405982617, 0.22045279875555224, 3.0625, 0.7288689868556626, 0.035089486104503353], "drop": {"raw": [-0.9941860465116283, -0.6557377049180328, -1.25, 0.9331713244228433], "std": [-1.7657777324283594, -1.0973678137831473, -2.4472958579566217, 0.9358749196138959], "g6": [0.3887672568421181, 0.8327940015586865, 0.4792523095544958, 0.9249848725601589], "avr": [-0.2703456691027418, -0.21124613309672088, -0.30999650723210576, 0.8294923875511394], "se": [0.8008074616220233, 0.7363729302923606, 0.685507917194608, 0.043213242103265104]}, "item": {"rawR": [0.9356014857063996, 0.8655462184873949, 0.9730255451346557, -0.750665464033198], "stdR": [0.9209479157733931, 0.8335324307099463, 0.9795963838070072, -0.7058478885767903], "rCor": [0.9413261986824403, 0.7909712947335845, 0.9848359625139042, -0.7716193008096145], "rDrop": [0.8093446482740974, 0.5895494344081469, 0.9152086306448588, -0.8646039078747936], "mean": [3.0, 3.125, 3.0, 3.125], "sd": [1.3093073414159542, 1.4577379737113252, 1.3093073414159542, 1.1259916264596033]}},
  E1q4: {"total": [0.9451219512195123, 0.9479823474853676, 0.9762512830960139, 0.8200163680212468, 18.2242431493559, 0.03231440730701422, 3.0, 1.2100767390069582, 0.8477160785111741], "drop": {"raw": [0.9041666666666666, 0.9323741007194244, 0.9414062499999998, 0.9331713244228433], "std": [0.9091385599496914, 0.9328310271031994, 0.9480759867811677, 0.9358749196138959], "g6": [0.8894126029331395, 0.96348840010456, 0.9271873288631817, 0.9249848725601589], "avr": [0.7693331281461551, 0.8223572442078323, 0.8588827121798603, 0.8294923875511394], "se": [0.056983387767677425, 0.04323311298109093, 0.03431428112787576, 0.043213242103265104]}, "item": {"rawR": [0.9692948572674898, 0.9313382085915607, 0.9016696346674322, 0.9174067674238889], "stdR": [0.970931289314417, 0.928172680633875, 0.8987185697898025, 0.9224189062241108], "rCor": [0.9727320940491035, 0.8981112510182068, 0.8903140186133718, 0.9146431626903773], "rDrop": [0.943299960147786, 0.8658316638380631, 0.8249579113843055, 0.8646039078747937], "mean": [3.0, 3.125, 3.0, 2.875], "sd": [1.3093073414159542, 1.4577379737113252, 1.3093073414159542, 1.1259916264596033]}},
  E1q1: {"total": [-7.155555555555561, -6.972231687706672, 0.48813803608601947, -0.27982168863263457, -0.8745646088607762, 5.344013996679638, 3.0625, 0.25877458475338283, -0.7508157618888723], "drop": {"raw": [-0.9941860465116283, -1.8151260504201683, -3.163043478260871, -2.420168067226891], "std": [-1.7657777324283594, -1.3952537101263771, -1.8704958581073323, -2.924907422952341], "g6": [0.3887672568421181, 0.8136175458964028, 0.5553467495405511, 0.41159326932409646], "avr": [-0.2703456691027418, -0.240955344474021, -0.2774808124460491, -0.3305049285077262], "se": [0.8008074616220233, 1.4487658251846776, 2.1562086256621367, 1.1750498346661271]}, "item": {"rawR": [-0.10540925533894598, 0.35503580124836315, 0.4216370213557839, 0.09192771195538435], "stdR": [0.16485823593877919, 0.05482829874212993, 0.19157040682735763, 0.39007927782066454], "rCor": [0.1707136247886391, -0.1925679846823432, 0.1476756774235987, 0.43404726510640856], "rDrop": [-0.8093446482740976, -0.7478991596638656, -0.681005224606999, -0.70714862553852], "mean": [3.0, 3.125, 3.0, 3.125], "sd": [1.3093073414159542, 1.4577379737113252, 1.3093073414159542, 1.1259916264596033]}},
  E2: {"total": [0.8687782805429864, 0.8691717283599387, 0.7686151382644183, 0.7686151382644182, 6.643607818585501, 0.10693291307388687, 3.0833333333333335, 1.3570801990548187, 0.7686151382644182], "drop": {"raw": [0.7384615384615384, 0.8], "std": [0.7686151382644182, 0.7686151382644182], "g6": [0.5907692307692309, 0.5907692307692309], "avr": [0.7686151382644182, 0.7686151382644182], "se": [NaN, NaN]}, "item": {"rawR": [0.9378901902940311, 0.9428131435964671], "stdR": [0.9403762912431433, 0.9403762912431434], "rCor": [0.8244344634455941, 0.824434463445594], "rDrop": [0.7686151382644182, 0.7686151382644182], "mean": [3.0, 3.1666666666666665], "sd": [1.4142135623730951, 1.4719601443879746]}},
  E3p: {"total": [0.9336384439359268, 0.934018430686145, 0.9048808780623765, 0.8251314895452028, 14.155747436731824, 0.03616234108360765, 2.962962962962963, 1.2604501449487142, 0.8232873040388315], "drop": {"raw": [0.9024979854955679, 0.8943231441048036, 0.9135399673735725], "std": [0.9030801697737239, 0.89446200060069, 0.9148323597058499], "g6": [0.8232873040388315, 0.8090739541170836, 0.843033210479693], "avr": [0.8232873040388315, 0.8090739541170837, 0.8430332104796929], "se": [0.061441675125587715, 0.06678161860146722, 0.05419522638835053]}, "item": {"rawR": [0.9479028512325619, 0.8918408716583007, 0.9335430309704931], "stdR": [0.940558811448393, 0.9455995170758112, 0.9335560075870296], "rCor": [0.8962105301306132, 0.9077262286523127, 0.8783228995735516], "rDrop": [0.8655649446971612, 0.8758932421582737, 0.8504466005443371], "mean": [2.875, 3.125, 2.75], "sd": [1.3562026818605375, 1.4577379737113252, 1.3887301496588271]}},
  E3l: {"total": [0.9179104477611941, 0.932584321385273, 0.9279088825333681, 0.8217822987038872, 13.83334471369615, 0.058470546770926064, 2.7777777777777772, 1.408965998590876, 0.7895420339517228], "drop": {"raw": [0.8450704225352113, 0.9491525423728813, 0.8571428571428572], "std": [0.845215620295261, 0.9711298032232136, 0.8823956285712176], "g6": [0.7319250547113998, 0.9438798074485389, 0.7895420339517228], "avr": [0.7319250547113998, 0.943879807448539, 0.7895420339517227], "se": [0.1264184587679209, 0.030575431647573557, 0.10280327387556085]}, "item": {"rawR": [0.963724682980653, 0.9048554173048936, 0.9465175763756637], "stdR": [0.9706240977719194, 0.8953600505151057, 0.9501646035056289], "rCor": [0.9751430033204948, 0.7912541064481374, 0.9463434260099488], "rDrop": [0.9303531470538672, 0.7670578361316336, 0.8665407417674351], "mean": [2.6666666666666665, 3.0, 2.6666666666666665], "sd": [1.2110601416389968, 1.6733200530681511, 1.632993161855452]}},
};

function near(a: number, b: number, tol = 1e-10): void {
  if (Number.isNaN(b)) expect(a).toBeNaN();
  else expect(Math.abs(a - b)).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(b)));
}
function check(a: CronbachAlphaResult, ref: Ref): void {
  const mine = [a.alpha, a.standardizedAlpha, a.g6, a.averageR, a.signalToNoise, a.se, a.mean, a.sd, a.medianR];
  mine.forEach((v, i) => near(v, ref.total[i]));
  const drop = { raw: 'alphaIfDropped', std: 'standardizedAlphaIfDropped', g6: 'g6IfDropped', avr: 'averageRIfDropped', se: 'seIfDropped' } as const;
  for (const [k, f] of Object.entries(drop)) {
    expect(a.items.length).toBe(ref.drop[k as keyof typeof drop].length);
    a.items.forEach((it, i) => near(it[f], ref.drop[k as keyof typeof drop][i]));
  }
  for (const k of ['rawR', 'stdR', 'rCor', 'rDrop', 'mean', 'sd'] as const) a.items.forEach((it, i) => near(it[k], ref.item[k][i]));
}

// Four items of 8 respondents, q4 worded the other way (range 2–5 while the scale's is 1–5, so that
// reversing it as max + min − x over all items, 6 − x, differs from its own 7 − x).
const E1 = (): Record<string, number[]> => ({ q1: [1, 2, 3, 4, 5, 2, 4, 3], q2: [2, 2, 3, 5, 4, 1, 5, 3], q3: [1, 3, 3, 4, 5, 2, 4, 2], q4: [4, 5, 3, 2, 2, 4, 2, 3] });
const nan = NaN;
// Three items of 10 respondents with missing answers: rows 1, 2, 4 miss one item, row 8 all three.
const E3 = (): Record<string, number[]> => ({
  x: [1, 2, nan, 4, 5, 2, 4, 3, nan, 2],
  y: [2, nan, 3, 5, 4, 1, 5, 2, nan, 3],
  z: [1, 3, 3, 4, nan, 2, 5, 3, nan, 1],
});

describe('cronbachAlpha: keys', () => {
  it('default: q4 (negative first-component loading) is reported, not reversed; every statistic as psych', () => {
    const a = cronbachAlpha(E1());
    check(a, REF.E1plain);
    expect(a.method).toBe("Cronbach's alpha with item statistics (psych::alpha)");
    expect([a.missing, a.n, a.nIncomplete, a.nTotal, a.nMissing, a.nItems]).toEqual(['pairwise', 8, 0, 8, 0, 4]);
    expect(a.missingByVariable).toEqual({ q1: 0, q2: 0, q3: 0, q4: 0 });
    expect(a.reverseKeyedSuspects).toEqual(['q4']);
    expect(a.reverseKeyed).toEqual([]);
    expect(a.droppedConstant).toEqual([]);
    expect(a.items.map((it) => [it.name, it.reversed])).toEqual([['q1', false], ['q2', false], ['q3', false], ['q4', false]]);
    expect(a.warnings.map((w) => [w.code, w.params])).toEqual([['drivers.reverseKeyedNotApplied', { names: ['q4'] }]]);
    expect(a.warnings[0].text).toBe('item(s) negatively related to the total, probably reverse-keyed: q4; run with checkKeys to reverse them');
  });

  it('checkKeys: q4 reversed as 6 − x (max + min over all items) with a warning; the given reverse list is ignored', () => {
    const a = cronbachAlpha(E1(), { checkKeys: true });
    check(a, REF.E1q4);
    expect(a.reverseKeyed).toEqual(['q4']);
    expect(a.reverseKeyedSuspects).toEqual(['q4']);
    expect(a.items.map((it) => it.reversed)).toEqual([false, false, false, true]);
    expect(a.warnings.map((w) => [w.code, w.params])).toEqual([['drivers.reverseKeyed', { names: ['q4'] }]]);
    expect(a.warnings[0].text).toBe('reverse-keyed item(s) detected (negative loading on the first principal component): q4');
    const b = cronbachAlpha(E1(), { checkKeys: true, reverse: ['q1', 'nope'] });
    check(b, REF.E1q4);
    expect(b.reverseKeyed).toEqual(['q4']);
  });

  it("reverse: ['q4'] gives the checkKeys result without a warning; reverse: ['q1'] reverses q1 and still reports q4", () => {
    const a = cronbachAlpha(E1(), { reverse: ['q4'] });
    check(a, REF.E1q4);
    expect(a.reverseKeyed).toEqual(['q4']);
    expect(a.reverseKeyedSuspects).toEqual(['q4']);
    expect(a.warnings).toEqual([]);
    const b = cronbachAlpha(E1(), { reverse: ['q1'] });
    check(b, REF.E1q1);
    expect(b.reverseKeyed).toEqual(['q1']);
    expect(b.items.map((it) => it.reversed)).toEqual([true, false, false, false]);
    expect(b.warnings.map((w) => [w.code, w.params])).toEqual([['drivers.reverseKeyedNotApplied', { names: ['q4'] }]]);
    const c = cronbachAlpha(E1(), { checkKeys: false, reverse: [] });
    check(c, REF.E1plain);
  });

  it('complete data: listwise and pairwise agree', () => {
    const a = cronbachAlpha(E1(), { missing: 'listwise', reverse: ['q4'] });
    check(a, REF.E1q4);
    expect([a.missing, a.n, a.nIncomplete]).toEqual(['listwise', 8, 0]);
    expect(a.warnings).toEqual([]);
  });
});

describe('cronbachAlpha: two items (psych’s drop rule)', () => {
  it('alpha if dropped = C₁₂/C_oo, std = r̄ = r₁₂, G6 = r₁₂², no standard error', () => {
    const a = cronbachAlpha({ a: [1, 2, 3, 4, 5, 3], b: Float64Array.of(2, 1, 4, 3, 5, 4) });
    check(a, REF.E2);
    // hand: var(a) = 2, var(b) = 13/6, cov = 8/5 = 1.6; dropping a leaves b: 1.6/(13/6) = 0.7384615…;
    // dropping b: 1.6/2 = 0.8 (psych divides by the remaining item's variance)
    expect(a.nItems).toBe(2);
    expect(a.items.map((it) => it.seIfDropped)).toEqual([NaN, NaN]);
    expect(a.items[0].averageRIfDropped).toBe(a.averageR);
  });
});

describe('cronbachAlpha: missing values', () => {
  it('pairwise (default): all 10 respondents, covariances from pairs, the total the mean of the items answered', () => {
    const a = cronbachAlpha(E3());
    check(a, REF.E3p);
    expect([a.missing, a.n, a.nIncomplete, a.nTotal, a.nMissing]).toEqual(['pairwise', 10, 4, 10, 4]);
    expect(a.missingByVariable).toEqual({ x: 2, y: 2, z: 2 });
    expect(a.warnings.map((w) => [w.code, w.params])).toEqual([['drivers.alphaPairwise', { nIncomplete: 4, n: 10 }]]);
    expect(a.warnings[0].text).toBe('4 of 10 respondent(s) have a missing item: alpha uses pairwise-complete covariances (as psych::alpha)');
  });

  it('checkKeys with no negative loading: nothing reversed, no reverse-keying warning', () => {
    const a = cronbachAlpha(E3(), { checkKeys: true });
    check(a, REF.E3p);
    expect(a.reverseKeyed).toEqual([]);
    expect(a.reverseKeyedSuspects).toEqual([]);
    expect(a.warnings.map((w) => w.code)).toEqual(['drivers.alphaPairwise']);
  });

  it('listwise: the 6 complete respondents', () => {
    const a = cronbachAlpha(E3(), { missing: 'listwise' });
    check(a, REF.E3l);
    expect([a.missing, a.n, a.nIncomplete, a.nTotal, a.nMissing]).toEqual(['listwise', 6, 4, 10, 4]);
    expect(a.warnings.map((w) => [w.code, w.params])).toEqual([['drivers.itemsMissingDropped', { n: 4, nTotal: 10 }]]);
    expect(a.warnings[0].text).toBe('4 of 10 respondent(s) dropped (listwise): an item was missing');
  });

  it('constant items (NaN aside, or all missing) are dropped with a warning and leave the others’ statistics unchanged', () => {
    const items = { ...E3(), k: [3, 3, nan, 3, 3, 3, 3, 3, nan, 3], e: new Array<number>(10).fill(NaN) };
    const a = cronbachAlpha(items);
    check(a, REF.E3p);
    expect(a.droppedConstant).toEqual(['k', 'e']);
    expect(a.nItems).toBe(3);
    expect(a.items.map((it) => it.name)).toEqual(['x', 'y', 'z']);
    // every respondent now misses e: all 10 are incomplete
    expect(a.warnings.map((w) => [w.code, w.params])).toEqual([
      ['drivers.alphaPairwise', { nIncomplete: 10, n: 10 }],
      ['drivers.constantItems', { names: ['k', 'e'] }],
    ]);
    expect(a.warnings[1].text).toBe('item(s) with no variance dropped: k and e');
    // a constant listed in `reverse` is accepted (it is a known item)
    expect(cronbachAlpha({ ...E1(), c: [2, 2, 2, 2, 2, 2, 2, 2] }, { reverse: ['c', 'q4'] }).reverseKeyed).toEqual(['q4']);
    // an item that varies only at its last answer is kept
    const last = cronbachAlpha({ ...E1(), v: [1, 1, 1, 1, 1, 1, 1, 2] });
    expect(last.droppedConstant).toEqual([]);
    expect(last.nItems).toBe(5);
  });
});

describe('cronbachAlpha: errors', () => {
  it('malformed items and options: the exact messages', () => {
    expect(() => cronbachAlpha(null as never)).toThrow(new TypeError('cronbachAlpha(items): expected an object { name: values }'));
    expect(() => cronbachAlpha('q' as never)).toThrow(new TypeError('cronbachAlpha(items): expected an object { name: values }'));
    expect(() => cronbachAlpha({ a: [1, 2, 3] })).toThrow(new RangeError('cronbachAlpha(items): at least 2 items are needed, got 1'));
    expect(() => cronbachAlpha({})).toThrow(new RangeError('cronbachAlpha(items): at least 2 items are needed, got 0'));
    expect(() => cronbachAlpha(E1(), { missing: 'all' as never })).toThrow(new RangeError("cronbachAlpha(options.missing): expected 'pairwise' or 'listwise', got all"));
    expect(() => cronbachAlpha(E1(), { reverse: ['q9'] })).toThrow(new RangeError('cronbachAlpha(options.reverse): unknown item "q9"'));
    expect(() => cronbachAlpha({ a: [1, 2, 3], b: [1, 2] })).toThrow(new RangeError("cronbachAlpha(b): length 2 differs from a's 3"));
  });

  it('fewer than 3 complete respondents (listwise or nothing missing); pairwise has no such floor', () => {
    expect(() => cronbachAlpha({ a: [1, 2], b: [2, 1] })).toThrow(new RangeError('cronbachAlpha: 2 complete respondent(s); at least 3 are needed'));
    expect(() => cronbachAlpha({ a: [1, 2, 3, NaN], b: [2, 1, NaN, 3] }, { missing: 'listwise' })).toThrow(new RangeError('cronbachAlpha: 2 complete respondent(s); at least 3 are needed'));
    expect(cronbachAlpha({ a: [1, 2, 3], b: [2, 1, 3] }).n).toBe(3);
    // pairwise with only 2 complete respondents of 9: every pair has 4 to 6 answers, R is positive definite
    const x = [2, 3, NaN, 3, 3, NaN, 3, 3, NaN];
    const y = [2, 4, 5, NaN, 2, 5, NaN, 4, 5];
    const z = [NaN, 2, 4, 4, 3, 4, 3, NaN, 4];
    const p = cronbachAlpha({ x, y, z });
    expect([p.missing, p.n, p.nIncomplete]).toEqual(['pairwise', 9, 7]);
    // numpy (alpha.py, pairwise): raw, std, G6, r̄, S/N, ase, mean, sd, median r
    const ref = [0.646659707724426, 0.6731344436924742, 0.804181344794153, 0.4070398377085886, 2.0593618100867364, 0.10918912002260531, 3.462962962962963, 0.8966673550871651, 0.606976978666884];
    [p.alpha, p.standardizedAlpha, p.g6, p.averageR, p.signalToNoise, p.se, p.mean, p.sd, p.medianR].forEach((v, i) => near(v, ref[i]));
    expect(() => cronbachAlpha({ x, y, z }, { missing: 'listwise' })).toThrow(new RangeError('cronbachAlpha: 2 complete respondent(s); at least 3 are needed'));
  });

  it('fewer than 2 items with variance; collinear items', () => {
    expect(() => cronbachAlpha({ a: [1, 2, 3, 4], b: [2, 2, 2, 2] })).toThrow(new RangeError('cronbachAlpha(items): fewer than 2 items with variance'));
    expect(() => cronbachAlpha({ a: [1, 2, 3, 4], b: [2, 2, 2, 2], c: [5, 5, 5, 5] })).toThrow(new RangeError('cronbachAlpha(items): fewer than 2 items with variance'));
    const dup = (): unknown => cronbachAlpha({ a: [1, 2, 4, 3, 5], b: [1, 2, 4, 3, 5], c: [2, 1, 3, 5, 4] });
    expect(dup).toThrow(CollinearDriversError);
    expect(dup).toThrow('cronbachAlpha: collinear items — a, b, c are linear combinations of the other items (aliased, as lm() reports NA); drop or merge them');
    let err: unknown;
    try {
      dup();
    } catch (e) {
      err = e;
    }
    expect((err as CollinearDriversError).reason).toBe('aliased');
    expect((err as CollinearDriversError).drivers).toEqual(['a', 'b', 'c']);
    expect((err as Error).name).toBe('CollinearDriversError');
  });
});

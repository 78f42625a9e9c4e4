// ipaFromRatings pinned where mutation testing found it unchecked: the confidence level reaching
// every interval, the second importance axis (its cutoff under each rule, its quadrants and
// ranks), the exact list of warnings (none when nothing is uncertain), one and two valid ratings,
// exactly four rating pairs for r, values set aside on each axis, non-integer scales, the
// table form's options, and each documented error with its words.
// Reference values: R 4 (script in fixtures/pins-indicators.R, output quoted next to each value);
// cutoffs, quadrants and ranks worked out by hand from those means.
import { describe, expect, it } from 'vitest';
import { InputError, tableFromColumns } from '@satlab/data';
import { ipaFromRatings } from '@satlab/survey';
import type { IpaRatings, IpaRatingsResult } from '@satlab/survey';
import { close, closeAll } from './close.js';
import { caught, codes } from './pins.js';

const byName = (r: IpaRatingsResult, name: string) => r.attributes.find((a) => a.name === name)!;

// Ten respondents, four attributes given in the order Web, Prix, Accueil, Delai (so that ranks are
// not the input order).
const sat = {
  Accueil: [1, 2, 3, 4, 2, 3, 2, 4, 3, 1],
  Delai: [3, 4, 3, 4, 3, 4, 4, 3, 4, 3],
  Prix: [2, 2, 1, 3, 2, 1, 2, 2, 1, 2],
  Web: [4, 3, 4, 4, 4, 3, 4, 4, 3, 4],
};
const imp = {
  Accueil: [4, 4, 3, 4, 4, 3, 4, 4, 3, 4],
  Delai: [3, 3, 4, 3, 2, 3, 3, 3, 4, 2],
  Prix: [2, 1, 2, 2, 1, 2, 2, 1, 2, 2],
  Web: [1, 2, 1, 2, 1, 1, 2, 2, 1, 2],
};
const overall = [2, 3, 2, 4, 2, 3, 3, 4, 3, 1];
const order = ['Web', 'Prix', 'Accueil', 'Delai'] as const;
const attributes: IpaRatings[] = order.map((name) => ({ name, satisfaction: sat[name], importance: imp[name] }));

// R (fixtures/pins-indicators.R), conf.level = 0.9:
//   mean(sat), t.test(sat)$conf.int, mean(imp), t.test(imp)$conf.int, cor.test(sat, overall)$estimate and $conf.int
const R = {
  Accueil: { s: 2.5, sCI: [1.8738727343542578, 3.1261272656457426], i: 3.7, iCI: [3.4199873742900109, 3.9800126257099899], r: 0.81325006079044426, rCI: [0.47372056454563621, 0.94230712472216793] },
  Delai: { s: 3.5, sCI: [3.1944811778906268, 3.8055188221093728], i: 3, iCI: [2.6135458616330292, 3.3864541383669704], r: 0.55555555555555558, rCI: [0.0046852156770964028, 0.84774372391431785] },
  Prix: { s: 1.8, sCI: [1.4333774134687527, 2.1666225865312474], i: 1.7, iCI: [1.4199873742900102, 1.9800126257099897], r: 0.2592592592592593, rCI: [-0.34202332576252503, 0.70991394904507688] },
  Web: { s: 3.7, sCI: [3.4199873742900109, 3.9800126257099899], i: 1.5, iCI: [1.194481177890627, 1.8055188221093728], r: -0.21821789023599239, rCI: [-0.68764809418652717, 0.37987375516575539] },
};
// R: mean and median of the attribute means / of the four r.
const cut = { satMean: 2.875, satMedian: 3, impMean: 2.475, impMedian: 2.35, rMean: 0.3524617463423167, rMedian: 0.40740740740740744 };

describe('ipaFromRatings: both axes at confidence 0.9 (R t.test, cor.test)', () => {
  // Computed inside each test (not once for the block), so that mutation testing sees each call.
  const run = () => ipaFromRatings({ attributes, overall }, { scale: [1, 5], confidence: 0.9 });

  it('every interval at the level asked for, with its counts', () => {
    const r = run();
    expect(r.confidence).toBe(0.9);
    for (const a of r.attributes) {
      const ref = R[a.name as keyof typeof R];
      close(a.satisfaction, ref.s, 1e-12, `${a.name} sat`);
      closeAll(a.satisfactionCI, ref.sCI, 1e-9, `${a.name} satCI`);
      closeAll(a.importanceCI!, ref.iCI, 1e-9, `${a.name} impCI`);
      closeAll(a.statedImportanceCI!, ref.iCI, 1e-9, `${a.name} statedCI`);
      close(a.derivedImportance!, ref.r, 1e-9, `${a.name} r`);
      closeAll(a.derivedImportanceCI!, ref.rCI, 1e-9, `${a.name} rCI`);
      expect([a.nSatisfaction, a.nImportance, a.nDerived, a.excludedSatisfaction]).toEqual([10, 10, 10, 0]);
      expect(a.excludedSatisfactionByReason).toEqual({});
    }
  });

  it('cutoffs of both axes, quadrants on each, ranks (1 = most important) and the comparison', () => {
    const r = run();
    close(r.satisfactionCutoff, cut.satMean, 1e-12);
    close(r.importanceCutoff, cut.impMean, 1e-12);
    close(r.statedImportanceCutoff!, cut.impMean, 1e-12);
    close(r.derivedImportanceCutoff!, cut.rMean, 1e-9);
    // sat vs 2.875, stated vs 2.475, r vs 0.352: Web high/low/low, Prix low/low/low,
    // Accueil low/high/high, Delai high/high/high.
    expect(r.attributes.map((a) => [a.name, a.quadrant, a.quadrantStated, a.quadrantDerived])).toEqual([
      ['Web', 'overkill', 'overkill', 'overkill'],
      ['Prix', 'low-priority', 'low-priority', 'low-priority'],
      ['Accueil', 'concentrate', 'concentrate', 'concentrate'],
      ['Delai', 'keep-up', 'keep-up', 'keep-up'],
    ]);
    // stated means 1.5, 1.7, 3.7, 3 → ranks 4, 3, 1, 2; r −0.22, 0.26, 0.81, 0.56 → 4, 3, 1, 2
    expect(r.comparison!.map((c) => [c.name, c.statedRank, c.derivedRank, c.quadrantStated, c.quadrantDerived])).toEqual([
      ['Web', 4, 4, 'overkill', 'overkill'],
      ['Prix', 3, 3, 'low-priority', 'low-priority'],
      ['Accueil', 1, 1, 'concentrate', 'concentrate'],
      ['Delai', 2, 2, 'keep-up', 'keep-up'],
    ]);
    r.comparison!.forEach((c) => {
      close(c.statedImportance, R[c.name as keyof typeof R].i, 1e-12);
      close(c.derivedImportance, R[c.name as keyof typeof R].r, 1e-9);
    });
  });

  it('warnings: the uncertain point (its satisfaction interval holds 2.875) and the fixed cutoff, nothing else; the method', () => {
    const r = run();
    expect(r.uncertain).toEqual(['Accueil']);
    expect(r.attributes.map((a) => a.uncertain)).toEqual([false, false, true, false]);
    expect(codes(r)).toEqual(['survey.ipaUncertain', 'survey.ipaCutoffFixed']);
    expect(r.warnings[0].params).toEqual({ names: ['Accueil'] });
    expect(r.method).toBe('importance-performance analysis (Martilla & James 1977) from respondent ratings; importance axis: stated; Student t intervals for means');
  });

  it('derived axis: r on the main axis, the stated cutoff beside it; the method names Fisher-z', () => {
    const d = ipaFromRatings({ attributes, overall }, { importance: 'derived-correlation', confidence: 0.9 });
    expect(d.method).toBe('importance-performance analysis (Martilla & James 1977) from respondent ratings; importance axis: derived-correlation; Student t intervals for means, Fisher-z intervals for r');
    close(d.importanceCutoff, cut.rMean, 1e-9);
    close(d.derivedImportanceCutoff!, cut.rMean, 1e-9);
    close(d.statedImportanceCutoff!, cut.impMean, 1e-12);
    closeAll(byName(d, 'Delai').importanceCI!, R.Delai.rCI, 1e-9);
    // r intervals holding 0.352: Delai, Prix, Web; Accueil by its satisfaction interval.
    expect(d.uncertain).toEqual(['Web', 'Prix', 'Accueil', 'Delai']);
    expect(codes(d)).toEqual(['survey.ipaUncertain', 'survey.ipaCutoffFixed']);
  });
});

describe('ipaFromRatings: the other axis under each cutoff rule', () => {
  it('given values: the main axis takes them, the other axis the mean; no warning when no interval holds a cutoff', () => {
    // sat cutoff 3.15: between Accueil's upper 3.126 and Delai's lower 3.194; importance 2.5: in no interval.
    const s = ipaFromRatings({ attributes, overall }, { confidence: 0.9, cutoff: { satisfaction: 3.15, importance: 2.5 } });
    expect(s.importanceCutoff).toBe(2.5);
    expect(s.statedImportanceCutoff).toBe(2.5);
    close(s.derivedImportanceCutoff!, cut.rMean, 1e-9);
    expect(s.uncertain).toEqual([]);
    expect(s.warnings).toEqual([]);
    const d = ipaFromRatings({ attributes, overall }, { importance: 'derived-correlation', confidence: 0.9, cutoff: { satisfaction: 3.15, importance: 0.3 } });
    expect(d.importanceCutoff).toBe(0.3);
    expect(d.derivedImportanceCutoff).toBe(0.3);
    close(d.statedImportanceCutoff!, cut.impMean, 1e-12);
    expect(codes(d)).toEqual(['survey.ipaUncertain']); // r intervals holding 0.3; no fixed-cutoff warning for given values
  });

  it('median: the median on both axes', () => {
    const s = ipaFromRatings({ attributes, overall }, { confidence: 0.9, cutoff: 'median' });
    close(s.satisfactionCutoff, cut.satMedian, 1e-12);
    close(s.statedImportanceCutoff!, cut.impMedian, 1e-12);
    close(s.derivedImportanceCutoff!, cut.rMedian, 1e-9);
    expect(codes(s)).toEqual(['survey.ipaUncertain', 'survey.ipaCutoffFixed']);
    const d = ipaFromRatings({ attributes, overall }, { importance: 'derived-correlation', confidence: 0.9, cutoff: 'median' });
    close(d.statedImportanceCutoff!, cut.impMedian, 1e-12);
    close(d.derivedImportanceCutoff!, cut.rMedian, 1e-9);
  });

  it('midpoint: the scale midpoint on the stated axis (main or other), the mean of r on the correlation axis', () => {
    // scale 1-7: midpoint 4 on both rating axes; no mean equals 4 and no interval holds 4.
    const s = ipaFromRatings({ attributes, overall }, { scale: [1, 7], confidence: 0.9, cutoff: 'midpoint' });
    expect([s.satisfactionCutoff, s.importanceCutoff, s.statedImportanceCutoff]).toEqual([4, 4, 4]);
    close(s.derivedImportanceCutoff!, cut.rMean, 1e-9);
    expect(s.warnings).toEqual([]);
    expect(s.quadrants.concentrate).toEqual([]);
    const d = ipaFromRatings({ attributes, overall }, { scale: [1, 7], importance: 'derived-correlation', confidence: 0.9, cutoff: 'midpoint' });
    expect(d.statedImportanceCutoff).toBe(4);
    close(d.derivedImportanceCutoff!, cut.rMean, 1e-9);
    expect(codes(d)).toEqual(['survey.ipaMidpointDerived', 'survey.ipaUncertain']);
    expect(d.attributes.map((a) => a.quadrantStated)).toEqual(['low-priority', 'low-priority', 'low-priority', 'low-priority']);
  });
});

describe('ipaFromRatings: few ratings', () => {
  it('two valid ratings give a t interval, one gives the value without interval, none is refused', () => {
    const NA = NaN;
    const pad = (xs: number[]): number[] => [...xs, ...Array<number>(10 - xs.length).fill(NA)];
    const few: IpaRatings[] = [
      { name: 'Two', satisfaction: pad([1, 3]) },
      { name: 'One', satisfaction: pad([2]) },
      { name: 'Full', satisfaction: sat.Accueil },
      { name: 'Full2', satisfaction: sat.Web },
    ];
    const shares = [
      { name: 'Two', share: 0.1 },
      { name: 'One', share: 0.2 },
      { name: 'Full', share: 0.3 },
      { name: 'Full2', share: 0.4 },
    ];
    const r = ipaFromRatings({ attributes: few }, { importance: shares, confidence: 0.9 });
    // R: t.test(c(1, 3), conf.level = 0.9)$conf.int → -4.3137515146750376 8.3137515146750367
    closeAll(byName(r, 'Two').satisfactionCI, [-4.3137515146750376, 8.3137515146750367], 1e-9);
    expect(byName(r, 'One').satisfaction).toBe(2);
    expect(byName(r, 'One').satisfactionCI).toEqual([NaN, NaN]);
    expect(byName(r, 'One').nSatisfaction).toBe(1);
    expect(byName(r, 'One').excludedSatisfactionByReason).toEqual({ missing: 9 });
    expect('importanceCI' in byName(r, 'One')).toBe(false); // supplied shares have no interval
    expect(r.importanceAxis).toBe('supplied');
    const none = [...few, { name: 'None', satisfaction: pad([]) }];
    expect(caught(() => ipaFromRatings({ attributes: none }, { importance: [...shares, { name: 'None', share: 0.5 }] })).message).toBe(
      'ipaFromRatings: "None" has too few valid ratings to place it (satisfaction NaN, importance 0.5)',
    );
  });

  it('r from four complete pairs (pairwise complete: a missing overall drops the pair), none from three', () => {
    const ov = [2, 1, 4, 3, NaN, 3, 2, 4];
    const att: IpaRatings[] = [
      { name: 'P4', satisfaction: [1, 2, 3, 4, 2, NaN, NaN, NaN], importance: [3, 3, 2, 2, 3, 3, 2, 2] },
      { name: 'P3', satisfaction: [1, 2, 3, NaN, 4, NaN, NaN, NaN], importance: [2, 2, 1, 1, 2, 2, 1, 1] },
      { name: 'A', satisfaction: [1, 2, 3, 4, 4, 3, 2, 1], importance: [4, 4, 3, 3, 4, 4, 3, 3] },
      { name: 'B', satisfaction: [4, 4, 3, 3, 2, 2, 1, 1], importance: [1, 1, 2, 2, 1, 1, 2, 2] },
    ];
    const r = ipaFromRatings({ attributes: att, overall: ov }, { confidence: 0.9 });
    const p4 = byName(r, 'P4');
    // R: cor.test(c(1,2,3,4), c(2,1,4,3), conf.level = 0.9) → 0.6, [-0.74055462067581201, 0.9815396021041628]
    close(p4.derivedImportance!, 0.6, 1e-12);
    closeAll(p4.derivedImportanceCI!, [-0.74055462067581201, 0.9815396021041628], 1e-9);
    expect(p4.nDerived).toBe(4);
    const p3 = byName(r, 'P3');
    expect(p3.nDerived).toBe(3);
    expect(p3.derivedImportance).toBeNaN();
    expect(p3.derivedImportanceCI).toEqual([NaN, NaN]);
    // stated axis still places every point; without r for P3 there is no side-by-side reading
    expect(r.comparison).toBeUndefined();
    expect(r.statedImportanceCutoff).toBeUndefined();
    expect(r.derivedImportanceCutoff).toBeUndefined();
    expect(p4.quadrantStated).toBeUndefined();
    expect(() => ipaFromRatings({ attributes: att, overall: ov }, { importance: 'derived-correlation' })).toThrow(
      'ipaFromRatings: "P3" has too few valid ratings to place it (satisfaction 2.5, importance NaN)',
    );
  });

  it('three attributes warn that so few say little; four do not', () => {
    const three = ipaFromRatings({ attributes: attributes.slice(0, 3) }, { cutoff: { satisfaction: 3.15, importance: 2.6 }, confidence: 0.9 });
    expect(codes(three)).toEqual(['survey.ipaFewAttributes']);
    expect(three.warnings[0].params).toEqual({ n: 3 });
  });
});

describe('ipaFromRatings: uncertainty at the interval\'s ends', () => {
  it('a cutoff exactly on an end of the satisfaction interval is inside it', () => {
    const att: IpaRatings[] = order.map((name) => ({ name, satisfaction: sat[name] }));
    const shares = order.map((name, k) => ({ name, share: [0.1, 0.2, 0.3, 0.4][k] }));
    const base = ipaFromRatings({ attributes: att }, { importance: shares, confidence: 0.9, cutoff: { satisfaction: 3.15, importance: 0.25 } });
    expect(base.uncertain).toEqual([]);
    // the intervals do not depend on the cutoff: Accueil's upper end 3.126 and Delai's lower end 3.194
    const hi = byName(base, 'Accueil').satisfactionCI[1];
    const lo = byName(base, 'Delai').satisfactionCI[0];
    const at = (c: number) => ipaFromRatings({ attributes: att }, { importance: shares, confidence: 0.9, cutoff: { satisfaction: c, importance: 0.25 } });
    expect(at(lo).uncertain).toEqual(['Delai']);
    expect(at(lo - 1e-9).uncertain).toEqual([]);
    expect(at(hi).uncertain).toEqual(['Accueil']);
    expect(at(hi + 1e-9).uncertain).toEqual([]);
  });
});

describe('ipaFromRatings: values set aside and scales', () => {
  it('exclude: a rating outside the scale leaves the mean, the interval and r as if it were missing, on each axis', () => {
    const ref = ipaFromRatings({ attributes, overall }, { scale: [1, 5], confidence: 0.9 });
    const badS = attributes.map((a) => ({ ...a, satisfaction: [...a.satisfaction], importance: [...a.importance!] }));
    badS[2].satisfaction[0] = 7; // Accueil, respondent 1
    badS[1].importance![3] = 9; // Prix, respondent 4
    const badO = [...overall];
    badO[5] = 0; // respondent 6
    const r = ipaFromRatings({ attributes: badS, overall: badO }, { scale: [1, 5], confidence: 0.9, invalid: 'exclude' });
    const naS = attributes.map((a) => ({ ...a, satisfaction: [...a.satisfaction], importance: [...a.importance!] }));
    naS[2].satisfaction[0] = NaN;
    naS[1].importance![3] = NaN;
    const naO = [...overall];
    naO[5] = NaN;
    const m = ipaFromRatings({ attributes: naS, overall: naO }, { scale: [1, 5], confidence: 0.9 });
    r.attributes.forEach((a, k) => {
      const b = m.attributes[k];
      expect([a.satisfaction, a.importance, a.derivedImportance, a.nSatisfaction, a.nImportance, a.nDerived]).toEqual([b.satisfaction, b.importance, b.derivedImportance, b.nSatisfaction, b.nImportance, b.nDerived]);
      expect(a.satisfactionCI).toEqual(b.satisfactionCI);
      expect(a.statedImportanceCI).toEqual(b.statedImportanceCI);
    });
    expect(byName(r, 'Accueil').nSatisfaction).toBe(9);
    expect(byName(r, 'Prix').nImportance).toBe(9);
    expect(byName(r, 'Web').nDerived).toBe(9);
    expect(byName(r, 'Accueil').excludedSatisfactionByReason).toEqual({ 'out of scale 1-5': 1 });
    expect(byName(ref, 'Accueil').satisfaction).not.toBe(byName(r, 'Accueil').satisfaction);
    const ex = r.warnings.filter((w) => w.code === 'survey.invalidExcluded');
    expect(ex.map((w) => w.params)).toEqual([
      { what: 'Prix', axis: 'importance', n: 1, reason: 'out of scale 1-5' },
      { what: 'Accueil', axis: 'satisfaction', n: 1, reason: 'out of scale 1-5' },
    ]);
  });

  it('error: an overall rating outside the scale is an InputError naming its column', () => {
    const badO = [...overall];
    badO[5] = 0;
    const e = caught(() => ipaFromRatings({ attributes, overall: badO, overallSource: { column: 'overall' } }, { scale: [1, 5] }));
    expect(e).toBeInstanceOf(InputError);
    expect((e as InputError).location).toEqual({ columnName: 'overall', value: '0' });
    expect(e.message).toBe('"0" is out of scale 1-5 (value 6); ipaFromRatings needs integers from 1 to 5');
  });

  it('integer scales require integer ratings; a scale with a fractional bound does not', () => {
    const half = attributes.map((a) => ({ ...a, satisfaction: [...a.satisfaction] }));
    half[0].satisfaction[0] = 2.5; // Web: 4 → 2.5
    expect(caught(() => ipaFromRatings({ attributes: half }, { scale: [1, 5] })).message).toBe('"2.5" is out of scale 1-5 (value 1); ipaFromRatings needs integers from 1 to 5');
    for (const scale of [[0.5, 5], [1, 5.5]] as const) {
      const r = ipaFromRatings({ attributes: half }, { scale });
      close(byName(r, 'Web').satisfaction, 3.55, 1e-12, `${scale}`); // (37 − 4 + 2.5) / 10
    }
  });

  it('importanceScale applies to importance, scale to satisfaction', () => {
    const ten = attributes.map((a) => ({ ...a, importance: a.importance!.map((x) => x * 2) }));
    const r = ipaFromRatings({ attributes: ten }, { scale: [1, 5], importanceScale: [1, 10] });
    close(byName(r, 'Accueil').importance, 7.4, 1e-12);
    expect(() => ipaFromRatings({ attributes: ten }, { scale: [1, 5] })).toThrow(InputError);
    expect(() => ipaFromRatings({ attributes: ten }, { scale: [1, 5], importanceScale: [1, 7] })).toThrow(/"8" is out of scale 1-7/);
  });
});

describe('ipaFromRatings: the table form and the documented errors', () => {
  it('the table form passes its options on', () => {
    const table = tableFromColumns({ s1: sat.Accueil, s2: sat.Delai, s3: sat.Prix, s4: sat.Web, ov: overall });
    const r = ipaFromRatings(table, { satisfaction: ['s1', 's2', 's3', 's4'], overall: 'ov' }, { confidence: 0.9 });
    expect(r.confidence).toBe(0.9);
    expect(r.importanceAxis).toBe('derived-correlation');
    closeAll(r.attributes[0].satisfactionCI, R.Accueil.sCI, 1e-9);
  });

  it('each error with its words', () => {
    const msgOf = (input: unknown, options?: object): string => caught(() => ipaFromRatings(input as never, options)).message;
    expect(msgOf(undefined)).toBe('ipaFromRatings: input.attributes must be a non-empty array');
    expect(msgOf({ attributes: [] })).toBe('ipaFromRatings: input.attributes must be a non-empty array');
    expect(msgOf({ attributes: 'x' })).toBe('ipaFromRatings: input.attributes must be a non-empty array');
    expect(() => ipaFromRatings({ attributes }, { scale: [5, 1] })).toThrow(/options\.scale must be \[min, max\]/);
    expect(() => ipaFromRatings({ attributes }, { importanceScale: [1, 1] })).toThrow(/options\.scale must be \[min, max\]/);
    expect(() => ipaFromRatings({ attributes }, { confidence: 1 })).toThrow(/options\.confidence/);
    expect(msgOf({ attributes: [{ name: 'A' }] })).toBe('ipaFromRatings: input.attributes[0].satisfaction must be a Float64Array or an array of numbers, got undefined');
    expect(msgOf({ attributes: [{ name: 'A', satisfaction: [1, 2] }, { name: 'B', satisfaction: [1, '2'] }] })).toBe('ipaFromRatings: input.attributes[1].satisfaction[1] must be a number (NaN for missing), got "2"');
    expect(msgOf({ attributes: [{ name: 'A', satisfaction: [1, 2], importance: [1, 'x'] }] })).toBe('ipaFromRatings: input.attributes[0].importance[1] must be a number (NaN for missing), got "x"');
    expect(msgOf({ attributes: [{ name: 'A', satisfaction: [1, 2] }, { name: 'B', satisfaction: [1] }] })).toBe('ipaFromRatings: "B" has 1 satisfaction ratings but the first attribute has 2');
    expect(msgOf({ attributes: [{ name: 'A', satisfaction: [1, 2], importance: [1] }] })).toBe('ipaFromRatings: "A" has 1 importance ratings but 2 satisfaction ratings');
    expect(msgOf({ attributes: [{ name: 'A', satisfaction: [1, 2] }], overall: [1] })).toBe('ipaFromRatings: input.overall has 1 values but the ratings have 2');
    expect(msgOf({ attributes: [{ name: 'A', satisfaction: [1, 2] }], overall: 'x' })).toBe('ipaFromRatings: input.overall must be a Float64Array or an array of numbers, got string');
    const e1 = caught(() => ipaFromRatings({ attributes: [{ name: '', satisfaction: [1, 2] }] } as never));
    expect(e1).toBeInstanceOf(TypeError);
    expect(e1.message).toBe('ipaFromRatings: input.attributes[0].name must be a non-empty string');
    expect(msgOf({ attributes: [{ name: 'A', satisfaction: [1, 2] }, { satisfaction: [1, 2] }] })).toBe('ipaFromRatings: input.attributes[1].name must be a non-empty string');
    expect(msgOf({ attributes: [{ name: 'A', satisfaction: [1, 2] }, null] })).toBe('ipaFromRatings: input.attributes[1].name must be a non-empty string');
    expect(msgOf({ attributes: [{ name: 'A', satisfaction: [1, 2] }, { name: 'A', satisfaction: [1, 2] }] })).toBe('ipaFromRatings: attribute name "A" appears twice');
    expect(msgOf({ attributes }, { importance: 'shapley' })).toBe('ipaFromRatings: options.importance must be "stated", "derived-correlation" or [{ name, share }], got "shapley"');
    expect(msgOf({ attributes }, { priorityUnits: 'z' })).toBe('ipaFromRatings: options.priorityUnits must be "raw" or "standardised", got "z"');
    const shares = order.map((name) => ({ name, share: 0.25 }));
    shares[2] = { name: 'Accueil', share: NaN };
    expect(msgOf({ attributes }, { importance: shares })).toBe('ipaFromRatings: options.importance has no finite share for "Accueil"');
    shares[2] = { name: 'Accueil', share: '0.3' as never };
    expect(msgOf({ attributes }, { importance: shares })).toBe('ipaFromRatings: options.importance has no finite share for "Accueil"');
  });

  it('stated importance is the default only when every attribute has it', () => {
    const mixed = attributes.map((a, k) => (k === 0 ? { name: a.name, satisfaction: a.satisfaction } : a));
    const r = ipaFromRatings({ attributes: mixed, overall }, { confidence: 0.9 });
    expect(r.importanceAxis).toBe('derived-correlation');
    expect(r.comparison).toBeUndefined();
    expect(byName(r, 'Accueil').statedImportance).toBe(3.7);
    expect('statedImportance' in byName(r, 'Web')).toBe(false);
  });
});

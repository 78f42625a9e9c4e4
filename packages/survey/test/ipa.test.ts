import { renderMessage } from '@satlab/messages';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { InputError } from '@satlab/data';
import { IPA_PRIORITY_RULE, ipaFromRatings, ipaMatrix } from '@satlab/survey';
import { close, closeAll, nums } from './close.js';

const here = dirname(fileURLToPath(import.meta.url));
const load = <T>(f: string): T => JSON.parse(readFileSync(join(here, 'fixtures', f), 'utf8')) as T;

// BTS 2007 annex 1, copied with its source into fixtures/bts-annex1.json.
const bts = load<{
  scale: [number, number];
  attributes: { name: string; satisfaction: number; importance: number }[];
  expected: { meanSatisfaction: number; meanImportance: number; quadrants: Record<string, string[]>; firstPriorities: string[] };
}>('bts-annex1.json');

// Respondent ratings and R's answers: fixtures/make-survey-fixtures.R → survey-ipa-ratings.json.
interface AxisRef { satisfactionCutoff?: number; importanceCutoff: number; quadrant: string[]; uncertain: boolean[]; priorityScore: number[]; priorities: string[] }
const rf = load<{
  attributes: string[];
  overall: number[];
  satisfaction: (number | null)[][];
  importance: (number | null)[][];
  stated: AxisRef & { satisfactionMean: number[]; importanceMean: number[]; satisfactionCutoff: number; satisfactionCI: number[][]; importanceCI: number[][] };
  derived: AxisRef & { r: number[]; rCI: number[][] };
}>('survey-ipa-ratings.json');

describe('ipaMatrix on the BTS 2007 annex 1 means', () => {
  // Computed inside each test, not once while the block is collected: mutation testing (Stryker)
  // switches a mutant on only when the tests run, and runs only the tests that reached it.
  const run = () => ipaMatrix(bts.attributes, { scale: bts.scale });

  it('puts the cutoffs at the mean of the means (2.075, 2.703)', () => {
    const res = run();
    close(res.satisfactionCutoff, bts.expected.meanSatisfaction, 1e-12, 'satisfaction cutoff');
    close(res.importanceCutoff, bts.expected.meanImportance, 1e-12, 'importance cutoff');
  });

  it('reproduces the four quadrants of the reference answer', () => {
    const res = run();
    for (const [key, names] of Object.entries(bts.expected.quadrants)) {
      const q = key.split(' ')[0] as keyof typeof res.quadrants;
      expect([...res.quadrants[q]].sort()).toEqual([...names].sort());
    }
    for (const a of res.attributes) expect(res.quadrants[a.quadrant]).toContain(a.name);
  });

  it('ranks Rapport Couv/Cot then Qualité Indemn. first and Personnalisation among the last', () => {
    const res = run();
    expect(res.priorities.slice(0, 2)).toEqual(bts.expected.firstPriorities);
    expect(res.priorities.indexOf('Personnalisation')).toBeGreaterThanOrEqual(7);
    expect(res.priorities).toHaveLength(10);
    expect(res.priorityRule).toBe(IPA_PRIORITY_RULE);
  });

  it('scores priority as (importance − cutoff) − (satisfaction − cutoff) and orders quadrants A to D', () => {
    const res = run();
    for (const a of res.attributes) close(a.priorityScore, a.importance - res.importanceCutoff - (a.satisfaction - res.satisfactionCutoff), 1e-12, a.name);
    const rankOfQuadrant = { concentrate: 0, 'keep-up': 1, 'low-priority': 2, overkill: 3 };
    const ordered = res.priorities.map((n) => res.attributes.find((a) => a.name === n)!);
    for (let k = 1; k < ordered.length; k++) {
      const a = ordered[k - 1], b = ordered[k];
      const dq = rankOfQuadrant[a.quadrant] - rankOfQuadrant[b.quadrant];
      expect(dq < 0 || (dq === 0 && a.priorityScore >= b.priorityScore)).toBe(true);
      expect(b.priorityRank).toBe(a.priorityRank + 1);
    }
  });

  it('keeps the result JSON-safe and in the shape the charts expect', () => {
    const res = run();
    const copy = JSON.parse(JSON.stringify(res));
    expect(copy).toEqual(res);
    for (const a of res.attributes) expect(Object.keys(a)).toEqual(expect.arrayContaining(['name', 'satisfaction', 'importance', 'quadrant']));
  });
});

describe('ipaMatrix cutoffs', () => {
  it('midpoint of the 1–4 scale (2.5) puts every BTS attribute on the low-satisfaction side', () => {
    const r = ipaMatrix(bts.attributes, { cutoff: 'midpoint', scale: [1, 4] });
    expect(r.satisfactionCutoff).toBe(2.5);
    expect(r.importanceCutoff).toBe(2.5);
    expect(r.quadrants['keep-up']).toEqual([]);
    expect(r.quadrants.overkill).toEqual([]);
    expect([...r.quadrants.concentrate].sort()).toEqual(['Compétence Perso.', 'Délai Indemn.', 'Qualité Indemn.', 'Rapport Couv/Cot']);
  });

  it('median of the means, as R median()', () => {
    const r = ipaMatrix(bts.attributes, { cutoff: 'median' });
    close(r.satisfactionCutoff, 2.05, 1e-12, 'median sat'); // R: median(c(1.91, 2.09, 1.94, 2.20, 2.03, 2.06, 2.04, 2.40, 2.20, 1.88)) = 2.05
    close(r.importanceCutoff, 2.23, 1e-12, 'median imp'); // R: median(c(2.17, 2.20, 1.71, 1.94, 2.03, 2.26, 3.66, 3.60, 3.63, 3.83)) = 2.23
  });

  it('given values, with a point on a cutoff counted high and a warning', () => {
    const r = ipaMatrix(bts.attributes, { cutoff: { satisfaction: 2.04, importance: 3 } });
    expect(r.attributes.find((a) => a.name === 'Qualité Indemn.')!.quadrant).toBe('keep-up');
    const tie = r.warnings.find((m) => m.code === 'survey.ipaTie');
    expect(tie?.params).toEqual({ name: 'Qualité Indemn.', axis: 'satisfaction' });
    expect(tie?.text).toMatch(/Qualité Indemn\..*exactly on the satisfaction cutoff/);
    expect(renderMessage(tie!, 'fr')).toBe('«\u00a0Qualité Indemn.\u00a0» tombe exactement sur le seuil de satisfaction ; il est classé haut sur cet axe (règle : au seuil ou au-dessus = haut)');
  });

  it('refuses a mean outside the declared scale, a midpoint without scale, duplicate names', () => {
    expect(() => ipaMatrix([{ name: 'A', satisfaction: 4.5, importance: 2 }], { scale: [1, 4] })).toThrow(/outside the scale 1-4/);
    expect(() => ipaMatrix(bts.attributes, { cutoff: 'midpoint' })).toThrow(RangeError);
    expect(() => ipaMatrix([{ name: 'A', satisfaction: 2, importance: 2 }, { name: 'A', satisfaction: 3, importance: 1 }])).toThrow(/twice/);
    expect(() => ipaMatrix([])).toThrow(RangeError);
    expect(() => ipaMatrix(bts.attributes, { cutoff: 'average' as never })).toThrow(/cutoff/);
  });
});

describe('ipaFromRatings against R (t.test, cor.test)', () => {
  const attributes = rf.attributes.map((name, j) => ({ name, satisfaction: nums(rf.satisfaction[j]), importance: nums(rf.importance[j]) }));
  const overall = rf.overall;

  it('stated importance: means, t intervals, cutoffs, quadrants, uncertainty and priorities as R', () => {
    const r = ipaFromRatings({ attributes, overall }, { scale: [1, 5] });
    expect(r.importanceAxis).toBe('stated');
    close(r.satisfactionCutoff, rf.stated.satisfactionCutoff, 1e-12, 'cs');
    close(r.importanceCutoff, rf.stated.importanceCutoff, 1e-12, 'ci');
    r.attributes.forEach((a, j) => {
      close(a.satisfaction, rf.stated.satisfactionMean[j], 1e-12, `${a.name} sat`);
      close(a.importance, rf.stated.importanceMean[j], 1e-12, `${a.name} imp`);
      closeAll(a.satisfactionCI, rf.stated.satisfactionCI[j], 1e-9, `${a.name} satCI`);
      closeAll(a.importanceCI!, rf.stated.importanceCI[j], 1e-9, `${a.name} impCI`);
      expect(a.quadrant).toBe(rf.stated.quadrant[j]);
      expect(a.uncertain).toBe(rf.stated.uncertain[j]);
      close(a.priorityScore, rf.stated.priorityScore[j], 1e-9, `${a.name} score`);
    });
    expect(r.priorities).toEqual(rf.stated.priorities);
    expect(r.uncertain).toEqual(rf.attributes.filter((_, j) => rf.stated.uncertain[j]));
  });

  it('derived importance: Pearson r with overall and Fisher-z intervals as cor.test, standardised priorities', () => {
    const r = ipaFromRatings({ attributes, overall }, { importance: 'derived-correlation', scale: [1, 5] });
    expect(r.importanceAxis).toBe('derived-correlation');
    expect(r.priorityUnits).toBe('standardised');
    close(r.importanceCutoff, rf.derived.importanceCutoff, 1e-9, 'cutoff r');
    r.attributes.forEach((a, j) => {
      close(a.importance, rf.derived.r[j], 1e-9, `${a.name} r`);
      closeAll(a.importanceCI!, rf.derived.rCI[j], 1e-9, `${a.name} rCI`);
      expect(a.quadrant).toBe(rf.derived.quadrant[j]);
      expect(a.uncertain).toBe(rf.derived.uncertain[j]);
      close(a.priorityScore, rf.derived.priorityScore[j], 1e-9, `${a.name} score`);
    });
    expect(r.priorities).toEqual(rf.derived.priorities);
  });

  it('puts stated and derived importance side by side', () => {
    const r = ipaFromRatings({ attributes, overall }, { scale: [1, 5] });
    expect(r.comparison).toHaveLength(5);
    r.comparison!.forEach((c, j) => {
      close(c.statedImportance, rf.stated.importanceMean[j], 1e-12, 'stated');
      close(c.derivedImportance, rf.derived.r[j], 1e-9, 'derived');
      expect(c.quadrantStated).toBe(rf.stated.quadrant[j]);
      expect(c.quadrantDerived).toBe(rf.derived.quadrant[j]);
    });
    expect(new Set(r.comparison!.map((c) => c.statedRank))).toEqual(new Set([1, 2, 3, 4, 5]));
  });

  it('accepts supplied importance shares (the Shapley hook) and needs one per attribute', () => {
    const shares = rf.attributes.map((name, j) => ({ name, share: [0.4, 0.2, 0.2, 0.1, 0.1][j] }));
    const r = ipaFromRatings({ attributes }, { importance: shares });
    expect(r.importanceAxis).toBe('supplied');
    close(r.importanceCutoff, 0.2, 1e-12, 'mean share');
    expect(r.attributes[0].importance).toBe(0.4);
    expect(() => ipaFromRatings({ attributes }, { importance: shares.slice(1) })).toThrow(/no finite share for "Accueil"/);
  });

  it('refuses a rating outside the scale with its file position, or excludes and counts it', () => {
    const bad = attributes.map((a) => ({ ...a, satisfaction: Array.from(a.satisfaction) }));
    bad[1].satisfaction[4] = 7;
    const src = { file: 'ratings.csv', column: 'sat_delai', columnNumber: 3, lines: Array.from({ length: 150 }, (_, i) => i + 2) };
    bad[1] = { ...bad[1], satisfactionSource: src } as (typeof bad)[number];
    expect(() => ipaFromRatings({ attributes: bad }, { scale: [1, 5] })).toThrow(InputError);
    expect(() => ipaFromRatings({ attributes: bad }, { scale: [1, 5] })).toThrow(/ratings\.csv:6:3 \(column "sat_delai"\): "7" is out of scale 1-5/);
    const r = ipaFromRatings({ attributes: bad }, { scale: [1, 5], invalid: 'exclude' });
    expect(r.attributes[1].excludedSatisfaction).toBe(1 + rf.satisfaction[1].filter((x) => x === null).length);
    const ex = r.warnings.find((m) => m.code === 'survey.invalidExcluded');
    expect(ex?.text).toMatch(/out of scale 1-5/);
    expect(renderMessage(ex!, 'fr')).toMatch(/hors échelle 1-5/);
  });

  it('needs overall satisfaction for derived importance and importance ratings for stated importance', () => {
    expect(() => ipaFromRatings({ attributes }, { importance: 'derived-correlation' })).toThrow(/overall/);
    const noImp = attributes.map(({ name, satisfaction }) => ({ name, satisfaction }));
    expect(() => ipaFromRatings({ attributes: noImp }, { importance: 'stated' })).toThrow(/importance ratings/);
    expect(ipaFromRatings({ attributes: noImp, overall }).importanceAxis).toBe('derived-correlation');
  });
});

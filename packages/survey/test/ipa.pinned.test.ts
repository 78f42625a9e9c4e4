// The IPA priority rule and the NPS interval at the edges mutation testing found unpinned:
// priority ranks from 1, quadrant lists in order of urgency, ties on a cutoff (classed high, with a
// warning) and the absence of that warning otherwise, standardised units and zero spread, ties of
// score broken by name; the NPS interval clipped at −100 as well as at 100. Expected values are
// worked out by hand from the rule stated in the doc comments (shown next to each case).
import { describe, expect, it } from 'vitest';
import { ipaFromRatings, ipaMatrix, netPromoterScore } from '@satlab/survey';

const codes = (r: { warnings: { code: string }[] }): string[] => r.warnings.map((w) => w.code);
const sortedCodes = (r: { warnings: { code: string }[] }): string[] => codes(r).sort();

describe('ipaMatrix: priorities', () => {
  // Cutoffs: mean satisfaction 2.5, mean importance 2.5.
  const points = [
    { name: 'B', satisfaction: 2, importance: 3 }, // concentrate, score (3 − 2.5) − (2 − 2.5) = 1
    { name: 'A', satisfaction: 1, importance: 4 }, // concentrate, score 3
    { name: 'C', satisfaction: 4, importance: 3 }, // keep-up, score −1
    { name: 'D', satisfaction: 3, importance: 1 }, // overkill, score −2
    { name: 'E', satisfaction: 2.5, importance: 1.5 }, // on the satisfaction cutoff: overkill, score −1
    { name: 'F', satisfaction: 2, importance: 2 }, // low-priority, score 0
  ].map((p) => ({ ...p }));

  it('ranks quadrant by quadrant, then by score, from rank 1', () => {
    const r = ipaMatrix(points);
    expect(r.satisfactionCutoff).toBe(2.4166666666666665);
    expect(r.priorities).toEqual(['A', 'B', 'C', 'F', 'E', 'D']);
    expect(r.attributes.map((a) => [a.name, a.quadrant, a.priorityRank])).toEqual([
      ['B', 'concentrate', 2],
      ['A', 'concentrate', 1],
      ['C', 'keep-up', 3],
      ['D', 'overkill', 6],
      ['E', 'overkill', 5],
      ['F', 'low-priority', 4],
    ]);
    expect(r.quadrants).toEqual({ concentrate: ['A', 'B'], 'keep-up': ['C'], 'low-priority': ['F'], overkill: ['E', 'D'] });
  });

  it('scores (importance − cutoff) − (satisfaction − cutoff) in raw units', () => {
    const r = ipaMatrix(points, { cutoff: { satisfaction: 2.5, importance: 2.5 } });
    expect(r.attributes.map((a) => a.priorityScore)).toEqual([1, 3, -1, -2, -1, 0]);
    expect(r.priorityUnits).toBe('raw');
    // E lies on the satisfaction cutoff: high satisfaction (overkill), and a warning says so.
    expect(r.attributes[4].quadrant).toBe('overkill');
    expect(codes(r)).toEqual(['survey.ipaTie']);
    expect(r.warnings[0].params).toMatchObject({ name: 'E', axis: 'satisfaction' });
  });

  it('says nothing when no attribute lies on a cutoff', () => {
    const r = ipaMatrix(points.filter((p) => p.name !== 'E'), { cutoff: { satisfaction: 2.5, importance: 2.5 } });
    expect(r.warnings).toEqual([]);
  });

  it('breaks equal scores by name, and classes a point on the importance cutoff as high importance', () => {
    const r = ipaMatrix(
      [
        { name: 'Zeta', satisfaction: 1, importance: 3 },
        { name: 'Alpha', satisfaction: 1, importance: 3 },
        { name: 'Mid', satisfaction: 1, importance: 2 },
      ],
      { cutoff: { satisfaction: 2, importance: 2 } },
    );
    expect(r.priorities).toEqual(['Alpha', 'Zeta', 'Mid']);
    expect(r.attributes[2].quadrant).toBe('concentrate');
    expect(sortedCodes(r)).toEqual(['survey.ipaFewAttributes', 'survey.ipaTie']);
  });

  it('divides each deviation by the spread of its axis in standardised units, and warns when a spread is zero', () => {
    const r = ipaMatrix(
      [
        { name: 'a', satisfaction: 1, importance: 0.1 },
        { name: 'b', satisfaction: 3, importance: 0.3 },
      ],
      { priorityUnits: 'standardised' },
    );
    // sd(1, 3) = √2, sd(0.1, 0.3) = 0.1·√2; cutoffs 2 and 0.2: a → −0.1/(0.1√2) − (−1/√2) = 0.
    expect(r.attributes[0].priorityScore).toBeCloseTo(0, 12);
    expect(r.attributes[1].priorityScore).toBeCloseTo(0, 12);
    expect(codes(r)).toEqual(['survey.ipaFewAttributes']);
    const flat = ipaMatrix(
      [
        { name: 'a', satisfaction: 1, importance: 2 },
        { name: 'b', satisfaction: 3, importance: 2 },
      ],
      { priorityUnits: 'standardised' },
    );
    expect(sortedCodes(flat)).toEqual(['survey.ipaFewAttributes', 'survey.ipaTie', 'survey.ipaTie', 'survey.ipaZeroSpread']);
    expect(flat.attributes.map((a) => a.priorityScore)).toEqual([1 / Math.SQRT2, -1 / Math.SQRT2]);
  });

  it('warns of too few attributes below 4, not at 4', () => {
    const cut = { cutoff: { satisfaction: 2.6, importance: 2.6 } };
    expect(codes(ipaMatrix(points.slice(0, 4), cut))).toEqual([]);
    expect(codes(ipaMatrix(points.slice(0, 3), cut))).toEqual(['survey.ipaFewAttributes']);
  });

  it('places the crosshair at the scale midpoint or the medians when asked', () => {
    const mid = ipaMatrix(points, { cutoff: 'midpoint', scale: [1, 4] });
    expect([mid.satisfactionCutoff, mid.importanceCutoff]).toEqual([2.5, 2.5]);
    const med = ipaMatrix(points, { cutoff: 'median' });
    expect([med.satisfactionCutoff, med.importanceCutoff]).toEqual([2.25, 2.5]);
    expect(() => ipaMatrix(points, { cutoff: 'midpoint' })).toThrow(RangeError);
    expect(() => ipaMatrix(points, { cutoff: { satisfaction: NaN, importance: 2 } })).toThrow(RangeError);
  });
});

describe('ipaMatrix and ipaFromRatings: cutoff rules, their words and their errors', () => {
  const pts = [
    { name: 'a', satisfaction: 1, importance: 4 },
    { name: 'b', satisfaction: 2, importance: 3 },
    { name: 'c', satisfaction: 3, importance: 2 },
    { name: 'd', satisfaction: 4, importance: 1.5 },
  ];

  it('states how each crosshair was set', () => {
    expect(ipaMatrix(pts).cutoffRule).toBe('mean of the attribute means');
    expect(ipaMatrix(pts, { cutoff: 'median' }).cutoffRule).toBe('median of the attribute means');
    expect(ipaMatrix(pts, { cutoff: 'midpoint', scale: [1, 4] }).cutoffRule).toBe('midpoint of the rating scale');
    expect(ipaMatrix(pts, { cutoff: { satisfaction: 2, importance: 2 } }).cutoffRule).toBe('given values');
  });

  it('names the missing scale and the bad cutoff in its errors', () => {
    expect(() => ipaMatrix(pts, { cutoff: 'midpoint' })).toThrow('ipaMatrix: cutoff "midpoint" needs options.scale ([min, max] of the rating scale)');
    for (const bad of ['mode', 7, { satisfaction: 2, importance: NaN }, { satisfaction: Infinity, importance: 2 }]) {
      expect(() => ipaMatrix(pts, { cutoff: bad as never })).toThrow(RangeError);
      expect(() => ipaMatrix(pts, { cutoff: bad as never })).toThrow('options.cutoff must be "mean", "midpoint", "median" or { satisfaction, importance } with finite numbers');
    }
  });

  it('with derived importance, puts the satisfaction cutoff at the scale midpoint and the importance cutoff at the mean r, and says so', () => {
    const overall = [1, 2, 3, 4, 2, 3, 1, 4];
    const r = ipaFromRatings(
      {
        attributes: [
          { name: 'x', satisfaction: [1, 2, 3, 4, 2, 3, 2, 4] },
          { name: 'y', satisfaction: [2, 2, 3, 3, 1, 4, 1, 3] },
          { name: 'z', satisfaction: [4, 1, 2, 3, 3, 2, 4, 1] },
        ],
        overall,
      },
      { cutoff: 'midpoint', scale: [1, 4] },
    );
    expect(r.satisfactionCutoff).toBe(2.5);
    expect(r.cutoffRule).toBe('midpoint of the rating scale (satisfaction), mean of the importance values');
    const rs = r.attributes.map((a) => a.importance);
    expect(r.importanceCutoff).toBeCloseTo((rs[0] + rs[1] + rs[2]) / 3, 12);
    expect(codes(r)).toContain('survey.ipaMidpointDerived');
  });
});

describe('ipaMatrix: spreads, ties and names in standardised units', () => {
  it('warns of a zero satisfaction spread and scores that axis with a spread of 1', () => {
    const r = ipaMatrix(
      [
        { name: 'a', satisfaction: 2, importance: 0.1 },
        { name: 'b', satisfaction: 2, importance: 0.3 },
        { name: 'c', satisfaction: 2, importance: 0.2 },
        { name: 'd', satisfaction: 2, importance: 0.4 },
      ],
      { priorityUnits: 'standardised', cutoff: { satisfaction: 1, importance: 0.25 } },
    );
    expect(codes(r)).toEqual(['survey.ipaZeroSpread']);
    expect(r.warnings[0].params).toEqual({ axis: 'satisfaction' });
    const sdI = Math.sqrt(((0.15 ** 2 + 0.05 ** 2) * 2) / 3);
    expect(r.attributes[0].priorityScore).toBeCloseTo(-0.15 / sdI - 1, 12);
  });

  it('warns of a zero importance spread only when there are several attributes', () => {
    const one = ipaMatrix([{ name: 'a', satisfaction: 2, importance: 3 }], { priorityUnits: 'standardised', cutoff: { satisfaction: 1, importance: 1 } });
    expect(codes(one)).toEqual(['survey.ipaFewAttributes']);
    expect(one.attributes[0].priorityScore).toBe(1);
    const flat = ipaMatrix(
      [
        { name: 'a', satisfaction: 1, importance: 3 },
        { name: 'b', satisfaction: 2, importance: 3 },
        { name: 'c', satisfaction: 3, importance: 3 },
        { name: 'd', satisfaction: 4, importance: 3 },
      ],
      { priorityUnits: 'standardised', cutoff: { satisfaction: 2.5, importance: 1 } },
    );
    expect(flat.warnings.map((w) => [w.code, w.params])).toEqual([['survey.ipaZeroSpread', { axis: 'importance' }]]);
  });

  it('says which attribute lies on the importance cutoff', () => {
    const r = ipaMatrix(
      [
        { name: 'a', satisfaction: 1, importance: 2 },
        { name: 'b', satisfaction: 2, importance: 3 },
        { name: 'c', satisfaction: 3, importance: 1 },
        { name: 'd', satisfaction: 4, importance: 4 },
      ],
      { cutoff: { satisfaction: 2.5, importance: 2 } },
    );
    expect(r.warnings.map((w) => [w.code, w.params])).toEqual([['survey.ipaTie', { name: 'a', axis: 'importance' }]]);
  });

  it('orders equal scores by name whatever the input order', () => {
    const names = ['Délai', 'Contact', 'Accueil', 'Prix', 'Web', 'Banque', 'Suivi', 'Offre', 'Image', 'Tarif', 'Conseil', 'Agence'];
    const r = ipaMatrix(
      names.map((name) => ({ name, satisfaction: 1, importance: 3 })),
      { cutoff: { satisfaction: 2, importance: 2 } },
    );
    expect(r.priorities).toEqual([...names].sort());
    expect(r.quadrants.concentrate).toEqual([...names].sort());
  });
});

describe('netPromoterScore: the interval stays within [−100, 100]', () => {
  it('clips at −100 with a warning when detractors dominate a small sample', () => {
    const r = netPromoterScore([0, 0, 0, 10]);
    expect(r.nps).toBe(-50);
    expect(r.ci[0]).toBe(-100);
    expect(r.ci[1]).toBeCloseTo(-50 + r.marginOfError, 10);
    expect(codes(r)).toContain('survey.npsClipped');
  });

  it('clips at 100 and says so', () => {
    const r = netPromoterScore([10, 10, 10, 0]);
    expect(r.ci[1]).toBe(100);
    expect(r.ci[0]).toBeCloseTo(50 - r.marginOfError, 10);
    expect(codes(r)).toContain('survey.npsClipped');
  });

  it('does not clip, nor warn of clipping, when the interval fits', () => {
    const r = netPromoterScore([10, 9, 9, 8, 7, 6, 3, 10, 9, 5]);
    expect(r.ci[0]).toBeCloseTo(20 - r.marginOfError, 12);
    expect(r.ci[1]).toBeCloseTo(20 + r.marginOfError, 12);
    expect(codes(r)).not.toContain('survey.npsClipped');
  });
});

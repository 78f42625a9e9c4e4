// The column-name forms (src/byName.ts) pinned where mutation testing found them unchecked: the
// column's missing reasons unless the caller gives others, `by` as an array or as a column with a
// caller's order, attribute names from labels (with and without " — "), name columns of each type,
// the sources that let an error name its column, the yes/no column's level found whatever its
// case, a missing "left" kept missing, and the documented errors. Each table form is compared with
// the array form of the same call (an invariant), or with counts worked out by hand.
import { describe, expect, it } from 'vitest';
import { InputError, tableFromColumns } from '@satlab/data';
import { attritionVsDissatisfaction, ipaFromRatings, ipaMatrix, netPromoterScore } from '@satlab/survey';
import type { IpaRatingColumns } from '@satlab/survey';
import { caught } from './pins.js';


const round = (x: number): number => Math.round(x * 1e9) / 1e9;

describe('resolveByName through netPromoterScore(table, column, options)', () => {
  // nps: 10 respondents, 99 = "no answer" (a missing code), one plain missing value.
  const table = tableFromColumns(
    { nps: [10, 9, 99, 7, 3, 10, null, 8, 0, 9], region: ['Sud', 'Nord', 'Sud', 'Est', 'Nord', null, 'Sud', 'Est', 'Nord', 'Sud'] },
    { columns: { nps: { type: 'numeric', missing: [99] }, region: { type: 'categorical', levels: ['Sud', 'Nord', 'Est'] } } },
  );

  it('keeps the column\'s missing reasons, or the caller\'s when given', () => {
    const r = netPromoterScore(table, 'nps');
    expect(r.excludedByReason).toEqual({ 'code 99': 1, empty: 1 });
    const own = netPromoterScore(table, 'nps', { missingReasons: { reasons: ['refused'], index: [0, 0, 1, 0, 0, 0, 1, 0, 0, 0] } });
    expect(own.excludedByReason).toEqual({ refused: 2 });
  });

  it('by: a column (its levels in order, or the order given), or one name per row', () => {
    // valid rows by region: Sud 10, 9 → 2 promoters; Nord 9, 3, 0 → 1 promoter, 2 detractors; Est 7, 8 → 2 passives
    const col = netPromoterScore(table, 'nps', { by: 'region' });
    expect(col.groups!.map((g) => [g.name, g.n, round(g.nps)])).toEqual([
      ['Sud', 2, 100],
      ['Nord', 3, round(-100 / 3)],
      ['Est', 2, 0],
    ]);
    expect(col.unknownSegment).toBe(1);
    const ordered = netPromoterScore(table, 'nps', { by: 'region', segmentOrder: ['Est', 'Nord', 'Sud'] });
    expect(ordered.groups!.map((g) => g.name)).toEqual(['Est', 'Nord', 'Sud']);
    const arr = netPromoterScore(table, 'nps', { by: ['a', 'b', 'a', 'b', 'a', 'b', 'a', 'b', 'a', 'b'] });
    // a: 10, 3, 0 (99 and null set aside) → 1 promoter, 2 detractors; b: 9, 7, 10, 8, 9 → 3 promoters, 2 passives
    expect(arr.groups!.map((g) => [g.name, g.n, round(g.nps)])).toEqual([
      ['a', 3, round(-100 / 3)],
      ['b', 5, 60],
    ]);
  });
});

describe('ratingsFromTable through ipaFromRatings(table, columns)', () => {
  const s1 = [1, 2, 3, 4, 2, 3, 2, 4, 3, 1];
  const s2 = [3, 4, 3, 4, 3, 4, 4, 3, 4, 3];
  const i1 = [4, 4, 3, 4, 4, 3, 4, 4, 3, 4];
  const i2 = [3, 3, 4, 3, 2, 3, 3, 3, 4, 2];
  const ov = [2, 3, 2, 4, 2, 3, 3, 4, 3, 1];
  const make = (over: Record<string, (number | null)[]> = {}) =>
    tableFromColumns(
      { s1, s2, i1, i2, ov, ...over },
      {
        columns: {
          s1: { type: 'numeric', label: 'Satisfaction — Accueil', missing: [9] },
          s2: { type: 'numeric', label: ' — Délai' },
          i1: { type: 'numeric', label: 'Importance', missing: [9] },
          i2: { type: 'numeric' },
          ov: { type: 'numeric' },
        },
      },
    );

  it('names from labels: after the last " — " (even at the start), the whole label, else the column name; same figures as the array form', () => {
    const t = make();
    const r = ipaFromRatings(t, { satisfaction: ['s1', 's2', 'i1', 'i2'], overall: 'ov' });
    expect(r.attributes.map((a) => a.name)).toEqual(['Accueil', 'Délai', 'Importance', 'i2']);
    expect(r.importanceAxis).toBe('derived-correlation');
    const plain = ipaFromRatings({ attributes: [s1, s2, i1, i2].map((x, k) => ({ name: `a${k}`, satisfaction: x })), overall: ov });
    expect(r.attributes.map((a) => [a.satisfaction, a.importance])).toEqual(plain.attributes.map((a) => [a.satisfaction, a.importance]));
  });

  it('importance columns and missing codes reach the analysis; without overall there is no r', () => {
    const t = make({ s1: [9, 2, 3, 4, 2, 3, 2, 4, 3, 1], i1: [4, 4, 3, 4, 4, 3, 4, 4, 3, 9] });
    const r = ipaFromRatings(t, { satisfaction: ['s1', 's2'], importance: ['i1', 'i2'], names: ['A', 'B'] });
    expect(r.importanceAxis).toBe('stated');
    expect(r.attributes[0].excludedSatisfactionByReason).toEqual({ 'code 9': 1 });
    expect(r.attributes[0].nImportance).toBe(9);
    expect(r.attributes[0].importance).toBe(33 / 9); // 4+4+3+4+4+3+4+4+3 = 33
    expect(r.attributes[0].derivedImportance).toBeUndefined();
    expect(r.comparison).toBeUndefined();
  });

  it('a bad rating names its column, on each axis and in overall', () => {
    const t = make({ s2: [3, 4, 3, 4, 3, 4, 4, 3, 4, 7], i2: [3, 3, 4, 3, 2, 3, 3, 3, 4, 6], ov: [2, 3, 2, 4, 2, 3, 3, 4, 3, 8] });
    const at = (cols: IpaRatingColumns) => (caught(() => ipaFromRatings(t, cols, { scale: [1, 5] })) as InputError).location.columnName;
    expect(at({ satisfaction: ['s1', 's2'] })).toBe('s2');
    expect(at({ satisfaction: ['s1'], importance: ['i2'] })).toBe('i2');
    expect(at({ satisfaction: ['s1'], overall: 'ov' })).toBe('ov');
  });

  it('the documented errors', () => {
    const t = make();
    expect(caught(() => ipaFromRatings(t, { satisfaction: [] }))).toBeInstanceOf(RangeError);
    expect(() => ipaFromRatings(t, { satisfaction: [] })).toThrow('ipaFromRatings: columns.satisfaction must name at least one column');
    expect(() => ipaFromRatings(t, {} as never)).toThrow('ipaFromRatings: columns.satisfaction must name at least one column');
    expect(() => ipaFromRatings(t, undefined as never)).toThrow('ipaFromRatings: columns.satisfaction must name at least one column');
    expect(() => ipaFromRatings(t, { satisfaction: ['s1', 's2'], importance: ['i1'] })).toThrow('ipaFromRatings: columns.importance names 1 columns, columns.satisfaction 2');
  });
});

describe('pointsFromTable through ipaMatrix(table)', () => {
  const sat = [2.1, 3.4, 1.8, 3.0];
  const imp = [3.5, 3.1, 1.9, 2.2];
  const expectNames = (names: (string | number | null)[], spec: { type: 'categorical' | 'ordinal' | 'text' | 'id'; levels?: string[] } | undefined, expected: string[]) => {
    const t = tableFromColumns({ attribute: names, satisfaction: sat, importance: imp }, spec ? { columns: { attribute: spec } } : undefined);
    const r = ipaMatrix(t);
    expect(r.attributes.map((a) => a.name)).toEqual(expected);
    const plain = ipaMatrix(expected.map((name, k) => ({ name, satisfaction: sat[k], importance: imp[k] })));
    expect(r.attributes.map((a) => a.quadrant)).toEqual(plain.attributes.map((a) => a.quadrant));
  };

  it('names from a categorical, ordinal, text, id or numeric column', () => {
    expectNames(['Prix', 'Web', 'Accueil', 'Délai'], { type: 'categorical' }, ['Prix', 'Web', 'Accueil', 'Délai']);
    expectNames(['b', 'a', 'c', 'd'], { type: 'ordinal', levels: ['d', 'c', 'b', 'a'] }, ['b', 'a', 'c', 'd']);
    expectNames(['Prix', 'Web', 'Accueil', 'Délai'], { type: 'text' }, ['Prix', 'Web', 'Accueil', 'Délai']);
    expectNames(['Prix', 'Web', 'Accueil', 'Délai'], { type: 'id' }, ['Prix', 'Web', 'Accueil', 'Délai']);
    expectNames([11, 12, 13, 14], undefined, ['11', '12', '13', '14']);
  });

  it('a missing name is refused by the name check (as an empty name)', () => {
    for (const type of ['categorical', 'text', 'id'] as const) {
      const t = tableFromColumns({ attribute: ['Prix', null, 'Accueil', 'Délai'], satisfaction: sat, importance: imp }, { columns: { attribute: { type } } });
      expect(() => ipaMatrix(t)).toThrow('ipaMatrix: points[1].name must be a non-empty string');
    }
  });
});

describe('attritionFromTable through attritionVsDissatisfaction(table, columns)', () => {
  const sat = [1, 2, 4, 3, 1, 2, 4, 4, 1, 3];
  const leftYes = ['Oui', 'Non', 'Non', 'Non', 'Oui', null, 'Non', 'Non', 'Oui', 'Oui'];
  const bool = leftYes.map((v) => (v === null ? null : v === 'Oui'));

  it('finds the "left" level whatever its case, keeps a missing answer missing, needs no by', () => {
    const t = tableFromColumns({ sat, left: leftYes }, { columns: { left: { type: 'categorical' } } });
    const a = attritionVsDissatisfaction(t, { satisfaction: 'sat', left: 'left' }, { scale: [1, 4] });
    const b = attritionVsDissatisfaction({ satisfaction: sat, left: bool }, { scale: [1, 4] });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });

  it('leftLevel may be the first level; an unknown one is refused', () => {
    const t = tableFromColumns({ sat, left: leftYes.map((v) => (v === null ? null : v === 'Oui' ? 'parti' : 'resté')) }, { columns: { left: { type: 'categorical', levels: ['parti', 'resté'] } } });
    const a = attritionVsDissatisfaction(t, { satisfaction: 'sat', left: 'left', leftLevel: 'parti' }, { scale: [1, 4] });
    const b = attritionVsDissatisfaction({ satisfaction: sat, left: bool }, { scale: [1, 4] });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    const e = caught(() => attritionVsDissatisfaction(t, { satisfaction: 'sat', left: 'left' }, { scale: [1, 4] }));
    expect(e).toBeInstanceOf(RangeError);
    expect(e.message).toBe('attritionVsDissatisfaction: column "left" has no level meaning "left" (levels: parti, resté); give columns.leftLevel');
  });

  it('a bad satisfaction value names its column', () => {
    const t = tableFromColumns({ note: [1, 2, 4, 3, 1, 2, 4, 4, 1, 7], left: leftYes }, { columns: { left: { type: 'categorical' } } });
    const e = caught(() => attritionVsDissatisfaction(t, { satisfaction: 'note', left: 'left' }, { scale: [1, 4] })) as InputError;
    expect(e).toBeInstanceOf(InputError);
    expect(e.location.columnName).toBe('note');
  });
});

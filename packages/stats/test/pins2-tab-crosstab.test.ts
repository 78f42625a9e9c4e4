// crossTab (crossTab.ts, crossTabOf.ts) pinned field by field: codes and strings, levels given or
// built, every error's type and wording, weights with zeros and missing values, the margins and
// the three percentages, the warnings' exact parameters. Every expected value is a hand count,
// written beside it.
import { describe, expect, it } from 'vitest';
import { caught } from './pins-helpers.js';
import { SatlabError } from '@satlab/messages';
import { crossTab } from '@satlab/stats';
import type { ColumnTable } from '@satlab/stats';

describe('crossTab with factor codes', () => {
  it('builds the levels "0".."max" from the largest code and counts cells', () => {
    // rows 0,2,2,-1 ; cols 1,0,1,0 → (0,1), (2,0), (2,1); the -1 respondent is missing.
    const ct = crossTab(Int32Array.of(0, 2, 2, -1), Int32Array.of(1, 0, 1, 0));
    expect(ct.rowLevels).toEqual(['0', '1', '2']);
    expect(ct.colLevels).toEqual(['0', '1']);
    expect(ct.counts).toEqual([[0, 1], [0, 0], [1, 1]]);
    expect(ct.unweightedCounts).toEqual([[0, 1], [0, 0], [1, 1]]);
    expect(ct.sumSquaredWeights).toEqual([[0, 1], [0, 0], [1, 1]]);
    expect(ct.rowTotals).toEqual([1, 0, 2]);
    expect(ct.colTotals).toEqual([1, 2]);
    expect(ct.total).toBe(3);
    expect(ct.n).toBe(3);
    expect(ct.nMissing).toBe(1);
    expect(ct.missingBy).toEqual({ rows: 1, cols: 0, weights: 0 });
    expect(ct.weighted).toBe(false);
    // Empty row 1: NaN row percentages; column percentages of its cells are 0.
    expect(ct.rowPercents).toEqual([[0, 100], [NaN, NaN], [50, 50]]);
    expect(ct.colPercents).toEqual([[0, 50], [0, 0], [100, 50]]);
    // 100/3 of the total each for the three filled cells.
    expect(ct.totalPercents[0][0]).toBe(0);
    expect(ct.totalPercents[0][1]).toBeCloseTo(100 / 3, 12);
    expect(ct.totalPercents[1]).toEqual([0, 0]);
    expect(ct.totalPercents[2][0]).toBeCloseTo(100 / 3, 12);
    expect(ct.totalPercents[2][1]).toBeCloseTo(100 / 3, 12);
    expect(ct.warnings).toEqual([
      { code: 'stats.table.missingExcluded', params: { n: 1, rows: 1, cols: 0, weights: 0 }, text: '1 respondent(s) excluded for a missing value (row variable: 1, column variable: 0, weight: 0).' },
    ]);
  });

  it('a column of codes all missing has no level at all; no warning without a missing value', () => {
    const ct = crossTab(Int32Array.of(0, 1), Int32Array.of(0, 0));
    expect(ct.warnings).toEqual([]);
    expect(ct.nMissing).toBe(0);
    expect(ct.counts).toEqual([[1], [1]]);
    const none = crossTab(Int32Array.of(0, 1), Int32Array.of(-1, -1));
    expect(none.colLevels).toEqual([]);
    expect(none.counts).toEqual([[], []]);
    expect(none.rowTotals).toEqual([0, 0]);
    expect(none.colTotals).toEqual([]);
    expect(none.total).toBe(0);
    expect(none.n).toBe(0);
    expect(none.missingBy).toEqual({ rows: 0, cols: 2, weights: 0 });
  });

  it('levels given: the largest code may be levels.length − 1, not levels.length; levels are turned into strings', () => {
    const ok = crossTab(Int32Array.of(0, 1), Int32Array.of(1, 1), { rowLevels: ['a', 'b'], colLevels: [7, 8] as unknown as string[] });
    expect(ok.rowLevels).toEqual(['a', 'b']);
    expect(ok.colLevels).toEqual(['7', '8']);
    expect(ok.counts).toEqual([[0, 1], [0, 1]]);
    // More levels than codes: the unused level stays as an empty row.
    const more = crossTab(Int32Array.of(0, 0), Int32Array.of(0, 1), { rowLevels: ['a', 'b', 'c'] });
    expect(more.counts).toEqual([[1, 1], [0, 0], [0, 0]]);
    const e = caught(() => crossTab(Int32Array.of(0, 2), Int32Array.of(0, 0), { rowLevels: ['a', 'b'] }));
    expect(e).toBeInstanceOf(RangeError);
    expect(e.message).toBe('crossTab(rows): code 2 has no level (2 levels given)');
    const ec = caught(() => crossTab(Int32Array.of(0, 0), Int32Array.of(0, 1), { colLevels: ['x'] }));
    expect(ec).toBeInstanceOf(RangeError);
    expect(ec.message).toBe('crossTab(cols): code 1 has no level (1 levels given)');
  });

  it('refuses a code below −1, naming it and its index; −1 itself is missing', () => {
    const e = caught(() => crossTab(Int32Array.of(0, -1, -2), Int32Array.of(0, 0, 0)));
    expect(e).toBeInstanceOf(RangeError);
    expect(e.message).toBe('crossTab(rows): code -2 at index 2 is invalid (codes are ≥ 0, -1 for missing)');
    const ec = caught(() => crossTab(Int32Array.of(0, 0), Int32Array.of(-5, 0)));
    expect(ec.message).toBe('crossTab(cols): code -5 at index 0 is invalid (codes are ≥ 0, -1 for missing)');
  });

  it('refuses a variable that is neither codes nor an array, naming its type', () => {
    const e = caught(() => crossTab(5 as unknown as string[], ['x']));
    expect(e).toBeInstanceOf(TypeError);
    expect(e.message).toBe('crossTab(rows): expected an Int32Array of codes or an array of strings, got number');
    const ec = caught(() => crossTab(['a'], 'x' as unknown as string[]));
    expect(ec).toBeInstanceOf(TypeError);
    expect(ec.message).toBe('crossTab(cols): expected an Int32Array of codes or an array of strings, got string');
    // A Float64Array is not codes either.
    const ef = caught(() => crossTab(Float64Array.of(0, 1) as unknown as Int32Array, ['x', 'y']));
    expect(ef.message).toBe('crossTab(rows): expected an Int32Array of codes or an array of strings, got object');
  });
});

describe('crossTab with strings', () => {
  it('null, undefined and "" are missing; levels are the values present, numeric collation', () => {
    const ct = crossTab(['b', null, '10', undefined, '', '2', 'b'], ['y', 'x', 'x', 'x', 'x', 'y', 'x']);
    expect(ct.rowLevels).toEqual(['2', '10', 'b']);
    expect(ct.colLevels).toEqual(['x', 'y']);
    // (b,y), (10,x), (2,y), (b,x); three rows missing.
    expect(ct.counts).toEqual([[0, 1], [1, 0], [1, 1]]);
    expect(ct.nMissing).toBe(3);
    expect(ct.missingBy).toEqual({ rows: 3, cols: 0, weights: 0 });
    expect(ct.n).toBe(4);
  });

  it('a respondent missing on both sides counts once in nMissing, once on each side', () => {
    const ct = crossTab(['a', null, 'b', ''], ['x', '', null, 'y']);
    expect(ct.nMissing).toBe(3);
    expect(ct.missingBy).toEqual({ rows: 2, cols: 2, weights: 0 });
    // Levels come from every non-missing value, even of respondents missing on the other side.
    expect(ct.rowLevels).toEqual(['a', 'b']);
    expect(ct.colLevels).toEqual(['x', 'y']);
    expect(ct.counts).toEqual([[1, 0], [0, 0]]);
    expect(ct.warnings).toEqual([
      { code: 'stats.table.missingExcluded', params: { n: 3, rows: 2, cols: 2, weights: 0 }, text: '3 respondent(s) excluded for a missing value (row variable: 2, column variable: 2, weight: 0).' },
    ]);
  });

  it('numbers in a string array are read as their string form, in the levels and against given levels', () => {
    const ct = crossTab([3, 1, 3] as unknown as string[], ['x', 'x', 'y'], { colLevels: ['y', 'x'] });
    expect(ct.rowLevels).toEqual(['1', '3']);
    expect(ct.colLevels).toEqual(['y', 'x']);
    expect(ct.counts).toEqual([[0, 1], [1, 1]]);
    const given = crossTab([2, 1] as unknown as string[], ['x', 'y'], { rowLevels: [1, 2] as unknown as string[] });
    expect(given.rowLevels).toEqual(['1', '2']);
    expect(given.counts).toEqual([[0, 1], [1, 0]]);
  });

  it('refuses a value outside the given levels, naming it, its index and the levels', () => {
    const e = caught(() => crossTab(['a', 'b', 'z'], ['x', 'y', 'x'], { rowLevels: ['a', 'b'] }));
    expect(e).toBeInstanceOf(RangeError);
    expect(e.message).toBe('crossTab(rows): value "z" at index 2 is not one of the levels given (a, b)');
    const ec = caught(() => crossTab(['a'], ['w'], { colLevels: ['x', 'y'] }));
    expect(ec.message).toBe('crossTab(cols): value "w" at index 0 is not one of the levels given (x, y)');
  });

  it('refuses variables of different lengths, giving both', () => {
    const e = caught(() => crossTab(['a', 'b', 'c'], ['x', 'y']));
    expect(e).toBeInstanceOf(RangeError);
    expect(e.message).toBe('crossTab(rows, cols): lengths differ (3 and 2)');
  });
});

describe('crossTab with weights', () => {
  // rows a b a b a null ; cols x x y y y x ; w 2 0.5 1 3 0 4
  // cells: (a,x) 2 ; (b,x) 0.5 ; (a,y) 1 + 0 ; (b,y) 3 ; the last respondent has no row.
  const rows = ['a', 'b', 'a', 'b', 'a', null];
  const cols = ['x', 'x', 'y', 'y', 'y', 'x'];
  it('sums weights, counts respondents and squared weights per cell; margins and percentages', () => {
    const ct = crossTab(rows, cols, { weights: [2, 0.5, 1, 3, 0, 4] });
    expect(ct.weighted).toBe(true);
    expect(ct.counts).toEqual([[2, 1], [0.5, 3]]);
    expect(ct.unweightedCounts).toEqual([[1, 2], [1, 1]]);
    expect(ct.sumSquaredWeights).toEqual([[4, 1], [0.25, 9]]);
    expect(ct.rowTotals).toEqual([3, 3.5]);
    expect(ct.colTotals).toEqual([2.5, 4]);
    expect(ct.total).toBe(6.5);
    expect(ct.n).toBe(5);
    expect(ct.nMissing).toBe(1);
    expect(ct.missingBy).toEqual({ rows: 1, cols: 0, weights: 0 });
    // row a: 2/3, 1/3 ; row b: 0.5/3.5 = 1/7, 3/3.5 = 6/7.
    expect(ct.rowPercents[0][0]).toBeCloseTo(200 / 3, 12);
    expect(ct.rowPercents[0][1]).toBeCloseTo(100 / 3, 12);
    expect(ct.rowPercents[1][0]).toBeCloseTo(100 / 7, 12);
    expect(ct.rowPercents[1][1]).toBeCloseTo(600 / 7, 12);
    // column x: 2/2.5 = 80 %, 0.5/2.5 = 20 % ; column y: 1/4 = 25 %, 3/4 = 75 %.
    expect(ct.colPercents[0][0]).toBeCloseTo(80, 12);
    expect(ct.colPercents[1][0]).toBeCloseTo(20, 12);
    expect(ct.colPercents[0][1]).toBeCloseTo(25, 12);
    expect(ct.colPercents[1][1]).toBeCloseTo(75, 12);
    // of 6.5: 2 → 400/13, 1 → 200/13, 0.5 → 100/13, 3 → 600/13.
    expect(ct.totalPercents[0][0]).toBeCloseTo(400 / 13, 12);
    expect(ct.totalPercents[0][1]).toBeCloseTo(200 / 13, 12);
    expect(ct.totalPercents[1][0]).toBeCloseTo(100 / 13, 12);
    expect(ct.totalPercents[1][1]).toBeCloseTo(600 / 13, 12);
    expect(ct.warnings).toEqual([
      { code: 'stats.table.missingExcluded', params: { n: 1, rows: 1, cols: 0, weights: 0 }, text: '1 respondent(s) excluded for a missing value (row variable: 1, column variable: 0, weight: 0).' },
      { code: 'stats.table.zeroWeights', params: { n: 1 }, text: '1 respondent(s) have a weight of 0: they count in n but not in the weighted table.' },
    ]);
  });

  it('a Float64Array of weights is accepted the same; a zero weight on a missing respondent is not counted as zero', () => {
    const ct = crossTab(rows, cols, { weights: Float64Array.of(2, 0.5, 1, 3, 1, 0) });
    // (a,y) now 1 + 1 ; the sixth respondent (weight 0) is missing on the row: no zero-weight warning.
    expect(ct.counts).toEqual([[2, 2], [0.5, 3]]);
    expect(ct.warnings.map((w) => w.code)).toEqual(['stats.table.missingExcluded']);
  });

  it('a row whose respondents all weigh 0 has NaN row percentages and a zero-weight warning counting them', () => {
    const ct = crossTab(['a', 'b', 'b'], ['x', 'x', 'y'], { weights: [1, 0, 0] });
    expect(ct.counts).toEqual([[1, 0], [0, 0]]);
    expect(ct.unweightedCounts).toEqual([[1, 0], [1, 1]]);
    expect(ct.rowPercents).toEqual([[100, 0], [NaN, NaN]]);
    expect(ct.colPercents).toEqual([[100, NaN], [0, NaN]]);
    expect(ct.n).toBe(3);
    expect(ct.warnings).toEqual([{ code: 'stats.table.zeroWeights', params: { n: 2 }, text: '2 respondent(s) have a weight of 0: they count in n but not in the weighted table.' }]);
  });

  it('NaN weights are missing and counted; a respondent missing twice counts once', () => {
    const ct = crossTab(['a', null, 'b', 'a'], ['x', 'y', null, 'y'], { weights: [NaN, NaN, 1, 2] });
    expect(ct.nMissing).toBe(3);
    expect(ct.missingBy).toEqual({ rows: 1, cols: 1, weights: 2 });
    expect(ct.counts).toEqual([[0, 2], [0, 0]]);
    expect(ct.rowLevels).toEqual(['a', 'b']);
    expect(ct.colLevels).toEqual(['x', 'y']);
    expect(ct.warnings[0].params).toEqual({ n: 3, rows: 1, cols: 1, weights: 2 });
  });

  it('refuses weights that are not an array, of the wrong length, with a non-number, infinite or negative', () => {
    const t = caught(() => crossTab(['a'], ['x'], { weights: 'w' as unknown as number[] }));
    expect(t).toBeInstanceOf(TypeError);
    expect(t.message).toBe('crossTab(options.weights): expected a Float64Array or an array of numbers');
    const t2 = caught(() => crossTab(['a'], ['x'], { weights: Int32Array.of(1) as unknown as number[] }));
    expect(t2).toBeInstanceOf(TypeError);
    const l = caught(() => crossTab(['a', 'b'], ['x', 'y'], { weights: [1] }));
    expect(l).toBeInstanceOf(RangeError);
    expect(l.message).toBe('crossTab(options.weights): length 1, expected 2 (one weight per respondent)');
    const s = caught(() => crossTab(['a', 'b'], ['x', 'y'], { weights: [1, '2'] as unknown as number[] }));
    expect(s).toBeInstanceOf(TypeError);
    expect(s.message).toBe('crossTab(options.weights): element 1 is not a number (2); use NaN for missing');
    const nu = caught(() => crossTab(['a', 'b'], ['x', 'y'], { weights: [null, 1] as unknown as number[] }));
    expect(nu.message).toBe('crossTab(options.weights): element 0 is not a number (null); use NaN for missing');
    const neg = caught(() => crossTab(['a', 'b'], ['x', 'y'], { weights: [1, -0.5] }));
    expect(neg).toBeInstanceOf(RangeError);
    expect(neg.message).toBe('crossTab(options.weights): weight -0.5 at index 1; weights must be finite and ≥ 0 (NaN for missing)');
    const inf = caught(() => crossTab(['a', 'b'], ['x', 'y'], { weights: [Infinity, 1] }));
    expect(inf).toBeInstanceOf(RangeError);
    expect(inf.message).toBe('crossTab(options.weights): weight Infinity at index 0; weights must be finite and ≥ 0 (NaN for missing)');
    const minf = caught(() => crossTab(['a', 'b'], ['x', 'y'], { weights: [1, -Infinity] }));
    expect(minf.message).toBe('crossTab(options.weights): weight -Infinity at index 1; weights must be finite and ≥ 0 (NaN for missing)');
    // A bad weight is refused even on a respondent already missing on the row.
    const missNeg = caught(() => crossTab([null, 'b'], ['x', 'y'], { weights: [-1, 1] }));
    expect(missNeg.message).toBe('crossTab(options.weights): weight -1 at index 0; weights must be finite and ≥ 0 (NaN for missing)');
  });
});

describe('crossTab of factors and column tables (crossTabOf)', () => {
  const f = { name: 'contrat', label: 'Type de contrat', codes: Int32Array.of(0, 1, 1, -1), levels: ['Auto', 'Santé'] };
  const g = { name: 'sat', label: 'Satisfaction', codes: Int32Array.of(1, 1, 0, 0), levels: ['non', 'oui'] };

  it('two factors: their levels, names and labels', () => {
    const ct = crossTab(f, g);
    // (Auto,oui), (Santé,oui), (Santé,non); the 4th is missing on the row.
    expect(ct.counts).toEqual([[0, 1], [1, 1]]);
    expect(ct.rowLevels).toEqual(['Auto', 'Santé']);
    expect(ct.colLevels).toEqual(['non', 'oui']);
    expect(ct.rowVariable).toBe('contrat');
    expect(ct.rowVariableLabel).toBe('Type de contrat');
    expect(ct.colVariable).toBe('sat');
    expect(ct.colVariableLabel).toBe('Satisfaction');
    expect(ct.nMissing).toBe(1);
  });

  it('given levels take precedence over a factor’s own', () => {
    const ct = crossTab(f, g, { rowLevels: ['A', 'S'], colLevels: ['N', 'O'] });
    expect(ct.rowLevels).toEqual(['A', 'S']);
    expect(ct.colLevels).toEqual(['N', 'O']);
    expect(ct.counts).toEqual([[0, 1], [1, 1]]);
    // Given on one side only: the other side keeps the factor's levels.
    const one = crossTab(f, g, { colLevels: ['N', 'O'] });
    expect(one.rowLevels).toEqual(['Auto', 'Santé']);
    expect(one.colLevels).toEqual(['N', 'O']);
    const other = crossTab(f, g, { rowLevels: ['A', 'S'] });
    expect(other.rowLevels).toEqual(['A', 'S']);
    expect(other.colLevels).toEqual(['non', 'oui']);
  });

  it('weights pass through the factor form', () => {
    const ct = crossTab(f, g, { weights: [2, 3, 5, 7] });
    expect(ct.counts).toEqual([[0, 2], [5, 3]]);
    expect(ct.weighted).toBe(true);
  });

  it('an unnamed factor gives no variable keys', () => {
    const ct = crossTab({ codes: f.codes, levels: f.levels }, { codes: g.codes, levels: g.levels });
    expect(ct.counts).toEqual([[0, 1], [1, 1]]);
    for (const k of ['rowVariable', 'colVariable', 'rowVariableLabel', 'colVariableLabel']) expect(k in ct).toBe(false);
    const plain = crossTab(['a', 'b'], ['x', 'y']);
    for (const k of ['rowVariable', 'colVariable', 'rowVariableLabel', 'colVariableLabel']) expect(k in plain).toBe(false);
  });

  const table: ColumnTable = {
    nRows: 4,
    columns: [
      { name: 'contrat', type: 'factor', label: 'Type de contrat', codes: Int32Array.of(0, 1, 1, -1), levels: ['Auto', 'Santé'] },
      { name: 'sat', type: 'factor', codes: Int32Array.of(1, 1, 0, 0), levels: ['non', 'oui'] },
      { name: 'w', type: 'numeric', values: Float64Array.of(2, 3, 5, 7) },
      { name: 'txt', type: 'text', values: ['a', 'b', 'c', 'd'] },
    ],
  };

  it('column-name form: names, label only where the column has one, levels and counts', () => {
    const ct = crossTab(table, 'contrat', 'sat');
    expect(ct.counts).toEqual([[0, 1], [1, 1]]);
    expect(ct.rowVariable).toBe('contrat');
    expect(ct.rowVariableLabel).toBe('Type de contrat');
    expect(ct.colVariable).toBe('sat');
    expect('colVariableLabel' in ct).toBe(false);
    expect(ct.weighted).toBe(false);
  });

  it('column-name form: weights by column name, by array, and given levels', () => {
    const byName = crossTab(table, 'contrat', 'sat', { weights: 'w' });
    expect(byName.counts).toEqual([[0, 2], [5, 3]]);
    expect(byName.weighted).toBe(true);
    const byArray = crossTab(table, 'contrat', 'sat', { weights: [1, 1, 4, 1] });
    expect(byArray.counts).toEqual([[0, 1], [4, 1]]);
    const levels = crossTab(table, 'contrat', 'sat', { rowLevels: ['A', 'S'] });
    expect(levels.rowLevels).toEqual(['A', 'S']);
    expect(levels.colLevels).toEqual(['non', 'oui']);
  });

  it('column-name form: unknown weight column, weight column of text', () => {
    const e = caught(() => crossTab(table, 'contrat', 'sat', { weights: 'poids' }));
    expect(e).toBeInstanceOf(SatlabError);
    expect(e.message).toBe('crossTab: no column “poids” in the table (columns: contrat, sat, w, txt)');
    const t = caught(() => crossTab(table, 'contrat', 'sat', { weights: 'txt' }));
    expect(t).toBeInstanceOf(SatlabError);
    expect(t.message).toBe('crossTab: column “txt” is text, not numbers');
    const r = caught(() => crossTab(table, 'nope', 'sat'));
    expect(r.message).toBe('crossTab: no column “nope” in the table (columns: contrat, sat, w, txt)');
    const c = caught(() => crossTab(table, 'contrat', 'txt'));
    expect(c.message).toBe('crossTab: column “txt” is text text; it cannot be cross-tabulated as categories');
  });

  it('the column-name form needs a column table and two names: otherwise the arguments are variables', () => {
    // A table with a non-string second argument: rows = the table, refused as a variable.
    const e = caught(() => crossTab(table as unknown as string[], ['contrat'], 'sat' as unknown as undefined));
    expect(e).toBeInstanceOf(TypeError);
    expect(e.message).toBe('crossTab(rows): expected an Int32Array of codes or an array of strings, got object');
    // Two strings after a plain array: the second is a variable, refused as such.
    const s = caught(() => crossTab(['a'], 'b' as unknown as string[], 'c' as unknown as undefined));
    expect(s).toBeInstanceOf(TypeError);
    expect(s.message).toBe('crossTab(cols): expected an Int32Array of codes or an array of strings, got string');
  });

  it('a column table with a non-string third argument is not the column-name form', () => {
    // b is a string but c is an options object: read as rows = table, cols = "sat" → refused as a variable.
    const e = caught(() => crossTab(table as unknown as string[], 'sat' as unknown as string[], {}));
    expect(e).toBeInstanceOf(TypeError);
    expect(e.message).toBe('crossTab(rows): expected an Int32Array of codes or an array of strings, got object');
  });
});

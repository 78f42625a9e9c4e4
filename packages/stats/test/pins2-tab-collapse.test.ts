// collapseCategories.ts and the table reader of internal/contingency.ts (readTable, checkLabels,
// dropEmptyForTest) pinned: merged categories in place of their first member, members by index
// and by label, every error's type and wording, the column-major Matrix, rows as typed arrays,
// and the empty-category warnings with numbered or named categories. Hand sums beside the values.
import { describe, expect, it } from 'vitest';
import { caught } from './pins-helpers.js';
import { SatlabError } from '@satlab/messages';
import { chiSquareTest, collapseCategories, fisherExactTest, gTest, monteCarloChiSquare } from '@satlab/stats';
import type { CollapseSpec, Matrix } from '@satlab/stats';

const table4x3 = [
  [1, 2, 3],
  [4, 5, 6],
  [7, 8, 9],
  [10, 11, 12],
];

describe('collapseCategories', () => {
  it('a group takes the place of its first member (in table order), the others keep their order', () => {
    const r = collapseCategories(table4x3, { rows: [{ label: 'BD', members: ['d', 'b'] }], rowLabels: ['a', 'b', 'c', 'd'] });
    // rows a, b+d, c: [1,2,3], [4+10, 5+11, 6+12], [7,8,9].
    expect(r.table).toEqual([[1, 2, 3], [14, 16, 18], [7, 8, 9]]);
    expect(r.rowLabels).toEqual(['a', 'BD', 'c']);
    expect(r.rowSources).toEqual([[0], [1, 3], [2]]);
    expect(r.colLabels).toEqual(['1', '2', '3']);
    expect(r.colSources).toEqual([[0], [1], [2]]);
  });

  it('rows and columns together, members by index and by default label ("1", "2", …)', () => {
    const r = collapseCategories(table4x3, {
      rows: [{ label: 'top', members: [0, 1] }, { label: 'bottom', members: ['3', '4'] }],
      cols: [{ label: 'first two', members: ['2', 0] }],
    });
    // cols: 1+2 | 3 ; rows: 1+2 | 3+4.  [1+2+4+5, 3+6], [7+8+10+11, 9+12]
    expect(r.table).toEqual([[12, 9], [36, 21]]);
    expect(r.rowLabels).toEqual(['top', 'bottom']);
    expect(r.colLabels).toEqual(['first two', '3']);
    expect(r.rowSources).toEqual([[0, 1], [2, 3]]);
    expect(r.colSources).toEqual([[0, 1], [2]]);
  });

  it('no groups: the table as it is, labels turned into strings', () => {
    const r = collapseCategories([[1, 2], [3, 4]], { rowLabels: [5, 6] as unknown as string[] });
    expect(r).toEqual({ table: [[1, 2], [3, 4]], rowLabels: ['5', '6'], colLabels: ['1', '2'], rowSources: [[0], [1]], colSources: [[0], [1]] });
  });

  it('a column-major Matrix and non-integer (weighted) counts', () => {
    const m: Matrix = { rows: 2, cols: 3, data: Float64Array.of(1.5, 2, 3, 4, 5, 6.25) };
    // rows: [1.5, 3, 5], [2, 4, 6.25]; columns 2+3 merged.
    const r = collapseCategories(m, { cols: [{ label: 'x', members: [1, 2] }] });
    expect(r.table).toEqual([[1.5, 8], [2, 10.25]]);
  });

  it('refuses a spec that is not an object', () => {
    for (const spec of [null, undefined, 'rows', 3]) {
      const e = caught(() => collapseCategories([[1, 2], [3, 4]], spec as unknown as CollapseSpec));
      expect(e).toBeInstanceOf(TypeError);
      expect(e.message).toBe('collapseCategories(spec): expected { rows?, cols?, rowLabels?, colLabels? }');
    }
  });

  it('refuses a member out of range or not an integer, naming it and the categories', () => {
    const cats = '("1", "2", "3")';
    for (const m of [3, -1, 1.5, NaN, 'x']) {
      const e = caught(() => collapseCategories(table4x3, { cols: [{ label: 'g', members: [0, m] }] }));
      expect(e).toBeInstanceOf(RangeError);
      expect(e.message).toBe(`collapseCategories(spec.cols[0]): member ${JSON.stringify(m)} is not a category of the table ${cats}`);
    }
    // The last index is fine.
    expect(collapseCategories(table4x3, { cols: [{ label: 'g', members: [2] }] }).colLabels).toEqual(['1', '2', 'g']);
    const e2 = caught(() => collapseCategories(table4x3, { rows: [{ label: 'a', members: [0] }, { label: 'b', members: [4] }] }));
    expect(e2.message).toBe('collapseCategories(spec.rows[1]): member 4 is not a category of the table ("1", "2", "3", "4")');
  });

  it('refuses a category in two groups, or twice in one, naming both groups', () => {
    const e = caught(() => collapseCategories(table4x3, { rows: [{ label: 'g1', members: [0, 1] }, { label: 'g2', members: ['2'] }] }));
    expect(e).toBeInstanceOf(RangeError);
    expect(e.message).toBe('collapseCategories(spec.rows): category "2" is in two groups ("g1" and "g2")');
    const twice = caught(() => collapseCategories(table4x3, { cols: [{ label: 'g', members: [1, 1] }] }));
    expect(twice.message).toBe('collapseCategories(spec.cols): category "2" is in two groups ("g" and "g")');
  });

  it('refuses labels of the wrong length or not an array', () => {
    const e = caught(() => collapseCategories(table4x3, { rowLabels: ['a', 'b', 'c'] }));
    expect(e).toBeInstanceOf(RangeError);
    expect(e.message).toBe('collapseCategories(spec.rowLabels): expected 4 labels, got 3');
    const s = caught(() => collapseCategories(table4x3, { colLabels: 'abc' as unknown as string[] }));
    expect(s).toBeInstanceOf(RangeError);
    expect(s.message).toBe('collapseCategories(spec.colLabels): expected 3 labels, got string');
  });
});

describe('reading a table (internal/contingency readTable)', () => {
  it('a Matrix is column-major; rows may be typed arrays', () => {
    const m: Matrix = { rows: 2, cols: 2, data: Float64Array.of(10, 20, 30, 40) };
    expect(gTest(m).statistic).toBe(gTest([[10, 30], [20, 40]]).statistic);
    const typed = gTest([Float64Array.of(10, 30), Int32Array.of(20, 40)] as unknown as number[][]);
    expect(typed.statistic).toBe(gTest([[10, 30], [20, 40]]).statistic);
  });

  it('a Matrix whose data length is not rows × cols', () => {
    const e = caught(() => gTest({ rows: 2, cols: 2, data: Float64Array.of(1, 2, 3) }));
    expect(e).toBeInstanceOf(RangeError);
    expect(e.message).toBe('gTest(table): matrix data has length 3, expected rows × cols = 4');
  });

  it('neither rows nor a Matrix', () => {
    const cases: [unknown, string][] = [
      [null, 'null'],
      [undefined, 'undefined'],
      [7, 'number'],
      ['ab', 'string'],
      [{ rows: 2, cols: 2, data: [1, 2, 3, 4] }, 'object'],
      [{ rows: '2', cols: 2, data: Float64Array.of(1, 2, 3, 4) }, 'object'],
      [{ rows: 2, cols: '2', data: Float64Array.of(1, 2, 3, 4) }, 'object'],
    ];
    for (const [t, what] of cases) {
      const e = caught(() => gTest(t as number[][]));
      expect(e).toBeInstanceOf(TypeError);
      expect(e.message).toBe(`gTest(table): expected an array of rows (number[][]) or a Matrix, got ${what}`);
    }
  });

  it('an array with a data field is still read as rows', () => {
    const rows = Object.assign([[1, 2], [3, 4]], { rows: 2, cols: 2, data: Float64Array.of(9, 9, 9, 9) });
    expect(gTest(rows).statistic).toBe(gTest([[1, 2], [3, 4]]).statistic);
  });

  it('an empty array, or a first row that is not an array', () => {
    for (const t of [[], [1, 2], [new DataView(new ArrayBuffer(8)), [1, 2]]]) {
      const e = caught(() => gTest(t as unknown as number[][]));
      expect(e).toBeInstanceOf(TypeError);
      expect(e.message).toBe('gTest(table): expected a non-empty array of rows (number[][]) or a Matrix');
    }
  });

  it('a later row that is not an array, a ragged row, a cell that is not a number', () => {
    const e = caught(() => chiSquareTest([[1, 2], 3] as unknown as number[][]));
    expect(e).toBeInstanceOf(TypeError);
    expect(e.message).toBe('chiSquareTest(table): row 1 is not an array of numbers');
    const dv = caught(() => chiSquareTest([[1, 2], new DataView(new ArrayBuffer(16))] as unknown as number[][]));
    expect(dv.message).toBe('chiSquareTest(table): row 1 is not an array of numbers');
    const rag = caught(() => chiSquareTest([[1, 2], [3, 4, 5]]));
    expect(rag).toBeInstanceOf(RangeError);
    expect(rag.message).toBe('chiSquareTest(table): row 1 has 3 cells, expected 2 (all rows must have the same length)');
    const short = caught(() => chiSquareTest([[1, 2, 3], [3, 4]]));
    expect(short.message).toBe('chiSquareTest(table): row 1 has 2 cells, expected 3 (all rows must have the same length)');
    const s = caught(() => chiSquareTest([[1, 2], [3, '4']] as unknown as number[][]));
    expect(s).toBeInstanceOf(TypeError);
    expect(s.message).toBe('chiSquareTest(table): cell [1][1] is not a number (4)');
  });

  it('a negative, NaN or infinite cell, located by row and column', () => {
    // 2 × 3: flat index 4 is row 1, column 1; index 2 is row 0, column 2.
    const neg = caught(() => gTest([[1, 2, 3], [4, -1, 6]]));
    expect(neg).toBeInstanceOf(RangeError);
    expect(neg.message).toBe('gTest(table): cell [1][1] is -1; counts must be finite and ≥ 0 (a table has no missing cells)');
    const nan = caught(() => gTest([[1, 2, NaN], [4, 5, 6]]));
    expect(nan.message).toBe('gTest(table): cell [0][2] is NaN; counts must be finite and ≥ 0 (a table has no missing cells)');
    const inf = caught(() => gTest({ rows: 2, cols: 3, data: Float64Array.of(1, 2, 3, 4, 5, Infinity) }));
    expect(inf.message).toBe('gTest(table): cell [1][2] is Infinity; counts must be finite and ≥ 0 (a table has no missing cells)');
    // Zero is a count.
    expect(gTest([[0, 2], [3, 4]]).n).toBe(9);
  });

  it('tests needing integer counts name the first non-integer cell; the others accept it', () => {
    const e = caught(() => fisherExactTest([[1, 2, 3], [4, 5.5, 6]]));
    expect(e).toBeInstanceOf(RangeError);
    expect(e.message).toBe('fisherExactTest(table): cell [1][1] is 5.5; this test needs integer counts (unweighted respondents)');
    const mc = caught(() => monteCarloChiSquare([[1.25, 2], [3, 4]]));
    expect(mc.message).toBe('monteCarloChiSquare(table): cell [0][0] is 1.25; this test needs integer counts (unweighted respondents)');
    expect(gTest([[1.25, 2], [3, 4]]).n).toBe(10.25);
  });
});

describe('empty categories (internal/contingency dropEmptyForTest)', () => {
  it('gTest numbers them: one row, then two columns', () => {
    const g = gTest([[5, 0, 3, 0], [0, 0, 0, 0], [2, 0, 6, 0]]);
    expect(g.df).toBe(1);
    expect(g.n).toBe(16);
    expect(g.warnings).toEqual([
      { code: 'stats.table.emptyRemoved', params: { what: 'row', labels: ['2'], numbered: true }, text: 'Empty row 2 (no observations) was removed before the test.' },
      {
        code: 'stats.table.emptyRemoved',
        params: { what: 'column', labels: ['2', '4'], numbered: true },
        text: 'Empty column 2 and column 4 (no observations) were removed before the test.',
      },
    ]);
    // Same statistic as the reduced table.
    expect(g.statistic).toBe(gTest([[5, 3], [2, 6]]).statistic);
  });

  it('chiSquareTest names them by label; nothing removed, no warning', () => {
    const t = chiSquareTest([[0, 0, 0], [3, 4, 0], [5, 1, 0]], { correct: false, rowLabels: ['a', 'b', 'c'], colLabels: ['x', 'y', 'z'] });
    expect(t.removedRows).toEqual(['a']);
    expect(t.removedCols).toEqual(['z']);
    expect(t.rowLabels).toEqual(['b', 'c']);
    expect(t.colLabels).toEqual(['x', 'y']);
    expect(t.observed).toEqual([[3, 4], [5, 1]]);
    const codes = t.warnings.map((w) => w.code);
    expect(codes.slice(0, 2)).toEqual(['stats.table.emptyRemoved', 'stats.table.emptyRemoved']);
    expect(t.warnings[0]).toEqual({ code: 'stats.table.emptyRemoved', params: { what: 'row', labels: ['a'], numbered: false }, text: 'Empty row “a” (no observations) was removed before the test.' });
    expect(t.warnings[1].params).toEqual({ what: 'column', labels: ['z'], numbered: false });
    const none = gTest([[1, 2], [3, 4]]);
    expect(none.warnings).toEqual([]);
  });

  it('the Monte-Carlo test removes empty categories without warnings of its own', () => {
    const opts = { replicates: 200, seed: 7 };
    const m = monteCarloChiSquare([[6, 1], [0, 0], [1, 5]], opts);
    const reduced = monteCarloChiSquare([[6, 1], [1, 5]], opts);
    expect(m.pValue).toBe(reduced.pValue);
    expect(m.statistic).toBe(reduced.statistic);
    expect(m.warnings.map((w) => w.code)).toEqual(reduced.warnings.map((w) => w.code));
    expect(m.warnings.map((w) => w.code)).not.toContain('stats.table.emptyRemoved');
  });

  it('fewer than 2 × 2 non-empty categories left is a SatlabError giving the size left', () => {
    const rows = caught(() => gTest([[1, 2, 3], [0, 0, 0]]));
    expect(rows).toBeInstanceOf(SatlabError);
    expect((rows as SatlabError).code).toBe('stats.table.error.tooFewCategories');
    expect(rows.message).toBe('gTest: after removing empty rows and columns the table is 1 × 3; a test of independence needs at least 2 × 2');
    const cols = caught(() => chiSquareTest([[0, 2], [0, 3], [0, 1]]));
    expect(cols.message).toBe('chiSquareTest: after removing empty rows and columns the table is 3 × 1; a test of independence needs at least 2 × 2');
    const single = caught(() => gTest([[5]]));
    expect(single.message).toBe('gTest: after removing empty rows and columns the table is 1 × 1; a test of independence needs at least 2 × 2');
  });

  it('labels given with the wrong length are refused before anything is removed', () => {
    const e = caught(() => chiSquareTest([[1, 2], [3, 4]], { rowLabels: ['a', 'b', 'c'] }));
    expect(e).toBeInstanceOf(RangeError);
    expect(e.message).toBe('chiSquareTest(options.rowLabels): expected 2 labels, got 3');
    const c = caught(() => chiSquareTest([[1, 2], [3, 4]], { colLabels: ['a'] }));
    expect(c.message).toBe('chiSquareTest(options.colLabels): expected 2 labels, got 1');
  });
});

// byName.ts pinned: isFactorLike clause by clause, columnByName, factorFromColumn on every kind of
// column (codebook factor, inferred categorical re-sorted, numeric with value labels, dates, text
// refused), numbersFromColumn on numeric, ordinal and refused columns. Hand-written expectations.
import { describe, expect, it } from 'vitest';
import { caught } from './pins-helpers.js';
import { SatlabError, renderMessage } from '@satlab/messages';
import { columnByName, factorFromColumn, isColumnTable, isFactorLike, numbersFromColumn } from '@satlab/stats';

describe('isFactorLike', () => {
  it('codes in an Int32Array and an array of levels', () => {
    expect(isFactorLike({ codes: Int32Array.of(0), levels: ['a'] })).toBe(true);
    expect(isFactorLike({ codes: new Int32Array(0), levels: [] })).toBe(true);
  });
  it('each defect on its own makes it not one', () => {
    expect(isFactorLike(null)).toBe(false);
    expect(isFactorLike(undefined)).toBe(false);
    expect(isFactorLike('ab')).toBe(false);
    expect(isFactorLike(Int32Array.of(0, 1))).toBe(false);
    expect(isFactorLike({ codes: [0, 1], levels: ['a', 'b'] })).toBe(false);
    expect(isFactorLike({ codes: Float64Array.of(0), levels: ['a'] })).toBe(false);
    expect(isFactorLike({ codes: Int32Array.of(0), levels: 'a' })).toBe(false);
    expect(isFactorLike({ codes: Int32Array.of(0) })).toBe(false);
    expect(isFactorLike({ levels: ['a'] })).toBe(false);
  });
  it('isColumnTable: an object with nRows but no columns array is not one; a table of columns is', () => {
    expect(isColumnTable({ nRows: 2 })).toBe(false);
    expect(isColumnTable(undefined)).toBe(false);
    expect(isColumnTable(3)).toBe(false);
    expect(isColumnTable({ columns: [] })).toBe(false);
    expect(isColumnTable({ nRows: 2, columns: [{ name: 'a', type: 'numeric' }] })).toBe(true);
    // A missing column entry is not a column (and reading it does not throw).
    expect(isColumnTable({ nRows: 2, columns: [{ name: 'a', type: 'numeric' }, undefined] })).toBe(false);
  });
});

describe('columnByName', () => {
  const table = { nRows: 1, columns: [{ name: 'a', type: 'numeric', values: [1] }, { name: 'b', type: 'text', values: ['x'] }] };
  it('finds the column by exact name', () => {
    expect(columnByName('f', table, 'b')).toBe(table.columns[1]);
    expect(columnByName('f', table, 'a')).toBe(table.columns[0]);
  });
  it('an unknown name throws a SatlabError naming the function, the name and the columns', () => {
    const e = caught(() => columnByName('myFn', table, 'B'));
    expect(e).toBeInstanceOf(SatlabError);
    expect((e as SatlabError).code).toBe('stats.columns.noSuchColumn');
    expect(e.message).toBe('myFn: no column “B” in the table (columns: a, b)');
  });
});

describe('factorFromColumn', () => {
  it('a codebook factor is kept as it is, even when marked inferred but not categorical', () => {
    const col = { name: 'f', type: 'factor', inferred: true, codes: Int32Array.of(1, 0, -1), levels: ['b', 'a'] };
    const f = factorFromColumn('t', col);
    expect(f.codes).toBe(col.codes);
    expect(f.levels).toEqual(['b', 'a']);
    expect(f).toEqual({ codes: col.codes, levels: ['b', 'a'], name: 'f' });
    // A categorical column from a codebook (inferred false or absent) keeps its order too.
    const cb = factorFromColumn('t', { name: 'g', type: 'categorical', inferred: false, codes: Int32Array.of(0, 1), levels: ['z', 'a'] });
    expect(cb.levels).toEqual(['z', 'a']);
    const absent = factorFromColumn('t', { name: 'g', type: 'categorical', codes: Int32Array.of(0, 1), levels: ['z', 'a'] });
    expect(absent.levels).toEqual(['z', 'a']);
  });

  it('an inferred categorical column is re-sorted with numeric collation and its codes mapped', () => {
    // levels 10, 2, b, a → sorted 2, 10, a, b: old code 0 (10) → 1, 1 (2) → 0, 2 (b) → 3, 3 (a) → 2.
    const col = { name: 'q', label: 'Question', type: 'categorical', inferred: true, codes: Int32Array.of(0, 1, 2, 3, -1, 0), levels: ['10', '2', 'b', 'a'] };
    const f = factorFromColumn('t', col);
    expect(f.levels).toEqual(['2', '10', 'a', 'b']);
    expect(Array.from(f.codes)).toEqual([1, 0, 3, 2, -1, 1]);
    expect(f.name).toBe('q');
    expect(f.label).toBe('Question');
  });

  it('a numeric column: distinct values in numeric order, labelled by the value labels, unlabelled as numbers', () => {
    const col = {
      name: 'note',
      type: 'numeric',
      values: [10, 2, NaN, 2, 1.5],
      // "NA" and "Infinity" are not finite numbers: not levels. 7 is labelled though nobody gave it.
      valueLabels: { '2': 'Deux', '7': 'Sept', NA: 'Sans réponse', Infinity: 'Inf' },
    };
    const f = factorFromColumn('t', col);
    expect(f.levels).toEqual(['1.5', 'Deux', 'Sept', '10']);
    expect(Array.from(f.codes)).toEqual([3, 1, -1, 1, 0]);
    expect(f).toEqual({ codes: f.codes, levels: f.levels, name: 'note' });
  });

  it('a numeric column without value labels: numbers as strings, negative values first', () => {
    const f = factorFromColumn('t', { name: 'x', type: 'numeric', values: Float64Array.of(3, -1, 3, 0) });
    expect(f.levels).toEqual(['-1', '0', '3']);
    expect(Array.from(f.codes)).toEqual([2, 0, 2, 1]);
  });

  it('a date column: ISO days in time order; value labels neither add levels nor rename them', () => {
    const d1 = Date.UTC(2024, 0, 15);
    const d2 = Date.UTC(2023, 11, 31);
    const f = factorFromColumn('t', { name: 'jour', type: 'date', values: [d1, NaN, d2, d1], valueLabels: { '0': 'epoch', [String(d1)]: 'x' } });
    expect(f.levels).toEqual(['2023-12-31', '2024-01-15']);
    expect(Array.from(f.codes)).toEqual([1, -1, 0, 1]);
  });

  it('text, id and code-less factor columns are refused with a SatlabError', () => {
    const e = caught(() => factorFromColumn('myFn', { name: 'verb', type: 'text', values: ['a'] }));
    expect(e).toBeInstanceOf(SatlabError);
    expect((e as SatlabError).code).toBe('stats.columns.notCategorical');
    expect(e.message).toBe('myFn: column “verb” is text text; it cannot be cross-tabulated as categories');
    expect(renderMessage((e as SatlabError).detail, 'fr')).toBe('myFn : la colonne «\u00a0verb\u00a0» est du texte libre (text) ; elle ne peut pas servir de catégories');
    const id = caught(() => factorFromColumn('myFn', { name: 'id', type: 'id', values: ['a'] }));
    expect(id.message).toBe('myFn: column “id” is id text; it cannot be cross-tabulated as categories');
    // Codes without levels are not a factor.
    const nolev = caught(() => factorFromColumn('myFn', { name: 'f', type: 'factor', codes: Int32Array.of(0) }));
    expect(nolev.message).toBe('myFn: column “f” is factor text; it cannot be cross-tabulated as categories');
    // Levels with codes in a plain array are not a factor either.
    const arr = caught(() => factorFromColumn('myFn', { name: 'f', type: 'factor', codes: [0] as unknown as Int32Array, levels: ['a'] }));
    expect(arr.message).toBe('myFn: column “f” is factor text; it cannot be cross-tabulated as categories');
  });
});

describe('numbersFromColumn', () => {
  it('a numeric Float64Array is returned as it is; a plain array is copied into one', () => {
    const v = Float64Array.of(1, NaN, 3);
    expect(numbersFromColumn('t', { name: 'x', type: 'numeric', values: v })).toBe(v);
    const out = numbersFromColumn('t', { name: 'x', type: 'numeric', values: [4, NaN, 2] });
    expect(out).toBeInstanceOf(Float64Array);
    expect(Array.from(out)).toEqual([4, NaN, 2]);
  });
  it('an ordinal without levels nor scores gives NaN for every code', () => {
    const out = numbersFromColumn('t', { name: 's', type: 'ordinal', codes: Int32Array.of(0, -1) });
    expect(Array.from(out)).toEqual([NaN, NaN]);
  });
  it('an ordinal without codes, a factor, a date or text is refused with a SatlabError', () => {
    for (const [col, text] of [
      [{ name: 's', type: 'ordinal', levels: ['a'] }, 'myFn: column “s” is ordinal, not numbers'],
      [{ name: 'f', type: 'factor', codes: Int32Array.of(0), levels: ['a'] }, 'myFn: column “f” is factor, not numbers'],
      [{ name: 'd', type: 'date', values: [0] }, 'myFn: column “d” is date, not numbers'],
      [{ name: 'v', type: 'text', values: ['a'] }, 'myFn: column “v” is text, not numbers'],
    ] as const) {
      const e = caught(() => numbersFromColumn('myFn', col));
      expect(e).toBeInstanceOf(SatlabError);
      expect((e as SatlabError).code).toBe('stats.columns.notNumeric');
      expect(e.message).toBe(text);
    }
    const fr = caught(() => numbersFromColumn('myFn', { name: 's', type: 'ordinal', levels: ['a'] }));
    expect(renderMessage((fr as SatlabError).detail, 'fr')).toBe('myFn : la colonne «\u00a0s\u00a0» est de type ordinal, pas des nombres');
  });
});

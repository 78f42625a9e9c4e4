// The column-table helpers of byName.ts, each clause of isColumnTable reached on its own, the
// absent label key, and an ordinal column's numbers: its scores when given, else 1, 2, … by
// level (hand-written expectations).
import { describe, expect, it } from 'vitest';
import { factorFromColumn, isColumnTable, numbersFromColumn } from '@satlab/stats';

const good = { name: 'a', type: 'numeric', values: Float64Array.of(1) };

describe('isColumnTable', () => {
  it('a table of named, typed columns is one', () => {
    expect(isColumnTable({ nRows: 1, columns: [good, { ...good, name: 'b' }] })).toBe(true);
    expect(isColumnTable({ nRows: 0, columns: [] })).toBe(true);
  });
  it('each defect on its own makes it not one', () => {
    expect(isColumnTable(null)).toBe(false);
    expect(isColumnTable('t')).toBe(false);
    expect(isColumnTable({ nRows: '1', columns: [good] })).toBe(false);
    expect(isColumnTable({ nRows: 1, columns: { 0: good } })).toBe(false);
    expect(isColumnTable({ nRows: 1, columns: [good, null] })).toBe(false);
    expect(isColumnTable({ nRows: 1, columns: [good, 'b'] })).toBe(false);
    expect(isColumnTable({ nRows: 1, columns: [good, { type: 'numeric' }] })).toBe(false);
    expect(isColumnTable({ nRows: 1, columns: [good, { name: 'b' }] })).toBe(false);
    expect(isColumnTable({ nRows: 1, columns: [{ name: 'b' }, good] })).toBe(false);
  });
});

describe('factorFromColumn and numbersFromColumn', () => {
  it('a column without a label gives a factor without a label key', () => {
    const f = factorFromColumn('t', { name: 'c', type: 'factor', codes: Int32Array.of(1, 0, -1), levels: ['x', 'y'] });
    expect(f).toEqual({ codes: Int32Array.of(1, 0, -1), levels: ['x', 'y'], name: 'c' });
    expect('label' in f).toBe(false);
    const g = factorFromColumn('t', { name: 'c', label: 'Contrat', type: 'factor', codes: Int32Array.of(0), levels: ['x'] });
    expect(g.label).toBe('Contrat');
  });
  it('an ordinal column without scores is numbered 1, 2, 3 by level, missing codes NaN; given scores are used', () => {
    const col = { name: 's', type: 'ordinal', codes: Int32Array.of(2, 0, -1, 1), levels: ['bas', 'moyen', 'haut'] };
    expect(Array.from(numbersFromColumn('t', col))).toEqual([3, 1, NaN, 2]);
    expect(Array.from(numbersFromColumn('t', { ...col, scores: [0, 50, 100] }))).toEqual([100, 0, NaN, 50]);
  });
});

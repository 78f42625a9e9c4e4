import { SatlabError, renderMessage } from '@satlab/messages';
import { describe, expect, it } from 'vitest';
import { chiSquareTest, crossTab } from '../src/index.js';
import type { ColumnTable } from '../src/index.js';

// A table as @satlab/data builds it: a categorical column, an ordinal scale with codebook labels,
// a numeric rating with value labels, a weight column and a free-text column.
const table: ColumnTable = {
  nRows: 6,
  columns: [
    { name: 'contrat', type: 'categorical', label: 'Type de contrat', codes: Int32Array.from([0, 0, 1, 1, -1, 1]), levels: ['Auto', 'Santé'] },
    { name: 'sat', type: 'ordinal', label: 'Satisfaction', codes: Int32Array.from([0, 1, 1, 2, 2, -1]), levels: ['Pas satisfait', 'Plutôt satisfait', 'Très satisfait', 'Sans avis'] },
    { name: 'note', type: 'numeric', values: Float64Array.from([1, 2, 2, 4, NaN, 4]), valueLabels: { '1': 'Faible', '3': 'Moyen', '4': 'Fort' } },
    { name: 'poids', type: 'numeric', values: Float64Array.from([1, 2, 1, 1, 1, 0.5]) },
    { name: 'verbatim', type: 'text', values: ['a', null, 'b', null, null, 'c'] },
  ],
};

describe('crossTab by column name', () => {
  it('counts like the string form and keeps the factor levels and the variable names', () => {
    const ct = crossTab(table, 'contrat', 'sat');
    const plain = crossTab(['Auto', 'Auto', 'Santé', 'Santé', null, 'Santé'], ['Pas satisfait', 'Plutôt satisfait', 'Plutôt satisfait', 'Très satisfait', 'Très satisfait', null], {
      rowLevels: ['Auto', 'Santé'],
      colLevels: ['Pas satisfait', 'Plutôt satisfait', 'Très satisfait', 'Sans avis'],
    });
    expect(ct.counts).toEqual(plain.counts);
    expect(ct.counts).toEqual([[1, 1, 0, 0], [0, 1, 1, 0]]);
    expect(ct.rowLevels).toEqual(['Auto', 'Santé']);
    expect(ct.colLevels).toEqual(['Pas satisfait', 'Plutôt satisfait', 'Très satisfait', 'Sans avis']);
    expect(ct.nMissing).toBe(2);
    expect(ct.missingBy).toEqual({ rows: 1, cols: 1, weights: 0 });
    expect([ct.rowVariable, ct.colVariable, ct.rowVariableLabel, ct.colVariableLabel]).toEqual(['contrat', 'sat', 'Type de contrat', 'Satisfaction']);
  });

  it('labels a numeric column by its value labels, every labelled value a level, in numeric order', () => {
    const ct = crossTab(table, 'contrat', 'note');
    expect(ct.colLevels).toEqual(['Faible', '2', 'Moyen', 'Fort']);
    expect(ct.counts).toEqual([[1, 1, 0, 0], [0, 1, 0, 2]]);
  });

  it('takes the weights from a column', () => {
    const ct = crossTab(table, 'contrat', 'sat', { weights: 'poids' });
    expect(ct.weighted).toBe(true);
    expect(ct.counts).toEqual([[1, 2, 0, 0], [0, 1, 1, 0]]);
  });

  it('accepts factors (e.g. factorOf results) where codes go, and chiSquareTest takes the result', () => {
    const [contrat, sat] = table.columns as unknown as { codes: Int32Array; levels: string[]; name: string }[];
    const ct = crossTab(contrat, sat);
    expect(ct.rowLevels).toEqual(['Auto', 'Santé']);
    expect(ct.rowVariable).toBe('contrat');
    const t = chiSquareTest(crossTab(table, 'contrat', 'sat'));
    expect(t.rowLabels).toEqual(['Auto', 'Santé']);
    expect(t.removedCols).toEqual(['Sans avis']);
  });

  it('refuses an unknown column with a SatlabError naming it and the columns available, in both languages', () => {
    let err: unknown;
    try {
      crossTab(table, 'contrat', 'satisfaction');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(SatlabError);
    const e = err as SatlabError;
    expect(e.code).toBe('stats.columns.noSuchColumn');
    expect(e.message).toBe('crossTab: no column “satisfaction” in the table (columns: contrat, sat, note, poids, verbatim)');
    expect(renderMessage(e.detail, 'fr')).toBe('crossTab : pas de colonne «\u00a0satisfaction\u00a0» dans le tableau (colonnes : contrat, sat, note, poids, verbatim)');
  });

  it('sorts the levels of an inferred categorical column (first-appearance order from the loader), keeps a codebook order', () => {
    const inferred: ColumnTable = { nRows: 4, columns: [
      { name: 'a', type: 'categorical', inferred: true, codes: Int32Array.from([0, 1, 2, 0]), levels: ['Plutôt satisfait', 'Pas satisfait', 'Tout à fait satisfait'] },
      { name: 'b', type: 'categorical', inferred: false, codes: Int32Array.from([0, 1, 1, -1]), levels: ['z', 'y'] },
    ] };
    const ct = crossTab(inferred, 'a', 'b');
    expect(ct.rowLevels).toEqual(['Pas satisfait', 'Plutôt satisfait', 'Tout à fait satisfait']);
    expect(ct.colLevels).toEqual(['z', 'y']);
    expect(ct.counts).toEqual([[0, 1], [1, 0], [0, 1]]);
    expect(chiSquareTest(crossTab(table, 'contrat', 'sat')).rowVariable).toBe('contrat');
  });

  it('refuses free text as categories', () => {
    expect(() => crossTab(table, 'contrat', 'verbatim')).toThrow(expect.objectContaining({ code: 'stats.columns.notCategorical' }));
  });
});

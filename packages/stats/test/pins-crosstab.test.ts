// crossTab's call forms that the sampled mutation run found unpinned: a factor on one side and
// plain strings on the other (either way round), a factor without a label (no label key at all),
// and plain arrays given where a column table's names would go. Expected counts by hand.
import { describe, expect, it } from 'vitest';
import { crossTab } from '@satlab/stats';

// contrat: Auto, Auto, Santé, Santé, Santé; sat: non, oui, oui, non, oui
const contrat = { name: 'contrat', label: 'Type de contrat', codes: Int32Array.from([0, 0, 1, 1, 1]), levels: ['Auto', 'Santé'] };
const satPlain = ['non', 'oui', 'oui', 'non', 'oui'];
// Counts by hand: Auto × (non 1, oui 1); Santé × (non 1, oui 2).

describe('crossTab with a factor on one side only', () => {
  it('factor rows, string columns', () => {
    const ct = crossTab(contrat, satPlain);
    expect(ct.rowLevels).toEqual(['Auto', 'Santé']);
    expect(ct.colLevels).toEqual(['non', 'oui']);
    expect(ct.counts).toEqual([[1, 1], [1, 2]]);
    expect(ct.rowVariable).toBe('contrat');
    expect(ct.rowVariableLabel).toBe('Type de contrat');
    expect('colVariable' in ct).toBe(false);
  });
  it('string rows, factor columns (the transpose)', () => {
    const ct = crossTab(satPlain, contrat);
    expect(ct.rowLevels).toEqual(['non', 'oui']);
    expect(ct.colLevels).toEqual(['Auto', 'Santé']);
    expect(ct.counts).toEqual([[1, 1], [1, 2]]);
    expect(ct.colVariable).toBe('contrat');
    expect('rowVariable' in ct).toBe(false);
  });
  it('a named factor without a label gives its name and no label key', () => {
    const noLabel = { name: 'contrat', codes: contrat.codes, levels: contrat.levels };
    const ct = crossTab(noLabel, { ...noLabel, name: 'bis' });
    expect(ct.rowVariable).toBe('contrat');
    expect(ct.colVariable).toBe('bis');
    expect('rowVariableLabel' in ct).toBe(false);
    expect('colVariableLabel' in ct).toBe(false);
    expect(ct.counts).toEqual([[2, 0], [0, 3]]);
  });
  it('two plain string arrays are counted as such (not read as a column table)', () => {
    const ct = crossTab(['a', 'b', 'a'], ['x', 'x', 'y']);
    expect(ct.counts).toEqual([[1, 1], [1, 0]]);
    expect(ct.rowLevels).toEqual(['a', 'b']);
  });
});

import { describe, expect, it } from 'vitest';
import type { FactorColumn } from '@satlab/data';
import { describeTable, factorOf, filterRows, getColumn, InputError, loadTable, numericValues, tableFromColumns, tableToRecords } from '@satlab/data';

const codebook = {
  columns: {
    sat: { type: 'ordinal' as const, scale: [1, 4] as [number, number], missing: [9], labels: { '1': 'Pas du tout', '2': 'Plutôt pas', '3': 'Plutôt', '4': 'Tout à fait' } },
    contrat: { type: 'categorical' as const, levels: ['Auto', 'Santé'] },
  },
};
const table = tableFromColumns(
  {
    id: ['a', 'b', 'c', 'd', 'e'],
    sat: [4, 9, 2, null, 3],
    contrat: ['Santé', 'Auto', 'Santé', 'Santé', null],
    montant: [10.5, NaN, 3, 7, 1],
    quand: [new Date(Date.UTC(2024, 0, 2)), null, new Date(Date.UTC(2024, 0, 1)), new Date(Date.UTC(2024, 0, 2)), new Date(Date.UTC(2024, 0, 3))],
  },
  codebook,
);

describe('table helpers', () => {
  it('tableFromColumns types columns by the codebook exactly like loadTable', () => {
    const csv = loadTable({ name: 't.csv', bytes: 'sat,contrat\n4,Santé\n9,Auto\n2,Santé\n,Santé\n3,\n' }, { codebook }).table;
    expect(getColumn(table, 'sat')).toEqual(getColumn(csv, 'sat'));
    expect(getColumn(table, 'contrat')).toEqual(getColumn(csv, 'contrat'));
  });

  it('tableFromColumns makes number arrays numeric and Date arrays dates, missing counted', () => {
    expect(getColumn(table, 'montant').type).toBe('numeric');
    expect(getColumn(table, 'montant').missing).toEqual({ count: 1, byReason: { missing: 1 } });
    expect(getColumn(table, 'quand').type).toBe('date');
    expect(getColumn(table, 'id').type).toBe('id');
  });

  it('tableFromColumns refuses columns of different lengths', () => {
    expect(() => tableFromColumns({ a: [1, 2], b: [1] })).toThrow(RangeError);
  });

  it('getColumn names the available columns when one is absent', () => {
    expect(() => getColumn(table, 'nps')).toThrow(InputError);
    expect(() => getColumn(table, 'nps')).toThrow('getColumn: no column "nps" (columns: "id", "sat", "contrat", "montant", "quand")');
  });

  it('numericValues gives numbers, ordinal scores and NaN for missing, as a copy', () => {
    expect(Array.from(numericValues(table, 'sat'))).toEqual([4, NaN, 2, NaN, 3]);
    const m = numericValues(table, 'montant');
    m[0] = 99;
    expect(numericValues(table, 'montant')[0]).toBe(10.5);
  });

  it('numericValues refuses a categorical column', () => {
    let err: unknown;
    try {
      numericValues(table, 'contrat');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    const e = err as InputError;
    expect(e.detail.code).toBe('data.notNumeric');
    expect(e.render('en')).toBe('column "contrat" is categorical: it has no numeric meaning (choose a numeric or ordinal column)');
    expect(e.render('fr')).toBe('la colonne «\u00a0contrat\u00a0» est de type catégoriel\u00a0: elle n’a pas de sens numérique (choisissez une colonne numérique ou ordinale)');
  });

  it('factorOf returns factors as they are, numbers as sorted ordinal levels, text by first appearance', () => {
    expect(factorOf(table, 'contrat')).toBe(getColumn(table, 'contrat'));
    const m = factorOf(table, 'montant');
    expect(m.levels).toEqual(['1', '3', '7', '10.5']);
    expect(Array.from(m.codes)).toEqual([3, -1, 1, 2, 0]);
    expect(Array.from(m.scores ?? [])).toEqual([1, 3, 7, 10.5]);
    expect(factorOf(table, 'id').levels).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(factorOf(table, 'quand').levels).toEqual(['2024-01-01', '2024-01-02', '2024-01-03']);
  });

  it('filterRows keeps the masked rows and recounts missing values by reason', () => {
    const t = filterRows(table, Uint8Array.from([0, 1, 1, 1, 0]));
    expect(t.nRows).toBe(3);
    expect(Array.from((getColumn(t, 'sat') as FactorColumn).codes)).toEqual([-1, 1, -1]);
    expect(getColumn(t, 'sat').missing).toEqual({ count: 2, byReason: { 'code 9': 1, empty: 1 } });
    expect(getColumn(t, 'montant').missing).toEqual({ count: 1, byReason: { missing: 1 } });
    expect(() => filterRows(table, new Uint8Array(2))).toThrow(RangeError);
  });

  it('tableToRecords gives JSON-safe rows: labels, ISO dates, null for missing', () => {
    expect(tableToRecords(table)[0]).toEqual({ id: 'a', sat: 'Tout à fait', contrat: 'Santé', montant: 10.5, quand: '2024-01-02' });
    expect(tableToRecords(table)[1]).toEqual({ id: 'b', sat: null, contrat: 'Auto', montant: null, quand: null });
  });

  it('describeTable counts present and missing values, levels, min/max/mean', () => {
    const d = describeTable(table);
    expect(d.find((c) => c.name === 'sat')).toMatchObject({ type: 'ordinal', n: 3, missing: 2, missingByReason: { 'code 9': 1, empty: 1 }, counts: [0, 1, 1, 1], min: 2, max: 4, mean: 3 });
    expect(d.find((c) => c.name === 'montant')).toMatchObject({ n: 4, min: 1, max: 10.5, mean: 21.5 / 4 });
    expect(d.find((c) => c.name === 'quand')).toMatchObject({ min: '2024-01-01', max: '2024-01-03' });
    expect(d.find((c) => c.name === 'id')).toMatchObject({ distinct: 5 });
  });
});

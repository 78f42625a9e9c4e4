import { describe, expect, it } from 'vitest';
import { fromDataFrame, tableFromColumns, toDataFrame } from '@satlab/data';

describe('danfojs DataFrame at the edge', () => {
  it(
    'round-trips a small table (numbers, factor with codebook levels, text, dates) through danfojs-node',
    () => {
      const codebook = { columns: { contrat: { type: 'categorical' as const, levels: ['Auto', 'Santé', 'Vie'] }, jour: { type: 'date' as const } } };
      const table = tableFromColumns(
        { montant: [1.1, NaN, 0.1 + 0.2, -4], contrat: ['Santé', 'Auto', null, 'Santé'], avis: ['bien', null, 'trop cher', 'ok'], jour: ['2024-01-01', '2024-02-29', '', '2024-03-01'] },
        codebook,
      );
      const df = toDataFrame(table) as { shape: number[]; columns: string[] };
      expect(df.shape).toEqual([4, 4]);
      expect(df.columns).toEqual(['montant', 'contrat', 'avis', 'jour']);
      const back = fromDataFrame(df, { columns: { ...codebook.columns, avis: { type: 'text' } } });
      expect(back).toEqual(tableFromColumns({ montant: [1.1, NaN, 0.1 + 0.2, -4], contrat: ['Santé', 'Auto', null, 'Santé'], avis: ['bien', null, 'trop cher', 'ok'], jour: ['2024-01-01', '2024-02-29', '', '2024-03-01'] }, { columns: { ...codebook.columns, avis: { type: 'text' } } }));
      expect(Array.from((back.columns[0] as { values: Float64Array }).values)).toEqual([1.1, NaN, 0.30000000000000004, -4]);
    },
    120_000,
  );
});

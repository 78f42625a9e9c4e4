import { describe, expect, it } from 'vitest';
import { loadingHeatmap, renderSvg, screePlot } from '@satlab/charts';
import { inputs } from './fixtures.js';
import { boldTexts, countItems, markTexts, svgTexts } from './svg.js';

describe('screePlot', () => {
  it('draws observed and parallel-analysis eigenvalues with the Kaiser line', async () => {
    const svg = await renderSvg(screePlot(inputs.efa, { lang: 'fr' }));
    expect(countItems(svg, 'line')).toBe(2);
    expect(countItems(svg, 'symbol')).toBe(10);
    expect(countItems(svg, 'rule')).toBe(1);
    expect(svgTexts(svg)).toEqual(expect.arrayContaining(['Éboulis des valeurs propres', 'Facteur', 'Valeur propre', 'Valeurs propres observées', 'Analyse parallèle (données aléatoires)', 'Critère de Kaiser (λ = 1)', '2,5']));
  });

  it('draws one series without parallel analysis and rejects a parallel series of another length', async () => {
    const svg = await renderSvg(screePlot({ eigenvalues: [2, 1, 0.5] }, { lang: 'en' }));
    expect(countItems(svg, 'line')).toBe(1);
    expect(countItems(svg, 'symbol')).toBe(3);
    expect(svgTexts(svg)).toContain('Scree plot');
    expect(() => screePlot({ eigenvalues: [2, 1], parallel: [1] })).toThrow(new RangeError('screePlot: input.parallel must have 2 values (as eigenvalues), got 1'));
  });

  it('builds the same spec on every call (snapshot)', () => {
    expect(screePlot(inputs.efa, { lang: 'fr' })).toMatchSnapshot();
  });
});

describe('loadingHeatmap', () => {
  it('prints every loading, salient ones (|λ| ≥ 0.4) in bold', async () => {
    const svg = await renderSvg(loadingHeatmap(inputs.efa, { lang: 'fr' }));
    expect(countItems(svg, 'rect')).toBe(10);
    expect(boldTexts(svg).sort()).toEqual(['0,69', '0,74', '0,77', '0,81', '0,82']);
    expect(markTexts(svg)).toContain('−0,21');
    expect(svgTexts(svg)).toEqual(expect.arrayContaining(['Saturations factorielles', 'En gras : |saturation| ≥ 0,4', 'F1', 'F2', 'sat_contact']));
  });

  it('uses factor names and a threshold when given', async () => {
    const svg = await renderSvg(loadingHeatmap(inputs.efa, { lang: 'en', factorNames: ['Service', 'Price'], threshold: 0.75 }));
    expect(svgTexts(svg)).toEqual(expect.arrayContaining(['Service', 'Price', 'Bold: |loading| ≥ 0.75']));
    expect(boldTexts(svg).sort()).toEqual(['0.77', '0.81', '0.82']);
  });

  it('rejects loadings that do not have one row per item', () => {
    expect(() => loadingHeatmap({ items: ['a', 'b', 'c'], loadings: [[0.5], [0.4]] })).toThrow(new RangeError('loadingHeatmap: input.loadings must have 3 rows, got 2'));
  });

  it('builds the same spec on every call (snapshot)', () => {
    expect(loadingHeatmap(inputs.efa, { lang: 'fr' })).toMatchSnapshot();
  });
});

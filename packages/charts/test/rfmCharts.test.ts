import { describe, expect, it } from 'vitest';
import { renderSvg, rfmHeatmap, rfmSegmentChart } from '@satlab/charts';
import { inputs } from './fixtures.js';
import { countItems, markTexts, svgTexts } from './svg.js';

const NBSP = '\u00a0';

describe('rfmHeatmap', () => {
  it('draws the R × F grid with the number of customers in each cell, most recent on top', async () => {
    const spec = rfmHeatmap(inputs.rfmCells, { lang: 'fr' });
    const svg = await renderSvg(spec);
    expect(countItems(svg, 'rect')).toBe(9);
    expect(markTexts(svg).sort()).toEqual(['130', '150', '180', '205', '260', '310', '40', '420', '95']);
    const texts = svgTexts(svg);
    expect(texts).toEqual(expect.arrayContaining(['Récence R (5 = la plus récente)', 'Fréquence F (5 = la plus élevée)', 'Clients']));
    expect((spec as { encoding: { y: { sort: number[] } } }).encoding.y.sort).toEqual([3, 2, 1]);
  });

  it('colours by monetary value on request, with French thousands', async () => {
    const svg = await renderSvg(rfmHeatmap(inputs.rfmCells, { lang: 'fr', metric: 'monetary' }));
    expect(markTexts(svg)).toContain(`41${NBSP}600`);
    expect(svgTexts(svg)).toContain('Montant');
  });

  it('builds the same spec on every call (snapshot)', () => {
    expect(rfmHeatmap(inputs.rfmCells, { lang: 'fr' })).toMatchSnapshot();
  });
});

describe('rfmSegmentChart', () => {
  it('shows each segment’s share of customers and of revenue, ordered by revenue', async () => {
    const svg = await renderSvg(rfmSegmentChart(inputs.rfmSegments, { lang: 'fr' }));
    expect(countItems(svg, 'rect')).toBe(10);
    // Champions: 260 / 1 510 customers, 41 600 / 106 050 revenue
    expect(markTexts(svg)).toEqual(expect.arrayContaining([`17,2${NBSP}%`, `39,2${NBSP}%`]));
    const texts = svgTexts(svg);
    expect(texts).toEqual(expect.arrayContaining(['Part des clients', 'Part du chiffre d’affaires']));
    const order = ['Champions', 'Fidèles', 'Perdus', 'À risque', 'Nouveaux'].map((n) => texts.indexOf(n));
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('rejects negative figures', () => {
    expect(() => rfmSegmentChart({ segments: [{ name: 'x', customers: -1, revenue: 0 }] })).toThrow(/rfmSegmentChart: input.segments\[0\] has a negative figure/);
  });

  it('builds the same spec on every call (snapshot)', () => {
    expect(rfmSegmentChart(inputs.rfmSegments, { lang: 'en' })).toMatchSnapshot();
  });
});

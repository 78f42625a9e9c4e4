import { describe, expect, it } from 'vitest';
import { renderSvg, roiWaterfall } from '@satlab/charts';
import { inputs } from './fixtures.js';
import { countItems, markTexts, svgTexts } from './svg.js';

const NBSP = '\u00a0';

describe('roiWaterfall', () => {
  it('steps from acquisition savings and revenue kept to the net ROI of the AMARC calculator, in euros (fr)', async () => {
    const svg = await renderSvg(roiWaterfall(inputs.roi, { lang: 'fr' }));
    expect(countItems(svg, 'rect')).toBe(5);
    const euros = (s: string) => `${s.replace(/ /g, NBSP)}${NBSP}€`;
    expect(markTexts(svg)).toEqual([euros('12 600'), euros('63 000'), euros('75 600'), euros('−24 000'), euros('51 600')]);
    expect(svgTexts(svg)).toEqual(expect.arrayContaining(['Économie', 'd’acquisition', 'CA', 'conservé', 'Coût du', 'dispositif', 'ROI annuel', '(gain net)', 'Montant (€)']));
  });

  it('writes euros the English way in English', async () => {
    const svg = await renderSvg(roiWaterfall(inputs.roi, { lang: 'en' }));
    expect(markTexts(svg)).toEqual(['€12,600', '€63,000', '€75,600', '−€24,000', '€51,600']);
  });

  it('builds the same spec on every call (snapshot)', () => {
    expect(roiWaterfall(inputs.roi, { lang: 'fr' })).toMatchSnapshot();
  });
});

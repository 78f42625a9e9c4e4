import { describe, expect, it } from 'vitest';
import { renderSvg, termsChart, themesChart } from '@satlab/charts';
import { countItems, markTexts, svgTexts } from './svg.js';

// A verbatims result shaped as @satlab/text's analyzeVerbatims returns it (values written by hand).
const result = {
  detractorTerms: [
    { term: 'attent', label: 'attente', n: 20, z: 1.53, shareDetractors: 0.13, sharePromoters: 0 },
    { term: 'cotis', label: 'cotisation', n: 7, z: 1.14, shareDetractors: 0.057, sharePromoters: 0 },
    { term: 'augment', label: 'augmentation', n: 7, z: 1.14, shareDetractors: 0.057, sharePromoters: 0 },
    { term: '#price', label: '45 €', n: 6, z: 0.8, shareDetractors: 0.04, sharePromoters: 0.01 },
  ],
  promoterTerms: [{ term: 'conseil', label: 'conseiller', n: 22, z: -2.47, shareDetractors: 0.024, sharePromoters: 0.233 }],
  themes: [
    { theme: 'waiting', label: { fr: 'Attente et délais', en: 'Waiting time' }, share: 0.3, shareDetractors: 0.38, sharePromoters: 0.25, mark: '' },
    { theme: 'price', label: { fr: 'Prix', en: 'Price' }, share: 0.24, shareDetractors: 0.3, sharePromoters: 0.11, mark: '▲' },
  ],
  segments: {
    column: 'canal',
    groups: [
      { name: 'agence', n: 123, themes: [{ theme: 'waiting', share: 0.163, mark: '▼' }, { theme: 'price', share: 0.317, mark: '▲' }] },
      { name: 'telephone', n: 63, themes: [{ theme: 'waiting', share: 0.587, mark: '▲' }, { theme: 'price', share: 0.032, mark: '▼' }] },
    ],
  },
};

describe('termsChart', () => {
  it('one point per distinct (count, z); terms with the same counts share a point and a label', async () => {
    const svg = await renderSvg(termsChart(result, { lang: 'fr' }));
    expect(countItems(svg, 'symbol')).toBe(4);
    expect(markTexts(svg)).toEqual(expect.arrayContaining(['attente', 'cotisation, augmentation', 'montant (€)', 'conseiller']));
    expect(svgTexts(svg)).toContain('Termes qui distinguent détracteurs et promoteurs');
  });
  it('refuses a result without terms', () => {
    expect(() => termsChart({ detractorTerms: [], promoterTerms: [] })).toThrow(RangeError);
  });
});

describe('themesChart', () => {
  it('by segment: a heat map with the share and its mark in each cell', async () => {
    const svg = await renderSvg(themesChart(result, { lang: 'fr' }));
    expect(countItems(svg, 'rect')).toBe(4);
    expect(markTexts(svg)).toEqual(expect.arrayContaining(['16,3\u202f% ▼', '58,7\u202f% ▲', '31,7\u202f% ▲']));
  });
  it('by group: detractors and promoters side by side, in English', async () => {
    const svg = await renderSvg(themesChart(result, { lang: 'en', by: 'groups' }));
    expect(countItems(svg, 'rect')).toBe(4);
    expect(markTexts(svg)).toEqual(expect.arrayContaining(['30.0% ▲', '11.0%']));
    expect(() => themesChart(result, { by: 'waves' })).toThrow(/no waves/);
  });
});

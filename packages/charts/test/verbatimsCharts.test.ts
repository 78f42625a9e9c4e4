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
  it('places the labels without overlaps (placeLabels, as the IPA matrix)', async () => {
    // Three terms with nearly the same count and z (the report's « accident / caractères / exclusion »).
    const close = {
      detractorTerms: [
        { term: 'accid', label: 'accident', n: 9, z: 1.21 },
        { term: 'caract', label: 'caractères', n: 9, z: 1.2 },
        { term: 'exclu', label: 'exclusion', n: 8, z: 1.19 },
        { term: 'attent', label: 'attente', n: 20, z: 1.53 },
      ],
      promoterTerms: [{ term: 'conseil', label: 'conseiller', n: 22, z: -2.47 }],
    };
    const spec = termsChart(close, { lang: 'fr', width: 560, height: 420 }) as unknown as { data: { values: { term: string; lx: number; ly: number; z: number; n: number }[] }; layer: { encoding?: { x?: { scale?: { domain: number[] } }; y?: { scale?: { domain: number[] } } } }[] };
    const pts = spec.data.values;
    expect(pts.map((p) => p.term).sort()).toEqual(['accident', 'attente', 'caractères', 'conseiller', 'exclusion']);
    const enc = spec.layer.find((l) => l.encoding?.y?.scale)!.encoding!;
    const [x0, x1] = enc.x!.scale!.domain;
    const [y0, y1] = enc.y!.scale!.domain;
    const box = (p: (typeof pts)[number]) => {
      const cx = ((p.lx - x0) / (x1 - x0)) * 560;
      const cy = 420 - ((Math.log(p.ly) - Math.log(y0)) / (Math.log(y1) - Math.log(y0))) * 420;
      const w = p.term.length * 11 * 0.58 + 4;
      return { x: cx - w / 2, y: cy - 7, w, h: 14 };
    };
    const boxes = pts.map(box);
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i];
        const b = boxes[j];
        const ov = Math.max(0, Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x)) * Math.max(0, Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y));
        expect(ov, `${pts[i].term} / ${pts[j].term}`).toBe(0);
      }
    const svg = await renderSvg(termsChart(close, { lang: 'fr' }));
    expect(markTexts(svg)).toEqual(expect.arrayContaining(['accident', 'caractères', 'exclusion']));
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

import { describe, expect, it } from 'vitest';
import { npsChart, renderSvg } from '@satlab/charts';
import { inputs } from './fixtures.js';
import { countItems, markTexts, svgTexts } from './svg.js';

const NBSP = '\u00a0';

describe('npsChart', () => {
  it('stacks detractors, passives and promoters for the whole sample and each group, in French', async () => {
    const svg = await renderSvg(npsChart(inputs.nps, { lang: 'fr' }));
    expect(countItems(svg, 'rect')).toBe(9);
    const texts = svgTexts(svg);
    for (const t of ['Ensemble (n = 200)', 'Auto/Moto (n = 120)', 'Santé (n = 80)', 'Détracteurs (0–6)', 'Passifs (7–8)', 'Promoteurs (9–10)', 'Part des répondants', 'NPS (points) et intervalle de confiance']) {
      expect(texts).toContain(t);
    }
    // overall 50 / 60 / 90 of 200
    expect(markTexts(svg)).toEqual(expect.arrayContaining([`25${NBSP}%`, `30${NBSP}%`, `45${NBSP}%`]));
  });

  it('plots each NPS with its confidence interval and a signed label', async () => {
    const svg = await renderSvg(npsChart(inputs.nps, { lang: 'fr' }));
    expect(countItems(svg, 'symbol')).toBe(3);
    expect(countItems(svg, 'rule')).toBe(3 + 1); // three intervals and the zero line
    expect(markTexts(svg)).toEqual(expect.arrayContaining(['+20 [10 ; 30]', '+25 [12 ; 39]', '+13 [−4 ; 29]']));
  });

  it('reads shares as well as counts', async () => {
    const shares = { n: 200, promoters: 0.45, passives: 0.3, detractors: 0.25, nps: 20, ci: [9.6, 30.4] };
    const svg = await renderSvg(npsChart(shares, { lang: 'en' }));
    expect(markTexts(svg)).toEqual(expect.arrayContaining(['25%', '30%', '45%', '+20 [10, 30]']));
    expect(svgTexts(svg)).toContain('Overall (n = 200)');
  });

  it('throws a TypeError naming the field when a CI is missing', () => {
    expect(() => npsChart({ ...inputs.nps, groups: [{ ...inputs.nps.groups![0], ci: undefined as never }] })).toThrow(new TypeError('npsChart: input.groups[0].ci is required'));
  });

  it('builds the same spec on every call (snapshot)', () => {
    expect(npsChart(inputs.nps, { lang: 'fr' })).toMatchSnapshot();
  });
});

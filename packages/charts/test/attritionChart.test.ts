import { describe, expect, it } from 'vitest';
import { attritionChart, renderSvg } from '@satlab/charts';
import { inputs } from './fixtures.js';
import { countItems, markTexts, svgTexts } from './svg.js';

const NBSP = '\u00a0';

describe('attritionChart', () => {
  it('compares attrition among dissatisfied and satisfied customers, with risk ratios on a log axis', async () => {
    const svg = await renderSvg(attritionChart(inputs.attrition, { lang: 'fr' }));
    expect(countItems(svg, 'rect')).toBe(6);
    expect(countItems(svg, 'symbol')).toBe(2);
    expect(markTexts(svg)).toEqual(expect.arrayContaining([`32${NBSP}%`, `8${NBSP}%`, `0${NBSP}%`, '4,00 [2,60 ; 6,10]', '2,33 [1,40 ; 3,90]', 'RR non défini']));
    expect(svgTexts(svg)).toEqual(expect.arrayContaining(['Clients insatisfaits', 'Clients satisfaits', 'Taux d’attrition', 'Risque relatif (échelle log) et IC']));
  });

  it('labels the whole-file group "all" of attritionVsDissatisfaction in the chart language', async () => {
    const g = { name: 'all', attritionAmongDissatisfied: 0.16, attritionAmongSatisfied: 0.08, riskRatio: 2, riskRatioCI: [1.7, 2.4] };
    expect(svgTexts(await renderSvg(attritionChart({ groups: [g] }, { lang: 'fr' })))).toContain('Ensemble');
    expect(svgTexts(await renderSvg(attritionChart({ groups: [g] }, { lang: 'en' })))).toContain('Overall');
  });

  it('rejects rates outside [0, 1]', () => {
    const g = { ...inputs.attrition.groups[0], attritionAmongSatisfied: 8 };
    expect(() => attritionChart({ groups: [g] })).toThrow(new TypeError('attritionChart: input.groups[0].attritionAmongSatisfied must be a share between 0 and 1, got 8'));
  });

  it('builds the same spec on every call (snapshot)', () => {
    expect(attritionChart(inputs.attrition, { lang: 'en' })).toMatchSnapshot();
  });
});

import { describe, expect, it } from 'vitest';
import { barometerChart, renderSvg } from '@satlab/charts';
import { inputs } from './fixtures.js';
import { countItems, svgTexts } from './svg.js';

const NBSP = '\u00a0';

describe('barometerChart', () => {
  it('draws one line and one CI band per indicator on a French time axis, significant changes in the legend', async () => {
    const svg = await renderSvg(barometerChart(inputs.barometer, { lang: 'fr', format: '.0%' }));
    expect(countItems(svg, 'line')).toBe(2);
    expect(countItems(svg, 'area')).toBe(2);
    expect(countItems(svg, 'symbol')).toBe(6);
    const texts = svgTexts(svg);
    expect(texts).toEqual(expect.arrayContaining(['CSAT', 'Top box', 'Significative', 'Non significative', 'Évolution vs vague précédente', `80${NBSP}%`, `Valeur (intervalle de confiance à 95${NBSP}%)`]));
    expect(texts.some((t) => /^(janv\.|févr\.|avr\.|juin|juil\.|août|oct\.|déc\.) 202\d$/.test(t))).toBe(true);
  });

  it('uses the wave names as an ordinal axis when dates are missing', async () => {
    const series = inputs.barometer.series.map(({ date: _date, ...p }) => p);
    const svg = await renderSvg(barometerChart({ series }, { lang: 'en' }));
    expect(svgTexts(svg)).toEqual(expect.arrayContaining(['V1 2023', 'V2 2023', 'V1 2024', 'Wave', 'Value (95% confidence interval)']));
  });

  it('draws a zero line only when the values straddle 0 (an NPS going from negative to positive)', async () => {
    const nps = [
      { indicator: 'NPS', wave: 'V1', value: -6, ci: [-12, 0.5] as [number, number] },
      { indicator: 'NPS', wave: 'V2', value: 4, ci: [-2, 10] as [number, number] },
    ];
    expect(countItems(await renderSvg(barometerChart({ series: nps }, { lang: 'en' })), 'rule')).toBe(1);
    const below = nps.map((p) => ({ ...p, value: p.value - 30, ci: [p.ci[0] - 30, p.ci[1] - 30] as [number, number] }));
    expect(countItems(await renderSvg(barometerChart({ series: below }, { lang: 'en' })), 'rule')).toBe(0);
  });

  it('rejects a date that is not YYYY-MM-DD', () => {
    const series = [{ indicator: 'x', wave: 'w', date: '15/03/2023', value: 1, ci: [0, 2] }];
    expect(() => barometerChart({ series })).toThrow(new TypeError('barometerChart: input.series[0].date must be YYYY-MM-DD, got "15/03/2023"'));
  });

  it('builds the same spec on every call (snapshot)', () => {
    expect(barometerChart(inputs.barometer, { lang: 'fr', format: '.0%' })).toMatchSnapshot();
  });
});

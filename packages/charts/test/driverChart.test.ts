import type { Message } from '@satlab/messages';
import { renderMessage } from '@satlab/messages';
import { describe, expect, it } from 'vitest';
import { driverChart, renderSvg } from '@satlab/charts';
import { inputs } from './fixtures.js';
import { countItems, markTexts, svgTexts } from './svg.js';

describe('driverChart', () => {
  it('ranks drivers by Shapley value, largest first, with CI whiskers and values', async () => {
    const svg = await renderSvg(driverChart(inputs.drivers, { lang: 'fr' }));
    expect(countItems(svg, 'rect')).toBe(4);
    expect(countItems(svg, 'rule')).toBe(4);
    expect(markTexts(svg).map((t) => t.replace(/\s/g, ' '))).toEqual(['14,2 %', '6,1 %', '11,8 %', '1,9 %']);
    const texts = svgTexts(svg);
    expect(texts).toContain('Part du R² (Shapley / LMG)');
    expect(texts).toContain('Trait : intervalle de confiance (bootstrap)');
    const order = ['Rapport qualité/prix', "Délai d'indemnisation", 'Contact', 'Personnalisation'].map((n) => texts.indexOf(n));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order); // axis labels drawn top to bottom in rank order
  });

  it('draws shares of R² as magnitudes from 0 and the direction of the effect as the colour, with a legend', async () => {
    const spec = driverChart({ drivers: [{ name: 'A', shapley: 0.6, sign: 1 }, { name: 'B', shapley: -0.3, sign: -1 }, { name: 'C', shapley: 0.1 }] }, { lang: 'fr' });
    const svg = await renderSvg(spec);
    expect(markTexts(svg).map((t) => t.replace(/\s/g, ' '))).toEqual(['60,0 %', '30,0 %', '10,0 %']);
    expect(svgTexts(svg).map((t) => t.replace(/\s/g, ' '))).toEqual(expect.arrayContaining(['Sens de l’effet (signe de β)', 'positif', 'négatif', '0 %']));
    // Two colours: B's bar in the "negative" colour, and no zero rule (nothing is drawn below 0).
    expect(svg).toContain('fill="#e45756"');
    expect(countItems(svg, 'rule')).toBe(0);
  });

  it('draws another measure on request, with a zero line when values are signed', async () => {
    const svg = await renderSvg(driverChart(inputs.drivers, { lang: 'en', measure: 'beta' }));
    expect(svgTexts(svg)).toContain('Standardised coefficient (β)');
    expect(markTexts(svg)).toContain('−0.040');
    expect(countItems(svg, 'rule')).toBe(1);
  });

  it('misuse errors carry a structured message (charts.<key>) that renders in French', () => {
    let caught: unknown = null;
    try {
      driverChart({ drivers: [] });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(RangeError);
    const detail = (caught as { detail: Message }).detail;
    expect(detail.code).toBe('charts.empty');
    expect((caught as Error).message).toBe('driverChart: input.drivers is empty');
    expect(renderMessage(detail, 'fr')).toBe('driverChart : input.drivers est vide');
  });

  it('throws when a driver lacks the requested measure', () => {
    expect(() => driverChart({ drivers: [{ name: 'a', shapley: 0.1 }] }, { measure: 'beta' })).toThrow(new TypeError('driverChart: input.drivers[0].beta must be a finite number, got undefined'));
    expect(() => driverChart({ drivers: [] })).toThrow(RangeError);
  });

  it('builds the same spec on every call (snapshot)', () => {
    expect(driverChart(inputs.drivers, { lang: 'fr' })).toMatchSnapshot();
  });
});

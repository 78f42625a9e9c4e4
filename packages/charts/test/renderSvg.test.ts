import { afterEach, describe, expect, it, vi } from 'vitest';
import { compile } from 'vega-lite';
import type { TopLevelSpec } from 'vega-lite';
import * as charts from '@satlab/charts';
import { bts, inputs } from './fixtures.js';

/** One spec of every builder, in both languages. */
function allSpecs(): [string, TopLevelSpec][] {
  return (['fr', 'en'] as const).flatMap((lang): [string, TopLevelSpec][] => [
    [`ipaChart ${lang}`, charts.ipaChart(bts.ipa, { lang })],
    [`ipaChart CI ${lang}`, charts.ipaChart(inputs.ipaWithCI, { lang })],
    [`crossTabChart ${lang}`, charts.crossTabChart(bts.crossTab, { lang })],
    [`residualHeatmap ${lang}`, charts.residualHeatmap(bts.crossTab, { lang })],
    [`npsChart ${lang}`, charts.npsChart(inputs.nps, { lang })],
    [`driverChart ${lang}`, charts.driverChart(inputs.drivers, { lang })],
    [`screePlot ${lang}`, charts.screePlot(inputs.efa, { lang })],
    [`loadingHeatmap ${lang}`, charts.loadingHeatmap(inputs.efa, { lang })],
    [`rfmHeatmap ${lang}`, charts.rfmHeatmap(inputs.rfmCells, { lang })],
    [`rfmSegmentChart ${lang}`, charts.rfmSegmentChart(inputs.rfmSegments, { lang })],
    [`barometerChart ${lang}`, charts.barometerChart(inputs.barometer, { lang, format: '.0%' })],
    [`attritionChart ${lang}`, charts.attritionChart(inputs.attrition, { lang })],
    [`roiWaterfall ${lang}`, charts.roiWaterfall(inputs.roi, { lang })],
  ]);
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('every chart builder', () => {
  it('gives a Vega-Lite v5 spec with inline data that compiles without a single vega-lite warning', () => {
    const warn = vi.spyOn(console, 'warn');
    for (const [name, spec] of allSpecs()) {
      expect((spec as { $schema?: string }).$schema, name).toBe('https://vega.github.io/schema/vega-lite/v5.json');
      expect(JSON.stringify(spec), name).not.toMatch(/"url"|NaN|Infinity/);
      expect(compile(spec).spec.marks?.length ?? 0, name).toBeGreaterThan(0);
    }
    expect(warn).not.toHaveBeenCalled();
  });

  it('renders to the same SVG twice (deterministic), with a French locale in French charts', async () => {
    for (const [name, spec] of allSpecs()) {
      const a = await charts.renderSvg(spec);
      expect(a.startsWith('<svg'), name).toBe(true);
      expect(a.endsWith('</svg>'), name).toBe(true);
      expect(await charts.renderSvg(structuredClone(spec)), name).toBe(a);
      const locale = (spec as { config: { locale: { number: { decimal: string } } } }).config.locale.number.decimal;
      expect(locale, name).toBe(name.endsWith(' fr') ? ',' : '.');
    }
  });
});

describe('renderSvg', () => {
  it('names gradients after the chart, so that inline SVGs of different charts never share an id', async () => {
    const fr = await charts.renderSvg(charts.residualHeatmap(bts.crossTab, { lang: 'fr' }));
    const en = await charts.renderSvg(charts.residualHeatmap(bts.crossTab, { lang: 'en' }));
    const id = (svg: string) => svg.match(/<linearGradient id="([^"]+)"/)?.[1];
    expect(id(fr)).toMatch(/^satlab-[0-9a-f]{10}-0$/);
    expect(fr).toContain(`url(#${id(fr)})`);
    expect(id(en)).not.toBe(id(fr));
  });
});

describe('renderSvgSync', () => {
  it('returns exactly what renderSvg returns, for every builder', async () => {
    for (const [name, spec] of allSpecs()) {
      expect(charts.renderSvgSync(spec), name).toBe(await charts.renderSvg(spec));
    }
  });

  it('throws the Vega error of a spec that Vega cannot parse, and keeps working afterwards', async () => {
    const bad = { data: { values: [{ a: 1 }] }, mark: 'point', encoding: { x: { field: 'a', type: 'quantitative' }, color: { field: 'a', type: 'quantitative', scale: { scheme: 'no-such-scheme' } } } } as unknown as TopLevelSpec;
    await expect(charts.renderSvg(bad)).rejects.toThrow();
    expect(() => charts.renderSvgSync(bad)).toThrow(/^renderSvgSync: .*no-such-scheme/);
    const good = charts.roiWaterfall(inputs.roi);
    expect(charts.renderSvgSync(good)).toBe(await charts.renderSvg(good));
    expect(() => charts.renderSvgSync({ data: { values: [] }, mark: 'point' }, { timeoutMs: 0 })).toThrow(new RangeError('renderSvgSync: opts.timeoutMs must be positive, got 0'));
  });
});

/**
 * The chart builders take the analysis packages' results as they come, with no mapping by hand:
 * a keyDriverAnalysis result into driverChart, a factorAnalysis result into screePlot.
 */
import { describe, expect, it } from 'vitest';
import { driverChart, renderSvg, screePlot } from '@satlab/charts';
import { factorAnalysis, keyDriverAnalysis } from '@satlab/drivers';
import { rng } from '@satlab/stats';
import { countItems, markTexts } from './svg.js';

// A seeded sample: three drivers of an outcome, and six items loading on two factors.
const r = rng(11);
const n = 400;
const x1 = Float64Array.from({ length: n }, () => r.normal());
const x2 = Float64Array.from({ length: n }, () => r.normal());
const x3 = Float64Array.from({ length: n }, () => r.normal());
const y = Float64Array.from({ length: n }, (_, i) => 0.6 * x1[i] + 0.3 * x2[i] + 0.05 * x3[i] + 0.5 * r.normal());
const f1 = Float64Array.from({ length: n }, () => r.normal());
const f2 = Float64Array.from({ length: n }, () => r.normal());
const item = (f: Float64Array): Float64Array => Float64Array.from(f, (v) => 0.8 * v + 0.6 * r.normal());
const items = { a: item(f1), b: item(f1), c: item(f1), d: item(f2), e: item(f2), f: item(f2) };

describe('charts take analysis results directly', () => {
  it('driverChart draws a keyDriverAnalysis result with its bootstrap intervals', async () => {
    const kda = keyDriverAnalysis(y, { x1, x2, x3 }, { bootstrap: 50, seed: 3 });
    const svg = await renderSvg(driverChart(kda, { lang: 'en' }));
    expect(countItems(svg, 'rect')).toBe(3);
    expect(countItems(svg, 'rule')).toBe(3);
    // Shares of R² as magnitudes (they add up to 100 %), in the data's order, as percentages.
    const shares = kda.drivers.map((d) => Math.abs(d.shapley as number));
    expect(markTexts(svg)).toEqual(shares.map((s) => `${(100 * s).toFixed(1)}%`));
  });

  it('screePlot draws a factorAnalysis result with its parallel-analysis curve', async () => {
    const fa = factorAnalysis(items, { nfactors: 2, parallel: { seed: 5 } });
    const svg = await renderSvg(screePlot(fa, { lang: 'en' }));
    // Observed and simulated eigenvalues, one point each per item.
    expect(countItems(svg, 'symbol')).toBe(2 * fa.eigenvalues.length);
  });
});

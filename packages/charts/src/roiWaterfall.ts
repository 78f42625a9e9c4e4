import type { TopLevelSpec } from 'vega-lite';
import { SCHEMA, chartConfig, chartLang, chartTitle, needFinite, round6, size } from './common.js';
import { chartError, M } from './messages.js';
import { labels } from './labels.js';
import type { ChartOptions, RoiChartInput } from './types.js';

/**
 * Waterfall of the annual return of a customer-listening programme, as in the AMARC/Eloquant
 * calculator: acquisition savings and revenue kept step up to the total gain, the programme cost
 * steps down, and the last bar is the net annual ROI; each bar carries its amount in euros.
 *
 * Steps: 0 → acquisitionSavings → + revenueKept (= total gain, drawn as a subtotal bar) →
 * − processCost → roi. The last bar shows `input.roi` as given; with consistent inputs it equals
 * acquisitionSavings + revenueKept − processCost (12 600 + 63 000 − 24 000 = 51 600 € in the seed).
 *
 * @param input `{ acquisitionSavings, revenueKept, processCost, roi }` in euros
 * @param opts `lang` (default 'en'), `title`, `width` (default 460), `height` (default 300)
 * @returns a Vega-Lite v5 spec with the data inlined
 * @throws TypeError when an amount is not finite
 * @example
 * const spec = roiWaterfall({ acquisitionSavings: 12600, revenueKept: 63000, processCost: 24000, roi: 51600 }, { lang: 'fr' });
 * spec.data.values.map((d) => [d.step, d.start, d.end]);
 * //=> [['Économie d’acquisition', 0, 12600], ['CA conservé', 12600, 75600], ['Total revenu', 0, 75600],
 * //    ['Coût du dispositif', 75600, 51600], ['ROI annuel (gain net)', 0, 51600]]
 */
export function roiWaterfall(input: RoiChartInput, opts: ChartOptions = {}): TopLevelSpec {
  const fn = 'roiWaterfall';
  const lang = chartLang(fn, opts);
  const L = labels(lang);
  if (input === null || typeof input !== 'object') throw chartError('type', M.notResult({ fn, what: 'an ROI result object', got: String(input) }));
  const a = needFinite(fn, 'input.acquisitionSavings', input.acquisitionSavings);
  const r = needFinite(fn, 'input.revenueKept', input.revenueKept);
  const c = needFinite(fn, 'input.processCost', input.processCost);
  const roi = needFinite(fn, 'input.roi', input.roi);
  const kinds = [L.roiGain, L.roiCost, L.roiTotal];
  const steps = [
    { step: L.roiAcquisition, kind: kinds[0], start: 0, end: a, amount: a },
    { step: L.roiRevenueKept, kind: kinds[0], start: a, end: a + r, amount: r },
    { step: L.roiTotalGain, kind: kinds[2], start: 0, end: a + r, amount: a + r },
    { step: L.roiProcessCost, kind: kinds[1], start: a + r, end: a + r - c, amount: -c },
    { step: L.roiNet, kind: kinds[2], start: 0, end: roi, amount: roi },
  ].map((s, i) => ({ ...s, order: i, start: round6(s.start), end: round6(s.end), amount: round6(s.amount), top: round6(Math.max(s.start, s.end)) }));
  const order = steps.map((s) => s.step);
  // Step names on two lines, split at the space nearest the middle (labels are ours, not user text).
  const lines = order.map((name) => {
    const spaces = [...name.matchAll(/ /g)].map((m) => m.index ?? 0);
    if (spaces.length === 0) return [name];
    const cut = spaces.reduce((best, i) => (Math.abs(i - name.length / 2) < Math.abs(best - name.length / 2) ? i : best));
    return [name.slice(0, cut), name.slice(cut + 1)];
  });
  const x = { field: 'step', type: 'nominal' as const, sort: order, title: null, axis: { labelAngle: 0, labelExpr: `${JSON.stringify(lines)}[indexof(${JSON.stringify(order)}, datum.label)]` } };
  const spec: TopLevelSpec = {
    $schema: SCHEMA,
    ...chartTitle(opts, L.roiTitle),
    width: size(fn, 'width', opts.width, 460),
    height: size(fn, 'height', opts.height, 300),
    data: { values: steps },
    layer: [
      {
        mark: { type: 'bar', width: { band: 0.65 } },
        encoding: {
          x,
          y: { field: 'start', type: 'quantitative', title: L.roiAmount, axis: { format: '$,.0f' } },
          y2: { field: 'end' },
          color: { field: 'kind', type: 'nominal', scale: { domain: kinds, range: ['#2ca02c', '#d62728', '#1f4e79'] }, title: null, legend: { orient: 'top' } },
          tooltip: [
            { field: 'step', type: 'nominal', title: L.roiStep },
            { field: 'amount', type: 'quantitative', title: L.roiAmount, format: '$,.2f' },
          ],
        },
      },
      { data: { values: [{}] }, mark: { type: 'rule', color: '#555' }, encoding: { y: { datum: 0, type: 'quantitative' } } },
      {
        mark: { type: 'text', baseline: 'bottom', dy: -3, fontSize: 11 },
        encoding: { x, y: { field: 'top', type: 'quantitative' }, text: { field: 'amount', type: 'quantitative', format: '$,.0f' } },
      },
    ],
    config: chartConfig(lang),
  };
  return spec;
}

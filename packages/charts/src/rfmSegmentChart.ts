import type { TopLevelSpec } from 'vega-lite';
import { SCHEMA, chartConfig, chartLang, chartTitle, needArray, needFinite, round6, size } from './common.js';
import { chartError, M } from './messages.js';
import type { HConcatList } from './common.js';
import { labels } from './labels.js';
import type { ChartOptions, RfmSegmentInput } from './types.js';

/**
 * RFM segments in two panels sharing the rows: each segment's share of customers and its share of
 * revenue, as horizontal bars with the percentage printed, segments ordered by revenue (largest
 * first) — the Pareto reading (few customers, most of the revenue) at a glance.
 *
 * Share of customers = customers / Σ customers; share of revenue = revenue / Σ revenue.
 *
 * @param input `{ segments: [{ name, customers, revenue }] }` (an RFM segmentation result)
 * @param opts `lang` (default 'en'), `title`, `width` (each panel; default 260), `height` (default 28 px a segment)
 * @returns a Vega-Lite v5 spec (hconcat) with the data inlined
 * @throws TypeError when a figure is not finite or negative; RangeError when there are no segments
 * @example
 * const spec = rfmSegmentChart({ segments: [{ name: 'Champions', customers: 200, revenue: 90000 }, { name: 'À risque', customers: 800, revenue: 30000 }] });
 * spec.data.values.map((d) => [d.segment, d.measure, d.share]);
 * //=> [['Champions', 'Share of customers', 0.2], ['Champions', 'Share of revenue', 0.75],
 * //    ['À risque', 'Share of customers', 0.8], ['À risque', 'Share of revenue', 0.25]]
 */
export function rfmSegmentChart(input: RfmSegmentInput, opts: ChartOptions = {}): TopLevelSpec {
  const fn = 'rfmSegmentChart';
  const lang = chartLang(fn, opts);
  const L = labels(lang);
  if (input === null || typeof input !== 'object') throw chartError('type', M.notResult({ fn, what: 'an RFM segmentation result object', got: String(input) }));
  const segs = needArray(fn, 'input.segments', input.segments);
  if (segs.length === 0) throw chartError('range', M.empty({ fn, arg: 'input.segments' }));
  const rows = segs.map((s, i) => {
    const customers = needFinite(fn, `input.segments[${i}].customers`, s.customers);
    const revenue = needFinite(fn, `input.segments[${i}].revenue`, s.revenue);
    if (customers < 0 || revenue < 0) throw new TypeError(`${fn}: input.segments[${i}] has a negative figure (customers ${customers}, revenue ${revenue})`);
    return { name: String(s.name), customers, revenue: round6(revenue) };
  });
  const totalC = rows.reduce((a, r) => a + r.customers, 0);
  const totalR = rows.reduce((a, r) => a + r.revenue, 0);
  const values = rows.flatMap((r) => [
    { segment: r.name, measure: L.rfmCustomerShare, share: round6(totalC > 0 ? r.customers / totalC : 0), customers: r.customers, revenue: r.revenue },
    { segment: r.name, measure: L.rfmRevenueShare, share: round6(totalR > 0 ? r.revenue / totalR : 0), customers: r.customers, revenue: r.revenue },
  ]);
  const order = [...rows].sort((a, b) => b.revenue - a.revenue || b.customers - a.customers).map((r) => r.name);
  const w = size(fn, 'width', opts.width, 260);
  const h = size(fn, 'height', opts.height, Math.max(60, 28 * rows.length));
  const panel = (measure: string, colour: string, showAxis: boolean): HConcatList[number] => ({
    width: w,
    height: h,
    transform: [{ filter: { field: 'measure', equal: measure } }],
    encoding: {
      y: { field: 'segment', type: 'nominal', sort: order, title: null, axis: showAxis ? {} : null },
      x: { field: 'share', type: 'quantitative', title: measure, axis: { format: '.0%' } },
    },
    layer: [
      {
        mark: { type: 'bar', color: colour },
        encoding: {
          tooltip: [
            { field: 'segment', type: 'nominal', title: L.rfmSegment },
            { field: 'share', type: 'quantitative', title: measure, format: '.1%' },
            { field: 'customers', type: 'quantitative', title: L.rfmCustomers, format: ',d' },
            { field: 'revenue', type: 'quantitative', title: L.rfmRevenue, format: '$,.0f' },
          ],
        },
      },
      { mark: { type: 'text', align: 'left', dx: 4, fontSize: 10 }, encoding: { text: { field: 'share', type: 'quantitative', format: '.1%' } } },
    ],
  });
  const spec: TopLevelSpec = {
    $schema: SCHEMA,
    ...chartTitle(opts, L.rfmSegmentsTitle),
    data: { values },
    hconcat: [panel(L.rfmCustomerShare, '#4c78a8', true), panel(L.rfmRevenueShare, '#f58518', false)],
    config: chartConfig(lang),
  };
  return spec;
}

import type { TopLevelSpec } from 'vega-lite';
import { SCHEMA, chartConfig, chartLang, chartTitle, needArray, needFinite, round6, size } from './common.js';
import { chartError, M } from './messages.js';
import { labels } from './labels.js';
import type { ChartOptions, RfmHeatmapInput } from './types.js';

/** Options of `rfmHeatmap`. */
export interface RfmHeatmapOptions extends ChartOptions {
  /** What colours and labels the cells; default 'customers' (the other shows in the tooltip). */
  metric?: 'customers' | 'monetary';
}

/**
 * RFM recency × frequency grid: frequency score on x (1 → 5), recency score on y (5 = the most
 * recent, on top), one cell per (R, F) pair coloured and labelled by its number of customers (or
 * by its monetary value), the other figure in the tooltip. Scores follow the usual quintile
 * convention: 5 is the best (most recent, most frequent, highest amount).
 *
 * @param input `{ cells: [{ r, f, customers, monetary }] }` (an RFM result)
 * @param opts `lang` (default 'en'), `title`, `width` (default 360), `height` (default 300), `metric` ('customers')
 * @returns a Vega-Lite v5 spec with the data inlined
 * @throws TypeError when a score or a figure is not finite; RangeError when there are no cells
 * @example
 * rfmHeatmap({ cells: [{ r: 5, f: 5, customers: 120, monetary: 54000 }, { r: 1, f: 1, customers: 300, monetary: 9000 }] }, { lang: 'fr' });
 * //=> { title: { text: 'Grille RFM : récence × fréquence' }, data: { values: [{ r: 5, f: 5, customers: 120, monetary: 54000 }, { r: 1, f: 1, customers: 300, monetary: 9000 }] }, … }
 */
export function rfmHeatmap(input: RfmHeatmapInput, opts: RfmHeatmapOptions = {}): TopLevelSpec {
  const fn = 'rfmHeatmap';
  const lang = chartLang(fn, opts);
  const L = labels(lang);
  if (input === null || typeof input !== 'object') throw chartError('type', M.notResult({ fn, what: 'an RFM result object', got: String(input) }));
  const cells = needArray(fn, 'input.cells', input.cells);
  if (cells.length === 0) throw chartError('range', M.empty({ fn, arg: 'input.cells' }));
  const metric = opts.metric ?? 'customers';
  if (metric !== 'customers' && metric !== 'monetary') throw chartError('type', M.badOption({ fn, option: 'metric', expected: '"customers" or "monetary"', got: String(JSON.stringify(metric)) }));
  const values = cells.map((c, i) => ({
    r: needFinite(fn, `input.cells[${i}].r`, c.r),
    f: needFinite(fn, `input.cells[${i}].f`, c.f),
    customers: needFinite(fn, `input.cells[${i}].customers`, c.customers),
    monetary: round6(needFinite(fn, `input.cells[${i}].monetary`, c.monetary)),
  }));
  const rLevels = [...new Set(values.map((v) => v.r))].sort((a, b) => b - a);
  const fLevels = [...new Set(values.map((v) => v.f))].sort((a, b) => a - b);
  const title = metric === 'customers' ? L.rfmCustomers : L.rfmMonetary;
  const fmtSpec = metric === 'customers' ? ',d' : ',.0f';
  const max = Math.max(...values.map((v) => v[metric]));
  const spec: TopLevelSpec = {
    $schema: SCHEMA,
    ...chartTitle(opts, L.rfmTitle),
    width: size(fn, 'width', opts.width, 360),
    height: size(fn, 'height', opts.height, 300),
    data: { values },
    encoding: {
      x: { field: 'f', type: 'ordinal', sort: fLevels, title: L.rfmFrequency, axis: { labelAngle: 0 } },
      y: { field: 'r', type: 'ordinal', sort: rLevels, title: L.rfmRecency },
    },
    layer: [
      {
        mark: { type: 'rect', stroke: 'white', strokeWidth: 1 },
        encoding: {
          color: { field: metric, type: 'quantitative', scale: { scheme: 'blues', zero: true }, title, legend: { format: fmtSpec } },
          tooltip: [
            { field: 'r', type: 'ordinal', title: 'R' },
            { field: 'f', type: 'ordinal', title: 'F' },
            { field: 'customers', type: 'quantitative', title: L.rfmCustomers, format: ',d' },
            { field: 'monetary', type: 'quantitative', title: L.rfmMonetary, format: ',.2f' },
          ],
        },
      },
      {
        mark: { type: 'text', fontSize: 11 },
        encoding: {
          text: { field: metric, type: 'quantitative', format: fmtSpec },
          color: { condition: { test: `datum.${metric} > ${round6(max * 0.55)}`, value: 'white' }, value: '#111' },
        },
      },
    ],
    config: chartConfig(lang),
  };
  return spec;
}

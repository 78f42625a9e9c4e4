import type { TopLevelSpec } from 'vega-lite';
import { SCHEMA, chartConfig, chartLang, chartTitle, checkMatrix, fmt, needArray, round6, size } from './common.js';
import { chartError, M } from './messages.js';
import { labels } from './labels.js';
import type { ChartOptions, FactorChartInput } from './types.js';

/** Options of `loadingHeatmap`. */
export interface LoadingHeatmapOptions extends ChartOptions {
  /** |loading| printed in bold as salient; default 0.4. */
  threshold?: number;
  /** Factor names (column headers); default F1, F2, … */
  factorNames?: readonly string[];
}

/**
 * Heat map of factor loadings: items in rows (in the given order), factors in columns, a diverging
 * colour scale on [−1, 1] (blue positive, red negative), the loading printed in each cell and in
 * bold when |λ| ≥ threshold — the usual reading of `print(psych::fa(...)$loadings, cutoff = 0.4)`.
 *
 * @param input `{ loadings, items }` (an EFA result: `loadings[i][k]` = loading of item i on factor k)
 * @param opts `lang` (default 'en'), `title`, `width` (default 70 px a factor), `height` (default 24
 *   px an item), `threshold` (0.4), `factorNames` (F1, F2, …)
 * @returns a Vega-Lite v5 spec with the data inlined
 * @throws TypeError when a loading is not finite; RangeError when `loadings` does not have one row per item
 * @example
 * const spec = loadingHeatmap({ items: ['q1', 'q2'], loadings: [[0.81, 0.10], [0.05, 0.77]], eigenvalues: [] }, { lang: 'fr' });
 * spec.title; //=> { text: 'Saturations factorielles', subtitle: ['En gras : |saturation| ≥ 0,4'] }
 * spec.data.values;
 * //=> [{ item: 'q1', factor: 'F1', loading: 0.81, salient: true }, { item: 'q1', factor: 'F2', loading: 0.1, salient: false },
 * //    { item: 'q2', factor: 'F1', loading: 0.05, salient: false }, { item: 'q2', factor: 'F2', loading: 0.77, salient: true }]
 */
export function loadingHeatmap(input: Pick<FactorChartInput, 'loadings' | 'items'>, opts: LoadingHeatmapOptions = {}): TopLevelSpec {
  const fn = 'loadingHeatmap';
  const lang = chartLang(fn, opts);
  const L = labels(lang);
  if (input === null || typeof input !== 'object') throw chartError('type', M.notResult({ fn, what: 'a factor-analysis result object', got: String(input) }));
  const items = needArray(fn, 'input.items', input.items).map(String);
  if (items.length === 0) throw chartError('range', M.empty({ fn, arg: 'input.items' }));
  const nf = needArray(fn, 'input.loadings', input.loadings)[0]?.length ?? 0;
  if (nf === 0) throw new RangeError(`${fn}: input.loadings has no factor column`);
  const loadings = checkMatrix(fn, 'input.loadings', input.loadings, items.length, nf);
  const factorNames = opts.factorNames ? needArray(fn, 'opts.factorNames', opts.factorNames).map(String) : Array.from({ length: nf }, (_, k) => `F${k + 1}`);
  if (factorNames.length !== nf) throw new RangeError(`${fn}: opts.factorNames must have ${nf} names, got ${factorNames.length}`);
  const threshold = opts.threshold ?? 0.4;
  if (!(threshold > 0 && threshold < 1)) throw chartError('range', M.badOption({ fn, option: 'threshold', expected: 'in (0, 1)', got: String(threshold) }));

  const values = items.flatMap((item, i) => factorNames.map((factor, k) => ({ item, factor, loading: round6(loadings[i][k]), salient: Math.abs(loadings[i][k]) >= threshold })));
  const textColour = { condition: { test: 'abs(datum.loading) > 0.65', value: 'white' }, value: '#111' };
  const spec: TopLevelSpec = {
    $schema: SCHEMA,
    ...chartTitle(opts, L.loadingsTitle, [L.loadingsNote(fmt(threshold, lang, 2, { minDigits: 0 }))]),
    width: size(fn, 'width', opts.width, Math.max(120, 70 * nf)),
    height: size(fn, 'height', opts.height, Math.max(60, 24 * items.length)),
    data: { values },
    encoding: {
      x: { field: 'factor', type: 'nominal', sort: factorNames, title: null, axis: { orient: 'top', labelAngle: 0 } },
      y: { field: 'item', type: 'nominal', sort: items, title: null },
    },
    layer: [
      {
        mark: { type: 'rect', stroke: 'white', strokeWidth: 1 },
        encoding: {
          color: { field: 'loading', type: 'quantitative', scale: { scheme: 'redblue', domain: [-1, 1] }, title: L.loadingsLoading, legend: { gradientLength: 140 } },
          tooltip: [
            { field: 'item', type: 'nominal', title: L.loadingsItem },
            { field: 'factor', type: 'nominal', title: L.loadingsFactor },
            { field: 'loading', type: 'quantitative', title: L.loadingsLoading, format: '.3f' },
          ],
        },
      },
      { transform: [{ filter: 'datum.salient' }], mark: { type: 'text', fontSize: 11, fontWeight: 'bold' }, encoding: { text: { field: 'loading', type: 'quantitative', format: '.2f' }, color: textColour } },
      { transform: [{ filter: '!datum.salient' }], mark: { type: 'text', fontSize: 10 }, encoding: { text: { field: 'loading', type: 'quantitative', format: '.2f' }, color: { value: '#777' } } },
    ],
    config: chartConfig(lang),
  };
  return spec;
}

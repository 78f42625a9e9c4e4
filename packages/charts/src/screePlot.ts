import type { TopLevelSpec } from 'vega-lite';
import { SCHEMA, chartConfig, chartLang, chartTitle, needArray, needFinite, round6, size } from './common.js';
import { chartError, M } from './messages.js';
import { labels } from './labels.js';
import type { ChartOptions, FactorChartInput } from './types.js';

/**
 * Scree plot of an exploratory factor analysis: the eigenvalues of the correlation matrix against
 * the factor number (line and points), the parallel-analysis eigenvalues when given (dashed), and
 * Kaiser's line at λ = 1. Retain the factors above the parallel-analysis curve (Horn 1965) — the
 * Kaiser rule alone over-extracts; the elbow is read by eye (Cattell 1966).
 *
 * Matches the plot of R `psych::fa.parallel()` (observed vs simulated eigenvalues).
 *
 * @param input a `factorAnalysis` result, or `{ eigenvalues, parallel? }` (`parallel` as numbers or as the parallel-analysis result)
 * @param opts `lang` (default 'en'), `title`, `width` (default 420), `height` (default 280)
 * @returns a Vega-Lite v5 spec with the data inlined
 * @throws TypeError when a value is not finite; RangeError when `eigenvalues` is empty or `parallel` has another length
 * @example
 * const spec = screePlot({ eigenvalues: [3.1, 1.4, 0.8, 0.5], parallel: [1.3, 1.15, 1.02, 0.9], loadings: [], items: [] });
 * spec.data.values.slice(0, 2); //=> [{ factor: 1, value: 3.1, series: 'Observed eigenvalues' }, { factor: 2, value: 1.4, series: 'Observed eigenvalues' }]
 * spec.data.values[4]; //=> { factor: 1, value: 1.3, series: 'Parallel analysis (random data)' }
 */
export function screePlot(input: Pick<FactorChartInput, 'eigenvalues' | 'parallel'>, opts: ChartOptions = {}): TopLevelSpec {
  const fn = 'screePlot';
  const lang = chartLang(fn, opts);
  const L = labels(lang);
  if (input === null || typeof input !== 'object') throw chartError('type', M.notResult({ fn, what: 'a factor-analysis result object', got: String(input) }));
  const ev = needArray(fn, 'input.eigenvalues', input.eigenvalues);
  if (ev.length === 0) throw chartError('range', M.empty({ fn, arg: 'input.eigenvalues' }));
  const parInput = input.parallel !== undefined && !Array.isArray(input.parallel) && typeof input.parallel === 'object' ? (input.parallel as { simulatedQuantile: readonly number[] }).simulatedQuantile : input.parallel;
  const par = parInput === undefined ? undefined : needArray(fn, 'input.parallel', parInput);
  if (par && par.length !== ev.length) throw new RangeError(`${fn}: input.parallel must have ${ev.length} values (as eigenvalues), got ${par.length}`);
  const series = par ? [L.screeObserved, L.screeParallel] : [L.screeObserved];
  const values = [
    ...ev.map((v, k) => ({ factor: k + 1, value: round6(needFinite(fn, `input.eigenvalues[${k}]`, v)), series: series[0] })),
    ...(par ?? []).map((v, k) => ({ factor: k + 1, value: round6(needFinite(fn, `input.parallel[${k}]`, v)), series: series[1] })),
  ];
  const x = { field: 'factor', type: 'ordinal' as const, title: L.screeFactor, axis: { labelAngle: 0 } };
  const y = { field: 'value', type: 'quantitative' as const, title: L.screeEigenvalue, scale: { zero: true } };
  const colour = { field: 'series', type: 'nominal' as const, scale: { domain: series, range: ['#1f4e79', '#d62728'] }, title: null, legend: { orient: 'top-right' as const, symbolType: 'stroke', symbolStrokeWidth: 2 } };
  const spec: TopLevelSpec = {
    $schema: SCHEMA,
    ...chartTitle(opts, L.screeTitle),
    width: size(fn, 'width', opts.width, 420),
    height: size(fn, 'height', opts.height, 280),
    data: { values },
    layer: [
      { data: { values: [{}] }, mark: { type: 'rule', color: '#888', strokeDash: [2, 3] }, encoding: { y: { datum: 1, type: 'quantitative' } } },
      {
        data: { values: [{ label: L.screeKaiser }] },
        mark: { type: 'text', align: 'right', baseline: 'bottom', dy: -3, fontSize: 10, color: '#666', x: 'width' },
        encoding: { y: { datum: 1, type: 'quantitative' }, text: { field: 'label', type: 'nominal' } },
      },
      {
        mark: { type: 'line', point: { filled: true, size: 50 } },
        encoding: {
          x,
          y,
          color: colour,
          strokeDash: { field: 'series', type: 'nominal', scale: { domain: series, range: [[1, 0], [5, 4]] }, title: null, legend: { orient: 'top-right', symbolType: 'stroke', symbolStrokeWidth: 2 } },
          tooltip: [
            { field: 'series', type: 'nominal', title: L.screeSeries },
            { field: 'factor', type: 'ordinal', title: L.screeFactor },
            { field: 'value', type: 'quantitative', title: L.screeEigenvalue, format: '.3f' },
          ],
        },
      },
    ],
    config: chartConfig(lang),
  };
  return spec;
}

import type { TopLevelSpec } from 'vega-lite';
import { SCHEMA, chartConfig, chartLang, chartTitle, interval, needArray, needFinite, round6, size } from './common.js';
import { chartError, M } from './messages.js';
import type { LayerList } from './common.js';
import { labels } from './labels.js';
import type { ChartOptions, DriverChartInput } from './types.js';

/** The driver measure a chart ranks by. */
export type DriverMeasure = 'shapley' | 'relativeWeight' | 'correlation' | 'beta';

/** Options of `driverChart`. */
export interface DriverChartOptions extends ChartOptions {
  /** Measure to rank and draw; default 'shapley', or 'relativeWeight' when the result has no Shapley shares (beyond 20 drivers). Shapley and relative weights are drawn with their CI (`shapleyCi`, `relativeWeightCi`) when given. */
  measure?: DriverMeasure;
}

/**
 * Key-driver ranking: one horizontal bar per driver, longest first, for the chosen importance
 * measure, with its value printed at the end of the bar and, for Shapley values, the confidence
 * interval as a whisker. Shares of R² (Shapley, relative weights) are drawn as magnitudes from 0
 * (they add up to 100 % of R²), in percent, and the direction of the effect (sign of the
 * full-model β, `sign`, else the sign of the share) as the bar colour with a legend; correlations
 * and β are drawn signed, with a zero line.
 *
 * Shapley value (LMG): the average increase in R² when the driver is added to a regression, over
 * all orders of entry; the values add up to the model's R² (Grömping 2006, R `relaimpo::calc.relimp(type = "lmg")`).
 * Johnson's relative weights approximate it; correlations and standardised β are shown for comparison.
 *
 * @param input a `keyDriverAnalysis` result, or `{ drivers: [{ name, shapley, shapleyCi?, relativeWeight?, relativeWeightCi?, correlation?, beta? }] }`
 * @param opts `lang` (default 'en'), `title`, `width` (default 420), `height` (default 28 px a
 *   driver), `measure` ('shapley')
 * @returns a Vega-Lite v5 spec with the data inlined
 * @throws TypeError when a driver lacks a finite value for the measure; RangeError when there are no drivers
 * @example
 * const spec = driverChart({ drivers: [{ name: 'Contact', shapley: 0.12, shapleyCi: [0.08, 0.16] }, { name: 'Prix', shapley: 0.05 }] });
 * spec.title; //=> { text: 'Key drivers of satisfaction', subtitle: ['Whiskers: confidence interval (bootstrap)'] }
 * spec.data.values;
 * //=> [{ name: 'Contact', value: 0.12, lo: 0.08, hi: 0.16, effect: 'positive' }, { name: 'Prix', value: 0.05, lo: null, hi: null, effect: 'positive' }]
 */
export function driverChart(input: DriverChartInput, opts: DriverChartOptions = {}): TopLevelSpec {
  const fn = 'driverChart';
  const lang = chartLang(fn, opts);
  const L = labels(lang);
  if (input === null || typeof input !== 'object') throw chartError('type', M.notResult({ fn, what: 'a key-driver result object', got: String(input) }));
  const drivers = needArray(fn, 'input.drivers', input.drivers);
  if (drivers.length === 0) throw chartError('range', M.empty({ fn, arg: 'input.drivers' }));
  const measure = opts.measure ?? (drivers.every((d) => d.shapley === null || d.shapley === undefined) ? 'relativeWeight' : 'shapley');
  const axisTitle = { shapley: L.driversShapley, relativeWeight: L.driversRelativeWeight, correlation: L.driversCorrelation, beta: L.driversBeta }[measure];
  if (axisTitle === undefined) throw chartError('type', M.badOption({ fn, option: 'measure', expected: 'shapley, relativeWeight, correlation or beta', got: String(JSON.stringify(measure)) }));

  // Shares of R² are drawn as magnitudes (they add up to 100 %), the direction of the effect as
  // the bar's colour: a signed share mixes two questions and reads as a mistake.
  const isShare = measure === 'shapley' || measure === 'relativeWeight';
  const rows = drivers.map((d, i) => {
    const ci = measure === 'shapley' ? interval(fn, `input.drivers[${i}].shapleyCi`, d.shapleyCi ?? undefined) : measure === 'relativeWeight' ? interval(fn, `input.drivers[${i}].relativeWeightCi`, d.relativeWeightCi ?? undefined) : undefined;
    const raw = needFinite(fn, `input.drivers[${i}].${measure}`, d[measure]);
    const sign = d.sign ?? (raw < 0 ? -1 : 1);
    const flip = isShare && raw < 0;
    const lo = ci ? (flip ? -ci[1] : ci[0]) : null;
    const hi = ci ? (flip ? -ci[0] : ci[1]) : null;
    return { name: String(d.name), value: round6(isShare ? Math.abs(raw) : raw), lo: lo === null ? null : round6(lo), hi: hi === null ? null : round6(hi), effect: sign < 0 ? L.driversNegative : L.driversPositive };
  });
  const order = [...rows].sort((a, b) => b.value - a.value || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)).map((r) => r.name);
  const hasCI = rows.some((r) => r.lo !== null);
  const negative = rows.some((r) => r.effect === L.driversNegative);
  const signed = rows.some((r) => r.value < 0 || (r.lo ?? 0) < 0);
  const fmt = isShare ? '.1%' : '.3f';
  const y = { field: 'name', type: 'nominal' as const, sort: order, title: null };
  const x = { field: 'value', type: 'quantitative' as const, title: axisTitle, scale: { zero: true }, axis: { format: isShare ? '.0%' : '.2f', tickCount: 6 } };
  const color = isShare && negative
    ? { field: 'effect', type: 'nominal' as const, title: L.driversEffect, scale: { domain: [L.driversPositive, L.driversNegative], range: ['#4c78a8', '#e45756'] }, legend: { orient: 'bottom' as const, direction: 'horizontal' as const } }
    : { value: '#4c78a8' };
  const layer: LayerList = [
    {
      mark: { type: 'bar', height: { band: 0.7 } },
      encoding: {
        y,
        x,
        color,
        tooltip: [
          { field: 'name', type: 'nominal' as const, title: lang === 'fr' ? 'Facteur' : 'Driver' },
          { field: 'value', type: 'quantitative' as const, title: axisTitle, format: fmt },
          ...(isShare ? [{ field: 'effect', type: 'nominal' as const, title: L.driversEffect }] : []),
          ...(hasCI ? [{ field: 'lo', type: 'quantitative' as const, title: `${L.ci} −`, format: fmt }, { field: 'hi', type: 'quantitative' as const, title: `${L.ci} +`, format: fmt }] : []),
        ],
      },
    },
  ];
  if (hasCI) {
    layer.push({ transform: [{ filter: 'isValid(datum.lo)' }], mark: { type: 'rule', color: '#222', strokeWidth: 1.5 }, encoding: { y, x: { field: 'lo', type: 'quantitative' }, x2: { field: 'hi' } } });
  }
  // A zero line wherever a value can be negative (correlations, β, an interval crossing 0).
  if (signed) layer.push({ data: { values: [{}] }, mark: { type: 'rule', color: '#555' }, encoding: { x: { datum: 0, type: 'quantitative' } } });
  layer.push({
    transform: [{ calculate: hasCI ? 'isValid(datum.hi) ? max(datum.hi, datum.value) : datum.value' : 'datum.value', as: 'labelAt' }],
    mark: { type: 'text', align: 'left', dx: 5, fontSize: 11, color: '#222' },
    encoding: { y, x: { field: 'labelAt', type: 'quantitative' }, text: { field: 'value', type: 'quantitative', format: fmt } },
  });
  const spec: TopLevelSpec = {
    $schema: SCHEMA,
    ...chartTitle(opts, L.driversTitle, hasCI ? [L.driversCI] : []),
    width: size(fn, 'width', opts.width, 420),
    height: size(fn, 'height', opts.height, Math.max(60, 28 * rows.length)),
    data: { values: rows },
    layer,
    config: chartConfig(lang),
  };
  return spec;
}

import type { TopLevelSpec } from 'vega-lite';
import { SCHEMA, chartConfig, chartLang, chartTitle, fmt, interval, needArray, needFinite, round6, size } from './common.js';
import { chartError, M } from './messages.js';
import { labels } from './labels.js';
import type { BarometerChartInput, ChartOptions } from './types.js';

/** Options of `barometerChart`. */
export interface BarometerChartOptions extends ChartOptions {
  /** d3 format of the value axis, e.g. '.0%' for shares or '+d' for NPS points; default Vega's. */
  format?: string;
  /** Title of the value axis; default "Value (95% confidence interval)" in `lang`. */
  yTitle?: string;
  /** Confidence level of the intervals, for the axis title; default 0.95. */
  level?: number;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Barometer trends: one line per indicator across the waves, with the confidence interval of each
 * wave as a shaded band and the points of a significant change from the previous wave drawn as
 * larger diamonds (legend "Change vs previous wave"). The x axis is the wave names in order of
 * first appearance, or a UTC time axis when every point has an ISO `date`.
 *
 * The builder draws the values, intervals and significance flags as computed by the barometer
 * analysis (e.g. a two-proportion z-test between consecutive waves); it computes nothing.
 *
 * @param input `{ series: [{ indicator, wave, date?, value, ci, significant? }] }`
 * @param opts `lang` (default 'en'), `title`, `width` (default 520), `height` (default 300),
 *   `format`, `yTitle`, `level` (0.95)
 * @returns a Vega-Lite v5 spec with the data inlined
 * @throws TypeError when a value or CI bound is not finite or a date is not YYYY-MM-DD; RangeError when `series` is empty
 * @example
 * barometerChart({ series: [
 *   { indicator: 'CSAT', wave: 'V1', value: 0.71, ci: [0.67, 0.75] },
 *   { indicator: 'CSAT', wave: 'V2', value: 0.78, ci: [0.74, 0.82], significant: true } ] }, { format: '.0%' });
 * //=> { title: { text: 'Barometer: indicators over time' },
 * //     data: { values: [{ indicator: 'CSAT', wave: 'V1', date: null, value: 0.71, lo: 0.67, hi: 0.75, change: 'Not significant' },
 * //                      { indicator: 'CSAT', wave: 'V2', date: null, value: 0.78, lo: 0.74, hi: 0.82, change: 'Significant' }] },
 * //     layer: [{ mark: { type: 'area', … }, … }, { mark: { type: 'line', … }, … }, { mark: { type: 'point', … }, … }], … }
 */
export function barometerChart(input: BarometerChartInput, opts: BarometerChartOptions = {}): TopLevelSpec {
  const fn = 'barometerChart';
  const lang = chartLang(fn, opts);
  const L = labels(lang);
  if (input === null || typeof input !== 'object') throw chartError('type', M.notResult({ fn, what: 'a barometer result object', got: String(input) }));
  const series = needArray(fn, 'input.series', input.series);
  if (series.length === 0) throw chartError('range', M.empty({ fn, arg: 'input.series' }));
  const level = opts.level ?? 0.95;
  if (!(level > 0 && level < 1)) throw chartError('range', M.badOption({ fn, option: 'level', expected: 'in (0, 1)', got: String(level) }));
  const hasSig = series.some((p) => typeof p.significant === 'boolean');
  const sigDomain = [L.barometerSignificant, L.barometerNotSignificant];
  const values = series.map((p, i) => {
    const ci = interval(fn, `input.series[${i}].ci`, p.ci);
    if (ci === undefined) throw chartError('type', M.required({ fn, arg: `input.series[${i}].ci` }));
    if (p.date !== undefined && !(typeof p.date === 'string' && DATE.test(p.date))) throw new TypeError(`${fn}: input.series[${i}].date must be YYYY-MM-DD, got ${JSON.stringify(p.date)}`);
    return {
      indicator: String(p.indicator),
      wave: String(p.wave),
      date: p.date ?? null,
      value: round6(needFinite(fn, `input.series[${i}].value`, p.value)),
      lo: round6(ci[0]),
      hi: round6(ci[1]),
      change: p.significant === true ? sigDomain[0] : sigDomain[1],
    };
  });
  const indicators = [...new Set(values.map((v) => v.indicator))];
  const waves = [...new Set(values.map((v) => v.wave))];
  const temporal = values.every((v) => v.date !== null);
  const x = temporal
    ? { field: 'date', type: 'temporal' as const, scale: { type: 'utc' as const }, title: L.barometerDate, axis: { format: '%b %Y', labelAngle: 0 } }
    : { field: 'wave', type: 'ordinal' as const, sort: waves, title: L.barometerWave, axis: { labelAngle: 0 }, scale: { padding: 0.3 } };
  const pct = fmt(level * 100, lang, 1, { minDigits: 0 });
  const yTitle = opts.yTitle ?? L.barometerValue(lang === 'fr' ? `${pct}\u00a0%` : `${pct}%`);
  const y = { field: 'value', type: 'quantitative' as const, title: yTitle, scale: { zero: false }, ...(opts.format ? { axis: { format: opts.format } } : {}) };
  const colour = { field: 'indicator', type: 'nominal' as const, scale: { domain: indicators, scheme: 'tableau10' }, title: L.barometerIndicator, legend: { symbolOpacity: 1 } };
  const valueFormat = opts.format ?? '.3~f';
  const tooltip = [
    { field: 'indicator', type: 'nominal' as const, title: L.barometerIndicator },
    { field: 'wave', type: 'nominal' as const, title: L.barometerWave },
    ...(temporal ? [{ field: 'date', type: 'nominal' as const, title: L.barometerDate }] : []),
    { field: 'value', type: 'quantitative' as const, title: yTitle, format: valueFormat },
    { field: 'lo', type: 'quantitative' as const, title: L.barometerLow, format: valueFormat },
    { field: 'hi', type: 'quantitative' as const, title: L.barometerHigh, format: valueFormat },
    ...(hasSig ? [{ field: 'change', type: 'nominal' as const, title: L.barometerChange }] : []),
  ];
  const sigEncoding = hasSig
    ? {
        shape: { field: 'change', type: 'nominal' as const, scale: { domain: sigDomain, range: ['diamond', 'circle'] }, title: L.barometerChange },
        size: { field: 'change', type: 'ordinal' as const, sort: sigDomain, scale: { domain: sigDomain, range: [140, 45] }, title: L.barometerChange },
      }
    : { size: { value: 50 } };
  const spec: TopLevelSpec = {
    $schema: SCHEMA,
    ...chartTitle(opts, L.barometerTitle),
    width: size(fn, 'width', opts.width, 520),
    height: size(fn, 'height', opts.height, 300),
    data: { values },
    layer: [
      // A zero line when the values straddle 0 (an NPS or a change crossing from negative to positive).
      ...(values.some((v) => v.lo < 0) && values.some((v) => v.hi > 0) ? [{ data: { values: [{}] }, mark: { type: 'rule' as const, color: '#555', strokeWidth: 1 }, encoding: { y: { datum: 0, type: 'quantitative' as const } } }] : []),
      { mark: { type: 'area', opacity: 0.18 }, encoding: { x, y: { field: 'lo', type: 'quantitative' as const, title: yTitle }, y2: { field: 'hi' }, color: colour } },
      { mark: { type: 'line', strokeWidth: 2 }, encoding: { x, y, color: colour } },
      { mark: { type: 'point', filled: true }, encoding: { x, y, color: colour, tooltip, ...sigEncoding } },
    ],
    config: chartConfig(lang),
  };
  return spec;
}

import type { TopLevelSpec } from 'vega-lite';
import { SCHEMA, cellTooltip, chartConfig, chartLang, chartTitle, crossTabInput, fmt, residualThreshold, round6, size, stackedShares } from './common.js';
import { labels } from './labels.js';
import type { ChartOptions, CrossTabChartInput } from './types.js';

/** Options of `crossTabChart`. */
export interface CrossTabChartOptions extends ChartOptions {
  /** |adjusted residual| above which a cell is shaded as significant; default 1.96 (5 %, two-sided). */
  threshold?: number;
  /** Title of the row axis (e.g. "Type de contrat"); default none. */
  rowTitle?: string;
  /** Title of the colour legend (e.g. "Satisfaction"); default none. */
  colTitle?: string;
  /** Vega colour scheme for the column categories; default 'redyellowgreen' (ordered scales). */
  scheme?: string;
}

/**
 * 100 % stacked horizontal bars of a cross-tabulation: one bar per row (e.g. contract type), split
 * into the column categories (e.g. satisfaction levels) by row percentage. When adjusted residuals
 * are given, cells with |r| > threshold are drawn opaque and marked ▲ (over-represented) or
 * ▼ (under-represented) next to their percentage; the others are faded. The shading reads the
 * chi-square test cell by cell, as SPSS's ASRESID or R's `chisq.test()$stdres` do.
 *
 * Row percentage: observed[i][j] / Σ_j observed[i][j] (a row of zeros draws no bar).
 *
 * @param input `{ rowLabels, colLabels, observed, expected?, adjustedResiduals? }` (a chi-square result)
 * @param opts `lang` (default 'en'), `title`, `width` (default 520), `height` (default 32 px a row),
 *   `threshold` (1.96), `rowTitle`, `colTitle`, `scheme` ('redyellowgreen')
 * @returns a Vega-Lite v5 spec with the data inlined
 * @throws TypeError / RangeError when a matrix does not match the labels or holds a non-finite value
 * @example
 * const spec = crossTabChart({ rowLabels: ['Auto/Moto', 'Santé'], colLabels: ['Non', 'Oui'], observed: [[84, 114], [36, 90]] });
 * spec.$schema; //=> 'https://vega.github.io/schema/vega-lite/v5.json'
 * spec.data.values.map((d) => [d.row, d.col, d.count, d.share]);
 * //=> [['Auto/Moto', 'Non', 84, 0.424242], ['Auto/Moto', 'Oui', 114, 0.575758], ['Santé', 'Non', 36, 0.285714], ['Santé', 'Oui', 90, 0.714286]]
 */
export function crossTabChart(input: CrossTabChartInput, opts: CrossTabChartOptions = {}): TopLevelSpec {
  const fn = 'crossTabChart';
  const lang = chartLang(fn, opts);
  const L = labels(lang);
  const { rowLabels, colLabels, required, optional } = crossTabInput(fn, input);
  const observed = required('observed');
  const expected = optional('expected');
  const residuals = optional('adjustedResiduals');
  const threshold = residualThreshold(fn, opts.threshold);
  const t = fmt(threshold, lang, 2, { minDigits: 0 });
  const sig = [L.crossTabOver(t), L.crossTabUnder(t), L.crossTabNs];

  const values: Record<string, unknown>[] = [];
  rowLabels.forEach((row, i) => {
    const stack = stackedShares(observed[i]);
    colLabels.forEach((col, j) => {
      const r = residuals ? residuals[i][j] : NaN;
      const marker = r > threshold ? ' ▲' : r < -threshold ? ' ▼' : '';
      values.push({
        row,
        col,
        colIndex: j,
        count: observed[i][j],
        expected: expected ? round6(expected[i][j]) : null,
        residual: residuals ? round6(r) : null,
        significance: residuals ? (r > threshold ? sig[0] : r < -threshold ? sig[1] : sig[2]) : null,
        marker,
        ...stack[j],
      });
    });
  });

  const w = size(fn, 'width', opts.width, 520);
  const h = size(fn, 'height', opts.height, Math.max(80, 32 * rowLabels.length));
  const y = { field: 'row', type: 'nominal' as const, sort: rowLabels, title: opts.rowTitle ?? null };
  const tooltip = [
    ...cellTooltip(opts, lang),
    { field: 'count', type: 'quantitative' as const, title: L.crossTabCount, format: ',d' },
    { field: 'share', type: 'quantitative' as const, title: L.crossTabShare, format: '.1%' },
    ...(expected ? [{ field: 'expected', type: 'quantitative' as const, title: L.crossTabExpected, format: ',.2f' }] : []),
    ...(residuals ? [{ field: 'residual', type: 'quantitative' as const, title: L.crossTabResidual, format: '+.2f' }] : []),
  ];
  const barEncoding = {
    y,
    x: { field: 'start', type: 'quantitative' as const, scale: { domain: [0, 1], nice: false }, axis: { format: '.0%' }, title: L.crossTabShare },
    x2: { field: 'end' },
    color: { field: 'col', type: 'nominal' as const, sort: colLabels, scale: { domain: colLabels, scheme: opts.scheme ?? 'redyellowgreen' }, title: opts.colTitle ?? null, legend: { orient: 'bottom' as const, direction: 'horizontal' as const } },
    tooltip,
    ...(residuals
      ? // The marks are explained in a subtitle with their own glyphs: an opacity legend draws ▲ and ▼ as black squares.
        { opacity: { field: 'significance', type: 'ordinal' as const, sort: sig, scale: { type: 'ordinal' as const, domain: sig, range: [1, 1, 0.35] }, title: L.crossTabResidual, legend: null } }
      : {}),
  };

  const spec: TopLevelSpec = {
    $schema: SCHEMA,
    ...chartTitle(opts, L.crossTabTitle, residuals ? [L.crossTabMarks(t)] : []),
    width: w,
    height: h,
    data: { values },
    layer: [
      { mark: { type: 'bar', stroke: 'white', strokeWidth: 1 }, encoding: barEncoding },
      {
        transform: [{ filter: 'datum.share >= 0.06' }, { calculate: "format(datum.share, '.0%') + datum.marker", as: 'text' }],
        mark: { type: 'text', fontSize: 10, color: '#111' },
        encoding: { y, x: { field: 'mid', type: 'quantitative' }, text: { field: 'text', type: 'nominal' } },
      },
    ],
    config: chartConfig(lang),
  };
  return spec;
}

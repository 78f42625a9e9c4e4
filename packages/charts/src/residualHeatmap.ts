import type { TopLevelSpec } from 'vega-lite';
import { SCHEMA, cellTooltip, chartConfig, chartLang, chartTitle, crossTabInput, fmt, residualThreshold, round6, size } from './common.js';
import { chartError, M } from './messages.js';
import { labels } from './labels.js';
import type { ChartOptions, CrossTabChartInput } from './types.js';

/** Options of `residualHeatmap`. */
export interface ResidualHeatmapOptions extends ChartOptions {
  /** |adjusted residual| printed in bold as significant; default 1.96 (5 %, two-sided). */
  threshold?: number;
  /** Title of the row axis; default none. */
  rowTitle?: string;
  /** Title of the column axis; default none. */
  colTitle?: string;
}

/**
 * Heat map of the adjusted standardized residuals of a cross-tabulation: one cell per (row,
 * column), a diverging colour scale centred on 0 (blue = more than expected under independence,
 * red = fewer, as in vcd's mosaic shading), the signed residual printed in each cell and in bold
 * when |r| > threshold.
 *
 * Adjusted residual: r_ij = (O_ij − E_ij) / √(E_ij (1 − n_i./n)(1 − n_.j/n)), approximately N(0, 1)
 * under independence (Agresti 2013, §2.4.5; R `chisq.test()$stdres`). The colour domain is
 * symmetric, ±max(3, ⌈max |r|⌉).
 *
 * @param input `{ rowLabels, colLabels, adjustedResiduals, observed?, expected? }` (a chi-square result)
 * @param opts `lang` (default 'en'), `title`, `width` (default 70 px a column), `height` (default
 *   36 px a row), `threshold` (1.96), `rowTitle`, `colTitle`
 * @returns a Vega-Lite v5 spec with the data inlined
 * @throws TypeError when `adjustedResiduals` is missing; TypeError / RangeError when a matrix does not match the labels
 * @example
 * residualHeatmap({ rowLabels: ['A', 'B'], colLabels: ['x', 'y'], observed: [[10, 5], [5, 10]],
 *   adjustedResiduals: [[2.31, -2.31], [-1.2, 1.2]] }, { lang: 'fr' });
 * //=> { title: { text: 'Résidus ajustés (écarts à l’indépendance)', subtitle: ['En gras : |résidu| > 1,96 (significatif au seuil de 5 %)'…] },
 * //     data: { values: [{ row: 'A', col: 'x', residual: 2.31, significant: true, count: 10, expected: null },
 * //                      { row: 'A', col: 'y', residual: -2.31, significant: true, count: 5, expected: null },
 * //                      { row: 'B', col: 'x', residual: -1.2, significant: false, count: 5, expected: null },
 * //                      { row: 'B', col: 'y', residual: 1.2, significant: false, count: 10, expected: null }] }, … }
 */
export function residualHeatmap(input: CrossTabChartInput, opts: ResidualHeatmapOptions = {}): TopLevelSpec {
  const fn = 'residualHeatmap';
  const lang = chartLang(fn, opts);
  const L = labels(lang);
  const { rowLabels, colLabels, required, optional } = crossTabInput(fn, input);
  if (!input.adjustedResiduals) throw chartError('type', M.required({ fn, arg: 'input.adjustedResiduals' }));
  const res = required('adjustedResiduals');
  const observed = optional('observed');
  const expected = optional('expected');
  const threshold = residualThreshold(fn, opts.threshold);

  const values = rowLabels.flatMap((row, i) =>
    colLabels.map((col, j) => ({
      row,
      col,
      residual: round6(res[i][j]),
      significant: Math.abs(res[i][j]) > threshold,
      count: observed ? observed[i][j] : null,
      expected: expected ? round6(expected[i][j]) : null,
    })),
  );
  const maxAbs = Math.max(...values.map((v) => Math.abs(v.residual)));
  const m = Math.max(3, Math.ceil(maxAbs));
  const x = { field: 'col', type: 'nominal' as const, sort: colLabels, title: opts.colTitle ?? null, axis: { orient: 'top' as const, labelAngle: 0 } };
  const y = { field: 'row', type: 'nominal' as const, sort: rowLabels, title: opts.rowTitle ?? null };
  const tooltip = [
    ...cellTooltip(opts, lang),
    { field: 'residual', type: 'quantitative' as const, title: L.crossTabResidual, format: '+.2f' },
    ...(observed ? [{ field: 'count', type: 'quantitative' as const, title: L.crossTabCount, format: ',d' }] : []),
    ...(expected ? [{ field: 'expected', type: 'quantitative' as const, title: L.crossTabExpected, format: ',.2f' }] : []),
  ];
  const textColour = { condition: { test: `abs(datum.residual) > ${round6(m * 0.6)}`, value: 'white' }, value: '#111' };
  const t = fmt(threshold, lang, 2, { minDigits: 0 });

  const spec: TopLevelSpec = {
    $schema: SCHEMA,
    ...chartTitle(opts, L.residualTitle, [L.residualNote(t)]),
    width: size(fn, 'width', opts.width, colLabels.length * Math.max(80, Math.ceil(6.5 * Math.max(...colLabels.map((c) => [...c].length)) + 16))),
    height: size(fn, 'height', opts.height, Math.max(80, 36 * rowLabels.length)),
    data: { values },
    encoding: { x, y },
    layer: [
      {
        mark: { type: 'rect', stroke: 'white', strokeWidth: 1 },
        encoding: {
          color: { field: 'residual', type: 'quantitative', scale: { scheme: 'redblue', domain: [-m, m] }, title: L.crossTabResidual, legend: { gradientLength: 160 } },
          tooltip,
        },
      },
      {
        transform: [{ filter: 'datum.significant' }],
        mark: { type: 'text', fontSize: 12, fontWeight: 'bold' },
        encoding: { text: { field: 'residual', type: 'quantitative', format: '+.2f' }, color: textColour },
      },
      {
        transform: [{ filter: '!datum.significant' }],
        mark: { type: 'text', fontSize: 11 },
        encoding: { text: { field: 'residual', type: 'quantitative', format: '+.2f' }, color: textColour },
      },
    ],
    config: chartConfig(lang),
  };
  return spec;
}

import type { TopLevelSpec } from 'vega-lite';
import { SCHEMA, chartConfig, chartLang, chartTitle, fmt, fmtInterval, interval, needArray, needFinite, round6, size, stackedShares } from './common.js';
import { chartError, M } from './messages.js';
import { labels } from './labels.js';
import type { ChartOptions, NpsChartCounts, NpsChartInput } from './types.js';

const NPS_COLOURS = ['#d62728', '#c7c7c7', '#2ca02c'];

/**
 * Net Promoter Score chart in two panels sharing the rows (overall first, then each group):
 * left, 100 % stacked bars of detractors (0–6), passives (7–8) and promoters (9–10) with their
 * percentages; right, the NPS in points with its confidence interval as a whisker and a rule at 0.
 *
 * NPS = 100 × (promoters − detractors) / n. The builder takes the split as counts or as shares (it
 * divides each by promoters + passives + detractors) and plots `nps` and `ci` as given (points,
 * −100…100), e.g. the interval from Var(NPS) = 100²·[(p + d) − (p − d)²]/n.
 *
 * Reference: Reichheld, F. (2003), The one number you need to grow, Harvard Business Review 81(12).
 *
 * @param input `{ n, promoters, passives, detractors, nps, ci, groups? }` (an NPS result)
 * @param opts `lang` (default 'en'), `title`, `width` (each panel; default 360 and 220), `height`
 *   (default 34 px a row)
 * @returns a Vega-Lite v5 spec (hconcat) with the data inlined
 * @throws TypeError when a count, the NPS or a CI bound is not finite
 * @example
 * const spec = npsChart({ n: 200, promoters: 90, passives: 60, detractors: 50, nps: 20, ci: [10.6, 29.4] }, { lang: 'fr' });
 * spec.hconcat[0].data.values.map((d) => [d.category, d.share]);
 * //=> [['Détracteurs (0–6)', 0.25], ['Passifs (7–8)', 0.3], ['Promoteurs (9–10)', 0.45]]
 * spec.hconcat[1].data.values; //=> [{ row: 'Ensemble (n = 200)', nps: 20, lo: 10.6, hi: 29.4, label: '+20 [11 ; 29]' }]
 */
export function npsChart(input: NpsChartInput, opts: ChartOptions = {}): TopLevelSpec {
  const fn = 'npsChart';
  const lang = chartLang(fn, opts);
  const L = labels(lang);
  if (input === null || typeof input !== 'object') throw chartError('type', M.notResult({ fn, what: 'an NPS result object', got: String(input) }));
  const groups = input.groups === undefined ? [] : needArray(fn, 'input.groups', input.groups);
  const entries: { name: string; arg: string; x: NpsChartCounts }[] = [
    { name: L.npsOverall, arg: 'input', x: input },
    ...groups.map((g, i) => ({ name: String(g.name), arg: `input.groups[${i}]`, x: g })),
  ];
  const cats = [L.npsDetractors, L.npsPassives, L.npsPromoters];
  const split: Record<string, unknown>[] = [];
  const scores: Record<string, unknown>[] = [];
  const rowNames: string[] = [];
  for (const { name, arg, x } of entries) {
    const n = needFinite(fn, `${arg}.n`, x.n);
    const parts = [needFinite(fn, `${arg}.detractors`, x.detractors), needFinite(fn, `${arg}.passives`, x.passives), needFinite(fn, `${arg}.promoters`, x.promoters)];
    const nps = needFinite(fn, `${arg}.nps`, x.nps);
    const ci = interval(fn, `${arg}.ci`, x.ci) as [number, number];
    if (ci === undefined) throw chartError('type', M.required({ fn, arg: `${arg}.ci` }));
    const row = `${name} (n = ${fmt(n, lang, 0)})`;
    rowNames.push(row);
    stackedShares(parts).forEach((seg, k) => split.push({ row, category: cats[k], order: k, ...seg }));
    scores.push({
      row,
      nps: round6(nps),
      lo: round6(ci[0]),
      hi: round6(ci[1]),
      label: `${fmt(nps, lang, 0, { sign: true })} ${fmtInterval(ci[0], ci[1], lang, 0)}`,
    });
  }
  const h = size(fn, 'height', opts.height, Math.max(60, 34 * rowNames.length));
  const y = { field: 'row', type: 'nominal' as const, sort: rowNames, title: null };
  const yBare = { ...y, axis: null };
  const spec: TopLevelSpec = {
    $schema: SCHEMA,
    ...chartTitle(opts, L.npsTitle),
    hconcat: [
      {
        width: size(fn, 'width', opts.width, 360),
        height: h,
        data: { values: split },
        layer: [
          {
            mark: { type: 'bar', stroke: 'white', strokeWidth: 1 },
            encoding: {
              y,
              x: { field: 'start', type: 'quantitative', scale: { domain: [0, 1], nice: false }, axis: { format: '.0%' }, title: L.npsShare },
              x2: { field: 'end' },
              color: { field: 'category', type: 'nominal', scale: { domain: cats, range: NPS_COLOURS }, title: null, legend: { orient: 'bottom', direction: 'horizontal' } },
              tooltip: [
                { field: 'row', type: 'nominal', title: L.npsGroup },
                { field: 'category', type: 'nominal', title: ' ' },
                { field: 'share', type: 'quantitative', title: L.npsShare, format: '.1%' },
              ],
            },
          },
          {
            transform: [{ filter: 'datum.share >= 0.06' }],
            mark: { type: 'text', fontSize: 10, color: '#111' },
            encoding: { y, x: { field: 'mid', type: 'quantitative' }, text: { field: 'share', type: 'quantitative', format: '.0%' } },
          },
        ],
      },
      {
        width: size(fn, 'width', opts.width === undefined ? undefined : Math.round(opts.width * 0.6), 220),
        height: h,
        data: { values: scores },
        layer: [
          { data: { values: [{}] }, mark: { type: 'rule', color: '#888', strokeDash: [3, 3] }, encoding: { x: { datum: 0, type: 'quantitative' } } },
          {
            mark: { type: 'rule', strokeWidth: 2, color: '#1f4e79' },
            encoding: { y: yBare, x: { field: 'lo', type: 'quantitative', scale: { domain: [-100, 100], nice: false }, title: L.npsAxis }, x2: { field: 'hi' } },
          },
          {
            mark: { type: 'point', filled: true, size: 70, color: '#1f4e79' },
            encoding: {
              y: yBare,
              x: { field: 'nps', type: 'quantitative' },
              tooltip: [
                { field: 'row', type: 'nominal', title: L.npsGroup },
                { field: 'nps', type: 'quantitative', title: 'NPS', format: '+.1f' },
                { field: 'lo', type: 'quantitative', title: `${L.ci} −`, format: '.1f' },
                { field: 'hi', type: 'quantitative', title: `${L.ci} +`, format: '.1f' },
              ],
            },
          },
          {
            mark: { type: 'text', dy: -11, fontSize: 10, color: '#1f4e79' },
            encoding: { y: yBare, x: { field: 'nps', type: 'quantitative' }, text: { field: 'label', type: 'nominal' } },
          },
        ],
      },
    ],
    config: chartConfig(lang),
  };
  return spec;
}

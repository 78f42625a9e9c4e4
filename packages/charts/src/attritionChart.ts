import type { TopLevelSpec } from 'vega-lite';
import { SCHEMA, chartConfig, chartLang, chartTitle, fmt, fmtInterval, interval, needArray, needFinite, round6, size } from './common.js';
import { chartError, M } from './messages.js';
import { labels } from './labels.js';
import type { AttritionChartInput, ChartOptions } from './types.js';

/**
 * Attrition against dissatisfaction in two panels sharing the rows (one per group): left, grouped
 * bars of the attrition rate among dissatisfied and among satisfied customers, percentages printed;
 * right, the risk ratio (attrition among dissatisfied / attrition among satisfied) with its
 * confidence interval on a log scale and a rule at 1 (no excess risk). Groups whose risk ratio or
 * interval is not finite and positive (e.g. no attrition among satisfied) read "RR undefined".
 *
 * @param input `{ groups: [{ name, attritionAmongDissatisfied, attritionAmongSatisfied, riskRatio, riskRatioCI }] }`, rates as shares 0–1
 * @param opts `lang` (default 'en'), `title`, `width` (default 320 and 220), `height` (default 44 px a group)
 * @returns a Vega-Lite v5 spec (hconcat) with the data inlined
 * @throws TypeError when a rate is not finite or outside [0, 1]; RangeError when there are no groups
 * @example
 * const spec = attritionChart({ groups: [{ name: 'Auto', attritionAmongDissatisfied: 0.32, attritionAmongSatisfied: 0.08, riskRatio: 4, riskRatioCI: [2.6, 6.1] }] }, { lang: 'fr' });
 * spec.title; //=> { text: 'Attrition des clients insatisfaits et satisfaits' }
 * spec.hconcat[0].data.values;
 * //=> [{ group: 'Auto', status: 'Clients insatisfaits', rate: 0.32 }, { group: 'Auto', status: 'Clients satisfaits', rate: 0.08 }]
 * spec.hconcat[1].data.values; //=> [{ group: 'Auto', valid: true, rr: 4, lo: 2.6, hi: 6.1, label: '4,00 [2,60 ; 6,10]' }]
 */
export function attritionChart(input: AttritionChartInput, opts: ChartOptions = {}): TopLevelSpec {
  const fn = 'attritionChart';
  const lang = chartLang(fn, opts);
  const L = labels(lang);
  if (input === null || typeof input !== 'object') throw chartError('type', M.notResult({ fn, what: 'an attrition result object', got: String(input) }));
  const groups = needArray(fn, 'input.groups', input.groups);
  if (groups.length === 0) throw chartError('range', M.empty({ fn, arg: 'input.groups' }));
  const status = [L.attritionDissatisfied, L.attritionSatisfied];
  const rate = (x: unknown, name: string): number => {
    const v = needFinite(fn, name, x);
    if (v < 0 || v > 1) throw chartError('type', M.notShare({ fn, arg: name, got: v }));
    return round6(v);
  };
  // `attritionVsDissatisfaction` names the whole-file group "all": label it in the chart's language.
  const names = groups.map((g) => (g.name === 'all' ? L.npsOverall : String(g.name)));
  const bars = groups.flatMap((g, i) => [
    { group: names[i], status: status[0], rate: rate(g.attritionAmongDissatisfied, `input.groups[${i}].attritionAmongDissatisfied`) },
    { group: names[i], status: status[1], rate: rate(g.attritionAmongSatisfied, `input.groups[${i}].attritionAmongSatisfied`) },
  ]);
  const rr = groups.map((g, i): { group: string; valid: boolean; rr: number | null; lo: number | null; hi: number | null; label: string } => {
    const ci = g.riskRatioCI === undefined ? undefined : [Number(g.riskRatioCI[0]), Number(g.riskRatioCI[1])];
    const ok = Number.isFinite(g.riskRatio) && g.riskRatio > 0 && ci !== undefined && ci.every((v) => Number.isFinite(v) && v > 0);
    if (!ok) return { group: names[i], valid: false, rr: null, lo: null, hi: null, label: L.attritionUndefined };
    const c = interval(fn, `input.groups[${i}].riskRatioCI`, ci) as [number, number];
    return { group: names[i], valid: true, rr: round6(g.riskRatio), lo: round6(c[0]), hi: round6(c[1]), label: `${fmt(g.riskRatio, lang, 2)} ${fmtInterval(c[0], c[1], lang, 2)}` };
  });
  const h = size(fn, 'height', opts.height, Math.max(70, 44 * groups.length));
  const y = { field: 'group', type: 'nominal' as const, sort: names, title: null };
  const yBare = { ...y, axis: null };
  const bounds = rr.flatMap((r) => (r.valid ? [r.lo as number, r.hi as number] : [])).concat([1]);
  const rrDomain = [round6(Math.min(...bounds) / 1.25), round6(Math.max(...bounds) * 1.25)];
  const spec: TopLevelSpec = {
    $schema: SCHEMA,
    ...chartTitle(opts, L.attritionTitle),
    hconcat: [
      {
        width: size(fn, 'width', opts.width, 320),
        height: h,
        data: { values: bars },
        encoding: {
          y,
          yOffset: { field: 'status', type: 'nominal', sort: status },
          x: { field: 'rate', type: 'quantitative', title: L.attritionRate, axis: { format: '.0%' } },
        },
        layer: [
          {
            mark: { type: 'bar' },
            encoding: {
              color: { field: 'status', type: 'nominal', scale: { domain: status, range: ['#d62728', '#2ca02c'] }, title: null, legend: { orient: 'bottom', direction: 'horizontal' } },
              tooltip: [
                { field: 'group', type: 'nominal', title: L.attritionGroup },
                { field: 'status', type: 'nominal', title: L.attritionStatus },
                { field: 'rate', type: 'quantitative', title: L.attritionRate, format: '.1%' },
              ],
            },
          },
          { mark: { type: 'text', align: 'left', dx: 3, fontSize: 10 }, encoding: { text: { field: 'rate', type: 'quantitative', format: '.0%' } } },
        ],
      },
      {
        width: size(fn, 'width', opts.width === undefined ? undefined : Math.round(opts.width * 0.7), 220),
        height: h,
        data: { values: rr },
        layer: [
          { data: { values: [{}] }, mark: { type: 'rule', color: '#888', strokeDash: [3, 3] }, encoding: { x: { datum: 1, type: 'quantitative' } } },
          {
            transform: [{ filter: 'datum.valid' }],
            mark: { type: 'rule', strokeWidth: 2, color: '#7b3294' },
            encoding: { y: yBare, x: { field: 'lo', type: 'quantitative', scale: { type: 'log', domain: rrDomain, nice: false }, title: L.attritionRiskRatio }, x2: { field: 'hi' } },
          },
          {
            transform: [{ filter: 'datum.valid' }],
            mark: { type: 'point', filled: true, size: 70, color: '#7b3294' },
            encoding: {
              y: yBare,
              x: { field: 'rr', type: 'quantitative' },
              tooltip: [
                { field: 'group', type: 'nominal', title: L.attritionGroup },
                { field: 'rr', type: 'quantitative', title: 'RR', format: '.3f' },
                { field: 'lo', type: 'quantitative', title: `${L.ci} −`, format: '.3f' },
                { field: 'hi', type: 'quantitative', title: `${L.ci} +`, format: '.3f' },
              ],
            },
          },
          { transform: [{ filter: 'datum.valid' }], mark: { type: 'text', dy: -11, fontSize: 10, color: '#7b3294' }, encoding: { y: yBare, x: { field: 'rr', type: 'quantitative' }, text: { field: 'label', type: 'nominal' } } },
          { transform: [{ filter: '!datum.valid' }], mark: { type: 'text', fontSize: 10, color: '#666' }, encoding: { y: yBare, x: { datum: 1, type: 'quantitative' }, text: { field: 'label', type: 'nominal' } } },
        ],
      },
    ],
    config: chartConfig(lang),
  };
  return spec;
}

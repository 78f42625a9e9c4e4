import { IPA_QUADRANTS, ipaQuadrantName } from '@satlab/present';
import type { TopLevelSpec } from 'vega-lite';
import { SCHEMA, chartConfig, chartLang, chartTitle, fmt, interval, needArray, needFinite, paddedDomain, round6, size } from './common.js';
import { chartError, M } from './messages.js';
import type { LayerList } from './common.js';
import { labels } from './labels.js';
import type { Box } from './placeLabels.js';
import { placeLabels, textWidth } from './placeLabels.js';
import type { ChartOptions, IpaChartInput, IpaQuadrant } from './types.js';

const QUADRANTS: readonly IpaQuadrant[] = IPA_QUADRANTS;
const QUADRANT_COLOURS = ['#d62728', '#2ca02c', '#7f7f7f', '#1f77b4'];

/**
 * Importance × satisfaction (importance–performance) matrix: one point per attribute, satisfaction
 * on x, importance on y, dashed cutoff lines splitting the plane into the four Martilla & James
 * quadrants, each named in its corner and coloured in the legend; attributes labelled, priorities
 * numbered in bold, confidence intervals drawn as whiskers when given, and attributes whose
 * quadrant is uncertain drawn pale (with a note under the title).
 *
 * Quadrants (x = satisfaction, y = importance): high importance & low satisfaction = "Concentrate
 * here" (fr « À améliorer en priorité »), high & high = "Keep up the good work" (« Points forts à
 * maintenir »), low & low = "Low priority" (« Faible priorité »), low importance & high
 * satisfaction = "Possible overkill" (« Effort peut-être excessif »): the names of
 * `ipaQuadrantName` (@satlab/present), which `presentIpa`'s table prints too. The builder plots
 * the quadrant the analysis assigned; it does not recompute it.
 *
 * Reference: Martilla, J. A. & James, J. C. (1977), Importance-performance analysis, Journal of
 * Marketing 41(1), 77–79.
 *
 * @param input an IPA result `{ satisfactionCutoff, importanceCutoff, attributes, priorities? }`
 * @param opts `lang` (default 'en'), `title`, `width` (default 520), `height` (default 420)
 * @returns a Vega-Lite v5 spec with the data inlined
 * @throws TypeError when a value is not finite, a quadrant is unknown or an argument is not an array
 * @throws RangeError when there are no attributes
 * @example
 * ipaChart({ satisfactionCutoff: 2.075, importanceCutoff: 2.703, priorities: ['Rapport Couv/Cot'],
 *   attributes: [{ name: 'Rapport Couv/Cot', satisfaction: 1.88, importance: 3.83, quadrant: 'concentrate' }] },
 *   { lang: 'fr' });
 * //=> { title: { text: 'Matrice importance × satisfaction', subtitle: ['Seuils : satisfaction 2,075 ; importance 2,703', 'Priorités numérotées en gras'] },
 * //     data: { values: [{ name: 'Rapport Couv/Cot', label: '1. Rapport Couv/Cot', rank: 1, satisfaction: 1.88, importance: 3.83,
 * //                        quadrant: 'À améliorer en priorité', uncertain: false, … }] }, … }
 */
export function ipaChart(input: IpaChartInput, opts: ChartOptions = {}): TopLevelSpec {
  const fn = 'ipaChart';
  const lang = chartLang(fn, opts);
  const L = labels(lang);
  if (input === null || typeof input !== 'object') throw chartError('type', M.notResult({ fn, what: 'an IPA result object', got: String(input) }));
  const sc = needFinite(fn, 'input.satisfactionCutoff', input.satisfactionCutoff);
  const ic = needFinite(fn, 'input.importanceCutoff', input.importanceCutoff);
  const attrs = needArray(fn, 'input.attributes', input.attributes);
  if (attrs.length === 0) throw chartError('range', M.empty({ fn, arg: 'input.attributes' }));
  const priorities = input.priorities === undefined ? [] : needArray(fn, 'input.priorities', input.priorities);
  // The names of `presentIpa`'s table (one source in @satlab/present), so chart and table agree.
  const names = QUADRANTS.map((q) => ipaQuadrantName(q, lang));

  const rows = attrs.map((a, i) => {
    const q = QUADRANTS.indexOf(a.quadrant);
    if (q < 0) throw new TypeError(`${fn}: input.attributes[${i}].quadrant must be one of ${QUADRANTS.join(', ')}, got ${JSON.stringify(a.quadrant)}`);
    const sCI = interval(fn, `input.attributes[${i}].satisfactionCI`, a.satisfactionCI);
    const iCI = interval(fn, `input.attributes[${i}].importanceCI`, a.importanceCI);
    const rank = priorities.indexOf(a.name) + 1;
    const name = String(a.name);
    return {
      name,
      label: rank > 0 ? `${rank}. ${name}` : name,
      rank,
      satisfaction: needFinite(fn, `input.attributes[${i}].satisfaction`, a.satisfaction),
      importance: needFinite(fn, `input.attributes[${i}].importance`, a.importance),
      quadrant: names[q],
      uncertain: a.uncertain === true,
      satisfactionLo: sCI?.[0] ?? null,
      satisfactionHi: sCI?.[1] ?? null,
      importanceLo: iCI?.[0] ?? null,
      importanceHi: iCI?.[1] ?? null,
    };
  });

  const xs = [sc, ...rows.flatMap((r) => [r.satisfaction, r.satisfactionLo ?? NaN, r.satisfactionHi ?? NaN])];
  const ys = [ic, ...rows.flatMap((r) => [r.importance, r.importanceLo ?? NaN, r.importanceHi ?? NaN])];
  const xDomain = paddedDomain(xs, 0.12, 0.05);
  const yDomain = paddedDomain(ys, 0.12, 0.05);
  const x = (field: string) => ({ field, type: 'quantitative' as const, scale: { domain: xDomain, nice: false, zero: false }, title: L.ipaSatisfaction });
  const y = (field: string) => ({ field, type: 'quantitative' as const, scale: { domain: yDomain, nice: false, zero: false }, title: L.ipaImportance });
  const colour = { field: 'quadrant', type: 'nominal' as const, scale: { domain: names, range: QUADRANT_COLOURS } };

  const corner = (q: number, cx: number, cy: number, align: 'left' | 'right', baseline: 'top' | 'bottom') => ({
    data: { values: [{ cx, cy, text: names[q] }] },
    mark: { type: 'text' as const, align, baseline, dx: align === 'left' ? 6 : -6, dy: baseline === 'top' ? 6 : -6, fontSize: 12, fontWeight: 'bold' as const, color: QUADRANT_COLOURS[q], opacity: 0.85 },
    encoding: { x: x('cx'), y: y('cy'), text: { field: 'text', type: 'nominal' as const } },
  });

  // Labels placed in pixels (greedy candidate positions with overlap checks, leader lines when a
  // label has to move away), then written back in data units for the text marks.
  const width = size(fn, 'width', opts.width, 520);
  const height = size(fn, 'height', opts.height, 420);
  const toPx = (v: number): number => ((v - xDomain[0]) / (xDomain[1] - xDomain[0])) * width;
  const toPy = (v: number): number => height - ((v - yDomain[0]) / (yDomain[1] - yDomain[0])) * height;
  const fromPx = (px: number): number => xDomain[0] + (px / width) * (xDomain[1] - xDomain[0]);
  const fromPy = (py: number): number => yDomain[0] + ((height - py) / height) * (yDomain[1] - yDomain[0]);
  const cornerBox = (q: number, right: boolean, bottom: boolean): Box => {
    const w = textWidth(names[q], 12, true);
    return { x: right ? width - 6 - w : 6, y: bottom ? height - 6 - 15 : 6, w, h: 15 };
  };
  const order = rows.map((r, i) => i).sort((a, b) => (rows[a].rank || 1e9) - (rows[b].rank || 1e9) || rows[b].importance - rows[a].importance);
  const placedInOrder = placeLabels(
    order.map((i) => ({ px: toPx(rows[i].satisfaction), py: toPy(rows[i].importance), w: textWidth(rows[i].label, 11, rows[i].rank > 0) + 4, h: 14 })),
    { width, height, obstacles: [cornerBox(0, false, false), cornerBox(1, true, false), cornerBox(2, false, true), cornerBox(3, true, true)], lines: { x: [toPx(sc)], y: [toPy(ic)] } },
  );
  const labelled = rows.map((r) => ({ ...r, lx: 0, ly: 0, leader: false, ex: 0, ey: 0 }));
  order.forEach((i, k) => {
    const pl = placedInOrder[k];
    const w = textWidth(rows[i].label, 11, rows[i].rank > 0) + 4;
    const px = toPx(rows[i].satisfaction);
    const py = toPy(rows[i].importance);
    const ex = Math.min(Math.max(px, pl.cx - w / 2), pl.cx + w / 2);
    const ey = Math.min(Math.max(py, pl.cy - 7), pl.cy + 7);
    labelled[i] = { ...labelled[i], lx: round6(fromPx(pl.cx)), ly: round6(fromPy(pl.cy)), leader: pl.leader, ex: round6(fromPx(ex)), ey: round6(fromPy(ey)) };
  });

  const hasSatCI = rows.some((r) => r.satisfactionLo !== null);
  const hasImpCI = rows.some((r) => r.importanceLo !== null);
  const anyUncertain = rows.some((r) => r.uncertain);
  const tooltip = [
    { field: 'name', type: 'nominal' as const, title: L.ipaAttribute },
    { field: 'satisfaction', type: 'quantitative' as const, title: L.ipaSatisfaction, format: '.3~f' },
    { field: 'importance', type: 'quantitative' as const, title: L.ipaImportance, format: '.3~f' },
    { field: 'quadrant', type: 'nominal' as const, title: L.ipaQuadrant },
  ];

  const layer: LayerList = [
    { data: { values: [{}] }, mark: { type: 'rule', strokeDash: [5, 4], color: '#555' }, encoding: { x: { datum: sc, type: 'quantitative', scale: { domain: xDomain, nice: false, zero: false }, title: L.ipaSatisfaction } } },
    { data: { values: [{}] }, mark: { type: 'rule', strokeDash: [5, 4], color: '#555' }, encoding: { y: { datum: ic, type: 'quantitative', scale: { domain: yDomain, nice: false, zero: false }, title: L.ipaImportance } } },
    corner(0, xDomain[0], yDomain[1], 'left', 'top'),
    corner(1, xDomain[1], yDomain[1], 'right', 'top'),
    corner(2, xDomain[0], yDomain[0], 'left', 'bottom'),
    corner(3, xDomain[1], yDomain[0], 'right', 'bottom'),
  ];
  if (hasSatCI) {
    layer.push({
      transform: [{ filter: 'isValid(datum.satisfactionLo)' }],
      mark: { type: 'rule', strokeWidth: 1.5 },
      encoding: { x: x('satisfactionLo'), x2: { field: 'satisfactionHi' }, y: y('importance'), color: colour, strokeOpacity: { condition: { test: 'datum.uncertain', value: 0.3 }, value: 0.6 } },
    });
  }
  if (hasImpCI) {
    layer.push({
      transform: [{ filter: 'isValid(datum.importanceLo)' }],
      mark: { type: 'rule', strokeWidth: 1.5 },
      encoding: { x: x('satisfaction'), y: y('importanceLo'), y2: { field: 'importanceHi' }, color: colour, strokeOpacity: { condition: { test: 'datum.uncertain', value: 0.3 }, value: 0.6 } },
    });
  }
  if (labelled.some((r) => r.leader)) {
    layer.push({
      transform: [{ filter: 'datum.leader' }],
      mark: { type: 'rule', color: '#888', strokeWidth: 0.8 },
      encoding: { x: x('satisfaction'), y: y('importance'), x2: { field: 'ex' }, y2: { field: 'ey' } },
    });
  }
  layer.push(
    {
      mark: { type: 'point', filled: true, size: 90 },
      encoding: {
        x: x('satisfaction'),
        y: y('importance'),
        color: { ...colour, legend: { title: L.ipaQuadrant, orient: 'bottom', columns: 2, symbolType: 'circle', symbolOpacity: 1 } },
        opacity: { condition: { test: 'datum.uncertain', value: 0.35 }, value: 1 },
        tooltip,
      },
    },
    {
      transform: [{ filter: 'datum.rank == 0' }],
      mark: { type: 'text', align: 'center', baseline: 'middle', fontSize: 11 },
      encoding: { x: x('lx'), y: y('ly'), text: { field: 'label', type: 'nominal' }, opacity: { condition: { test: 'datum.uncertain', value: 0.55 }, value: 1 } },
    },
    {
      transform: [{ filter: 'datum.rank > 0' }],
      mark: { type: 'text', align: 'center', baseline: 'middle', fontSize: 11, fontWeight: 'bold' },
      encoding: { x: x('lx'), y: y('ly'), text: { field: 'label', type: 'nominal' }, opacity: { condition: { test: 'datum.uncertain', value: 0.55 }, value: 1 } },
    },
  );

  const subtitle = [L.ipaCutoffs(fmt(sc, lang, 3, { minDigits: 0 }), fmt(ic, lang, 3, { minDigits: 0 }))];
  if (priorities.length > 0) subtitle.push(L.ipaPriorities);
  if (anyUncertain) subtitle.push(L.ipaUncertain);

  const spec: TopLevelSpec = {
    $schema: SCHEMA,
    ...chartTitle(opts, L.ipaTitle, subtitle),
    width,
    height,
    data: { values: labelled },
    layer,
    config: chartConfig(lang),
  };
  return spec;
}

import type { TopLevelSpec } from 'vega-lite';
import { SCHEMA, chartConfig, chartLang, chartTitle, needArray, round6, size } from './common.js';
import type { ChartLang, ChartOptions } from './types.js';

/** The parts of an `analyzeVerbatims` (`@satlab/text`) result {@link themesChart} reads. */
export interface ThemesChartInput {
  themes: readonly { theme: string; label: { fr: string; en: string }; share: number; shareDetractors: number; sharePromoters: number; mark?: string }[];
  segments?: { column: string; groups: readonly { name: string; n: number; themes: readonly { theme: string; share: number; mark: string }[] }[] };
  waves?: { column: string; groups: readonly { name: string; n: number; themes: readonly { theme: string; share: number; mark: string }[] }[] };
}

/** Options of {@link themesChart}. */
export interface ThemesChartOptions extends ChartOptions {
  /** What goes across: 'groups' (detractors vs promoters), 'segments' or 'waves'. Default 'segments' when the result has them, else 'groups'. */
  by?: 'groups' | 'segments' | 'waves';
}

const L = {
  fr: { title: 'Thèmes des commentaires', groups: 'Part des commentaires : détracteurs et promoteurs', segments: (c: string) => `Part des commentaires par ${c} (▲/▼ : écart significatif aux autres, p ajusté)`, waves: (c: string) => `Part des commentaires par ${c} (▲/▼ : écart significatif à la vague précédente, p ajusté)`, theme: 'Thème', share: 'Part des commentaires', det: 'Détracteurs', pro: 'Promoteurs', group: 'Groupe' },
  en: { title: 'Themes of the comments', groups: 'Share of comments: detractors and promoters', segments: (c: string) => `Share of comments by ${c} (▲/▼: significant gap to the others, adjusted p)`, waves: (c: string) => `Share of comments by ${c} (▲/▼: significant change on the previous wave, adjusted p)`, theme: 'Theme', share: 'Share of comments', det: 'Detractors', pro: 'Promoters', group: 'Group' },
} satisfies Record<ChartLang, Record<string, unknown>>;

/**
 * The themes of a verbatims analysis: with `by: 'groups'`, paired horizontal bars of the share of
 * detractors' and promoters' comments that mention each theme (▲/▼ where the adjusted
 * two-proportion test is significant); with `by: 'segments'` or `'waves'`, a heat map of the
 * share of each segment's (wave's) comments mentioning each theme, the share and its mark printed
 * in each cell. Themes keep the result's order (most frequent first).
 *
 * @param input an `analyzeVerbatims` result.
 * @param opts `lang` (default 'en'), `title`, `by`, `width`, `height`.
 * @returns a Vega-Lite v5 spec with the data inlined.
 * @throws {RangeError} no theme, or `by` names a breakdown the result does not have.
 * @example
 * const spec = themesChart({ themes: [{ theme: 'price', label: { fr: 'Prix', en: 'Price' }, share: 0.24, shareDetractors: 0.3, sharePromoters: 0.11, mark: '▲' }] }, { lang: 'fr' });
 * spec.data.values.map((r) => r.text.replace(/\s/g, " ")); //=> ["30,0 % ▲", "11,0 %"] (detractors vs promoters bars; with segments, a heat map)
 */
export function themesChart(input: ThemesChartInput, opts: ThemesChartOptions = {}): TopLevelSpec {
  const fn = 'themesChart';
  const lang = chartLang(fn, opts);
  const w = L[lang];
  const themes = needArray(fn, 'input.themes', input?.themes);
  if (themes.length === 0) throw new RangeError(`${fn}: no theme`);
  const by = opts.by ?? (input.segments ? 'segments' : 'groups');
  const order = themes.map((t) => t.label[lang]);
  const pct = (x: number): string => (Number.isFinite(x) ? `${(x * 100).toFixed(1).replace('.', lang === 'fr' ? ',' : '.')}${lang === 'fr' ? '\u202f%' : '%'}` : '—');
  if (by === 'groups') {
    const rows = themes.flatMap((t) => [
      { theme: t.label[lang], group: w.det, share: t.shareDetractors, text: `${pct(t.shareDetractors)}${t.mark === '▲' ? ' ▲' : ''}` },
      { theme: t.label[lang], group: w.pro, share: t.sharePromoters, text: `${pct(t.sharePromoters)}${t.mark === '▼' ? ' ▲' : ''}` },
    ]);
    const y = { field: 'theme', type: 'nominal' as const, sort: order, title: null };
    const color = { field: 'group', type: 'nominal' as const, title: w.group, scale: { domain: [w.det, w.pro], range: ['#e45756', '#4c78a8'] }, legend: { orient: 'bottom' as const, direction: 'horizontal' as const } };
    return {
      $schema: SCHEMA,
      ...chartTitle(opts, w.title, [w.groups]),
      width: size(fn, 'width', opts.width, 420),
      height: size(fn, 'height', opts.height, Math.max(80, 40 * themes.length)),
      data: { values: rows },
      encoding: { y, yOffset: { field: 'group', sort: [w.det, w.pro] }, x: { field: 'share', type: 'quantitative', title: w.share, axis: { format: '.0%' } } },
      layer: [
        { mark: { type: 'bar', height: { band: 0.4 } }, encoding: { color, tooltip: [{ field: 'theme', title: w.theme }, { field: 'group', title: w.group }, { field: 'text', title: w.share }] } },
        { mark: { type: 'text', align: 'left', dx: 4, fontSize: 10 }, encoding: { text: { field: 'text' } } },
      ],
      config: chartConfig(lang),
    } as TopLevelSpec;
  }
  const breakdown = by === 'segments' ? input.segments : input.waves;
  if (!breakdown) throw new RangeError(`${fn}: opts.by is "${by}" but the result has no ${by} (give --by / --wave, or input.by / input.wave)`);
  const label = new Map(themes.map((t) => [t.theme, t.label[lang]]));
  const rows = breakdown.groups.flatMap((g) => g.themes.map((c) => ({ theme: label.get(c.theme) ?? c.theme, group: g.name, share: Number.isFinite(c.share) ? c.share : null, text: `${pct(c.share)}${c.mark ? ` ${c.mark}` : ''}`})));
  const groups = breakdown.groups.map((g) => g.name);
  const dark = 0.6 * Math.max(0, ...rows.map((r) => r.share ?? 0));
  return {
    $schema: SCHEMA,
    ...chartTitle(opts, w.title, [by === 'segments' ? w.segments(breakdown.column) : w.waves(breakdown.column)]),
    width: size(fn, 'width', opts.width, Math.max(240, 110 * groups.length)),
    height: size(fn, 'height', opts.height, Math.max(80, 28 * themes.length)),
    data: { values: rows },
    encoding: { y: { field: 'theme', type: 'nominal', sort: order, title: null }, x: { field: 'group', type: 'nominal', sort: groups, title: null, axis: { orient: 'top', labelAngle: 0 } } },
    layer: [
      { mark: { type: 'rect' }, encoding: { color: { field: 'share', type: 'quantitative', title: w.share, scale: { scheme: 'oranges', domainMin: 0 }, legend: { format: '.0%' } }, tooltip: [{ field: 'theme', title: w.theme }, { field: 'group', title: breakdown.column }, { field: 'text', title: w.share }] } },
      { mark: { type: 'text', fontSize: 11 }, encoding: { text: { field: 'text' }, color: { condition: { test: `datum.share > ${round6(dark)}`, value: 'white' }, value: '#222' } } },
    ],
    config: chartConfig(lang),
  } as TopLevelSpec;
}

import { formatCount, formatNumber, formatPercent, formatPValue } from '@satlab/format';
import type { Lang } from '@satlab/format';
import type { WaveComparison } from '@satlab/barometer';
import { col, list, quote, renderWarnings, text } from '../cells.js';
import type { PresentOptions } from '../options.js';
import { langOf } from '../options.js';
import type { Presentation, PresentedCell, PresentedColumn } from '../types.js';

/** Options of {@link presentWaves}. */
export interface WavesPresentOptions extends PresentOptions {
  /** Respondents per wave (shown in the subtitle), in wave order. */
  waveSizes?: readonly number[];
}

const ADJ: Record<string, { en: string; fr: string }> = {
  holm: { en: 'Holm', fr: 'Holm' },
  BH: { en: 'Benjamini–Hochberg', fr: 'Benjamini–Hochberg' },
  bonferroni: { en: 'Bonferroni', fr: 'Bonferroni' },
  hochberg: { en: 'Hochberg', fr: 'Hochberg' },
  BY: { en: 'Benjamini–Yekutieli', fr: 'Benjamini–Yekutieli' },
  none: { en: 'no', fr: 'aucune' },
};

const W = {
  en: {
    title: 'Wave comparison',
    sizes: (s: string): string => `Respondents: ${s}`,
    indicator: 'Indicator',
    dPrev: 'Δ prev.',
    dFirst: 'Δ first',
    p: 'adj. p',
    pt: ' pt',
    legend: (alpha: string, fam: string): string => `▲/▼: significant change (adjusted p < ${alpha}). Family: ${fam}.`,
    family: (c: WaveComparison): string =>
      c.family.scope === 'all'
        ? `${ADJ[c.adjust]?.en ?? c.adjust} correction over the ${c.family.tests} distinct tests of the table (a repeated test counted once); trends corrected separately`
        : `${ADJ[c.adjust]?.en ?? c.adjust} correction within each indicator (${c.family.tests} tests at most)`,
    up: (names: string): string => `Significant improvement since the previous wave: ${names}.`,
    down: (names: string): string => `Significant decline since the previous wave: ${names}.`,
    none: 'No indicator changed significantly since the previous wave.',
    weighted: 'Weighted estimates (Kish effective n, design-effect approximation).',
  },
  fr: {
    title: 'Comparaison des vagues',
    sizes: (s: string): string => `Répondants : ${s}`,
    indicator: 'Indicateur',
    dPrev: 'Δ préc.',
    dFirst: 'Δ 1re',
    p: 'p aj.',
    pt: '\u00a0pt',
    legend: (alpha: string, fam: string): string => `▲/▼ : évolution significative (p ajustée < ${alpha}). Famille : ${fam}.`,
    family: (c: WaveComparison): string =>
      c.family.scope === 'all'
        ? `correction de ${ADJ[c.adjust]?.fr ?? c.adjust} sur les ${c.family.tests} tests distincts du tableau (un test répété compté une fois) ; tendances corrigées à part`
        : `correction de ${ADJ[c.adjust]?.fr ?? c.adjust} dans chaque indicateur (${c.family.tests} tests au plus)`,
    up: (names: string): string => `Amélioration significative depuis la vague précédente : ${names}.`,
    down: (names: string): string => `Baisse significative depuis la vague précédente : ${names}.`,
    none: 'Aucun indicateur n’a évolué significativement depuis la vague précédente.',
    weighted: 'Estimations pondérées (n effectif de Kish, approximation par l’effet de plan).',
  },
};

/**
 * A wave-on-wave comparison for people: one row per indicator with its value in each wave
 * (shares in %, NPS in points, means with 2 decimals), the change against the previous and the
 * first wave with ▲/▼ marks and adjusted p-values, the multiple-comparison family, and a reading
 * naming what rose and what fell.
 *
 * @example
 * const cmp = { method: 'm', waveColumn: 'wave', waves: ['V1', 'V2'], against: ['previous'], adjust: 'holm', family: { scope: 'all', tests: 1, description: '' }, alpha: 0.05, confidence: 0.95, weighted: false,
 *   indicators: [{ name: 'Satisfaction', column: 'sat', kind: 'top-box', unit: 'share', higherIsBetter: true, method: '', test: '', trend: null,
 *     waves: [{ wave: 'V1', value: 0.6, ci: [0.55, 0.65], se: 0.02, n: 400, nMissing: 0, effectiveN: 400, changes: [] },
 *             { wave: 'V2', value: 0.7, ci: [0.65, 0.75], se: 0.02, n: 400, nMissing: 0, effectiveN: 400, changes: [{ against: 'previous', difference: 0.1, pValue: 0.003, pAdjusted: 0.003, significant: true, mark: '▲' }] }] }],
 *   rows: [], warnings: [] };
 * const row = presentWaves(cmp as never, { lang: 'en' }).tables[0].rows[0];
 * row.map((c) => c.t); //=> ['Satisfaction', '60.0%', '70.0%', '+10.0 pt', '0.003']
 * row[3].mark; //=> '▲'
 */
export function presentWaves(cmp: WaveComparison, opts: WavesPresentOptions = {}): Presentation {
  const lang: Lang = langOf(opts);
  const w = W[lang];
  const k = cmp.waves.length;
  const val = (unit: string, x: number): string => (unit === 'share' ? formatPercent(x, lang) : formatNumber(x, lang, unit === 'points' ? 1 : 2, unit === 'points' ? 1 : 2));
  const diff = (unit: string, x: number): string => {
    const s = unit === 'share' ? formatNumber(100 * x, lang, 1, 1) : formatNumber(x, lang, unit === 'points' ? 1 : 2, unit === 'points' ? 1 : 2);
    return (x > 0 ? '+' : '') + s + (unit === 'share' ? w.pt : '');
  };
  const columns: PresentedColumn[] = [col('indicator', w.indicator, 'label'), ...cmp.waves.map((v, j) => col(`w${j}`, v, 'number'))];
  if (k >= 2) columns.push(col('diffPrevious', w.dPrev, 'number'), col('pPrevious', w.p, 'pvalue'));
  if (k >= 3) columns.push(col('diffFirst', w.dFirst, 'number'), col('pFirst', w.p, 'pvalue'));
  const up: string[] = [];
  const down: string[] = [];
  const rows = cmp.indicators.map((ind) => {
    const last = ind.waves[k - 1];
    const r: PresentedCell[] = [text(ind.name), ...ind.waves.map((x) => ({ v: x.value, t: val(ind.unit, x.value) }))];
    const prev = last?.changes.find((c) => c.against === 'previous');
    const first = last?.changes.find((c) => c.against === 'first');
    const change = (c: typeof prev): PresentedCell[] => (c ? [{ v: c.difference, t: diff(ind.unit, c.difference), ...(c.mark ? { mark: c.mark } : {}) }, { v: c.pAdjusted, t: formatPValue(c.pAdjusted, lang) }] : [text(''), text('')]);
    if (k >= 2) r.push(...change(prev));
    if (k >= 3) r.push(...change(first));
    if (prev?.mark === '▲') up.push(quote(ind.name, lang));
    if (prev?.mark === '▼') down.push(quote(ind.name, lang));
    return r;
  });
  const reading: string[] = [];
  if (up.length) reading.push(w.up(list(up, lang)));
  if (down.length) reading.push(w.down(list(down, lang)));
  if (k >= 2 && !up.length && !down.length) reading.push(w.none);
  const sizes = opts.waveSizes ? w.sizes(cmp.waves.map((v, i) => `${v} n = ${formatCount(opts.waveSizes?.[i] ?? 0, lang)}`).join(', ')) : undefined;
  return {
    kind: 'waves',
    lang,
    title: opts.labels?.title ?? w.title,
    ...(sizes ? { subtitle: sizes } : {}),
    tables: [{ id: 'waves', title: '', columns, rows }],
    reading,
    footnotes: [w.legend(formatNumber(cmp.alpha, lang, 3, 0), w.family(cmp)), ...(cmp.weighted ? [w.weighted] : [])],
    warnings: renderWarnings(cmp.warnings, lang),
  };
}

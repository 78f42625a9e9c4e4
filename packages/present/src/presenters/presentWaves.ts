import { formatCount, formatNumber, formatPercent, formatPValue } from '@satlab/format';
import type { Lang } from '@satlab/format';
import type { IndicatorComparison, WaveChange, WaveComparison } from '@satlab/barometer';
import { col, list, quote, renderWarnings, text } from '../cells.js';
import type { PresentOptions } from '../options.js';
import { langOf } from '../options.js';
import type { CellKind, Presentation, PresentedCell, PresentedColumn, PresentedTable } from '../types.js';

/** Options of {@link presentWaves}. */
export interface WavesPresentOptions extends PresentOptions {
  /** Respondents per wave (shown in the subtitle), in wave order. */
  waveSizes?: readonly number[];
  /**
   * `'waves'` (default): every wave side by side, then the change against the previous and the
   * first wave with its adjusted p. `'latest'`: the key-figures layout of the barometer report —
   * the latest wave's value, then for the previous wave (and the first, from three waves on) its
   * value, the change with its mark and the adjusted p.
   */
  layout?: 'waves' | 'latest';
  /**
   * The latest wave's confidence interval (`'latest'` layout): `'text'` one `[lo ; hi]` cell,
   * `'bounds'` the two bounds as numbers in their own columns (a workbook). Default: none.
   */
  ci?: 'text' | 'bounds';
  /** The latest wave's n (`'latest'` layout): `'n'`, `'effective'` (Kish effective n of weighted data). Default: none. */
  n?: 'n' | 'effective';
  /** Marks beside the change (default) or in a column of their own (`'column'`, a workbook). */
  marks?: 'cell' | 'column';
  /**
   * One table per unit — shares (in %), means, NPS points — so that each column holds one kind
   * of number with one format (a workbook). Default false: one table.
   */
  byUnit?: boolean;
}

type Unit = IndicatorComparison['unit'];
type Against = WaveChange['against'];

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
    keyTitle: (w: string): string => `Key figures — ${w}`,
    sizes: (s: string): string => `Respondents: ${s}`,
    indicator: 'Indicator',
    dPrev: 'Δ prev.',
    dFirst: 'Δ first',
    p: 'adj. p',
    pAdj: 'adjusted p',
    change: (w: string): string => `Change vs ${w}`,
    changePts: (w: string): string => `Change vs ${w} (points)`,
    sig: 'Sig.',
    ci: (level: string): string => `${level} CI`,
    ciLow: (level: string): string => `${level} CI low`,
    ciHigh: (level: string): string => `${level} CI high`,
    n: 'n',
    effN: 'effective n',
    units: { share: 'Shares', scale: 'Means', points: 'NPS (points)' } as Record<Unit, string>,
    pt: ' pt',
    legend: (alpha: string, fam: string): string => `▲/▼: significant change (adjusted p < ${alpha}). Family: ${fam}.`,
    family: (c: WaveComparison): string => c.family.description || (c.family.scope === 'all' ? `${ADJ[c.adjust]?.en ?? c.adjust} over the ${c.family.tests} distinct tests of the table` : `${ADJ[c.adjust]?.en ?? c.adjust} within each indicator`),
    up: (names: string): string => `Significant improvement since the previous wave: ${names}.`,
    down: (names: string): string => `Significant decline since the previous wave: ${names}.`,
    none: 'No indicator changed significantly since the previous wave.',
    weighted: 'Weighted estimates (Kish effective n, design-effect approximation).',
  },
  fr: {
    title: 'Comparaison des vagues',
    keyTitle: (w: string): string => `Chiffres clés — ${w}`,
    sizes: (s: string): string => `Répondants : ${s}`,
    indicator: 'Indicateur',
    dPrev: 'Δ préc.',
    dFirst: 'Δ 1re',
    p: 'p aj.',
    pAdj: 'p ajustée',
    change: (w: string): string => `Écart vs ${w}`,
    changePts: (w: string): string => `Écart vs ${w} (points)`,
    sig: 'Sig.',
    ci: (level: string): string => `IC ${level}`,
    ciLow: (level: string): string => `IC ${level} bas`,
    ciHigh: (level: string): string => `IC ${level} haut`,
    n: 'n',
    effN: 'n effectif',
    units: { share: 'Parts', scale: 'Moyennes', points: 'NPS (points)' } as Record<Unit, string>,
    pt: '\u00a0pt',
    legend: (alpha: string, fam: string): string => `▲/▼ : évolution significative (p ajustée < ${alpha}). Famille : ${fam}.`,
    family: (c: WaveComparison): string => {
      const adj = ADJ[c.adjust]?.fr ?? c.adjust;
      const against = c.against.map((a) => (a === 'previous' ? 'à la vague précédente' : 'à la première vague')).join(' et ');
      return c.family.scope === 'all'
        ? `correction de ${adj} sur l’ensemble des ${c.family.tests} tests distincts du tableau (${c.indicators.length} indicateurs × ${c.waves.length - 1} vagues comparées ${against} ; un test répété n’est compté qu’une fois) ; tendances corrigées à part`
        : `correction de ${adj} dans chaque indicateur (${c.family.tests} tests au plus) ; tendances corrigées à part`;
    },
    up: (names: string): string => `Amélioration significative depuis la vague précédente : ${names}.`,
    down: (names: string): string => `Baisse significative depuis la vague précédente : ${names}.`,
    none: 'Aucun indicateur n’a évolué significativement depuis la vague précédente.',
    weighted: 'Estimations pondérées (n effectif de Kish, approximation par l’effet de plan).',
  },
};

/** Kind and decimals of a unit's values: shares in % (1 decimal), NPS points (1), means (2). */
const unitKind = (u: Unit): { kind: CellKind; digits: number } => (u === 'share' ? { kind: 'percent', digits: 1 } : u === 'points' ? { kind: 'number', digits: 1 } : { kind: 'mean', digits: 2 });

/** A number with a typographic minus (−17,7). */
function plain(x: number, lang: Lang, digits: number): string {
  return formatNumber(x, lang, digits, digits).replace(/^-/, '−');
}

/** A signed number (+0,05, −0,24); no sign when it rounds to zero. */
function signed(x: number, lang: Lang, digits: number): string {
  const s = formatNumber(Math.abs(x), lang, digits, digits);
  return /[1-9]/.test(s) ? `${x > 0 ? '+' : '−'}${s}` : s;
}

/** Good or bad news: a significant rise is good when higher is better, a fall when lower is. */
function markTone(mark: string, higherIsBetter: boolean): 'good' | 'bad' | undefined {
  if (mark !== '▲' && mark !== '▼') return undefined;
  return (mark === '▲') === higherIsBetter ? 'good' : 'bad';
}

/** Cells of one indicator in a language (values by unit, changes in points for shares). */
function cellsOf(ind: IndicatorComparison, lang: Lang) {
  const { kind, digits } = unitKind(ind.unit);
  const pt = W[lang].pt;
  const value = (x: number | null | undefined): PresentedCell => {
    if (x === null || x === undefined || !Number.isFinite(x)) return { v: null, t: '' };
    return { v: x, t: ind.unit === 'share' ? formatPercent(x, lang, digits).replace(/^-/, '−') : plain(x, lang, digits) };
  };
  /** A change: shares in percentage points (v = 100 × difference), the mark and its tone. */
  const change = (c: WaveChange | undefined, withMark: boolean): PresentedCell => {
    if (!c || !Number.isFinite(c.difference)) return { v: null, t: '' };
    const v = ind.unit === 'share' ? 100 * c.difference : c.difference;
    const t = signed(v, lang, ind.unit === 'scale' ? 2 : 1) + (ind.unit === 'share' ? pt : '');
    const tone = markTone(c.mark, ind.higherIsBetter);
    return { v, t, ...(withMark && c.mark ? { mark: c.mark } : {}), ...(withMark && tone ? { tone } : {}) };
  };
  const mark = (c: WaveChange | undefined): PresentedCell => {
    const tone = c ? markTone(c.mark, ind.higherIsBetter) : undefined;
    return c && c.mark ? { v: c.mark, t: c.mark, ...(tone ? { tone } : {}) } : { v: null, t: '' };
  };
  const p = (c: WaveChange | undefined): PresentedCell => (c && Number.isFinite(c.pAdjusted) ? { v: c.pAdjusted, t: formatPValue(c.pAdjusted, lang) } : { v: null, t: '' });
  return { kind, digits, value, change, mark, p };
}

/** The report's key-figures tables: latest value (CI, n), then per reference wave its value, the change, the mark and the adjusted p. */
function latestTables(cmp: WaveComparison, lang: Lang, opts: WavesPresentOptions): PresentedTable[] {
  const w = W[lang];
  const k = cmp.waves.length;
  const latest = cmp.waves[k - 1];
  const level = `${formatNumber(100 * cmp.confidence, lang, 1, 0)}${lang === 'fr' ? '\u00a0%' : '%'}`;
  const against: [string, Against][] = [];
  if (k >= 2 && cmp.against.includes('previous')) against.push([cmp.waves[k - 2], 'previous']);
  if (k >= 3 && cmp.against.includes('first')) against.push([cmp.waves[0], 'first']);
  const markColumn = opts.marks === 'column';
  const groups: { unit: Unit | null; list: IndicatorComparison[] }[] = opts.byUnit
    ? (['share', 'scale', 'points'] as const).map((u) => ({ unit: u, list: cmp.indicators.filter((i) => i.unit === u) })).filter((g) => g.list.length > 0)
    : [{ unit: null, list: cmp.indicators }];
  return groups.map((g) => {
    // One unit: numeric columns of its kind; several units: numbers whose text carries the format.
    const { kind, digits } = g.unit ? unitKind(g.unit) : { kind: 'number' as CellKind, digits: undefined };
    const changeDigits = g.unit === 'scale' ? 2 : g.unit ? 1 : undefined;
    const columns: PresentedColumn[] = [col('indicator', w.indicator, 'label'), col('value', latest, kind, digits)];
    if (opts.ci === 'text') columns.push(col('ci', w.ci(level), 'interval'));
    if (opts.ci === 'bounds') columns.push(col('ci_lower', w.ciLow(level), kind, digits), col('ci_upper', w.ciHigh(level), kind, digits));
    if (opts.n) columns.push(col('n', opts.n === 'effective' ? w.effN : w.n, 'count'));
    for (const [ref, a] of against) {
      columns.push(col(`value_${a}`, ref, kind, digits), col(`change_${a}`, g.unit === 'share' ? w.changePts(ref) : w.change(ref), 'number', changeDigits));
      if (markColumn) columns.push(col(`mark_${a}`, w.sig, 'mark'));
      columns.push(col(`p_${a}`, w.pAdj, 'pvalue'));
    }
    const rows = g.list.map((ind) => {
      const c = cellsOf(ind, lang);
      const last = ind.waves[k - 1];
      const r: PresentedCell[] = [text(ind.name), c.value(last.value)];
      if (opts.ci === 'text') {
        const fmt = (x: number): string => (ind.unit === 'share' ? formatPercent(x, lang, 1).replace(/^-/, '−') : plain(x, lang, c.digits));
        const t = Number.isFinite(last.ci[0]) ? `[${fmt(last.ci[0])}${lang === 'fr' ? ' ; ' : ', '}${fmt(last.ci[1])}]` : '';
        r.push({ v: t || null, t });
      }
      if (opts.ci === 'bounds') r.push(c.value(last.ci[0]), c.value(last.ci[1]));
      if (opts.n) {
        const n = opts.n === 'effective' ? last.effectiveN : last.n;
        r.push(Number.isFinite(n) ? { v: n, t: formatCount(Math.round(n), lang) } : { v: null, t: '' });
      }
      for (const [, a] of against) {
        const ch = last.changes.find((x) => x.against === a);
        const refValue = a === 'previous' ? ind.waves[k - 2]?.value : ind.waves[0]?.value;
        r.push(c.value(refValue), c.change(ch, !markColumn));
        if (markColumn) r.push(c.mark(ch));
        r.push(c.p(ch));
      }
      return r;
    });
    // One table: the presentation's title says it; by unit: each table names its unit.
    const title = g.unit ? `${w.units[g.unit]} — ${latest}` : '';
    return { id: g.unit ? `key_figures_${g.unit}` : 'key_figures', title, columns, rows };
  });
}

/**
 * A wave-on-wave comparison for people: one row per indicator with its value in each wave
 * (shares in %, NPS in points, means with 2 decimals), the change against the previous and the
 * first wave with ▲/▼ marks and adjusted p-values, the multiple-comparison family, and a reading
 * naming what improved and what declined — by the indicator's desired direction: a significant
 * rise of a dissatisfaction rate (`higherIsBetter: false`) is a decline, and its mark carries
 * `tone: 'bad'` (red in HTML).
 *
 * `layout: 'latest'` gives the barometer report's key-figures table (the same for `satlab waves
 * --latest`, `show()` and the report): the latest wave's value, optionally its interval
 * (`ci: 'text' | 'bounds'`) and n (`n: 'n' | 'effective'`), then for the previous (and first)
 * wave its value, the change (shares in percentage points: the cell's `v` is 100 × the
 * difference) and the adjusted p. `marks: 'column'` and `byUnit: true` lay it out for a
 * workbook (a mark column; one table per unit, so each column has one number format).
 *
 * @example
 * const cmp = { method: 'm', waveColumn: 'wave', waves: ['V1', 'V2'], against: ['previous'], adjust: 'holm', family: { scope: 'all', tests: 2, description: '' }, alpha: 0.05, confidence: 0.95, weighted: false,
 *   indicators: [{ name: 'Satisfaction', column: 'sat', kind: 'top-box', unit: 'share', higherIsBetter: true, method: '', test: '', trend: null,
 *     waves: [{ wave: 'V1', value: 0.6, ci: [0.55, 0.65], se: 0.02, n: 400, nMissing: 0, effectiveN: 400, changes: [] },
 *             { wave: 'V2', value: 0.7, ci: [0.65, 0.75], se: 0.02, n: 400, nMissing: 0, effectiveN: 400, changes: [{ against: 'previous', difference: 0.1, pValue: 0.003, pAdjusted: 0.003, significant: true, mark: '▲' }] }] },
 *   { name: 'Dissatisfied', column: 'diss', kind: 'share', unit: 'share', higherIsBetter: false, method: '', test: '', trend: null,
 *     waves: [{ wave: 'V1', value: 0.2, ci: [0.16, 0.24], se: 0.02, n: 400, nMissing: 0, effectiveN: 400, changes: [] },
 *             { wave: 'V2', value: 0.27, ci: [0.23, 0.31], se: 0.02, n: 400, nMissing: 0, effectiveN: 400, changes: [{ against: 'previous', difference: 0.07, pValue: 0.02, pAdjusted: 0.02, significant: true, mark: '▲' }] }] }],
 *   rows: [], warnings: [] };
 * const p = presentWaves(cmp as never, { lang: 'en' });
 * p.tables[0].rows[0].map((c) => c.t); //=> ['Satisfaction', '60.0%', '70.0%', '+10.0 pt', '0.003']
 * p.reading; //=> ['Significant improvement since the previous wave: “Satisfaction”.', 'Significant decline since the previous wave: “Dissatisfied”.']
 * const kf = presentWaves(cmp as never, { lang: 'fr', layout: 'latest', ci: 'text', n: 'n' }).tables[0];
 * kf.columns.map((c) => c.label); //=> ['Indicateur', 'V2', 'IC 95 %', 'n', 'V1', 'Écart vs V1', 'p ajustée']
 * kf.rows[1].map((c) => c.t); //=> ['Dissatisfied', '27,0 %', '[23,0 % ; 31,0 %]', '400', '20,0 %', '+7,0 pt', '0,020']
 * [kf.rows[1][5].mark, kf.rows[1][5].tone]; //=> ['▲', 'bad']
 */
export function presentWaves(cmp: WaveComparison, opts: WavesPresentOptions = {}): Presentation {
  const lang: Lang = langOf(opts);
  const w = W[lang];
  const k = cmp.waves.length;
  const up: string[] = [];
  const down: string[] = [];
  for (const ind of cmp.indicators) {
    const prev = ind.waves[k - 1]?.changes.find((c) => c.against === 'previous');
    const tone = prev ? markTone(prev.mark, ind.higherIsBetter) : undefined;
    if (tone === 'good') up.push(quote(ind.name, lang));
    if (tone === 'bad') down.push(quote(ind.name, lang));
  }
  const reading: string[] = [];
  if (up.length) reading.push(w.up(list(up, lang)));
  if (down.length) reading.push(w.down(list(down, lang)));
  if (k >= 2 && !up.length && !down.length) reading.push(w.none);
  const footnotes = [w.legend(formatNumber(cmp.alpha, lang, 3, 0), w.family(cmp)), ...(cmp.weighted ? [w.weighted] : [])];
  const sizes = opts.waveSizes ? w.sizes(cmp.waves.map((v, i) => `${v} n = ${formatCount(opts.waveSizes?.[i] ?? 0, lang)}`).join(', ')) : undefined;
  let tables: PresentedTable[];
  if (opts.layout === 'latest') tables = latestTables(cmp, lang, opts);
  else {
    const columns: PresentedColumn[] = [col('indicator', w.indicator, 'label'), ...cmp.waves.map((v, j) => col(`w${j}`, v, 'number'))];
    if (k >= 2) columns.push(col('diffPrevious', w.dPrev, 'number'), col('pPrevious', w.p, 'pvalue'));
    if (k >= 3) columns.push(col('diffFirst', w.dFirst, 'number'), col('pFirst', w.p, 'pvalue'));
    const rows = cmp.indicators.map((ind) => {
      const c = cellsOf(ind, lang);
      const last = ind.waves[k - 1];
      const r: PresentedCell[] = [text(ind.name), ...ind.waves.map((x) => c.value(x.value))];
      const change = (a: Against): PresentedCell[] => {
        const ch = last?.changes.find((x) => x.against === a);
        return ch ? [c.change(ch, true), c.p(ch)] : [text(''), text('')];
      };
      if (k >= 2) r.push(...change('previous'));
      if (k >= 3) r.push(...change('first'));
      return r;
    });
    tables = [{ id: 'waves', title: '', columns, rows }];
  }
  return {
    kind: 'waves',
    lang,
    title: opts.labels?.title ?? (opts.layout === 'latest' ? w.keyTitle(cmp.waves[k - 1]) : w.title),
    ...(sizes ? { subtitle: sizes } : {}),
    tables,
    reading,
    footnotes,
    warnings: renderWarnings(cmp.warnings, lang),
  };
}

import type { Table } from '@satlab/data';
import { factorOf, getColumn, InputError, numericValues } from '@satlab/data';
import type { PAdjustMethod } from '@satlab/stats';
import { normalQuantile, normalSf, pAdjust, twoProportionTest, welchTTest } from '@satlab/stats';
import type { Estimate, Sample } from './internal/estimates.js';
import { meanEstimate, npsEstimate, shareEstimate, weightedWelch } from './internal/estimates.js';
import type { Message } from '@satlab/messages';
import { M, msg } from './messages.js';
import { npsChangeTest } from './npsChangeTest.js';

/** What an indicator measures. */
export type IndicatorKind = 'mean' | 'proportion' | 'topBox' | 'bottomBox' | 'nps';

/** One indicator of the barometer. */
export interface IndicatorSpec {
  /** Name shown in tables (e.g. "Délai Indemn."). Unique. */
  name: string;
  /** Column of the table. */
  column: string;
  /**
   * `mean` (numbers or ordinal scores), `proportion` (share of `success` values), `topBox` /
   * `bottomBox` (share of the `boxes` highest / lowest points of the scale: top-2-box = CSAT),
   * `nps` (0–10 answers: promoters 9–10 minus detractors 0–6).
   */
  kind: IndicatorKind;
  /** proportion: the levels (labels or ordinal scores) or numbers that count. */
  success?: readonly (string | number)[];
  /** topBox / bottomBox: how many points of the scale. Default 2. */
  boxes?: number;
  /** topBox / bottomBox: the scale [min, max]. Default: the column's declared scale (numeric) or its ordinal scores' range. */
  scale?: readonly [number, number];
  /** For readers only (the marks show the direction of the change): is a rise good news? Default true. */
  higherIsBetter?: boolean;
}

/** Options of {@link compareWaves}. */
export interface CompareWavesOptions {
  /** The wave column (e.g. "wave" of `stackWaves`). Required. */
  wave: string;
  /** Waves in time order. Default: the column's levels (ordinal order) that have respondents. */
  waveOrder?: readonly string[];
  indicators: readonly IndicatorSpec[];
  /** Comparisons made for each wave. Default `['previous', 'first']`. */
  against?: readonly ('previous' | 'first')[];
  /** Multiple-comparison adjustment of the p-values (R `p.adjust` methods). Default `'holm'`. */
  adjust?: PAdjustMethod;
  /** The family adjusted together: every distinct test of the table (`'all'`) or each indicator's tests (`'indicator'`). Default `'all'`. */
  family?: 'all' | 'indicator';
  /** Significance level applied to the adjusted p-values for the marks. Default 0.05. */
  alpha?: number;
  /** Confidence level of every interval. Default 0.95. */
  confidence?: number;
  /** Respondent weights (e.g. `rake(...).weights`); NaN = left out. Default: none (unweighted). */
  weights?: Float64Array | readonly number[];
  /** Below this many valid answers in a wave, a warning. Default 30. */
  minN?: number;
}

/** One change of an indicator: this wave against a reference wave. */
export interface WaveChange {
  against: 'previous' | 'first';
  /** The reference wave. */
  reference: string;
  /** This wave's value minus the reference's (scale units, shares, or NPS points). */
  difference: number;
  ci: [number, number];
  /** t (means), z (shares, NPS). */
  statistic: number;
  /** Welch degrees of freedom (means), null for z tests. */
  df: number | null;
  pValue: number;
  /** Adjusted within the family (see `family`). */
  pAdjusted: number;
  significant: boolean;
  /** `▲` significant rise, `▼` significant fall, `''` otherwise. */
  mark: '▲' | '▼' | '';
  /** When the previous wave is the first wave, the `first` comparison repeats the `previous` test (counted once in the family). */
  sameTestAs?: 'previous';
}

/** One indicator in one wave. */
export interface WaveEstimate {
  wave: string;
  value: number;
  ci: [number, number];
  /** Standard error of `value` (same units). */
  se: number;
  /** Valid answers (respondents of the wave with a value and a weight). */
  n: number;
  /** Respondents of the wave without a value (or without a weight). */
  nMissing: number;
  /** Kish effective n (= n unweighted). */
  effectiveN: number;
  changes: WaveChange[];
}

/** Linear trend of an indicator across the waves. */
export interface WaveTrend {
  method: string;
  /** Change per wave (same units as the values). */
  slope: number;
  se: number;
  ci: [number, number];
  statistic: number;
  pValue: number;
  /** Adjusted across the indicators' trends with the same method. */
  pAdjusted: number;
  significant: boolean;
  mark: '▲' | '▼' | '';
}

/** One indicator across the waves. */
export interface IndicatorComparison {
  name: string;
  column: string;
  kind: IndicatorKind;
  /** `scale` (means), `share` (0–1), `points` (NPS −100…100). */
  unit: 'scale' | 'share' | 'points';
  higherIsBetter: boolean;
  /** The values counted (proportion/topBox/bottomBox), e.g. [3, 4]. */
  successValues?: (string | number)[];
  /** Estimate and interval, and the test of a change, in words. */
  method: string;
  test: string;
  waves: WaveEstimate[];
  /** Null with fewer than 3 waves. */
  trend: WaveTrend | null;
}

/** Result of {@link compareWaves}. */
export interface WaveComparison {
  method: string;
  waveColumn: string;
  waves: string[];
  against: ('previous' | 'first')[];
  adjust: PAdjustMethod;
  family: { scope: 'all' | 'indicator'; tests: number; description: string };
  alpha: number;
  confidence: number;
  weighted: boolean;
  indicators: IndicatorComparison[];
  /** One flat record per indicator × wave, for tables and CSV. */
  rows: WaveComparisonRow[];
  warnings: Message[];
}

/** A flat row of {@link WaveComparison.rows}. */
export interface WaveComparisonRow {
  indicator: string;
  wave: string;
  value: number;
  lower: number;
  upper: number;
  n: number;
  effectiveN: number;
  diffPrevious: number | null;
  pPrevious: number | null;
  pAdjPrevious: number | null;
  markPrevious: string;
  diffFirst: number | null;
  pFirst: number | null;
  pAdjFirst: number | null;
  markFirst: string;
}

const ADJUST: readonly PAdjustMethod[] = ['holm', 'BH', 'bonferroni', 'hochberg', 'BY', 'none'];

interface Prepared {
  spec: IndicatorSpec;
  unit: IndicatorComparison['unit'];
  /** Per row: the value used (mean: x; share: 0/1; nps: 1/0/−1), NaN = missing. */
  y: Float64Array;
  successValues?: (string | number)[];
  method: string;
  test: string;
}

function scaleOfColumn(table: Table, column: string): [number, number] | undefined {
  const col = getColumn(table, column);
  if (col.type === 'numeric') return col.scale ? [col.scale[0], col.scale[1]] : undefined;
  if (col.type === 'ordinal') {
    const s = col.scores ? Array.from(col.scores) : col.levels.map((_, k) => k + 1);
    return s.length > 0 ? [Math.min(...s), Math.max(...s)] : undefined;
  }
  return undefined;
}

function prepare(fn: string, table: Table, spec: IndicatorSpec, weighted: boolean, warnings: Message[]): Prepared {
  const n = table.nRows;
  const y = new Float64Array(n);
  const wNote = weighted ? ', weighted, Kish effective n' : '';
  switch (spec.kind) {
    case 'mean': {
      y.set(numericValues(table, spec.column));
      return {
        spec,
        unit: 'scale',
        y,
        method: weighted ? 'weighted mean, t interval on the Kish effective n' : 'mean, Student t interval',
        test: weighted ? 'Welch t test on weighted means with Kish effective sizes' : 'Welch two-sample t test',
      };
    }
    case 'nps': {
      const x = numericValues(table, spec.column);
      let bad = 0;
      for (let i = 0; i < n; i++) {
        const v = x[i];
        if (Number.isNaN(v)) y[i] = NaN;
        else if (!(Number.isInteger(v) && v >= 0 && v <= 10)) {
          y[i] = NaN;
          bad++;
        } else y[i] = v >= 9 ? 1 : v >= 7 ? 0 : -1;
      }
      if (bad > 0) warnings.push(M.notInteger010({ indicator: spec.name, n: bad }));
      return {
        spec,
        unit: 'points',
        y,
        method: `NPS = 100·(promoters 9-10 − detractors 0-6), Wald interval with the multinomial variance${wNote}`,
        test: 'difference of two NPS, z = Δ/√(Var₁ + Var₂), Var = [(p + d) − (p − d)²]/n' + (weighted ? ' (n = Kish effective n)' : ''),
      };
    }
    case 'proportion': {
      if (!Array.isArray(spec.success) || spec.success.length === 0) throw new InputError(msg.needSuccess(fn, spec.name), { columnName: spec.column });
      const col = getColumn(table, spec.column);
      if (col.type === 'categorical' || col.type === 'ordinal') {
        const hit = new Uint8Array(col.levels.length);
        for (const s of spec.success) {
          let found = false;
          col.levels.forEach((l, k) => {
            if (l === String(s) || (typeof s === 'number' && col.scores && col.scores[k] === s)) {
              hit[k] = 1;
              found = true;
            }
          });
          if (!found) throw new InputError(msg.successUnknown(fn, spec.name, String(s), col.levels), { columnName: spec.column });
        }
        for (let i = 0; i < n; i++) y[i] = col.codes[i] < 0 ? NaN : hit[col.codes[i]];
      } else if (col.type === 'numeric') {
        const set = new Set(spec.success.map(Number));
        for (let i = 0; i < n; i++) y[i] = Number.isNaN(col.values[i]) ? NaN : set.has(col.values[i]) ? 1 : 0;
      } else if (col.type === 'id' || col.type === 'text') {
        const set = new Set(spec.success.map(String));
        for (let i = 0; i < n; i++) y[i] = col.values[i] === null ? NaN : set.has(col.values[i] as string) ? 1 : 0;
      } else {
        throw new InputError(msg.notCategoricalForProportion(fn, spec.name, col.type), { columnName: spec.column });
      }
      return { spec, unit: 'share', y, successValues: [...spec.success], method: `share, Wilson score interval${wNote}`, test: 'two-proportion z test (pooled), Wald interval of the difference' + (weighted ? ' (n = Kish effective n)' : '') };
    }
    case 'topBox':
    case 'bottomBox': {
      const scale = spec.scale ? [spec.scale[0], spec.scale[1]] : scaleOfColumn(table, spec.column);
      if (!scale) throw new InputError(msg.needScale(fn, spec.name, spec.column), { columnName: spec.column });
      const boxes = spec.boxes ?? 2;
      if (!Number.isInteger(boxes) || boxes < 1 || boxes > scale[1] - scale[0]) throw new RangeError(msg.badBoxes(fn, spec.name, spec.boxes));
      const x = numericValues(table, spec.column);
      const top = spec.kind === 'topBox';
      const cut = top ? scale[1] - boxes + 1 : scale[0] + boxes - 1;
      for (let i = 0; i < n; i++) y[i] = Number.isNaN(x[i]) ? NaN : (top ? x[i] >= cut : x[i] <= cut) ? 1 : 0;
      const successValues = Array.from({ length: boxes }, (_, j) => (top ? cut + j : scale[0] + j));
      return {
        spec,
        unit: 'share',
        y,
        successValues,
        method: `${top ? 'top' : 'bottom'}-${boxes}-box share (${successValues.join(', ')} on ${scale[0]}-${scale[1]}), Wilson score interval${wNote}`,
        test: 'two-proportion z test (pooled), Wald interval of the difference' + (weighted ? ' (n = Kish effective n)' : ''),
      };
    }
    default:
      throw new TypeError(msg.badKind(fn, 0, (spec as { kind?: unknown }).kind));
  }
}

/**
 * Compares barometer indicators across waves, with significance. For each indicator and wave:
 * the value with its interval (means: Student t; shares: Wilson; NPS: Wald with the multinomial
 * variance), and its change against the previous and/or the first wave:
 *
 * - means: Welch two-sample t test (`welchTTest`, R `t.test`);
 * - proportions, top-/bottom-box shares: two-proportion z test with pooled variance
 *   (`twoProportionTest`, R `prop.test(correct = FALSE)`), Wald interval of the difference;
 * - NPS: z = Δ/√(Var₁ + Var₂), Var = [(p + d) − (p − d)²]/n ({@link npsChangeTest}).
 *
 * The p-values of all distinct tests (a wave's `first` comparison repeats its `previous` test when
 * the previous wave is the first; it is counted once) are adjusted together (`family: 'all'`) or
 * per indicator, with `adjust` (Holm by default); a change is marked `▲`/`▼` when its adjusted
 * p-value is below `alpha`. With three waves or more, a linear trend per wave (inverse-variance
 * weighted least squares of the wave estimates on the wave index) is tested too, its p-values
 * adjusted across indicators.
 *
 * Weighted (`weights`): weighted means and shares, intervals and tests on Kish's effective
 * n = (Σw)²/Σw² of each wave, the weighted variance Σw(x − x̄)²/(Σw − Σw²/Σw) for means (a
 * design-effect approximation, not a full survey linearisation; `method` says so).
 *
 * @param table Respondents of all waves (e.g. `stackWaves(...).table` or a file with a wave column).
 * @param options Wave column, indicators, comparisons, adjustment (see {@link CompareWavesOptions}).
 * @throws {InputError} an unknown column, a proportion without `success` or with a value that is
 *   not a level, a top-box without scale. @throws {TypeError|RangeError} bad options or weights.
 * @example
 * import { loadTable } from '@satlab/data';
 * const { table } = loadTable('datasets/barometer/barometer.csv', { codebook: 'datasets/barometer/codebook.yaml' });
 * const c = compareWaves(table, { wave: 'wave', indicators: [{ name: 'Délai Indemn.', column: 'sat_delai_indemn', kind: 'mean' }] });
 * c.indicators[0].waves.map((w) => [w.wave, w.n]);
 * //=> [['Vague 1', 1446], ['Vague 2', 1440], ['Vague 3', 1437]]
 * c.indicators[0].waves[2].changes.map((ch) => [ch.against, ch.mark]);
 * //=> [['previous', '▲'], ['first', '▲']]
 */
export function compareWaves(table: Table, options: CompareWavesOptions): WaveComparison {
  const fn = 'compareWaves';
  if (!table || !Array.isArray(table.columns)) throw new TypeError(`${fn}(table): expected a satlab Table`);
  if (!options || typeof options.wave !== 'string') throw new TypeError(`${fn}(options.wave): name the wave column`);
  const indicators = options.indicators;
  if (!Array.isArray(indicators as unknown) || indicators.length === 0) throw new TypeError(msg.noIndicators(fn));
  const names = new Set<string>();
  indicators.forEach((s, i) => {
    if (!s || typeof s.name !== 'string' || s.name === '' || typeof s.column !== 'string' || s.column === '') throw new TypeError(msg.badIndicatorName(fn, i));
    if (!['mean', 'proportion', 'topBox', 'bottomBox', 'nps'].includes(s.kind)) throw new TypeError(msg.badKind(fn, i, s.kind));
    if (names.has(s.name)) throw new TypeError(msg.duplicateIndicator(fn, s.name));
    names.add(s.name);
  });
  const against = [...(options.against ?? ['previous', 'first'])];
  if (!Array.isArray(options.against ?? against) || against.some((a) => a !== 'previous' && a !== 'first')) throw new TypeError(msg.badAgainst(fn, options.against));
  const adjust = options.adjust ?? 'holm';
  if (!ADJUST.includes(adjust)) throw new TypeError(msg.badAdjust(fn, adjust));
  const scope = options.family ?? 'all';
  if (scope !== 'all' && scope !== 'indicator') throw new TypeError(msg.badFamily(fn, scope));
  const alpha = options.alpha ?? 0.05;
  if (typeof alpha !== 'number' || !(alpha > 0 && alpha < 1)) throw new RangeError(msg.badLevel(fn, 'alpha', alpha));
  const confidence = options.confidence ?? 0.95;
  if (typeof confidence !== 'number' || !(confidence > 0 && confidence < 1)) throw new RangeError(msg.badLevel(fn, 'confidence', confidence));
  const minN = options.minN ?? 30;
  const n = table.nRows;
  let weights: Float64Array | null = null;
  if (options.weights !== undefined) {
    if (options.weights.length !== n) throw new RangeError(msg.weightsLength(fn, options.weights.length, n));
    weights = Float64Array.from(options.weights);
    weights.forEach((w, i) => {
      if (w < 0 || w === Infinity) throw new RangeError(msg.badWeight(fn, i, w));
    });
  }
  const warnings: Message[] = [];

  // Waves and their rows.
  const wf = factorOf(table, options.wave);
  const counts = new Array<number>(wf.levels.length).fill(0);
  let noWave = 0;
  for (let i = 0; i < n; i++) {
    if (wf.codes[i] < 0) noWave++;
    else counts[wf.codes[i]]++;
  }
  if (noWave > 0) warnings.push(M.missingWave({ column: options.wave, n: noWave }));
  let waves: string[];
  if (options.waveOrder) {
    for (const w of options.waveOrder) if (!wf.levels.includes(w)) throw new InputError(msg.waveOrderUnknown(fn, w, wf.levels), { columnName: options.wave });
    waves = [...options.waveOrder];
  } else {
    waves = wf.levels.filter((_, k) => counts[k] > 0);
  }
  if (waves.length < 2) warnings.push(M.oneWave({ column: options.wave }));
  const rowsOf = waves.map((w) => {
    const k = wf.levels.indexOf(w);
    const rows: number[] = [];
    for (let i = 0; i < n; i++) if (wf.codes[i] === k) rows.push(i);
    return rows;
  });

  // Estimates.
  interface Pending {
    ind: number;
    wave: number;
    ref: number;
    change: WaveChange;
  }
  const pending: Pending[] = [];
  const out: IndicatorComparison[] = [];
  indicators.forEach((spec, ind) => {
    const prep = prepare(fn, table, spec, weights !== null, warnings);
    const samples: Sample[] = rowsOf.map((rows) => {
      const x: number[] = [];
      const w: number[] = [];
      for (const i of rows) {
        const v = prep.y[i];
        if (Number.isNaN(v)) continue;
        if (weights !== null) {
          if (Number.isNaN(weights[i])) continue;
          w.push(weights[i]);
        }
        x.push(v);
      }
      return { x, w: weights === null ? null : w };
    });
    const est: Estimate[] = samples.map((s) => (spec.kind === 'mean' ? meanEstimate(s, confidence) : spec.kind === 'nps' ? npsEstimate(s, confidence) : shareEstimate(s, confidence)));
    const waveOut: WaveEstimate[] = est.map((e, j) => {
      if (e.n === 0) warnings.push(M.emptyWave({ indicator: spec.name, wave: waves[j] }));
      else if (e.n < minN) warnings.push(M.smallWave({ indicator: spec.name, wave: waves[j], n: e.n }));
      return { wave: waves[j], value: e.value, ci: e.ci, se: e.se, n: e.n, nMissing: rowsOf[j].length - e.n, effectiveN: e.effectiveN, changes: [] };
    });
    const test = (j: number, r: number): Omit<WaveChange, 'against' | 'reference' | 'pAdjusted' | 'significant' | 'mark'> => {
      const a = est[j];
      const b = est[r];
      const nan = { difference: a.value - b.value, ci: [NaN, NaN] as [number, number], statistic: NaN, df: null, pValue: NaN };
      if (a.n < 2 || b.n < 2) return nan;
      if (spec.kind === 'mean') {
        if (weights === null) {
          const t = welchTTest(samples[j].x, samples[r].x, { confidence });
          return { difference: t.difference, ci: t.ci, statistic: t.statistic, df: t.df, pValue: t.pValue };
        }
        const t = weightedWelch(a, b, confidence);
        return { difference: t.difference, ci: t.ci, statistic: t.statistic, df: t.df, pValue: t.pValue };
      }
      if (spec.kind === 'nps') {
        const t = npsChangeTest({ promoters: a.promoters as number, detractors: a.detractors as number, n: a.effectiveN }, { promoters: b.promoters as number, detractors: b.detractors as number, n: b.effectiveN }, { confidence });
        if (t.se === 0) warnings.push(M.npsDegenerate({ indicator: spec.name, wave: waves[j] }));
        return { difference: t.difference, ci: t.ci, statistic: t.statistic, df: null, pValue: t.pValue };
      }
      const pa = a.share as number;
      const pb = b.share as number;
      const na = a.effectiveN;
      const nb = b.effectiveN;
      const xa = weights === null ? Math.round(pa * na) : pa * na;
      const xb = weights === null ? Math.round(pb * nb) : pb * nb;
      const t = twoProportionTest(Math.min(na, xa), na, Math.min(nb, xb), nb, { confidence });
      return { difference: t.difference, ci: t.ci, statistic: t.statistic, df: null, pValue: t.pValue };
    };
    waveOut.forEach((wo, j) => {
      if (j === 0) return;
      for (const kind of against) {
        const r = kind === 'previous' ? j - 1 : 0;
        const dup = kind === 'first' && j - 1 === 0 && against.includes('previous');
        const change: WaveChange = { against: kind, reference: waves[r], ...test(j, r), pAdjusted: NaN, significant: false, mark: '', ...(dup ? { sameTestAs: 'previous' as const } : {}) };
        wo.changes.push(change);
        pending.push({ ind, wave: j, ref: r, change });
      }
    });
    out.push({
      name: spec.name,
      column: spec.column,
      kind: spec.kind,
      unit: prep.unit,
      higherIsBetter: spec.higherIsBetter ?? true,
      ...(prep.successValues ? { successValues: prep.successValues } : {}),
      method: prep.method,
      test: prep.test,
      waves: waveOut,
      trend: null,
    });
  });

  // Multiple comparisons: distinct tests (indicator, wave, reference) adjusted together.
  const distinct = new Map<string, Pending[]>();
  for (const p of pending) {
    const key = `${p.ind}|${p.wave}|${p.ref}`;
    const list = distinct.get(key);
    if (list) list.push(p);
    else distinct.set(key, [p]);
  }
  const groups = new Map<string, Pending[][]>();
  for (const list of distinct.values()) {
    const g = scope === 'all' ? 'all' : String(list[0].ind);
    const arr = groups.get(g);
    if (arr) arr.push(list);
    else groups.set(g, [list]);
  }
  let familySize = 0;
  for (const lists of groups.values()) {
    const ps = lists.map((l) => l[0].change.pValue);
    familySize = Math.max(familySize, ps.filter((p) => !Number.isNaN(p)).length);
    const adj = pAdjust(ps, adjust);
    lists.forEach((l, i) => {
      for (const p of l) {
        p.change.pAdjusted = adj[i];
        p.change.significant = adj[i] < alpha;
        p.change.mark = p.change.significant ? (p.change.difference > 0 ? '▲' : p.change.difference < 0 ? '▼' : '') : '';
      }
    });
  }

  // Trends (three waves or more).
  if (waves.length >= 3) {
    const z = normalQuantile(1 - (1 - confidence) / 2);
    const trends: (WaveTrend | null)[] = out.map((ind) => {
      const pts = ind.waves.map((w, j) => ({ t: j, y: w.value, v: w.se * w.se })).filter((p) => Number.isFinite(p.y) && p.v > 0 && Number.isFinite(p.v));
      if (pts.length < 3) return null;
      let sw = 0, st = 0;
      for (const p of pts) {
        sw += 1 / p.v;
        st += p.t / p.v;
      }
      const tb = st / sw;
      let sxx = 0, sxy = 0;
      for (const p of pts) {
        sxx += (p.t - tb) ** 2 / p.v;
        sxy += ((p.t - tb) * p.y) / p.v;
      }
      const slope = sxy / sxx;
      const se = Math.sqrt(1 / sxx);
      const statistic = slope / se;
      return { method: msg.trendMethod, slope, se, ci: [slope - z * se, slope + z * se], statistic, pValue: 2 * normalSf(Math.abs(statistic)), pAdjusted: NaN, significant: false, mark: '' };
    });
    const idx = trends.map((t, i) => (t ? i : -1)).filter((i) => i >= 0);
    const adj = pAdjust(idx.map((i) => (trends[i] as WaveTrend).pValue), adjust);
    idx.forEach((i, k) => {
      const t = trends[i] as WaveTrend;
      t.pAdjusted = adj[k];
      t.significant = adj[k] < alpha;
      t.mark = t.significant ? (t.slope > 0 ? '▲' : '▼') : '';
      out[i].trend = t;
    });
  }

  const rows: WaveComparisonRow[] = [];
  for (const ind of out) {
    for (const w of ind.waves) {
      const prev = w.changes.find((c) => c.against === 'previous');
      const first = w.changes.find((c) => c.against === 'first');
      rows.push({
        indicator: ind.name,
        wave: w.wave,
        value: w.value,
        lower: w.ci[0],
        upper: w.ci[1],
        n: w.n,
        effectiveN: w.effectiveN,
        diffPrevious: prev ? prev.difference : null,
        pPrevious: prev ? prev.pValue : null,
        pAdjPrevious: prev ? prev.pAdjusted : null,
        markPrevious: prev ? prev.mark : '',
        diffFirst: first ? first.difference : null,
        pFirst: first ? first.pValue : null,
        pAdjFirst: first ? first.pAdjusted : null,
        markFirst: first ? first.mark : '',
      });
    }
  }
  const adjName = adjust === 'BH' ? 'Benjamini-Hochberg' : adjust === 'BY' ? 'Benjamini-Yekutieli' : adjust === 'none' ? 'no adjustment' : adjust[0].toUpperCase() + adjust.slice(1);
  const description =
    scope === 'all'
      ? `${adjName} over all ${distinct.size} distinct wave-on-wave tests of the table (${out.length} indicator${out.length === 1 ? '' : 's'} × ${waves.length - 1} later wave${waves.length === 2 ? '' : 's'} × ${against.join(' and ')}; a repeated test counted once); trends adjusted separately across indicators`
      : `${adjName} within each indicator (up to ${familySize} tests each); trends adjusted separately across indicators`;
  return {
    method: `Wave-on-wave comparison${weights ? ' (weighted: Kish effective n, design-effect approximation)' : ''}; means: Welch t; shares: two-proportion z; NPS: z with multinomial variances; marks at adjusted p < ${alpha}`,
    waveColumn: options.wave,
    waves,
    against,
    adjust,
    family: { scope, tests: scope === 'all' ? distinct.size : familySize, description },
    alpha,
    confidence,
    weighted: weights !== null,
    indicators: out,
    rows,
    warnings,
  };
}

import type { Table } from '@satlab/data';
import { factorOf, InputError } from '@satlab/data';
import { kishEffectiveN } from '@satlab/stats';
import type { Message } from '@satlab/messages';
import { M, msg } from './messages.js';

/** Population margins: column → { category: share }. Shares sum to 1 (or to 100: percentages). */
export type RakeMargins = Record<string, Record<string, number>>;

/** Options of {@link rake}. */
export interface RakeOptions {
  /** Most raking cycles (one cycle adjusts every margin once). Default 100. */
  maxIter?: number;
  /** Convergence: the largest change of a weight over a cycle is below `tol` (R `survey::rake` epsilon, in weight units). Default 1e-10. */
  tol?: number;
  /** Starting (design) weights. Default 1 for everyone. */
  baseWeights?: Float64Array | readonly number[];
  /** Rake separately within each category of this column (e.g. the wave column), every group to the same margins. Default: none. */
  by?: string;
  /**
   * Sum of the weights in each group. Default `'n'`: the group's respondents (weights average 1),
   * or `'population'` with `populationSize` (weights count people).
   */
  total?: 'n' | number;
}

/** How raking went in one group. */
export interface RakeGroup {
  /** `all` without `by`, else the group. */
  name: string;
  n: number;
  converged: boolean;
  iterations: number;
  /** Largest weight change over the last cycle. */
  maxChange: number;
  /** Kish (Σw)²/Σw². */
  effectiveN: number;
  /** n / effectiveN. */
  designEffect: number;
  minWeight: number;
  maxWeight: number;
  /** Per margin and category: the sample share before weighting, the target and the weighted share reached. */
  margins: Record<string, { level: string; sampleShare: number; target: number; weightedShare: number }[]>;
}

/** Result of {@link rake}. */
export interface RakeResult {
  method: string;
  /** One weight per row of the table (sums to n in each group, unless `total` is a number). */
  weights: Float64Array;
  converged: boolean;
  /** Largest number of cycles over the groups. */
  iterations: number;
  effectiveN: number;
  designEffect: number;
  groups: RakeGroup[];
  warnings: Message[];
}

/**
 * Raking (iterative proportional fitting, Deming & Stephan 1940) of respondent weights to
 * population margins, e.g. contract type and region: each cycle post-stratifies on each margin
 * in turn (w ← w · N·share_c / Σ_{i∈c} w_i), until no weight changes by more than `tol` over a
 * cycle. Returns the weights, convergence, Kish's effective n = (Σw)²/Σw² and the design effect
 * of weighting, and the margins reached. With `by`, each group (e.g. each wave) is raked to the
 * same margins separately, so that waves are compared on the same population structure.
 *
 * Same algorithm and stopping rule as R `survey::rake(design, sample.margins,
 * population.margins, control = list(maxit, epsilon))` (its `epsilon` is in weight units; R's
 * default `maxit = 10, epsilon = 1` is loose — ours is 100 cycles and 1e-10). Checked against R
 * to 1e-6 in `test/fixtures/rake.R`.
 *
 * Every respondent needs a category on every margin; a category present in the data needs a
 * share (0 gives weight 0), and a category with a positive share needs respondents.
 *
 * @param table The respondents.
 * @param margins `{ contract: { 'Auto/Moto': 0.34, … }, region: { … } }`.
 * @param options Cycles, tolerance, base weights, groups, total (see {@link RakeOptions}).
 * @throws {InputError} an unknown column or category, shares not summing to 1 (or 100), a
 *   missing value in a margin column, an empty category with a positive share.
 * @throws {TypeError|RangeError} malformed margins or options.
 * @example
 * import { loadTable } from '@satlab/data';
 * const { table } = loadTable('datasets/barometer/wave-3.csv', { codebook: 'datasets/barometer/codebook.yaml' });
 * const r = rake(table, { contract: { 'Auto/Moto': 0.30, Habitation: 0.30, 'Prév. Retraite': 0.10, 'Resp. civile': 0.10, Santé: 0.20 },
 *   region: { 'Île-de-France': 0.22, 'Auvergne-Rhône-Alpes': 0.21, 'Hauts-de-France': 0.19, 'Nouvelle-Aquitaine': 0.19, 'Provence-Alpes-Côte d’Azur': 0.19 } });
 * r; //=> { converged: true, effectiveN: 1370.73…, designEffect: 1.09430…, … }
 */
export function rake(table: Table, margins: RakeMargins, options: RakeOptions = {}): RakeResult {
  const fn = 'rake';
  if (!table || !Array.isArray(table.columns)) throw new TypeError(`${fn}(table): expected a satlab Table`);
  if (margins === null || typeof margins !== 'object' || Object.keys(margins).length === 0) throw new TypeError(msg.noMargins(fn));
  const maxIter = options.maxIter ?? 100;
  const tol = options.tol ?? 1e-10;
  if (!(Number.isInteger(maxIter) && maxIter > 0)) throw new RangeError(msg.badControl(fn, 'maxIter', maxIter));
  if (!(typeof tol === 'number' && tol > 0)) throw new RangeError(msg.badControl(fn, 'tol', tol));
  const n = table.nRows;
  const base = new Float64Array(n).fill(1);
  if (options.baseWeights !== undefined) {
    if (options.baseWeights.length !== n) throw new RangeError(msg.baseWeightsLength(fn, options.baseWeights.length, n));
    for (let i = 0; i < n; i++) {
      const w = options.baseWeights[i];
      if (!(w >= 0) || !Number.isFinite(w)) throw new RangeError(`${fn}(options.baseWeights): weight ${w} at row ${i} must be finite and ≥ 0`);
      base[i] = w;
    }
  }
  const warnings: Message[] = [];

  // Margins: codes of each respondent and target shares per code.
  const columns = Object.keys(margins);
  const specs = columns.map((col) => {
    const m = margins[col];
    if (m === null || typeof m !== 'object' || Array.isArray(m)) throw new TypeError(msg.marginNotObject(fn, col));
    const f = factorOf(table, col);
    let sum = 0;
    for (const [level, share] of Object.entries(m)) {
      if (typeof share !== 'number' || !(share >= 0) || !Number.isFinite(share)) throw new InputError(msg.marginShare(fn, col, level, share), { columnName: col });
      if (!f.levels.includes(level)) throw new InputError(msg.marginLevelUnknown(col, level, f.levels), { columnName: col });
      sum += share;
    }
    let scale = 1;
    if (Math.abs(sum - 1) <= 1e-6) scale = 1 / sum;
    else if (Math.abs(sum - 100) <= 1e-4) {
      scale = 1 / sum;
      warnings.push(M.marginPercent({ column: col }));
    } else throw new InputError(msg.marginSum(col, sum), { columnName: col });
    const target = f.levels.map((l) => (l in m ? m[l] * scale : NaN));
    return { col, codes: f.codes, levels: f.levels, target };
  });

  // Groups.
  let groupNames = ['all'];
  let groupOf = new Int32Array(n);
  if (options.by !== undefined) {
    const g = factorOf(table, options.by);
    groupOf = Int32Array.from(g.codes);
    const present = new Set(groupOf);
    groupNames = g.levels;
    const miss = groupOf.filter((c) => c < 0).length;
    if (miss > 0) throw new InputError(msg.marginMissingValues(options.by, miss, { by: null, group: null }), { columnName: options.by });
    groupNames = groupNames.map((l, k) => (present.has(k) ? l : '')).filter((l) => l !== '');
    const remap = new Map(g.levels.map((l, k) => [k, groupNames.indexOf(l)]));
    groupOf = groupOf.map((c) => remap.get(c) as number);
  }

  const weights = Float64Array.from(base);
  const out: RakeGroup[] = [];
  let allConverged = true;
  let maxIterations = 0;
  groupNames.forEach((gname, g) => {
    const rows: number[] = [];
    for (let i = 0; i < n; i++) if (groupOf[i] === g) rows.push(i);
    const where = { by: options.by ?? null, group: options.by === undefined ? null : gname };
    let baseSum = 0;
    for (const i of rows) baseSum += base[i];
    const total = options.total === undefined || options.total === 'n' ? rows.length : options.total;
    if (!(typeof total === 'number' && total > 0 && Number.isFinite(total))) throw new RangeError(msg.badControl(fn, 'total', options.total));
    // Checks: everyone has a category with a share; each positive share has respondents.
    for (const s of specs) {
      const has = new Array<number>(s.levels.length).fill(0);
      let miss = 0;
      for (const i of rows) {
        const c = s.codes[i];
        if (c < 0) miss++;
        else has[c] += base[i];
      }
      if (miss > 0) throw new InputError(msg.marginMissingValues(s.col, miss, where), { columnName: s.col });
      const noShare = s.levels.filter((l, k) => has[k] > 0 && Number.isNaN(s.target[k]));
      if (noShare.length > 0) throw new InputError(msg.marginLevelMissing(s.col, noShare), { columnName: s.col });
      s.levels.forEach((l, k) => {
        if (s.target[k] > 0 && !(has[k] > 0)) throw new InputError(msg.marginEmptyCell(s.col, l, where), { columnName: s.col });
      });
    }
    const sampleShares = specs.map((s) => {
      const t = new Array<number>(s.levels.length).fill(0);
      for (const i of rows) t[s.codes[i]] += base[i];
      return t.map((x) => x / baseSum);
    });
    // Start from the base weights scaled to the total.
    for (const i of rows) weights[i] = (base[i] * total) / baseSum;
    const old = new Float64Array(rows.length);
    rows.forEach((i, r) => (old[r] = weights[i]));
    let converged = false;
    let iterations = 0;
    let maxChange = Infinity;
    const sums = specs.map((s) => new Float64Array(s.levels.length));
    while (iterations < maxIter) {
      for (let m = 0; m < specs.length; m++) {
        const s = specs[m];
        const sum = sums[m];
        sum.fill(0);
        for (const i of rows) sum[s.codes[i]] += weights[i];
        for (const i of rows) {
          const c = s.codes[i];
          weights[i] = sum[c] > 0 ? (weights[i] * total * s.target[c]) / sum[c] : 0;
        }
      }
      iterations++;
      maxChange = 0;
      rows.forEach((i, r) => {
        const d = Math.abs(weights[i] - old[r]);
        if (d > maxChange) maxChange = d;
        old[r] = weights[i];
      });
      if (maxChange < tol) {
        converged = true;
        break;
      }
    }
    if (!converged) {
      allConverged = false;
      warnings.push(M.notConverged({ iterations, delta: maxChange, ...where }));
    }
    maxIterations = Math.max(maxIterations, iterations);
    const w = rows.map((i) => weights[i]);
    const k = kishEffectiveN(w);
    let minW = Infinity, maxW = 0;
    for (const x of w) {
      if (x > 0 && x < minW) minW = x;
      if (x > maxW) maxW = x;
    }
    if (minW > 0 && maxW / minW > 10) warnings.push(M.extremeWeights({ ratio: maxW / minW, ...where }));
    if (k.effectiveN < 0.7 * rows.length) warnings.push(M.lowEfficiency({ effectiveN: k.effectiveN, n: rows.length, ...where }));
    const reached: RakeGroup['margins'] = {};
    specs.forEach((s, m) => {
      const t = new Array<number>(s.levels.length).fill(0);
      let tot = 0;
      for (const i of rows) {
        t[s.codes[i]] += weights[i];
        tot += weights[i];
      }
      reached[s.col] = s.levels.map((l, c) => ({ level: l, sampleShare: sampleShares[m][c], target: Number.isNaN(s.target[c]) ? 0 : s.target[c], weightedShare: t[c] / tot }));
    });
    out.push({ name: gname, n: rows.length, converged, iterations, maxChange, effectiveN: k.effectiveN, designEffect: k.designEffect, minWeight: Number.isFinite(minW) ? minW : 0, maxWeight: maxW, margins: reached });
  });
  // Rows outside every group (none: `by` refuses missing values) keep weight 0.
  const k = kishEffectiveN(weights);
  return {
    method: `raking (iterative proportional fitting) on ${columns.join(' × ')} margins${options.by ? `, separately within each ${options.by}` : ''}; stop when no weight changes by more than ${tol} over a cycle (as R survey::rake); Kish effective n`,
    weights,
    converged: allConverged,
    iterations: maxIterations,
    effectiveN: options.by === undefined ? k.effectiveN : out.reduce((s, g) => s + g.effectiveN, 0),
    designEffect: options.by === undefined ? k.designEffect : n / out.reduce((s, g) => s + g.effectiveN, 0),
    groups: out,
    warnings,
  };
}

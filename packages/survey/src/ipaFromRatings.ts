import type { Message } from '@satlab/messages';
import type { Table } from '@satlab/data';
import { isColumnTable, ratingsFromTable } from './byName.js';
import type { IpaRatingColumns } from './byName.js';
import { meanConfidenceInterval, pearsonCorrelation } from '@satlab/stats';
import type { IpaCutoff, IpaPriorityUnits, IpaQuadrant } from './ipaCore.js';
import { classify, ipaSummary, quadrantOf, resolveCutoffs } from './ipaCore.js';
import type { IpaAttribute, IpaResult } from './ipaMatrix.js';
import { msg } from './messages.js';
import type { InvalidPolicy, MissingReasons, Numbers, ValueSource } from './util.js';
import { checkConfidence, checkNumbers, checkScale, screenValues, tallyReasons } from './util.js';

/** One attribute's respondent-level ratings. */
export interface IpaRatings {
  name: string;
  /** Satisfaction rating of each respondent (NaN = missing). */
  satisfaction: Numbers;
  /** Stated importance of each respondent (NaN = missing); needed for the stated axis. */
  importance?: Numbers;
  /** Where the ratings came from, for error messages. */
  satisfactionSource?: ValueSource;
  importanceSource?: ValueSource;
  /** Why NaN ratings are missing (a `@satlab/data` column's `missingReasons`), for `excludedSatisfactionByReason`. */
  satisfactionMissingReasons?: MissingReasons;
  importanceMissingReasons?: MissingReasons;
}

/** Importance axis: stated means, correlation with overall satisfaction, or shares given by the caller (e.g. Shapley/LMG shares from `@satlab/drivers`). */
export type IpaImportance = 'stated' | 'derived-correlation' | readonly { name: string; share: number }[];

/** Options of {@link ipaFromRatings}. */
export interface IpaRatingsOptions {
  /** Importance axis. Default `"stated"` when every attribute has importance ratings, else `"derived-correlation"`. */
  importance?: IpaImportance;
  /** Crosshair rule or values, as in `ipaMatrix`. Default `"mean"`. */
  cutoff?: IpaCutoff;
  /** Rating scale [min, max] of satisfaction (and stated importance unless `importanceScale`). Default none (no range check). */
  scale?: readonly [number, number];
  importanceScale?: readonly [number, number];
  /** Confidence level of the intervals. Default 0.95. */
  confidence?: number;
  /** Ratings outside the scale or not integers: `"error"` (InputError) or `"exclude"` (counted). Default `"error"`. */
  invalid?: InvalidPolicy;
  /** Units of the priority score. Default `"raw"` for stated importance, `"standardised"` for derived or supplied importance. */
  priorityUnits?: IpaPriorityUnits;
}

export interface IpaRatingsAttribute extends IpaAttribute {
  /** Valid satisfaction ratings. */
  nSatisfaction: number;
  /** Student t interval of the satisfaction mean (R `t.test(x)$conf.int`). */
  satisfactionCI: [number, number];
  /** Interval of the importance value on the chosen axis (t interval of the stated mean, or Fisher-z interval of r); absent for supplied shares. */
  importanceCI?: [number, number];
  /** True when an interval contains its cutoff: the quadrant could be another one. */
  uncertain: boolean;
  statedImportance?: number;
  statedImportanceCI?: [number, number];
  nImportance?: number;
  /** Pearson r of the attribute's satisfaction with overall satisfaction (pairwise complete). */
  derivedImportance?: number;
  derivedImportanceCI?: [number, number];
  nDerived?: number;
  /** Quadrants on each axis, to read stated and derived side by side. */
  quadrantStated?: IpaQuadrant;
  quadrantDerived?: IpaQuadrant;
  /** Satisfaction ratings set aside (missing or invalid), and why. */
  excludedSatisfaction: number;
  excludedSatisfactionByReason: Record<string, number>;
}

/** Stated vs derived importance of one attribute, side by side. */
export interface IpaImportanceComparison {
  name: string;
  statedImportance: number;
  /** 1 = most important by stated importance. */
  statedRank: number;
  derivedImportance: number;
  derivedRank: number;
  quadrantStated: IpaQuadrant;
  quadrantDerived: IpaQuadrant;
}

export interface IpaRatingsResult extends IpaResult {
  attributes: IpaRatingsAttribute[];
  importanceAxis: 'stated' | 'derived-correlation' | 'supplied';
  confidence: number;
  /** Cutoffs of the other importance axis, when both stated and derived are available. */
  statedImportanceCutoff?: number;
  derivedImportanceCutoff?: number;
  /** Stated vs derived, when both are available (stated ratings and `overall`). */
  comparison?: IpaImportanceComparison[];
  /** Names whose quadrant is uncertain. */
  uncertain: string[];
}

function ranks(xs: number[]): number[] {
  const order = xs.map((x, i) => i).sort((i, j) => xs[j] - xs[i]);
  const r = new Array<number>(xs.length);
  order.forEach((i, k) => (r[i] = k + 1));
  return r;
}

function meanCI(xs: number[], confidence: number): { mean: number; lower: number; upper: number } {
  if (xs.length >= 2) return meanConfidenceInterval(xs, { confidence });
  return { mean: xs.length === 1 ? xs[0] : NaN, lower: NaN, upper: NaN };
}

/**
 * Importance–satisfaction matrix from respondent ratings: the satisfaction mean of each
 * attribute with a Student t interval, and importance either stated (mean rating, t interval),
 * derived (Pearson r of the attribute's satisfaction with overall satisfaction, Fisher-z
 * interval, as R `cor.test(x, overall)$conf.int`), or supplied shares (Shapley/LMG from
 * `@satlab/drivers`: pass `importance: [{ name, share }]`). Quadrants, cutoffs and the priority
 * rule are those of {@link ipaMatrix}.
 *
 * A point's quadrant is flagged `uncertain` when its satisfaction interval or its importance
 * interval contains the cutoff of that axis. The cutoffs themselves (mean or median of the
 * attribute means) are treated as fixed; a warning says so.
 *
 * When stated ratings and `overall` are both given, `comparison` puts stated and derived
 * importance, their ranks and their quadrants side by side (derived importance reveals what
 * drives satisfaction; stated importance what respondents say matters — the two often differ).
 *
 * @throws {InputError} a rating outside `scale` (or not an integer) when `invalid` is "error".
 * @throws {RangeError|TypeError} no attributes, arrays of different lengths, duplicate names,
 *   importance "stated" without importance ratings, "derived-correlation" without `overall`,
 *   supplied shares that miss an attribute.
 * @example
 * const r = ipaFromRatings({
 *   attributes: [
 *     { name: 'Price', satisfaction: [1, 2, 2, 1, 2], importance: [4, 4, 3, 4, 4] },
 *     { name: 'Speed', satisfaction: [3, 4, 3, 4, 3], importance: [4, 3, 4, 4, 3] },
 *     { name: 'Web', satisfaction: [2, 2, 1, 3, 2], importance: [2, 1, 2, 2, 1] },
 *   ],
 * }, { scale: [1, 4] });
 * r.priorities; //=> ['Price', 'Speed', 'Web']
 * r.attributes[0];
 * //=> { name: 'Price', satisfaction: 1.6, importance: 3.8, quadrant: 'concentrate',
 * //   uncertain: false, … }
 */
export function ipaFromRatings(table: Table, columns: IpaRatingColumns, options?: IpaRatingsOptions): IpaRatingsResult;
export function ipaFromRatings(input: { attributes: readonly IpaRatings[]; overall?: Numbers; overallSource?: ValueSource }, options?: IpaRatingsOptions): IpaRatingsResult;
export function ipaFromRatings(a: { attributes: readonly IpaRatings[]; overall?: Numbers; overallSource?: ValueSource } | Table, b?: IpaRatingColumns | IpaRatingsOptions, c?: IpaRatingsOptions): IpaRatingsResult {
  const fn = 'ipaFromRatings';
  if (isColumnTable(a)) return ipaFromRatings(ratingsFromTable(fn, a as Table, b as IpaRatingColumns), c ?? {});
  const input = a as { attributes: readonly IpaRatings[]; overall?: Numbers; overallSource?: ValueSource };
  const options = (b as IpaRatingsOptions | undefined) ?? {};
  const list = input?.attributes;
  if (!Array.isArray(list) || list.length === 0) throw new RangeError(`${fn}: input.attributes must be a non-empty array`);
  const confidence = options.confidence ?? 0.95;
  checkConfidence(fn, confidence);
  if (options.scale !== undefined) checkScale(fn, options.scale);
  if (options.importanceScale !== undefined) checkScale(fn, options.importanceScale);
  const impScale = options.importanceScale ?? options.scale;
  const policy = options.invalid ?? 'error';
  const hasStated = list.every((a) => a.importance !== undefined);
  const importanceOpt: IpaImportance = options.importance ?? (hasStated ? 'stated' : 'derived-correlation');
  const n = list[0].satisfaction?.length;
  const seen = new Set<string>();
  const warnings: Message[] = [];
  const integerScale = (sc: readonly [number, number] | undefined): boolean => !!sc && Number.isInteger(sc[0]) && Number.isInteger(sc[1]);

  if (input.overall !== undefined) {
    checkNumbers(fn, 'input.overall', input.overall);
    if (input.overall.length !== n) throw new RangeError(`${fn}: input.overall has ${input.overall.length} values but the ratings have ${n}`);
  }
  const overallScreen = input.overall && options.scale ? screenValues(fn, input.overall, { min: options.scale[0], max: options.scale[1], integer: integerScale(options.scale), reason: `out of scale ${options.scale[0]}-${options.scale[1]}` }, policy, input.overallSource) : undefined;
  const overall = input.overall ? Float64Array.from(input.overall, (x, i) => (overallScreen && overallScreen.reason[i] !== null ? NaN : x)) : undefined;

  const rows = list.map((a, k) => {
    if (typeof a?.name !== 'string' || a.name === '') throw new TypeError(`${fn}: input.attributes[${k}].name must be a non-empty string`);
    if (seen.has(a.name)) throw new RangeError(`${fn}: attribute name "${a.name}" appears twice`);
    seen.add(a.name);
    checkNumbers(fn, `input.attributes[${k}].satisfaction`, a.satisfaction);
    if (a.satisfaction.length !== n) throw new RangeError(`${fn}: "${a.name}" has ${a.satisfaction.length} satisfaction ratings but the first attribute has ${n}`);
    const sRule = options.scale ? { min: options.scale[0], max: options.scale[1], integer: integerScale(options.scale), reason: `out of scale ${options.scale[0]}-${options.scale[1]}` } : null;
    const sScreen = screenValues(fn, a.satisfaction, sRule, policy, a.satisfactionSource, a.satisfactionMissingReasons);
    const sat: number[] = [];
    const satMasked = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const ok = sScreen.reason[i] === null;
      satMasked[i] = ok ? a.satisfaction[i] : NaN;
      if (ok) sat.push(a.satisfaction[i]);
    }
    const invalidS = tallyReasons(sScreen);
    if (sRule && invalidS.byReason[sRule.reason]) warnings.push(msg.invalidExcluded({ what: a.name, axis: 'satisfaction', n: invalidS.byReason[sRule.reason], reason: sRule.reason }));
    const s = meanCI(sat, confidence);
    let stated: { mean: number; lower: number; upper: number; n: number } | undefined;
    if (a.importance !== undefined) {
      checkNumbers(fn, `input.attributes[${k}].importance`, a.importance);
      if (a.importance.length !== n) throw new RangeError(`${fn}: "${a.name}" has ${a.importance.length} importance ratings but ${n} satisfaction ratings`);
      const iRule = impScale ? { min: impScale[0], max: impScale[1], integer: integerScale(impScale), reason: `out of scale ${impScale[0]}-${impScale[1]}` } : null;
      const iScreen = screenValues(fn, a.importance, iRule, policy, a.importanceSource, a.importanceMissingReasons);
      const invalidI = tallyReasons(iScreen);
      if (iRule && invalidI.byReason[iRule.reason]) warnings.push(msg.invalidExcluded({ what: a.name, axis: 'importance', n: invalidI.byReason[iRule.reason], reason: iRule.reason }));
      const imp: number[] = [];
      for (let i = 0; i < n; i++) if (iScreen.reason[i] === null) imp.push(a.importance[i]);
      const m = meanCI(imp, confidence);
      stated = { mean: m.mean, lower: m.lower, upper: m.upper, n: imp.length };
    }
    let derived: { r: number; lower: number; upper: number; n: number } | undefined;
    if (overall) {
      const x: number[] = [], y: number[] = [];
      for (let i = 0; i < n; i++) if (!Number.isNaN(satMasked[i]) && !Number.isNaN(overall[i])) {
        x.push(satMasked[i]);
        y.push(overall[i]);
      }
      if (x.length >= 4) {
        const c = pearsonCorrelation(x, y, { confidence });
        derived = { r: c.estimate, lower: c.ci[0], upper: c.ci[1], n: x.length };
      } else derived = { r: NaN, lower: NaN, upper: NaN, n: x.length };
    }
    return { name: a.name, s, nS: sat.length, excludedS: invalidS.excluded, excludedSByReason: invalidS.byReason, stated, derived };
  });

  let axis: IpaRatingsResult['importanceAxis'];
  let impValues: number[];
  let impCI: ([number, number] | undefined)[];
  let axisImpScale: readonly [number, number] | undefined;
  if (importanceOpt === 'stated') {
    if (!hasStated) throw new RangeError(`${fn}: importance "stated" needs importance ratings for every attribute`);
    axis = 'stated';
    impValues = rows.map((r) => r.stated!.mean);
    impCI = rows.map((r) => [r.stated!.lower, r.stated!.upper]);
    axisImpScale = impScale;
  } else if (importanceOpt === 'derived-correlation') {
    if (!overall) throw new RangeError(`${fn}: importance "derived-correlation" needs input.overall (overall satisfaction of each respondent)`);
    axis = 'derived-correlation';
    impValues = rows.map((r) => r.derived!.r);
    impCI = rows.map((r) => [r.derived!.lower, r.derived!.upper]);
  } else if (Array.isArray(importanceOpt)) {
    axis = 'supplied';
    const byName = new Map(importanceOpt.map((e) => [e.name, e.share]));
    impValues = rows.map((r) => {
      const v = byName.get(r.name);
      if (typeof v !== 'number' || !Number.isFinite(v)) throw new RangeError(`${fn}: options.importance has no finite share for "${r.name}"`);
      return v;
    });
    impCI = rows.map(() => undefined);
  } else {
    throw new RangeError(`${fn}: options.importance must be "stated", "derived-correlation" or [{ name, share }], got ${JSON.stringify(importanceOpt)}`);
  }

  const points = rows.map((r, k) => ({ name: r.name, satisfaction: r.s.mean, importance: impValues[k] }));
  points.forEach((p) => {
    if (!Number.isFinite(p.satisfaction) || !Number.isFinite(p.importance)) throw new RangeError(`${fn}: "${p.name}" has too few valid ratings to place it (satisfaction ${p.satisfaction}, importance ${p.importance})`);
  });
  if (points.length < 4) warnings.push(msg.ipaFewAttributes({ n: points.length }));
  const cutoff = options.cutoff ?? 'mean';
  const cut = resolveCutoffs(fn, points, cutoff, options.scale, axisImpScale, warnings);
  const units = options.priorityUnits ?? (axis === 'stated' ? 'raw' : 'standardised');
  if (units !== 'raw' && units !== 'standardised') throw new RangeError(`${fn}: options.priorityUnits must be "raw" or "standardised", got ${JSON.stringify(units)}`);
  const { attributes: core, priorities } = classify(points, cut.satisfactionCutoff, cut.importanceCutoff, units, warnings);

  // The other importance axis, for the side-by-side reading.
  let statedCut: number | undefined, derivedCut: number | undefined;
  const both = rows.every((r) => r.stated && r.derived && Number.isFinite(r.stated.mean) && Number.isFinite(r.derived.r));
  if (both) {
    const sp = rows.map((r) => ({ name: r.name, satisfaction: r.s.mean, importance: r.stated!.mean }));
    const dp = rows.map((r) => ({ name: r.name, satisfaction: r.s.mean, importance: r.derived!.r }));
    const quiet: Message[] = [];
    // Main axis: its own cutoff. Other axis: the same rule, except that "midpoint" on the
    // correlation axis and given values on the other axis fall back to the mean.
    const otherRule = (onScale: boolean): IpaCutoff =>
      typeof cutoff === 'object' ? 'mean' : cutoff === 'midpoint' && !onScale ? 'mean' : cutoff;
    statedCut = axis === 'stated' ? cut.importanceCutoff : resolveCutoffs(fn, sp, otherRule(true), options.scale, impScale, quiet).importanceCutoff;
    derivedCut = axis === 'derived-correlation' ? cut.importanceCutoff : resolveCutoffs(fn, dp, otherRule(false), options.scale, undefined, quiet).importanceCutoff;
  }

  const attributes: IpaRatingsAttribute[] = core.map((c, k) => {
    const r = rows[k];
    const sCI: [number, number] = [r.s.lower, r.s.upper];
    const iCI = impCI[k];
    const crosses = (ci: [number, number] | undefined, cutv: number): boolean => !!ci && ci[0] <= cutv && cutv <= ci[1];
    const a: IpaRatingsAttribute = {
      ...c,
      nSatisfaction: r.nS,
      satisfactionCI: sCI,
      uncertain: crosses(sCI, cut.satisfactionCutoff) || crosses(iCI, cut.importanceCutoff),
      excludedSatisfaction: r.excludedS,
      excludedSatisfactionByReason: r.excludedSByReason,
    };
    if (iCI) a.importanceCI = iCI;
    if (r.stated) {
      a.statedImportance = r.stated.mean;
      a.statedImportanceCI = [r.stated.lower, r.stated.upper];
      a.nImportance = r.stated.n;
    }
    if (r.derived) {
      a.derivedImportance = r.derived.r;
      a.derivedImportanceCI = [r.derived.lower, r.derived.upper];
      a.nDerived = r.derived.n;
    }
    if (both) {
      a.quadrantStated = quadrantOf(r.s.mean, r.stated!.mean, cut.satisfactionCutoff, statedCut!);
      a.quadrantDerived = quadrantOf(r.s.mean, r.derived!.r, cut.satisfactionCutoff, derivedCut!);
    }
    return a;
  });
  const uncertain = attributes.filter((a) => a.uncertain).map((a) => a.name);
  if (uncertain.length > 0) warnings.push(msg.ipaUncertain({ names: uncertain }));
  if (cutoff === 'mean' || cutoff === 'median') warnings.push(msg.ipaCutoffFixed());

  const result: IpaRatingsResult = {
    method: `importance-performance analysis (Martilla & James 1977) from respondent ratings; importance axis: ${axis}; Student t intervals for means${axis === 'derived-correlation' ? ', Fisher-z intervals for r' : ''}`,
    ...ipaSummary(cut, attributes, priorities, units),
    importanceAxis: axis,
    confidence,
    uncertain,
    warnings,
  };
  if (both) {
    result.statedImportanceCutoff = statedCut;
    result.derivedImportanceCutoff = derivedCut;
    const sr = ranks(rows.map((r) => r.stated!.mean));
    const dr = ranks(rows.map((r) => r.derived!.r));
    result.comparison = attributes.map((a, k) => ({
      name: a.name,
      statedImportance: a.statedImportance!,
      statedRank: sr[k],
      derivedImportance: a.derivedImportance!,
      derivedRank: dr[k],
      quadrantStated: a.quadrantStated!,
      quadrantDerived: a.quadrantDerived!,
    }));
  }
  return result;
}

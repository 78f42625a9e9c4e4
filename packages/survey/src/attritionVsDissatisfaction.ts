import type { Message } from '@satlab/messages';
import type { Table } from '@satlab/data';
import { attritionFromTable, isColumnTable } from './byName.js';
import type { AttritionColumns } from './byName.js';
import { normalQuantile, normalSf } from '@satlab/stats';
import { msg } from './messages.js';
import { riskRatio } from './riskRatio.js';
import type { InvalidPolicy, Numbers, Segments, ValueSource } from './util.js';
import { allRows, checkConfidence, checkNumbers, checkScale, checkSegments, screenValues, splitSegments, wilsonCi } from './util.js';

/** Options of {@link attritionVsDissatisfaction}. */
export interface AttritionOptions {
  /**
   * Satisfaction values that count as dissatisfied (e.g. [1, 2] on a 1–4 scale). Default: the
   * values strictly below the midpoint of `scale` (1–2 on 1–4, 1–2 on 1–5); one of the two is required.
   */
  dissatisfied?: readonly number[];
  /** Satisfaction scale [min, max]: the default `dissatisfied`, and values outside it are refused (see `invalid`). */
  scale?: readonly [number, number];
  /** A satisfaction value outside `scale`: `"error"` (InputError naming it) or `"exclude"` (counted in `excluded`). Default `"error"`. */
  invalid?: InvalidPolicy;
  /** Where the satisfaction values came from, for error messages. */
  source?: ValueSource;
  /** Segment of each respondent (e.g. contract type); adds one group per segment after `all`. */
  by?: Segments;
  segmentOrder?: readonly string[];
  /** Confidence level of every interval. Default 0.95. */
  confidence?: number;
  /** The rule of thumb tested: attrition rate = factor × dissatisfied rate. Default 2 (BTS MUC course). */
  ruleFactor?: number;
  /** Below this many respondents in a cell of the 2×2 table, a warning. Default 5. */
  minCell?: number;
}

/** The rule of thumb "attrition ≈ factor × dissatisfaction" tested in one group. */
export interface RuleOfThumbTest {
  factor: number;
  /** attritionRate / dissatisfiedRate (= leavers / dissatisfied). */
  ratio: number;
  /** Interval of the ratio: exp(log ratio ± z·se), se² = (b + c)/(L·D), the paired-data Wald interval. */
  ci: [number, number];
  /** Standard error of log ratio. */
  seLog: number;
  /** Two-sided p-value of H0: ratio = factor (z = (log ratio − log factor)/seLog). */
  pValue: number;
  /** True when the interval contains `factor`: the data do not contradict the rule. */
  consistent: boolean;
}

export interface AttritionGroup {
  /** "all" for the whole file, else the segment. */
  name: string;
  /** Respondents with both a satisfaction value and a known left/stayed flag. */
  n: number;
  counts: { dissatisfied: number; satisfied: number; left: number; dissatisfiedLeft: number; satisfiedLeft: number };
  /** Share of dissatisfied respondents, 0–1, and its Wilson interval. */
  dissatisfiedRate: number;
  dissatisfiedRateCI: [number, number];
  /** Share of respondents who left (the infidelity or attrition rate), 0–1, Wilson interval. */
  attritionRate: number;
  attritionRateCI: [number, number];
  attritionAmongDissatisfied: number;
  attritionAmongDissatisfiedCI: [number, number];
  attritionAmongSatisfied: number;
  attritionAmongSatisfiedCI: [number, number];
  /** attritionAmongDissatisfied / attritionAmongSatisfied. */
  riskRatio: number;
  /** Katz log interval of the risk ratio. */
  riskRatioCI: [number, number];
  /** Wald p-value of H0: risk ratio = 1. */
  riskRatioPValue: number;
  ruleOfThumb: RuleOfThumbTest;
  /** Rows of this group set aside (missing satisfaction or flag). */
  excluded: number;
  warnings: Message[];
}

export interface AttritionResult {
  method: string;
  confidence: number;
  /** The satisfaction values counted as dissatisfied. */
  dissatisfiedValues: number[];
  /** `all` first, then one per segment. */
  groups: AttritionGroup[];
  unknownSegment?: number;
  warnings: Message[];
}

/**
 * Attrition versus dissatisfaction, from respondent data with a satisfaction measure and a
 * left/stayed flag (the BTS MUC course « Satisfaction et fidélité »: "le taux d'infidélité est souvent égal au double du taux des
 * clients insatisfaits"). Per group (`all`, then each segment):
 *
 * - the dissatisfied rate D/n, the attrition rate L/n, attrition among the dissatisfied and
 *   among the satisfied, each with a Wilson interval;
 * - their risk ratio with the Katz log interval (see {@link riskRatio}; R
 *   `epitools::riskratio(method = "wald")`);
 * - the rule of thumb tested: ratio = (L/n)/(D/n) = L/D against `ruleFactor` (2). Both rates
 *   come from the same respondents, so they are correlated: with b = leavers who were
 *   satisfied and c = dissatisfied who stayed, Var(log L/D) ≈ (b + c)/(L·D) (delta method on
 *   the multinomial — the Wald interval for a ratio of paired proportions, Nam & Blackwelder
 *   2002). The interval exp(log ratio ± z·se) and the p-value of H0: ratio = factor are
 *   reported; `consistent` says whether the interval contains the factor. This compares the
 *   two rates the seed compares (the attrition rate and the dissatisfied rate), rather than
 *   attrition among the dissatisfied, which answers another question (the risk ratio does).
 *
 * Respondents with a missing satisfaction value (NaN) or an unknown flag (null) are set aside
 * and counted in `excluded`; so are values outside `scale` with `invalid: "exclude"`.
 *
 * @throws {InputError} a satisfaction value outside `scale` when `invalid` is "error".
 * @throws {RangeError|TypeError} arrays of different lengths, a flag that is not a boolean or
 *   null, neither `dissatisfied` nor `scale` given, a bad confidence or factor.
 * @example
 * const r = attritionVsDissatisfaction({ satisfaction: [1, 2, 4, 3, 4, 1], left: [true, false, false, false, true, true] }, { scale: [1, 4] });
 * r.groups[0];
 * //=> { name: 'all', n: 6, dissatisfiedRate: 0.5, attritionRate: 0.5,
 * //   attritionAmongDissatisfied: 0.666666…, attritionAmongSatisfied: 0.333333…, riskRatio: 2,
 * //   … }
 */
export function attritionVsDissatisfaction(table: Table, columns: AttritionColumns, options?: AttritionOptions): AttritionResult;
export function attritionVsDissatisfaction(input: { satisfaction: Numbers; left: readonly (boolean | null | undefined)[] }, options?: AttritionOptions): AttritionResult;
export function attritionVsDissatisfaction(a: { satisfaction: Numbers; left: readonly (boolean | null | undefined)[] } | Table, b?: AttritionColumns | AttritionOptions, c: AttritionOptions = {}): AttritionResult {
  const fn = 'attritionVsDissatisfaction';
  if (isColumnTable(a)) {
    const r = attritionFromTable(fn, a as Table, b as AttritionColumns);
    return attritionVsDissatisfaction(r.input, { source: r.source, ...(r.by ? { by: r.by, segmentOrder: r.segmentOrder } : {}), ...c });
  }
  const input = a as { satisfaction: Numbers; left: readonly (boolean | null | undefined)[] };
  const options = (b as AttritionOptions | undefined) ?? {};
  checkNumbers(fn, 'input.satisfaction', input?.satisfaction);
  const { satisfaction, left } = input;
  if (!Array.isArray(left)) throw new TypeError(`${fn}: input.left must be an array of booleans (null = unknown)`);
  if (left.length !== satisfaction.length) throw new RangeError(`${fn}: input.left has ${left.length} values but input.satisfaction has ${satisfaction.length}`);
  const confidence = options.confidence ?? 0.95;
  checkConfidence(fn, confidence);
  const factor = options.ruleFactor ?? 2;
  if (typeof factor !== 'number' || !(factor > 0) || !Number.isFinite(factor)) throw new RangeError(`${fn}: options.ruleFactor must be a positive number, got ${String(factor)}`);
  const minCell = options.minCell ?? 5;
  let dissValues: number[];
  if (options.dissatisfied !== undefined) {
    if (!Array.isArray(options.dissatisfied) || options.dissatisfied.length === 0 || !options.dissatisfied.every((x) => typeof x === 'number' && Number.isFinite(x))) {
      throw new RangeError(`${fn}: options.dissatisfied must be a non-empty array of numbers, got ${JSON.stringify(options.dissatisfied)}`);
    }
    dissValues = [...options.dissatisfied].sort((a, b) => a - b);
  } else if (options.scale !== undefined) {
    checkScale(fn, options.scale);
    const mid = (options.scale[0] + options.scale[1]) / 2;
    dissValues = [];
    for (let v = Math.ceil(options.scale[0]); v < mid; v++) dissValues.push(v);
  } else {
    throw new RangeError(`${fn}: give options.dissatisfied (the values that count as dissatisfied) or options.scale`);
  }
  if (options.scale !== undefined) checkScale(fn, options.scale);
  const screened = options.scale
    ? screenValues(fn, satisfaction, { min: options.scale[0], max: options.scale[1], integer: false, reason: `out of scale ${options.scale[0]}-${options.scale[1]}` }, options.invalid ?? 'error', options.source)
    : undefined;
  const dissSet = new Set(dissValues);
  const flag = new Int8Array(left.length);
  for (let i = 0; i < left.length; i++) {
    const v = left[i];
    if (v === null || v === undefined) flag[i] = -1;
    else if (v === true) flag[i] = 1;
    else if (v === false) flag[i] = 0;
    else throw new TypeError(`${fn}: input.left[${i}] must be true, false or null, got ${JSON.stringify(v)}`);
  }
  const z = normalQuantile(1 - (1 - confidence) / 2);
  const wilson = (k: number, n: number): [number, number] => wilsonCi(k, n, confidence);

  const summarise = (rows: readonly number[], name: string): AttritionGroup => {
    let n = 0, D = 0, L = 0, DL = 0, excluded = 0;
    for (const i of rows) {
      const s = satisfaction[i];
      if (Number.isNaN(s) || flag[i] < 0 || (screened && screened.reason[i] !== null)) {
        excluded++;
        continue;
      }
      n++;
      const d = dissSet.has(s);
      if (d) D++;
      if (flag[i] === 1) {
        L++;
        if (d) DL++;
      }
    }
    const S = n - D, SL = L - DL;
    const warnings: Message[] = [];
    if (n === 0) warnings.push(msg.noRespondents({ what: name }));
    let rr = { estimate: NaN, ci: [NaN, NaN] as [number, number], pValue: NaN };
    if (D === 0 && n > 0) warnings.push(msg.noDissatisfied({ group: name }));
    else if (S === 0 && n > 0) warnings.push(msg.noSatisfied({ group: name }));
    else if (n > 0) {
      const r = riskRatio(DL, D, SL, S, { confidence });
      rr = { estimate: r.estimate, ci: r.ci, pValue: r.pValue };
      if (DL === 0 || SL === 0) warnings.push(msg.zeroCellRiskRatio({ group: name }));
      else if (Math.min(DL, D - DL, SL, S - SL) < minCell) warnings.push(msg.lowExpected({ group: name, min: minCell }));
    }
    // Rule of thumb: L/D against factor, paired-proportion delta method.
    const ratio = L / D;
    let seLog = NaN, ci: [number, number] = [NaN, NaN], pValue = NaN;
    if (L > 0 && D > 0) {
      const b = L - DL, c = D - DL;
      seLog = Math.sqrt((b + c) / (L * D));
      const l = Math.log(ratio);
      ci = [Math.exp(l - z * seLog), Math.exp(l + z * seLog)];
      const dev = l - Math.log(factor);
      pValue = seLog > 0 ? 2 * normalSf(Math.abs(dev) / seLog) : dev === 0 ? 1 : 0;
    } else if (n > 0) warnings.push(msg.ruleOfThumbUndefined({ group: name }));
    return {
      name,
      n,
      counts: { dissatisfied: D, satisfied: S, left: L, dissatisfiedLeft: DL, satisfiedLeft: SL },
      dissatisfiedRate: D / n,
      dissatisfiedRateCI: wilson(D, n),
      attritionRate: L / n,
      attritionRateCI: wilson(L, n),
      attritionAmongDissatisfied: D > 0 ? DL / D : NaN,
      attritionAmongDissatisfiedCI: wilson(DL, D),
      attritionAmongSatisfied: S > 0 ? SL / S : NaN,
      attritionAmongSatisfiedCI: wilson(SL, S),
      riskRatio: rr.estimate,
      riskRatioCI: rr.ci,
      riskRatioPValue: rr.pValue,
      ruleOfThumb: { factor, ratio, ci, seLog, pValue, consistent: ci[0] <= factor && factor <= ci[1] },
      excluded,
      warnings,
    };
  };

  const groups = [summarise(allRows(satisfaction.length), 'all')];
  const result: AttritionResult = {
    method: 'attrition vs dissatisfaction: Wilson intervals for rates, Katz log interval for the risk ratio, paired-proportion Wald interval for attrition/dissatisfaction',
    confidence,
    dissatisfiedValues: dissValues,
    groups,
    warnings: [],
  };
  if (options.by !== undefined) {
    checkSegments(fn, options.by, satisfaction.length);
    const seg = splitSegments(options.by, options.segmentOrder);
    seg.names.forEach((name, g) => groups.push(summarise(seg.rows[g], name)));
    result.unknownSegment = seg.unknown;
  }
  for (const g of groups) result.warnings.push(...g.warnings);
  return result;
}

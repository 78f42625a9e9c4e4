import type { Message } from '@satlab/messages';
import { pAdjust, welchTTest } from '@satlab/stats';
import { msg } from './messages.js';
import type { InvalidPolicy, Numbers, ValueSource } from './util.js';
import { checkConfidence, checkNumbers, checkScale, screenValues } from './util.js';

/** One attribute rated by customers and, on the same questionnaire, by staff estimating the customers' answers. */
export interface MirrorAttribute {
  name: string;
  /** Customers' ratings (NaN = missing). */
  customers: Numbers;
  /** Staff's estimates of the customers' ratings (NaN = missing). */
  staff: Numbers;
  customersSource?: ValueSource;
  staffSource?: ValueSource;
}

/** Options of {@link mirrorSurvey}. */
export interface MirrorOptions {
  /** Confidence level of the gap intervals. Default 0.95. */
  confidence?: number;
  /** Significance level for `significant`, on Holm-adjusted p-values. Default 0.05. */
  alpha?: number;
  /** Multiple-testing adjustment across attributes: `"holm"` (default, R `p.adjust(p, "holm")`) or `"none"`. */
  adjust?: 'holm' | 'none';
  /** Rating scale [min, max]; values outside are refused (or excluded). Default none. */
  scale?: readonly [number, number];
  invalid?: InvalidPolicy;
}

export interface MirrorGap {
  name: string;
  nCustomers: number;
  nStaff: number;
  customerMean: number;
  staffMean: number;
  /** staffMean − customerMean: > 0 staff overestimate the customers' satisfaction, < 0 internal devaluation. */
  gap: number;
  /** Welch interval of the gap. */
  ci: [number, number];
  /** Welch t statistic and Satterthwaite df. */
  statistic: number;
  df: number;
  pValue: number;
  /** p-value after the chosen adjustment. */
  pAdjusted: number;
  significant: boolean;
  /** `staff-overestimate`, `staff-underestimate` (internal devaluation) when significant, else `aligned`. */
  reading: 'staff-overestimate' | 'staff-underestimate' | 'aligned';
}

export interface MirrorResult {
  method: string;
  confidence: number;
  alpha: number;
  adjust: 'holm' | 'none';
  attributes: MirrorGap[];
  /** Mean of the gaps across attributes: the overall tendency (the BTS MUC course's "Entreprise B : forte dévalorisation interne" is a clearly negative value). */
  meanGap: number;
  /** Mean of |gap|: how far staff are from their customers overall. */
  meanAbsoluteGap: number;
  warnings: Message[];
}

/**
 * Mirror survey gaps (the BTS MUC course « Satisfaction et fidélité », "enquêtes miroirs"): staff answer the customers' questionnaire
 * as they think customers answered it; per attribute, the gap staff mean − customer mean with
 * Welch's t-test and interval (R `t.test(staff, customers)`, unequal variances), p-values
 * adjusted across attributes by Holm (R `p.adjust(p, "holm")`) unless `adjust: "none"`.
 * A significant positive gap means staff overestimate their customers' satisfaction (blind
 * spots); a significant negative gap is an internal devaluation.
 *
 * Assumptions: customers and staff are independent samples; ratings treated as interval data.
 *
 * @throws {InputError} a rating outside `scale` when `invalid` is "error".
 * @throws {RangeError|TypeError} no attribute, duplicate names, bad options.
 * @example
 * mirrorSurvey({ attributes: [{ name: 'Accueil', customers: [3, 4, 2, 3, 3], staff: [4, 4, 4, 3, 4] }] }).attributes[0];
 * //=> { name: 'Accueil', customerMean: 3, staffMean: 3.8, gap: 0.8, statistic: 2.13808…,
 * //   df: 6.75862…, pValue: 0.0712250…, reading: 'aligned', … }
 */
export function mirrorSurvey(input: { attributes: readonly MirrorAttribute[] }, options: MirrorOptions = {}): MirrorResult {
  const fn = 'mirrorSurvey';
  const list = input?.attributes;
  if (!Array.isArray(list) || list.length === 0) throw new RangeError(`${fn}: input.attributes must be a non-empty array`);
  const confidence = options.confidence ?? 0.95;
  checkConfidence(fn, confidence);
  const alpha = options.alpha ?? 0.05;
  if (typeof alpha !== 'number' || !(alpha > 0 && alpha < 1)) throw new RangeError(`${fn}: options.alpha must be in (0, 1), got ${String(alpha)}`);
  const adjust = options.adjust ?? 'holm';
  if (adjust !== 'holm' && adjust !== 'none') throw new RangeError(`${fn}: options.adjust must be "holm" or "none", got ${JSON.stringify(adjust)}`);
  if (options.scale !== undefined) checkScale(fn, options.scale);
  const rule = options.scale ? { min: options.scale[0], max: options.scale[1], integer: false, reason: `out of scale ${options.scale[0]}-${options.scale[1]}` } : null;
  const warnings: Message[] = [];
  const seen = new Set<string>();
  const rows = list.map((a, k) => {
    if (typeof a?.name !== 'string' || a.name === '') throw new TypeError(`${fn}: input.attributes[${k}].name must be a non-empty string`);
    if (seen.has(a.name)) throw new RangeError(`${fn}: attribute name "${a.name}" appears twice`);
    seen.add(a.name);
    checkNumbers(fn, `input.attributes[${k}].customers`, a.customers);
    checkNumbers(fn, `input.attributes[${k}].staff`, a.staff);
    const keep = (xs: Numbers, src?: ValueSource): number[] => {
      const s = screenValues(fn, xs, rule, options.invalid ?? 'error', src);
      const out: number[] = [];
      for (let i = 0; i < xs.length; i++) if (s.reason[i] === null) out.push(xs[i]);
      return out;
    };
    const c = keep(a.customers, a.customersSource);
    const s = keep(a.staff, a.staffSource);
    const m = (xs: number[]): number => (xs.length ? xs.reduce((u, v) => u + v, 0) / xs.length : NaN);
    let t = { statistic: NaN, df: NaN, pValue: NaN, ci: [NaN, NaN] as [number, number] };
    if (c.length < 2) warnings.push(msg.mirrorSmall({ name: a.name, side: 'customer', n: c.length }));
    else if (s.length < 2) warnings.push(msg.mirrorSmall({ name: a.name, side: 'staff', n: s.length }));
    else {
      const w = welchTTest(s, c, { confidence });
      if (!Number.isFinite(w.statistic)) warnings.push(msg.mirrorZeroVariance({ name: a.name }));
      t = { statistic: w.statistic, df: w.df, pValue: w.pValue, ci: [w.ci[0], w.ci[1]] };
    }
    return { name: a.name, nCustomers: c.length, nStaff: s.length, customerMean: m(c), staffMean: m(s), ...t };
  });
  const p = rows.map((r) => r.pValue);
  const pAdj = pAdjust(p, adjust);
  const attributes: MirrorGap[] = rows.map((r, k) => {
    const gap = r.staffMean - r.customerMean;
    const significant = pAdj[k] < alpha;
    return {
      name: r.name,
      nCustomers: r.nCustomers,
      nStaff: r.nStaff,
      customerMean: r.customerMean,
      staffMean: r.staffMean,
      gap,
      ci: r.ci,
      statistic: r.statistic,
      df: r.df,
      pValue: r.pValue,
      pAdjusted: pAdj[k],
      significant,
      reading: significant ? (gap > 0 ? 'staff-overestimate' : 'staff-underestimate') : 'aligned',
    };
  });
  const gaps = attributes.map((a) => a.gap).filter((g) => Number.isFinite(g));
  return {
    method: `mirror survey: staff - customer mean per attribute, Welch t-test${adjust === 'holm' ? ', Holm-adjusted p-values' : ''}`,
    confidence,
    alpha,
    adjust,
    attributes,
    meanGap: gaps.length ? gaps.reduce((u, v) => u + v, 0) / gaps.length : NaN,
    meanAbsoluteGap: gaps.length ? gaps.reduce((u, v) => u + Math.abs(v), 0) / gaps.length : NaN,
    warnings,
  };
}

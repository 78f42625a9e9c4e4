import type { Message } from '@satlab/messages';
import type { RetentionRoiInput, RetentionRoiResult } from '@satlab/survey';
import { retentionRoi } from '@satlab/survey';
import type { RetentionFeedback } from './measureRetention.js';
import { msg } from './messages.js';

/** The calculator's inputs other than the retention rate. */
export type RoiInputs = Omit<RetentionRoiInput, 'retentionRate'>;

/**
 * Inputs of the AMARC/Eloquant calculator (« ROI process Écoute Clients »): 12 000
 * customers surveyed a year, 15 % response, 20 % dissatisfied, 50 € to acquire a customer, 250 €
 * of annual revenue per customer, 24 000 € for the survey process; the assumed retention rate is
 * `SEED_ASSUMED_RETENTION` (70 %).
 */
export const SEED_ROI_INPUTS: Readonly<RoiInputs> = Object.freeze({
  surveyed: 12000,
  responseRate: 0.15,
  dissatisfiedRate: 0.2,
  acquisitionCost: 50,
  annualRevenue: 250,
  processCost: 24000,
});

/** The AMARC/Eloquant calculator's « taux de conservation de clients insatisfaits (gain vs aucune action) »: 70 %. */
export const SEED_ASSUMED_RETENTION = 0.7;

/** Options of {@link feedbackRoi}. */
export interface FeedbackRoiOptions {
  /** Calculator inputs (all but the retention rate), field by field. Default `SEED_ROI_INPUTS`. */
  inputs?: Partial<RoiInputs>;
  /** The assumed retention gain of the calculator. Default 0.7 (AMARC/Eloquant calculator). */
  assumedRetentionRate?: number;
  /** Measured share of dissatisfied respondents (e.g. `detection.flaggedShare`), used in the measured chain. Default: the input's. */
  measuredDissatisfiedRate?: number;
  /** Measured response rate, used in the measured chain. Default: the input's. */
  measuredResponseRate?: number;
  /** Round counts down to whole customers (`retentionRoi` option). Default false. */
  wholeCustomers?: boolean;
}

/** Result of {@link feedbackRoi}: the calculator's chain on assumed and on measured rates, side by side. */
export interface FeedbackRoiResult {
  method: string;
  simulated: boolean;
  assumedRetentionRate: number;
  /** The measured uplift (NaN when it could not be measured). */
  measuredRetentionRate: number;
  /** Its confidence interval (NaN bounds when unknown). */
  measuredRetentionCi: [number, number];
  /** The rate the measured chain used: the uplift clipped to [0, 1]. */
  usedRetentionRate: number;
  /** The chain with the assumed rates. */
  assumed: RetentionRoiResult;
  /** The chain with the measured rates (null when the uplift is unknown). */
  measured: RetentionRoiResult | null;
  /** The measured chain at the bounds of the uplift's interval (clipped to [0, 1]). */
  measuredLow: RetentionRoiResult | null;
  measuredHigh: RetentionRoiResult | null;
  /** measured − assumed, for the counts and amounts. */
  difference: { dissatisfiedDetected: number; customersRetained: number; totalGain: number; roi: number } | null;
  warnings: Message[];
}

const clip = (x: number): number => Math.min(1, Math.max(0, x));

/**
 * The AMARC/Eloquant ROI chain computed twice, with `retentionRoi` from @satlab/survey: once with the
 * assumed « taux de conservation (gain vs aucune action) » (70 % in the calculator) and once with the
 * measured one — the uplift of `measureRetention` (retention of treated − untreated dissatisfied
 * customers) — and, when given, the measured dissatisfied and response rates; plus the measured
 * chain at the two bounds of the uplift's interval, so that the uncertainty shows in euros.
 *
 * An uplift ≤ 0 (the callbacks kept nobody more) is used as 0, with a warning; the interval
 * bounds are clipped to [0, 1]. When the measured rates equal the assumed ones the two chains are
 * identical (with the calculator's inputs: 360 detected, 252 kept, 12 600 + 63 000 = 75 600 €, ROI 51 600 €).
 *
 * @param measured `measureRetention`'s result, or a measured uplift as a number in [−1, 1].
 * @param options calculator inputs (default: the AMARC/Eloquant calculator's), assumed rate (0.7), measured rates.
 * @throws {RangeError} as `retentionRoi` (a rate outside [0, 1], a negative amount); a number
 *   `measured` outside [−1, 1].
 * @example
 * feedbackRoi(0.7).measured;
 * //=> { respondents: 1800, dissatisfiedDetected: 360, customersRetained: 252, acquisitionSavings: 12600,
 * //     revenueKept: 63000, totalGain: 75600, roi: 51600, … }
 * feedbackRoi(0.08).measured?.roi; //=> -15360   (360 × 0.08 × 300 − 24 000)
 */
export function feedbackRoi(measured: RetentionFeedback | number, options: FeedbackRoiOptions = {}): FeedbackRoiResult {
  const fn = 'feedbackRoi';
  let rate: number;
  let ci: [number, number];
  let simulated = false;
  const warnings: Message[] = [];
  if (typeof measured === 'number') {
    if (!(measured >= -1 && measured <= 1)) throw new RangeError(`${fn}: measured must be an uplift in [-1, 1], got ${measured}`);
    rate = measured;
    ci = [NaN, NaN];
  } else if (typeof measured === 'object' && measured !== null && 'uplift' in measured) {
    rate = measured.uplift;
    ci = [measured.upliftCi[0], measured.upliftCi[1]];
    simulated = measured.simulated;
    if (simulated) warnings.push(msg.simulated());
  } else {
    throw new TypeError(`${fn}: measured must be the result of measureRetention or a number, got ${String(measured)}`);
  }
  const inputs: RoiInputs = { ...SEED_ROI_INPUTS, ...(options.inputs ?? {}) };
  const assumedRate = options.assumedRetentionRate ?? SEED_ASSUMED_RETENTION;
  const opts = { wholeCustomers: options.wholeCustomers ?? false };
  const assumed = retentionRoi({ ...inputs, retentionRate: assumedRate }, opts);
  const measuredInputs: RoiInputs = {
    ...inputs,
    ...(options.measuredDissatisfiedRate !== undefined ? { dissatisfiedRate: options.measuredDissatisfiedRate } : {}),
    ...(options.measuredResponseRate !== undefined ? { responseRate: options.measuredResponseRate } : {}),
  };
  let chain: RetentionRoiResult | null = null;
  let low: RetentionRoiResult | null = null;
  let high: RetentionRoiResult | null = null;
  const used = Number.isNaN(rate) ? NaN : clip(rate);
  if (!Number.isNaN(rate)) {
    if (rate <= 0) warnings.push(msg.negativeUplift({ uplift: rate }));
    chain = retentionRoi({ ...measuredInputs, retentionRate: used }, opts);
    if (Number.isFinite(ci[0]) && Number.isFinite(ci[1])) {
      low = retentionRoi({ ...measuredInputs, retentionRate: clip(ci[0]) }, opts);
      high = retentionRoi({ ...measuredInputs, retentionRate: clip(ci[1]) }, opts);
    }
  }
  return {
    method: 'AMARC/Eloquant retention ROI chain (retentionRoi) with the assumed retention gain and with the measured uplift (treated − untreated retention)',
    simulated,
    assumedRetentionRate: assumedRate,
    measuredRetentionRate: rate,
    measuredRetentionCi: ci,
    usedRetentionRate: used,
    assumed,
    measured: chain,
    measuredLow: low,
    measuredHigh: high,
    difference: chain
      ? {
          dissatisfiedDetected: chain.dissatisfiedDetected - assumed.dissatisfiedDetected,
          customersRetained: chain.customersRetained - assumed.customersRetained,
          totalGain: chain.totalGain - assumed.totalGain,
          roi: chain.roi - assumed.roi,
        }
      : null,
    warnings,
  };
}

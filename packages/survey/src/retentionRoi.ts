import type { Message } from '@satlab/messages';
import { msg } from './messages.js';
import { checkFiniteNumber, cleanDecimal } from './util.js';

/** Inputs of the retention ROI calculator (AMARC/Eloquant, "ROI process Écoute Clients"). */
export interface RetentionRoiInput {
  /** Customers surveyed per year ("Nombre de sondés ciblés/an"), e.g. 12 000. */
  surveyed: number;
  /** Average response rate, 0–1 ("Taux de réponse moyen"), e.g. 0.15. */
  responseRate: number;
  /** Share of respondents who are dissatisfied, 0–1 ("Taux de clients insatisfaits"), e.g. 0.2. */
  dissatisfiedRate: number;
  /** Share of the detected dissatisfied customers kept thanks to the follow-up, 0–1 ("Taux de conservation … gain vs aucune action"), e.g. 0.7. */
  retentionRate: number;
  /** Cost of acquiring a new customer, € ("Coût d'acquisition d'un client nouveau"), e.g. 50. */
  acquisitionCost: number;
  /** Average annual revenue per customer, € ("CA moyen annuel par client"), e.g. 250. */
  annualRevenue: number;
  /** Annual cost of the survey process, € ("Coût annuel process enquête"), e.g. 24 000. */
  processCost: number;
}

/** Options of {@link retentionRoi}. */
export interface RetentionRoiOptions {
  /**
   * Round the detected and retained counts down to whole customers before computing amounts.
   * Default `false`, as in the calculator's spreadsheet (expected values).
   */
  wholeCustomers?: boolean;
}

export interface RetentionRoiResult {
  method: string;
  inputs: RetentionRoiInput;
  /** surveyed × responseRate. */
  respondents: number;
  /** respondents × dissatisfiedRate ("Nombre de clients insatisfaits détectés"). */
  dissatisfiedDetected: number;
  /** dissatisfiedDetected × retentionRate ("… conservés"). */
  customersRetained: number;
  /** customersRetained × acquisitionCost ("Économie réalisée en gain de clients"). */
  acquisitionSavings: number;
  /** customersRetained × annualRevenue ("CA conservé"). */
  revenueKept: number;
  /** acquisitionSavings + revenueKept ("Total Revenu"). */
  totalGain: number;
  processCost: number;
  /** totalGain − processCost ("TOTAL ROI annuel"): a net gain in €, not a ratio. */
  roi: number;
  /** roi / processCost: net gain per euro spent (NaN when the process costs nothing). */
  roiRatio: number;
  /** Retention rate at which roi = 0 with the other inputs fixed (> 1: never pays). */
  breakEvenRetentionRate: number;
  /** Response rate at which roi = 0 with the other inputs fixed. */
  breakEvenResponseRate: number;
  warnings: Message[];
}

function checkInput(fn: string, input: RetentionRoiInput): void {
  if (typeof input !== 'object' || input === null) throw new TypeError(`${fn}: input must be an object of the seven calculator inputs`);
  checkFiniteNumber(fn, 'input.surveyed', input.surveyed, { min: 0 });
  for (const k of ['responseRate', 'dissatisfiedRate', 'retentionRate'] as const) checkFiniteNumber(fn, `input.${k}`, input[k], { min: 0, max: 1 });
  for (const k of ['acquisitionCost', 'annualRevenue', 'processCost'] as const) checkFiniteNumber(fn, `input.${k}`, input[k], { min: 0 });
}

/**
 * The AMARC/Eloquant retention ROI calculator ("Calculateur CA conservé via suivi clients
 * insatisfaits"), exactly its chain:
 * surveyed × response rate = respondents; × dissatisfied rate = dissatisfied detected;
 * × retention rate = customers retained; × acquisition cost = acquisition savings;
 * × annual revenue = revenue kept; savings + revenue kept = total gain;
 * total gain − process cost = annual ROI (a net amount in €).
 *
 * Figures are expected values (fractions of customers allowed, as in the calculator's spreadsheet)
 * rounded to 12 significant digits to remove binary floating-point noise (in doubles
 * 12000 × 0.15 × 0.2 × 0.7 = 251.99999999999997); `wholeCustomers` rounds the counts down instead.
 * Break-even rates: retention* = processCost / (dissatisfiedDetected·(acquisitionCost + annualRevenue)),
 * response* = processCost / (surveyed·dissatisfiedRate·retentionRate·(acquisitionCost + annualRevenue)).
 *
 * @throws {RangeError} a negative or non-finite input, a rate outside [0, 1].
 * @example
 * retentionRoi({ surveyed: 12000, responseRate: 0.15, dissatisfiedRate: 0.2, retentionRate: 0.7,
 *   acquisitionCost: 50, annualRevenue: 250, processCost: 24000 });
 * //=> { respondents: 1800, dissatisfiedDetected: 360, customersRetained: 252,
 * //   acquisitionSavings: 12600, revenueKept: 63000, totalGain: 75600, roi: 51600,
 * //   roiRatio: 2.15, … }
 */
export function retentionRoi(input: RetentionRoiInput, options: RetentionRoiOptions = {}): RetentionRoiResult {
  const fn = 'retentionRoi';
  checkInput(fn, input);
  const whole = options.wholeCustomers ?? false;
  const round = (x: number): number => (whole ? Math.floor(cleanDecimal(x)) : cleanDecimal(x));
  const respondents = round(input.surveyed * input.responseRate);
  const dissatisfiedDetected = round(respondents * input.dissatisfiedRate);
  const customersRetained = round(dissatisfiedDetected * input.retentionRate);
  const acquisitionSavings = cleanDecimal(customersRetained * input.acquisitionCost);
  const revenueKept = cleanDecimal(customersRetained * input.annualRevenue);
  const totalGain = cleanDecimal(acquisitionSavings + revenueKept);
  const roi = cleanDecimal(totalGain - input.processCost);
  const perCustomer = input.acquisitionCost + input.annualRevenue;
  const detectedExact = input.surveyed * input.responseRate * input.dissatisfiedRate;
  const breakEvenRetentionRate = cleanDecimal(input.processCost / (detectedExact * perCustomer));
  const breakEvenResponseRate = cleanDecimal(input.processCost / (input.surveyed * input.dissatisfiedRate * input.retentionRate * perCustomer));
  return {
    method: 'retention ROI chain of the AMARC/Eloquant calculator: expected counts, amounts in the currency of the inputs',
    inputs: { ...input },
    respondents,
    dissatisfiedDetected,
    customersRetained,
    acquisitionSavings,
    revenueKept,
    totalGain,
    processCost: input.processCost,
    roi,
    roiRatio: input.processCost > 0 ? cleanDecimal(roi / input.processCost) : NaN,
    breakEvenRetentionRate,
    breakEvenResponseRate,
    warnings: whole ? [msg.roiWholeCustomers()] : [],
  };
}

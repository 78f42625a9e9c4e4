import type { RetentionRoiInput, RetentionRoiOptions } from './retentionRoi.js';
import { retentionRoi } from './retentionRoi.js';

/** Options of {@link retentionRoiSensitivity}. */
export interface RoiSensitivityOptions extends RetentionRoiOptions {
  /** Retention rates of the rows. Default 0.3, 0.4, …, 0.9 plus the input's rate. */
  retentionRates?: readonly number[];
  /** Response rates of the columns. Default 0.05, 0.10, …, 0.30 plus the input's rate. */
  responseRates?: readonly number[];
}

export interface RoiSensitivityResult {
  method: string;
  /** Row values (ascending). */
  retentionRates: number[];
  /** Column values (ascending). */
  responseRates: number[];
  /** roi[row][col]: annual ROI (net gain, €) at retentionRates[row] and responseRates[col]. */
  roi: number[][];
  /** Position of the input's own rates in the table. */
  base: { row: number; col: number };
}

function grid(defaults: number[], extra: number, given: readonly number[] | undefined, fn: string, name: string): number[] {
  const xs = given ? [...given] : [...defaults, extra];
  for (const x of xs) if (typeof x !== 'number' || !(x >= 0 && x <= 1)) throw new RangeError(`${fn}: options.${name} must hold rates in [0, 1], got ${String(x)}`);
  return [...new Set(xs.map((x) => Number(x.toPrecision(12))))].sort((a, b) => a - b);
}

/**
 * Sensitivity table of the AMARC/Eloquant retention ROI (see {@link retentionRoi}) over retention
 * rates (rows) and response rates (columns), the other inputs fixed. ROI is linear in each
 * rate, so the table also shows where it turns negative.
 *
 * @throws {RangeError} as `retentionRoi`, or a rate outside [0, 1] in the grids.
 * @example
 * const inputs = { surveyed: 12000, responseRate: 0.15, dissatisfiedRate: 0.2, retentionRate: 0.7, acquisitionCost: 50, annualRevenue: 250, processCost: 24000 };
 * retentionRoiSensitivity(inputs, { retentionRates: [0.5, 0.7], responseRates: [0.1, 0.15] }).roi;
 * //=> [[12000, 30000], [26400, 51600]]
 */
export function retentionRoiSensitivity(input: RetentionRoiInput, options: RoiSensitivityOptions = {}): RoiSensitivityResult {
  const fn = 'retentionRoiSensitivity';
  retentionRoi(input, options); // validates the inputs
  const retentionRates = grid([0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9], input.retentionRate, options.retentionRates, fn, 'retentionRates');
  const responseRates = grid([0.05, 0.1, 0.15, 0.2, 0.25, 0.3], input.responseRate, options.responseRates, fn, 'responseRates');
  const roi = retentionRates.map((rr) => responseRates.map((rs) => retentionRoi({ ...input, retentionRate: rr, responseRate: rs }, options).roi));
  const key = (x: number): number => Number(x.toPrecision(12));
  return {
    method: 'retention ROI (AMARC/Eloquant calculator) recomputed over a grid of retention rates (rows) and response rates (columns)',
    retentionRates,
    responseRates,
    roi,
    base: { row: retentionRates.indexOf(key(input.retentionRate)), col: responseRates.indexOf(key(input.responseRate)) },
  };
}

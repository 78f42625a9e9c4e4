import type { Message } from '@satlab/messages';
import { msg } from './messages.js';
import { normalQuantile, normalSf } from '@satlab/stats';
import { checkConfidence } from './util.js';

/** Options of {@link riskRatio}. */
export interface RiskRatioOptions {
  /** Confidence level. Default 0.95. */
  confidence?: number;
}

export interface RiskRatioResult {
  method: string;
  /** RR = (a/n1)/(c/n2). */
  estimate: number;
  /** Katz log interval. */
  ci: [number, number];
  /** Standard error of log RR: √(1/a − 1/n1 + 1/c − 1/n2). */
  seLog: number;
  /** Two-sided Wald p-value of H0: RR = 1, from z = log RR / seLog. */
  pValue: number;
  /** Risks (a/n1, c/n2). */
  risks: [number, number];
  confidence: number;
  warnings: Message[];
}

function checkCount(fn: string, name: string, x: number): void {
  if (typeof x !== 'number' || !Number.isInteger(x) || x < 0) throw new RangeError(`${fn}: ${name} must be a non-negative integer, got ${String(x)}`);
}

/**
 * Risk ratio of two independent groups, (a/n1)/(c/n2), with the Katz log interval
 * (Katz, Baptista, Azen & Pike 1978, Biometrics 34: 469–474):
 * exp(log RR ± z·√(1/a − 1/n1 + 1/c − 1/n2)). Matches R
 * `epitools::riskratio(matrix(c(n2 - c, c, n1 - a, a), 2, byrow = TRUE), method = "wald")`
 * (rows: reference group then index group; columns: no event then event).
 * The p-value is the Wald test of log RR = 0 (epitools reports Fisher and χ² p-values instead).
 *
 * With a = 0 or c = 0 the interval is undefined: estimate 0 or ∞, interval NaN and a warning
 * (no continuity correction is added).
 *
 * @throws {RangeError} counts that are not non-negative integers, events > group size, an empty group.
 * @example
 * riskRatio(30, 100, 10, 100);
 * //=> { estimate: 3, ci: [1.55082…, 5.80334…], seLog: 0.336650…, pValue: 0.00110097…, … }
 */
export function riskRatio(a: number, n1: number, c: number, n2: number, options: RiskRatioOptions = {}): RiskRatioResult {
  const fn = 'riskRatio';
  checkCount(fn, 'a', a);
  checkCount(fn, 'n1', n1);
  checkCount(fn, 'c', c);
  checkCount(fn, 'n2', n2);
  if (a > n1) throw new RangeError(`${fn}: a (${a}) cannot exceed n1 (${n1})`);
  if (c > n2) throw new RangeError(`${fn}: c (${c}) cannot exceed n2 (${n2})`);
  if (n1 === 0 || n2 === 0) throw new RangeError(`${fn}: both groups need at least one member, got n1 = ${n1}, n2 = ${n2}`);
  const confidence = options.confidence ?? 0.95;
  checkConfidence(fn, confidence);
  const r1 = a / n1, r2 = c / n2;
  const estimate = r1 / r2;
  const warnings: Message[] = [];
  let seLog = NaN, ci: [number, number] = [NaN, NaN], pValue = NaN;
  if (a > 0 && c > 0) {
    seLog = Math.sqrt(1 / a - 1 / n1 + 1 / c - 1 / n2);
    const z = normalQuantile(1 - (1 - confidence) / 2);
    const l = Math.log(estimate);
    ci = [Math.exp(l - z * seLog), Math.exp(l + z * seLog)];
    pValue = seLog > 0 ? 2 * normalSf(Math.abs(l) / seLog) : l === 0 ? 1 : 0;
  } else {
    warnings.push(msg.riskRatioNoEvent());
  }
  return { method: 'risk ratio, Katz log (Wald) interval', estimate, ci, seLog, pValue, risks: [r1, r2], confidence, warnings };
}

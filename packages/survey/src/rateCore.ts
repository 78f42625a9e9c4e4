import type { Message } from '@satlab/messages';
/** Internal: a count over a base with its Wilson interval (shared by the course's rate formulas). */
import { wilsonInterval } from '@satlab/stats';
import { checkConfidence } from './util.js';

export interface RateResult {
  method: string;
  /** The share, 0–1. */
  rate: number;
  /** Wilson score interval (R `prop.test(k, n, correct = FALSE)$conf.int`). */
  ci: [number, number];
  /** Numerator and base. */
  count: number;
  base: number;
  confidence: number;
  warnings: Message[];
}

export function rateWithWilson(fn: string, countName: string, count: number, baseName: string, base: number, confidence: number, method: string): RateResult {
  for (const [name, x] of [[countName, count], [baseName, base]] as const) {
    if (typeof x !== 'number' || !Number.isInteger(x) || x < 0) throw new RangeError(`${fn}: ${name} must be a non-negative integer, got ${String(x)}`);
  }
  if (count > base) throw new RangeError(`${fn}: ${countName} (${count}) cannot exceed ${baseName} (${base})`);
  if (base === 0) throw new RangeError(`${fn}: ${baseName} must be at least 1, got 0`);
  checkConfidence(fn, confidence);
  const w = wilsonInterval(count, base, { confidence });
  return { method, rate: count / base, ci: [w.lower, w.upper], count, base, confidence, warnings: [] };
}

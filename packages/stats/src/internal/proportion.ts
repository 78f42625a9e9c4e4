import type { Message } from '@satlab/messages';
/** Internal: validation of counts for the proportion functions. */
export function checkCount(fn: string, successes: unknown, n: unknown): { x: number; n: number } {
  if (typeof n !== 'number' || !Number.isFinite(n) || n < 0) throw new RangeError(`${fn}: n must be a finite number ≥ 0, got ${String(n)}`);
  if (typeof successes !== 'number' || !Number.isFinite(successes) || successes < 0 || successes > n) {
    throw new RangeError(`${fn}: successes must be a finite number in [0, n = ${n}], got ${String(successes)}`);
  }
  return { x: successes, n };
}

/** Result of a one-sample proportion interval. */
export interface ProportionInterval {
  /** Sample proportion successes / n. */
  estimate: number;
  lower: number;
  upper: number;
  successes: number;
  n: number;
  confidence: number;
  method: 'Wilson score' | 'Clopper-Pearson';
  warnings: Message[];
}

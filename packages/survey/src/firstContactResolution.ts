import type { Message } from '@satlab/messages';
import { msg } from './messages.js';
import type { SegmentOptions } from './util.js';
import { addSegmentGroups, allRows, checkConfidence, wilsonCi } from './util.js';

/** Options of {@link firstContactResolution}. */
export interface FcrOptions extends SegmentOptions {
  /** Confidence level of the Wilson interval. Default 0.95. */
  confidence?: number;
}

export interface FcrSummary {
  /** Contacts with a known outcome. */
  n: number;
  /** Contacts resolved at the first contact. */
  resolved: number;
  /** FCR rate, resolved / n, 0–1. */
  rate: number;
  /** Wilson score interval of the rate. */
  ci: [number, number];
  /** Contacts with an unknown outcome (null/NaN), set aside. */
  excluded: number;
  warnings: Message[];
}

export interface FcrResult extends FcrSummary {
  method: string;
  confidence: number;
  groups?: (FcrSummary & { name: string })[];
  unknownSegment?: number;
}

/**
 * First-contact resolution rate: the share of contacts whose problem was solved at the first
 * contact, with a Wilson score interval (R `prop.test(k, n, correct = FALSE)$conf.int`).
 * Outcomes are booleans, or numbers 1 (resolved) / 0 (not resolved); `null` and `NaN` are
 * unknown and set aside (counted in `excluded`).
 *
 * @throws {TypeError} an outcome that is not a boolean, 0, 1, null or NaN.
 * @example
 * firstContactResolution([true, true, false, true, null]);
 * //=> { n: 4, resolved: 3, rate: 0.75, ci: [0.300641…, 0.954412…], excluded: 1, … }
 */
export function firstContactResolution(resolved: readonly (boolean | number | null | undefined)[], options: FcrOptions = {}): FcrResult {
  const fn = 'firstContactResolution';
  if (!Array.isArray(resolved)) throw new TypeError(`${fn}: resolved must be an array of booleans, got ${typeof resolved}`);
  const flag = new Int8Array(resolved.length);
  for (let i = 0; i < resolved.length; i++) {
    const v = resolved[i];
    if (v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v))) flag[i] = -1;
    else if (v === true || v === 1) flag[i] = 1;
    else if (v === false || v === 0) flag[i] = 0;
    else throw new TypeError(`${fn}: resolved[${i}] must be a boolean, 0, 1, null or NaN, got ${JSON.stringify(v)}`);
  }
  const confidence = options.confidence ?? 0.95;
  checkConfidence(fn, confidence);
  const summarise = (rows: readonly number[], label: string): FcrSummary => {
    let n = 0, k = 0, excluded = 0;
    for (const i of rows) {
      if (flag[i] < 0) excluded++;
      else {
        n++;
        k += flag[i];
      }
    }
    const warnings: Message[] = [];
    if (n === 0) warnings.push(msg.noRespondents({ what: label }));
    return { n, resolved: k, rate: n > 0 ? k / n : NaN, ci: wilsonCi(k, n, confidence), excluded, warnings };
  };
  const result: FcrResult = { method: 'first-contact resolution rate, Wilson score interval', confidence, ...summarise(allRows(resolved.length), 'all') };
  // Group warnings (a segment with no known outcome) stay in the groups.
  addSegmentGroups(fn, result, options, resolved.length, summarise, false);
  return result;
}

import type { Message } from '@satlab/messages';
import { msg } from './messages.js';
import { SEGMENT_VALUE_ORDER } from './segmentValueOrder.js';
import type { CustomerValue, CustomerValues } from './types.js';

/** Per-customer columns for {@link customerValues}: ids and an amount and/or a segment per customer. */
export interface CustomerValuesInput {
  ids: readonly (string | null)[];
  /** Monetary value (RFM monetary, revenue, premium…), NaN when unknown. */
  amounts?: Float64Array | readonly number[];
  /** Segment (RFM segment or any ranked category), null when unknown. */
  segments?: readonly (string | null)[];
}

/** Options of {@link customerValues}. */
export interface CustomerValuesOptions {
  /** What the percentile ranks. Default `'amount'` when amounts are given, else `'segment'`. */
  basis?: 'amount' | 'segment';
  /**
   * Segments from most to least valuable. Default: the order of `SEGMENT_VALUE_ORDER` (BTS or
   * classic RFM map) that knows the most of the segment names.
   */
  segmentOrder?: readonly string[];
  /** Name of the source, for messages. Default `'the customer values'`. */
  source?: string;
  /** Name of the value column, for messages. Default `'amount'` or `'segment'`. */
  column?: string;
}

/**
 * Customer values for the callback queue: each customer's amount and/or segment and the
 * percentile of their value among all customers, the value term of the priority score.
 *
 * Percentile (mid-distribution): q = (number of customers with a lower value + ½ number with an
 * equal value) / N, in (0, 1) — ties share the same percentile, the most valuable customer gets
 * 1 − 1/(2N). With basis `segment` the value is the segment's position in `segmentOrder` (first
 * = most valuable); segments not in the order rank below all others (and are reported).
 * Customers without a valid value (NaN amount, null segment, null id) are left out (reported);
 * repeated ids keep their first row.
 *
 * @throws {TypeError} ids not an array; amounts/segments of another length; basis amount without
 *   amounts, or segment without segments; a segment order that is not a list of texts.
 * @example
 * customerValues({ ids: ['C1', 'C2', 'C3'], amounts: [100, 300, 300] }).byId.get('C2');
 * //=> { segment: null, amount: 300, percentile: 0.6666… }   ((1 + ½·2) / 3)
 * customerValues({ ids: ['C1', 'C2', 'C3'], segments: ['Vedettes', 'Perdus', 'Timides'] }).byId.get('C1');
 * //=> { segment: 'Vedettes', amount: null, percentile: 0.8333… }
 */
export function customerValues(input: CustomerValuesInput, options: CustomerValuesOptions = {}): CustomerValues {
  const fn = 'customerValues';
  if (typeof input !== 'object' || input === null || !Array.isArray(input.ids)) throw new TypeError(`${fn}: input.ids must be an array of customer ids`);
  const n = input.ids.length;
  for (const k of ['amounts', 'segments'] as const) {
    const v = input[k];
    if (v !== undefined && v.length !== n) throw new TypeError(`${fn}: input.${k} has ${v.length} values for ${n} ids`);
  }
  const basis = options.basis ?? (input.amounts ? 'amount' : 'segment');
  if (basis !== 'amount' && basis !== 'segment') throw new TypeError(`${fn}: options.basis must be 'amount' or 'segment', got ${String(basis)}`);
  if (basis === 'amount' && !input.amounts) throw new TypeError(`${fn}: basis 'amount' needs input.amounts`);
  if (basis === 'segment' && !input.segments) throw new TypeError(`${fn}: basis 'segment' needs input.segments`);
  const source = options.source ?? 'the customer values';
  const column = options.column ?? basis;
  const warnings: Message[] = [];

  let order: string[] | undefined;
  const rankOf = new Map<string, number>();
  if (basis === 'segment') {
    const names = new Set(input.segments!.filter((s): s is string => s !== null && s.trim() !== '').map((s) => s.trim()));
    if (options.segmentOrder !== undefined) {
      if (!Array.isArray(options.segmentOrder) || options.segmentOrder.some((s) => typeof s !== 'string')) throw new TypeError(`${fn}: options.segmentOrder must be a list of segment names`);
      order = [...options.segmentOrder];
    } else {
      const known = (list: readonly string[]): number => list.filter((s) => names.has(s)).length;
      order = [...(known(SEGMENT_VALUE_ORDER.bts) >= known(SEGMENT_VALUE_ORDER.classic) ? SEGMENT_VALUE_ORDER.bts : SEGMENT_VALUE_ORDER.classic)];
    }
    order.forEach((s, k) => rankOf.set(s, order!.length - k));
    const unranked = [...names].filter((s) => !rankOf.has(s)).sort();
    if (unranked.length > 0) warnings.push(msg.segmentNotRanked({ names: unranked }));
  }

  // Value of each valid customer (first row of each id).
  const kept: { id: string; value: number; amount: number | null; segment: string | null }[] = [];
  const seen = new Set<string>();
  let invalid = 0;
  let duplicates = 0;
  for (let i = 0; i < n; i++) {
    const raw = input.ids[i];
    const id = typeof raw === 'string' ? raw.trim() : '';
    const amount = input.amounts ? Number(input.amounts[i]) : NaN;
    const segRaw = input.segments?.[i];
    const segment = typeof segRaw === 'string' && segRaw.trim() !== '' ? segRaw.trim() : null;
    const value = basis === 'amount' ? amount : segment === null ? NaN : (rankOf.get(segment) ?? 0);
    if (id === '' || !Number.isFinite(value)) {
      invalid++;
      continue;
    }
    if (seen.has(id)) {
      duplicates++;
      continue;
    }
    seen.add(id);
    kept.push({ id, value, amount: Number.isFinite(amount) ? amount : null, segment });
  }
  if (invalid > 0) warnings.push(msg.valueMissing({ n: invalid, column }));
  if (duplicates > 0) warnings.push(msg.valueDuplicate({ n: duplicates }));

  const sorted = Float64Array.from(kept, (k) => k.value).sort();
  const N = sorted.length;
  const lowerBound = (x: number, strict: boolean): number => {
    let lo = 0, hi = N;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (strict ? sorted[mid] < x : sorted[mid] <= x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const byId = new Map<string, CustomerValue>();
  for (const k of kept) {
    const below = lowerBound(k.value, true);
    const equal = lowerBound(k.value, false) - below;
    byId.set(k.id, { segment: k.segment, amount: k.amount, percentile: (below + 0.5 * equal) / N });
  }
  return { source, basis, column, ...(order ? { segmentOrder: order } : {}), customers: N, byId, warnings };
}

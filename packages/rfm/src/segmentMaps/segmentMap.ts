/**
 * A segment map: names, the rule of each segment on the 1–5 scores, and a lookup table giving
 * the segment of every (R, F, M) combination (5 × 5 × 5 = 125 entries, each exactly one segment).
 */
export interface SegmentMap {
  id: 'classic' | 'bts';
  /** The segments' stable names (JSON keys, CSV values): English for `classic`, French for `bts`. */
  names: readonly string[];
  /** The name of each segment for a reader, in English and French. */
  labels: readonly { en: string; fr: string }[];
  /** The rule of each segment, in English and French. */
  rules: readonly { en: string; fr: string }[];
  /** Where the map comes from. */
  reference: string;
  /** Segment code of scores (r, f, m), each 1–5: `table[(r − 1) * 25 + (f − 1) * 5 + (m − 1)]`. */
  table: Uint8Array;
}

/**
 * FM score: the mean of F and M rounded half up, (F + M + 1) >> 1, on 1–5.
 * @example
 * fmScore(4, 5); //=> 5 (the mean 4.5 rounded half up)
 * fmScore(1, 2); //=> 2
 */
export function fmScore(f: number, m: number): number {
  return (f + m + 1) >> 1;
}

/** Builds the 125-entry table from a rule on (r, fm); throws when a combination has no segment. */
export function buildTable(name: string, rule: (r: number, fm: number) => number): Uint8Array {
  const t = new Uint8Array(125);
  for (let r = 1; r <= 5; r++)
    for (let f = 1; f <= 5; f++)
      for (let m = 1; m <= 5; m++) {
        const c = rule(r, fmScore(f, m));
        if (!(c >= 0)) throw new Error(`segment map ${name}: no segment for R=${r} F=${f} M=${m}`);
        t[(r - 1) * 25 + (f - 1) * 5 + (m - 1)] = c;
      }
  return t;
}

import type { Message } from '@satlab/messages';
import { normalQuantile } from '@satlab/stats';
import type { Table } from '@satlab/data';
import { isColumnTable, resolveByName } from './byName.js';
import type { ByNameSegmentOptions } from './byName.js';
import { msg } from './messages.js';
import type { InvalidPolicy, Numbers, SegmentOptions, SourceOptions } from './util.js';
import { addSegmentGroups, allRows, checkConfidence, checkNumbers, exclusions, screenValues } from './util.js';

/** Options of {@link netPromoterScore}. */
export interface NpsOptions extends SegmentOptions, SourceOptions {
  /** Confidence level of the interval. Default 0.95. */
  confidence?: number;
  /**
   * A value that is not an integer from 0 to 10: `"error"` throws an `InputError` naming it
   * (and its file line when `source.lines` is given), `"exclude"` sets it aside and counts it
   * under `excludedByReason["not an integer 0-10"]`. Default `"error"`.
   */
  invalid?: InvalidPolicy;
  /** Below this many valid answers a warning says the normal interval is unreliable. Default 30. */
  minN?: number;
}

/** NPS of one set of respondents. Shares are 0–1, the score and its interval are in NPS points. */
export interface NpsSummary {
  /** Valid answers (integers 0–10). */
  n: number;
  counts: { promoters: number; passives: number; detractors: number };
  /** Share of promoters (9–10), 0–1. */
  promoters: number;
  /** Share of passives (7–8), 0–1. */
  passives: number;
  /** Share of detractors (0–6), 0–1. */
  detractors: number;
  /** Net Promoter Score, 100·(promoters − detractors), from −100 to 100. */
  nps: number;
  /** Standard error of the NPS in points: 100·√([(p + d) − (p − d)²]/n). */
  se: number;
  /** Half-width of the interval in NPS points: z·se (1.96·se at 95 %). */
  marginOfError: number;
  /** nps ∓ marginOfError, clipped to [−100, 100] (a warning says so when it happens). */
  ci: [number, number];
  /** Answers set aside (missing or invalid). */
  excluded: number;
  /** Count per reason ("missing", "code 99", "out of scale 0-10", "not an integer 0-10"). */
  excludedByReason: Record<string, number>;
  warnings: Message[];
}

export interface NpsGroup extends NpsSummary {
  name: string;
}

export interface NpsResult extends NpsSummary {
  method: string;
  confidence: number;
  /** One entry per segment when `options.by` is given. */
  groups?: NpsGroup[];
  /** Respondents whose segment is unknown (only with `by`); they count in the overall score. */
  unknownSegment?: number;
}

const RULE = { min: 0, max: 10, integer: true, reason: 'not an integer 0-10' };

function summarise(values: Numbers, rows: readonly number[], reason: (string | null)[], z: number, minN: number, label: string): NpsSummary {
  let pro = 0, pas = 0, det = 0;
  for (const i of rows) {
    if (reason[i] !== null) continue;
    const x = values[i];
    if (x >= 9) pro++;
    else if (x >= 7) pas++;
    else det++;
  }
  const n = pro + pas + det;
  const { excluded, byReason, warnings } = exclusions({ reason }, rows, RULE, label, n);
  const p = pro / n, d = det / n;
  const nps = 100 * (p - d);
  const variance = (p + d - (p - d) * (p - d)) / n;
  const se = 100 * Math.sqrt(Math.max(0, variance));
  const me = z * se;
  let lo = nps - me, hi = nps + me;
  if (n > 0) {
    if (n < minN) warnings.push(msg.smallSample({ what: label, n, min: minN }));
    if (pro === n || det === n || pas === n) warnings.push(msg.degenerateNps({ what: label, share: pro === n ? 'promoters' : det === n ? 'detractors' : 'passives' }));
    if (lo < -100 || hi > 100) {
      warnings.push(msg.npsClipped({ what: label, lo, hi }));
      lo = Math.max(-100, lo);
      hi = Math.min(100, hi);
    }
  }
  return {
    n,
    counts: { promoters: pro, passives: pas, detractors: det },
    promoters: p,
    passives: pas / n,
    detractors: d,
    nps,
    se,
    marginOfError: me,
    ci: [lo, hi],
    excluded,
    excludedByReason: byReason,
    warnings,
  };
}

/**
 * Net Promoter Score of 0–10 recommendation answers (Reichheld 2003): promoters answer 9–10,
 * passives 7–8, detractors 0–6; NPS = 100·(p − d) with p, d the shares of promoters and
 * detractors among valid answers.
 *
 * Interval: the answers are one multinomial draw of (promoters, passives, detractors), so
 * Var(p̂ − d̂) = [p(1 − p) + d(1 − d) + 2pd]/n = [(p + d) − (p − d)²]/n (in share units), and
 * the margin of error is z·100·√Var with z = Φ⁻¹(1 − α/2) (normal approximation, Wald). This is
 * the variance of the mean of a score coded +1/0/−1, so it matches R:
 * `x <- ifelse(v >= 9, 1, ifelse(v >= 7, 0, -1)); 100 * qnorm(0.975) * sqrt(mean(x^2) - mean(x)^2) / sqrt(length(x))`.
 * Checked in `test/fixtures/nps.R` against that formula and a 20 000-resample bootstrap
 * (`boot::boot`). Treating promoters and detractors as independent proportions (a common
 * mistake) drops the covariance term and understates the variance by 2pd/n.
 *
 * Assumptions: simple random sample, independent answers; the normal approximation needs a
 * few dozen answers (warning below `minN`), and the interval is clipped to [−100, 100].
 *
 * @throws {InputError} a value that is not an integer 0–10, when `invalid` is "error".
 * @throws {TypeError|RangeError} values not numbers, a bad confidence, `by` of the wrong length.
 * Column-name form: `netPromoterScore(table, "note_recommandation", { by: "région" })` reads
 * the column (its missing codes kept as exclusion reasons) and the segments in the codebook's order.
 * @example
 * netPromoterScore([10, 9, 9, 8, 7, 6, 3, 10, 9, 5]);
 * //=> { n: 10, promoters: 0.5, passives: 0.2, detractors: 0.3, nps: 20, se: 27.5680…,
 * //   marginOfError: 54.0324…, ci: [-34.0324…, 74.0324…], … }
 * netPromoterScore([10, 10, 10, 0]).ci; //=> [-34.8689…, 100] (clipped at −100 and 100)
 */
export function netPromoterScore(table: Table, column: string, options?: Omit<NpsOptions, 'by'> & ByNameSegmentOptions): NpsResult;
export function netPromoterScore(values: Numbers, options?: NpsOptions): NpsResult;
export function netPromoterScore(a: Numbers | Table, b?: string | NpsOptions, c: Omit<NpsOptions, 'by'> & ByNameSegmentOptions = {}): NpsResult {
  const fn = 'netPromoterScore';
  if (isColumnTable(a) && typeof b === 'string') {
    const r = resolveByName<NpsOptions>(fn, a as Table, b, c);
    return netPromoterScore(r.values, r.options);
  }
  const values = a as Numbers;
  const options = (b as NpsOptions | undefined) ?? {};
  checkNumbers(fn, 'values', values);
  const confidence = options.confidence ?? 0.95;
  checkConfidence(fn, confidence);
  const minN = options.minN ?? 30;
  const screened = screenValues(fn, values, RULE, options.invalid ?? 'error', options.source, options.missingReasons);
  const z = normalQuantile(1 - (1 - confidence) / 2);
  const overall = summarise(values, allRows(values.length), screened.reason, z, minN, 'all');
  const result: NpsResult = {
    method: 'Net Promoter Score; multinomial variance [(p+d)-(p-d)^2]/n, normal (Wald) interval clipped to [-100, 100]',
    confidence,
    ...overall,
  };
  addSegmentGroups(fn, result, options, values.length, (rows, name) => summarise(values, rows, screened.reason, z, minN, name));
  return result;
}

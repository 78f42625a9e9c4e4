import type { Message } from '@satlab/messages';
import type { FisherExactTestResult, TwoProportionTest } from '@satlab/stats';
import { fisherExactTest, twoProportionTest, wilsonInterval } from '@satlab/stats';
import { msg } from './messages.js';
import type { Outcomes, RetentionGroup } from './types.js';

/** Options of {@link measureRetention}. */
export interface MeasureRetentionOptions {
  /** Confidence level of the intervals. Default 0.95. */
  confidence?: number;
  /**
   * How the treated customers were chosen. `'random'` (default: a randomized hold-out, the only
   * design that measures the effect of the callback) or `'other'` (e.g. the top of the queue),
   * which adds a selection-bias warning.
   */
  assignment?: 'random' | 'other';
}

/** Result of {@link measureRetention}. */
export interface RetentionFeedback {
  method: string;
  confidence: number;
  simulated: boolean;
  treated: RetentionGroup;
  untreated: RetentionGroup;
  /**
   * treated.rate − untreated.rate: the measured « taux de conservation des clients insatisfaits
   * (gain vs aucune action) » of the AMARC/Eloquant ROI calculator — the share of dissatisfied customers kept because they
   * were treated. NaN when a group is empty.
   */
  uplift: number;
  /** Interval of the uplift: unpooled Wald, as R `prop.test(…, correct = FALSE)$conf.int`. */
  upliftCi: [number, number];
  /** Two-sample z test of equal retention (R `prop.test(c(k1, k2), c(n1, n2), correct = FALSE)`); null when a group is empty. */
  test: TwoProportionTest | null;
  /** Fisher's exact test of the 2 × 2 table treated × kept (R `fisher.test`); null when a group is empty. */
  fisher: FisherExactTestResult | null;
  /** The test to read: Fisher's when an expected count is below 5, else the z test. */
  preferredTest: 'two-proportion z test' | 'fisher exact test' | null;
  /** p-value of the preferred test (NaN when none). */
  pValue: number;
  /** Customers with a known outcome. */
  n: number;
  /** Rows of the outcome data set aside (see `Outcomes.excluded`). */
  excluded: number;
  warnings: Message[];
}

function group(kept: number, n: number, confidence: number): RetentionGroup {
  const ci = wilsonInterval(kept, n, { confidence });
  return { n, kept, left: n - kept, rate: n > 0 ? kept / n : NaN, ci: [ci.lower, ci.upper] };
}

/**
 * Feedback step of dissatisfaction management (Bathelot, « Management de l’insatisfaction client », « remontée »): the real retention of
 * the dissatisfied customers who were treated (called back) and of those who were not, at the
 * next renewal, and the difference — the uplift that the AMARC/Eloquant ROI calculator assumes at 70 %.
 *
 * - Retention per group k/n with a Wilson score interval (R `prop.test(k, n, correct = FALSE)$conf.int`).
 * - Uplift = k₁/n₁ − k₂/n₂, computed as (k₁n₂ − k₂n₁)/(n₁n₂) so that exact rates stay exact
 *   (9/10 − 2/10 = 0.7, not 0.7000000000000001), with the unpooled Wald interval and the
 *   pooled two-sample z test (R `prop.test(c(k1, k2), c(n1, n2), correct = FALSE)`).
 * - Fisher's exact test of the 2 × 2 table (R `fisher.test(matrix(c(k1, n1-k1, k2, n2-k2), 2, byrow = TRUE))`),
 *   the one to read when an expected count is below 5 (warning).
 * Assumption for a causal reading: who was treated was decided at random (a hold-out group);
 * otherwise the groups may differ before treatment (warning with `assignment: 'other'`).
 *
 * @param outcomes from `loadOutcomes` or `simulateOutcomes`.
 * @param options confidence (default 0.95), assignment (default 'random').
 * @throws {TypeError} outcomes not an Outcomes object. {RangeError} a confidence outside (0, 1).
 * @example
 * // 60 treated (54 kept), 40 untreated (30 kept)
 * const rows = ['customer_id,treated,outcome'];
 * for (let i = 0; i < 100; i++) rows.push(`C${i},${i < 60 ? 'oui' : 'non'},${i < 54 || (i >= 60 && i < 90) ? 'conservé' : 'parti'}`);
 * measureRetention(loadOutcomes({ name: 'rappels.csv', bytes: rows.join('\n') }));
 * //=> { treated: { n: 60, kept: 54, left: 6, rate: 0.9, ci: [0.7985…, 0.9533…] },
 * //     untreated: { n: 40, kept: 30, left: 10, rate: 0.75, ci: [0.5980…, 0.8581…] },
 * //     uplift: 0.15, upliftCi: [-0.0041…, 0.3041…], test: { chiSquare: 4.0178…, pValue: 0.0450…, … },
 * //     fisher: { pValue: 0.0550…, … }, preferredTest: 'two-proportion z test', pValue: 0.0450…, … }
 */
export function measureRetention(outcomes: Outcomes, options: MeasureRetentionOptions = {}): RetentionFeedback {
  const fn = 'measureRetention';
  if (typeof outcomes !== 'object' || outcomes === null || !Array.isArray(outcomes.records)) throw new TypeError(`${fn}: outcomes must be the result of loadOutcomes or simulateOutcomes`);
  const confidence = options.confidence ?? 0.95;
  if (typeof confidence !== 'number' || !(confidence > 0 && confidence < 1)) throw new RangeError(`${fn}: options.confidence must be in (0, 1), got ${String(confidence)}`);
  const assignment = options.assignment ?? 'random';
  if (assignment !== 'random' && assignment !== 'other') throw new TypeError(`${fn}: options.assignment must be 'random' or 'other', got ${String(assignment)}`);
  let n1 = 0, k1 = 0, n2 = 0, k2 = 0;
  for (const r of outcomes.records) {
    if (r.treated) {
      n1++;
      if (r.kept) k1++;
    } else {
      n2++;
      if (r.kept) k2++;
    }
  }
  const warnings = [...outcomes.warnings];
  const treated = group(k1, n1, confidence);
  const untreated = group(k2, n2, confidence);
  let uplift = NaN;
  let upliftCi: [number, number] = [NaN, NaN];
  let test: TwoProportionTest | null = null;
  let fisher: FisherExactTestResult | null = null;
  let preferredTest: RetentionFeedback['preferredTest'] = null;
  let pValue = NaN;
  if (n1 === 0) warnings.push(msg.emptyGroup({ group: 'treated' }));
  if (n2 === 0) warnings.push(msg.emptyGroup({ group: 'untreated' }));
  if (n1 > 0 && n2 > 0) {
    uplift = (k1 * n2 - k2 * n1) / (n1 * n2);
    test = twoProportionTest(k1, n1, k2, n2, { confidence });
    upliftCi = test.ci;
    fisher = fisherExactTest([[k1, n1 - k1], [k2, n2 - k2]], { confLevel: confidence });
    const small = test.minExpected < 5;
    preferredTest = small ? 'fisher exact test' : 'two-proportion z test';
    pValue = small ? fisher.pValue : test.pValue;
    if (small) warnings.push(msg.smallCounts({ minExpected: test.minExpected }));
    if (!(pValue < 1 - confidence)) warnings.push(msg.upliftNotSignificant({ p: pValue }));
  }
  if (assignment === 'other') warnings.push(msg.selectionBias());
  return {
    method: 'retention of treated vs untreated dissatisfied customers: Wilson intervals, uplift with Wald interval, two-sample z test (prop.test, no continuity correction) and Fisher exact test',
    confidence,
    simulated: outcomes.simulated,
    treated,
    untreated,
    uplift,
    upliftCi,
    test,
    fisher,
    preferredTest,
    pValue,
    n: n1 + n2,
    excluded: outcomes.excluded.length,
    warnings,
  };
}

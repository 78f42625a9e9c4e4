import type { Message } from '@satlab/messages';
/**
 * Types of @satlab/rfm: transactions in, per-customer RFM table and segment summary out.
 * Plain JSON-safe objects (typed arrays for the per-customer columns).
 */

/** Transactions as columns (what `scanColumns` / `readTransactions` produce). */
export interface RfmTransactions {
  /** Customer code of each transaction, indexing `customerIds`; -1 = missing. */
  customer: Int32Array;
  /** Customer identifiers (the dictionary of `customer`). */
  customerIds: readonly string[];
  /** Transaction date in days since 1970-01-01 (fractional with a time of day); NaN = missing or bad. */
  date: Float64Array;
  /** Amount of the transaction; NaN = missing or bad. */
  amount: Float64Array;
}

/** Per-customer aggregates, the input of `rfmFromCustomers` (what a GROUP BY returns). */
export interface RfmCustomerTotals {
  customerIds: readonly string[];
  /** Day of the last purchase (days since 1970-01-01, whole days). */
  lastDay: Float64Array;
  /** Number of purchases (≥ 1). */
  frequency: Int32Array;
  /** Sum of the amounts. */
  total: Float64Array;
  /** Transactions the totals come from. */
  transactions: number;
  /** Transactions set aside before aggregation, by reason (kept in the result's `excluded`). */
  excluded?: Record<string, number>;
  /** Warnings from the aggregation step. */
  warnings?: Message[];
}

/** Thresholds given by the user instead of quantiles: cut points, increasing, per dimension. */
export interface RfmThresholds {
  recency: readonly number[];
  frequency: readonly number[];
  monetary: readonly number[];
}

/** Options of `rfm` and `rfmFromCustomers`. */
export interface RfmOptions {
  /**
   * Analysis date: `'YYYY-MM-DD'`, a `Date`, or days since 1970-01-01. Default: the day after the
   * last transaction dated up to `today`. Transactions dated after it are excluded (reason "after
   * the analysis date"); without `asOf`, transactions dated after `today` (a typing error, a
   * far-future date) are excluded with reason "dated after today" and a warning, instead of moving
   * the default analysis date.
   */
  asOf?: string | Date | number;
  /** Today, for the default analysis date (`'YYYY-MM-DD'`, a `Date` or days since 1970). Default: the clock's date (UTC). */
  today?: string | Date | number;
  /** Monetary value: `'sum'` (default) of the amounts, or their `'mean'` (mean basket). */
  monetary?: 'sum' | 'mean';
  /** Number of score levels per dimension with quantile binning (default 5, between 2 and 20). */
  bins?: number;
  /** `'quantile'` (default; rank-based, ties never split) or the cut points to use. */
  binning?: 'quantile' | RfmThresholds;
  /** Segment map: `'classic'` (default; English marketing names) or `'bts'` (French, BTS 2007 case). */
  segments?: 'classic' | 'bts';
}

/** One score level of one dimension: its value range and its customers. */
export interface RfmScoreRange {
  score: number;
  /** Smallest and largest value among the customers with this score (NaN when none). */
  min: number;
  max: number;
  customers: number;
}

/** One row of the segment table. */
export interface RfmSegmentRow {
  /** Stable name (the map's `names`): the key of JSON output and CSV files. */
  name: string;
  /** The name for a reader, in English and French. */
  label: { en: string; fr: string };
  /** Segment code (index in `segmentNames`). */
  code: number;
  customers: number;
  /** customers / all customers. */
  share: number;
  /** Sum of the customers' totals (sum of amounts, whatever `monetary` is). */
  revenue: number;
  /** revenue / total revenue. */
  revenueShare: number;
  /** The rule that defines the segment, in English and French. */
  rule: { en: string; fr: string };
}

/** One cell of the recency × frequency grid (the heat map). */
export interface RfmCell {
  r: number;
  f: number;
  customers: number;
  /** Mean monetary value of the cell's customers (as R rfm's heat map); NaN when empty. */
  monetary: number;
  /** Sum of the cell's revenue. */
  revenue: number;
}

/** What `rfm` returns. */
export interface RfmResult {
  method: string;
  /** Analysis date, ISO `YYYY-MM-DD`, and as days since 1970-01-01. */
  asOf: string;
  asOfDay: number;
  /** Customers scored (with at least one valid transaction). */
  customers: number;
  /** Transactions used. */
  transactions: number;
  /** Per customer (index i), in the order of `customerIds`. */
  customerIds: string[];
  /** Days between the last purchase and the analysis date (whole days). */
  recency: Float64Array;
  frequency: Int32Array;
  /** Sum (or mean, with `monetary: 'mean'`) of the amounts. */
  monetary: Float64Array;
  /** Sum of the amounts (revenue), whatever `monetary` is. */
  revenue: Float64Array;
  r: Uint8Array;
  f: Uint8Array;
  m: Uint8Array;
  /** Segment code of each customer, indexing `segmentNames`. */
  segment: Uint8Array;
  monetaryKind: 'sum' | 'mean';
  binning: 'quantile' | 'thresholds';
  /** Score levels asked for, per dimension. */
  bins: { recency: number; frequency: number; monetary: number };
  /**
   * Cut points per dimension, increasing: a value ≥ `thresholds.x[k]` is above cut k. Scores:
   * F and M = 1 + number of cuts ≤ value; R = levels − number of cuts ≤ recency (R = levels is
   * the most recent). Feeding them back as `binning` gives the same scores.
   */
  thresholds: { recency: number[]; frequency: number[]; monetary: number[] };
  /** Value range and customers of each score level. */
  scoreRanges: { recency: RfmScoreRange[]; frequency: RfmScoreRange[]; monetary: RfmScoreRange[] };
  segmentMap: 'classic' | 'bts';
  segmentNames: string[];
  segments: RfmSegmentRow[];
  /** Recency × frequency grid (25 cells with 5 levels). */
  cells: RfmCell[];
  totalRevenue: number;
  /** Transactions excluded, by reason ("missing customer", "bad or missing date", "bad or missing amount", "after the analysis date"). */
  excluded: { transactions: number; byReason: Record<string, number> };
  warnings: Message[];
}

/**
 * The true model behind `generateTransactions` (see that function for the equations). Frozen, so
 * documentation and tests can quote it.
 */
export interface TransactionsModel {
  /** Customers default to round(rows / rowsPerCustomer), at least 1, at most 999 999. */
  rowsPerCustomer: number;
  /** Purchase-rate weight λ = exp(frequencySd · z_f), z_f ~ N(0, 1). */
  frequencySd: number;
  /** Mean basket (euros) = basketMedian · exp(basketSd · z_v + basketFrequencyLoading · z_f). */
  basketMedian: number;
  basketSd: number;
  basketFrequencyLoading: number;
  /** Amount of one purchase = basket · exp(amountSd · z − amountSd²/2), rounded to cents, at least minAmount. */
  amountSd: number;
  minAmount: number;
  /** Share of customers acquired during the period (first active day uniform), the others are active from day 1. */
  newShare: number;
  /** Share of customers who lapse: last active day uniform between their first active day and the end. */
  lapseShare: number;
  /** Relative daily volume by day of week, Monday … Sunday. */
  dayOfWeek: readonly number[];
  /** Relative daily volume by month, January … December. */
  month: readonly number[];
}

export const transactionsModel: TransactionsModel = Object.freeze({
  rowsPerCustomer: 20,
  frequencySd: 0.6,
  basketMedian: 38,
  basketSd: 0.35,
  basketFrequencyLoading: 0.2,
  amountSd: 0.45,
  minAmount: 1,
  newShare: 0.3,
  lapseShare: 0.25,
  dayOfWeek: Object.freeze([0.9, 0.9, 1, 1, 1.2, 1.5, 0.5]),
  month: Object.freeze([0.95, 0.9, 1, 1, 1, 1, 0.95, 0.8, 1, 1, 1.1, 1.35]),
});

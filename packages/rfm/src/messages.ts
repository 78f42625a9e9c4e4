/** Every warning @satlab/rfm puts in `result.warnings` (English; the CLI translates for people). */
export const msg = {
  fewDistinct: (dim: string, distinct: number): string => `${dim} has only ${distinct} distinct value${distinct === 1 ? '' : 's'}: scores 1–${distinct} used`,
  emptyScore: (dim: string, scores: number[]): string => `${dim}: no customer has score${scores.length > 1 ? 's' : ''} ${scores.join(', ')} with the thresholds given`,
  afterAsOf: (n: number, asOf: string): string => `${n} transaction${n === 1 ? '' : 's'} dated after the analysis date ${asOf} excluded`,
  negativeAmounts: (n: number): string => `${n} transaction${n === 1 ? ' has' : 's have'} a negative amount (returns?): included in monetary`,
  excluded: (n: number): string => `${n} transaction${n === 1 ? '' : 's'} with a missing customer, date or amount excluded`,
  rescaled: (dims: string[]): string => `segments use ${dims.join(', ')} scores rescaled to 1–5 (segment maps are defined on 5 levels)`,
  noCustomers: (): string => 'no customer has a valid transaction',
  paretoNegative: (n: number): string => `${n} negative revenue value${n === 1 ? '' : 's'} (refunds?) included in the total`,
  nonPositiveMonetary: (n: number): string => `${n} customer${n === 1 ? ' has' : 's have'} a total amount ≤ 0`,
};

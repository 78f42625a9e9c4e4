/**
 * Thrown when drivers (or, in factor analysis and alpha, rating items) are linearly dependent — one is an exact linear
 * combination of others (aliased, R's `NA` coefficient in `lm()`) — or constant. Importance of
 * such drivers is not identified; drop or merge them. It is a `RangeError` (bad data, not a bug):
 * the CLI reports it on one line with exit code 2.
 *
 * @example
 * try { keyDriverAnalysis(y, { a, b, ab: a.map((v, i) => v + b[i]) }); }
 * catch (e) { if (e instanceof CollinearDriversError) e.drivers; } // ['ab']
 */
export class CollinearDriversError extends RangeError {
  override readonly name = 'CollinearDriversError';
  /** The drivers judged aliased (those lm() would report as NA), or constant. */
  readonly drivers: string[];
  /** 'aliased': linear combination of the others; 'constant': zero variance. */
  readonly reason: 'aliased' | 'constant';

  constructor(fn: string, drivers: string[], reason: 'aliased' | 'constant', noun: 'driver' | 'item' = 'driver') {
    super(
      reason === 'constant'
        ? `${fn}: ${noun}(s) with zero variance (constant): ${drivers.join(', ')}`
        : `${fn}: collinear ${noun}s — ${drivers.join(', ')} ${drivers.length > 1 ? 'are linear combinations' : 'is a linear combination'} of the other ${noun}s (aliased, as lm() reports NA); drop or merge them`,
    );
    this.drivers = drivers;
    this.reason = reason;
  }
}

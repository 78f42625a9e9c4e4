import type { Message } from '@satlab/messages';
import type { Matrix } from './linalg/types.js';
import { buildDesign, vifFromDesign } from './internal/design.js';
import type { Values } from './internal/sample.js';
import { msg } from './messages.js';

/** Options of {@link vif}. */
export interface VifOptions {
  /** Column names of X. Default 'x1', 'x2', …. */
  names?: readonly string[];
  /** Case weights (weighted R²_j); NaN = missing. Default none. */
  weights?: Values;
}

/** Result of {@link vif}. */
export interface VifResult {
  method: 'VIF = 1/(1 - R²_j)';
  /** One entry per non-aliased column of X, in column order. */
  vif: { name: string; vif: number }[];
  /** Columns linearly dependent on earlier ones (no VIF: infinite). */
  aliased: string[];
  /** Complete rows used. */
  n: number;
  nMissing: number;
  warnings: Message[];
}

/**
 * Variance inflation factors of the predictors X: VIF_j = 1/(1 − R²_j), R²_j from regressing
 * column j on the other columns with an intercept. Computed from one Householder QR of [1, X]
 * as [(X'X)⁻¹]_jj · Σ(x_j − x̄_j)² (identical algebraically, no refits, no X'X inversion).
 * VIF > 10 is flagged in `warnings`. Rows with NaN are dropped and counted.
 *
 * Reference: Fox & Monette (1992); R `car::vif(lm(y ~ X))` for numeric predictors,
 * `1 / (1 - summary(lm(X[, j] ~ X[, -j]))$r.squared)`.
 *
 * @param X an n × p {@link Matrix} or an array of n rows of p numbers.
 * @throws {TypeError} on malformed X. @throws {RangeError} on ±Infinity, bad names or weights.
 * @example
 * vif([[1, 2], [2, 1], [3, 4], [4, 3], [5, 6]], { names: ['a', 'b'] }).vif;
 * //=> [{ name: 'a', vif: 3.08333… }, { name: 'b', vif: 3.08333… }]
 */
export function vif(X: Matrix | readonly (readonly number[])[], opts: VifOptions = {}): VifResult {
  const d = buildDesign('vif(X, opts)', null, X, true, opts.names, opts.weights);
  const warnings: Message[] = [];
  if (d.zeroWeightRows.length > 0) warnings.push(msg.zeroWeights({ n: d.zeroWeightRows.length }));
  const values = d.x.rows > 0 ? vifFromDesign(d) : [];
  const have = new Set(values.map((v) => v.name));
  const aliased = d.names.slice(1).filter((nm) => !have.has(nm));
  if (d.x.rows === 0) warnings.push(msg.noObservations({ what: 'vif' }));
  else if (aliased.length > 0) warnings.push(msg.aliased({ names: aliased }));
  const high = values.filter((v) => v.vif > 10).map((v) => v.name);
  if (high.length > 0) warnings.push(msg.highVif({ names: high }));
  return { method: 'VIF = 1/(1 - R²_j)', vif: values, aliased, n: d.x.rows, nMissing: d.nMissing, warnings };
}

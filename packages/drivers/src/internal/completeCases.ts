import { asNumeric } from './numeric.js';
import type { NumericInput } from './numeric.js';

/** Listwise-complete data: the rows where every variable (and the weight) is present. */
export interface CompleteCases {
  /** Variables in the order given, restricted to the complete rows. */
  data: Float64Array[];
  /** Weights of the complete rows (all 1 when unweighted). */
  w: Float64Array;
  weighted: boolean;
  /** Rows given. */
  nTotal: number;
  /** Complete rows used. */
  n: number;
  /** Rows dropped because a value (or the weight) was missing. */
  nMissing: number;
  /** Missing values per variable (NaN count over all rows), plus "(weight)" when weighted. */
  missingByVariable: Record<string, number>;
  /** Rows with a zero weight (kept out of `n`). */
  nZeroWeight: number;
  /** Indices (in the input) of the rows used. */
  rows: Int32Array;
}

/**
 * Listwise deletion over named numeric variables and optional weights. Rows with any NaN are
 * dropped and counted; rows with weight 0 are dropped and counted separately.
 * @throws TypeError/RangeError on unequal lengths, non-numeric input or negative/infinite weights.
 */
export function completeCases(fn: string, vars: readonly { name: string; values: NumericInput }[], weights?: NumericInput): CompleteCases {
  if (vars.length === 0) throw new RangeError(`${fn}: no variables given`);
  const cols = vars.map((v) => asNumeric(fn, v.name, v.values));
  const nTotal = cols[0].length;
  cols.forEach((c, j) => {
    if (c.length !== nTotal) throw new RangeError(`${fn}(${vars[j].name}): length ${c.length} differs from ${vars[0].name}'s ${nTotal}`);
  });
  const wIn = weights === undefined ? undefined : asNumeric(fn, 'weights', weights);
  if (wIn && wIn.length !== nTotal) throw new RangeError(`${fn}(weights): length ${wIn.length} differs from the data's ${nTotal}`);
  const missingByVariable: Record<string, number> = {};
  const keep = new Uint8Array(nTotal).fill(1);
  cols.forEach((c, j) => {
    let m = 0;
    for (let i = 0; i < nTotal; i++) {
      if (Number.isNaN(c[i])) {
        m++;
        keep[i] = 0;
      } else if (!Number.isFinite(c[i])) {
        throw new RangeError(`${fn}(${vars[j].name}): infinite value at row ${i}`);
      }
    }
    missingByVariable[vars[j].name] = m;
  });
  let nZeroWeight = 0;
  if (wIn) {
    let m = 0;
    for (let i = 0; i < nTotal; i++) {
      const w = wIn[i];
      if (Number.isNaN(w)) {
        m++;
        keep[i] = 0;
      } else if (!(w >= 0) || !Number.isFinite(w)) {
        throw new RangeError(`${fn}(weights): weights must be finite and non-negative, got ${w} at row ${i}`);
      }
    }
    missingByVariable['(weight)'] = m;
  }
  let nComplete = 0;
  for (let i = 0; i < nTotal; i++) if (keep[i]) nComplete++;
  if (wIn) {
    for (let i = 0; i < nTotal; i++) {
      if (keep[i] && wIn[i] === 0) {
        keep[i] = 0;
        nZeroWeight++;
      }
    }
  }
  const rows = new Int32Array(nComplete - nZeroWeight);
  let k = 0;
  for (let i = 0; i < nTotal; i++) if (keep[i]) rows[k++] = i;
  const data = cols.map((c) => {
    const out = new Float64Array(rows.length);
    for (let r = 0; r < rows.length; r++) out[r] = c[rows[r]];
    return out;
  });
  const w = new Float64Array(rows.length);
  for (let r = 0; r < rows.length; r++) w[r] = wIn ? wIn[rows[r]] : 1;
  return { data, w, weighted: wIn !== undefined, nTotal, n: rows.length, nMissing: nTotal - nComplete, missingByVariable, nZeroWeight, rows };
}

/**
 * Random two-way tables with fixed margins: Patefield's algorithm AS 159 (Applied Statistics
 * 30(1), 1981, 91–97), the algorithm behind R's `r2dtable()` and `chisq.test(simulate.p.value =
 * TRUE)`. Each cell (l, m), filled row by row, is drawn from its exact conditional
 * (hypergeometric) distribution given the margins still to fill, by inverse-CDF search that starts
 * at the conditional mean and walks outward, so tables are drawn from the uniform-over-
 * permutations (multiple hypergeometric) distribution of tables with these margins.
 * Written for satlab from the published algorithm; random numbers come from `rng(seed)`.
 */
import type { Rng } from '../rng.js';
import { logFactorials } from './contingency.js';

/** Returns a function filling `out` (row-major r × c, Int32Array) with one random table. */
export function patefieldSampler(rowTotals: Int32Array, colTotals: Int32Array, random: Rng): (out: Int32Array) => void {
  const r = rowTotals.length;
  const c = colTotals.length;
  let n = 0;
  for (let i = 0; i < r; i++) n += rowTotals[i];
  const lf = logFactorials(n);
  const colLeft = new Int32Array(c);

  /** One draw of X ~ Hypergeometric: `k` items placed among `total`, `marked` of which are "this column". */
  const hyper = (k: number, marked: number, total: number): number => {
    const other = total - marked;
    const lo = Math.max(0, k - other);
    const hi = Math.min(k, marked);
    if (lo === hi) return lo;
    let x0 = Math.floor((k * marked) / total + 0.5);
    if (x0 < lo) x0 = lo;
    if (x0 > hi) x0 = hi;
    const logNorm = lf[k] + lf[total - k] + lf[marked] + lf[other] - lf[total];
    const p0 = Math.exp(logNorm - lf[x0] - lf[marked - x0] - lf[k - x0] - lf[other - k + x0]);
    let u = random.next();
    for (;;) {
      let cum = p0;
      if (cum >= u) return x0;
      let up = x0;
      let down = x0;
      let pu = p0;
      let pd = p0;
      while (up < hi || down > lo) {
        if (up < hi) {
          pu *= ((marked - up) * (k - up)) / ((up + 1) * (other - k + up + 1));
          up++;
          cum += pu;
          if (cum >= u) return up;
        }
        if (down > lo) {
          pd *= (down * (other - k + down)) / ((marked - down + 1) * (k - down + 1));
          down--;
          cum += pd;
          if (cum >= u) return down;
        }
      }
      // Rounding left the total just below u: draw again within the computed mass (as AS 159 does).
      u = cum * random.next();
    }
  };

  return (out: Int32Array): void => {
    colLeft.set(colTotals);
    let rowsLeft = n;
    for (let l = 0; l < r - 1; l++) {
      let rowLeft = rowTotals[l];
      let sub = rowsLeft;
      rowsLeft -= rowLeft;
      for (let m = 0; m < c - 1; m++) {
        const colM = colLeft[m];
        const x = rowLeft === 0 ? 0 : hyper(rowLeft, colM, sub);
        out[l * c + m] = x;
        rowLeft -= x;
        colLeft[m] = colM - x;
        sub -= colM;
      }
      out[l * c + c - 1] = rowLeft;
      colLeft[c - 1] -= rowLeft;
    }
    for (let m = 0; m < c; m++) out[(r - 1) * c + m] = colLeft[m];
  };
}

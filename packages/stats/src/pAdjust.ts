import type { Values } from './internal/sample.js';

/** Multiple-comparison adjustment methods of {@link pAdjust} (R's names). */
export type PAdjustMethod = 'bonferroni' | 'holm' | 'hochberg' | 'hommel' | 'BH' | 'BY' | 'none';

const METHODS: readonly PAdjustMethod[] = ['bonferroni', 'holm', 'hochberg', 'hommel', 'BH', 'BY', 'none'];

/**
 * Adjusts p-values for multiple comparisons, exactly as R's `p.adjust(p, method)`:
 * - `bonferroni`: min(1, m·p) (family-wise error rate);
 * - `holm`: step-down, cummax over ascending p of (m − i + 1)·p₍ᵢ₎ (FWER, uniformly better than Bonferroni);
 * - `hochberg`: step-up, cummin over descending p of (m − i + 1)·p₍ᵢ₎ (FWER, independent or PRDS tests);
 * - `hommel`: Hommel (1988), from the closed testing of Simes tests (FWER, independent or PRDS
 *   tests; never larger than Hochberg's): for j = m−1 … 2, q_i = min(j·p₍ᵢ₎, min_{k=2..j} j·p₍ₘ₋ⱼ₊ₖ₎/k)
 *   for i ≤ m−j+1 and q_i = q_{m−j+1} above, the adjusted p the running max of the q, as R's
 *   algorithm (with m = 2 it is Hochberg's, as in R);
 * - `BH`: Benjamini–Hochberg, cummin over descending p of m/i·p₍ᵢ₎ (false discovery rate);
 * - `BY`: Benjamini–Yekutieli, BH × Σ_{k≤m} 1/k (FDR under any dependence);
 * - `none`: unchanged.
 * m is the number of non-missing p-values; NaN stays NaN in its position (R's NA handling).
 *
 * Reference: R `p.adjust(p, method)`; Holm (1979), Hochberg (1988), Benjamini & Hochberg (1995),
 * Benjamini & Yekutieli (2001).
 *
 * @param p p-values in [0, 1] (NaN = missing).
 * @param method one of 'bonferroni', 'holm', 'hochberg', 'hommel', 'BH', 'BY', 'none'.
 * @returns the adjusted p-values, same length and order as `p`.
 * @throws {TypeError} when p is not numeric. @throws {RangeError} on a value outside [0, 1] or an unknown method.
 * @example
 * pAdjust([0.01, 0.04, 0.03, 0.2], 'holm'); //=> [0.04, 0.09, 0.09, 0.2]
 * pAdjust([0.01, 0.04, 0.03, 0.2], 'BH'); //=> [0.04, 0.0533333…, 0.0533333…, 0.2]
 * pAdjust([0, 1, NaN], 'bonferroni'); //=> [0, 1, NaN]
 * pAdjust([0.01, 0.04, 0.03, 0.2], 'hommel'); //=> [0.04, 0.08, 0.06, 0.2]
 */
export function pAdjust(p: Values, method: PAdjustMethod): number[] {
  const fn = 'pAdjust(p, method)';
  if (!(p instanceof Float64Array) && !Array.isArray(p)) throw new TypeError(`${fn}: p must be a Float64Array or an array of numbers, got ${typeof p}`);
  if (!METHODS.includes(method)) throw new RangeError(`${fn}: method must be one of ${METHODS.join(', ')}, got ${String(method)}`);
  const idx: number[] = [];
  for (let i = 0; i < p.length; i++) {
    const v = p[i];
    if (typeof v !== 'number') throw new TypeError(`${fn}: p[${i}] is not a number (${String(v)})`);
    if (Number.isNaN(v)) continue;
    if (!(v >= 0 && v <= 1)) throw new RangeError(`${fn}: p[${i}] must be in [0, 1], got ${v}`);
    idx.push(i);
  }
  const out = Array.from(p, () => NaN);
  const m = idx.length;
  if (method === 'none' || m <= 1) {
    for (const i of idx) out[i] = p[i];
    return out;
  }
  if (method === 'bonferroni') {
    for (const i of idx) out[i] = Math.min(1, m * p[i]);
    return out;
  }
  // Stable sort of the non-missing indices by p (ascending), as R's order().
  const asc = idx.slice().sort((a, b) => p[a] - p[b] || a - b);
  if (method === 'holm') {
    let run = 0;
    for (let k = 0; k < m; k++) {
      run = Math.max(run, (m - k) * p[asc[k]]);
      out[asc[k]] = Math.min(1, run);
    }
    return out;
  }
  if (method === 'hommel') {
    if (m === 2) return pAdjust(p, 'hochberg'); // as R
    const ps = asc.map((i) => p[i]);
    let init = Infinity;
    for (let k = 0; k < m; k++) init = Math.min(init, (m * ps[k]) / (k + 1));
    const pa = new Float64Array(m).fill(init);
    const q = new Float64Array(m).fill(init);
    for (let j = m - 1; j >= 2; j--) {
      // i1 = 1..m−j+1, i2 = m−j+2..m (1-based)
      let q1 = Infinity;
      for (let k = 2; k <= j; k++) q1 = Math.min(q1, (j * ps[m - j + k - 1]) / k);
      for (let i = 0; i <= m - j; i++) q[i] = Math.min(j * ps[i], q1);
      for (let i = m - j + 1; i < m; i++) q[i] = q[m - j];
      for (let i = 0; i < m; i++) pa[i] = Math.max(pa[i], q[i]);
    }
    for (let k = 0; k < m; k++) out[asc[k]] = Math.max(pa[k], ps[k]);
    return out;
  }
  // Step-up methods: descending order (R: order(p, decreasing = TRUE), stable), i = m … 1.
  const desc = idx.slice().sort((a, b) => p[b] - p[a] || a - b);
  let q = 1;
  if (method === 'BY') {
    q = 0;
    for (let k = 1; k <= m; k++) q += 1 / k;
  }
  let run = Infinity;
  for (let k = 0; k < m; k++) {
    const i = m - k; // rank of this p among the ascending ones
    const v = method === 'hochberg' ? (m - i + 1) * p[desc[k]] : ((q * m) / i) * p[desc[k]];
    run = Math.min(run, v);
    out[desc[k]] = Math.min(1, run);
  }
  return out;
}

import type { Message } from '@satlab/messages';
import { rng } from './rng.js';
import { ctMsg } from './messages.js';
import { patefieldSampler } from './internal/patefield.js';
import { dropEmptyForTest, logFactorials, margins, readTable } from './internal/contingency.js';
import type { Table2, TableInput } from './internal/contingency.js';

/** Options of {@link fisherExactTest}. */
export interface FisherExactTestOptions {
  /** 2×2 only: `'two.sided'` (default), `'less'` (odds ratio < 1) or `'greater'`. Larger tables are two-sided. */
  alternative?: 'two.sided' | 'less' | 'greater';
  /** 2×2 only: confidence level of the odds-ratio interval. Default 0.95. */
  confLevel?: number;
  /**
   * What to do when an r×c table is too large to enumerate: a Monte-Carlo p-value with these
   * settings (default `{ replicates: 10000, seed: 1 }`), or `false` to throw a RangeError instead.
   */
  monteCarloFallback?: { replicates?: number; seed?: number } | false;
  /** Force the Monte-Carlo p-value (as R's `simulate.p.value = TRUE`), even when enumeration is possible. Default false. */
  simulate?: boolean;
  /** Work budget of the exact r×c enumeration (nodes × paths visited, about 1 s per 2e6) before falling back. Default 3e6. */
  maxWork?: number;
}

/** Result of {@link fisherExactTest}. */
export interface FisherExactTestResult {
  /** As R prints it: "Fisher's Exact Test for Count Data" (+ " with simulated p-value (based on B replicates)"). */
  method: string;
  /** How the p-value was obtained. */
  algorithm: 'exact 2x2 (hypergeometric)' | 'exact r x c (network enumeration)' | 'monte-carlo';
  pValue: number;
  alternative: 'two.sided' | 'less' | 'greater';
  /** 2×2: conditional maximum-likelihood estimate of the odds ratio (not the sample ad/bc); else null. */
  estimate: number | null;
  /** 2×2: conditional (exact) confidence interval of the odds ratio; else null. */
  ci: [number, number] | null;
  confLevel: number;
  n: number;
  /** Monte-Carlo only: replicates, seed and standard error of the p-value (else null). */
  replicates: number | null;
  seed: number | null;
  se: number | null;
  warnings: Message[];
}

const REL_ERR = 1 + 1e-7; // R's tolerance for "as or less probable than the observed table"

/**
 * Fisher's exact test of independence in a two-way table of counts, conditional on both margins.
 *
 * - 2×2: P(X = x) is hypergeometric (noncentral with odds ratio ψ under the alternative); the
 *   two-sided p sums the probabilities of the tables no more probable than the observed one
 *   (× (1 + 1e-7)); one-sided p are hypergeometric tails. The estimate is the conditional MLE of ψ
 *   (solves E(X; ψ) = x) and the interval inverts the two one-sided tests, as R's `fisher.test`
 *   (roots found to ~1e-14 in log ψ instead of R's `uniroot` default tolerance ≈ 1.2e-4, so the
 *   estimate and bounds may differ from R's printout from the 4th digit; the p-value is the same).
 * - r×c: exact p by network enumeration (Mehta & Patel 1983 style): columns are filled one at a
 *   time, tables sharing the multiset of remaining row totals are merged into one node, and
 *   paths whose every completion is (or none is) as extreme as observed are settled at once from
 *   bounds on the longest/shortest remaining path (relaxations of the remaining sub-table). When
 *   the work exceeds `maxWork`, a Monte-Carlo p-value (Patefield tables, p = (1 + b)/(B + 1),
 *   seeded; R's `simulate.p.value` statistic −Σ log x_ij!) is returned and `algorithm` says so.
 *
 * References: R `fisher.test(x, alternative, conf.level)`; Agresti (2013) §3.5; Mehta & Patel
 * (1983) JASA 78, 427–434.
 *
 * @param table integer counts: rows of counts or a column-major Matrix; empty rows/columns removed.
 * @throws {RangeError} on non-integer or negative counts, fewer than 2×2 non-empty cells, an
 *   alternative other than two.sided on an r×c table, or a too-large table with `monteCarloFallback: false`.
 * @example
 * fisherExactTest([[3, 1], [1, 3]]);
 * //=> { pValue: 0.485714…, estimate: 6.40831…, ci: [0.211735…, 626.243…], … }
 * // (R prints estimate 6.408309, CI 0.2117329–621.9337505: its uniroot stops at tol ≈ 1.2e-4)
 */
export function fisherExactTest(table: TableInput, options: FisherExactTestOptions = {}): FisherExactTestResult {
  const fn = 'fisherExactTest';
  const alternative = options.alternative ?? 'two.sided';
  const confLevel = options.confLevel ?? 0.95;
  if (alternative !== 'two.sided' && alternative !== 'less' && alternative !== 'greater') {
    throw new RangeError(`${fn}(options.alternative): expected 'two.sided', 'less' or 'greater', got ${String(alternative)}`);
  }
  if (!(confLevel > 0 && confLevel < 1)) throw new RangeError(`${fn}(options.confLevel): expected a number in (0, 1), got ${confLevel}`);
  const fallback = options.monteCarloFallback === undefined ? { replicates: 10000, seed: 1 } : options.monteCarloFallback;
  const maxWork = options.maxWork ?? 3e6;
  const t0 = readTable(fn, 'table', table, { integer: true });
  const warnings: Message[] = [];
  const t = dropEmptyForTest(fn, t0, undefined, undefined, warnings).t;
  const n = margins(t).n;
  const base = { alternative, confLevel, n, replicates: null, seed: null, se: null, warnings };

  if (t.r === 2 && t.c === 2 && !options.simulate) {
    return { method: "Fisher's Exact Test for Count Data", algorithm: 'exact 2x2 (hypergeometric)', ...fisher2x2(t.x, alternative, confLevel), ...base };
  }
  if (alternative !== 'two.sided') throw new RangeError(`${fn}(options.alternative): only 'two.sided' is defined for a ${t.r}×${t.c} table`);
  if (!options.simulate) {
    const p = exactRxC(t, maxWork);
    if (p !== null) return { method: "Fisher's Exact Test for Count Data", algorithm: 'exact r x c (network enumeration)', pValue: p, estimate: null, ci: null, ...base };
    if (fallback === false) throw new RangeError(`${fn}(table): the ${t.r}×${t.c} table with n = ${n} is too large for exact enumeration (maxWork ${maxWork}); allow monteCarloFallback or raise maxWork`);
    warnings.push(ctMsg.fisherFallback({ reason: "work", limit: maxWork, se: 0 }));
  }
  const B = (fallback === false ? undefined : fallback.replicates) ?? 10000;
  const seed = (fallback === false ? undefined : fallback.seed) ?? 1;
  if (!Number.isInteger(B) || B < 1) throw new RangeError(`${fn}(options.monteCarloFallback.replicates): expected an integer ≥ 1, got ${B}`);
  const mc = fisherMonteCarlo(t, B, seed);
  if (B < 1000) warnings.push(ctMsg.fewReplicates({ b: B }));
  return {
    method: `Fisher's Exact Test for Count Data with simulated p-value (based on ${B} replicates)`,
    algorithm: 'monte-carlo',
    pValue: mc,
    estimate: null,
    ci: null,
    ...base,
    replicates: B,
    seed,
    se: Math.sqrt((mc * (1 - mc)) / B),
  };
}

// ---------------------------------------------------------------------------------------------
// 2×2

function fisher2x2(x: Float64Array, alternative: 'two.sided' | 'less' | 'greater', confLevel: number): { pValue: number; estimate: number; ci: [number, number] } {
  const a = x[0];
  const m = x[0] + x[2]; // first column total
  const nn = x[1] + x[3]; // second column total
  const k = x[0] + x[1]; // first row total
  const lo = Math.max(0, k - nn);
  const hi = Math.min(k, m);
  const lf = logFactorials(m + nn);
  const size = hi - lo + 1;
  const logdc = new Float64Array(size);
  for (let s = 0; s < size; s++) {
    const v = lo + s;
    logdc[s] = lf[m] - lf[v] - lf[m - v] + lf[nn] - lf[k - v] - lf[nn - k + v] - (lf[m + nn] - lf[k] - lf[m + nn - k]);
  }
  const dn = (ncp: number): Float64Array => {
    const d = new Float64Array(size);
    const lnc = Math.log(ncp);
    let mx = -Infinity;
    for (let s = 0; s < size; s++) {
      d[s] = logdc[s] + lnc * (lo + s);
      if (d[s] > mx) mx = d[s];
    }
    let sum = 0;
    for (let s = 0; s < size; s++) {
      d[s] = Math.exp(d[s] - mx);
      sum += d[s];
    }
    for (let s = 0; s < size; s++) d[s] /= sum;
    return d;
  };
  const mean = (ncp: number): number => {
    const d = dn(ncp);
    let mu = 0;
    for (let s = 0; s < size; s++) mu += (lo + s) * d[s];
    return mu;
  };
  /** P(X ≤ q; ψ) or P(X ≥ q; ψ). */
  const tail = (q: number, ncp: number, upper: boolean): number => {
    const d = ncp === 1 ? logdc.map(Math.exp) : dn(ncp);
    let p = 0;
    for (let s = 0; s < size; s++) if (upper ? lo + s >= q : lo + s <= q) p += d[s];
    return Math.min(1, p);
  };

  let pValue: number;
  if (alternative === 'less') pValue = tail(a, 1, false);
  else if (alternative === 'greater') pValue = tail(a, 1, true);
  else {
    const d = dn(1);
    const dObs = d[a - lo] * REL_ERR;
    pValue = 0;
    for (let s = 0; s < size; s++) if (d[s] <= dObs) pValue += d[s];
    pValue = Math.min(1, pValue);
  }

  // Conditional MLE: E(X; ψ) = a, increasing in ψ.
  const estimate = a === lo ? 0 : a === hi ? Infinity : solveLogPsi((lp) => mean(Math.exp(lp)) - a);
  const upperBound = (alpha: number): number => (a === hi ? Infinity : solveLogPsi((lp) => alpha - tail(a, Math.exp(lp), false)));
  const lowerBound = (alpha: number): number => (a === lo ? 0 : solveLogPsi((lp) => tail(a, Math.exp(lp), true) - alpha));
  let ci: [number, number];
  if (alternative === 'less') ci = [0, upperBound(1 - confLevel)];
  else if (alternative === 'greater') ci = [lowerBound(1 - confLevel), Infinity];
  else {
    const alpha = (1 - confLevel) / 2;
    ci = [lowerBound(alpha), upperBound(alpha)];
  }
  return { pValue, estimate, ci };
}

/** Root of an increasing function of log ψ, by bracketing then bisection to ~1e-14 in log ψ; returns ψ. */
function solveLogPsi(f: (logPsi: number) => number): number {
  let lo = -1;
  let hi = 1;
  while (f(lo) > 0 && lo > -745) lo *= 2;
  while (f(hi) < 0 && hi < 709) hi *= 2;
  for (let i = 0; i < 200; i++) {
    const mid = 0.5 * (lo + hi);
    if (mid === lo || mid === hi || hi - lo < 1e-14) break;
    if (f(mid) < 0) lo = mid;
    else hi = mid;
  }
  return Math.exp(0.5 * (lo + hi));
}

// ---------------------------------------------------------------------------------------------
// r×c: network enumeration

/**
 * Exact two-sided p of an r×c table: Σ P(table) over tables with the observed margins and
 * P(table) ≤ P(observed)·(1 + 1e-7). Returns null when the work budget is exceeded.
 */
function exactRxC(t: Table2, maxWork: number): number | null {
  // States are the remaining row totals; fewer rows → fewer states: put the shorter side in rows.
  let { r, c } = t;
  let cell = (i: number, j: number): number => t.x[i * t.c + j];
  if (r > c) {
    [r, c] = [c, r];
    const x = t.x;
    const cc = t.c;
    cell = (i: number, j: number): number => x[j * cc + i];
  }
  const rowT = new Int32Array(r);
  const colT = new Int32Array(c);
  for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) {
    rowT[i] += cell(i, j);
    colT[j] += cell(i, j);
  }
  // Process the columns by decreasing total (the last, forced, column is then the smallest).
  const order = Array.from({ length: c }, (_, j) => j).sort((a, b) => colT[b] - colT[a]);
  const cols = Int32Array.from(order, (j) => colT[j]);
  let n = 0;
  for (let i = 0; i < r; i++) n += rowT[i];
  const lf = logFactorials(n);
  const lchoose = (a: number, b: number): number => lf[a] - lf[b] - lf[a - b];
  const remainingAfter = new Int32Array(c + 1); // total of columns s.. (remaining before stage s)
  for (let s = c - 1; s >= 0; s--) remainingAfter[s] = remainingAfter[s + 1] + cols[s];

  // Observed log-probability along the same path (same arithmetic as the enumeration).
  let logObs = 0;
  {
    const rs = Array.from(rowT);
    for (let s = 0; s < c - 1; s++) {
      const j = order[s];
      let lp = -lchoose(remainingAfter[s], cols[s]);
      for (let i = 0; i < r; i++) {
        const v = cell(i, j);
        lp += lchoose(rs[i], v);
        rs[i] -= v;
      }
      logObs += lp;
    }
  }
  const threshold = logObs + Math.log(REL_ERR);

  // Quick refusal: if the first column alone can be filled in more than maxWork / 10 ways, the
  // enumeration cannot finish within the budget (saves the time of finding out).
  {
    let ways = new Float64Array(cols[0] + 1);
    ways[0] = 1;
    for (let i = 0; i < r; i++) {
      const next = new Float64Array(cols[0] + 1);
      for (let s = 0; s <= cols[0]; s++) {
        if (ways[s] === 0) continue;
        for (let v = 0; v <= rowT[i] && s + v <= cols[0]; v++) next[s + v] += ways[s];
      }
      ways = next;
    }
    if (ways[cols[0]] > maxWork / 10) return null;
  }

  let work = 0;
  const over = (): boolean => work > maxWork;

  // Node keys: the sorted remaining row totals in base n + 1 when that fits in 2^53, else a string.
  const radix = n + 1;
  const numericKeys = Math.pow(radix, r) < 2 ** 53;
  const keyOf = (rs: Int32Array): number | string => {
    if (!numericKeys) return rs.join(',');
    let k = 0;
    for (let i = r - 1; i >= 0; i--) k = k * radix + rs[i];
    return k;
  };
  interface Node {
    rs: Int32Array;
    /** Shortest / longest future path: min and max log-probability of a completion (NaN until computed). */
    bMin: number;
    bMax: number;
    /** Past paths merged by (rounded) log-probability: key → [log-probability, total probability]. */
    pasts: Map<number, [number, number]> | null;
  }
  const graph: Map<number | string, Node>[] = Array.from({ length: c + 1 }, () => new Map());
  const nodeAt = (stage: number, rs: Int32Array): Node => {
    const key = keyOf(rs);
    let node = graph[stage].get(key);
    if (!node) {
      node = { rs: Int32Array.from(rs), bMin: NaN, bMax: NaN, pasts: null };
      graph[stage].set(key, node);
    }
    return node;
  };

  const scratchX = Array.from({ length: c }, () => new Int32Array(r));
  const scratchNext = Array.from({ length: c }, () => new Int32Array(r));
  const scratchCap = Array.from({ length: c }, () => new Int32Array(r + 1));
  /** Calls back with the node reached by every column vector x (0 ≤ x_i ≤ rs_i, Σ x_i = column total) and its log-probability. */
  const children = (node: Node, stage: number, cb: (child: Node, lp: number) => void): void => {
    const rs = node.rs;
    const x = scratchX[stage];
    const next = scratchNext[stage];
    const capAfter = scratchCap[stage];
    capAfter[r] = 0;
    for (let i = r - 1; i >= 0; i--) capAfter[i] = capAfter[i + 1] + rs[i];
    const rec = (i: number, left: number, lp: number): void => {
      if (i === r - 1) {
        x[i] = left;
        for (let k = 0; k < r; k++) {
          // insertion sort of rs − x into next
          const v = rs[k] - x[k];
          let p = k - 1;
          while (p >= 0 && next[p] > v) {
            next[p + 1] = next[p];
            p--;
          }
          next[p + 1] = v;
        }
        work++;
        cb(nodeAt(stage + 1, next), lp + lchoose(rs[i], left));
        return;
      }
      const from = Math.max(0, left - capAfter[i + 1]);
      const to = Math.min(rs[i], left);
      for (let v = from; v <= to; v++) {
        x[i] = v;
        rec(i + 1, left - v, lp + lchoose(rs[i], v));
        if (work > maxWork) return;
      }
    };
    rec(0, cols[stage], -lchoose(remainingAfter[stage], cols[stage]));
  };

  // Bounds on the future log-probability of a node, from two relaxations of the remaining
  // sub-table (row constraints only, column constraints only): log P(completion) =
  // const − Σ log x_ij!, and Σ log x! is smallest for the most even allocation (water-filling under
  // the caps) and largest for the most concentrated one (fill the largest caps first); both are
  // extreme by majorization (Σ log x! is Schur-convex). Valid (never too tight), O(r·c) per node.
  const evenMin = (a: number, caps: Int32Array): number => {
    // caps sorted ascending
    let left = a;
    let k = caps.length;
    let s = 0;
    for (let j = 0; j < caps.length; j++) {
      const q = Math.floor(left / k);
      if (caps[j] <= q) {
        s += lf[caps[j]];
        left -= caps[j];
        k--;
      } else {
        const rem = left - q * k;
        return s + rem * lf[q + 1] + (k - rem) * lf[q];
      }
    }
    return s;
  };
  const concentratedMax = (a: number, capsDesc: Int32Array): number => {
    let left = a;
    let s = 0;
    for (let j = 0; j < capsDesc.length && left > 0; j++) {
      const v = Math.min(capsDesc[j], left);
      s += lf[v];
      left -= v;
    }
    return s;
  };
  const colsAsc: Int32Array[] = [];
  const colsDesc: Int32Array[] = [];
  for (let s = 0; s < c; s++) {
    colsAsc.push(cols.slice(s).sort());
    colsDesc.push(cols.slice(s).sort().reverse());
  }
  const computeBounds = (node: Node, stage: number): void => {
    if (!Number.isNaN(node.bMin)) return;
    if (stage >= c - 1) {
      node.bMin = 0;
      node.bMax = 0;
      return;
    }
    const rs = node.rs; // ascending
    const rsDesc = rs.slice().reverse();
    let constant = -lf[remainingAfter[stage]];
    for (let i = 0; i < r; i++) constant += lf[rs[i]];
    for (let j = stage; j < c; j++) constant += lf[cols[j]];
    let lowRows = 0;
    let highRows = 0;
    for (let i = 0; i < r; i++) {
      lowRows += evenMin(rs[i], colsAsc[stage]);
      highRows += concentratedMax(rs[i], colsDesc[stage]);
    }
    let lowCols = 0;
    let highCols = 0;
    for (let j = stage; j < c; j++) {
      lowCols += evenMin(cols[j], rs);
      highCols += concentratedMax(cols[j], rsDesc);
    }
    node.bMax = Math.min(0, constant - Math.max(lowRows, lowCols)) + 1e-9;
    node.bMin = constant - Math.min(highRows, highCols) - 1e-9;
    work += r * (c - stage);
  };

  let pValue = 0;
  const root = nodeAt(0, Int32Array.from(rowT).sort());
  root.pasts = new Map([[0, [0, 1]]]);
  for (let stage = 0; stage < c; stage++) {
    for (const node of graph[stage].values()) {
      if (node.pasts === null) continue;
      computeBounds(node, stage);
      if (over()) return null;
      const live: [number, number][] = [];
      for (const [lp, w] of node.pasts.values()) {
        if (lp + node.bMax <= threshold) pValue += w; // every completion is as extreme: their future probabilities sum to 1
        else if (lp + node.bMin > threshold) continue; // no completion is
        else live.push([lp, w]);
      }
      node.pasts = null;
      if (live.length === 0) continue;
      children(node, stage, (child, lstep) => {
        const pasts = (child.pasts ??= new Map());
        const f = Math.exp(lstep);
        for (let q = 0; q < live.length; q++) {
          const l2 = live[q][0] + lstep;
          const mk = Math.round(l2 * 1e9);
          const e = pasts.get(mk);
          if (e) e[1] += live[q][1] * f;
          else pasts.set(mk, [l2, live[q][1] * f]);
        }
        work += live.length;
      });
      if (over()) return null;
    }
  }
  return Math.min(1, pValue);
}

// ---------------------------------------------------------------------------------------------
// Monte-Carlo (as R's fisher.test(simulate.p.value = TRUE)): statistic −Σ log x_ij!, tables no
// more probable than the observed one.

function fisherMonteCarlo(t: Table2, B: number, seed: number): number {
  const m = margins(t);
  const lf = logFactorials(m.n);
  const stat = (x: ArrayLike<number>): number => {
    let s = 0;
    for (let k = 0; k < x.length; k++) s -= lf[x[k]];
    return s;
  };
  const observed = stat(t.x);
  const almost1 = 1 + 64 * Number.EPSILON;
  const sample = patefieldSampler(Int32Array.from(m.rowTotals), Int32Array.from(m.colTotals), rng(seed));
  const sim = new Int32Array(t.r * t.c);
  let b = 0;
  for (let rep = 0; rep < B; rep++) {
    sample(sim);
    if (stat(sim) <= observed / almost1) b++;
  }
  return (1 + b) / (B + 1);
}

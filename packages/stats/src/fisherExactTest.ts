import type { Message } from '@satlab/messages';
import { rng } from './rng.js';
import { SatlabError } from '@satlab/messages';
import { ctErr, ctMsg } from './messages.js';
import { fisherNetworkPValue } from './internal/fisherNetwork.js';
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
   * What to do when the exact r×c p-value is beyond the work or memory budget: a Monte-Carlo
   * p-value with these settings (default `{ replicates: 10000, seed: 1 }`, also for settings left out; with a warning and its
   * standard error), or `false` to throw a `SatlabError` (`stats.table.error.fisherTooLarge`) instead.
   */
  monteCarloFallback?: { replicates?: number; seed?: number } | false;
  /** Force the Monte-Carlo p-value (as R's `simulate.p.value = TRUE`), even when enumeration is possible. Default false. */
  simulate?: boolean;
  /** Work budget of the exact r×c network (inner-loop steps, roughly 2e7 a second here) before falling back. Default 1e8. */
  maxWork?: number;
  /** Memory budget of the exact r×c network, in bytes of stored nodes and past paths (estimated). Default 128 MiB (HairEyeColor's 4×3 table needs 13 MiB). */
  maxMemory?: number;
}

/** Result of {@link fisherExactTest}. */
export interface FisherExactTestResult {
  /** As R prints it: "Fisher's Exact Test for Count Data" (+ " with simulated p-value (based on B replicates)"). */
  method: string;
  /** How the p-value was obtained. */
  algorithm: 'exact 2x2 (hypergeometric)' | 'exact r x c (network algorithm)' | 'monte-carlo';
  /** Exact r×c: steps of the network algorithm and peak memory of its stored paths (bytes, estimated); else null. */
  network: { work: number; peakBytes: number; exceeded: 'work' | 'memory' | null } | null;
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
 * - r×c: exact p by a network algorithm (Mehta & Patel 1983, 1986; see `internal/fisherNetwork.ts`):
 *   the shorter side's remaining totals are the nodes, the other side's totals the stages; past
 *   paths are hashed per node by log-probability; bounds on the longest/shortest remaining path
 *   settle whole groups of paths; with two stages left, exact bounds by dynamic programming and
 *   sorted completions (or a branch and bound) settle every past path exactly. The work and the
 *   memory of stored paths are budgeted (`maxWork`, `maxMemory`); beyond either the p-value is a
 *   Monte-Carlo estimate (Patefield tables, p = (1 + b)/(B + 1), seeded; R's `simulate.p.value`
 *   statistic −Σ log x_ij!) with its standard error and a warning, never a crash. On
 *   HairEyeColor[, 1:3, "Female"] (n = 282) the p is 5.14510991434e-21, equal to a complete
 *   enumeration of its 819,863,448 tables to 1e-13, in about 4·10⁶ steps (≈ 1.5 s); R's FEXACT
 *   prints 5.1451107482e-21 (its approximate merging of past paths, 1.6e-7 relative).
 *
 * References: R `fisher.test(x, alternative, conf.level)`; Agresti (2013) §3.5; Mehta & Patel
 * (1983) JASA 78, 427–434.
 *
 * @param table integer counts: rows of counts or a column-major Matrix; empty rows/columns removed.
 * @throws {RangeError} on non-integer or negative counts or an alternative other than two.sided
 *   on an r×c table; {SatlabError} on fewer than 2×2 non-empty cells, or a table beyond the
 *   budgets with `monteCarloFallback: false`.
 * @example
 * fisherExactTest([[3, 1], [1, 3]]);
 * //=> { pValue: 0.485714…, estimate: 6.40831…, ci: [0.211735…, 626.243…], … }
 * // (R prints estimate 6.408309, CI 0.2117329–621.9337505: its uniroot stops at tol ≈ 1.2e-4)
 * fisherExactTest([[36, 9, 5], [66, 34, 29], [16, 7, 7], [4, 64, 5]]).pValue;
 * // 5.145109914e-21 (algorithm 'exact r x c (network algorithm)')
 */
export function fisherExactTest(table: TableInput, options: FisherExactTestOptions = {}): FisherExactTestResult {
  const fn = 'fisherExactTest';
  const alternative = options.alternative ?? 'two.sided';
  const confLevel = options.confLevel ?? 0.95;
  if (alternative !== 'two.sided' && alternative !== 'less' && alternative !== 'greater') {
    throw new RangeError(`${fn}(options.alternative): expected 'two.sided', 'less' or 'greater', got ${String(alternative)}`);
  }
  if (!(confLevel > 0 && confLevel < 1)) throw new RangeError(`${fn}(options.confLevel): expected a number in (0, 1), got ${confLevel}`);
  const fallback = options.monteCarloFallback ?? {};
  const maxWork = options.maxWork ?? 1e8;
  const maxMemory = options.maxMemory ?? 128 * 2 ** 20;
  if (!(maxWork > 0)) throw new RangeError(`${fn}(options.maxWork): expected a positive number, got ${maxWork}`);
  if (!(maxMemory > 0)) throw new RangeError(`${fn}(options.maxMemory): expected a positive number of bytes, got ${maxMemory}`);
  const t0 = readTable(fn, 'table', table, { integer: true });
  const warnings: Message[] = [];
  const t = dropEmptyForTest(fn, t0, undefined, undefined, warnings).t;
  const n = margins(t).n;
  const base = { alternative, confLevel, n, replicates: null, seed: null, se: null, network: null, warnings };

  if (t.r === 2 && t.c === 2 && !options.simulate) {
    return { method: "Fisher's Exact Test for Count Data", algorithm: 'exact 2x2 (hypergeometric)', ...fisher2x2(t.x, alternative, confLevel), ...base };
  }
  if (alternative !== 'two.sided') throw new RangeError(`${fn}(options.alternative): only 'two.sided' is defined for a ${t.r}×${t.c} table`);
  let network: FisherExactTestResult['network'] = null;
  let exceeded: 'work' | 'memory' | null = null;
  if (!options.simulate) {
    const out = fisherNetworkPValue(t.x, t.r, t.c, { maxWork, maxMemory });
    network = { work: out.work, peakBytes: out.peakBytes, exceeded: out.exceeded };
    if (out.pValue !== null) return { method: "Fisher's Exact Test for Count Data", algorithm: 'exact r x c (network algorithm)', pValue: out.pValue, estimate: null, ci: null, ...base, network };
    if (fallback === false) throw new SatlabError(ctErr.fisherTooLarge({ fn, r: t.r, c: t.c, n }));
    exceeded = out.exceeded;
  }
  const B = (fallback === false ? undefined : fallback.replicates) ?? 10000;
  const seed = (fallback === false ? undefined : fallback.seed) ?? 1;
  if (!Number.isInteger(B) || B < 1) throw new RangeError(`${fn}(options.monteCarloFallback.replicates): expected an integer ≥ 1, got ${B}`);
  const mc = fisherMonteCarlo(t, B, seed);
  const se = Math.sqrt((mc * (1 - mc)) / B);
  if (exceeded) warnings.push(ctMsg.fisherFallback({ reason: exceeded, limit: exceeded === 'work' ? maxWork : maxMemory, se }));
  if (B < 1000) warnings.push(ctMsg.fewReplicates({ b: B }));
  if (mc * (B + 1) < 1.5) warnings.push(ctMsg.monteCarloNoneAsExtreme({ b: B, bound: mc }));
  return {
    method: `Fisher's Exact Test for Count Data with simulated p-value (based on ${B} replicates)`,
    algorithm: 'monte-carlo',
    pValue: mc,
    estimate: null,
    ci: null,
    ...base,
    replicates: B,
    seed,
    se,
    network,
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

import { logFactorials } from './contingency.js';

/** Budget of the exact r×c network: inner-loop steps and bytes of stored nodes and past paths. */
export interface NetworkBudget {
  maxWork: number;
  maxMemory: number;
}

/** The exact p-value, or which budget ran out; with the work done and the peak memory estimate. */
export type NetworkOutcome =
  | { pValue: number; work: number; peakBytes: number; exceeded: null }
  | { pValue: null; work: number; peakBytes: number; exceeded: 'work' | 'memory' };

// Sizes used for the memory budget: a past path (two doubles), a node (object, key, arrays).
const BYTES_PER_PAST = 16;
const BYTES_PER_NODE = 200;
const REL_ERR = 1 + 1e-7; // R's tolerance for "as or less probable than the observed table"

/** Past paths of a node: log-probabilities and probability masses, merged when equal to 1e-9. */
class Pasts {
  lp: Float64Array;
  w: Float64Array;
  len = 0;
  constructor(capacity: number) {
    this.lp = new Float64Array(capacity);
    this.w = new Float64Array(capacity);
  }
  get capacity(): number {
    return this.lp.length;
  }
  /** Sorts by log-probability and merges paths within 1e-9 of each other (their decisions agree). */
  compact(): void {
    const n = this.len;
    const idx = new Uint32Array(n);
    for (let q = 0; q < n; q++) idx[q] = q;
    const lp = this.lp;
    idx.sort((a, b) => lp[a] - lp[b]);
    const lp2 = new Float64Array(this.capacity);
    const w2 = new Float64Array(this.capacity);
    let m = -1;
    for (let q = 0; q < n; q++) {
      const i = idx[q];
      if (m >= 0 && lp[i] - lp2[m] <= 1e-9) w2[m] += this.w[i];
      else {
        m++;
        lp2[m] = lp[i];
        w2[m] = this.w[i];
      }
    }
    this.lp = lp2;
    this.w = w2;
    this.len = m + 1;
  }
  /** Appends a path, compacting or growing when full; returns the change in capacity. */
  push(lp: number, w: number): number {
    if (this.len === this.capacity) {
      this.compact();
      if (this.len > this.capacity / 2) {
        const cap = this.capacity;
        const lp2 = new Float64Array(cap * 2);
        const w2 = new Float64Array(cap * 2);
        lp2.set(this.lp);
        w2.set(this.w);
        this.lp = lp2;
        this.w = w2;
        this.lp[this.len] = lp;
        this.w[this.len++] = w;
        return cap;
      }
    }
    this.lp[this.len] = lp;
    this.w[this.len++] = w;
    return 0;
  }
}

interface Node {
  /** Remaining totals of the key dimension, ascending. */
  rest: Int32Array;
  pasts: Pasts;
  /** Relaxation bounds on the future log-probability (computed when the node is first reached). */
  bMin: number;
  bMax: number;
}

/**
 * Exact two-sided Fisher p of an r×c table (Σ P(table) over tables with the observed margins and
 * P(table) ≤ P(observed)·(1 + 1e-7), as R's `fisher.test`), by a network algorithm in the spirit of
 * Mehta & Patel (1983, 1986):
 *
 * - the shorter side is the node key, the other side's totals are stages, processed smallest
 *   first; a node is the sorted multiset of remaining key totals (tables whose remainders are
 *   permutations of each other share their future), and each node keeps its past paths as a hash
 *   of distinct log-probabilities with their summed probability;
 * - a past path is counted whole when even the most probable completion is no more probable than
 *   the observed table, dropped when even the least probable one is more probable, and extended
 *   otherwise; bounds come from two relaxations of the remaining sub-table (row and column
 *   constraints alone: water-filling and greedy concentration, Σ log x! being Schur-convex);
 * - with two stages left the completion is Π_j C(a_j, x_j) / C(m, u) with independent terms, so
 *   exact longest and shortest paths come from a small dynamic programme per node, the total mass
 *   of any sub-range from Vandermonde's identity, and each past is settled by a branch and bound
 *   over the key cells that only walks the partial tables straddling the threshold.
 *
 * Stops with `exceeded` as soon as the work or the stored nodes/paths pass the budget.
 */
export function fisherNetworkPValue(x: ArrayLike<number>, r0: number, c0: number, budget: NetworkBudget): NetworkOutcome {
  // Keys: the shorter side.
  const transpose = r0 > c0;
  const k = transpose ? c0 : r0;
  const S = transpose ? r0 : c0;
  const cell = (key: number, stage: number): number => (transpose ? x[stage * c0 + key] : x[key * c0 + stage]);
  const keyT = new Int32Array(k);
  const stageT0 = new Int32Array(S);
  let n = 0;
  for (let i = 0; i < k; i++) {
    for (let s = 0; s < S; s++) {
      const v = cell(i, s);
      keyT[i] += v;
      stageT0[s] += v;
      n += v;
    }
  }
  const order = Array.from({ length: S }, (_, s) => s).sort((a, b) => stageT0[a] - stageT0[b]);
  const stageT = Int32Array.from(order, (s) => stageT0[s]);
  const lf = logFactorials(n);
  const lchoose = (a: number, b: number): number => lf[a] - lf[b] - lf[a - b];
  const remaining = new Int32Array(S + 1); // total of stages s.. (remaining before stage s)
  for (let s = S - 1; s >= 0; s--) remaining[s] = remaining[s + 1] + stageT[s];

  // Observed log-probability, stage by stage with the arithmetic of the network.
  let logObs = 0;
  {
    const rest = Array.from(keyT);
    for (let s = 0; s < S - 1; s++) {
      let lp = -lchoose(remaining[s], stageT[s]);
      for (let i = 0; i < k; i++) {
        const v = cell(i, order[s]);
        lp += lchoose(rest[i], v);
        rest[i] -= v;
      }
      logObs += lp;
    }
  }
  const threshold = logObs + Math.log(REL_ERR);

  let work = 0;
  let bytes = 0;
  let peak = 0;
  const exceeded = (): 'work' | 'memory' | null => (work > budget.maxWork ? 'work' : bytes > budget.maxMemory ? 'memory' : null);

  const radix = n + 1;
  const numericKeys = Math.pow(radix, k) < 2 ** 53;
  const keyOf = (rs: Int32Array): number | string => {
    if (!numericKeys) return rs.join(',');
    let key = 0;
    for (let i = k - 1; i >= 0; i--) key = key * radix + rs[i];
    return key;
  };

  // Relaxation bounds on the future log-probability of a node at `stage` with remaining key totals `rs` (ascending).
  const evenMin = (a: number, capsAsc: Int32Array, from: number): number => {
    let left = a;
    let m = capsAsc.length - from;
    let s = 0;
    for (let j = from; j < capsAsc.length; j++) {
      const q = Math.floor(left / m);
      if (capsAsc[j] <= q) {
        s += lf[capsAsc[j]];
        left -= capsAsc[j];
        m--;
      } else {
        const rem = left - q * m;
        return s + rem * lf[q + 1] + (m - rem) * lf[q];
      }
    }
    return s;
  };
  const concentratedMax = (a: number, capsAsc: Int32Array, from: number): number => {
    let left = a;
    let s = 0;
    for (let j = capsAsc.length - 1; j >= from && left > 0; j--) {
      const v = Math.min(capsAsc[j], left);
      s += lf[v];
      left -= v;
    }
    return s;
  };
  const stagesAsc: Int32Array[] = [];
  for (let s = 0; s < S; s++) stagesAsc.push(stageT.slice(s).sort());
  const relaxedBounds = (rs: Int32Array, stage: number): [number, number] => {
    let constant = -lf[remaining[stage]];
    for (let i = 0; i < k; i++) constant += lf[rs[i]];
    for (let s = stage; s < S; s++) constant += lf[stageT[s]];
    let lowKeys = 0;
    let highKeys = 0;
    for (let i = 0; i < k; i++) {
      lowKeys += evenMin(rs[i], stagesAsc[stage], 0);
      highKeys += concentratedMax(rs[i], stagesAsc[stage], 0);
    }
    let lowStages = 0;
    let highStages = 0;
    for (let s = stage; s < S; s++) {
      lowStages += evenMin(stageT[s], rs, 0);
      highStages += concentratedMax(stageT[s], rs, 0);
    }
    work += k * (S - stage);
    return [constant - Math.min(highKeys, highStages) - 1e-9, Math.min(0, constant - Math.max(lowKeys, lowStages)) + 1e-9];
  };

  let pValue = 0;
  let stageNodes = new Map<number | string, Node>();
  const rootRest = Int32Array.from(keyT).sort();
  const [rootMin, rootMax] = relaxedBounds(rootRest, 0);
  const root: Node = { rest: rootRest, pasts: new Pasts(1), bMin: rootMin, bMax: rootMax };
  root.pasts.push(0, 1);
  stageNodes.set(keyOf(root.rest), root);
  bytes = BYTES_PER_NODE + BYTES_PER_PAST;

  const x0 = new Int32Array(k);
  const next = new Int32Array(k);
  const capAfter = new Int32Array(k + 1);
  for (let stage = 0; stage < S - 1; stage++) {
    const penultimate = stage === S - 2;
    const nextNodes = new Map<number | string, Node>();
    for (const node of stageNodes.values()) {
      const { bMin, bMax } = node;
      const live: [number, number][] = [];
      const P = node.pasts;
      P.compact();
      for (let q = 0; q < P.len; q++) {
        const lp = P.lp[q];
        if (lp + bMax <= threshold) pValue += P.w[q]; // every completion is as extreme: their probabilities sum to 1
        else if (lp + bMin > threshold) continue; // no completion is
        else live.push([lp, P.w[q]]);
      }
      bytes -= BYTES_PER_NODE + BYTES_PER_PAST * P.capacity;
      node.pasts = new Pasts(0);
      if (live.length === 0) continue;
      if (penultimate) {
        pValue += settleTwoStages(node.rest, stageT[stage], live, threshold, lchoose, () => work++);
        if (work > budget.maxWork) return { pValue: null, work, peakBytes: peak, exceeded: 'work' };
        continue;
      }
      // Extend the live paths by every allocation of this stage's total to the keys.
      const rs = node.rest;
      capAfter[k] = 0;
      for (let i = k - 1; i >= 0; i--) capAfter[i] = capAfter[i + 1] + rs[i];
      const norm = -lchoose(remaining[stage], stageT[stage]);
      const visit = (lstep: number): void => {
        for (let i = 0; i < k; i++) {
          const v = rs[i] - x0[i];
          let p = i - 1;
          while (p >= 0 && next[p] > v) {
            next[p + 1] = next[p];
            p--;
          }
          next[p + 1] = v;
        }
        const key = keyOf(next);
        let child = nextNodes.get(key);
        if (!child) {
          const rest = Int32Array.from(next);
          const [cMin, cMax] = relaxedBounds(rest, stage + 1);
          child = { rest, pasts: new Pasts(4), bMin: cMin, bMax: cMax };
          nextNodes.set(key, child);
          bytes += BYTES_PER_NODE + BYTES_PER_PAST * child.pasts.capacity;
        }
        const f = Math.exp(lstep);
        const cp = child.pasts;
        // Settle at once the paths the child's bounds decide (no storage); keep the others.
        for (let q = 0; q < live.length; q++) {
          const l2 = live[q][0] + lstep;
          if (l2 + child.bMax <= threshold) pValue += live[q][1] * f;
          else if (l2 + child.bMin <= threshold) bytes += BYTES_PER_PAST * cp.push(l2, live[q][1] * f);
        }
        work += 1 + live.length;
      };
      const rec = (i: number, left: number, lp: number): boolean => {
        if (i === k - 1) {
          x0[i] = left;
          visit(lp + lchoose(rs[i], left));
          return work <= budget.maxWork && bytes <= budget.maxMemory;
        }
        const from = Math.max(0, left - capAfter[i + 1]);
        const to = Math.min(rs[i], left);
        for (let v = from; v <= to; v++) {
          x0[i] = v;
          if (!rec(i + 1, left - v, lp + lchoose(rs[i], v))) return false;
        }
        return true;
      };
      const ok = rec(0, stageT[stage], norm);
      if (bytes > peak) peak = bytes;
      if (!ok) return { pValue: null, work, peakBytes: peak, exceeded: exceeded() ?? 'work' };
    }
    stageNodes = nextNodes;
  }
  if (S === 1) pValue = 1;
  return { pValue: Math.min(1, pValue), work, peakBytes: peak, exceeded: null };
}

/**
 * The p-value mass of the live past paths of a node with two stages left: remaining key totals
 * `a` (Σ a = m), the next stage takes `u` of them and the last the rest, so a completion x has
 * probability Π_j C(a_j, x_j) / C(m, u). Exact longest/shortest suffix paths by dynamic
 * programming, suffix masses by Vandermonde (Σ Π C(a_j, x_j) over Σ x_j = s is C(Σ a_j, s)), and a
 * branch and bound over the cells for each past path.
 */
function settleTwoStages(a: Int32Array, u: number, live: [number, number][], threshold: number, lchoose: (n: number, k: number) => number, tick: () => void): number {
  const k = a.length;
  const A = new Int32Array(k + 1); // suffix sums of a
  for (let j = k - 1; j >= 0; j--) A[j] = A[j + 1] + a[j];
  const m = A[0];
  const L = lchoose(m, u);
  // Many past paths and few completions: enumerate the completions once, sort their
  // log-probabilities, and settle each past path by a binary search in the prefix sums.
  let completions = 1;
  for (let j = 0; j < k - 1 && completions < 1e9; j++) completions *= Math.min(a[j], u) + 1;
  if (completions <= Math.max(20000, 16 * live.length)) {
    const values: number[] = [];
    const walk = (j: number, s: number, G: number): void => {
      if (j === k - 1) {
        if (s <= a[j]) values.push(G + lchoose(a[j], s));
        tick();
        return;
      }
      const from = Math.max(0, s - (A[j + 1]));
      const to = Math.min(a[j], s);
      for (let v = from; v <= to; v++) {
        walk(j + 1, s - v, G + lchoose(a[j], v));
      }
    };
    walk(0, u, 0);
    const sorted = Float64Array.from(values).sort();
    const prefix = new Float64Array(sorted.length + 1);
    for (let q = 0; q < sorted.length; q++) prefix[q + 1] = prefix[q] + Math.exp(sorted[q] - L);
    let mass = 0;
    for (const [lp, w] of live) {
      const T = threshold - lp + L;
      let lo = 0;
      let hi = sorted.length; // first index with value > T
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (sorted[mid] <= T) lo = mid + 1;
        else hi = mid;
      }
      mass += w * prefix[lo];
      tick();
    }
    return mass;
  }
  // maxRest[j][s], minRest[j][s]: extreme Σ_{j' ≥ j} log C(a_j', x_j') over Σ x_j' = s (s ≤ min(u, A_j)).
  const maxRest: Float64Array[] = new Array<Float64Array>(k + 1);
  const minRest: Float64Array[] = new Array<Float64Array>(k + 1);
  maxRest[k] = new Float64Array([0]);
  minRest[k] = new Float64Array([0]);
  for (let j = k - 1; j >= 0; j--) {
    const top = Math.min(u, A[j]);
    const mx = new Float64Array(top + 1).fill(-Infinity);
    const mn = new Float64Array(top + 1).fill(Infinity);
    const nextTop = Math.min(u, A[j + 1]);
    for (let s = 0; s <= top; s++) {
      const from = Math.max(0, s - nextTop);
      const to = Math.min(a[j], s);
      for (let v = from; v <= to; v++) {
        const g = lchoose(a[j], v);
        const hi = g + maxRest[j + 1][s - v];
        const lo = g + minRest[j + 1][s - v];
        if (hi > mx[s]) mx[s] = hi;
        if (lo < mn[s]) mn[s] = lo;
      }
      tick();
    }
    maxRest[j] = mx;
    minRest[j] = mn;
  }
  let mass = 0;
  for (const [lp, w] of live) {
    const T = threshold - lp + L; // a completion counts when Σ log C(a_j, x_j) ≤ T
    const rec = (j: number, s: number, G: number): void => {
      tick();
      if (G + maxRest[j][s] <= T) {
        mass += w * Math.exp(G + lchoose(A[j], s) - L);
        return;
      }
      if (G + minRest[j][s] > T) return;
      const nextTop = Math.min(u, A[j + 1]);
      const from = Math.max(0, s - nextTop);
      const to = Math.min(a[j], s);
      for (let v = from; v <= to; v++) rec(j + 1, s - v, G + lchoose(a[j], v));
    };
    rec(0, u, 0);
  }
  return mass;
}

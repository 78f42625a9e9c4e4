/**
 * Internal: the one-wave estimates of compareWaves (mean, share, NPS), unweighted or weighted
 * with Kish's effective n, and the weighted Welch test.
 */
import { meanConfidenceInterval, normalQuantile, studentTQuantile, studentTSf, wilsonInterval } from '@satlab/stats';

/** Values of one wave for one indicator: x (NaN = missing) and optional weights. */
export interface Sample {
  x: number[];
  w: number[] | null;
}

export interface Estimate {
  value: number;
  ci: [number, number];
  se: number;
  n: number;
  effectiveN: number;
  /** Weighted sum of squares around the mean over (V1 − V2/V1) (the unbiased reliability-weights variance), means only. */
  variance?: number;
  /** Shares (0–1) of successes, promoters, detractors as used by the tests. */
  share?: number;
  promoters?: number;
  detractors?: number;
}

const kish = (w: number[]): { v1: number; v2: number; ne: number } => {
  let v1 = 0;
  let v2 = 0;
  for (const x of w) {
    v1 += x;
    v2 += x * x;
  }
  return { v1, v2, ne: v2 > 0 ? (v1 * v1) / v2 : 0 };
};

/** Mean: Student t interval (unweighted, R t.test) or weighted mean ± t_{n_eff − 1}·s_w/√n_eff. */
export function meanEstimate(s: Sample, confidence: number): Estimate {
  const n = s.x.length;
  if (s.w === null) {
    if (n === 0) return { value: NaN, ci: [NaN, NaN], se: NaN, n: 0, effectiveN: 0, variance: NaN };
    if (n === 1) return { value: s.x[0], ci: [NaN, NaN], se: NaN, n: 1, effectiveN: 1, variance: NaN };
    const m = meanConfidenceInterval(s.x, { confidence });
    return { value: m.mean, ci: [m.lower, m.upper], se: m.se, n, effectiveN: n, variance: m.sd * m.sd };
  }
  const { v1, v2, ne } = kish(s.w);
  if (n === 0 || v1 === 0) return { value: NaN, ci: [NaN, NaN], se: NaN, n, effectiveN: ne, variance: NaN };
  let sx = 0;
  for (let i = 0; i < n; i++) sx += s.w[i] * s.x[i];
  const mean = sx / v1;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += s.w[i] * (s.x[i] - mean) ** 2;
  const variance = ne > 1 ? ss / (v1 - v2 / v1) : NaN;
  const se = Math.sqrt(variance / ne);
  const t = ne > 1 ? studentTQuantile(1 - (1 - confidence) / 2, ne - 1) : NaN;
  return { value: mean, ci: [mean - t * se, mean + t * se], se, n, effectiveN: ne, variance };
}

/** Share of x = 1 among x ∈ {0, 1}: Wilson interval on n (or on the Kish effective n, successes p·n_eff). */
export function shareEstimate(s: Sample, confidence: number): Estimate {
  const n = s.x.length;
  let p: number;
  let ne: number;
  if (s.w === null) {
    let k = 0;
    for (const x of s.x) k += x;
    p = n > 0 ? k / n : NaN;
    ne = n;
  } else {
    const kw = kish(s.w);
    let k = 0;
    for (let i = 0; i < n; i++) k += s.w[i] * s.x[i];
    p = kw.v1 > 0 ? k / kw.v1 : NaN;
    ne = kw.ne;
  }
  if (!(ne > 0)) return { value: NaN, ci: [NaN, NaN], se: NaN, n, effectiveN: ne, share: NaN };
  const w = wilsonInterval(Math.min(ne, Math.max(0, p * ne)), ne, { confidence });
  return { value: p, ci: [w.lower, w.upper], se: Math.sqrt((p * (1 - p)) / ne), n, effectiveN: ne, share: p };
}

/** NPS in points from x ∈ {1 promoter, 0 passive, −1 detractor}: Wald interval with the multinomial variance. */
export function npsEstimate(s: Sample, confidence: number): Estimate {
  const n = s.x.length;
  let pro = 0;
  let det = 0;
  let tot = 0;
  let ne = n;
  for (let i = 0; i < n; i++) {
    const w = s.w === null ? 1 : s.w[i];
    tot += w;
    if (s.x[i] > 0) pro += w;
    else if (s.x[i] < 0) det += w;
  }
  if (s.w !== null) ne = kish(s.w).ne;
  if (!(tot > 0) || !(ne > 0)) return { value: NaN, ci: [NaN, NaN], se: NaN, n, effectiveN: ne, promoters: NaN, detractors: NaN };
  const p = pro / tot;
  const d = det / tot;
  const v = Math.max(0, p + d - (p - d) ** 2) / ne;
  const se = 100 * Math.sqrt(v);
  const z = normalQuantile(1 - (1 - confidence) / 2);
  const value = 100 * (p - d);
  return { value, ci: [Math.max(-100, value - z * se), Math.min(100, value + z * se)], se, n, effectiveN: ne, promoters: p, detractors: d };
}

/** Welch t test on weighted means with Kish effective sizes: se² = s₁²/n₁ + s₂²/n₂ (n = n_eff), Welch–Satterthwaite df with n_eff − 1. */
export function weightedWelch(a: Estimate, b: Estimate, confidence: number): { difference: number; se: number; statistic: number; df: number; pValue: number; ci: [number, number] } {
  const va = (a.variance as number) / a.effectiveN;
  const vb = (b.variance as number) / b.effectiveN;
  const se = Math.sqrt(va + vb);
  const df = (va + vb) ** 2 / (va * va / (a.effectiveN - 1) + vb * vb / (b.effectiveN - 1));
  const difference = a.value - b.value;
  const statistic = difference / se;
  const pValue = 2 * studentTSf(Math.abs(statistic), df);
  const t = studentTQuantile(1 - (1 - confidence) / 2, df);
  return { difference, se, statistic, df, pValue, ci: [difference - t * se, difference + t * se] };
}

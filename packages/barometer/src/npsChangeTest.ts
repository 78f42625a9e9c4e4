import { normalQuantile, normalSf } from '@satlab/stats';
import type { Message } from '@satlab/messages';
import { M } from './messages.js';

/** One NPS measurement: shares of promoters and detractors (0–1) among n answers (n may be a Kish effective n). A `netPromoterScore` result fits. */
export interface NpsShares {
  promoters: number;
  detractors: number;
  n: number;
}

/** Options of {@link npsChangeTest}. */
export interface NpsChangeTestOptions {
  /** Confidence level of the interval of the difference. Default 0.95. */
  confidence?: number;
}

/** Result of {@link npsChangeTest}. NPS, differences, standard errors and intervals are in NPS points (−100 to 100). */
export interface NpsChangeTest {
  method: string;
  /** [NPS of a, NPS of b] in points. */
  estimate: [number, number];
  /** NPS(a) − NPS(b), in points. */
  difference: number;
  /** Standard error of the difference in points: 100·√(Var_a + Var_b). */
  se: number;
  /** z = Δ/√(Var_a + Var_b) (the same in share units or points). */
  statistic: number;
  /** Two-sided p-value 2·P(Z > |z|), from the normal survival function. */
  pValue: number;
  /** Wald interval of the difference in points: Δ ± z_{1−α/2}·se. */
  ci: [number, number];
  /** Multinomial variances of p̂ − d̂ in share units: [(p + d) − (p − d)²]/n, for a and b. */
  variance: [number, number];
  n: [number, number];
  confidence: number;
  warnings: Message[];
}

function check(fn: string, arg: string, s: NpsShares): void {
  if (s === null || typeof s !== 'object') throw new TypeError(`${fn}(${arg}): expected { promoters, detractors, n }, got ${String(s)}`);
  for (const k of ['promoters', 'detractors'] as const) {
    const v = s[k];
    if (typeof v !== 'number' || !(v >= 0 && v <= 1)) throw new RangeError(`${fn}(${arg}.${k}): expected a share in [0, 1], got ${String(v)}`);
  }
  if (s.promoters + s.detractors > 1 + 1e-12) throw new RangeError(`${fn}(${arg}): promoters + detractors = ${s.promoters + s.detractors} exceeds 1`);
  if (typeof s.n !== 'number' || !(s.n > 0) || !Number.isFinite(s.n)) throw new RangeError(`${fn}(${arg}.n): expected a positive number of answers, got ${String(s.n)}`);
}

/**
 * Tests the change of a Net Promoter Score between two independent samples (two barometer waves):
 * with p, d the shares of promoters and detractors, the NPS (in shares) is p − d and, the answers
 * being one multinomial draw, Var(p̂ − d̂) = [(p + d) − (p − d)²]/n in each sample. The difference
 * Δ = (p_a − d_a) − (p_b − d_b) has variance Var_a + Var_b (independent samples, unpooled), so
 *
 *   z = Δ / √(Var_a + Var_b),  p-value = 2·P(Z > |z|),  CI = Δ ± z_{1−α/2}·√(Var_a + Var_b),
 *
 * reported in NPS points (×100). With weighted data pass the weighted shares and the Kish
 * effective n. Checked against R in `test/fixtures/nps-change.R`.
 *
 * Assumptions: independent samples, simple random sampling (or effective n), normal approximation
 * (a few dozen answers per sample; a warning below 30).
 *
 * Reference: the multinomial variance of the NPS (e.g. Rocks 2016, "The NPS and its margin of
 * error"); R: `v <- ((p + d) - (p - d)^2) / n; z <- (npsA - npsB) / sqrt(vA + vB); 2 * pnorm(-abs(z))`.
 *
 * @param a The later measurement (e.g. the latest wave).
 * @param b The reference (e.g. the previous wave).
 * @throws {TypeError|RangeError} shares outside [0, 1], p + d > 1, n not positive, bad confidence.
 * @example
 * npsChangeTest({ promoters: 0.30, detractors: 0.45, n: 1470 }, { promoters: 0.28, detractors: 0.47, n: 1468 });
 * //=> { difference: 4, se: 3.13242…, statistic: 1.27696…, pValue: 0.201613…, ci: [-2.13943…,
 * //   10.1394…], … }
 */
export function npsChangeTest(a: NpsShares, b: NpsShares, opts: NpsChangeTestOptions = {}): NpsChangeTest {
  const fn = 'npsChangeTest';
  check(fn, 'a', a);
  check(fn, 'b', b);
  const confidence = opts.confidence ?? 0.95;
  if (typeof confidence !== 'number' || !(confidence > 0 && confidence < 1)) throw new RangeError(`${fn}(opts.confidence): expected a number strictly between 0 and 1, got ${String(confidence)}`);
  const nps = (s: NpsShares): number => s.promoters - s.detractors;
  const variance = (s: NpsShares): number => Math.max(0, s.promoters + s.detractors - nps(s) ** 2) / s.n;
  const va = variance(a);
  const vb = variance(b);
  const diff = nps(a) - nps(b);
  const se = Math.sqrt(va + vb);
  const z = se > 0 ? diff / se : diff === 0 ? NaN : diff > 0 ? Infinity : -Infinity;
  const pValue = Number.isNaN(z) ? NaN : 2 * normalSf(Math.abs(z));
  const q = normalQuantile(1 - (1 - confidence) / 2);
  const warnings: Message[] = [];
  if (a.n < 30 || b.n < 30) warnings.push(M.npsFewAnswers({ fn, n: Math.min(a.n, b.n) }));
  if (se === 0) warnings.push(M.npsZeroVariance({ fn }));
  return {
    method: 'Difference of two independent NPS, multinomial variances, two-sided z test',
    estimate: [100 * nps(a), 100 * nps(b)],
    difference: 100 * diff,
    se: 100 * se,
    statistic: z,
    pValue,
    ci: [100 * (diff - q * se), 100 * (diff + q * se)],
    variance: [va, vb],
    n: [a.n, b.n],
    confidence,
    warnings,
  };
}

/**
 * Special functions behind the distributions: log-gamma, regularized incomplete gamma and beta.
 * Implemented here (not taken from jStat) because jStat's log-gamma is a 6-term Lanczos series
 * accurate to about 1e-10, which caps every p-value built on it; these reach ~1e-14 relative.
 */

const LANCZOS_G = 7;
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
const LOG_SQRT_2PI = 0.91893853320467274178;

/**
 * Natural log of the gamma function for x > 0 (Lanczos, g = 7, n = 9; reflection below 0.5).
 * Matches R's `lgamma` to about 1e-14 relative away from the zeros at 1 and 2.
 * @throws {RangeError} when x is not positive.
 * @example
 * logGamma(10); //=> 12.8018…
 * logGamma(0.5) * 2; //=> 1.14472…
 */
export function logGamma(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x <= 0) throw new RangeError(`logGamma(x): x must be > 0, got ${x}`);
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  if (x === 1 || x === 2) return 0;
  // Stirling series for large x (better conditioned than Lanczos there).
  if (x >= 15) {
    const z = 1 / (x * x);
    const series = (1 / 12 - z * (1 / 360 - z * (1 / 1260 - z * (1 / 1680 - z / 1188)))) / x;
    return (x - 0.5) * Math.log(x) - x + LOG_SQRT_2PI + series;
  }
  const xm = x - 1;
  let a = LANCZOS[0];
  const t = xm + LANCZOS_G + 0.5;
  for (let i = 1; i < 9; i++) a += LANCZOS[i] / (xm + i);
  return LOG_SQRT_2PI + (xm + 0.5) * Math.log(t) - t + Math.log(a);
}

/**
 * log B(a, b) = lgamma(a) + lgamma(b) − lgamma(a + b).
 * @example
 * logBeta(2, 3); //=> -2.48490…
 */
export function logBeta(a: number, b: number): number {
  return logGamma(a) + logGamma(b) - logGamma(a + b);
}

const EPS = 1e-16;
const TINY = 1e-300;
const MAX_ITER = 10000;

/** Series for P(a, x), valid for x < a + 1. */
function gammaPSeries(a: number, x: number): number {
  let sum = 1 / a;
  let term = sum;
  for (let n = 1; n < MAX_ITER; n++) {
    term *= x / (a + n);
    sum += term;
    if (Math.abs(term) < Math.abs(sum) * EPS) break;
  }
  return sum * Math.exp(-x + a * Math.log(x) - logGamma(a));
}

/** Continued fraction (modified Lentz) for Q(a, x), valid for x ≥ a + 1. */
function gammaQFraction(a: number, x: number): number {
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < MAX_ITER; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < EPS) break;
  }
  return Math.exp(-x + a * Math.log(x) - logGamma(a)) * h;
}

/**
 * Regularized lower incomplete gamma P(a, x) = γ(a, x)/Γ(a) (R: `pgamma(x, a)`).
 * @throws {RangeError} when a ≤ 0 or x < 0.
 * @example
 * regularizedGammaP(2, 3); //=> 0.800851…
 */
export function regularizedGammaP(a: number, x: number): number {
  if (Number.isNaN(a) || Number.isNaN(x)) return NaN;
  if (!(a > 0)) throw new RangeError(`regularizedGammaP(a, x): a must be > 0, got ${a}`);
  if (x < 0) throw new RangeError(`regularizedGammaP(a, x): x must be ≥ 0, got ${x}`);
  if (x === 0) return 0;
  if (x === Infinity) return 1;
  return x < a + 1 ? gammaPSeries(a, x) : 1 - gammaQFraction(a, x);
}

/**
 * Regularized upper incomplete gamma Q(a, x) = 1 − P(a, x), computed directly in the upper tail
 * so it does not underflow to 0 (R: `pgamma(x, a, lower.tail = FALSE)`).
 * @throws {RangeError} when a ≤ 0 or x < 0.
 * @example
 * regularizedGammaQ(6, 26.88); //=> 3.01597…e-7
 */
export function regularizedGammaQ(a: number, x: number): number {
  if (Number.isNaN(a) || Number.isNaN(x)) return NaN;
  if (!(a > 0)) throw new RangeError(`regularizedGammaQ(a, x): a must be > 0, got ${a}`);
  if (x < 0) throw new RangeError(`regularizedGammaQ(a, x): x must be ≥ 0, got ${x}`);
  if (x === 0) return 1;
  if (x === Infinity) return 0;
  return x < a + 1 ? 1 - gammaPSeries(a, x) : gammaQFraction(a, x);
}

/** Continued fraction for the incomplete beta (modified Lentz, Numerical Recipes betacf). */
function betaFraction(x: number, a: number, b: number): number {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m < MAX_ITER; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < EPS) break;
  }
  return h;
}

/**
 * Regularized incomplete beta I_x(a, b) (R: `pbeta(x, a, b)`). For the upper tail call
 * `regularizedBeta(1 - x, b, a)` with 1 − x computed without cancellation by the caller.
 * @throws {RangeError} when a or b ≤ 0 or x outside [0, 1].
 * @example
 * regularizedBeta(0.4, 2, 3); //=> 0.5248
 */
export function regularizedBeta(x: number, a: number, b: number): number {
  if (Number.isNaN(x) || Number.isNaN(a) || Number.isNaN(b)) return NaN;
  if (!(a > 0) || !(b > 0)) throw new RangeError(`regularizedBeta(x, a, b): a and b must be > 0, got a=${a}, b=${b}`);
  if (x < 0 || x > 1) throw new RangeError(`regularizedBeta(x, a, b): x must be in [0, 1], got ${x}`);
  if (x === 0) return 0;
  if (x === 1) return 1;
  const logFront = a * Math.log(x) + b * Math.log1p(-x) - logBeta(a, b);
  if (x < (a + 1) / (a + b + 2)) return (Math.exp(logFront) * betaFraction(x, a, b)) / a;
  return 1 - (Math.exp(logFront) * betaFraction(1 - x, b, a)) / b;
}

/**
 * I_x(a, b) given both x and y = 1 − x, each computed by the caller without cancellation,
 * so that both tails keep full relative precision.
 * @example
 * regularizedBetaXY(0.4, 0.6, 2, 3); //=> 0.5248
 */
export function regularizedBetaXY(x: number, y: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (y <= 0) return 1;
  const logFront = a * Math.log(x) + b * Math.log(y) - logBeta(a, b);
  if (x < (a + 1) / (a + b + 2)) return (Math.exp(logFront) * betaFraction(x, a, b)) / a;
  return 1 - (Math.exp(logFront) * betaFraction(y, b, a)) / b;
}

/**
 * Upper tail 1 − I_x(a, b) = I_y(b, a) with y = 1 − x given by the caller.
 * @example
 * regularizedBetaUpper(0.4, 0.6, 2, 3); //=> 0.4752
 */
export function regularizedBetaUpper(x: number, y: number, a: number, b: number): number {
  return regularizedBetaXY(y, x, b, a);
}

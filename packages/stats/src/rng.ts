/**
 * A seeded pseudo-random generator: xoshiro128** (Blackman & Vigna, 2018) seeded through
 * splitmix32, so that every Monte-Carlo p-value, bootstrap interval and synthetic dataset
 * in satlab is reproducible from its seed.
 */
export interface Rng {
  /** Uniform double in [0, 1) with 53 random bits. */
  next(): number;
  /** Uniform integer in [0, n), without modulo bias. */
  int(n: number): number;
  /** Standard normal deviate (Marsaglia polar method). */
  normal(): number;
  /** The seed this generator started from. */
  readonly seed: number;
}

/**
 * Creates a seeded generator (xoshiro128**; state from splitmix32 of `seed`).
 *
 * @param seed any finite number; the same seed gives the same stream on every platform.
 * @throws {TypeError} when `seed` is not a finite number.
 * @example
 * const r = rng(42);
 * r.next(); //=> 0.862472…
 * r.int(6); //=> 1
 * rng(42).next() === rng(42).next(); //=> true
 */
export function rng(seed: number): Rng {
  if (typeof seed !== 'number' || !Number.isFinite(seed)) {
    throw new TypeError(`rng(seed): seed must be a finite number, got ${String(seed)}`);
  }
  let sm = (Math.floor(seed) ^ 0x9e3779b9) >>> 0;
  const splitmix = (): number => {
    sm = (sm + 0x9e3779b9) >>> 0;
    let z = sm;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = splitmix();
  let b = splitmix();
  let c = splitmix();
  let d = splitmix();
  if ((a | b | c | d) === 0) a = 1;
  const u32 = (): number => {
    const result = Math.imul(rotl(Math.imul(b, 5) >>> 0, 7), 9) >>> 0;
    const t = (b << 9) >>> 0;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotl(d, 11);
    return result;
  };
  let spare = NaN;
  const gen: Rng = {
    seed,
    next(): number {
      const hi = u32() >>> 5; // 27 bits
      const lo = u32() >>> 6; // 26 bits
      return (hi * 67108864 + lo) / 9007199254740992;
    },
    int(n: number): number {
      if (!(n >= 1) || !Number.isInteger(n)) {
        throw new RangeError(`rng.int(n): n must be a positive integer, got ${n}`);
      }
      if (n <= 0x100000000) {
        const limit = 0x100000000 - (0x100000000 % n);
        let x = u32();
        while (x >= limit) x = u32();
        return x % n;
      }
      return Math.floor(gen.next() * n);
    },
    normal(): number {
      if (!Number.isNaN(spare)) {
        const s = spare;
        spare = NaN;
        return s;
      }
      let u: number, v: number, s: number;
      do {
        u = 2 * gen.next() - 1;
        v = 2 * gen.next() - 1;
        s = u * u + v * v;
      } while (s >= 1 || s === 0);
      const f = Math.sqrt((-2 * Math.log(s)) / s);
      spare = v * f;
      return u * f;
    },
  };
  return gen;
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}

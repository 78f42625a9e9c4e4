// Pinning tests for packages/stats/src/distributions/*.ts (issue 18, third round): every branch,
// every refusal with its wording, the boundaries (n = 0, p of 0 and 1, ±Infinity, NaN) and values
// in each branch of the special functions.
// Reference values: mpmath 1.3 at 40–50 digits (python3; the call is quoted beside each value;
// float arguments are the exact doubles JS passes), scipy 1.17 where named, or a hand computation.
import { describe, expect, it } from 'vitest';
import {
  betaCdf, betaQuantile, binomialCdf, binomialPmf, binomialSf, chiSquareCdf, chiSquareQuantile, chiSquareSf, fisherFCdf, fisherFQuantile,
  fisherFSf, logBeta, logGamma, normalCdf, normalQuantile, normalSf, regularizedBeta, regularizedBetaUpper, regularizedBetaXY,
  regularizedGammaP, regularizedGammaQ, studentTCdf, studentTQuantile, studentTSf,
} from '@satlab/stats';
import { solveIncreasing } from '../src/distributions/invert.js';

/** |got − want| ≤ rel·|want| (want ≠ 0). */
const close = (got: number, want: number, rel = 1e-12): void => {
  expect(Math.abs(got - want)).toBeLessThanOrEqual(rel * Math.abs(want));
};
const bad = (x: unknown): number => x as number;

describe('logGamma and logBeta', () => {
  it('matches mpmath.loggamma in every branch: reflection below 0.5, Lanczos, Stirling from 15', () => {
    // mp.loggamma(x) at 40 digits
    close(logGamma(0.25), 1.2880225246980775);
    close(logGamma(1e-3), 6.9071788853838537);
    close(logGamma(0.49), 0.59224962933526706);
    close(logGamma(0.5), 0.57236494292470009);
    close(logGamma(0.75), 0.20328095143129537);
    close(logGamma(1.5), -0.12078223763524522, 1e-13);
    close(logGamma(3), 0.69314718055994531);
    close(logGamma(7.3), 7.1478925230222487);
    close(logGamma(14.999), 25.188546870546928);
    close(logGamma(15), 25.191221182738682, 1e-14);
    close(logGamma(30.5), 72.953471184169408, 1e-14);
    close(logGamma(200), 857.93366982585744, 1e-14);
    close(logGamma(1e6), 12815504.569147612, 1e-14);
  });
  it('is exactly 0 at 1 and 2, NaN for NaN, and refuses x ≤ 0 naming the value', () => {
    expect(logGamma(1)).toBe(0);
    expect(logGamma(2)).toBe(0);
    expect(logGamma(NaN)).toBeNaN();
    expect(() => logGamma(0)).toThrow(RangeError);
    expect(() => logGamma(0)).toThrow(/^logGamma\(x\): x must be > 0, got 0$/);
    expect(() => logGamma(-2.5)).toThrow(/^logGamma\(x\): x must be > 0, got -2.5$/);
  });
  it('logBeta(2.5, 0.7) = log B(2.5, 0.7) (mp.log(mp.beta(2.5, 0.7)) = -0.33985471015032317); logBeta(2, 3) = log(1/12) by hand', () => {
    close(logBeta(2.5, 0.7), -0.33985471015032317);
    close(logBeta(2, 3), Math.log(1 / 12));
  });
});

describe('regularized incomplete gamma P and Q', () => {
  // mp.gammainc(a, 0, x, regularized=True) and mp.gammainc(a, x, mp.inf, regularized=True)
  const cases: [number, number, number, number][] = [
    [2, 1, 0.26424111765711536, 0.73575888234288464], // series branch (x < a + 1)
    [2, 3, 0.80085172652854423, 0.19914827347145577], // x = a + 1: continued fraction
    [0.5, 0.1, 0.34527915398142298, 0.65472084601857702],
    [10, 25, 0.99977852336175122, 0.00022147663824878358],
    [10, 0.5, 1.7096700293489034e-10, 0.999999999829033],
    [4.5, 5.5, 0.72429106322777811, 0.27570893677222189],
    [4.5, 5.4999, 0.72427735398693348, 0.27572264601306652],
    [1, 1, 0.63212055882855768, 0.36787944117144232],
  ];
  it('P and Q match mpmath on both sides of x = a + 1', () => {
    for (const [a, x, p, q] of cases) {
      close(regularizedGammaP(a, x), p, 1e-12);
      close(regularizedGammaQ(a, x), q, 1e-12);
    }
  });
  it('Q keeps the far upper tail: Q(3, 60) = 1.6295866529378224e-23 (mpmath), P(3, 60) = 1', () => {
    close(regularizedGammaQ(3, 60), 1.6295866529378224e-23);
    expect(regularizedGammaP(3, 60)).toBe(1);
  });
  it('x = 0 and x = Infinity are the ends of [0, 1]', () => {
    expect(regularizedGammaP(2, 0)).toBe(0);
    expect(regularizedGammaQ(2, 0)).toBe(1);
    expect(regularizedGammaP(2, Infinity)).toBe(1);
    expect(regularizedGammaQ(2, Infinity)).toBe(0);
    expect(regularizedGammaP(0.5, Infinity)).toBe(1);
    expect(regularizedGammaQ(0.5, Infinity)).toBe(0);
  });
  it('NaN in either argument gives NaN, before any check', () => {
    for (const f of [regularizedGammaP, regularizedGammaQ]) {
      expect(f(NaN, 1)).toBeNaN();
      expect(f(1, NaN)).toBeNaN();
      expect(f(NaN, -1)).toBeNaN();
      expect(f(-1, NaN)).toBeNaN();
    }
  });
  it('refuses a ≤ 0 and x < 0 with the function named', () => {
    expect(() => regularizedGammaP(0, 1)).toThrow(/^regularizedGammaP\(a, x\): a must be > 0, got 0$/);
    expect(() => regularizedGammaP(-1, 1)).toThrow(/^regularizedGammaP\(a, x\): a must be > 0, got -1$/);
    expect(() => regularizedGammaP(1, -0.5)).toThrow(/^regularizedGammaP\(a, x\): x must be ≥ 0, got -0.5$/);
    expect(() => regularizedGammaQ(0, 1)).toThrow(/^regularizedGammaQ\(a, x\): a must be > 0, got 0$/);
    expect(() => regularizedGammaQ(1, -0.5)).toThrow(/^regularizedGammaQ\(a, x\): x must be ≥ 0, got -0.5$/);
    expect(() => regularizedGammaQ(-1, 1)).toThrow(RangeError);
  });
});

describe('regularized incomplete beta', () => {
  // mp.betainc(a, b, 0, x, regularized=True) and mp.betainc(a, b, x, 1, regularized=True)
  const cases: [number, number, number, number, number][] = [
    [0.4, 2, 3, 0.52480000000000004, 0.47519999999999996],
    [0.3, 3, 8, 0.61721721359999997, 0.38278278640000003],
    [0.9, 0.5, 0.5, 0.79516723530086657, 0.20483276469913343],
    [1e-5, 2, 3, 5.999920000300001e-10, 0.999999999400008],
    [0.999, 2, 3, 0.999999996003, 3.9970000000000106e-9],
    [0.5, 2, 3, 0.6875, 0.3125],
    [3 / 7, 2, 3, 0.57351103706788834, 0.42648896293211166], // x = (a + 1)/(a + b + 2): the switch
    [0.4, 20, 30, 0.50770019965764801, 0.49229980034235199],
    [0.7, 20, 30, 0.99999405624741468, 5.9437525853222076e-6],
  ];
  it('regularizedBeta, regularizedBetaXY and regularizedBetaUpper match mpmath in both branches', () => {
    for (const [x, a, b, lo, up] of cases) {
      close(regularizedBeta(x, a, b), lo, 1e-12);
      close(regularizedBetaXY(x, 1 - x, a, b), lo, 1e-12);
      close(regularizedBetaUpper(x, 1 - x, a, b), up, 1e-11);
    }
  });
  it('the ends: I_0 = 0, I_1 = 1, and regularizedBetaXY with x ≤ 0 or y ≤ 0', () => {
    expect(regularizedBeta(0, 2, 3)).toBe(0);
    expect(regularizedBeta(1, 2, 3)).toBe(1);
    expect(regularizedBetaXY(0, 1, 2, 3)).toBe(0);
    expect(regularizedBetaXY(-0.5, 1.5, 2, 3)).toBe(0);
    expect(regularizedBetaXY(1, 0, 2, 3)).toBe(1);
    expect(regularizedBetaXY(1.5, -0.5, 2, 3)).toBe(1);
    expect(regularizedBetaUpper(0, 1, 2, 3)).toBe(1);
    expect(regularizedBetaUpper(1, 0, 2, 3)).toBe(0);
  });
  it('NaN in any argument gives NaN, before any check', () => {
    expect(regularizedBeta(NaN, 2, 3)).toBeNaN();
    expect(regularizedBeta(0.5, NaN, 3)).toBeNaN();
    expect(regularizedBeta(0.5, 2, NaN)).toBeNaN();
    expect(regularizedBeta(NaN, -1, 3)).toBeNaN();
    expect(regularizedBeta(0.5, NaN, -1)).toBeNaN();
    expect(regularizedBeta(2, 2, NaN)).toBeNaN();
  });
  it('refuses a ≤ 0, b ≤ 0 (each alone) and x outside [0, 1], naming the values', () => {
    expect(() => regularizedBeta(0.5, 0, 3)).toThrow(/^regularizedBeta\(x, a, b\): a and b must be > 0, got a=0, b=3$/);
    expect(() => regularizedBeta(0.5, 2, 0)).toThrow(/^regularizedBeta\(x, a, b\): a and b must be > 0, got a=2, b=0$/);
    expect(() => regularizedBeta(0.5, -1, -1)).toThrow(RangeError);
    expect(() => regularizedBeta(-0.1, 2, 3)).toThrow(/^regularizedBeta\(x, a, b\): x must be in \[0, 1\], got -0.1$/);
    expect(() => regularizedBeta(1.5, 2, 3)).toThrow(/^regularizedBeta\(x, a, b\): x must be in \[0, 1\], got 1.5$/);
  });
});

describe('normal distribution', () => {
  it('normalSf and normalCdf match mpmath.ncdf on both sides of 0 and far in the tail', () => {
    // mp.ncdf(-z) and mp.ncdf(z)
    const cases: [number, number, number][] = [
      [1.96, 0.024997895148220436, 0.97500210485177956],
      [-1.96, 0.97500210485177956, 0.024997895148220436],
      [0.5, 0.3085375387259869, 0.6914624612740131],
      [-0.5, 0.6914624612740131, 0.3085375387259869],
      [3, 0.0013498980316300945, 0.99865010196836991],
    ];
    for (const [z, sf, cdf] of cases) {
      close(normalSf(z), sf, 1e-13);
      close(normalCdf(z), cdf, 1e-13);
    }
    close(normalSf(10), 7.6198530241605261e-24, 1e-12);
    close(normalCdf(-10), 7.6198530241605261e-24, 1e-12);
    close(normalSf(37.5), 4.6053530095819548e-308, 1e-9);
    expect(normalSf(0)).toBe(0.5);
    expect(normalCdf(0)).toBe(0.5);
    expect(normalCdf(10)).toBe(1);
  });
  it('±Infinity and NaN', () => {
    expect(normalSf(Infinity)).toBe(0);
    expect(normalSf(-Infinity)).toBe(1);
    expect(normalCdf(Infinity)).toBe(1);
    expect(normalCdf(-Infinity)).toBe(0);
    expect(normalSf(NaN)).toBeNaN();
    expect(normalCdf(NaN)).toBeNaN();
    expect(normalQuantile(NaN)).toBeNaN();
  });
  it('refuses a non-number with a TypeError naming the function and the type', () => {
    expect(() => normalSf(bad('1'))).toThrow(TypeError);
    expect(() => normalSf(bad('1'))).toThrow(/^normalSf\(z\): z must be a number, got string$/);
    expect(() => normalCdf(bad(undefined))).toThrow(/^normalCdf\(z\): z must be a number, got undefined$/);
    expect(() => normalQuantile(bad('0.5'))).toThrow(/^normalQuantile\(p\): p must be a number, got string$/);
  });
  it('normalQuantile matches the normal inverse in the central and both tail regions (mpmath bisection on mp.ncdf; scipy.special.ndtri where named)', () => {
    const cases: [number, number][] = [
      [0.3, -0.52440051270804082],
      [0.7, 0.52440051270804066],
      [0.075, -1.4395314709384559], // |p − 0.5| = 0.425: the edge of the central region
      [0.925, 1.4395314709384562],
      [0.01, -2.3263478740408411],
      [0.99, 2.3263478740408408],
      [1e-5, -4.2648907939228246],
      [1e-11, -6.7060231554951363], // r = √(−log p) > 5: the far-tail rational function
      [1e-20, -9.2623400897984076],
      [1e-300, -37.047096299361199],
      [0.975, 1.9599639845400539],
      [0.999999, 4.753424308817087], // scipy.special.ndtri(0.999999)
      [1 - 1e-10, 6.361340889697422], // scipy.special.ndtri(1 - 1e-10)
    ];
    for (const [p, z] of cases) close(normalQuantile(p), z, 1e-14);
    expect(normalQuantile(0.5)).toBe(0);
  });
  it('normalQuantile: 0 and 1 give ∓Infinity, outside [0, 1] is refused', () => {
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    expect(() => normalQuantile(1.5)).toThrow(/^normalQuantile\(p\): p must be in \[0, 1\], got 1.5$/);
    expect(() => normalQuantile(-0.1)).toThrow(/^normalQuantile\(p\): p must be in \[0, 1\], got -0.1$/);
  });
});

describe('chi-square distribution', () => {
  it('CDF and survival function (mp.gammainc(df/2, 0, x/2, regularized=True) and its complement)', () => {
    close(chiSquareCdf(3.841458820694124, 1), 0.94999999999999994, 1e-13);
    close(chiSquareSf(10, 4), 0.040427681994512803, 1e-13);
    close(chiSquareCdf(10, 4), 0.9595723180054872, 1e-13);
    close(chiSquareCdf(0.5, 3), 0.081108588345324141, 1e-13);
  });
  it('x ≤ 0 is the lower end, NaN is NaN', () => {
    expect(chiSquareCdf(0, 3)).toBe(0);
    expect(chiSquareCdf(-1, 3)).toBe(0);
    expect(chiSquareSf(0, 3)).toBe(1);
    expect(chiSquareSf(-1, 3)).toBe(1);
    expect(chiSquareCdf(NaN, 3)).toBeNaN();
    expect(chiSquareSf(NaN, 3)).toBeNaN();
    expect(chiSquareQuantile(NaN, 3)).toBeNaN();
  });
  it('each function refuses df ≤ 0 under its own name', () => {
    expect(() => chiSquareCdf(1, 0)).toThrow(/^chiSquareCdf\(x, df\): df must be > 0, got 0$/);
    expect(() => chiSquareSf(1, -2)).toThrow(/^chiSquareSf\(x, df\): df must be > 0, got -2$/);
    expect(() => chiSquareQuantile(0.5, 0)).toThrow(/^chiSquareQuantile\(p, df\): df must be > 0, got 0$/);
    expect(() => chiSquareCdf(1, NaN)).toThrow(/got NaN$/);
  });
  it('quantiles in both tails (bisection on mpmath P), p of 0 and 1, and p outside [0, 1]', () => {
    close(chiSquareQuantile(0.95, 12), 21.026069817483062, 1e-12);
    close(chiSquareQuantile(1e-10, 3), 5.2093976214344803e-7, 1e-10);
    close(chiSquareQuantile(0.3, 0.5), 0.010982604948550966, 1e-11);
    close(chiSquareQuantile(0.7, 7), 8.3834308286083838, 1e-12);
    // Upper tail 1 − p = 9.9997787827987849596e-13 (exact for this double): mp root of Q(5/2, x/2) = 1 − p.
    close(chiSquareQuantile(1 - 1e-12, 5), 65.238682522583534, 1e-10);
    expect(chiSquareQuantile(0, 3)).toBe(0);
    expect(chiSquareQuantile(1, 3)).toBe(Infinity);
    expect(() => chiSquareQuantile(-0.1, 3)).toThrow(/^chiSquareQuantile\(p, df\): p must be in \[0, 1\], got -0.1$/);
    expect(() => chiSquareQuantile(1.1, 3)).toThrow(/^chiSquareQuantile\(p, df\): p must be in \[0, 1\], got 1.1$/);
  });
});

describe('Student t distribution', () => {
  it('survival function and CDF (½·I_{df/(df+t²)}(df/2, ½) in mpmath)', () => {
    close(studentTSf(2.5, 7), 0.020496109292876448, 1e-12);
    close(studentTSf(-2.5, 7), 0.97950389070712355, 1e-13);
    close(studentTCdf(-2.5, 7), 0.020496109292876448, 1e-12);
    close(studentTCdf(2.5, 7), 0.97950389070712355, 1e-13);
    close(studentTSf(150, 2), 2.2220740850471575e-5, 1e-12);
    close(studentTSf(1.3, 0.5), 0.27030732672256023, 1e-12);
    expect(studentTSf(0, 5)).toBe(0.5);
    expect(studentTCdf(0, 5)).toBe(0.5);
  });
  it('infinite df is the normal distribution; infinite t the ends; NaN is NaN', () => {
    expect(studentTSf(1.96, Infinity)).toBe(normalSf(1.96));
    close(studentTSf(1.96, Infinity), 0.024997895148220436, 1e-13);
    close(studentTCdf(1.96, Infinity), 0.97500210485177956, 1e-13);
    close(studentTQuantile(0.975, Infinity), 1.9599639845400539, 1e-14);
    expect(studentTQuantile(0.5, Infinity)).toBe(0);
    expect(studentTSf(Infinity, 5)).toBe(0);
    expect(studentTSf(-Infinity, 5)).toBe(1);
    expect(studentTCdf(Infinity, 5)).toBe(1);
    expect(studentTCdf(-Infinity, 5)).toBe(0);
    expect(studentTSf(NaN, 5)).toBeNaN();
    expect(studentTCdf(NaN, 5)).toBeNaN();
    expect(studentTQuantile(NaN, 5)).toBeNaN();
  });
  it('each function refuses df ≤ 0 under its own name', () => {
    expect(() => studentTSf(1, 0)).toThrow(/^studentTSf\(t, df\): df must be > 0, got 0$/);
    expect(() => studentTCdf(1, -1)).toThrow(/^studentTCdf\(t, df\): df must be > 0, got -1$/);
    expect(() => studentTQuantile(0.5, 0)).toThrow(/^studentTQuantile\(p, df\): df must be > 0, got 0$/);
    expect(() => studentTSf(1, NaN)).toThrow(RangeError);
  });
  it('quantiles (mpmath bisection on the CDF), the centre, the ends, and p outside [0, 1]', () => {
    close(studentTQuantile(0.975, 10), 2.2281388519862742, 1e-12);
    close(studentTQuantile(0.025, 10), -2.2281388519862747, 1e-12);
    close(studentTQuantile(0.9, 3), 1.6377443536962103, 1e-12);
    close(studentTQuantile(1e-8, 4), -131.59473694062355, 1e-10);
    close(studentTQuantile(0.2, 1.5), -1.1533643782954686, 1e-12);
    expect(studentTQuantile(0.5, 7)).toBe(0);
    expect(studentTQuantile(0, 7)).toBe(-Infinity);
    expect(studentTQuantile(1, 7)).toBe(Infinity);
    expect(() => studentTQuantile(-0.1, 7)).toThrow(/^studentTQuantile\(p, df\): p must be in \[0, 1\], got -0.1$/);
    expect(() => studentTQuantile(1.5, 7)).toThrow(/^studentTQuantile\(p, df\): p must be in \[0, 1\], got 1.5$/);
  });
});

describe('F distribution', () => {
  it('CDF and survival function (I_{d1 f/(d1 f + d2)}(d1/2, d2/2) in mpmath)', () => {
    close(fisherFCdf(3.4903, 3, 12), 0.95000019267559292, 1e-13);
    close(fisherFSf(3.4903, 3, 12), 0.049999807324407084, 1e-11);
    close(fisherFCdf(0.5, 2, 7), 0.37334546696120025, 1e-12);
    close(fisherFSf(0.5, 2, 7), 0.62665453303879975, 1e-12);
    close(fisherFCdf(10, 5, 1), 0.76460477678879262, 1e-12);
    close(fisherFSf(10, 5, 1), 0.23539522321120738, 1e-12);
  });
  it('f ≤ 0 (even below −d2/d1, where d1·f + d2 < 0), +Infinity and NaN', () => {
    expect(fisherFCdf(0, 3, 12)).toBe(0);
    expect(fisherFSf(0, 3, 12)).toBe(1);
    expect(fisherFCdf(-1, 3, 1)).toBe(0);
    expect(fisherFSf(-1, 3, 1)).toBe(1);
    expect(fisherFCdf(Infinity, 3, 12)).toBe(1);
    expect(fisherFSf(Infinity, 3, 12)).toBe(0);
    expect(fisherFCdf(NaN, 3, 12)).toBeNaN();
    expect(fisherFSf(NaN, 3, 12)).toBeNaN();
    expect(fisherFQuantile(NaN, 3, 12)).toBeNaN();
  });
  it('each function refuses df1 ≤ 0 or df2 ≤ 0 (each alone) under its own name', () => {
    expect(() => fisherFCdf(1, 0, 5)).toThrow(/^fisherFCdf\(f, d1, d2\): df1 and df2 must be > 0, got 0, 5$/);
    expect(() => fisherFCdf(1, 5, 0)).toThrow(/^fisherFCdf\(f, d1, d2\): df1 and df2 must be > 0, got 5, 0$/);
    expect(() => fisherFSf(1, -1, 5)).toThrow(/^fisherFSf\(f, d1, d2\): df1 and df2 must be > 0, got -1, 5$/);
    expect(() => fisherFSf(1, 5, -1)).toThrow(/^fisherFSf\(f, d1, d2\): df1 and df2 must be > 0, got 5, -1$/);
    expect(() => fisherFQuantile(0.5, 0, 5)).toThrow(/^fisherFQuantile\(p, d1, d2\): df1 and df2 must be > 0, got 0, 5$/);
    expect(() => fisherFQuantile(0.5, 5, 0)).toThrow(/^fisherFQuantile\(p, d1, d2\): df1 and df2 must be > 0, got 5, 0$/);
  });
  it('quantiles (mpmath bisection on the CDF), p of 0 and 1, p outside [0, 1]', () => {
    close(fisherFQuantile(0.95, 3, 12), 3.4902948194976045, 1e-12);
    close(fisherFQuantile(0.1, 2, 7), 0.10696238296495746, 1e-12);
    close(fisherFQuantile(0.999, 5, 1), 576404.55583192333, 1e-9); // the flat upper tail limits the inverse to ~3e-10
    expect(fisherFQuantile(0, 3, 12)).toBe(0);
    expect(fisherFQuantile(1, 3, 12)).toBe(Infinity);
    expect(() => fisherFQuantile(-0.1, 3, 12)).toThrow(/^fisherFQuantile\(p, d1, d2\): p must be in \[0, 1\], got -0.1$/);
    expect(() => fisherFQuantile(1.1, 3, 12)).toThrow(/^fisherFQuantile\(p, d1, d2\): p must be in \[0, 1\], got 1.1$/);
  });
});

describe('beta distribution', () => {
  it('betaCdf: value inside (0, 1), and 0/1 outside without calling the incomplete beta', () => {
    close(betaCdf(0.3, 3, 8), 0.61721721359999997, 1e-13); // mp.betainc(3, 8, 0, 0.3, regularized=True)
    expect(betaCdf(0, 3, 8)).toBe(0);
    expect(betaCdf(-1, 3, 8)).toBe(0);
    expect(betaCdf(1, 3, 8)).toBe(1);
    expect(betaCdf(2, 3, 8)).toBe(1);
    expect(betaCdf(NaN, 3, 8)).toBeNaN();
  });
  it('betaQuantile in both tails (mpmath bisection on betainc)', () => {
    close(betaQuantile(0.025, 3, 8), 0.066739511177734469, 1e-12);
    close(betaQuantile(0.975, 3, 8), 0.55609546230764148, 1e-12);
    close(betaQuantile(1e-10, 2, 5), 2.581997786411184e-6, 1e-10);
    close(betaQuantile(0.6, 0.5, 0.5), 0.65450849718747368, 1e-12);
    // Far upper tail: 1 − p = 3e-12 is solved on the upper tail, so 1 − x keeps its digits (mpmath: 1 − x = 1.0000077761678915e-6).
    close(1 - betaQuantile(1 - 3e-12, 2, 2), 1.0000077761678915e-6, 1e-8);
  });
  it('betaQuantile: exact ends, NaN, and refusals naming a, b or p', () => {
    expect(betaQuantile(0, 3, 8)).toBe(0);
    expect(betaQuantile(1, 3, 8)).toBe(1);
    expect(betaQuantile(NaN, 3, 8)).toBeNaN();
    expect(() => betaQuantile(0.5, 0, 8)).toThrow(/^betaQuantile\(p, a, b\): a and b must be > 0, got a=0, b=8$/);
    expect(() => betaQuantile(0.5, 3, 0)).toThrow(/^betaQuantile\(p, a, b\): a and b must be > 0, got a=3, b=0$/);
    expect(() => betaQuantile(NaN, 3, -1)).toThrow(RangeError);
    expect(() => betaQuantile(-0.1, 3, 8)).toThrow(/^betaQuantile\(p, a, b\): p must be in \[0, 1\], got -0.1$/);
    expect(() => betaQuantile(1.1, 3, 8)).toThrow(/^betaQuantile\(p, a, b\): p must be in \[0, 1\], got 1.1$/);
  });
});

describe('binomial distribution', () => {
  it('pmf, CDF and survival function (sums of mp.binomial(n, k)·p^k·(1 − p)^(n − k))', () => {
    close(binomialPmf(3, 10, 0.3), 0.266827932, 1e-13);
    close(binomialCdf(3, 10, 0.3), 0.64961071840000003, 1e-13);
    close(binomialSf(3, 10, 0.3), 0.35038928159999997, 1e-13);
    close(binomialPmf(17, 40, 0.35), 0.078387367789023124, 1e-12);
    close(binomialCdf(17, 40, 0.35), 0.87614781398371912, 1e-12);
    close(binomialSf(17, 40, 0.35), 0.12385218601628088, 1e-12);
    // k = 0 and k = n: 2^-10 by hand
    close(binomialPmf(10, 10, 0.5), 0.0009765625, 1e-13);
    close(binomialPmf(0, 10, 0.5), 0.0009765625, 1e-13);
    close(binomialCdf(0, 10, 0.5), 0.0009765625, 1e-13);
    close(binomialSf(0, 10, 0.5), 1 - 0.0009765625, 1e-13);
    close(binomialSf(9, 10, 0.5), 0.0009765625, 1e-13);
    close(binomialCdf(9, 10, 0.5), 1 - 0.0009765625, 1e-13);
  });
  it('the CDF and survival function floor k; outside 0..n they are 0 or 1', () => {
    close(binomialCdf(3.7, 10, 0.3), 0.64961071840000003, 1e-13);
    close(binomialSf(3.7, 10, 0.3), 0.35038928159999997, 1e-13);
    expect(binomialCdf(-1, 10, 0.3)).toBe(0);
    expect(binomialCdf(-0.5, 10, 0.3)).toBe(0);
    expect(binomialSf(-1, 10, 0.3)).toBe(1);
    expect(binomialCdf(10, 10, 0.3)).toBe(1);
    expect(binomialCdf(12, 10, 0.3)).toBe(1);
    expect(binomialSf(10, 10, 0.3)).toBe(0);
    expect(binomialSf(12, 10, 0.3)).toBe(0);
  });
  it('the pmf is 0 for k not an integer, negative or above n', () => {
    expect(binomialPmf(2.5, 10, 0.3)).toBe(0);
    expect(binomialPmf(-1, 10, 0.3)).toBe(0);
    expect(binomialPmf(11, 10, 0.3)).toBe(0);
  });
  it('p of 0 or 1 puts all the mass on 0 or n (R dbinom/pbinom)', () => {
    expect(binomialPmf(0, 10, 0)).toBe(1);
    expect(binomialPmf(3, 10, 0)).toBe(0);
    expect(binomialPmf(10, 10, 1)).toBe(1);
    expect(binomialPmf(3, 10, 1)).toBe(0);
    expect(binomialPmf(0, 10, 1)).toBe(0);
    expect(binomialCdf(3, 10, 0)).toBe(1);
    expect(binomialCdf(3, 10, 1)).toBe(0);
    expect(binomialSf(3, 10, 0)).toBe(0);
    expect(binomialSf(3, 10, 1)).toBe(1);
  });
  it('n = 0 is allowed: all the mass on k = 0 (R dbinom(0, 0, 0.3) = 1, pbinom(0, 0, 0.3) = 1)', () => {
    expect(binomialPmf(0, 0, 0.3)).toBe(1);
    expect(binomialPmf(1, 0, 0.3)).toBe(0);
    expect(binomialCdf(0, 0, 0.3)).toBe(1);
    expect(binomialSf(0, 0, 0.3)).toBe(0);
  });
  it('each function refuses a negative or fractional n and p outside [0, 1] under its own name', () => {
    expect(() => binomialPmf(1, -1, 0.5)).toThrow(/^binomialPmf\(k, n, p\): n must be a non-negative integer, got -1$/);
    expect(() => binomialPmf(1, 2.5, 0.5)).toThrow(/^binomialPmf\(k, n, p\): n must be a non-negative integer, got 2.5$/);
    expect(() => binomialCdf(1, -1, 0.5)).toThrow(/^binomialCdf\(k, n, p\): n must be a non-negative integer, got -1$/);
    expect(() => binomialSf(1, -1, 0.5)).toThrow(/^binomialSf\(k, n, p\): n must be a non-negative integer, got -1$/);
    expect(() => binomialPmf(1, 5, 1.5)).toThrow(/^binomialPmf\(k, n, p\): p must be in \[0, 1\], got 1.5$/);
    expect(() => binomialCdf(1, 5, -0.5)).toThrow(/^binomialCdf\(k, n, p\): p must be in \[0, 1\], got -0.5$/);
    expect(() => binomialSf(1, 5, NaN)).toThrow(/^binomialSf\(k, n, p\): p must be in \[0, 1\], got NaN$/);
  });
});

describe('solveIncreasing (the safeguarded Newton solver behind the quantiles)', () => {
  it('with the true derivative: lands on the root, also when x0 lies outside the bracket', () => {
    // h(x) = x³ − 8 on (0, 10): root 2 by hand.
    expect(Math.abs(solveIncreasing((x) => x ** 3 - 8, (x) => 3 * x * x, 1, 0, 10) - 2)).toBeLessThan(1e-14);
    expect(Math.abs(solveIncreasing((x) => x ** 3 - 8, (x) => 3 * x * x, 50, 0, 10) - 2)).toBeLessThan(1e-14);
    expect(Math.abs(solveIncreasing((x) => x ** 3 - 8, (x) => 3 * x * x, -3, 0, Infinity) - 2)).toBeLessThan(1e-14);
  });
  it('returns the start at once when h is exactly 0 there', () => {
    // x0 outside (0, 1) → the midpoint 0.5, where h = 0.
    expect(solveIncreasing((x) => x - 0.5, () => 1, 7, 0, 1)).toBe(0.5);
    // hi = Infinity → lo + 1 = 3, where h = 0.
    expect(solveIncreasing((x) => x - 3, () => 1, -1, 2, Infinity)).toBe(3);
    expect(solveIncreasing((x) => x - 0.25, () => 1, 0.25, 0, 1)).toBe(0.25);
  });
  it('falls back to bisection when Newton steps leave the bracket (derivative far too small)', () => {
    // h(x) = x − 0.3, dh wrongly 1e-3: every Newton step overshoots; bisection of (0, 1) finds 0.3.
    expect(Math.abs(solveIncreasing((x) => x - 0.3, () => 1e-3, 0.9, 0, 1) - 0.3)).toBeLessThan(1e-15);
    expect(Math.abs(solveIncreasing((x) => x - 0.3, () => 1e-3, 0.1, 0, 1) - 0.3)).toBeLessThan(1e-15);
    // Derivative 0 (Newton step infinite): bisection as well.
    expect(Math.abs(solveIncreasing((x) => x - 0.7, () => 0, 0.2, 0, 1) - 0.7)).toBeLessThan(1e-15);
  });
  it('with an open upper end, doubles x until the root is bracketed', () => {
    // h(x) = x − 1000 on (0, ∞) with dh = 0: x = 1, 2, 4, … 1024, then bisection down to 1000.
    expect(Math.abs(solveIncreasing((x) => x - 1000, () => 0, 1, 0, Infinity) - 1000)).toBeLessThan(1e-10);
    // h(x) = x − 5.5 on (5, ∞) started at 5.2 with dh = 0: max(2x, lo + 1) = 10.4, then bisection.
    expect(Math.abs(solveIncreasing((x) => x - 5.5, () => 0, 5.2, 5, Infinity) - 5.5)).toBeLessThan(1e-13);
  });
  it('stops after 300 steps when h never changes sign (returns the last iterate)', () => {
    // h < 0 everywhere on (0, 1): bisection moves lo up towards 1; after 300 halvings x is within 2^-52 of 1.
    const x = solveIncreasing(() => -1, () => 1e-300, 0.5, 0, 1);
    expect(x).toBeGreaterThan(0.999999);
    expect(x).toBeLessThanOrEqual(1);
  });
});

/**
 * Standard normal CDF for the generators' calibration (not for inference: use @satlab/stats).
 * Φ(x) = erfc(−x/√2)/2 with the Chebyshev-fitted erfc of Numerical Recipes (3rd ed., §6.2.2,
 * fractional error < 1.2e-7). Internal module.
 */
export function phi(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z - 1.26551223 +
        t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? 1 - r / 2 : r / 2;
}

/** Sample quantile, R's type 7 (linear interpolation between order statistics), of sorted data. */
export function quantile7(sorted: ArrayLike<number>, prob: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * prob;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

import type { KeyDriverResult } from './keyDriverAnalysis.js';
import { derivedImportance } from './derivedImportance.js';
import { asNumeric } from './internal/numeric.js';
import type { NumericInput } from './internal/numeric.js';

/** One driver in {@link statedVsDerived}. */
export interface StatedVsDerivedRow {
  name: string;
  /** Mean stated importance (e.g. the 1–4 "how important is…" rating), NaN excluded. */
  statedMean: number;
  /** Respondents who stated an importance for this driver. */
  statedN: number;
  /** Stated importance rescaled to shares summing to 1 over the drivers (mean / Σ means). */
  statedShare: number;
  /** Derived importance share (|Shapley| or |relative weight| share of R², sums to 1). */
  derivedShare: number;
  /** Ranks, 1 = most important. */
  statedRank: number;
  derivedRank: number;
  /**
   * Quadrant, splitting each axis at the mean of the drivers: 'key driver' (high stated, high
   * derived), 'basic' (high stated, low derived: expected, no longer differentiates), 'hidden'
   * (low stated, high derived: underestimated by customers), 'secondary' (low, low).
   */
  quadrant: 'key driver' | 'basic' | 'hidden' | 'secondary';
}

/** Result of {@link statedVsDerived}. */
export interface StatedVsDerivedResult {
  method: string;
  measure: 'shapley' | 'relativeWeight';
  drivers: StatedVsDerivedRow[];
  /** Spearman rank correlation between stated and derived importance (ties: average ranks). */
  rankCorrelation: number;
}

/**
 * Stated versus derived importance, side by side: the mean of each driver's stated-importance
 * rating (what customers say matters) next to its derived importance (what statistically drives
 * the outcome: the Shapley/relative-weight share of R² from {@link keyDriverAnalysis}), with
 * ranks, a Spearman rank correlation and the classic four quadrants (axes split at the mean over
 * drivers). The shares are what the IPA matrix uses as its importance axis.
 *
 * @param result a key-driver analysis result.
 * @param stated driver name → stated-importance ratings (NaN = missing), one entry per driver of `result`.
 * @param measure decomposition to use (default the one `result` is ranked by).
 * @throws {TypeError} on malformed input. @throws {RangeError} when a driver has no stated
 *   importance or no non-missing rating.
 * @example
 * const contact = [4, 3, 5, 2, 4, 3, 5, 1, 2, 4, 3, 5];
 * const delai = [3, 3, 4, 2, 5, 2, 4, 2, 1, 3, 4, 5];
 * const overall = [4, 3, 5, 2, 5, 3, 4, 1, 2, 4, 3, 5];
 * const kda = keyDriverAnalysis(overall, { contact, delai });
 * statedVsDerived(kda, { contact: [4, 4, 3, 4], delai: [2, 3, 2, 2] }).drivers[0];
 * //=> { name: 'contact', statedMean: 3.75, derivedShare: 0.613460…, quadrant: 'key driver', … }
 */
export function statedVsDerived(
  result: KeyDriverResult,
  stated: Readonly<Record<string, NumericInput>>,
  measure?: 'shapley' | 'relativeWeight',
): StatedVsDerivedResult {
  const fn = 'statedVsDerived';
  if (stated === null || typeof stated !== 'object') throw new TypeError(`${fn}(stated): expected an object { driver: ratings }`);
  const derived = derivedImportance(result, measure);
  // The decomposition used, also when there is no driver to read it from.
  const used: 'shapley' | 'relativeWeight' = derived[0]?.measure ?? ((measure ?? result.rankedBy) === 'relativeWeight' ? 'relativeWeight' : 'shapley');
  const means = derived.map((d) => {
    if (!(d.name in stated)) throw new RangeError(`${fn}(stated): no stated importance for driver "${d.name}"`);
    const x = asNumeric(fn, d.name, stated[d.name]);
    let s = 0;
    let n = 0;
    for (let i = 0; i < x.length; i++) if (!Number.isNaN(x[i])) {
      s += x[i];
      n++;
    }
    if (n === 0) throw new RangeError(`${fn}(stated): driver "${d.name}" has no stated-importance rating`);
    return { mean: s / n, n };
  });
  const sumMeans = means.reduce((a, b) => a + b.mean, 0);
  const sRank = rankDesc(means.map((m) => m.mean));
  const dRank = rankDesc(derived.map((d) => d.share));
  const sBar = sumMeans / means.length;
  const dBar = derived.reduce((a, d) => a + d.share, 0) / derived.length;
  const drivers: StatedVsDerivedRow[] = derived.map((d, j) => {
    const hiS = means[j].mean >= sBar;
    const hiD = d.share >= dBar;
    return {
      name: d.name,
      statedMean: means[j].mean,
      statedN: means[j].n,
      statedShare: means[j].mean / sumMeans,
      derivedShare: d.share,
      statedRank: Math.floor(sRank[j]),
      derivedRank: Math.floor(dRank[j]),
      quadrant: hiS ? (hiD ? 'key driver' : 'basic') : hiD ? 'hidden' : 'secondary',
    };
  });
  return {
    method: `stated (mean rating) vs derived (${used === 'shapley' ? 'Shapley/LMG' : 'relative-weight'} share of R²) importance`,
    measure: used,
    drivers,
    rankCorrelation: pearson(averageRanks(means.map((m) => m.mean)), averageRanks(derived.map((d) => d.share))),
  };
}

/** Competition ranks, 1 = largest. */
function rankDesc(v: number[]): number[] {
  return v.map((x) => 1 + v.filter((y) => y > x).length);
}

/** Average ranks (1 = smallest), ties share the mean rank. */
function averageRanks(v: number[]): number[] {
  return v.map((x) => {
    const less = v.filter((y) => y < x).length;
    const eq = v.filter((y) => y === x).length;
    return less + (eq + 1) / 2;
  });
}

function pearson(a: number[], b: number[]): number {
  const n = a.length;
  const ma = a.reduce((s, v) => s + v, 0) / n;
  const mb = b.reduce((s, v) => s + v, 0) / n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    sab += (a[i] - ma) * (b[i] - mb);
    saa += (a[i] - ma) ** 2;
    sbb += (b[i] - mb) ** 2;
  }
  return sab / Math.sqrt(saa * sbb);
}

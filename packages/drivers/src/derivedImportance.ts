import type { KeyDriverResult } from './keyDriverAnalysis.js';

/** One driver's derived importance, for the importance axis of an IPA matrix. */
export interface DerivedImportance {
  name: string;
  /** Importance share, 0–1: |Shapley share| (or |relative-weight share|); the shares sum to 1. */
  share: number;
  /** Sign of the driver's full-model coefficient (−1: more satisfaction with it goes with a lower outcome). */
  sign: 1 | -1;
  /** Which decomposition the share comes from. */
  measure: 'shapley' | 'relativeWeight';
}

/**
 * Derived importance of each driver from a {@link keyDriverAnalysis} result, ready for the IPA
 * (importance × performance) matrix next to the stated importance: the driver's share of R²
 * (Shapley/LMG when computed, else Johnson's relative weight), as an unsigned fraction so that the
 * shares sum to 1; the coefficient's sign is kept apart.
 *
 * @param result a key-driver analysis result.
 * @param measure which decomposition to use (default: the one the result is ranked by).
 * @returns drivers in the result's order.
 * @throws {TypeError} when `result` is not a key-driver result. @throws {RangeError} when the
 *   requested measure was not computed.
 * @example
 * const contact = [4, 3, 5, 2, 4, 3, 5, 1, 2, 4, 3, 5];
 * const delai = [3, 3, 4, 2, 5, 2, 4, 2, 1, 3, 4, 5];
 * const overall = [4, 3, 5, 2, 5, 3, 4, 1, 2, 4, 3, 5];
 * derivedImportance(keyDriverAnalysis(overall, { contact, delai }));
 * //=> [{ name: 'contact', share: 0.613460…, sign: 1, measure: 'shapley' }, { name: 'delai',
 * //   share: 0.386539…, sign: 1, measure: 'shapley' }]
 */
export function derivedImportance(result: KeyDriverResult, measure?: 'shapley' | 'relativeWeight'): DerivedImportance[] {
  if (!result || !Array.isArray(result.drivers)) throw new TypeError('derivedImportance(result): expected the result of keyDriverAnalysis()');
  const m = measure ?? result.rankedBy;
  if (m !== 'shapley' && m !== 'relativeWeight') throw new RangeError(`derivedImportance(measure): expected 'shapley' or 'relativeWeight', got ${String(m)}`);
  return result.drivers.map((d) => {
    const s = m === 'shapley' ? d.shapley : d.relativeWeight;
    if (s === null) throw new RangeError(`derivedImportance(measure): "${m}" was not computed in this result (method option)`);
    return { name: d.name, share: Math.abs(s), sign: d.sign, measure: m };
  });
}

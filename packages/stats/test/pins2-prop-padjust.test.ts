// Pinning tests for pAdjust (issue 18, third round): every method on one unordered vector where
// the running max/min matter, the cap at 1, Float64Array input, NaN kept out of m, and the
// refusals' wording. Reference values: hand computations written beside each case (R p.adjust's
// definitions), and R 4.2 p.adjust where quoted.
import { describe, expect, it } from 'vitest';
import { pAdjust, type PAdjustMethod } from '@satlab/stats';

const near = (got: number[], want: number[]): void => {
  expect(got.length).toBe(want.length);
  got.forEach((v, i) => {
    if (Number.isNaN(want[i])) expect(v).toBeNaN();
    else expect(Math.abs(v - want[i])).toBeLessThanOrEqual(1e-15 * Math.max(1, want[i]));
  });
};

describe('pAdjust', () => {
  const p = [0.01, 0.04, 0.03, 0.2];
  it('every method on [0.01, 0.04, 0.03, 0.2] (sorted 0.01, 0.03, 0.04, 0.2)', () => {
    // bonferroni 4p
    near(pAdjust(p, 'bonferroni'), [0.04, 0.16, 0.12, 0.8]);
    // holm: 4·0.01, 3·0.03 = 0.09, 2·0.04 = 0.08 → running max 0.09, 0.2
    near(pAdjust(p, 'holm'), [0.04, 0.09, 0.09, 0.2]);
    // hochberg: from the top 0.2, 2·0.04 = 0.08, 3·0.03 = 0.09 → running min 0.08, 4·0.01 = 0.04
    near(pAdjust(p, 'hochberg'), [0.04, 0.08, 0.08, 0.2]);
    // BH: 0.2, 4/3·0.04 = 0.0533…, 4/2·0.03 = 0.06 → 0.0533…, 4·0.01 = 0.04
    near(pAdjust(p, 'BH'), [0.04, 0.16 / 3, 0.16 / 3, 0.2]);
    // BY: BH × (1 + 1/2 + 1/3 + 1/4) = BH × 25/12
    near(pAdjust(p, 'BY'), [0.04 * 25 / 12, (0.16 / 3) * 25 / 12, (0.16 / 3) * 25 / 12, 0.2 * 25 / 12]);
    // hommel: R p.adjust(c(0.01, 0.04, 0.03, 0.2), "hommel") = 0.04 0.08 0.06 0.20
    near(pAdjust(p, 'hommel'), [0.04, 0.08, 0.06, 0.2]);
    expect(pAdjust(p, 'none')).toEqual(p);
  });
  it('takes a Float64Array as an array', () => {
    near(pAdjust(Float64Array.from(p), 'holm'), [0.04, 0.09, 0.09, 0.2]);
    near(pAdjust(Float64Array.from(p), 'bonferroni'), [0.04, 0.16, 0.12, 0.8]);
  });
  it('caps at 1 (holm 2·0.6 = 1.2; BY 1.5·0.9 = 1.35; bonferroni 2·0.9)', () => {
    near(pAdjust([0.6, 0.9], 'holm'), [1, 1]);
    near(pAdjust([0.8, 0.9], 'BY'), [1, 1]);
    near(pAdjust([0.6, 0.9], 'hochberg'), [0.9, 0.9]);
    near(pAdjust([0.9, 0.6], 'bonferroni'), [1, 1]);
    near(pAdjust([0.9, 0.95], 'BH'), [0.95, 0.95]);
  });
  it('two p-values: hommel is hochberg (as R): [0.02, 0.04] → 0.04, 0.04; [0.03, 0.01] → 0.03, 0.02', () => {
    near(pAdjust([0.02, 0.04], 'hommel'), [0.04, 0.04]);
    near(pAdjust([0.03, 0.01], 'hommel'), [0.03, 0.02]);
    near(pAdjust([0.03, 0.01], 'hochberg'), [0.03, 0.02]);
  });
  it('NaN stays in place and is not counted in m, for every method', () => {
    // m = 2 once the NaN is set aside: bonferroni 2p, BH 0.04 → 0.04, 0.01 → 0.02.
    near(pAdjust([NaN, 0.01, 0.04], 'bonferroni'), [NaN, 0.02, 0.08]);
    near(pAdjust([0.01, NaN, 0.04], 'BH'), [0.02, NaN, 0.04]);
    near(pAdjust([0.01, NaN, 0.04], 'holm'), [0.02, NaN, 0.04]);
    near(pAdjust([0.3, NaN], 'BY'), [0.3, NaN]);
    near(pAdjust([NaN, NaN], 'hommel'), [NaN, NaN]);
    near(pAdjust([0.5, NaN], 'none'), [0.5, NaN]);
  });
  it('refuses what is not an array of p-values, naming the position', () => {
    expect(() => pAdjust('0.1' as unknown as number[], 'holm')).toThrow(TypeError);
    expect(() => pAdjust('0.1' as unknown as number[], 'holm')).toThrow(/^pAdjust\(p, method\): p must be a Float64Array or an array of numbers, got string$/);
    expect(() => pAdjust([0.1, '0.2' as unknown as number], 'holm')).toThrow(/^pAdjust\(p, method\): p\[1\] is not a number \(0.2\)$/);
    expect(() => pAdjust([0.1, 1.5], 'holm')).toThrow(/^pAdjust\(p, method\): p\[1\] must be in \[0, 1\], got 1.5$/);
    expect(() => pAdjust([-0.1], 'none')).toThrow(/^pAdjust\(p, method\): p\[0\] must be in \[0, 1\], got -0.1$/);
    expect(() => pAdjust([Infinity], 'none')).toThrow(RangeError);
    expect(() => pAdjust([0.1], 'fdr' as PAdjustMethod)).toThrow(/^pAdjust\(p, method\): method must be one of bonferroni, holm, hochberg, hommel, BH, BY, none, got fdr$/);
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { requireBuild, satlab, scratch } from './helpers/satlab.js';

// HairEyeColor[, 1:3, "Female"] (R datasets): the exact Fisher p is 5.14510991434e-21 by complete
// enumeration of its 819,863,448 tables (packages/stats/test/fixtures/fisher-bruteforce.c); R's
// fisher.test(workspace = 2e8) prints 5.1451107482e-21 (FEXACT merges past paths approximately).
const table = 'hair,Brown,Blue,Hazel\nBlack,36,9,5\nBrown,66,34,29\nRed,16,7,7\nBlond,4,64,5\n';

describe('satlab chi2 --table --exact (issue 16)', () => {
  beforeAll(() => requireBuild('chi2'));
  it('gives the exact r×c Fisher p of HairEyeColor (4×3, n = 282) by the network algorithm, in seconds', () => {
    const file = scratch('haireye.csv', table);
    const t0 = performance.now();
    const r = satlab(['chi2', file, '--table', '--exact', '--json']);
    const seconds = (performance.now() - t0) / 1000;
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as { fisher: { pValue: number; algorithm: string; network: { exceeded: string | null } } };
    expect(j.fisher.algorithm).toBe('exact r x c (network algorithm)');
    expect(Math.abs(j.fisher.pValue / 5.14510991434349e-21 - 1)).toBeLessThan(1e-9);
    expect(j.fisher.network.exceeded).toBeNull();
    // About 1.6 s of CPU here; the wall-clock bound leaves room for a loaded machine.
    expect(seconds).toBeLessThan(30);
  }, 60000);
});

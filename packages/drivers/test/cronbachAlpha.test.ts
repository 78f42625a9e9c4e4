import { describe, expect, it } from 'vitest';
import { cronbachAlpha } from '@satlab/drivers';
import { renderMessage } from '@satlab/messages';
import { barometerColumns, fixture, maxAbs, maxRel, num } from './helpers.js';

// References: psych::alpha in test/fixtures/make-fixtures.R (efa-bfi.json: psych::bfi complete
// cases, Revelle's psych package; efa-barometer.json: the synthetic barometer's ten sat_ items).
interface AlphaRef {
  items: string[]; checkKeys: boolean; keys: number[];
  total: Record<string, number>; 'alpha.drop': Record<string, number[]>; 'item.stats': Record<string, number[]>;
}
interface Fx { items: string[]; data?: Record<string, number[]>; alpha: Record<string, AlphaRef> }

function cases(): [string, AlphaRef, Record<string, Float64Array>][] {
  const out: [string, AlphaRef, Record<string, Float64Array>][] = [];
  const bfi = fixture<Fx>('efa-bfi.json');
  for (const [k, ref] of Object.entries(bfi.alpha)) out.push([`bfi ${k}`, ref, Object.fromEntries(ref.items.map((nm) => [nm, Float64Array.from(bfi.data![nm])]))]);
  const bar = fixture<Fx>('efa-barometer.json');
  const c = barometerColumns();
  const rows = Array.from(c[bar.items[0]].keys()).filter((i) => bar.items.every((nm) => !Number.isNaN(c[nm][i])));
  for (const [k, ref] of Object.entries(bar.alpha)) out.push([`barometer ${k}`, ref, Object.fromEntries(ref.items.map((nm) => [nm, Float64Array.from(rows, (i) => c[nm][i])]))]);
  return out;
}

describe('cronbachAlpha matches psych::alpha', () => {
  for (const [name, ref, items] of cases()) {
    it(`${name} (check.keys = ${ref.checkKeys}): keys, alpha (raw, std, G6, r̄, S/N, ase, mean, sd, median r), alpha-if-dropped and item–total correlations to 1e-10`, () => {
      const a = cronbachAlpha(items, { checkKeys: ref.checkKeys });
      expect(a.items.map((it) => (it.reversed ? -1 : 1))).toEqual(ref.keys);
      const t = ref.total;
      const mine = [a.alpha, a.standardizedAlpha, a.g6, a.averageR, a.signalToNoise, a.se, a.mean, a.sd, a.medianR];
      const theirs = [t.raw_alpha, t['std.alpha'], t['G6(smc)'], t.average_r, t['S/N'], t.ase, t.mean, t.sd, t.median_r];
      expect(maxAbs(mine, theirs)).toBeLessThan(1e-10);
      const d = ref['alpha.drop'];
      expect(maxAbs(a.items.map((x) => x.alphaIfDropped), d.raw_alpha)).toBeLessThan(1e-10);
      expect(maxAbs(a.items.map((x) => x.standardizedAlphaIfDropped), d['std.alpha'])).toBeLessThan(1e-10);
      expect(maxAbs(a.items.map((x) => x.g6IfDropped), d['G6(smc)'])).toBeLessThan(1e-10);
      expect(maxAbs(a.items.map((x) => x.averageRIfDropped), d.average_r)).toBeLessThan(1e-10);
      expect(maxAbs(a.items.map((x) => x.seIfDropped), d['alpha se'])).toBeLessThan(1e-10);
      const s = ref['item.stats'];
      expect(maxAbs(a.items.map((x) => x.rawR), s['raw.r'])).toBeLessThan(1e-10);
      expect(maxAbs(a.items.map((x) => x.stdR), s['std.r'])).toBeLessThan(1e-10);
      expect(maxAbs(a.items.map((x) => x.rCor), s['r.cor'])).toBeLessThan(1e-10);
      expect(maxAbs(a.items.map((x) => x.rDrop), s['r.drop'])).toBeLessThan(1e-10);
      expect(maxAbs(a.items.map((x) => x.mean), s.mean)).toBeLessThan(1e-10);
      expect(maxAbs(a.items.map((x) => x.sd), s.sd)).toBeLessThan(1e-10);
    });
  }

  it('reverse-keyed A1 is detected (first-component loading < 0) and reported even when not reversed', () => {
    const bfi = fixture<Fx>('efa-bfi.json');
    const items = Object.fromEntries(['A1', 'A2', 'A3', 'A4', 'A5'].map((nm) => [nm, Float64Array.from(bfi.data![nm])]));
    const a = cronbachAlpha(items);
    expect(a.reverseKeyedSuspects).toEqual(['A1']);
    expect(a.reverseKeyed).toEqual([]);
    expect(a.warnings.some((w) => w.text.includes('probably reverse-keyed: A1'))).toBe(true);
    const b = cronbachAlpha(items, { reverse: ['A1'] });
    expect(b.reverseKeyed).toEqual(['A1']);
    expect(b.alpha).toBeCloseTo(cronbachAlpha(items, { checkKeys: true }).alpha, 14);
  });

  it('incomplete respondents are counted (kept pairwise, dropped listwise); constant items are dropped with a warning', () => {
    const q1 = [1, 2, 3, 4, NaN, 2, 3, 5, 4, 1];
    const q2 = [2, 2, 3, 4, 1, 1, 3, 4, 5, 2];
    const q3 = [1, 3, 3, 4, 2, NaN, 4, 5, 3, 2];
    const k = [3, 3, 3, 3, 3, 3, 3, 3, 3, 3];
    const l = cronbachAlpha({ q1, q2, q3, k }, { missing: 'listwise' });
    expect([l.n, l.nMissing, l.nIncomplete]).toEqual([8, 2, 2]);
    expect(l.droppedConstant).toEqual(['k']);
    expect(l.nItems).toBe(3);
    const p = cronbachAlpha({ q1, q2, q3, k });
    expect([p.missing, p.n, p.nIncomplete]).toEqual(['pairwise', 10, 2]);
    expect(p.warnings.map((w) => w.code)).toEqual(['drivers.alphaPairwise', 'drivers.constantItems']);
  });
});

// psych::alpha on psych::bfi[1:400, ] with its missing answers: pairwise (psych's default) and
// listwise (na.omit) — fixtures/alpha-missing.R writes alpha-missing.json.
interface MissingRef { total: Record<string, number>; 'alpha.drop': Record<string, number[]>; 'item.stats': Record<string, number[]> }
interface MissingSet { items: string[]; checkKeys: boolean; nIncomplete: number; data: Record<string, (number | null)[]>; pairwise: MissingRef; listwise: MissingRef }
describe('cronbachAlpha with missing values matches psych::alpha (pairwise by default, listwise on request)', () => {
  const fx = fixture<{ sets: Record<string, MissingSet> }>('alpha-missing.json');
  for (const [name, set] of Object.entries(fx.sets)) {
    for (const mode of ['pairwise', 'listwise'] as const) {
      it(`bfi ${name}, ${mode}: alpha, std alpha, G6, r̄, S/N, ase, mean, sd, median r, alpha-if-dropped and item statistics to 1e-9`, () => {
        const items = Object.fromEntries(set.items.map((nm) => [nm, num(set.data[nm])]));
        const a = cronbachAlpha(items, { checkKeys: set.checkKeys, ...(mode === 'listwise' ? { missing: 'listwise' as const } : {}) });
        const ref = set[mode];
        const t = ref.total;
        expect(a.missing).toBe(mode);
        expect(a.nIncomplete).toBe(set.nIncomplete);
        const mine = [a.alpha, a.standardizedAlpha, a.g6, a.averageR, a.signalToNoise, a.se, a.mean, a.sd, a.medianR];
        const theirs = [t.raw_alpha, t['std.alpha'], t['G6(smc)'], t.average_r, t['S/N'], t.ase, t.mean, t.sd, t.median_r];
        expect(maxRel(mine, theirs)).toBeLessThan(1e-9);
        const d = ref['alpha.drop'];
        expect(maxRel(a.items.map((x) => x.alphaIfDropped), d.raw_alpha)).toBeLessThan(1e-9);
        expect(maxRel(a.items.map((x) => x.standardizedAlphaIfDropped), d['std.alpha'])).toBeLessThan(1e-9);
        expect(maxRel(a.items.map((x) => x.g6IfDropped), d['G6(smc)'])).toBeLessThan(1e-9);
        expect(maxRel(a.items.map((x) => x.seIfDropped), d['alpha se'])).toBeLessThan(1e-9);
        const s = ref['item.stats'];
        expect(maxRel(a.items.map((x) => x.rawR), s['raw.r'])).toBeLessThan(1e-9);
        expect(maxRel(a.items.map((x) => x.stdR), s['std.r'])).toBeLessThan(1e-9);
        expect(maxRel(a.items.map((x) => x.rDrop), s['r.drop'])).toBeLessThan(1e-9);
        expect(maxRel(a.items.map((x) => x.mean), s.mean)).toBeLessThan(1e-9);
        expect(maxRel(a.items.map((x) => x.sd), s.sd)).toBeLessThan(1e-9);
        const w = a.warnings.find((m) => m.code === (mode === 'pairwise' ? 'drivers.alphaPairwise' : 'drivers.itemsMissingDropped'))!;
        expect(w.params).toMatchObject(mode === 'pairwise' ? { nIncomplete: set.nIncomplete, n: 400 } : { n: set.nIncomplete, nTotal: 400 });
        expect(renderMessage(w, 'fr')).toMatch(mode === 'pairwise' ? /par paires complètes \(comme psych::alpha\)$/ : /suppression par liste/);
      });
    }
  }
});

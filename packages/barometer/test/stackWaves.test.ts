import { fileURLToPath } from 'node:url';
import { diffCodebooks, stackWaves } from '@satlab/barometer';
import type { Codebook, Table } from '@satlab/data';
import { getColumn, InputError, loadCodebook, loadTable, numericValues, parseCodebook, tableFromColumns } from '@satlab/data';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const cb = (yaml: string, file = 'cb.yaml'): Codebook => parseCodebook(yaml, file);

const SAT4 = '{ 1: "Pas du tout satisfait", 2: "Plutôt pas satisfait", 3: "Plutôt satisfait", 4: "Tout à fait satisfait" }';
const SAT5 = '{ 1: "Très insatisfait", 2: "Insatisfait", 3: "Neutre", 4: "Satisfait", 5: "Très satisfait" }';

describe('diffCodebooks', () => {
  const a = cb(`columns:
  id: { type: id }
  q_accueil: { type: ordinal, label: "Satisfaction — Accueil", scale: [1, 4], labels: ${SAT4} }
  q_prix: { type: ordinal, label: "Satisfaction — Prix", scale: [1, 4], labels: ${SAT4} }
  q3: { type: ordinal, label: "Satisfaction — Délai", scale: [1, 4], labels: ${SAT4} }
  nps: { type: numeric, label: "Recommandation", scale: [0, 10], missing: [99] }
  contrat: { type: categorical, levels: [Auto, Habitation] }
  old_q: { type: text }
`);
  const b = cb(`columns:
  id: { type: id }
  q_accueil: { type: ordinal, label: "Satisfaction — Accueil", scale: [1, 5], labels: ${SAT5} }
  sat_prix: { type: ordinal, label: "Satisfaction — Prix", scale: [1, 4], labels: ${SAT4} }
  q_delai: { type: ordinal, label: "Satisfaction — Délai de réponse", scale: [1, 4], labels: ${SAT4} }
  nps: { type: numeric, label: "Recommandation", scale: [0, 10], missing: [99, 98] }
  contrat: { type: categorical, levels: [Auto, Habitation, Santé] }
  verbatim: { type: text }
`);
  const d = diffCodebooks(a, b);

  it('finds renamed items and says by which rule: same label, then same position and scale', () => {
    expect(d.renamed).toEqual([
      { from: 'q_prix', to: 'sat_prix', rule: 'same label' },
      { from: 'q3', to: 'q_delai', rule: 'same position and scale' },
    ]);
  });
  it('lists added and removed items (renamed ones excluded)', () => {
    expect(d.added).toEqual(['verbatim']);
    expect(d.removed).toEqual(['old_q']);
  });
  it('reports a changed scale with both scales described', () => {
    expect(d.scaleChanged).toHaveLength(1);
    expect(d.scaleChanged[0]).toMatchObject({ item: 'q_accueil', reason: 'scale', from: { scale: [1, 4] }, to: { scale: [1, 5] } });
    expect(d.scaleChanged[0].from.text).toBe('1-4 (1 "Pas du tout satisfait" … 4 "Tout à fait satisfait")');
  });
  it('reports softer changes: categories, missing codes', () => {
    expect(d.levelsChanged).toEqual([{ item: 'contrat', added: ['Santé'], removed: [] }]);
    expect(d.missingChanged).toEqual([{ item: 'nps', from: [99], to: [99, 98] }]);
    expect(d.identical).toBe(false);
    expect(d.summary).toContain('renamed: "q_prix" → "sat_prix" (rule: same label)');
  });
  it('a scale whose labels are the same but in reversed order is a scale change ("reversed")', () => {
    const rev = cb(`columns:\n  q: { type: ordinal, scale: [1, 4], labels: { 1: "Tout à fait satisfait", 2: "Plutôt satisfait", 3: "Plutôt pas satisfait", 4: "Pas du tout satisfait" } }\n`);
    const fwd = cb(`columns:\n  q: { type: ordinal, scale: [1, 4], labels: ${SAT4} }\n`);
    expect(diffCodebooks(fwd, rev).scaleChanged[0]).toMatchObject({ item: 'q', reason: 'reversed' });
  });
  it('reworded value labels on the same scale are reported, not refused', () => {
    const other = cb(`columns:\n  q: { type: ordinal, scale: [1, 4], labels: { 1: "Pas du tout satisfait", 2: "Peu satisfait", 3: "Assez satisfait", 4: "Tout à fait satisfait" } }\n`);
    const fwd = cb(`columns:\n  q: { type: ordinal, scale: [1, 4], labels: ${SAT4} }\n`);
    const x = diffCodebooks(fwd, other);
    expect(x.scaleChanged).toEqual([]);
    expect(x.labelsChanged[0].item).toBe('q');
  });
  it('the barometer codebook against itself is identical', () => {
    const bar = loadCodebook(`${root}datasets/barometer/codebook.yaml`);
    const x = diffCodebooks(bar, bar);
    expect(x.identical).toBe(true);
    expect(x.unchanged).toHaveLength(Object.keys(bar.columns).length);
  });
});

describe('stackWaves', () => {
  const book = loadCodebook(`${root}datasets/barometer/codebook.yaml`);
  const load = (k: number): Table => loadTable(`${root}datasets/barometer/wave-${k}.csv`, { codebook: book }).table;

  it('stacking the three wave files gives the same values as the stacked barometer.csv', () => {
    const s = stackWaves([1, 2, 3].map((k) => ({ table: load(k), label: `Vague ${k}`, codebook: book, date: ['2024-01-15', '2024-10-15', '2025-07-15'][k - 1] })));
    const ref = loadTable(`${root}datasets/barometer/barometer.csv`, { codebook: book }).table;
    expect(s.table.nRows).toBe(4500);
    expect(s.warnings).toEqual([]);
    expect(s.diffs.every((d) => d.diff.identical)).toBe(true);
    for (const name of ['sat_contact', 'imp_rapport_couv_cot', 'overall', 'nps', 'ces', 'interview_date']) {
      expect(Array.from(numericValues(s.table, name)), name).toEqual(Array.from(numericValues(ref, name)));
    }
    const w = getColumn(s.table, 'wave');
    const wr = getColumn(ref, 'wave');
    if (w.type !== 'ordinal' || wr.type !== 'ordinal') throw new Error('wave');
    expect(w.levels).toEqual(['Vague 1', 'Vague 2', 'Vague 3']);
    expect(Array.from(w.codes)).toEqual(Array.from(wr.codes));
    const c = getColumn(s.table, 'contract');
    if (c.type !== 'categorical') throw new Error('contract');
    expect(c.levels).toEqual(['Auto/Moto', 'Habitation', 'Prév. Retraite', 'Resp. civile', 'Santé']);
    expect(getColumn(s.table, 'sat_contact').missing.byReason).toEqual(getColumn(ref, 'sat_contact').missing.byReason);
    expect(s.waves.map((x) => x.n)).toEqual([1500, 1500, 1500]);
  });

  const w1 = cb(`columns:\n  id: { type: id }\n  sat_contact: { type: ordinal, label: "Satisfaction — Contact", scale: [1, 4], missing: [9], labels: ${SAT4} }\n  q_prix: { type: ordinal, label: "Prix", scale: [1, 4] }\n`, 'wave-1.yaml');
  const w2 = cb(`columns:\n  id: { type: id }\n  sat_contact: { type: ordinal, label: "Satisfaction — Contact", scale: [1, 5], missing: [9], labels: ${SAT5} }\n  sat_prix: { type: ordinal, label: "Prix", scale: [1, 4] }\n`, 'wave-2.yaml');
  const t1 = tableFromColumns({ id: ['a', 'b', 'c', 'd'], sat_contact: [1, 2, 4, 9], q_prix: [1, 2, 3, 4] }, w1);
  const t2 = tableFromColumns({ id: ['e', 'f', 'g'], sat_contact: [1, 3, 5], sat_prix: [4, 4, 1] }, w2);

  it('refuses a wave whose item changed scale, naming the item, both waves and both scales', () => {
    let err: unknown;
    try {
      stackWaves([{ table: t1, label: 'Vague 1', codebook: w1 }, { table: t2, label: 'Vague 2', codebook: w2 }]);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    const m = (err as Error).message;
    expect(m).toContain('wave-2.yaml');
    expect(m).toContain('"sat_contact"');
    expect(m).toContain('1-4 (1 "Pas du tout satisfait" … 4 "Tout à fait satisfait") in Vague 1');
    expect(m).toContain('1-5 (1 "Très insatisfait" … 5 "Très satisfait") in Vague 2');
    expect(m).toContain('scaleMap');
  });

  it('a linear scaleMap puts 1-5 onto 1-4 (y = 1 + (x − 1)·3/4) and records the rule; the renamed item is read under its new name', () => {
    const s = stackWaves([{ table: t1, label: 'Vague 1', codebook: w1 }, { table: t2, label: 'Vague 2', codebook: w2 }], { scaleMap: { sat_contact: { method: 'linear', from: [1, 5], to: [1, 4] } } });
    expect(Array.from(numericValues(s.table, 'sat_contact'))).toEqual([1, 2, 4, NaN, 1, 2.5, 4]);
    expect(getColumn(s.table, 'sat_contact').type).toBe('numeric');
    expect(s.mapped).toEqual([{ item: 'sat_contact', wave: 'Vague 2', from: [1, 5], to: [1, 4], method: 'linear', rule: 'linear 1-5 → 1-4: y = 1 + (x − 1) × 3/4' }]);
    expect(s.renamed).toEqual([{ wave: 'Vague 1', from: 'q_prix', to: 'sat_prix', rule: 'same label' }]);
    expect(Array.from(numericValues(s.table, 'sat_prix'))).toEqual([1, 2, 3, 4, 4, 4, 1]);
    expect(s.table.columns.map((c) => c.name)).toEqual(['wave', 'id', 'sat_contact', 'sat_prix']);
  });

  it('a recode scaleMap keeps the item ordinal on the target scale with its labels', () => {
    const s = stackWaves([{ table: t1, label: 'Vague 1', codebook: w1 }, { table: t2, label: 'Vague 2', codebook: w2 }], {
      scaleMap: { sat_contact: { method: 'recode', from: [1, 5], to: [1, 4], map: { 1: 1, 2: 2, 3: 2, 4: 3, 5: 4 }, rule: 'neutral counted as plutôt pas satisfait' } },
    });
    const c = getColumn(s.table, 'sat_contact');
    if (c.type !== 'ordinal') throw new Error('ordinal expected');
    expect(c.levels).toEqual(['Pas du tout satisfait', 'Plutôt pas satisfait', 'Plutôt satisfait', 'Tout à fait satisfait']);
    expect(Array.from(numericValues(s.table, 'sat_contact'))).toEqual([1, 2, 4, NaN, 1, 2, 4]);
    expect(s.mapped[0].rule).toBe('neutral counted as plutôt pas satisfait');
    expect(c.missing.byReason).toEqual({ 'code 9': 1 });
  });

  it('an item absent from a wave is missing there, with the reason', () => {
    const a = tableFromColumns({ x: [1, 2] });
    const b = tableFromColumns({ x: [3], y: [5] });
    const s = stackWaves([{ table: a, label: 'A' }, { table: b, label: 'B' }]);
    expect(Array.from(numericValues(s.table, 'y'))).toEqual([NaN, NaN, 5]);
    expect(getColumn(s.table, 'y').missing.byReason).toEqual({ 'not in A': 2 });
    expect(s.diffs[0].diff.added).toEqual(['y']);
  });

  it('refuses a type change (numeric → categorical) naming the item', () => {
    const a = tableFromColumns({ x: [1, 2] });
    const b = tableFromColumns({ x: ['u', 'v'] });
    expect(() => stackWaves([{ table: a, label: 'A' }, { table: b, label: 'B' }])).toThrow(/item "x" is numeric in A but (categorical|id|text) in B/);
  });

  it('refuses duplicate wave labels', () => {
    expect(() => stackWaves([{ table: t1, label: 'V' }, { table: t1, label: 'V' }])).toThrow(TypeError);
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { plain, requireBuild, root, satlab, scratch } from './helpers/satlab.js';

// Answers and R's values: packages/survey/test/fixtures/survey-nps.json (make-survey-fixtures.R).
const fx = JSON.parse(readFileSync(join(root, 'packages/survey/test/fixtures/survey-nps.json'), 'utf8'));
const c = fx.cases[1];
const file = scratch('nps.csv', 'id;contrat;reco\n' + c.values.map((v: number, i: number) => `${i + 1};${c.segments[i]};${v}`).join('\n') + '\n');
const rel = (a: number, b: number): number => Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);

beforeAll(() => requireBuild('nps'));

describe('satlab nps', () => {
  it('--json: shares, NPS, multinomial margin of error and interval as R, with groups', () => {
    const r = satlab(['nps', file, '--column', 'reco', '--by', 'contrat', '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout);
    const check = (o: Record<string, number | number[]>, e: Record<string, number | number[]>): void => {
      expect(o.n).toBe(e.n);
      for (const k of ['promoters', 'passives', 'detractors', 'nps', 'marginOfError']) expect(rel(o[k] as number, e[k] as number), k).toBeLessThan(1e-12);
      for (const j of [0, 1]) expect(rel((o.ci as number[])[j], (e.ci as number[])[j])).toBeLessThan(1e-12);
      expect(o.excluded).toBe(0);
    };
    check(out, c);
    expect(out.groups.map((g: { name: string }) => g.name)).toEqual(c.groups.map((g: { name: string }) => g.name));
    out.groups.forEach((g: Record<string, number>, k: number) => check(g, c.groups[k]));
  });

  it('prints a French report', () => {
    const r = satlab(['nps', file, '--column', 'reco', '--by', 'contrat', '--lang', 'fr']);
    expect(r.code).toBe(0);
    expect(plain(r.stdout)).toMatch(/ensemble\s+500\s+26,4 %\s+39,6 %\s+34,0 %\s+−7,6\s+± 6,8/);
    expect(r.stdout).toContain('Le NPS est de −7,6 points');
    expect(r.stdout).not.toMatch(/\{|"|en anglais/);
  });

  it('exits 2 on a categorical column, naming it and its type in French and in English (data.notNumeric)', () => {
    const args = ['nps', 'datasets/barometer/wave-3.csv', '--codebook', 'datasets/barometer/codebook.yaml', '--column', 'contract'];
    const fr = satlab([...args, '--lang', 'fr']);
    expect(fr.code).toBe(2);
    expect(fr.stderr.trim()).toBe('satlab nps : la colonne «\u00a0contract\u00a0» est de type catégoriel\u00a0: elle n’a pas de sens numérique (choisissez une colonne numérique ou ordinale)');
    const en = satlab([...args, '--lang', 'en']);
    expect(en.code).toBe(2);
    expect(en.stderr.trim()).toBe('satlab nps: column "contract" is categorical: it has no numeric meaning (choose a numeric or ordinal column)');
  });

  it('exits 2 naming file, line and column for a value that is not an integer 0–10', () => {
    const bad = scratch('nps-bad.csv', 'id,reco\n1,10\n2,7\n\n3,11\n');
    const r = satlab(['nps', bad, '--column', 'reco']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('nps-bad.csv:5:2 (column "reco"): "11" is not an integer 0-10');
  });

  it('with --exclude-invalid or a codebook, sets bad values aside and reports them by reason', () => {
    const bad = scratch('nps-bad2.csv', 'id,reco\n1,10\n2,7\n3,11\n4,99\n5,\n');
    const ex = JSON.parse(satlab(['nps', bad, '--column', 'reco', '--exclude-invalid', '--json']).stdout);
    expect(ex.n).toBe(2);
    expect(ex.excludedByReason).toEqual({ 'not an integer 0-10': 2, empty: 1 });
    const cb = scratch('nps.yaml', 'columns:\n  reco: { type: numeric, scale: [0, 10], missing: [99] }\n');
    const withCb = JSON.parse(satlab(['nps', bad, '--column', 'reco', '--codebook', cb, '--json']).stdout);
    expect(withCb.n).toBe(2);
    expect(withCb.excludedByReason).toEqual({ 'out of scale 0-10': 1, 'code 99': 1, empty: 1 });
  });
});

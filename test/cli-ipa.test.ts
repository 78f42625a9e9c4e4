import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { plain, requireBuild, root, satlab, scratch } from './helpers/satlab.js';

// Expected quadrants of the BTS 2007 annex 1 (packages/survey/test/fixtures/bts-annex1.json, from the reference answers).
const bts = JSON.parse(readFileSync(join(root, 'packages/survey/test/fixtures/bts-annex1.json'), 'utf8'));
const annex1 = 'datasets/bts-2007/annex1.csv';

beforeAll(() => requireBuild('ipa'));

describe('satlab ipa', () => {
  it('on the BTS annex 1 CSV reproduces the reference cutoffs, quadrants and first priorities', () => {
    const r = satlab(['ipa', annex1, '--scale', '1-4', '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout);
    expect(out.satisfactionCutoff).toBeCloseTo(bts.expected.meanSatisfaction, 12);
    expect(out.importanceCutoff).toBeCloseTo(bts.expected.meanImportance, 12);
    const byQuadrant: Record<string, string[]> = {};
    for (const a of out.attributes) (byQuadrant[a.quadrant] ??= []).push(a.name);
    for (const [key, names] of Object.entries(bts.expected.quadrants as Record<string, string[]>)) {
      expect((byQuadrant[key.split(' ')[0]] ?? []).sort()).toEqual([...names].sort());
    }
    expect(out.priorities.slice(0, 2)).toEqual(bts.expected.firstPriorities);
    expect(out.priorities.indexOf('Personnalisation')).toBeGreaterThanOrEqual(7);
    for (const a of out.attributes) expect(Object.keys(a)).toEqual(expect.arrayContaining(['name', 'satisfaction', 'importance', 'quadrant']));
  });

  it('reads French files (";" and decimal comma) with configurable headers, and prints a French report', () => {
    const src = readFileSync(join(root, annex1), 'utf8').trim().split('\n').slice(1);
    const fr = scratch('annexe1.csv', 'critère;satisf;import\n' + src.map((l) => { const [n, s, i] = l.split(','); return `${n};${s.replace('.', ',')};${i.replace('.', ',')}`; }).join('\n') + '\n');
    const r = satlab(['ipa', fr, '--attribute', 'critère', '--satisfaction', 'satisf', '--importance-col', 'import', '--lang', 'fr']);
    expect(r.code).toBe(0);
    const text = plain(r.stdout);
    expect(text).toContain('Seuils (moyenne des moyennes) : satisfaction 2,075, importance 2,703');
    expect(text).toMatch(/1\s+Rapport Couv\/Cot\s+1,88\s+3,83\s+À améliorer en priorité/);
    expect(text).toContain('Priorités (la plus urgente d’abord) : Rapport Couv/Cot > Qualité Indemn.');
  });

  it('moves the crosshair with --cutoff midpoint and --cutoff <sat>,<imp>', () => {
    const mid = JSON.parse(satlab(['ipa', annex1, '--scale', '1-4', '--cutoff', 'midpoint', '--json']).stdout);
    expect([mid.satisfactionCutoff, mid.importanceCutoff]).toEqual([2.5, 2.5]);
    const given = JSON.parse(satlab(['ipa', annex1, '--cutoff', '2,3', '--json']).stdout);
    expect([given.satisfactionCutoff, given.importanceCutoff]).toEqual([2, 3]);
  });

  it('exits 2 naming line and column for a mean outside the declared scale', () => {
    const f = scratch('annex1-bad.csv', 'attribute,satisfaction,importance\nContact,1.91,2.17\nDélai Rép.,4.09,2.20\n');
    const r = satlab(['ipa', f, '--scale', '1-4']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('annex1-bad.csv:3:2 (column "satisfaction"): "4.09" is outside the declared scale 1-4');
  });

  it('exits 2 for a missing column or a bad --cutoff', () => {
    expect(satlab(['ipa', annex1, '--satisfaction', 'sat']).stderr).toMatch(/no column "sat"/);
    const r = satlab(['ipa', annex1, '--cutoff', 'average']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--cutoff must be/);
  });
});

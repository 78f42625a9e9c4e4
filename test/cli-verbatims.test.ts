import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { plain, requireBuild, satlab, scratch } from './helpers/satlab.js';

const data = 'datasets/verbatims/avis-assurance.csv';
const base = ['verbatims', data, '--text', 'commentaire', '--score', 'nps'];

beforeAll(() => requireBuild('verbatims'));

describe('satlab verbatims', () => {
  it('--json: the keys of issue 17, terms strongest first, themes with tests and examples', () => {
    const r = satlab([...base, '--by', 'canal', '--wave', 'vague', '--min-count', '3', '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout);
    expect(out.n + out.empty).toBe(253);
    expect(out.empty).toBe(20);
    for (const k of ['term', 'n', 'detractors', 'promoters', 'logOdds', 'z']) expect(out.detractorTerms[0]).toHaveProperty(k);
    expect(out.detractorTerms[0].z).toBeGreaterThanOrEqual(out.detractorTerms[1].z);
    expect(out.promoterTerms[0].z).toBeLessThan(0);
    for (const k of ['theme', 'n', 'share', 'shareDetractors', 'sharePromoters', 'pValue', 'meanScore', 'examples']) expect(out.themes[0]).toHaveProperty(k);
    expect(out.segments.groups.map((g: { name: string }) => g.name)).toEqual(['agence', 'internet', 'telephone']);
    expect(out.waves.groups).toHaveLength(2);
    expect(out.warnings.map((w: { code: string }) => w.code)).toContain('text.emptyComments');
  });
  it('French and English human output through the presenter', () => {
    const fr = satlab([...base, '--lang', 'fr', '--top', '5']);
    expect(fr.code).toBe(0);
    expect(fr.stdout).toMatch(/^Verbatims : ce qu’écrivent détracteurs et promoteurs/);
    expect(fr.stdout).toContain('Termes sur-représentés chez les détracteurs');
    expect(fr.stdout).toContain('Attente et délais');
    expect(plain(fr.stdout)).toMatch(/\d,\d %/);
    const en = satlab([...base, '--lang', 'en', '--top', '5']);
    expect(en.stdout).toMatch(/^Verbatims: what detractors and promoters write/);
    expect(en.stdout).toContain('Waiting time');
  });
  it('--csv: every comment with its group and themes; a comment starting with = is neutralised', () => {
    const f = scratch('inj.csv', 'id;nps;avis\n1;2;=2+3 trop cher\n2;10;Accueil parfait et rapide\n3;3;\n4;9;Très bien conseillé\n');
    const out = join(f, '..', 'tagged.csv');
    const r = satlab(['verbatims', f, '--text', 'avis', '--score', 'nps', '--min-count', '1', '--csv', out]);
    expect(r.code).toBe(0);
    const csv = readFileSync(out, 'utf8');
    expect(csv).toContain(`,'=2+3 trop cher`);
    expect(csv.split('\n')[1]).toMatch(/^2,2,detractor,price,/);
    expect(csv).toMatch(/\n4,3,detractor,,\n/);
  });
  it('bad input: score out of scale, a text column of numbers, an empty file: exit 2 with file:line:column', () => {
    const f = scratch('oos.csv', 'id;nps;avis\n1;2;trop cher\n2;99;super\n');
    const r = satlab(['verbatims', f, '--text', 'avis', '--score', 'nps']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/oos\.csv:3:2 \(column “nps”\): score 99 is outside the scale 0–10/);
    const fr = satlab(['verbatims', f, '--text', 'avis', '--score', 'nps', '--lang', 'fr']);
    expect(fr.stderr).toMatch(/oos\.csv:3:2 \(colonne «\u00a0nps\u00a0»\) : la note 99 est hors de l’échelle/);
    const g = scratch('num.csv', 'id;nps;avis\n1;2;3\n2;9;8\n');
    const n = satlab(['verbatims', g, '--text', 'avis', '--score', 'nps']);
    expect(n.code).toBe(2);
    expect(n.stderr).toMatch(/num\.csv:2:3 \(column “avis”\): this column holds numbers or codes/);
    const e = scratch('empty.csv', '');
    const x = satlab(['verbatims', e, '--text', 'avis', '--score', 'nps']);
    expect(x.code).toBe(2);
    expect(x.stderr).toMatch(/empty\.csv/);
    const b = scratch('blank.csv', 'id;nps;avis\n1;2;\n2;9; \n');
    const y = satlab(['verbatims', b, '--text', 'avis', '--score', 'nps']);
    expect(y.code).toBe(2);
    expect(y.stderr).toMatch(/no comment to analyse: 2 row\(s\), every comment blank/);
  });
});

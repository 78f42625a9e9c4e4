import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { columnProportionTests } from '@satlab/stats';
import { beforeAll, describe, expect, it } from 'vitest';
// Known answers: ../shared/reference/bts-expected.json, copied (with its source) into the stats fixtures.
import bts from '../packages/stats/test/fixtures/bts-annex3.json' with { type: 'json' };
import fx from '../packages/stats/test/fixtures/chisq.json' with { type: 'json' };
import { requireBuild, satlab, scratchDir } from './helpers/satlab.js';

// End-to-end: runs the built CLI (pnpm exec tsc -b packages/cli first).
const annex3 = 'datasets/bts-2007/annex3.csv';
const respondents = 'datasets/bts-2007/annex3-respondents.csv';
const codebook = 'datasets/bts-2007/codebook.yaml';

const rel = (got: number, want: number): number => Math.abs(got - want) / Math.abs(want);
const e = bts.expected;

beforeAll(() => requireBuild('chi2'));

describe('satlab chi2 --table (BTS 2007 annex 3)', () => {
  const r = satlab(['chi2', annex3, '--table', '--json']);
  const out = r.code === 0 ? JSON.parse(r.stdout) : {};

  it('--json prints only JSON with the keys of the issue', () => {
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    for (const k of ['statistic', 'df', 'pValue', 'n', 'cramersV', 'cramersVBiasCorrected', 'expected', 'adjustedResiduals', 'rowLabels', 'colLabels', 'warnings', 'gTest']) {
      expect(out).toHaveProperty(k);
    }
    expect(Object.keys(out.gTest)).toEqual(expect.arrayContaining(['statistic', 'pValue']));
    // Warnings are structured messages: a stable code, its parameters and the English text.
    expect(out.warnings.every((w: { code: unknown; text: unknown }) => typeof w.code === 'string' && typeof w.text === 'string')).toBe(true);
  });

  it('reproduces bts-expected.json: X², df, p, n, V, Bergsma V, G², expected counts, adjusted residuals', () => {
    expect(rel(out.statistic, e.statistic)).toBeLessThan(1e-10);
    expect(out.df).toBe(12);
    expect(rel(out.pValue, e.pValue)).toBeLessThan(1e-9);
    expect(out.n).toBe(582);
    expect(rel(out.cramersV, e.cramersV)).toBeLessThan(1e-9);
    expect(rel(out.cramersVBiasCorrected, e.cramersVBiasCorrected_Bergsma)).toBeLessThan(1e-9);
    expect(rel(out.gTest.statistic, e.likelihoodRatio_G2)).toBeLessThan(1e-10);
    expect(rel(out.gTest.pValue, e.likelihoodRatio_pValue)).toBeLessThan(1e-9);
    expect(out.rowLabels).toEqual(bts.rowLabels);
    expect(out.colLabels).toEqual(bts.colLabels);
    out.expected[2].forEach((v: number, j: number) => expect(Math.abs(v - e.expected_row_Prev_Retraite[j])).toBeLessThan(5e-6));
    out.adjustedResiduals.forEach((row: number[], i: number) => row.forEach((v, j) => expect(Math.abs(v - e.adjustedResiduals[i][j])).toBeLessThan(5e-7)));
    expect(out.expectedBelow5).toBe(2);
    expect(Math.abs(out.minExpected - e.minExpected)).toBeLessThan(5e-7);
    expect(out.warnings.some((w: { code: string; text: string }) => w.code === 'stats.table.smallExpected' && w.text.startsWith('2 of 20 cells (10.0%) have expected counts below 5'))).toBe(true);
  });

  it('--collapse merges satisfaction levels: not satisfied vs satisfied gives X² = 15.989, df = 4', () => {
    const c = JSON.parse(
      satlab(['chi2', annex3, '--table', '--json', '--collapse', 'Pas du tout satisfait+Plutôt pas satisfait=Insatisfait', '--collapse', 'Plutôt satisfait+Tout à fait satisfait=Satisfait']).stdout,
    );
    expect(c.colLabels).toEqual(['Insatisfait', 'Satisfait']);
    expect(rel(c.statistic, e.collapsed_not_satisfied_vs_satisfied.statistic)).toBeLessThan(1e-10);
    expect(c.df).toBe(4);
    expect(rel(c.pValue, e.collapsed_not_satisfied_vs_satisfied.pValue)).toBeLessThan(1e-9);
  });

  it('French reading answers the BTS question with the cells that drive it and the expected < 5 caution', () => {
    const h = satlab(['chi2', annex3, '--table', '--lang', 'fr']);
    expect(h.code).toBe(0);
    h.stdout = h.stdout.replace(/\u00a0/g, ' '); // French number formatting uses no-break spaces
    expect(h.stdout).toContain('Oui, les réponses diffèrent significativement selon « contrat » (χ² = 53,76, ddl = 12, p < 0,001)');
    expect(h.stdout).toContain('Auto/Moto plus souvent « Pas du tout satisfait » (résidu ajusté +3,5)');
    expect(h.stdout).toContain('« Tout à fait satisfait » (+4,4*)');
    expect(h.stdout).toContain('2 case(s) sur 20 (10,0 %) ont un effectif théorique inférieur à 5 (minimum 2,78)');
    expect(h.stdout).toMatch(/Auto\/Moto\s+30\s+54\s+96\s+18\s+198/); // the counts, labelled rows
    expect(h.stdout).toMatch(/Auto\/Moto\s+15,2 %\s+27,3 %/); // Auto/Moto × Pas du tout satisfait, row percentage
    expect(h.stdout).not.toContain('(en anglais)');
    expect(h.stdout).toContain('Avertissements :\n  - 2 cases sur 20 (10,0 %)');
    const en = satlab(['chi2', annex3, '--table', '--lang', 'en']);
    expect(en.stdout).toContain('Yes, the answers differ significantly by “contrat” (χ² = 53.76, df = 12, p < 0.001)');
  });

  it('--monte-carlo N --seed S adds a reproducible Monte-Carlo p', () => {
    const a = JSON.parse(satlab(['chi2', annex3, '--table', '--json', '--monte-carlo', '999', '--seed', '7']).stdout);
    const b = JSON.parse(satlab(['chi2', annex3, '--table', '--json', '--monte-carlo', '999', '--seed', '7']).stdout);
    expect(a.monteCarlo.pValue).toBe(b.monteCarlo.pValue);
    expect(a.monteCarlo.pValue).toBe(1 / 1000); // no simulated table reaches X² = 53.76
    expect(a.monteCarlo.replicates).toBe(999);
  });
});

describe('satlab chi2 on respondent data', () => {
  it('cross-tabulating annex3-respondents.csv gives the same test as the table', () => {
    const r = satlab(['chi2', respondents, '--rows', 'contrat', '--cols', 'satisfaction', '--codebook', codebook, '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.observed).toEqual(bts.table);
    expect(rel(out.statistic, e.statistic)).toBeLessThan(1e-10);
    expect(out.rowVariable).toBe('Type de contrat');
    expect(out.nMissing).toBe(0);
  });

  it('a column that does not exist → exit 2, one line on stderr naming it', () => {
    const r = satlab(['chi2', respondents, '--rows', 'contract', '--cols', 'satisfaction', '--codebook', codebook]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('"contract"');
  });

  it('--weight uses the Rao–Scott correction and matches R survey::svychisq', () => {
    const c = fx.raoScott.find((q) => q.name === 'w300')!;
    const dir = scratchDir('chi2');
    const file = join(dir, 'weighted.csv');
    writeFileSync(file, 'a;b;w\n' + c.a.map((a, i) => `${a};${c.b[i]};${String(c.w[i]).replace('.', ',')}`).join('\n') + '\n');
    const r = satlab(['chi2', file, '--rows', 'a', '--cols', 'b', '--weight', 'w', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.weighted).toBe(true);
    expect(rel(out.pearsonStatistic, c.pearson)).toBeLessThan(1e-9);
    expect(rel(out.pValue, c.pValue)).toBeLessThan(1e-9);
    expect(rel(out.secondOrder.pValue, c.pValueF)).toBeLessThan(1e-9);
    expect(out.cramersVBiasCorrected).toBeNull();
    const mc = satlab(['chi2', file, '--rows', 'a', '--cols', 'b', '--weight', 'w', '--monte-carlo', '100']);
    expect(mc.code).toBe(2);
  });
});

describe('satlab chi2 --letters', () => {
  const args = ['chi2', 'datasets/barometer/wave-3.csv', '--codebook', 'datasets/barometer/codebook.yaml', '--rows', 'overall', '--cols', 'contract'];

  it('adds the column-proportion letters of @satlab/stats (tested against R) to JSON and to the table', () => {
    const r = satlab([...args, '--letters', 'holm', '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    const ref = columnProportionTests(j.observed, { adjust: 'holm' });
    expect(j.columnProportions.adjust).toBe('holm');
    expect(j.columnProportions.letters).toEqual(ref.letters);
    expect(j.columnProportions.letters.flat().join('')).not.toBe(''); // the contract types do differ
    const human = satlab([...args, '--letters', 'bonferroni', '--lang', 'en']);
    expect(human.code).toBe(0);
    expect(human.stdout).toContain('Auto/Moto (A)');
    expect(human.stdout).toContain('significance letters');
  });

  it('refuses an unknown adjustment and weighted data (exit 2, one line)', () => {
    const bad = satlab([...args, '--letters', 'sidak']);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toContain('--letters must be');
  });
});

describe('satlab chi2: bad command lines and bad tables', () => {
  it('--table with --rows, or --rows without --cols → exit 2', () => {
    expect(satlab(['chi2', annex3, '--table', '--rows', 'x']).code).toBe(2);
    const r = satlab(['chi2', respondents, '--rows', 'contrat']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--cols');
  });
  it('a cell that is not a count → exit 2 naming file, line and column', () => {
    const dir = scratchDir('chi2');
    const file = join(dir, 'bad.csv');
    writeFileSync(file, 'contrat,oui,non\nAuto,12,x3\nSanté,4,9\n');
    const r = satlab(['chi2', file, '--table']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad\.csv:2:3 \(column "non"\).*"x3"/);
    const fr = satlab(['chi2', file, '--table', '--lang', 'fr']);
    expect(fr.code).toBe(2);
    expect(fr.stderr.replace(/\u00a0/g, ' ')).toMatch(/^satlab chi2 : .*bad\.csv:2:3 \(colonne « non »\) : « x3 » n’est pas un effectif \(un nombre ≥ 0\)\n$/);
  });
  it('command-line errors are one line in the language of --lang, else of LANG', () => {
    const fr = satlab(['chi2', annex3, '--table', '--lang', 'fr', '--bogus']);
    expect(fr.code).toBe(2);
    expect(fr.stderr).toBe('satlab chi2 : option inconnue --bogus (voir --help)\n');
    const env = satlab(['chi2', annex3, '--percent', 'lines', '--table'], { env: { LANG: 'fr_FR.UTF-8', LC_ALL: '' } });
    expect(env.code).toBe(2);
    expect(env.stderr.replace(/\u00a0/g, ' ')).toBe('satlab chi2 : --percent doit valoir row, col ou total, reçu « lines »\n');
    const en = satlab(['chi2', annex3, '--percent', 'lines', '--table'], { env: { LANG: 'C', LC_ALL: '' } });
    expect(en.stderr).toBe('satlab chi2: --percent must be row, col or total, got "lines"\n');
  });
  it('an unknown category in --collapse → exit 2 listing the categories', () => {
    const r = satlab(['chi2', annex3, '--table', '--collapse', 'Pas satisfait+Plutôt pas satisfait=Insatisfait']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('"Pas satisfait"');
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { plain, requireBuild, root, satlab, scratch } from './helpers/satlab.js';

// Mirror survey (t.test Welch, p.adjust holm) and mystery-shopping grid (weighted scores, t.test):
// packages/survey/test/fixtures/survey-mirror.json and survey-mystery.json (make-survey-fixtures.R).
const mf = JSON.parse(readFileSync(join(root, 'packages/survey/test/fixtures/survey-mirror.json'), 'utf8'));
const yf = JSON.parse(readFileSync(join(root, 'packages/survey/test/fixtures/survey-mystery.json'), 'utf8'));
const rel = (a: number, b: number): number => Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);
const side = (name: string, cols: (number | null)[][]): string => {
  const n = cols[0].length;
  const rows = Array.from({ length: n }, (_, i) => [String(i + 1), ...cols.map((c) => (c[i] === null ? '' : String(c[i])))].join(';'));
  return scratch(name, ['id', ...mf.attributes].join(';') + '\n' + rows.join('\n') + '\n');
};
const customers = side('clients.csv', mf.customers);
const staff = side('personnel.csv', mf.staff);
const grid = scratch('grille.csv', 'id,section,weight,max\n' + yf.grid.map((c: { id: string; section: string; weight: number; max: number }) => `${c.id},${c.section},${c.weight},${c.max}`).join('\n') + '\n');
const visits = scratch(
  'visites.csv',
  'visit,site,' + yf.grid.map((c: { id: string }) => c.id).join(',') + '\n' + yf.scores.map((s: (number | null)[], i: number) => `${yf.visitId[i]},${yf.visitSite[i]},${s.map((x) => (x === null ? 'NA' : x)).join(',')}`).join('\n') + '\n',
);

beforeAll(() => ['mirror', 'mystery'].forEach(requireBuild));

describe('satlab mirror', () => {
  it('--json: gaps, Welch tests and Holm p-values as R', () => {
    const r = satlab(['mirror', customers, staff, '--columns', mf.attributes.join(','), '--scale', '1-4', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    out.attributes.forEach((a: { gap: number; statistic: number; pAdjusted: number }, j: number) => {
      expect(rel(a.gap, mf.gap[j])).toBeLessThan(1e-12);
      expect(rel(a.statistic, mf.statistic[j])).toBeLessThan(1e-9);
      expect(rel(a.pAdjusted, mf.pHolm[j])).toBeLessThan(1e-9);
    });
    expect(plain(satlab(['mirror', customers, staff, '--columns', mf.attributes.join(','), '--lang', 'fr']).stdout)).toContain('dévalorisation interne');
  });

  it('exits 2 for a column missing from the staff file', () => {
    const r = satlab(['mirror', customers, staff, '--columns', 'Accueil,Vitrine']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no column "Vitrine"/);
  });
});

describe('satlab mystery', () => {
  it('--json: visit scores and site means as R', () => {
    const out = JSON.parse(satlab(['mystery', visits, '--grid', grid, '--json']).stdout);
    out.visits.forEach((v: { score: number }, i: number) => expect(rel(v.score, yf.visitScore[i])).toBeLessThan(1e-12));
    (yf.sites as string[]).forEach((site, k) => {
      const s = out.sites.find((x: { site: string }) => x.site === site);
      expect(rel(s.mean, yf.siteMean[k])).toBeLessThan(1e-12);
      for (const j of [0, 1]) expect(rel(s.ci[j], yf.siteCI[k][j])).toBeLessThan(1e-9);
    });
  });

  it('exits 2 naming the line for points above the criterion maximum', () => {
    const bad = scratch('visites-bad.csv', 'visit,site,' + yf.grid.map((c: { id: string }) => c.id).join(',') + '\nV1,Albi,1,1,9,1,1,1\n');
    const r = satlab(['mystery', bad, '--grid', grid]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('visites-bad.csv:2 (column "accueil"): visit "V1": 9 is not a score from 0 to 5 for "accueil"');
  });
});

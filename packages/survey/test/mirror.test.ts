import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { mirrorSurvey, mysteryShoppingScore } from '@satlab/survey';
import { close, closeAll, nums } from './close.js';

// fixtures/make-survey-fixtures.R → survey-mirror.json (t.test Welch, p.adjust holm) and
// survey-mystery.json (weighted grid scores, t.test per site).
const here = dirname(fileURLToPath(import.meta.url));
const mf = JSON.parse(readFileSync(join(here, 'fixtures/survey-mirror.json'), 'utf8'));
const yf = JSON.parse(readFileSync(join(here, 'fixtures/survey-mystery.json'), 'utf8'));

describe('mirrorSurvey against t.test(staff, customers) and p.adjust(p, "holm")', () => {
  const attributes = (mf.attributes as string[]).map((name, j) => ({ name, customers: nums(mf.customers[j]), staff: nums(mf.staff[j]) }));
  // Called inside each test: a result computed here, while the file is collected, is never mutated (docs/mutation.md).
  const run = () => mirrorSurvey({ attributes }, { scale: [1, 4] });

  it('gap, Welch statistic, df, p-value and interval per attribute', () => {
    const r = run();
    r.attributes.forEach((a, j) => {
      close(a.gap, mf.gap[j], 1e-12, `${a.name} gap`);
      close(a.statistic, mf.statistic[j], 1e-9, `${a.name} t`);
      close(a.df, mf.df[j], 1e-9, `${a.name} df`);
      close(a.pValue, mf.pValue[j], 1e-9, `${a.name} p`);
      closeAll(a.ci, mf.ci[j], 1e-9, `${a.name} ci`);
      close(a.pAdjusted, mf.pHolm[j], 1e-9, `${a.name} holm`);
    });
  });

  it('reads a significant positive gap as overestimation and a negative one as internal devaluation', () => {
    const r = run();
    for (const a of r.attributes) {
      if (!a.significant) expect(a.reading).toBe('aligned');
      else expect(a.reading).toBe(a.gap > 0 ? 'staff-overestimate' : 'staff-underestimate');
    }
    expect(r.attributes.some((a) => a.reading === 'staff-overestimate')).toBe(true);
    expect(r.attributes.some((a) => a.reading === 'staff-underestimate')).toBe(true);
    close(r.meanGap, mf.gap.reduce((s: number, g: number) => s + g, 0) / 4, 1e-12, 'meanGap');
  });

  it('refuses a rating outside the scale', () => {
    expect(() => mirrorSurvey({ attributes: [{ name: 'A', customers: [1, 2, 5], staff: [1, 2] }] }, { scale: [1, 4] })).toThrow(/"5" is out of scale 1-4/);
  });
});

describe('mysteryShoppingScore against the weighted-grid formula in R', () => {
  const grid = (yf.grid as { id: string; section: string; weight: number; max: number }[]);
  const visits = (yf.scores as (number | null)[][]).map((s, i) => ({
    id: yf.visitId[i] as string,
    site: yf.visitSite[i] as string,
    scores: Object.fromEntries(grid.map((c, j) => [c.id, s[j]])),
  }));
  // Called inside each test: a result computed here, while the file is collected, is never mutated (docs/mutation.md).
  const run = () => mysteryShoppingScore(grid, visits);

  it('scores each visit as 100·Σ w·points / Σ w·max over applicable criteria', () => {
    const r = run();
    r.visits.forEach((v, i) => close(v.score, yf.visitScore[i], 1e-12, v.id));
  });

  it('averages visits per site with a t interval and ranks the sites', () => {
    const r = run();
    (yf.sites as string[]).forEach((site, k) => {
      const s = r.sites.find((x) => x.site === site)!;
      close(s.mean, yf.siteMean[k], 1e-12, site);
      closeAll(s.ci, yf.siteCI[k], 1e-9, `${site} ci`);
      expect(s.nVisits).toBe(4);
    });
    for (let k = 1; k < r.sites.length; k++) expect(r.sites[k].mean).toBeLessThanOrEqual(r.sites[k - 1].mean);
    expect(r.sites[0].rank).toBe(1);
  });

  it('reports criterion achievement, weakest first', () => {
    const r = run();
    for (const c of r.criteria) close(c.achievement, yf.achievement[grid.findIndex((g) => g.id === c.id)], 1e-12, c.id);
    for (let k = 1; k < r.criteria.length; k++) expect(r.criteria[k].achievement).toBeGreaterThanOrEqual(r.criteria[k - 1].achievement);
  });

  it('refuses points above the maximum and unknown criteria, naming the visit', () => {
    expect(() => mysteryShoppingScore(grid, [{ id: 'x', site: 'A', scores: { accueil: 6 } }])).toThrow(/visit "x": 6 is not a score from 0 to 5 for "accueil"/);
    expect(() => mysteryShoppingScore(grid, [{ id: 'x', site: 'A', scores: { vitrine: 1 } }])).toThrow(/"vitrine" is not in the grid/);
  });
});

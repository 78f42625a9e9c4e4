/**
 * The documented properties of the synthetic datasets hold on the checked-in files, within
 * sampling error (bounds are about 3.5 standard errors unless stated). The true model is
 * `barometerModel` / `transactionsModel`; datasets/barometer/README.md states it in words.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { barometerModel } from '@satlab/synth';
import { columnsOf, correlation, mean, ols, parseCsv } from './helpers/csv.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const B = columnsOf(parseCsv(readFileSync(join(root, 'datasets/barometer/barometer.csv'), 'utf8')));
const n = B.respondent_id.length;
const idx = (pred: (i: number) => boolean): number[] => Array.from({ length: n }, (_, i) => i).filter(pred);
const num = (col: string, rows: number[], missing?: number): number[] => rows.map((i) => Number(B[col][i])).filter((v) => v !== missing);
const share = (rows: number[], pred: (i: number) => boolean): number => rows.filter(pred).length / rows.length;
const wave = (w: number) => idx((i) => B.wave[i] === String(w));
const all = idx(() => true);
const A = barometerModel.attributes;

describe('barometer: structure and codes', () => {
  test('4,500 respondents, 1,500 per wave, unique respondent and customer ids in C000001–C006000', () => {
    expect(n).toBe(4500);
    for (const w of [1, 2, 3]) expect(wave(w)).toHaveLength(1500);
    expect(new Set(B.respondent_id).size).toBe(n);
    expect(B.respondent_id.every((s) => /^R[1-3]-\d{5}$/.test(s))).toBe(true);
    expect(new Set(B.customer_id).size).toBe(n);
    expect(B.customer_id.every((s) => /^C\d{6}$/.test(s) && Number(s.slice(1)) >= 1 && Number(s.slice(1)) <= 6000)).toBe(true);
  });

  test('interviews fall within 21 days of the wave start, never on a Sunday, in date order', () => {
    const starts = ['2024-01-15', '2024-10-15', '2025-07-15'];
    for (const w of [1, 2, 3]) {
      const d = wave(w).map((i) => B.interview_date[i]);
      const t0 = Date.parse(starts[w - 1]);
      for (const s of d) {
        const days = (Date.parse(s) - t0) / 86_400_000;
        expect(days >= 0 && days < 21).toBe(true);
        expect(new Date(Date.parse(s)).getUTCDay()).not.toBe(0);
      }
      expect([...d].sort()).toEqual(d);
    }
  });

  test('codes stay in their scales; 9 (NSP) is the only other attribute code, 99 the only other NPS code', () => {
    for (const a of A) {
      for (const p of ['sat_', 'imp_']) expect(B[p + a.key].every((v) => ['1', '2', '3', '4', '9'].includes(v))).toBe(true);
    }
    expect(B.overall.every((v) => ['1', '2', '3', '4'].includes(v))).toBe(true);
    expect(B.nps.every((v) => (Number(v) >= 0 && Number(v) <= 10) || v === '99')).toBe(true);
    expect(B.ces.every((v) => Number(v) >= 1 && Number(v) <= 7)).toBe(true);
    expect(B.age_band.every((v) => ['', '18-29', '30-44', '45-59', '60+'].includes(v))).toBe(true);
  });

  test('missing-code rates: each NSP rate in 1–6 %, pooled rates within 3.5 SE of the model (NSP 2–4 %, NPS 99 2 %, age empty 1 %)', () => {
    const se = (p: number, m: number) => Math.sqrt((p * (1 - p)) / m);
    let satNsp = 0;
    let impNsp = 0;
    for (const a of A) {
      const ps = share(all, (i) => B[`sat_${a.key}`][i] === '9');
      const pi = share(all, (i) => B[`imp_${a.key}`][i] === '9');
      for (const p of [ps, pi]) {
        expect(p, a.key).toBeGreaterThan(0.01);
        expect(p, a.key).toBeLessThan(0.06);
      }
      satNsp += ps / A.length;
      impNsp += pi / A.length;
    }
    const satModel = mean(A.map((a) => a.satisfactionNspRate));
    expect(Math.abs(satNsp - satModel)).toBeLessThan(3.5 * se(satModel, 10 * n));
    expect(Math.abs(impNsp - 0.02)).toBeLessThan(3.5 * se(0.02, 10 * n));
    expect(share(all, (i) => B.sat_qualite_indemn[i] === '9')).toBeGreaterThan(share(all, (i) => B.sat_contact[i] === '9'));
    expect(Math.abs(share(all, (i) => B.nps[i] === '99') - 0.02)).toBeLessThan(3.5 * se(0.02, n));
    expect(Math.abs(share(all, (i) => B.age_band[i] === '') - 0.01)).toBeLessThan(3.5 * se(0.01, n));
  });

  test('resolved is empty exactly when complained = non', () => {
    for (let i = 0; i < n; i++) expect(B.resolved[i] === '').toBe(B.complained[i] === 'non');
  });

  test('verbatims: about 30 % filled, some with commas, semicolons, quotes and accents', () => {
    const v = B.verbatim.filter((s) => s !== '');
    expect(v.length / n).toBeGreaterThan(0.25);
    expect(v.length / n).toBeLessThan(0.35);
    for (const re of [/,/, /;/, /"/, /[éèàùç]/]) expect(v.some((s) => re.test(s))).toBe(true);
  });
});

describe('barometer: the documented model is recoverable', () => {
  test('contract shares are those of annex 3 (198/162/30/66/126 of 582)', () => {
    for (const c of barometerModel.contracts) {
      const p = share(all, (i) => B.contract[i] === c.name);
      expect(Math.abs(p - c.annexCount / 582)).toBeLessThan(3.5 * Math.sqrt((c.share * (1 - c.share)) / n));
    }
  });

  test('wave-1 attribute means are near annex 1 (satisfaction) and importance means near annex 1 in all waves', () => {
    for (const a of A) {
      const s = num(`sat_${a.key}`, wave(1), 9);
      const im = num(`imp_${a.key}`, all, 9);
      expect(Math.abs(mean(s) - a.satisfactionWave1), a.key).toBeLessThan(0.08); // SE ≈ 0.02
      expect(Math.abs(mean(im) - a.importance), a.key).toBeLessThan(0.06); // SE ≈ 0.012
    }
  });

  test('wave 1 → 3: informations and delai_indemn rise, rapport_couv_cot falls, the other seven stay within ±0.1', () => {
    for (const a of A) {
      const d = mean(num(`sat_${a.key}`, wave(3), 9)) - mean(num(`sat_${a.key}`, wave(1), 9));
      const truth = 2 * a.trendPerWave; // SE of the difference ≈ 0.03
      expect(Math.abs(d - truth), a.key).toBeLessThan(0.1);
      if (a.key === 'delai_indemn') expect(d).toBeGreaterThan(0.2);
      if (a.key === 'informations') expect(d).toBeGreaterThan(0.1);
      if (a.key === 'rapport_couv_cot') expect(d).toBeLessThan(-0.1);
    }
  });

  test('attribute satisfactions correlate positively (one latent satisfaction)', () => {
    const ok = idx((i) => A.every((a) => B[`sat_${a.key}`][i] !== '9'));
    const cols = A.map((a) => num(`sat_${a.key}`, ok));
    let sum = 0;
    let k = 0;
    for (let p = 0; p < cols.length; p++) for (let q = p + 1; q < cols.length; q++) {
      const r = correlation(cols[p], cols[q]);
      expect(r).toBeGreaterThan(0.25);
      sum += r;
      k++;
    }
    expect(sum / k).toBeGreaterThan(0.35);
    expect(sum / k).toBeLessThan(0.55);
  });

  test('OLS of overall on the ten attributes ranks rapport_couv_cot, qualite_indemn, delai_indemn first, weight-0 attributes near 0', () => {
    const ok = idx((i) => A.every((a) => B[`sat_${a.key}`][i] !== '9'));
    const X = ok.map((i) => A.map((a) => Number(B[`sat_${a.key}`][i])));
    const beta = ols(X, num('overall', ok)).slice(1);
    const ranked = A.map((a, k) => [a.key, beta[k]] as const).sort((x, y) => y[1] - x[1]).map((x) => x[0]);
    expect(new Set(ranked.slice(0, 3))).toEqual(new Set(['rapport_couv_cot', 'qualite_indemn', 'delai_indemn']));
    expect(ranked[3]).toBe('competence_perso');
    A.forEach((a, k) => {
      // slopes are the true weights attenuated by the 1–4 clamping of overall (large-sample ratio ≈ 0.85–0.95); SE ≈ 0.012
      expect(Math.abs(beta[k] - 0.9 * a.overallWeight), a.key).toBeLessThan(0.06);
    });
  });

  test('Prév. Retraite is the most polarised contract; Habitation is more satisfied than Auto/Moto', () => {
    const byContract = (c: string) => idx((i) => B.contract[i] === c);
    const extreme = (rows: number[]) => share(rows, (i) => B.overall[i] === '1' || B.overall[i] === '4');
    const pr = extreme(byContract('Prév. Retraite'));
    for (const c of barometerModel.contracts) if (c.name !== 'Prév. Retraite') expect(pr).toBeGreaterThan(extreme(byContract(c.name)));
    expect(mean(num('overall', byContract('Habitation'))) - mean(num('overall', byContract('Auto/Moto')))).toBeGreaterThan(0.2);
  });

  test('NPS and CES follow overall satisfaction (r > 0.6 and r < −0.4)', () => {
    const ok = idx((i) => B.nps[i] !== '99');
    expect(correlation(num('nps', ok), num('overall', ok))).toBeGreaterThan(0.6);
    expect(correlation(num('ces', all), num('overall', all))).toBeLessThan(-0.4);
  });

  test('complaints are more frequent the less satisfied the respondent (45/25/10/5 %)', () => {
    const rates = [1, 2, 3, 4].map((o) => share(idx((i) => B.overall[i] === String(o)), (i) => B.complained[i] === 'oui'));
    barometerModel.complaintByOverall.forEach((p, k) => expect(Math.abs(rates[k] - p)).toBeLessThan(0.1));
    expect(rates[0]).toBeGreaterThan(rates[1]);
    expect(rates[1]).toBeGreaterThan(rates[2]);
    expect(rates[2]).toBeGreaterThan(rates[3]);
  });

  test('attrition among the dissatisfied (overall 1–2) is about twice that among the satisfied (ratio in [1.5, 3])', () => {
    const dis = share(idx((i) => Number(B.overall[i]) <= 2), (i) => B.left_within_year[i] === 'oui');
    const sat = share(idx((i) => Number(B.overall[i]) >= 3), (i) => B.left_within_year[i] === 'oui');
    expect(dis / sat).toBeGreaterThan(1.5);
    expect(dis / sat).toBeLessThan(3);
    expect(Math.abs(dis - barometerModel.attrition.dissatisfied)).toBeLessThan(0.03);
    expect(Math.abs(sat - barometerModel.attrition.satisfied)).toBeLessThan(0.02);
  });

  test('a resolved complaint lowers attrition (left rate resolved < unresolved)', () => {
    const left = (res: string) => share(idx((i) => B.resolved[i] === res), (i) => B.left_within_year[i] === 'oui');
    expect(left('oui')).toBeLessThan(left('non'));
    expect(Math.abs(share(idx((i) => B.complained[i] === 'oui'), (i) => B.resolved[i] === 'oui') - 0.5)).toBeLessThan(0.07);
  });
});

describe('transactions.csv', () => {
  const text = readFileSync(join(root, 'datasets/transactions/transactions.csv'), 'utf8');
  const lines = text.split('\n');
  test('header, 120,000 rows, LF, final newline', () => {
    expect(lines[0]).toBe('customer_id,date,amount');
    expect(lines[lines.length - 1]).toBe('');
    expect(lines.length - 2).toBe(120_000);
    expect(text.includes('\r')).toBe(false);
  });

  const rows = lines.slice(1, -1).map((l) => l.split(','));
  test('ids C000001–C006000, every customer present; ISO dates in 2022-01-01…2024-12-31 in date order; positive amounts with 2 decimals', () => {
    const ids = new Set<string>();
    let prev = '';
    const bad: string[] = [];
    for (const [id, date, amount] of rows) {
      if (!/^C\d{6}$/.test(id)) bad.push(`id ${id}`);
      ids.add(id);
      if (!(/^\d{4}-\d{2}-\d{2}$/.test(date) && date >= '2022-01-01' && date <= '2024-12-31' && date >= prev)) bad.push(`date ${date}`);
      prev = date;
      if (!(/^\d+\.\d{2}$/.test(amount) && Number(amount) > 0)) bad.push(`amount ${amount}`);
    }
    expect(bad).toEqual([]);
    expect(ids.size).toBe(6000);
    expect([...ids].every((s) => Number(s.slice(1)) <= 6000)).toBe(true);
    expect(rows[0][1]).toBe('2022-01-01');
    expect(rows[rows.length - 1][1]).toBe('2024-12-31');
  });

  test('revenue is concentrated like the seed (38 % of customers make 70–82 % of revenue; seed: 76 %)', () => {
    const rev = new Map<string, number>();
    for (const [id, , amount] of rows) rev.set(id, (rev.get(id) ?? 0) + Number(amount));
    const sorted = [...rev.values()].sort((a, b) => b - a);
    const total = sorted.reduce((s, x) => s + x, 0);
    const top = sorted.slice(0, Math.round(0.38 * sorted.length)).reduce((s, x) => s + x, 0);
    expect(top / total).toBeGreaterThan(0.7);
    expect(top / total).toBeLessThan(0.82);
  });

  test('some customers are new (first purchase after 2023-01-01) and some have lapsed (none in 2024-07…12)', () => {
    const first = new Map<string, string>();
    const last = new Map<string, string>();
    for (const [id, date] of rows) {
      if (!first.has(id)) first.set(id, date);
      last.set(id, date);
    }
    const newShare = [...first.values()].filter((d) => d >= '2023-01-01').length / 6000;
    const lapsedShare = [...last.values()].filter((d) => d < '2024-07-01').length / 6000;
    expect(newShare).toBeGreaterThan(0.1);
    expect(lapsedShare).toBeGreaterThan(0.1);
  });
});

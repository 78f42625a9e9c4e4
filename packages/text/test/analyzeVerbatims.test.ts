import { readFileSync } from 'node:fs';
import { renderMessage, SatlabError } from '@satlab/messages';
import { pAdjust, twoProportionTest } from '@satlab/stats';
import { describe, expect, test } from 'vitest';
import { analyzeVerbatims, compileThemes, defaultThemes, themesOf, tokenizeComment } from '../src/index.js';

// datasets/verbatims/avis-assurance.csv: 253 French comments written by hand with their NPS, channel,
// wave and the themes a reader sees in them (see datasets/verbatims/README.md). No field holds ";".
const rows = readFileSync(new URL('../../../datasets/verbatims/avis-assurance.csv', import.meta.url), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((l) => l.split(';'));
const input = {
  text: rows.map((r) => (r[4] === '' ? null : r[4])),
  score: rows.map((r) => (r[3] === '' ? NaN : Number(r[3]))),
  by: rows.map((r) => r[2]),
  wave: rows.map((r) => r[1]),
};
const r = analyzeVerbatims(input, { minCount: 3, source: { byColumn: 'canal', waveColumn: 'vague' } });

describe('on real French NPS comments', () => {
  test('every row is accounted for: analysed + blank = rows; missing scores counted', () => {
    expect(r.n + r.empty).toBe(rows.length);
    expect(r.empty).toBe(rows.filter((x) => x[4] === '').length);
    expect(r.missingScore).toBe(rows.filter((x) => x[4] !== '' && x[3] === '').length);
    expect(r.detractors + r.passives + r.promoters + r.missingScore).toBe(r.n);
    expect(r.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(['text.emptyComments', 'text.missingScore']));
    const blank = r.warnings.find((w) => w.code === 'text.emptyComments')!;
    expect(renderMessage(blank, 'en')).toBe(`${r.empty} of ${rows.length} comments are blank: counted in "empty", not analysed`);
    expect(renderMessage(blank, 'fr')).toBe(`${r.empty} commentaires sur ${rows.length} sont vides : comptés à part comme vides, non analysés`);
  });
  test('the top detractor terms are the ones a reader names: waiting and price, not stop words', () => {
    const top = r.detractorTerms.slice(0, 6).map((t) => t.term);
    expect(top.some((t) => /^(attent|attendr|del|long|semain|mois)/.test(t))).toBe(true);
    expect(top.some((t) => /^(prix|cher|cotis|augment|tarif|hauss)/.test(t))).toBe(true);
    for (const t of r.detractorTerms) expect(['le', 'la', 'de', 'et', 'pas', 'ne', 'je', 'est']).not.toContain(t.term);
    expect(r.detractorTerms.every((t, i, a) => i === 0 || a[i - 1].z >= t.z)).toBe(true);
    expect(r.promoterTerms.slice(0, 6).map((t) => t.term)).toEqual(expect.arrayContaining(['conseil']));
  });
  test('the themes most frequent among detractors are price and waiting time', () => {
    const byDetractors = [...r.themes].sort((a, b) => b.shareDetractors - a.shareDetractors).slice(0, 2).map((t) => t.theme);
    expect(byDetractors.sort()).toEqual(['price', 'waiting']);
    const price = r.themes.find((t) => t.theme === 'price')!;
    expect(price.shareDetractors).toBeGreaterThan(price.sharePromoters);
  });
  test('theme detection agrees with the reader: precision ≥ 0.70, recall ≥ 0.85 (measured 0.75 and 0.88)', () => {
    const c = compileThemes(defaultThemes());
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const x of rows) {
      if (x[4] === '') continue;
      const { lang, tokens } = tokenizeComment(x[4]);
      const got = new Set(themesOf(tokens, lang, c).map((k) => c.dictionary.themes[k].id));
      const want = new Set(x[5].split('|').filter((s) => s !== ''));
      for (const g of got) if (want.has(g)) tp++; else fp++;
      for (const w of want) if (!got.has(w)) fn++;
    }
    expect(tp / (tp + fp)).toBeGreaterThanOrEqual(0.7);
    expect(tp / (tp + fn)).toBeGreaterThanOrEqual(0.85);
  });
  test('theme p-values are prop.test (no correction) of detractors vs promoters, Holm-adjusted over themes', () => {
    for (const t of r.themes) {
      const xl = Math.round(t.shareDetractors * r.detractors);
      const xh = Math.round(t.sharePromoters * r.promoters);
      expect(t.pValue).toBe(twoProportionTest(xl, r.detractors, xh, r.promoters).pValue);
    }
    const adj = pAdjust(r.themes.map((t) => t.pValue), 'holm');
    r.themes.forEach((t, i) => expect(t.pAdjusted).toBeCloseTo(adj[i], 15));
    for (const t of r.themes) expect(t.mark).toBe(t.pAdjusted < 0.05 ? (t.shareDetractors > t.sharePromoters ? '▲' : '▼') : '');
  });
  test('examples: shortest comments that mention the theme, 4–40 words, distinct', () => {
    const waiting = r.themes.find((t) => t.theme === 'waiting')!;
    expect(waiting.examples).toHaveLength(3);
    const lens = waiting.examples.map((e) => e.text.length);
    expect([...lens].sort((a, b) => a - b)).toEqual(lens);
    for (const e of waiting.examples) expect(e.text).toBe(rows[e.row][4]);
  });
  test('segments: each against the other segments; shares add up to the overall count', () => {
    const seg = r.segments!;
    expect(seg.column).toBe('canal');
    expect(seg.groups.map((g) => g.name)).toEqual(['agence', 'internet', 'telephone']);
    for (const th of r.themes) {
      const cells = seg.groups.map((g) => g.themes.find((c) => c.theme === th.theme)!);
      expect(cells.reduce((s, c) => s + c.n, 0)).toBe(th.n);
      const g0 = seg.groups[0];
      const c0 = cells[0];
      expect(c0.shareCompared).toBeCloseTo((th.n - c0.n) / (r.n - g0.n), 12);
    }
    const phone = seg.groups.find((g) => g.name === 'telephone')!;
    expect(phone.themes.find((c) => c.theme === 'contact')!.mark).toBe('▲');
  });
  test('waves: each against the previous wave, the first has no comparison', () => {
    const w = r.waves!.groups;
    expect(w.map((g) => g.name)).toEqual(['2025-S1', '2025-S2']);
    for (const c of w[0].themes) expect(c.pValue).toBeNaN();
    const c = w[1].themes[0];
    const prev = w[0].themes.find((x) => x.theme === c.theme)!;
    expect(c.pValue).toBe(twoProportionTest(c.n, w[1].n, prev.n, w[0].n).pValue);
  });
});

describe('bad input: clear errors, nothing dropped silently', () => {
  const source = { file: 'avis.csv', lines: [2, 3, 4, 5], textColumn: 'commentaire', textColumnNumber: 5, scoreColumn: 'nps', scoreColumnNumber: 4 };
  test('a score outside the scale names file, line and column, in English and French', () => {
    try {
      analyzeVerbatims({ text: ['trop cher', 'super', 'bien', 'long'], score: [3, 99, 8, 5] }, { source });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(SatlabError);
      const d = (e as SatlabError).detail;
      expect(d.code).toBe('text.scoreOutOfScale');
      expect(renderMessage(d, 'en')).toMatch(/^avis\.csv:3:4 \(column “nps”\): score 99 is outside the scale 0–10/);
      expect(renderMessage(d, 'fr')).toMatch(/^avis\.csv:3:4 \(colonne «\u00a0nps\u00a0»\) : la note 99 est hors de l’échelle 0–10/);
    }
  });
  test('a text column of numbers is not comments', () => {
    expect(() => analyzeVerbatims({ text: ['8', '9', '10', '7'], score: [8, 9, 10, 7] }, { source })).toThrow(/avis\.csv:2:5 .*holds numbers or codes/);
  });
  test('no comment at all (empty file or every cell blank)', () => {
    expect(() => analyzeVerbatims({ text: [], score: [] }, { source })).toThrow(SatlabError);
    try {
      analyzeVerbatims({ text: ['', '  ', null], score: [1, 2, 3] });
    } catch (e) {
      expect((e as SatlabError).code).toBe('text.noComments');
    }
  });
  test('other scales through scale/low/high; impossible groups refused', () => {
    const x = analyzeVerbatims({ text: ['trop cher', 'très bien', 'correct'], score: [1, 5, 3] }, { scale: [1, 5], low: 2, high: 4, minCount: 1 });
    expect([x.detractors, x.passives, x.promoters]).toEqual([1, 1, 1]);
    expect(() => analyzeVerbatims({ text: ['a b'], score: [1] }, { scale: [1, 5], low: 4, high: 3 })).toThrow(/low group/);
  });
});

import { describe, expect, it, vi } from 'vitest';
import { ipaChart } from '@satlab/charts';
import type { MissingTally, Table } from '@satlab/data';
import { getLang, setLang, toBundle } from '@satlab/notebook';
import { present } from '@satlab/present';
import { chiSquareTest, crossTab } from '@satlab/stats';

const NBSP = '\u00a0';
const VL = 'application/vnd.vegalite.v5+json';

const missing = (count: number): MissingTally => ({ count, byReason: count ? { empty: count } : {} });
/** A small Table as @satlab/data builds them: id, ordinal, numeric and date columns, a missing value in each. */
function table(nRows = 3): Table {
  const ids = ['r1', '<script>alert("x")</script>', null, ...Array.from({ length: Math.max(0, nRows - 3) }, (_, i) => `r${i + 4}`)];
  return {
    nRows,
    columns: [
      { name: 'respondent_id', type: 'id', values: ids.slice(0, nRows), missing: missing(1), inferred: false },
      { name: 'sat_contact', label: 'Satisfaction — <Contact>', type: 'ordinal', codes: Int32Array.from({ length: nRows }, (_, i) => [0, 3, -1][i % 3]), levels: ['Pas du tout satisfait', 'Plutôt pas satisfait', 'Plutôt satisfait', 'Tout à fait satisfait'], scores: Float64Array.from([1, 2, 3, 4]), missing: missing(1), inferred: false },
      { name: 'montant', type: 'numeric', values: Float64Array.from({ length: nRows }, (_, i) => [1234.5, NaN, 0.25][i % 3]), missing: missing(1), inferred: false },
      { name: 'date', type: 'date', values: Float64Array.from({ length: nRows }, (_, i) => [Date.UTC(2024, 2, 15), NaN, Date.UTC(2023, 11, 31)][i % 3]), missing: missing(1), inferred: false },
    ],
  };
}

describe('toBundle — charts', () => {
  const spec = ipaChart(
    { satisfactionCutoff: 2, importanceCutoff: 3, attributes: [{ name: 'Accueil', satisfaction: 1.5, importance: 3.5, quadrant: 'concentrate' }, { name: 'Site', satisfaction: 2.5, importance: 2.5, quadrant: 'overkill' }] },
    { lang: 'fr' },
  );

  it('gives one bundle with the Vega-Lite JSON object, a rendered SVG fallback and a text line', () => {
    const b = toBundle(spec);
    expect(Object.keys(b.data).sort()).toEqual([VL, 'image/svg+xml', 'text/plain'].sort());
    expect(b.data[VL]).toEqual(spec);
    expect(typeof b.data[VL]).toBe('object');
    const svg = b.data['image/svg+xml'] as string;
    expect(svg).toMatch(/^<svg[\s\S]*<\/svg>$/);
    expect(svg).toContain('À améliorer en priorité');
    expect(b.data['text/plain']).toBe('<Vega-Lite chart: Matrice importance × satisfaction>');
    expect(b.metadata).toEqual({});
  });

  it('copies the spec, so that changing it afterwards does not change the bundle, and survives JSON', () => {
    const copy = structuredClone(spec) as unknown as { width: number };
    const b = toBundle(copy);
    copy.width = 1;
    expect((b.data[VL] as { width: number }).width).toBe(520);
    expect(JSON.parse(JSON.stringify(b))).toEqual(b);
  });

  it('recognises a hand-written Vega-Lite spec without $schema', () => {
    const b = toBundle({ data: { values: [{ a: 1 }, { a: 2 }] }, mark: 'point', encoding: { x: { field: 'a', type: 'quantitative' } } });
    expect(b.data['image/svg+xml']).toMatch(/^<svg/);
    expect(b.data['text/plain']).toBe('<Vega-Lite chart>');
  });
});

describe('toBundle — tables', () => {
  it('escapes every cell and header label of a Table (a verbatim may hold <script>)', () => {
    const html = toBundle(table(), { lang: 'fr' }).data['text/html'] as string;
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('title="Satisfaction — &lt;Contact&gt;"');
    expect(html.match(/<tr>/g)?.length).toBe(1 + 3);
  });

  it('formats cells in the language: levels, decimal comma, DD/MM/YYYY dates, missing as an em dash', () => {
    const text = toBundle(table(), { lang: 'fr' }).data['text/plain'];
    expect(text.split('\n')).toEqual([
      '3 lignes × 4 colonnes',
      'respondent_id                sat_contact             montant  date',
      '───────────────────────────  ─────────────────────  ────────  ──────────',
      `r1                           Pas du tout satisfait  1${NBSP}234,50  15/03/2024`,
      '<script>alert("x")</script>  Tout à fait satisfait         —  —',
      '—                            —                          0,25  31/12/2023',
    ]);
    const en = toBundle(table(), { lang: 'en' }).data['text/plain'];
    expect(en).toContain('1,234.50');
    expect(en).toContain('2024-03-15');
  });

  it('shows at most maxRows rows, then says how many are left', () => {
    const b = toBundle(table(1234), { lang: 'fr', maxRows: 5 });
    const html = b.data['text/html'] as string;
    expect(html.match(/<tr>/g)?.length).toBe(1 + 5);
    expect(html).toContain(`1${NBSP}234 lignes × 4 colonnes`);
    expect(html).toContain(`… 1${NBSP}229 lignes de plus`);
    expect(b.data['text/plain']).toContain(`… 1${NBSP}229 lignes de plus`);
    expect(toBundle(table(25)).data['text/plain']).toContain('… 5 more rows'); // default 20 rows
  });

  it('lays out an array of records with the union of their keys, numbers right-aligned with one number of decimals a column', () => {
    const rows = [{ contrat: 'Santé', n: 144, part: 0.2474 }, { contrat: 'Auto/Moto', n: 198, part: 0.34, '<b>': 'x & y' }];
    const b = toBundle(rows, { lang: 'fr', title: 'Contrats' });
    expect(b.data['text/plain'].split('\n')).toEqual([
      'Contrats — 2 lignes × 4 colonnes',
      'contrat      n    part  <b>',
      '─────────  ───  ──────  ─────',
      'Santé      144  0,2474  —',
      'Auto/Moto  198  0,3400  x & y',
    ]);
    const html = b.data['text/html'] as string;
    expect(html).toContain('&lt;b&gt;</th>');
    expect(html).toContain('x &amp; y');
    expect(html).toContain('text-align:right">0,3400</td>');
  });

  it('says when there are no rows', () => {
    expect(toBundle([], { lang: 'en' }).data['text/plain']).toBe('0 row × 0 column\n(no rows)');
  });
});

describe('toBundle — results', () => {
  // BTS 2007 annex 3 (datasets/bts-2007/annex3.csv), contract × satisfaction; R: chisq.test(m) gives
  // X-squared = 53.759, df = 12, p-value = 3.017e-07 (packages/charts/test/fixtures/bts.R).
  const levels = ['Pas du tout satisfait', 'Plutôt pas satisfait', 'Plutôt satisfait', 'Tout à fait satisfait'];
  const contracts = ['Auto/Moto', 'Habitation', 'Prév. Retraite', 'Resp. civile', 'Santé <script>'];
  const counts = [[30, 54, 96, 18], [6, 36, 102, 18], [6, 0, 12, 12], [6, 12, 36, 12], [6, 30, 72, 18]];
  const rows: string[] = [];
  const cols: string[] = [];
  counts.forEach((r, i) => r.forEach((n, j) => { for (let k = 0; k < n; k++) { rows.push(contracts[i]); cols.push(levels[j]); } }));
  const ct = crossTab(rows, cols, { rowLevels: contracts, colLevels: levels });
  const cells = (html: string): string[] => [...html.matchAll(/<t[dh][^>]*>(.*?)<\/t[dh]>/g)].map((m) => m[1]);

  it('shows a cross-tab with its level labels (no row or column numbers), counts and row percentages, escaped', () => {
    const html = toBundle(ct, { lang: 'fr' }).data['text/html'] as string;
    const c = cells(html);
    for (const l of [...levels, 'Auto/Moto', 'Santé &lt;script&gt;']) expect(c).toContain(l);
    expect(html).not.toContain('<script>');
    expect(c.filter((t) => /^\d+(,\d)?\s?%$/.test(t.replace(/\u00a0|\u202f/g, ' '))).length).toBeGreaterThanOrEqual(20);
    expect(c.some((t) => t.includes('{') || t.includes('['))).toBe(false);
    expect(c).not.toContain('1');
  });

  it('shows a chi-square test with its statistic, df and p-value, the text laid out like R’s htest print', () => {
    const b = toBundle(chiSquareTest(ct), { lang: 'en' });
    const text = b.data['text/plain'];
    expect(text.split('\n')[0]).toMatch(/chi-squared test/i);
    expect(text).toMatch(/χ² = 53\.76, df = 12, p-value < 0\.001/);
    expect(b.data['text/html']).toContain('p-value &lt; 0.001');
    const fr = toBundle(chiSquareTest(ct), { lang: 'fr' }).data['text/plain'];
    expect(fr).toMatch(/χ² = 53,76/);
  });

  it('passes a Presentation through, and shows a plain object without raw JSON in the HTML', () => {
    const p = present(ct, { lang: 'en' });
    expect(toBundle(p).data['text/plain']).toBe(toBundle(ct, { lang: 'en' }).data['text/plain']);
    const html = toBundle({ nps: 20, ci: [9.6, 30.4], groups: [{ name: 'a', nps: 1 }] }, { lang: 'fr' }).data['text/html'] as string;
    expect(cells(html).some((t) => t.startsWith('{') || t.startsWith('[{'))).toBe(false);
  });

  it('titles a result as asked', () => {
    expect(toBundle(ct, { title: 'Annexe 3', lang: 'fr' }).data['text/plain'].split('\n')[0]).toBe('Annexe 3');
  });

  it('prints other values as text only', () => {
    expect(toBundle('bonjour')).toEqual({ data: { 'text/plain': 'bonjour' }, metadata: {} });
    expect(toBundle(1234.5, { lang: 'fr' }).data).toEqual({ 'text/plain': `1${NBSP}234,5` });
  });

  it('rejects bad options', () => {
    expect(() => toBundle([], { maxRows: 0 })).toThrow(new RangeError('toBundle: opts.maxRows must be a positive integer, got 0'));
    expect(() => toBundle([], { lang: 'de' as never })).toThrow(TypeError);
    expect(() => toBundle(Promise.resolve(1))).toThrow(new TypeError('toBundle: got a Promise; await it first (show(await analysis(…)))'));
  });
});

describe('toBundle — labels', () => {
  it('names the variables of a χ² test on a plain matrix from opts.labels', () => {
    const t = chiSquareTest([[84, 114], [102, 282]], { rowLabels: ['Auto/Moto', 'Autres'], colLabels: ['Insatisfaits', 'Satisfaits'] });
    const text = toBundle(t, { lang: 'fr', labels: { rows: 'contrat', cols: 'satisfaction' } }).data['text/plain'];
    expect(text).toContain('contrat × satisfaction');
    expect(toBundle(t, { lang: 'fr' }).data['text/plain']).not.toContain('contrat × satisfaction');
  });
});

describe('toBundle — the notebook language', () => {
  it('follows setLang like show() does when no lang is given; an explicit lang still wins', () => {
    const before = getLang();
    vi.stubEnv('LC_ALL', '');
    vi.stubEnv('LC_MESSAGES', '');
    vi.stubEnv('LANG', 'C');
    try {
      const ct = crossTab(['Auto', 'Auto', 'Santé', 'Santé'], ['oui', 'non', 'oui', 'oui']);
      setLang('fr');
      expect(toBundle(0.5).data['text/plain']).toBe('0,5');
      expect(toBundle(ct).data['text/plain']).toBe(toBundle(ct, { lang: 'fr' }).data['text/plain']);
      expect(toBundle(ct).data['text/plain']).toMatch(/Tableau croisé/);
      expect(toBundle(0.5, { lang: 'en' }).data['text/plain']).toBe('0.5');
      setLang('en');
      expect(toBundle(0.5).data['text/plain']).toBe('0.5');
      expect(toBundle(ct).data['text/plain']).toBe(toBundle(ct, { lang: 'en' }).data['text/plain']);
      expect(toBundle(ct).data['text/plain']).not.toMatch(/Tableau croisé/);
    } finally {
      setLang(before);
      vi.unstubAllEnvs();
    }
  });
});

import { describe, expect, it } from 'vitest';
import { ipaChart } from '@satlab/charts';
import type { MissingTally, Table } from '@satlab/data';
import { toBundle } from '@satlab/notebook';

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
    expect(svg).toContain('Zone prioritaire : concentrer l’effort');
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
  // BTS annex 3 figures (R: chisq.test(m), /work/shared/reference/bts-expected.json via packages/charts/test/fixtures/bts.R)
  const result = {
    method: "Pearson's Chi-squared test",
    statistic: 53.7592805094,
    df: 12,
    pValue: 3.0168622929e-7,
    estimate: 0.1754706982,
    ci: [0.1, 0.25],
    n: 582,
    nMissing: 0,
    rowLabels: ['Auto/Moto', 'Santé'],
    colLabels: ['Non', 'Oui'],
    observed: [[84, 114], [36, 108]],
    cells: [{ row: 'Auto/Moto', residual: 3.5068 }],
    warnings: ['2 cells (10.0%) have expected counts below 5 <min 2.78>'],
  };

  it('reports a test result under its method, figures in French format, warnings highlighted and escaped', () => {
    const b = toBundle(result, { lang: 'fr' });
    const text = b.data['text/plain'];
    expect(text.split('\n').slice(0, 10)).toEqual([
      "Pearson's Chi-squared test",
      '──────────────────────────',
      'Statistique              53,7593',
      'Degrés de liberté        12',
      'p-value                  < 0,001',
      'Estimation               0,1755',
      'Intervalle de confiance  [0,1 ; 0,25]',
      'Effectif (n)             582',
      'Valeurs manquantes       0',
      'observed:',
    ]);
    expect(text).toContain('⚠ 2 cells (10.0%) have expected counts below 5 <min 2.78>');
    const html = b.data['text/html'] as string;
    expect(html).toContain('<h4 style="margin:4px 0 6px">Pearson&#39;s Chi-squared test</h4>');
    expect(html).toContain('⚠ 2 cells (10.0%) have expected counts below 5 &lt;min 2.78&gt;');
    expect(html).not.toContain('<min');
  });

  it('lays out matrices with the result’s row and column labels, and nested records as tables', () => {
    const text = toBundle(result, { lang: 'en' }).data['text/plain'];
    expect(text).toContain(['observed:', '  2 rows × 2 columns', '             Non  Oui', '  ─────────  ───  ───', '  Auto/Moto   84  114', '  Santé       36  108'].join('\n'));
    expect(text).toContain(['cells:', '  1 row × 2 columns', '  row        residual', '  ─────────  ────────', '  Auto/Moto    3.5068'].join('\n'));
    expect(text).toContain('Confidence interval  [0.1, 0.25]');
  });

  it('titles a result without a method "Result", or as asked', () => {
    expect(toBundle({ nps: 20, ci: [9.6, 30.4] }, { lang: 'fr' }).data['text/plain'].split('\n')[0]).toBe('Résultat');
    expect(toBundle({ nps: 20 }, { title: 'NPS' }).data['text/plain'].split('\n')[0]).toBe('NPS');
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

import { describe, expect, it } from 'vitest';
import { chiSquareTest, columnProportionTests, crossTab, fisherExactTest } from '@satlab/stats';
import {
  attritionVsDissatisfaction,
  csatScore,
  customerEffortScore,
  firstContactResolution,
  ipaMatrix,
  lifetimeValue,
  mirrorSurvey,
  mysteryShoppingScore,
  netPromoterScore,
  retentionRoi,
  retentionRoiSensitivity,
} from '@satlab/survey';
import { cronbachAlpha, factorAnalysis, keyDriverAnalysis } from '@satlab/drivers';
import { paretoConcentration, rfm } from '@satlab/rfm';
import type { Presentation } from '../src/index.js';
import { present, presenterKind, presentAttrition, presentChiSquare, presentCrossTab, presentDrivers, presentLtv, presentRoi, toHtml, toMarkdown, toText } from '../src/index.js';

// BTS 2007 annex 3: contract × satisfaction counts (datasets/bts-2007/annex3.csv).
const rows = ['Auto/Moto', 'Habitation', 'Prév. Retraite', 'Resp. civile', 'Santé'];
const cols = ['Pas du tout satisfait', 'Plutôt pas satisfait', 'Plutôt satisfait', 'Tout à fait satisfait'];
const annex3 = [
  [30, 54, 96, 18],
  [6, 36, 102, 18],
  [6, 0, 12, 12],
  [6, 12, 36, 12],
  [6, 30, 72, 18],
];
// The same table as respondents (one row per answer), for the cross-tab.
const contrat: string[] = [];
const avis: string[] = [];
annex3.forEach((r, i) => r.forEach((k, j) => { for (let x = 0; x < k; x++) { contrat.push(rows[i]); avis.push(cols[j]); } }));

const items = { accueil: [1, 2, 3, 4, 5, 2, 3, 4, 5, 1, 2, 4], delais: [2, 2, 3, 5, 5, 1, 3, 4, 4, 1, 3, 4], prix: [1, 3, 3, 4, 4, 2, 2, 5, 5, 2, 2, 3] };
const roiInputs = { surveyed: 12000, responseRate: 0.15, dissatisfiedRate: 0.2, retentionRate: 0.7, acquisitionCost: 50, annualRevenue: 250, processCost: 24000 };
const reco = [10, 9, 9, 8, 7, 3, 10, 6, 2, 9, 10, 5, 8, 9, 0, 10];
const region = ['Nord', 'Sud', 'Nord', 'Sud', 'Nord', 'Sud', 'Nord', 'Sud', 'Nord', 'Sud', 'Nord', 'Sud', 'Nord', 'Sud', 'Nord', 'Sud'];

/** Every kind of result, with the options a caller would give. */
function results(): [string, unknown, Record<string, unknown>][] {
  const ct = crossTab(contrat, avis, { rowLevels: rows, colLevels: cols });
  const chi = chiSquareTest(annex3, { rowLabels: rows, colLabels: cols });
  return [
    ['crossTab', ct, { labels: { rows: 'Contrat', cols: 'Satisfaction' } }],
    ['chiSquare', chi, { labels: { rows: 'Contrat', cols: 'Satisfaction' }, fisher: fisherExactTest([[30, 54], [6, 36]]), letters: columnProportionTests(annex3, { rowLabels: rows, colLabels: cols }) }],
    ['fisher', fisherExactTest([[8, 2], [1, 5]]), {}],
    ['columnProportions', columnProportionTests(annex3, { rowLabels: rows, colLabels: cols }), {}],
    ['nps', netPromoterScore(reco, { by: region }), { labels: { column: 'Recommandation', by: 'Région' } }],
    ['csat', csatScore([5, 4, 2, 5, 3, 1, 4, 4], { scale: [1, 5], by: ['a', 'b', 'a', 'b', 'a', 'b', 'a', 'b'] }), {}],
    ['ces', customerEffortScore([1, 2, 6, 7, 7, 3], { scale: [1, 7] }), {}],
    ['fcr', firstContactResolution([true, false, true, true, null]), {}],
    ['ipa', ipaMatrix([{ name: 'Accueil', satisfaction: 3.1, importance: 3.8 }, { name: 'Délais', satisfaction: 2.4, importance: 3.6 }, { name: 'Prix', satisfaction: 2.9, importance: 2.5 }, { name: 'Site web', satisfaction: 3.4, importance: 2.2 }]), {}],
    ['attrition', attritionVsDissatisfaction({ satisfaction: [1, 2, 4, 3, 4, 1, 2, 3, 4, 1], left: [true, false, false, false, true, true, true, false, false, true] }, { scale: [1, 4] }), {}],
    ['roi', retentionRoi(roiInputs), { sensitivity: retentionRoiSensitivity(roiInputs) }],
    ['roiSensitivity', retentionRoiSensitivity(roiInputs), {}],
    ['ltv', lifetimeValue({ margin: 100, retentionRate: 0.8, discountRate: 0.1, horizon: 5 }), {}],
    ['pareto', paretoConcentration([100, 50, 10, 5, 5]), {}],
    ['mirror', mirrorSurvey({ attributes: [{ name: 'Accueil', customers: [3, 4, 2, 3, 3], staff: [4, 4, 4, 3, 4] }, { name: 'Délais', customers: [1, 2, 2, 1, 2], staff: [4, 4, 3, 4, 4] }] }), {}],
    ['mystery', mysteryShoppingScore([{ id: 'accueil', weight: 2 }, { id: 'proprete' }], [{ id: 'v1', site: 'Montauban', scores: { accueil: 1, proprete: 0 } }, { id: 'v2', site: 'Albi', scores: { accueil: 1, proprete: 1 } }]), {}],
    ['drivers', keyDriverAnalysis([3, 4, 2, 5, 4, 3, 5, 2, 4, 3, 1, 5], { accueil: items.accueil, delais: items.delais, prix: items.prix }), {}],
    ['factors', factorAnalysis(items, { nfactors: 1 }), {}],
    ['alpha', cronbachAlpha(items), {}],
    ['waves', { method: 'm', waveColumn: 'vague', waves: ['V1', 'V2', 'V3'], against: ['previous', 'first'], adjust: 'holm', family: { scope: 'all', tests: 2, description: '' }, alpha: 0.05, confidence: 0.95, weighted: true,
      indicators: [{ name: 'Satisfaits', column: 'sat', kind: 'top-box', unit: 'share', higherIsBetter: true, method: '', test: '', trend: null,
        waves: [{ wave: 'V1', value: 0.6, ci: [0.55, 0.65], se: 0.02, n: 400, nMissing: 0, effectiveN: 380, changes: [] },
          { wave: 'V2', value: 0.62, ci: [0.57, 0.67], se: 0.02, n: 400, nMissing: 0, effectiveN: 380, changes: [{ against: 'previous', difference: 0.02, pValue: 0.5, pAdjusted: 0.5, significant: false, mark: '' }] },
          { wave: 'V3', value: 0.7, ci: [0.65, 0.75], se: 0.02, n: 400, nMissing: 0, effectiveN: 380, changes: [{ against: 'previous', difference: 0.08, pValue: 0.01, pAdjusted: 0.02, significant: true, mark: '▲' }, { against: 'first', difference: 0.1, pValue: 0.003, pAdjusted: 0.006, significant: true, mark: '▲' }] }] }],
      rows: [], warnings: [] }, { waveSizes: [400, 400, 400] }],
    ['alertsQueue', { method: 'm', formula: 'priorité = gravité × (1 + centile de valeur)', valueWeight: 1, valueBasis: 'amount', customers: 2, unknownValue: 1, unknownValueIds: ['C-9'], missingId: 1, warnings: [],
      entries: [{ priority: 1, id: 'C-17', score: 1.8, severity: 1, reasons: [{ rule: 'nps', label: { en: 'detractor', fr: 'détracteur' }, weight: 1, values: { nps: 2 } }], value: { segment: null, amount: 1200, percentile: 0.8 }, rows: [4] },
        { priority: 2, id: 'C-9', score: 1, severity: 1, reasons: [{ rule: 'verbatim', label: { en: 'negative comment', fr: 'commentaire négatif' }, weight: 1, values: {}, matched: ['déçu'] }], value: 'unknown', rows: [7] }] }, {}],
    ['feedback', { method: 'm', confidence: 0.95, simulated: true, n: 40, excluded: 2, uplift: 0.25, upliftCi: [0.02, 0.48], preferredTest: 'fisher exact test',
      treated: { n: 20, kept: 15, left: 5, rate: 0.75, ci: [0.53, 0.89] }, untreated: { n: 20, kept: 10, left: 10, rate: 0.5, ci: [0.3, 0.7] }, test: { pValue: 0.1 }, fisher: { pValue: 0.19 }, warnings: [] }, {}],
    ['rfm', rfm({ customer: Int32Array.of(0, 1, 0, 2, 2, 2), customerIds: ['A', 'B', 'C'], date: Float64Array.of(19000, 19005, 19010, 18900, 19011, 19012), amount: Float64Array.of(10, 5, 20, 40, 30, 20) }, { bins: 2, segments: 'bts' }), {}],
  ];
}

// Words that give away an English sentence (whole words, lower case).
const ENGLISH = ['the', 'of', 'and', 'with', 'is', 'are', 'from', 'which', 'by', 'than', 'warning', 'warnings', 'reading', 'respondents', 'customers', 'significant', 'excluded', 'interval', 'mean', 'rows', 'columns', 'count', 'counts', 'share', 'not', 'no', 'yes', 'all', 'only', 'below', 'above'];

function englishWords(text: string): string[] {
  const words = text.toLowerCase().split(/[^a-zà-ÿœæ'’-]+/);
  return [...new Set(words.filter((w) => ENGLISH.includes(w)))];
}

describe('present() dispatches every result to its presenter', () => {
  for (const [kind, result, opts] of results()) {
    it(`${kind}`, () => {
      expect(presenterKind(result)).toBe(kind);
      expect(present(result, { lang: 'fr', ...opts }).kind).toBe(kind);
    });
  }
  it('passes a Presentation through and gives anything else a generic presentation without JSON', () => {
    const p = present({ method: 'demo', n: 12, pValue: 0.0004, ci: [1.5, 2.5], groups: [{ name: 'a', n: 3 }] }, { lang: 'fr' });
    expect(p.kind).toBe('generic');
    expect(present(p)).toBe(p);
    const t = toText(p);
    expect(t).not.toMatch(/[{}"]/);
    expect(t).toContain('pValue < 0,001');
    expect(t).toContain('[1,500 ; 2,500]');
  });
});

describe('French presentations have no English sentence', () => {
  for (const [kind, result, opts] of results()) {
    it(`${kind} in French: title, tables, reading, notes and warnings`, () => {
      const p = present(result, { lang: 'fr', ...opts });
      const text = toText(p);
      expect(englishWords(text), text).toEqual([]);
      expect(text).not.toContain('(en anglais)');
      // Percentages as people write them in French: decimal comma, no-break space before %.
      for (const m of text.match(/\d[\d.,]*\s?%/g) ?? []) expect(m).toMatch(/^\d[\d\u00a0]*(,\d+)?\u00a0%$/);
    });
    it(`${kind} in English reads as English`, () => {
      const p = present(result, { lang: 'en', ...opts });
      expect(p.lang).toBe('en');
      for (const m of toText(p).match(/\d[\d.,]*\s?%/g) ?? []) expect(m).toMatch(/^\d[\d,]*(\.\d+)?%$/);
    });
  }
});

describe('cross-tabs and χ² show labels, never row numbers', () => {
  it('labels rows and columns with the levels and the variable names, totals marked', () => {
    const p = presentCrossTab(crossTab(contrat, avis, { rowLevels: rows, colLevels: cols }), { lang: 'fr', labels: { rows: 'Contrat', cols: 'Satisfaction' } });
    const counts = p.tables[0];
    expect(counts.columns.map((c) => c.label)).toEqual(['Contrat', ...cols, 'Total']);
    expect(counts.rows.map((r) => r[0].t)).toEqual([...rows, 'Total']);
    expect(counts.totalRows).toEqual([5]);
    expect(counts.rows[0].map((c) => c.t)).toEqual(['Auto/Moto', '30', '54', '96', '18', '198']);
    const pct = p.tables[1];
    expect(pct.rows[0][1]).toEqual({ v: 30 / 198, t: '15,2\u00a0%' });
    expect(p.title).toBe('Tableau croisé Contrat × Satisfaction');
  });
  it('names the variables from what a column-name call recorded (codebook label first) when no labels are given', () => {
    const ct = { ...crossTab(contrat, avis, { rowLevels: rows, colLevels: cols }), rowVariable: 'contrat', rowVariableLabel: 'Type de contrat', colVariable: 'satisfaction' };
    const p = presentCrossTab(ct, { lang: 'fr' });
    expect(p.title).toBe('Tableau croisé Type de contrat × satisfaction');
    expect(p.tables[0].columns[0].label).toBe('Type de contrat');
  });
  it('names the satlab chi2 options in the expected < 5 caution unless commandHint is false (a report)', () => {
    const t = chiSquareTest(annex3, { rowLabels: rows, colLabels: cols });
    const cli = presentChiSquare(t, { lang: 'fr' }).reading.join(' ').replace(/\u00a0/g, ' ');
    expect(cli).toContain('Vérifiez avec une p-value Monte-Carlo ou exacte (satlab chi2 --monte-carlo 10000 ou --exact).');
    const report = presentChiSquare(t, { lang: 'en', commandHint: false }).reading.join(' ');
    expect(report).toContain('Check with a Monte-Carlo or exact p-value.');
    expect(report).not.toContain('satlab');
  });
  it('reads the χ² as the BTS answer: the cells that drive it and the expected < 5 caution', () => {
    const p = presentChiSquare(chiSquareTest(annex3, { rowLabels: rows, colLabels: cols }), { lang: 'fr', labels: { rows: 'contrat' } });
    const text = toText(p).replace(/\u00a0/g, ' ');
    expect(text).toContain('Oui, les réponses diffèrent significativement selon « contrat » (χ² = 53,76, ddl = 12, p < 0,001)');
    expect(text).toContain('Auto/Moto plus souvent « Pas du tout satisfait » (résidu ajusté +3,5)');
    expect(text).toContain('2 case(s) sur 20 (10,0 %) ont un effectif théorique inférieur à 5 (minimum 2,78)');
    expect(text).toMatch(/χ² = 53,76 ; ddl = 12 ; p < 0,001/);
    const resid = p.tables.find((t) => t.id === 'adjustedResiduals');
    expect(resid?.rows[0][1]).toMatchObject({ t: '+3,51', mark: '*' });
  });
});

describe('renderers', () => {
  const hostile: Presentation = {
    kind: 'test',
    lang: 'fr',
    title: 'Verbatims <script>alert(1)</script> & « guillemets »',
    tables: [
      {
        id: 't',
        title: 'Ligne | avec <b>balises</b>',
        rowHeader: true,
        columns: [{ key: 'a', label: 'Client "A" <img src=x onerror=alert(1)>', kind: 'label' }, { key: 'n', label: 'n', kind: 'count' }],
        rows: [[{ v: '<i>Très déçu</i> & "remboursé"', t: '<i>Très déçu</i> & "remboursé"', note: 'x" onmouseover="alert(1)' }, { v: 3, t: '3', mark: '▲' }], [{ v: 'Total', t: 'Total' }, { v: 3, t: '3' }]],
        totalRows: [1],
      },
    ],
    reading: ['Lecture <u>soulignée</u>'],
    footnotes: ['note <em>'],
    warnings: ['avertissement <strong>'],
  };
  it('toHtml escapes every text (labels, cells, notes, reading) and marks captions, headers, totals and marks', () => {
    const html = toHtml(hostile);
    expect(html).not.toMatch(/<(script|img)[ >]|<(i|u|em|b)>|<strong>avertissement/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp;');
    expect(html).toContain('&lt;i&gt;Très déçu&lt;/i&gt; &amp; &quot;remboursé&quot;');
    expect(html).toContain('title="x&quot; onmouseover=&quot;alert(1)"');
    expect(html).toContain('<caption>Ligne | avec &lt;b&gt;balises&lt;/b&gt;</caption>');
    expect(html).toContain('<th scope="row" class="satlab-label"');
    expect(html).toContain('<tr class="satlab-total">');
    expect(html).toContain('<span class="satlab-mark satlab-mark-up">▲</span>');
    expect(toHtml(hostile, { css: true })).toContain('<style>.satlab-presentation');
  });
  it('toMarkdown escapes pipes and tags and bolds totals; toText keeps the text as written', () => {
    const md = toMarkdown(hostile);
    expect(md).toContain('Ligne \\| avec \\<b\\>balises\\</b\\>');
    expect(md).toContain('| **Total** | **3** |');
    expect(md).not.toMatch(/<script>/);
    const text = toText(hostile);
    expect(text).toContain('Lecture : Lecture <u>soulignée</u>');
    expect(text).toContain('Avertissements :\n  - avertissement <strong>');
  });
  it('toText reads like R’s htest print: title, data line, the statistic line', () => {
    const text = toText(presentChiSquare(chiSquareTest([[60, 20, 20], [20, 50, 30]], { rowLabels: ['Auto', 'Habitation'], colLabels: ['Satisfait', 'Neutre', 'Insatisfait'] }), { lang: 'en', labels: { rows: 'contract', cols: 'opinion' } }));
    const lines = text.split('\n');
    expect(lines[0]).toBe("Pearson's chi-squared test of independence");
    expect(lines[1]).toBe('Data: contract × opinion (n = 200)');
    expect(lines[3]).toMatch(/^χ² = 34\.86, df = 2, p-value < 0\.001, Cramér's V = 0\.417/);
  });
});

describe('presenters take the names the result does not carry', () => {
  it('drivers show codebook labels beside the column names', () => {
    const p = presentDrivers(keyDriverAnalysis([3, 4, 2, 5, 4, 3, 5, 2, 4, 3, 1, 5], items), { lang: 'fr', labels: { names: { accueil: 'Satisfaction — Accueil' } } });
    expect(p.tables[0].rows.map((r) => r[0].t)).toContain('accueil (Satisfaction — Accueil)');
  });
  it('drivers show shares of R² summing to 100 %, the sign in its own column and what a negative β means (issue 15)', () => {
    // prix is nearly a copy of accueil with an opposite partial effect: its β is negative.
    const y = [3, 4, 2, 5, 4, 3, 5, 2, 4, 3, 1, 5];
    const x = { accueil: [3, 4, 2, 5, 4, 3, 4, 2, 4, 3, 1, 5], prix: [3, 4, 2, 5, 5, 3, 4, 2, 4, 4, 2, 5], delais: [2, 3, 3, 4, 4, 2, 5, 1, 3, 4, 2, 4] };
    const r = keyDriverAnalysis(y, x);
    const negative = r.drivers.filter((d) => d.sign < 0).map((d) => d.name);
    expect(negative.length).toBeGreaterThan(0);
    for (const lang of ['fr', 'en'] as const) {
      const p = presentDrivers(r, { lang });
      const t = p.tables[0];
      const key = (k: string): number => t.columns.findIndex((c) => c.key === k);
      const body = t.rows.slice(0, -1);
      const shares = body.map((row) => row[key('share_r2')].v as number);
      expect(shares.every((s) => s > 0)).toBe(true);
      expect(Math.abs(shares.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(1e-12);
      const total = t.rows[t.rows.length - 1];
      expect(t.totalRows).toEqual([body.length]);
      expect(total[key('share_r2')].v).toBeCloseTo(1, 12);
      expect(total[key('shapley_r2')].v).toBeCloseTo(r.r2, 12);
      const effects = body.filter((row) => negative.includes(row[0].t)).map((row) => row[key('effect')].t);
      expect(effects).toEqual(negative.map(() => (lang === 'fr' ? 'négatif' : 'negative')));
      expect(p.reading.join(' ')).toContain(lang === 'fr' ? 'Un coefficient négatif' : 'A negative coefficient');
      expect(p.reading.join(' ')).toContain(lang === 'fr' ? 'colinéarité' : 'collinearity');
      expect(t.notes?.[0]).toContain(lang === 'fr' ? '100\u00a0%' : '100%');
    }
  });
  it('ROI shows the seed calculator and its sensitivity grid with the inputs marked', () => {
    const p = presentRoi(retentionRoi(roiInputs), { lang: 'fr', sensitivity: retentionRoiSensitivity(roiInputs) });
    const grid = p.tables.find((t) => t.id === 'sensitivity');
    expect(grid?.rows.flat().filter((c) => c.mark === '*')).toHaveLength(1);
    expect(toText(p).replace(/\u00a0/g, ' ')).toContain('51 600 € *');
  });
  it('LTV states the inputs it was given', () => {
    const p = presentLtv(lifetimeValue({ margin: 100, retentionRate: 0.8, discountRate: 0.1 }), { lang: 'en', inputs: { margin: 100, retention: 0.8, discount: 0.1 } });
    expect(p.tables[0].rows.map((r) => r[0].t)).toEqual(['Margin per period', 'Retention rate', 'Discount rate', 'Horizon (periods)', 'First margin', 'LTV']);
  });

  it('attrition: riskRatioHolds adds a column saying whether the risk ratio interval contains k', () => {
    const r = attritionVsDissatisfaction({ satisfaction: [1, 2, 4, 3, 4, 1, 2, 3, 4, 1], left: [true, false, false, false, true, true, true, false, false, true] }, { scale: [1, 4] });
    expect(presentAttrition(r, { lang: 'fr' }).tables[0].columns.map((c) => c.key)).not.toContain('riskRatioHolds');
    const [lo, hi] = r.groups[0].riskRatioCI;
    for (const k of [2, hi + 1]) {
      const t = presentAttrition(r, { lang: 'fr', riskRatioHolds: k }).tables[0];
      const j = t.columns.findIndex((c) => c.key === 'riskRatioHolds');
      expect(t.rows[0][j].t).toBe(lo <= k && k <= hi ? 'oui' : 'non');
    }
    expect(presentAttrition(r, { lang: 'fr', riskRatioHolds: 2 }).tables[0].columns.at(-1)?.label).toBe('risque relatif compatible avec × 2');
    expect(presentAttrition(r, { lang: 'en', riskRatioHolds: 2 }).tables[0].columns.at(-1)?.label).toBe('risk ratio consistent with × 2');
  });
});

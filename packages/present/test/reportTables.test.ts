/**
 * The presenters the barometer report prints its tables with (the same tables as the CLI and
 * show()): IPA, wave comparison / key figures, verbatim themes and the χ² summary.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareWaves } from '@satlab/barometer';
import type { WaveComparison } from '@satlab/barometer';
import { loadTable } from '@satlab/data';
import { chiSquareTest } from '@satlab/stats';
import { ipaFromRatings, ipaMatrix } from '@satlab/survey';
import { IPA_QUADRANTS, ipaQuadrantName, present, presentChiSquareSummary, presentIpa, presentVerbatimThemes, presentWaves, toHtml, toText } from '../src/index.js';
import { datasetDir, mean, readWave } from '../../report/test/helpers.js';

describe('presentIpa — the quadrant names are the chart’s, the table options the report uses', () => {
  const ratings = ipaFromRatings(
    {
      attributes: [
        { name: 'Accueil', satisfaction: [4, 3, 4, 4, 3, 4], importance: [4, 4, 3, 4, 4, 4] },
        { name: 'Délais', satisfaction: [1, 2, 2, 1, 2, 1], importance: [4, 4, 4, 3, 4, 4] },
        { name: 'Prix', satisfaction: [2, 2, 3, 2, 2, 2], importance: [2, 1, 2, 2, 1, 2] },
        { name: 'Site web', satisfaction: [4, 4, 3, 4, 4, 4], importance: [1, 2, 1, 1, 2, 1] },
      ],
    },
    { importance: 'stated', scale: [1, 4], importanceScale: [1, 4] },
  );

  it('names every quadrant with ipaQuadrantName, in French and English', () => {
    for (const lang of ['fr', 'en'] as const) {
      const t = presentIpa(ratings, { lang }).tables[0];
      const q = t.columns.findIndex((c) => c.key === 'quadrant');
      const byName = new Map(t.rows.map((r) => [r[1].t, r[q].t]));
      for (const a of ratings.attributes) expect(byName.get(a.name), `${lang} ${a.name}`).toBe(ipaQuadrantName(a.quadrant, lang));
    }
    expect(IPA_QUADRANTS.map((q) => ipaQuadrantName(q, 'en'))).toEqual(['Concentrate here', 'Keep up the good work', 'Low priority', 'Possible overkill']);
    expect(presentIpa(ratings, { lang: 'fr' }).tables[0].rows[0].map((c) => c.t).slice(0, 2)).toEqual(['1', 'Délais']);
    expect(() => ipaQuadrantName('top' as never, 'fr')).toThrow(TypeError);
  });

  it('intervals: "bounds" gives each bound a numeric column; score: false drops the score; itemHeader names the first column', () => {
    const text = presentIpa(ratings, { lang: 'fr' }).tables[0];
    const bounds = presentIpa(ratings, { lang: 'fr', intervals: 'bounds', score: false, itemHeader: 'Attribut' }).tables[0];
    expect(text.columns.map((c) => c.key)).toEqual(['rank', 'name', 'n', 'satisfaction', 'satisfactionCI', 'importance', 'importanceCI', 'quadrant', 'priorityScore', 'uncertain']);
    expect(bounds.columns.map((c) => c.key)).toEqual(['rank', 'name', 'n', 'satisfaction', 'satisfactionLower', 'satisfactionUpper', 'importance', 'importanceLower', 'importanceUpper', 'quadrant', 'uncertain']);
    expect(bounds.columns[1].label).toBe('Attribut');
    expect(bounds.columns[4].label).toBe('IC 95\u00a0% satisf. bas');
    expect(text.columns[4].label).toBe('IC 95\u00a0% satisf.');
    const delais = ratings.attributes.find((a) => a.name === 'Délais');
    const row = bounds.rows.find((r) => r[1].v === 'Délais');
    expect(row?.[4].v).toBe(delais?.satisfactionCI[0]);
    expect(row?.[5].v).toBe(delais?.satisfactionCI[1]);
    expect(row?.[7].v).toBe(delais?.importanceCI?.[0]);
    expect(text.rows.find((r) => r[1].v === 'Délais')?.[4].t).toBe(`[${(delais?.satisfactionCI[0] as number).toFixed(2).replace('.', ',')} ; ${(delais?.satisfactionCI[1] as number).toFixed(2).replace('.', ',')}]`);
  });

  it('says in its reading when no attribute is to improve first, with the same name', () => {
    const none = ipaMatrix([{ name: 'A', satisfaction: 3.5, importance: 3.5 }, { name: 'B', satisfaction: 2, importance: 2 }]);
    expect(presentIpa(none, { lang: 'fr' }).reading[0]).toBe('Aucun critère dans le quadrant «\u00a0À améliorer en priorité\u00a0».');
    expect(toText(presentIpa(none, { lang: 'en' }))).toContain('No attribute falls in the “Concentrate here” quadrant.');
  });
});

// ---------------------------------------------------------------------------------------------
// Wave comparison / key figures: the barometer report's key-figures table (moved here from the
// report's tests with the table). Expected figures are computed from the CSV text with the small
// independent parser of packages/report/test/helpers.ts, without satlab.

const close = (a: unknown, b: number, tol = 1e-12): void => expect(Math.abs((a as number) - b), `${String(a)} vs ${b}`).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(b)));
const ATTRIBUTES = ['contact', 'delai_rep', 'personnalisation', 'comprehension', 'informations', 'demarches', 'qualite_indemn', 'delai_indemn', 'competence_perso', 'rapport_couv_cot'];

describe('presentWaves — the report’s key figures on the bundled barometer', () => {
  const { table } = loadTable(join(datasetDir, 'barometer.csv'), { codebook: join(datasetDir, 'codebook.yaml') });
  // The report's indicators (reportIndicators of datasets/barometer/report.yaml): the same family of 48 tests.
  const cmp: WaveComparison = compareWaves(table, {
    wave: 'wave',
    indicators: [
      { name: 'overall', column: 'overall', kind: 'mean' },
      { name: 'csat', column: 'overall', kind: 'topBox', boxes: 2 },
      { name: 'nps', column: 'nps', kind: 'nps' },
      { name: 'ces', column: 'ces', kind: 'mean', higherIsBetter: false },
      { name: 'complained', column: 'complained', kind: 'proportion', success: ['oui'], higherIsBetter: false },
      { name: 'left', column: 'left_within_year', kind: 'proportion', success: ['oui'], higherIsBetter: false },
      ...ATTRIBUTES.map((a) => ({ name: `sat_${a}`, column: `sat_${a}`, kind: 'mean' as const })),
    ],
  });
  const w3 = readWave(3);
  const w2 = readWave(2);
  const fr = presentWaves(cmp, { lang: 'fr', layout: 'latest', ci: 'text', n: 'n' });
  const t = fr.tables[0];
  const at = (key: string): number => t.columns.findIndex((c) => c.key === key);
  const row = (name: string) => t.rows.find((r) => r[0].v === name) ?? expect.unreachable(name);

  it('has the report’s layout: latest wave, CI, n, then previous and first wave with change and adjusted p', () => {
    expect(cmp.family.tests).toBe(48);
    expect(t.columns.map((c) => c.label)).toEqual(['Indicateur', 'Vague 3', 'IC 95\u00a0%', 'n', 'Vague 2', 'Écart vs Vague 2', 'p ajustée', 'Vague 1', 'Écart vs Vague 1', 'p ajustée']);
    expect(t.rows).toHaveLength(16);
  });

  it('key figures of the latest wave equal the values computed from the CSV text', () => {
    const overall = w3.map((r) => Number(r.overall));
    close(row('overall')[at('value')].v, mean(overall));
    close(row('csat')[at('value')].v, overall.filter((x) => x >= 3).length / overall.length);
    const nps = w3.map((r) => Number(r.nps)).filter((x) => x !== 99);
    close(row('nps')[at('value')].v, (100 * (nps.filter((x) => x >= 9).length - nps.filter((x) => x <= 6).length)) / nps.length);
    expect(row('nps')[at('n')].v).toBe(nps.length);
    close(row('left')[at('value')].v, w3.filter((r) => r.left_within_year === 'oui').length / w3.length);
    close(row('complained')[at('value')].v, w3.filter((r) => r.complained === 'oui').length / w3.length);
    const di = w3.map((r) => Number(r.sat_delai_indemn)).filter((x) => x !== 9);
    const di2 = w2.map((r) => Number(r.sat_delai_indemn)).filter((x) => x !== 9);
    close(row('sat_delai_indemn')[at('value')].v, mean(di));
    close(row('sat_delai_indemn')[at('value_previous')].v, mean(di2));
    close(row('sat_delai_indemn')[at('change_previous')].v, mean(di) - mean(di2));
    // Shares change in percentage points.
    const csat2 = w2.filter((r) => Number(r.overall) >= 3).length / w2.length;
    close(row('csat')[at('change_previous')].v, 100 * (overall.filter((x) => x >= 3).length / overall.length - csat2), 1e-10);
  });

  it('prints them in French: decimal comma, % with a no-break space, typographic minus, points for shares', () => {
    const nps = row('nps');
    expect(nps[at('value')].t).toMatch(/^−\d+,\d$/);
    expect(row('csat')[at('value')].t).toMatch(/^\d\d,\d\u00a0%$/);
    expect(row('csat')[at('change_previous')].t).toMatch(/^[+−]\d,\d\u00a0pt$/);
    expect(row('overall')[at('ci')].t).toMatch(/^\[\d,\d\d ; \d,\d\d\]$/);
    expect(row('overall')[at('n')].t).toBe('1\u00a0500');
  });

  it('marks the attributes the synthetic model moves (wave 3 against wave 1), coloured by the desired direction', () => {
    // @satlab/synth's barometerModel: informations and délai indemn. improve, rapport couv/cot declines.
    const marks = Object.fromEntries(t.rows.map((r) => [r[0].v, [r[at('change_first')].mark ?? '', r[at('change_first')].tone ?? '']]));
    expect(marks.sat_informations).toEqual(['▲', 'good']);
    expect(marks.sat_delai_indemn).toEqual(['▲', 'good']);
    expect(marks.sat_rapport_couv_cot).toEqual(['▼', 'bad']);
    for (const id of ['overall', 'csat', 'nps', 'left', 'complained', 'ces']) expect(marks[id], id).toEqual(['', '']);
    const html = toHtml(fr);
    expect(html).toContain('<span class="satlab-mark satlab-mark-good">▲</span>');
    expect(html).toContain('<span class="satlab-mark satlab-mark-bad">▼</span>');
  });

  it('lays the workbook out by unit with bounds and mark columns, the same figures', () => {
    const book = presentWaves(cmp, { lang: 'fr', layout: 'latest', ci: 'bounds', n: 'n', marks: 'column', byUnit: true });
    expect(book.tables.map((x) => x.id)).toEqual(['key_figures_share', 'key_figures_scale', 'key_figures_points']);
    const share = book.tables[0];
    expect(share.columns.map((c) => c.kind)).toEqual(['label', 'percent', 'percent', 'percent', 'count', 'percent', 'number', 'mark', 'pvalue', 'percent', 'number', 'mark', 'pvalue']);
    expect(share.columns.map((c) => c.label)).toContain('Écart vs Vague 2 (points)');
    const scale = book.tables[1];
    const rc = scale.rows.find((r) => r[0].v === 'sat_rapport_couv_cot') ?? expect.unreachable();
    const k = (key: string): number => scale.columns.findIndex((c) => c.key === key);
    expect([rc[k('mark_first')].t, rc[k('mark_first')].tone]).toEqual(['▼', 'bad']);
    expect(rc[k('change_first')].mark).toBeUndefined();
    expect(rc[k('value')].v).toBe(row('sat_rapport_couv_cot')[at('value')].v);
    const ci = cmp.indicators.find((i) => i.name === 'sat_rapport_couv_cot')?.waves[2].ci ?? [];
    expect([rc[k('ci_lower')].v, rc[k('ci_upper')].v]).toEqual(ci);
  });

  it('in the waves layout, a significant rise of a rate where lower is better reads as a decline', () => {
    const c = structuredClone(cmp) as WaveComparison;
    const left = c.indicators.find((i) => i.name === 'left') as WaveComparison['indicators'][number];
    const change = left.waves[2].changes.find((x) => x.against === 'previous') as WaveComparison['indicators'][number]['waves'][number]['changes'][number];
    Object.assign(change, { mark: '▲', significant: true });
    const p = presentWaves(c, { lang: 'en' });
    expect(p.reading.find((s) => s.startsWith('Significant decline'))).toContain('“left”');
    const cellLeft = p.tables[0].rows.find((r) => r[0].v === 'left')?.[4];
    expect([cellLeft?.mark, cellLeft?.tone]).toEqual(['▲', 'bad']);
  });
});

describe('presentVerbatimThemes — the report’s verbatim themes', () => {
  const counts = {
    total: 10,
    themes: [{ name: 'Délais', count: 6, dissatisfied: 3 }, { name: 'Prix <cher>', count: 2, dissatisfied: 2 }],
    unclassified: { count: 3, dissatisfied: 0 },
    comments: [
      { text: 'Trop long <script>alert(1)</script>', themes: ['Délais'], segment: 'Auto/Moto', score: 1, row: 2 },
      { text: '=1+1', themes: ['Délais', 'Prix <cher>'], segment: null, score: null, row: 5 },
    ],
  };

  it('counts, shares of all comments and of dissatisfied authors, the unclassified last, in French and English', () => {
    const fr = presentVerbatimThemes(counts, { lang: 'fr', segmentHeader: 'type de contrat' });
    const t = fr.tables[0];
    expect(t.columns.map((c) => c.label)).toEqual(['Thème', 'Commentaires', 'Part', 'dont insatisfaits']);
    expect(t.rows.map((r) => r.map((c) => c.v))).toEqual([['Délais', 6, 0.6, 0.5], ['Prix <cher>', 2, 0.2, 1], ['Non classés', 3, 0.3, 0]]);
    expect(t.rows[0].map((c) => c.t)).toEqual(['Délais', '6', '60,0\u00a0%', '50,0\u00a0%']);
    expect(fr.reading).toEqual(['Thème le plus cité : «\u00a0Délais\u00a0» (60,0\u00a0% des commentaires).', '30,0\u00a0% des commentaires ne relèvent d’aucun thème.']);
    const list = fr.tables[1];
    expect(list.columns.map((c) => c.label)).toEqual(['Commentaire', 'Thèmes', 'type de contrat', 'Note', 'Ligne']);
    expect(list.rows[1].map((c) => c.t)).toEqual(['=1+1', 'Délais ; Prix <cher>', '', '', '5']);
    const en = presentVerbatimThemes(counts, { lang: 'en' });
    expect(en.tables[0].rows[2][0].t).toBe('Unclassified');
    expect(en.reading[0]).toBe('The theme mentioned most: “Délais” (60.0% of the comments).');
    // present() recognises the counts; HTML escapes the comments and the theme names.
    expect(present(counts, { lang: 'fr' }).kind).toBe('verbatimThemes');
    const html = toHtml(fr);
    expect(html).not.toContain('<script>');
    expect(html).toContain('Trop long &lt;script&gt;');
    expect(html).toContain('Prix &lt;cher&gt;');
  });

  it('says when there is no comment, and leaves an empty share blank rather than dividing by zero', () => {
    const none = presentVerbatimThemes({ total: 0, themes: [{ name: 'Délais', count: 0, dissatisfied: 0 }], unclassified: { count: 0, dissatisfied: 0 } }, { lang: 'fr' });
    expect(none.reading).toEqual(['Aucun commentaire.']);
    expect(none.tables[0].rows[0].map((c) => c.t)).toEqual(['Délais', '0', '', '']);
    expect(none.tables).toHaveLength(1);
  });
});

describe('presentChiSquareSummary — the report’s crosstab_tests sheet', () => {
  // BTS 2007 annex 3 (contract × satisfaction) and a 2 × 2 table.
  const annex3 = chiSquareTest([[30, 54, 96, 18], [6, 36, 102, 18], [6, 0, 12, 12], [6, 12, 36, 12], [6, 30, 72, 18]]);
  const small = chiSquareTest([[12, 8], [9, 11]]);

  it('one row per test with the figures of chiSquareTest, a reading naming the significant ones', () => {
    const p = presentChiSquareSummary([{ label: 'Satisfaction', test: annex3 }, { label: 'Réclamation', test: small }], { lang: 'fr', labels: { cols: 'type de contrat' } });
    const t = p.tables[0];
    expect(t.id).toBe('crosstab_tests');
    expect(t.rows.map((r) => r.map((c) => c.v))).toEqual([
      ['Satisfaction', annex3.statistic, annex3.df, annex3.pValue, annex3.cramersV, annex3.n, annex3.expectedBelow5],
      ['Réclamation', small.statistic, small.df, small.pValue, small.cramersV, small.n, small.expectedBelow5],
    ]);
    expect(t.rows[0].map((c) => c.t)).toEqual(['Satisfaction', '53,76', '12', '< 0,001', '0,175', '582', '2']);
    expect(p.reading).toEqual(['Lien significatif avec «\u00a0type de contrat\u00a0» (p < 0,05) : «\u00a0Satisfaction\u00a0».']);
    expect(p.warnings.length).toBeGreaterThan(0);
    const en = presentChiSquareSummary([{ label: 'Complaint', test: small }], { lang: 'en', alpha: 0.1 });
    expect(en.tables[0].columns.map((c) => c.label)).toEqual(['Variable', 'χ²', 'df', 'p', 'Cramér’s V', 'n', 'cells with expected < 5']);
    expect(en.reading).toEqual(['No variable is significantly associated (p < 0.1).']);
  });
});

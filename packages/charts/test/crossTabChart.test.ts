import { describe, expect, it } from 'vitest';
import { crossTabChart, renderSvg, residualHeatmap } from '@satlab/charts';
import { bts } from './fixtures.js';
import { boldTexts, countItems, markTexts, svgMarks, svgTexts } from './svg.js';

const NBSP = '\u00a0';
const { crossTab } = bts;
/** Cells with |adjusted residual| > 1.96 in the R fixture (chisq.test(m)$stdres). */
const significant = crossTab.adjustedResiduals!.flat().filter((r) => Math.abs(r) > 1.96).length;

describe('crossTabChart', () => {
  it('draws one 100 % bar per contract type split into the 4 satisfaction levels (BTS annex 3)', async () => {
    const svg = await renderSvg(crossTabChart(crossTab, { lang: 'fr', rowTitle: 'Type de contrat', colTitle: 'Satisfaction' }));
    expect(countItems(svg, 'rect')).toBe(20);
    const texts = svgTexts(svg);
    for (const label of [...crossTab.rowLabels, ...crossTab.colLabels, 'Type de contrat', 'Satisfaction', 'Part des répondants']) expect(texts).toContain(label);
    expect(texts).toContain(`100${NBSP}%`);
  });

  it('prints row percentages with ▲ / ▼ where the adjusted residual passes ±1.96 (Auto/Moto: 30/198, 54/198, 96/198, 18/198)', async () => {
    const svg = await renderSvg(crossTabChart(crossTab, { lang: 'fr' }));
    const marks = markTexts(svg);
    // residuals of the Auto/Moto row: +3.51, +1.90, −2.14, −2.19
    expect(marks).toEqual(expect.arrayContaining([`15${NBSP}% ▲`, `27${NBSP}%`, `48${NBSP}% ▼`, `9${NBSP}% ▼`]));
    // Prév. Retraite: 6/30 (+2.08), 12/30 (−1.65), 12/30 (+4.39); the empty cell (0/30) has no label
    expect(marks).toEqual(expect.arrayContaining([`20${NBSP}% ▲`, `40${NBSP}%`, `40${NBSP}% ▲`]));
    // 9 significant cells, 3 too thin to carry a label (< 6 %): Habitation 6/162, Prév. Retraite 0/30, Santé 6/144
    expect(significant).toBe(9);
    expect(marks.filter((t) => t.includes('▲') || t.includes('▼')).length).toBe(6);
  });

  it('fades the non-significant cells and explains the marks with their own glyphs (no legend of black squares)', async () => {
    const svg = await renderSvg(crossTabChart(crossTab, { lang: 'fr' }));
    const bars = svgMarks(svg).filter((m) => m.type === 'rect').flatMap((m) => m.items);
    expect(bars.filter((b) => /opacity="0.35"/.test(b)).length).toBe(20 - significant);
    expect(svgTexts(svg)).toContain('▲ sur-représenté (résidu ajusté > 1,96) · ▼ sous-représenté (< −1,96) · teinte pâle : écart non significatif');
    // No opacity legend: its symbols were drawn as black squares.
    expect(svgTexts(svg)).not.toContain('Résidu ajusté');
  });

  it('speaks English with English percentages', async () => {
    const svg = await renderSvg(crossTabChart(crossTab, { lang: 'en' }));
    expect(markTexts(svg)).toContain('15% ▲');
    expect(svgTexts(svg)).toEqual(expect.arrayContaining(['Share of respondents', '▲ over-represented (adjusted residual > 1.96) · ▼ under-represented (< −1.96) · pale: difference not significant']));
  });

  it('draws plain bars without residuals, and an empty row without NaN', async () => {
    const spec = crossTabChart({ rowLabels: ['A', 'B'], colLabels: ['non', 'oui'], observed: [[0, 0], [3, 1]] });
    expect(JSON.stringify(spec)).not.toMatch(/NaN/);
    const svg = await renderSvg(spec);
    expect(markTexts(svg)).toEqual(['75%', '25%']);
    expect(svgTexts(svg)).not.toContain('Adjusted residual');
  });

  it('rejects matrices that do not match the labels', () => {
    expect(() => crossTabChart({ ...crossTab, observed: crossTab.observed.slice(0, 3) })).toThrow(new RangeError('crossTabChart: input.observed must have 5 rows, got 3'));
    expect(() => crossTabChart({ ...crossTab, adjustedResiduals: [[1]] })).toThrow(RangeError);
    expect(() => crossTabChart({ ...crossTab, observed: [[NaN, 1, 1, 1], ...crossTab.observed.slice(1)] })).toThrow(/crossTabChart: input.observed\[0\]\[0\] must be a finite number/);
  });

  it('builds the same spec on every call (snapshot)', () => {
    expect(crossTabChart(crossTab, { lang: 'fr' })).toEqual(crossTabChart(crossTab, { lang: 'fr' }));
    expect(crossTabChart(crossTab, { lang: 'fr', rowTitle: 'Type de contrat', colTitle: 'Satisfaction' })).toMatchSnapshot();
  });
});

describe('residualHeatmap', () => {
  it('prints every adjusted residual of the BTS table, in bold where |r| > 1.96, with decimal commas', async () => {
    const svg = await renderSvg(residualHeatmap(crossTab, { lang: 'fr' }));
    expect(countItems(svg, 'rect')).toBe(20);
    expect(countItems(svg, 'text')).toBe(20);
    const fr = (r: number) => (r >= 0 ? '+' : '−') + Math.abs(r).toFixed(2).replace('.', ',');
    const expectedBold = crossTab.adjustedResiduals!.flat().filter((r) => Math.abs(r) > 1.96).map(fr).sort();
    expect(boldTexts(svg).sort()).toEqual(expectedBold);
    expect(expectedBold).toEqual(['+2,08', '+2,51', '+3,51', '+4,39', '−1,97', '−2,14', '−2,19', '−2,88', '−3,05'].sort());
    expect(markTexts(svg)).toContain('+1,90');
    expect(svgTexts(svg)).toContain('Résidus ajustés (écarts à l’indépendance)');
  });

  it('colours over-representation blue and under-representation red', async () => {
    const svg = await renderSvg(residualHeatmap(crossTab, { lang: 'en' }));
    const rects = svgMarks(svg).filter((m) => m.type === 'rect').flatMap((m) => m.items);
    const rgb = (cell: string) => {
      const hex = cell.match(/fill="#([0-9a-f]{6})"/)?.[1] ?? cell.match(/fill="rgb\((\d+), ?(\d+), ?(\d+)\)"/)?.slice(1, 4).map((v) => Number(v).toString(16).padStart(2, '0')).join('');
      if (!hex) throw new Error(`no fill in ${cell.slice(0, 200)}`);
      return [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
    };
    const cell = (row: string, col: string) => rects.find((c) => c.includes(`row: ${row};`) && c.includes(`col: ${col};`));
    const plus = cell('Prév. Retraite', 'Tout à fait satisfait'); // +4.39
    const minus = cell('Prév. Retraite', 'Plutôt pas satisfait'); // −3.05
    const [r1, , b1] = rgb(plus!);
    const [r2, , b2] = rgb(minus!);
    expect(b1).toBeGreaterThan(r1);
    expect(r2).toBeGreaterThan(b2);
  });

  it('requires the adjusted residuals', () => {
    expect(() => residualHeatmap({ ...crossTab, adjustedResiduals: undefined })).toThrow(new TypeError('residualHeatmap: input.adjustedResiduals is required'));
  });

  it('builds the same spec on every call (snapshot)', () => {
    expect(residualHeatmap(crossTab, { lang: 'fr' })).toMatchSnapshot();
  });
});

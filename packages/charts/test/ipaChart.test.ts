import { describe, expect, it } from 'vitest';
import { ipaChart, renderSvg } from '@satlab/charts';
import { ipaQuadrantName } from '@satlab/present';
import { bts, inputs } from './fixtures.js';
import { boldTexts, countItems, markTexts, svgMarks, svgTexts } from './svg.js';

// The names of presentIpa's table too (one source: ipaQuadrantName of @satlab/present).
const FR_QUADRANTS = ['À améliorer en priorité', 'Points forts à maintenir', 'Faible priorité', 'Effort peut-être excessif'];
const EN_QUADRANTS = ['Concentrate here', 'Keep up the good work', 'Low priority', 'Possible overkill'];

/** The fill of the point whose accessible label names `name`. */
function pointFill(svg: string, name: string): string | undefined {
  const points = svgMarks(svg).filter((m) => m.type === 'symbol').flatMap((m) => m.items);
  const p = points.find((x) => x.includes(`Attribut: ${name};`) || x.includes(`Attribute: ${name};`));
  return p?.match(/fill="([^"]+)"/)?.[1];
}

describe('ipaChart', () => {
  it('draws the BTS annex-1 matrix in French: 10 points, the four quadrant names, French axes and decimal commas', async () => {
    const svg = await renderSvg(ipaChart(bts.ipa, { lang: 'fr' }));
    expect(countItems(svg, 'symbol')).toBe(10);
    const marks = markTexts(svg);
    for (const q of FR_QUADRANTS) expect(marks).toContain(q);
    const texts = svgTexts(svg);
    for (const q of FR_QUADRANTS) expect(texts.filter((t) => t === q).length).toBe(2); // corner + legend
    expect(texts).toContain('Satisfaction (performance)');
    expect(texts).toContain('Importance');
    expect(texts).toContain('Seuils : satisfaction 2,075 ; importance 2,703');
    expect(texts.some((t) => /^\d,\d\d$/.test(t))).toBe(true);
    expect(texts.some((t) => /^\d\.\d\d$/.test(t))).toBe(false);
  });

  it('numbers the priorities in bold and colours each point by the quadrant it was given', async () => {
    const svg = await renderSvg(ipaChart(bts.ipa, { lang: 'fr' }));
    const bold = boldTexts(svg);
    expect(bold).toContain('1. Rapport Couv/Cot');
    expect(bold).toContain('2. Qualité Indemn.');
    expect(markTexts(svg)).toContain('Personnalisation');
    expect(bold).not.toContain('Personnalisation');
    expect(pointFill(svg, 'Rapport Couv/Cot')).toBe('#d62728');
    expect(pointFill(svg, 'Délai Indemn.')).toBe('#2ca02c');
    expect(pointFill(svg, 'Personnalisation')).toBe('#7f7f7f');
    expect(pointFill(svg, 'Compréhension')).toBe('#1f77b4');
  });

  it('names each point’s quadrant as presentIpa’s table does (ipaQuadrantName), in French and English', () => {
    for (const lang of ['fr', 'en'] as const) {
      const values = (ipaChart(bts.ipa, { lang }).data as { values: { name: string; quadrant: string }[] }).values;
      expect(values).toHaveLength(bts.ipa.attributes.length);
      for (const a of bts.ipa.attributes) expect(values.find((v) => v.name === a.name)?.quadrant, a.name).toBe(ipaQuadrantName(a.quadrant, lang));
    }
    expect((ipaChart(bts.ipa, { lang: 'fr' }).data as { values: { quadrant: string }[] }).values.map((v) => v.quadrant)).toContain('À améliorer en priorité');
  });

  it('uses the Martilla & James quadrant names and English number format in English', async () => {
    const svg = await renderSvg(ipaChart(bts.ipa, { lang: 'en' }));
    const texts = svgTexts(svg);
    for (const q of EN_QUADRANTS) expect(texts).toContain(q);
    expect(texts).toContain('Cutoffs: satisfaction 2.075, importance 2.703');
    expect(texts).toContain('Importance–performance matrix');
  });

  it('draws confidence whiskers, fades uncertain attributes with a note, and escapes names', async () => {
    const svg = await renderSvg(ipaChart(inputs.ipaWithCI, { lang: 'en' }));
    expect(countItems(svg, 'symbol')).toBe(4);
    expect(countItems(svg, 'rule')).toBe(2 + 4 + 4); // two cutoffs, a horizontal and a vertical whisker per attribute
    expect(svgTexts(svg)).toContain('Faded points: uncertain quadrant (the confidence interval crosses a cutoff)');
    const siteWeb = svgMarks(svg).filter((m) => m.type === 'symbol').flatMap((m) => m.items).find((p) => p.includes('Site web'));
    expect(siteWeb).toMatch(/opacity="0.35"/);
    expect(markTexts(svg)).toContain('Plaquette <b>');
    expect(svg).not.toContain('<b>');
  });

  it('places labels so that no two overlap and none covers another point (greedy placement)', () => {
    const spec = ipaChart(bts.ipa, { lang: 'fr', width: 520, height: 420 }) as unknown as { data: { values: { label: string; rank: number; satisfaction: number; importance: number; lx: number; ly: number }[] }; layer: { encoding?: { x?: { scale?: { domain?: number[] } }; y?: { scale?: { domain?: number[] } } } }[] };
    const rows = spec.data.values;
    const xd = spec.layer[0].encoding?.x?.scale?.domain as number[];
    const yd = spec.layer[1].encoding?.y?.scale?.domain as number[];
    const px = (v: number): number => ((v - xd[0]) / (xd[1] - xd[0])) * 520;
    const py = (v: number): number => 420 - ((v - yd[0]) / (yd[1] - yd[0])) * 420;
    // Boxes as the builder estimates them (0.58 em a character, 0.62 in bold, 11 px, 14 px high).
    const boxes = rows.map((r) => {
      const w = r.label.length * 11 * (r.rank > 0 ? 0.62 : 0.58) + 4;
      return { x: px(r.lx) - w / 2, y: py(r.ly) - 7, w, h: 14 };
    });
    const hit = (a: { x: number; y: number; w: number; h: number }, b: { x: number; y: number; w: number; h: number }): boolean => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) expect(hit(boxes[i], boxes[j]), `${rows[i].label} / ${rows[j].label}`).toBe(false);
      for (const r of rows) expect(hit(boxes[i], { x: px(r.satisfaction) - 4, y: py(r.importance) - 4, w: 8, h: 8 }), `${rows[i].label} on ${r.label}`).toBe(false);
    }
  });

  it('honours title, width and height options', () => {
    const spec = ipaChart(bts.ipa, { lang: 'fr', title: 'Annexe 1', width: 300, height: 200 }) as unknown as Record<string, unknown>;
    expect(spec.title).toMatchObject({ text: 'Annexe 1' });
    expect(spec.width).toBe(300);
    expect(spec.height).toBe(200);
  });

  it('throws TypeError / RangeError naming the function and the argument on misuse', () => {
    const bad = { ...bts.ipa, attributes: [{ ...bts.ipa.attributes[0], quadrant: 'top' as never }] };
    expect(() => ipaChart(bad)).toThrow(new TypeError('ipaChart: input.attributes[0].quadrant must be one of concentrate, keep-up, low-priority, overkill, got "top"'));
    expect(() => ipaChart({ ...bts.ipa, attributes: [] })).toThrow(RangeError);
    expect(() => ipaChart({ ...bts.ipa, satisfactionCutoff: NaN })).toThrow(/ipaChart: input.satisfactionCutoff must be a finite number/);
    expect(() => ipaChart(bts.ipa, { lang: 'de' as never })).toThrow(/ipaChart: opts.lang must be "fr" or "en"/);
    expect(() => ipaChart(bts.ipa, { width: -1 })).toThrow(/ipaChart: opts.width must be a positive number/);
  });

  it('builds the same spec on every call (snapshot)', () => {
    const spec = ipaChart(bts.ipa, { lang: 'fr' });
    expect(ipaChart(bts.ipa, { lang: 'fr' })).toEqual(spec);
    expect(spec).toMatchSnapshot();
    expect(ipaChart(inputs.ipaWithCI, { lang: 'en' })).toMatchSnapshot();
  });
});

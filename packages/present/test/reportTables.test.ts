/**
 * The presenters the barometer report prints its tables with (the same tables as the CLI and
 * show()): IPA, wave comparison / key figures, verbatim themes and the χ² summary.
 */
import { describe, expect, it } from 'vitest';
import { ipaFromRatings, ipaMatrix } from '@satlab/survey';
import { IPA_QUADRANTS, ipaQuadrantName, presentIpa, toText } from '../src/index.js';

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

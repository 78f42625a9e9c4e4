import { factorOf, loadTable, numericValues } from '@satlab/data';
import { describe, expect, it } from 'vitest';
import { attritionVsDissatisfaction, csatScore, ipaFromRatings, ipaMatrix, netPromoterScore } from '../src/index.js';

// The synthetic barometer shipped in the repository (datasets/barometer, seed 2007), with its codebook.
const root = new URL('../../../', import.meta.url).pathname;
const { table } = loadTable(`${root}datasets/barometer/wave-3.csv`, { codebook: `${root}datasets/barometer/codebook.yaml` });
const names = (col: string): (string | null)[] => {
  const f = factorOf(table, col);
  return Array.from(f.codes, (c) => (c < 0 ? null : f.levels[c]));
};

describe('column-name forms of the survey indicators give what the array forms give', () => {
  it('netPromoterScore(table, "nps", { by: "region" }): same figures, segments in the codebook order, missing codes kept as reasons', () => {
    const byName = netPromoterScore(table, 'nps', { by: 'region' });
    const col = table.columns.find((c) => c.name === 'nps')!;
    const plain = netPromoterScore(numericValues(table, 'nps'), { by: names('region'), segmentOrder: factorOf(table, 'region').levels, missingReasons: col.missingReasons });
    expect(byName.nps).toBe(plain.nps);
    expect(byName.groups!.map((g) => [g.name, g.nps])).toEqual(plain.groups!.map((g) => [g.name, g.nps]));
    expect(byName.groups!.map((g) => g.name)).toEqual(factorOf(table, 'region').levels);
    expect(byName.excludedByReason).toEqual(plain.excludedByReason);
    expect(Object.keys(byName.excludedByReason)).toContain('code 99');
  });

  it('takes a factor (factorOf) as by, its levels naming the segments in order', () => {
    const a = netPromoterScore(numericValues(table, 'nps'), { by: factorOf(table, 'region') });
    const b = netPromoterScore(table, 'nps', { by: 'region' });
    expect(a.groups!.map((g) => [g.name, g.n, g.nps])).toEqual(b.groups!.map((g) => [g.name, g.n, g.nps]));
  });

  it('csatScore(table, "overall", { scale, by })', () => {
    const a = csatScore(table, 'overall', { scale: [1, 4], by: 'contract' });
    const b = csatScore(numericValues(table, 'overall'), { scale: [1, 4], by: names('contract'), segmentOrder: factorOf(table, 'contract').levels });
    expect(a.csat).toBe(b.csat);
    expect(a.groups!.map((g) => g.csat)).toEqual(b.groups!.map((g) => g.csat));
  });

  it('ipaFromRatings(table, { satisfaction, importance, overall }) names attributes by their codebook labels', () => {
    const sat = ['sat_contact', 'sat_delai_rep', 'sat_rapport_couv_cot'];
    const imp = sat.map((s) => s.replace('sat_', 'imp_'));
    const r = ipaFromRatings(table, { satisfaction: sat, importance: imp, overall: 'overall' }, { scale: [1, 4] });
    expect(r.attributes.map((a) => a.name)).toEqual(['Contact', 'Délai Rép.', 'Rapport Couv/Cot']);
    const plain = ipaFromRatings({ attributes: sat.map((s, k) => ({ name: s, satisfaction: numericValues(table, s), importance: numericValues(table, imp[k]) })), overall: numericValues(table, 'overall') }, { scale: [1, 4] });
    expect(r.attributes.map((a) => [a.satisfaction, a.importance, a.quadrant])).toEqual(plain.attributes.map((a) => [a.satisfaction, a.importance, a.quadrant]));
  });

  it('ipaMatrix(table) reads a summary table (attribute, satisfaction, importance)', () => {
    const annex1 = loadTable(`${root}datasets/bts-2007/annex1.csv`).table;
    const r = ipaMatrix(annex1, {}, { scale: [1, 4] });
    // Reference: /work/shared/reference/bts-expected.json, annex1_ipa (copied here): concentrate = Rapport Couv/Cot, Qualité Indemn.
    expect(r.quadrants.concentrate.slice().sort()).toEqual(['Qualité Indemn.', 'Rapport Couv/Cot']);
    expect(r.satisfactionCutoff).toBeCloseTo(2.075, 9);
  });

  it('attritionVsDissatisfaction(table, { satisfaction, left, by }) reads the yes/no column', () => {
    const a = attritionVsDissatisfaction(table, { satisfaction: 'overall', left: 'left_within_year', by: 'contract' }, { scale: [1, 4] });
    const b = attritionVsDissatisfaction(
      { satisfaction: numericValues(table, 'overall'), left: names('left_within_year').map((v) => (v === null ? null : v === 'oui')) },
      { scale: [1, 4], by: names('contract'), segmentOrder: factorOf(table, 'contract').levels },
    );
    expect(a.groups.map((g) => [g.name, g.n, g.riskRatio])).toEqual(b.groups.map((g) => [g.name, g.n, g.riskRatio]));
  });

  it('names an unknown column and the columns available', () => {
    expect(() => netPromoterScore(table, 'recommandation')).toThrow(/recommandation.*respondent_id/);
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { plain, requireBuild, root, satlab, scratch } from './helpers/satlab.js';

// Respondents and R's values (prop.test, epitools::riskratio wald, the 2× rule):
// packages/survey/test/fixtures/survey-attrition.json (make-survey-fixtures.R).
const fx = JSON.parse(readFileSync(join(root, 'packages/survey/test/fixtures/survey-attrition.json'), 'utf8')).attrition;
const lines = fx.satisfaction.map((s: number | null, i: number) => `${i + 1},${s ?? ''},${fx.left[i] === null ? '' : fx.left[i] ? 'oui' : 'non'},${fx.contract[i]}`);
const file = scratch('attrition.csv', 'id,sat,parti,contrat\n' + lines.join('\n') + '\n');
const rel = (a: number, b: number): number => Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);

beforeAll(() => requireBuild('attrition'));

describe('satlab attrition', () => {
  it('--json: "all" then each contract, rates and Katz risk-ratio interval as R', () => {
    const r = satlab(['attrition', file, '--satisfaction', 'sat', '--left', 'parti', '--dissatisfied', '1,2', '--by', 'contrat', '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout);
    expect(out.groups.map((g: { name: string }) => g.name)).toEqual(fx.groups.map((g: { name: string }) => g.name));
    out.groups.forEach((g: Record<string, number & number[]>, k: number) => {
      const e = fx.groups[k];
      expect(g.n).toBe(e.n);
      for (const key of ['dissatisfiedRate', 'attritionRate', 'attritionAmongDissatisfied', 'attritionAmongSatisfied', 'riskRatio']) expect(rel(g[key], e[key]), key).toBeLessThan(1e-12);
      for (const j of [0, 1]) expect(rel(g.riskRatioCI[j], e.riskRatioCI[j])).toBeLessThan(1e-9);
      expect(rel((g as unknown as { ruleOfThumb: { ratio: number } }).ruleOfThumb.ratio, e.ruleOfThumb.ratio)).toBeLessThan(1e-12);
    });
  });

  it('defines "dissatisfied" from --scale (below the midpoint) and prints a French report', () => {
    const r = satlab(['attrition', file, '--satisfaction', 'sat', '--left', 'parti', '--scale', '1-4', '--lang', 'fr']);
    expect(r.code).toBe(0);
    const text = plain(r.stdout);
    expect(text).toContain('(insatisfaits : 1, 2)');
    expect(text).toContain('taux d’infidélité ≈ 2 × taux d’insatisfaits');
    expect(text).toMatch(new RegExp(`ensemble\\s+${fx.groups[0].n}\\s`));
  });

  it('exits 2 naming line and column for a flag value that is neither left nor stayed', () => {
    const bad = scratch('attrition-bad.csv', 'id,sat,parti\n1,2,oui\n2,4,non\n3,3,peut-être\n');
    const r = satlab(['attrition', bad, '--satisfaction', 'sat', '--left', 'parti', '--scale', '1-4']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('attrition-bad.csv:4:3 (column "parti"): "peut-être" is neither a "left" value');
    const ok = satlab(['attrition', bad, '--satisfaction', 'sat', '--left', 'parti', '--scale', '1-4', '--left-values', 'oui', '--stayed-values', 'non,peut-être', '--json']);
    expect(ok.code).toBe(0);
  });

  it('exits 2 for a rating outside the scale and when "dissatisfied" is undefined', () => {
    const bad = scratch('attrition-bad2.csv', 'id,sat,parti\n1,2,oui\n2,5,non\n');
    const r = satlab(['attrition', bad, '--satisfaction', 'sat', '--left', 'parti', '--scale', '1-4']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('attrition-bad2.csv:3:2 (column "sat"): "5" is out of scale 1-4');
    expect(satlab(['attrition', bad, '--satisfaction', 'sat', '--left', 'parti']).stderr).toMatch(/--dissatisfied/);
  });
});

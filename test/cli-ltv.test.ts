import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { requireBuild, root, satlab, scratch } from './helpers/satlab.js';

// LTV sums and Pareto concentration from R: packages/survey/test/fixtures/survey-formulas.json.
const fx = JSON.parse(readFileSync(join(root, 'packages/survey/test/fixtures/survey-formulas.json'), 'utf8'));
const rel = (a: number, b: number): number => Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);

beforeAll(() => ['ltv', 'pareto'].forEach(requireBuild));

describe('satlab ltv and pareto', () => {
  it('ltv --json matches the sum in R, for both conventions', () => {
    const c = fx.ltv[1];
    const out = JSON.parse(satlab(['ltv', '--margin', '250', '--retention-rate', '75%', '--discount-rate', '0.08', '--horizon', '10', '--first-period-not-counted', '--json']).stdout);
    expect(rel(out.value, c.value)).toBeLessThan(1e-12);
    const inf = JSON.parse(satlab(['ltv', '--margin', '250', '--retention-rate', '0.75', '--discount-rate', '0.08', '--json']).stdout);
    expect(rel(inf.value, fx.ltv[2].value)).toBeLessThan(1e-12);
    const bad = satlab(['ltv', '--margin', '10', '--retention-rate', '1', '--discount-rate', '0']);
    expect(bad.code).toBe(2);
  });

  it('pareto --json: share of revenue of the top 38 % and the Gini index as R', () => {
    const f = scratch('ca.csv', 'client;ca\n' + fx.pareto.revenues.map((v: number | null, i: number) => `${i + 1};${v === null ? '' : String(v).replace('.', ',')}`).join('\n') + '\n');
    const out = JSON.parse(satlab(['pareto', f, '--column', 'ca', '--top', '0.38', '--revenue-share', '76%', '--json']).stdout);
    expect(out.n).toBe(fx.pareto.n);
    expect(rel(out.revenueShareOfTop, fx.pareto.at38)).toBeLessThan(1e-12);
    expect(rel(out.customerShareFor, fx.pareto.for76)).toBeLessThan(1e-12);
    expect(rel(out.gini, fx.pareto.gini)).toBeLessThan(1e-12);
  });
});

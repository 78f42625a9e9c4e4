import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { plain, requireBuild, root, satlab } from './helpers/satlab.js';

// The seed-000 calculator's inputs and printed figures (packages/survey/test/fixtures/seed000-roi.json).
const seed = JSON.parse(readFileSync(join(root, 'packages/survey/test/fixtures/seed000-roi.json'), 'utf8'));
const args = ['--surveyed', '12000', '--response-rate', '0.15', '--dissatisfied-rate', '0.2', '--retention-rate', '0.7', '--acquisition-cost', '50', '--annual-revenue', '250', '--process-cost', '24000'];

beforeAll(() => requireBuild('roi'));

describe('satlab roi', () => {
  it('--json gives exactly the seven figures of the seed-000 calculator, and the sensitivity table', () => {
    const r = satlab(['roi', ...args, '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout);
    for (const [k, v] of Object.entries(seed.printed)) expect(out[k], k).toBe(v);
    expect(out.sensitivity.roi[out.sensitivity.base.row][out.sensitivity.base.col]).toBe(51600);
    expect(out.sensitivity.retentionRates).toContain(0.7);
    expect(out.sensitivity.responseRates).toContain(0.15);
  });

  it('prints the calculator in French as the seed does (12 600,00 € … 51 600,00 €)', () => {
    const r = satlab(['roi', ...args, '--lang', 'fr']);
    expect(r.code).toBe(0);
    const text = plain(r.stdout);
    for (const v of Object.values(seed.printedFrench as Record<string, string>)) expect(text).toContain(plain(v));
    expect(text).toMatch(/Nombre de clients insatisfaits détectés\s+360/);
    expect(text).toMatch(/Nombre de clients insatisfaits conservés\s+252/);
    expect(text).toMatch(/TOTAL ROI annuel\s+51 600,00 €/);
    expect(text).toContain('Sensibilité du ROI annuel');
    expect(text).toContain('51 600 € *');
  });

  it('prints English too, and accepts rates written as percentages', () => {
    const r = satlab(['roi', ...args.map((a) => (a === '0.15' ? '15%' : a)), '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(plain(r.stdout)).toMatch(/ANNUAL ROI \(net gain\)\s+€51,600\.00/);
  });

  it('exits 2 with one line on stderr for a rate above 1 or a missing input', () => {
    const bad = satlab(['roi', ...args.map((a) => (a === '0.7' ? '7' : a))]);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toMatch(/retentionRate must be ≥ 0 and ≤ 1, got 7/);
    const missing = satlab(['roi', ...args.slice(2)]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--surveyed/);
  });
});

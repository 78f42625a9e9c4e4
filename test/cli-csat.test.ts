import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { plain, requireBuild, root, satlab, scratch } from './helpers/satlab.js';

// Ratings and R's values (prop.test(correct = FALSE), t.test): packages/survey/test/fixtures/survey-rates.json.
const fx = JSON.parse(readFileSync(join(root, 'packages/survey/test/fixtures/survey-rates.json'), 'utf8'));
const rel = (a: number, b: number): number => Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);
const c5 = fx.csat5;
const csatFile = scratch('csat.csv', 'id,note,canal\n' + c5.values.map((v: number | null, i: number) => `${i + 1},${v ?? ''},${c5.segments[i]}`).join('\n') + '\n');
const cesFile = scratch('ces.csv', 'effort\n' + fx.ces7.values.join('\n') + '\n');
const fcrFile = scratch('fcr.csv', 'id,resolu\n' + fx.fcr.values.map((v: boolean | null, i: number) => `${i + 1},${v === null ? '' : v ? 'oui' : 'non'}`).join('\n') + '\n');

beforeAll(() => ['csat', 'ces', 'fcr'].forEach(requireBuild));

describe('satlab csat / ces / fcr', () => {
  it('csat --json: top-2-box share and Wilson interval as prop.test, by segment', () => {
    const r = satlab(['csat', csatFile, '--column', 'note', '--scale', '1-5', '--by', 'canal', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.satisfied).toBe(c5.satisfied);
    for (const j of [0, 1]) expect(rel(out.ci[j], c5.ci[j])).toBeLessThan(1e-9);
    expect(out.excludedByReason).toEqual({ empty: 1 });
    out.groups.forEach((g: { name: string; ci: number[] }, k: number) => {
      expect(g.name).toBe(c5.groups[k].name);
      for (const j of [0, 1]) expect(rel(g.ci[j], c5.groups[k].ci[j])).toBeLessThan(1e-9);
    });
    expect(plain(satlab(['csat', csatFile, '--column', 'note', '--scale', '1-5', '--lang', 'fr']).stdout)).toContain('satisfaits = 4, 5 (top-2-box)');
  });

  it('csat exits 2 naming line and column for a rating outside the scale', () => {
    const bad = scratch('csat-bad.csv', 'note\n4\n6\n');
    const r = satlab(['csat', bad, '--column', 'note', '--scale', '1-5']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('csat-bad.csv:3:1 (column "note"): "6" is out of scale 1-5');
  });

  it('ces --json: mean with t interval and top-box with Wilson interval', () => {
    const out = JSON.parse(satlab(['ces', cesFile, '--column', 'effort', '--top-box', '3', '--json']).stdout);
    for (const j of [0, 1]) {
      expect(rel(out.meanCI[j], fx.ces7.meanCI[j])).toBeLessThan(1e-9);
      expect(rel(out.topBoxCI[j], fx.ces7.topBox3CI[j])).toBeLessThan(1e-9);
    }
  });

  it('fcr --json: rate and Wilson interval, empty cells unknown; unknown values exit 2', () => {
    const out = JSON.parse(satlab(['fcr', fcrFile, '--column', 'resolu', '--json']).stdout);
    expect(out.n).toBe(fx.fcr.n);
    expect(out.excluded).toBe(fx.fcr.excluded);
    for (const j of [0, 1]) expect(rel(out.ci[j], fx.fcr.ci[j])).toBeLessThan(1e-9);
    const bad = satlab(['fcr', scratch('fcr-bad.csv', 'resolu\noui\nbof\n'), '--column', 'resolu']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('fcr-bad.csv:3:1 (column "resolu"): "bof" is neither a "resolved" value');
  });
});

import { renderMessage } from '@satlab/messages';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { InputError } from '@satlab/data';
import { netPromoterScore } from '@satlab/survey';
import type { NpsSummary } from '@satlab/survey';
import { close, closeAll, nums } from './close.js';

// fixtures/make-survey-fixtures.R → survey-nps.json (R 4.2.2; every case carries its R call).
interface Ref { n: number; promoters: number; passives: number; detractors: number; nps: number; se: number; seScore: number; marginOfError: number; ci: number[]; confidence: number }
interface Case extends Ref { name: string; values: (number | null)[]; segments?: string[]; bootstrapSe?: number; groups?: (Ref & { name: string })[] }
const here = dirname(fileURLToPath(import.meta.url));
const fx = JSON.parse(readFileSync(join(here, 'fixtures/survey-nps.json'), 'utf8')) as { cases: Case[] };

function check(actual: NpsSummary, ref: Ref, what: string): void {
  expect(actual.n, what).toBe(ref.n);
  for (const k of ['promoters', 'passives', 'detractors', 'nps', 'se', 'marginOfError'] as const) close(actual[k], ref[k], 1e-12, `${what} ${k}`);
  closeAll(actual.ci, ref.ci, 1e-12, `${what} ci`);
}

describe('netPromoterScore against the multinomial formula in R', () => {
  for (const c of fx.cases) {
    it(`${c.name}: shares, NPS, standard error, margin of error and interval match R`, () => {
      const r = netPromoterScore(nums(c.values), { confidence: c.confidence });
      check(r, c, c.name);
      close(c.se, c.seScore, 1e-12, 'the two R forms of the variance agree');
      expect(r.excluded).toBe(c.values.length - c.n);
    });
  }

  it('agrees with a 20 000-resample bootstrap standard error (boot::boot) within 2 %', () => {
    const c = fx.cases.find((x) => x.bootstrapSe !== undefined)!;
    const r = netPromoterScore(nums(c.values));
    expect(Math.abs(r.se - c.bootstrapSe!) / c.bootstrapSe!).toBeLessThan(0.02);
    // treating promoters and detractors as independent proportions drops the +2pd/n covariance
    // term and understates the standard error: the bootstrap sides with the multinomial formula
    const naive = 100 * Math.sqrt((r.promoters * (1 - r.promoters) + r.detractors * (1 - r.detractors)) / r.n);
    expect(naive).toBeLessThan(r.se * 0.95);
    expect(Math.abs(naive - c.bootstrapSe!) / c.bootstrapSe!).toBeGreaterThan(0.05);
  });

  it('gives every segment the same keys, matching R on each subset', () => {
    const c = fx.cases.find((x) => x.segments)!;
    const r = netPromoterScore(nums(c.values), { by: c.segments });
    expect(r.groups!.map((g) => g.name)).toEqual(c.groups!.map((g) => g.name));
    r.groups!.forEach((g, k) => check(g, c.groups![k], g.name));
    expect(r.unknownSegment).toBe(0);
  });

  it('warns about a degenerate sample and clips the interval to [−100, 100]', () => {
    const deg = netPromoterScore(nums(fx.cases[2].values));
    expect(deg.se).toBe(0);
    expect(deg.warnings.map((m) => m.code)).toContain('survey.degenerateNps');
    expect(deg.warnings.map((m) => m.text).join(' ')).toMatch(/all valid answers are promoters/);
    expect(deg.warnings.map((m) => renderMessage(m, 'fr')).join(' ')).toMatch(/toutes les réponses valides sont celles des promoteurs/);
    const clipped = netPromoterScore(nums(fx.cases[4].values));
    expect(clipped.ci[1]).toBe(100);
    expect(clipped.warnings.map((m) => m.code)).toEqual(expect.arrayContaining(['survey.npsClipped', 'survey.smallSample']));
    expect(clipped.warnings.map((m) => m.text).join(' ')).toMatch(/clipped/);
    expect(clipped.warnings.map((m) => m.text).join(' ')).toMatch(/fewer than 30/);
  });
});

describe('netPromoterScore bad input', () => {
  it('throws an InputError naming file, line and column for a value that is not an integer 0–10', () => {
    const src = { file: 'nps.csv', column: 'reco', columnNumber: 2, lines: [2, 3, 5, 6] };
    expect(() => netPromoterScore([10, 7, 11, 3], { source: src })).toThrow(InputError);
    expect(() => netPromoterScore([10, 7, 11, 3], { source: src })).toThrow(/^nps\.csv:5:2 \(column "reco"\): "11" is not an integer 0-10/);
    expect(() => netPromoterScore([10, 7.5])).toThrow(/"7\.5" is not an integer 0-10 \(value 2\)/);
  });

  it('excludes and reports invalid values and coded missing values when asked', () => {
    const missingReasons = { reasons: ['code 99'], index: [0, 0, 0, 1, 0] };
    const r = netPromoterScore([10, -1, 9, NaN, 4], { invalid: 'exclude', missingReasons });
    expect(r.n).toBe(3);
    expect(r.excluded).toBe(2);
    expect(r.excludedByReason).toEqual({ 'not an integer 0-10': 1, 'code 99': 1 });
  });

  it('rejects misuse with TypeError/RangeError', () => {
    expect(() => netPromoterScore(['9'] as never)).toThrow(TypeError);
    expect(() => netPromoterScore([9], { confidence: 95 })).toThrow(RangeError);
    expect(() => netPromoterScore([9, 8], { by: ['a'] })).toThrow(/2 values/);
  });
});

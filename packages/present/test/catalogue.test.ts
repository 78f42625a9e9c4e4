// Every message code registered by the packages has a French text that is not the English one
// (rewording one language cannot silently leave the other behind), rendered with sample
// parameters of the right shape.
import { describe, expect, it } from 'vitest';
import { registeredCodes, renderMessage } from '@satlab/messages';
import '@satlab/stats';
import '@satlab/survey';
import '@satlab/drivers';
import '@satlab/data';
import '../../cli/src/messages.js';

/**
 * One sample value for every parameter, usable as a list (`['A', 'B']`), as a number (2, through
 * `valueOf`, `toFixed`, `toPrecision`) and as text (`A,B`), so any template renders.
 */
const sample = Object.assign(['A', 'B'], { valueOf: () => 2, toFixed: () => '2', toPrecision: () => '2', startsWith: () => false });
const params = new Proxy({} as Record<string, unknown>, { get: (_t, k) => (typeof k === 'string' ? sample : undefined) });

// Codes whose text is a value given as is (the same in both languages by design).
const SAME = new Set(['data.plain', 'cli.plain']);

describe('message catalogues', () => {
  const codes = registeredCodes();
  it('registers the catalogues of the analysis packages and of the command line', () => {
    for (const ns of ['stats.', 'survey.', 'drivers.', 'cli.']) expect(codes.some((c) => c.startsWith(ns)), ns).toBe(true);
  });
  it('gives every code a French text different from its English one', () => {
    const same: string[] = [];
    const broken: string[] = [];
    for (const code of codes) {
      if (SAME.has(code)) continue;
      const m = { code, params: params as never, text: '' };
      try {
        const en = renderMessage(m, 'en');
        const fr = renderMessage(m, 'fr');
        if (en === fr) same.push(`${code}: ${en}`);
      } catch (e) {
        broken.push(`${code}: ${(e as Error).message}`);
      }
    }
    expect(same, 'codes whose French text is the English one').toEqual([]);
    expect(broken, 'templates that fail on sample parameters').toEqual([]);
  });
  it('writes French with French typography (no English “ ” quotes, a space before : and ;)', () => {
    for (const code of codes.filter((c) => c.startsWith('survey.') || c.startsWith('cli.'))) {
      const fr = renderMessage({ code, params: params as never, text: '' }, 'fr');
      expect(fr, code).not.toMatch(/[“”]/);
      expect(fr, code).not.toMatch(/\S[:;](\s|$)/);
    }
  });
});

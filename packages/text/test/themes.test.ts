import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderMessage, SatlabError } from '@satlab/messages';
import { describe, expect, test } from 'vitest';
import { compileThemes, defaultThemes, loadThemes, parseThemes, themesOf, tokenizeComment } from '../src/index.js';

const c = compileThemes(defaultThemes());
const ids = (s: string): string[] => {
  const { lang, tokens } = tokenizeComment(s);
  return themesOf(tokens, lang, c).map((k) => c.dictionary.themes[k].id);
};

describe('starter dictionary', () => {
  test('ships the retail/insurance themes the issue names', () => {
    const got = defaultThemes().themes.map((t) => t.id);
    for (const id of ['price', 'waiting', 'staff', 'advice', 'product', 'loyalty', 'claims']) expect(got).toContain(id);
    for (const t of defaultThemes().themes) expect(t.fr.length * t.en.length).toBeGreaterThan(0);
  });
  test('French phrases, prefixes, elision and #price match; negation does not matter', () => {
    expect(ids("Trop cher, et 40 minutes d'attente")).toEqual(['price', 'waiting']);
    expect(ids('pas cher du tout')).toEqual(['price']);
    expect(ids('Remboursement du sinistre après trois relances')).toEqual(['waiting', 'claims']);
    expect(ids('ma carte de fidélité ne marche pas')).toEqual(['loyalty']);
    expect(ids('payé 45 € de trop')).toEqual(['price']);
  });
  test('English entries apply to English comments only', () => {
    expect(ids('The staff were rude and the prices too high')).toEqual(['price', 'staff']);
    expect(ids('Les soldes en magasin')).toEqual(['store']); // "sales" is English
  });
});

describe('theme files', () => {
  test('loadThemes reads YAML; errors name the file and the theme', () => {
    const dir = mkdtempSync(join(tmpdir(), 'themes-'));
    const ok = join(dir, 'ok.yaml');
    writeFileSync(ok, 'themes:\n  wait:\n    label: { fr: Attente, en: Wait }\n    fr: [attente, "file d\'attente"]\n    en: [wait*]\n');
    expect(loadThemes(ok).themes[0]).toEqual({ id: 'wait', label: { fr: 'Attente', en: 'Wait' }, fr: ['attente', "file d'attente"], en: ['wait*'] });
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'themes:\n  wait:\n    fr: ["a*"]\n');
    try {
      loadThemes(bad, 'bad.yaml');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(SatlabError);
      expect((e as SatlabError).code).toBe('text.badThemes');
      expect(renderMessage((e as SatlabError).detail, 'en')).toBe('bad.yaml: theme "wait": "a*": a prefix needs at least 3 letters before "*"');
      expect(renderMessage((e as SatlabError).detail, 'fr')).toMatch(/^bad\.yaml : theme "wait"/);
    }
    writeFileSync(bad, 'themes: [1, 2');
    expect(() => loadThemes(bad)).toThrow(/not valid YAML/);
    expect(() => parseThemes({ themes: {} })).toThrow(/no theme/);
  });
});

import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { InputError, loadCodebook, parseCodebook } from '@satlab/data';
import { renderMessage } from '@satlab/messages';

const fixturePath = (name: string): string => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const message = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    if (e instanceof InputError) return e.message;
    throw e;
  }
  throw new Error('expected an InputError');
};

describe('parseCodebook / loadCodebook', () => {
  it('reads the brief\'s YAML format: types, labels keyed by code, scales, missing codes, levels', () => {
    const cb = loadCodebook(fixturePath('barometre.yaml'));
    expect(cb.name).toBe('Baromètre de satisfaction (test fixture)');
    expect(cb.columns.sat_contact).toEqual({
      type: 'ordinal',
      label: 'Satisfaction — Contact',
      scale: [1, 4],
      missing: [9],
      labels: { '1': 'Pas du tout satisfait', '2': 'Plutôt pas satisfait', '3': 'Plutôt satisfait', '4': 'Tout à fait satisfait' },
    });
    expect(cb.columns.sat_prix.missing).toEqual([9, 'NSP']);
    expect(cb.columns.contract.levels).toContain('Prév. Retraite');
    expect(Object.keys(cb.columns)).toEqual(['respondent_id', 'contract', 'sat_contact', 'sat_prix', 'nps', 'montant', 'date', 'left', 'verbatim']);
    expect(cb.warnings).toEqual([]);
  });

  it('reads JSON, and a list of columns with names', () => {
    const cb = parseCodebook('{"columns": [{"name": "q1", "type": "numeric", "missing": 99}]}', 'cb.json');
    expect(cb.columns).toEqual({ q1: { type: 'numeric', missing: [99] } });
  });

  it('rejects an unknown type naming the codebook file and the column', () => {
    expect(message(() => parseCodebook('columns:\n  q1: { type: nominal }\n', 'cb.yaml'))).toBe(
      'cb.yaml (column "q1"): unknown type "nominal" (expected numeric, ordinal, categorical, date, id or text)',
    );
  });

  it('rejects a scale that is not [min, max]', () => {
    expect(message(() => parseCodebook('columns:\n  q1: { type: numeric, scale: [4, 1] }\n', 'cb.yaml'))).toMatch(/^cb\.yaml \(column "q1"\): scale must be \[min, max\]/);
    expect(message(() => parseCodebook('columns:\n  q1: { type: numeric, scale: [1, 2, 3] }\n', 'cb.yaml'))).toMatch(/column "q1".*scale must be/);
    expect(message(() => parseCodebook('columns:\n  q1: { type: numeric, scale: "1-4" }\n', 'cb.yaml'))).toMatch(/column "q1".*scale must be/);
  });

  it('rejects a level listed twice', () => {
    expect(message(() => parseCodebook('columns:\n  left: { type: categorical, levels: [non, oui, non] }\n', 'cb.yaml'))).toBe('cb.yaml (column "left"): level "non" is listed twice');
  });

  it('rejects a missing type, a label that is not a level, and YAML syntax errors with their line', () => {
    expect(message(() => parseCodebook('columns:\n  q1: { label: x }\n', 'cb.yaml'))).toMatch(/column "q1".*no "type"/);
    expect(message(() => parseCodebook('columns:\n  c: { type: categorical, levels: [a, b], labels: { 1: a, 2: z } }\n', 'cb.yaml'))).toMatch(/label "z" of code 2 is not one of the levels/);
    expect(message(() => parseCodebook('columns:\n  q1: { type: numeric\n  q2: [\n', 'cb.yaml'))).toMatch(/^cb\.yaml:\d+:\d+: not valid YAML or JSON/);
    expect(message(() => parseCodebook('- a\n- b\n', 'cb.yaml'))).toMatch(/"columns"/);
  });

  it('ignores unknown keys with a warning (a typo must not pass silently)', () => {
    const cb = parseCodebook('columns:\n  q1: { type: numeric, lables: { 1: a } }\n', 'cb.yaml');
    expect(cb.warnings.map((w) => w.code)).toEqual(['data.codebookUnknownKeys']);
    expect(cb.warnings.map((w) => w.text)).toEqual(['cb.yaml: column "q1": ignored unknown key "lables" (known: type, label, scale, missing, labels, levels)']);
    expect(renderMessage(cb.warnings[0], 'fr')).toBe('cb.yaml\u00a0: colonne «\u00a0q1\u00a0»\u00a0: clé inconnue ignorée «\u00a0lables\u00a0» (connues\u00a0: type, label, scale, missing, labels, levels)');
  });

  it('names a codebook file that does not exist', () => {
    expect(message(() => loadCodebook('/nonexistent/cb.yaml'))).toBe('/nonexistent/cb.yaml: file not found');
  });
});

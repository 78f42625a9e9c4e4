import YAML from 'yaml';
import { describe, expect, test } from 'vitest';
import { codebookToYaml, generateBarometer } from '@satlab/synth';

describe('codebookToYaml', () => {
  test('writes one flow mapping per column, keys in a fixed order (doc example)', () => {
    expect(codebookToYaml({ columns: { nps: { missing: [99], scale: [0, 10], type: 'numeric' } } })).toBe('columns:\n  nps: { type: numeric, scale: [0, 10], missing: [99] }\n');
  });

  test('header comments, name, quoting of awkward strings and keys', () => {
    const y = codebookToYaml({ name: 'Étude "test"', columns: { 'q 1': { type: 'categorical', levels: ['a: b', 'c, d', '#e'], label: 'L’été' } } }, ['line one', '']);
    expect(y).toBe('# line one\n#\nname: "Étude \\"test\\""\ncolumns:\n  "q 1": { type: categorical, label: "L’été", levels: ["a: b", "c, d", "#e"] }\n');
    expect(YAML.parse(y)).toEqual({ name: 'Étude "test"', columns: { 'q 1': { type: 'categorical', label: 'L’été', levels: ['a: b', 'c, d', '#e'] } } });
  });

  test('the barometer codebook survives a YAML round trip unchanged', () => {
    const cb = generateBarometer({ seed: 1, respondentsPerWave: 3 }).codebook;
    expect(YAML.parse(codebookToYaml(cb))).toEqual(JSON.parse(JSON.stringify(cb)));
  });

  test('lang and translations: notes before each, level texts quoted, values last', () => {
    const y = codebookToYaml(
      { lang: 'fr', columns: { q: { type: 'categorical', levels: ['oui', 'non'] } }, translations: { en: { columns: { q: { label: 'Q', levels: { Oui: 'Yes' } } }, values: { non: 'no' } } } },
      [],
      { lang: ['labels in'], translations: ['English'] },
    );
    expect(y).toBe('# labels in\nlang: fr\ncolumns:\n  q: { type: categorical, levels: ["oui", "non"] }\n\n# English\ntranslations:\n  en:\n    columns:\n      q: { label: "Q", levels: { "Oui": "Yes" } }\n    values: { "non": "no" }\n');
    expect(YAML.parse(y).translations).toEqual({ en: { columns: { q: { label: 'Q', levels: { Oui: 'Yes' } } }, values: { non: 'no' } } });
  });

  test('the barometer codebook names every column in English', () => {
    const cb = generateBarometer({ seed: 1, respondentsPerWave: 3, waves: 2 }).codebook;
    expect(cb.lang).toBe('fr');
    expect(Object.keys(cb.translations?.en.columns ?? {})).toEqual(Object.keys(cb.columns));
    expect(cb.translations?.en.columns.wave.levels).toEqual({ 'Vague 1': 'Wave 1', 'Vague 2': 'Wave 2' });
    expect(cb.translations?.en.columns.sat_delai_rep).toEqual({ label: 'Satisfaction — Response time', levels: { 'Pas du tout satisfait': 'Not at all satisfied', 'Plutôt pas satisfait': 'Rather dissatisfied', 'Plutôt satisfait': 'Rather satisfied', 'Tout à fait satisfait': 'Very satisfied' } });
  });

  test('a non-finite number is refused', () => {
    expect(() => codebookToYaml({ columns: { x: { type: 'numeric', scale: [0, Number.POSITIVE_INFINITY] } } })).toThrow(RangeError);
  });
});

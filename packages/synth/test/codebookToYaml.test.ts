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

  test('a non-finite number is refused', () => {
    expect(() => codebookToYaml({ columns: { x: { type: 'numeric', scale: [0, Number.POSITIVE_INFINITY] } } })).toThrow(RangeError);
  });
});

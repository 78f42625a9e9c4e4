import { readFileSync } from 'node:fs';
import { InputError } from '@satlab/data';
import { errors as E } from './messages.js';
import { parseRules } from './parseRules.js';
import type { RuleSet } from './types.js';

/**
 * Reads a rules file (YAML or JSON, UTF-8) and validates it with {@link parseRules}.
 *
 * @param path the file; error messages name it as given.
 * @throws {InputError} the file is missing or unreadable, or anything `parseRules` throws.
 * @example
 * loadRules('packages/alerts/examples/barometer-rules.yaml').rules.map((r) => r.id);
 * //=> ['low-overall', 'detractor', 'effort', 'unresolved', 'negative-verbatim']
 */
export function loadRules(path: string): RuleSet {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    throw new InputError(e.code === 'ENOENT' ? E.rulesNotFound() : E.cannotRead({ rules: true, reason: e.code ?? e.message }), { file: path });
  }
  return parseRules(text.replace(/^\uFEFF/, ''), path);
}

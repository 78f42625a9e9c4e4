import { readFileSync } from 'node:fs';
import { InputError } from './errors.js';
import { msg } from './messages.js';
import { parseCodebook } from './parseCodebook.js';
import type { Codebook } from './types.js';

/**
 * Reads a codebook file (YAML or JSON, UTF-8) and validates it with `parseCodebook`.
 *
 * @param path Path of the `.yaml`, `.yml` or `.json` file.
 * @throws {InputError} File not found or unreadable, or any validation error of `parseCodebook`
 *   (naming this file and the column key).
 * @example
 * loadCodebook('datasets/barometer/codebook.yaml').columns.sat_contact;
 * //=> { type: 'ordinal', label: 'Satisfaction — Contact', scale: [1, 4], missing: [9],
 * //     labels: { '1': 'Pas du tout satisfait', '2': 'Plutôt pas satisfait', '3': 'Plutôt satisfait', '4': 'Tout à fait satisfait' } }
 * loadCodebook('datasets/barometer/absent.yaml'); //=> throws InputError
 */
export function loadCodebook(path: string): Codebook {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    throw new InputError(e.code === 'ENOENT' ? msg.fileNotFound() : msg.fileUnreadable({ why: e.code ?? e.message }), { file: path });
  }
  return parseCodebook(text, path);
}

import { readFileSync } from 'node:fs';
import { InputError } from '@satlab/data';
import { msg } from './messages.js';
import { parseReportConfig } from './parseReportConfig.js';
import type { ReportConfig } from './types.js';

/**
 * Reads a barometer report configuration (YAML, UTF-8) and validates it with
 * {@link parseReportConfig}; relative paths in it are resolved from its folder.
 *
 * @param path The `.yaml` file, e.g. `datasets/barometer/report.yaml`.
 * @throws {InputError} The file is missing or unreadable, or any error of `parseReportConfig`
 *   (naming the config file, the line and the key).
 * @example
 * const config = loadReportConfig('datasets/barometer/report.yaml');
 * config.waves?.map((w) => w.label); //=> ['Vague 1', 'Vague 2', 'Vague 3']
 * config.segment; //=> { column: 'contract', label: { fr: 'type de contrat', en: 'contract type' } }
 * loadReportConfig('datasets/barometer/absent.yaml'); //=> throws InputError
 */
export function loadReportConfig(path: string): ReportConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    throw new InputError(e.code === 'ENOENT' ? msg.configNotFound() : msg.configUnreadable(e.code ?? e.message), { file: path });
  }
  return parseReportConfig(text, path);
}

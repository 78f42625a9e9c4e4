import { loadCodebook } from '../loadCodebook.js';
import { parseCodebook } from '../parseCodebook.js';
import type { Codebook, ColumnSpec } from '../types.js';

/** A codebook as a caller may hand it: a path, a parsed `Codebook`, or just `{ columns }`. */
export type CodebookInput = string | (Partial<Codebook> & { columns: Record<string, ColumnSpec> });

/** Loads (path) or re-validates (object) a codebook, keeping the warnings it already had. */
export function resolveCodebook(input: CodebookInput): Codebook {
  if (typeof input === 'string') return loadCodebook(input);
  const file = input.file ?? '<codebook>';
  const cb = parseCodebook(JSON.stringify({ columns: input.columns }), file);
  if (input.name !== undefined) cb.name = input.name;
  cb.warnings = [...(input.warnings ?? []), ...cb.warnings];
  return cb;
}

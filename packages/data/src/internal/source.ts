import { readFileSync } from 'node:fs';
import { InputError } from '../errors.js';
import { msg } from '../messages.js';

/** A file path, or in-memory content with a name used in messages. */
export type DelimitedSource = string | { name: string; bytes: Uint8Array | string };

/** Reads a source: a path is read from disk (errors become `InputError` naming the file). */
export function readSource(source: DelimitedSource): { file: string; bytes: Uint8Array | string } {
  if (typeof source !== 'string') return { file: source.name, bytes: source.bytes };
  try {
    return { file: source, bytes: readFileSync(source) };
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'ENOENT') throw new InputError(msg.fileNotFound(), { file: source });
    throw new InputError(msg.fileUnreadable(e.code ?? e.message), { file: source });
  }
}

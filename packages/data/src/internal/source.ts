import { closeSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { InputError } from '../errors.js';
import { msg } from '../messages.js';

/** A file path, or in-memory content with a name used in messages. */
export type DelimitedSource = string | { name: string; bytes: Uint8Array | string };

/** Default `maxBytes`: 2 GiB, past any survey or transactions file we have met, below Node's buffer limit. */
export const DEFAULT_MAX_BYTES = 2 * 1024 ** 3;

/**
 * Checks that a path names a regular file of at most `maxBytes` before anything reads it: a
 * character device (`/dev/zero`, a terminal), a FIFO, a socket or a directory is refused at once
 * instead of being read without end. Returns its size.
 *
 * @throws {InputError} not found, unreadable, not a regular file, or larger than `maxBytes`.
 * @example
 * checkFile('packages/data/test/fixtures/survey4/codebook.yaml'); //=> 430
 * checkFile('/dev/zero'); //=> throws InputError: /dev/zero: not a regular file (a character device)
 */
export function checkFile(path: string, file: string = path, maxBytes = DEFAULT_MAX_BYTES): number {
  let st;
  try {
    st = statSync(path);
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'ENOENT') throw new InputError(msg.fileNotFound(), { file });
    throw new InputError(msg.fileUnreadable({ why: e.code ?? e.message }), { file });
  }
  if (!st.isFile()) {
    const kind = st.isDirectory() ? 'directory' : st.isCharacterDevice() ? 'character device' : st.isFIFO() ? 'FIFO' : st.isSocket() ? 'socket' : st.isBlockDevice() ? 'block device' : 'special file';
    throw new InputError(msg.notRegularFile({ kind }), { file });
  }
  if (st.size > maxBytes) throw new InputError(msg.fileTooLarge({ size: st.size, max: maxBytes }), { file });
  return st.size;
}

/**
 * Reads a source: a path is checked (regular file, at most `maxBytes`) then read; errors become
 * `InputError` naming the file.
 *
 * @example
 * readSource({ name: 'a.csv', bytes: 'x\n1\n' }).file; //=> 'a.csv'
 * readSource('packages/data/test/fixtures/survey4/codebook.yaml').bytes.length; //=> 430
 */
export function readSource(source: DelimitedSource, maxBytes = DEFAULT_MAX_BYTES): { file: string; bytes: Uint8Array | string } {
  if (typeof source !== 'string') return { file: source.name, bytes: source.bytes };
  const size = checkFile(source, source, maxBytes);
  try {
    const fd = openSync(source, 'r');
    try {
      // Read what fstat says and no more: a file that grows while read is cut at its checked size.
      const n = Math.min(fstatSync(fd).size, size, maxBytes);
      const buf = Buffer.allocUnsafe(n);
      let got = 0;
      while (got < n) {
        const k = readSync(fd, buf, got, n - got, got);
        if (k === 0) break;
        got += k;
      }
      return { file: source, bytes: buf.subarray(0, got) };
    } finally {
      closeSync(fd);
    }
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    throw new InputError(msg.fileUnreadable({ why: e.code ?? e.message }), { file: source });
  }
}

/** What a file holds, from its first bytes. */
export type SourceKind = 'csv' | 'xlsx' | 'xls' | 'sav' | 'parquet';

/** The kind of content from its magic bytes (zip → xlsx, `$FL2`/`$FL3` → SPSS, `PAR1` → Parquet, OLE2 → xls), else delimited text. */
export function kindOf(head: Uint8Array): SourceKind {
  const b = head;
  if (b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04) return 'xlsx';
  if (b.length >= 4 && b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0) return 'xls';
  if (b.length >= 4 && b[0] === 0x24 && b[1] === 0x46 && b[2] === 0x4c && (b[3] === 0x32 || b[3] === 0x33)) return 'sav';
  if (b.length >= 4 && b[0] === 0x50 && b[1] === 0x41 && b[2] === 0x52 && b[3] === 0x31) return 'parquet';
  return 'csv';
}

/** The first `n` bytes of a checked file. */
export function readHead(path: string, n: number): Uint8Array {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.allocUnsafe(n);
    const k = readSync(fd, buf, 0, n, 0);
    return buf.subarray(0, k);
  } finally {
    closeSync(fd);
  }
}

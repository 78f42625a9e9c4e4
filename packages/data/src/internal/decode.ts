import { isUtf8 } from 'node:buffer';
import { InputError } from '../errors.js';
import { msg } from '../messages.js';
import type { Encoding } from '../types.js';
import { decodeWindows1252 } from './cp1252.js';

/** Decoded input: UTF-8 bytes without BOM (what csv-parse reads) and how they were found. */
export interface Decoded {
  encoding: Encoding;
  bom: boolean;
  /** The content re-encoded (or kept) as UTF-8, byte-order mark removed. */
  utf8: Buffer;
}

const SNIFF_BYTES = 4096;

/**
 * Finds the encoding (BOM, then UTF-8 validity, else Windows-1252) and returns UTF-8 bytes.
 * An explicit `encoding` skips detection (a matching BOM is still removed).
 */
export function decodeInput(input: Uint8Array | string, file: string, encoding?: Encoding): Decoded {
  if (typeof input === 'string') {
    const bom = input.charCodeAt(0) === 0xfeff;
    return { encoding: 'utf-8', bom, utf8: Buffer.from(bom ? input.slice(1) : input, 'utf8') };
  }
  const b = input;
  if (b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04) throw new InputError(msg.excelWorkbook(), { file });
  if (b.length >= 4 && b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0) throw new InputError(msg.excelWorkbook(), { file });
  let bomEnc: Encoding | undefined;
  let bomLen = 0;
  if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) [bomEnc, bomLen] = ['utf-8', 3];
  else if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) [bomEnc, bomLen] = ['utf-16le', 2];
  else if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) [bomEnc, bomLen] = ['utf-16be', 2];
  let enc: Encoding;
  if (encoding) {
    enc = encoding;
    if (bomEnc !== encoding) bomLen = 0;
  } else if (bomEnc) {
    enc = bomEnc;
  } else {
    const head = b.subarray(0, SNIFF_BYTES);
    if (head.includes(0)) throw new InputError(msg.binaryFile(), { file });
    enc = isUtf8(b) ? 'utf-8' : 'windows-1252';
  }
  const body = b.subarray(bomLen);
  const utf8 =
    enc === 'utf-8'
      ? Buffer.from(body.buffer, body.byteOffset, body.byteLength)
      : Buffer.from(enc === 'windows-1252' ? decodeWindows1252(body) : new TextDecoder(enc).decode(body), 'utf8');
  return { encoding: enc, bom: bomLen > 0, utf8 };
}

/**
 * Windows-1252 bytes 0x80-0x9F (WHATWG Encoding table; the five unassigned bytes stay C1
 * controls). Written out because Node 20's `TextDecoder('windows-1252')` decodes these bytes as
 * Latin-1 control characters (0x80 → U+0080 instead of €).
 */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d, 0x017d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178,
];

/** Decodes Windows-1252 bytes to text (each byte one UTF-16 code unit). */
export function decodeWindows1252(bytes: Uint8Array): string {
  const CHUNK = 8192;
  const units = new Array<number>(Math.min(CHUNK, bytes.length));
  const parts: string[] = [];
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const end = Math.min(start + CHUNK, bytes.length);
    units.length = end - start;
    for (let i = start; i < end; i++) {
      const b = bytes[i];
      units[i - start] = b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : b;
    }
    parts.push(String.fromCharCode(...units));
  }
  return parts.join('');
}

let REVERSE: Map<number, number> | null = null;

/** Encodes text to Windows-1252 bytes; null when a character has no Windows-1252 byte. */
export function encodeWindows1252(s: string): Uint8Array | null {
  if (!REVERSE) {
    REVERSE = new Map();
    CP1252_HIGH.forEach((u, k) => REVERSE?.set(u, 0x80 + k));
  }
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) {
    const u = s.charCodeAt(i);
    if (u < 0x80 || (u >= 0xa0 && u <= 0xff)) out[i] = u;
    else {
      const b = REVERSE.get(u);
      if (b === undefined) return null;
      out[i] = b;
    }
  }
  return out;
}

const UTF8_STRICT = new TextDecoder('utf-8', { fatal: true });

/**
 * A cell of a Windows-1252 file that was in fact written in UTF-8 (`SantÃ©`, a file assembled
 * from two sources): its bytes re-read as UTF-8 (`Santé`); null when the cell is plain
 * Windows-1252 (ASCII, or bytes that are not valid UTF-8). The same repair as ftfy's
 * `fix_encoding` for the common case, without its guessing beyond it.
 *
 * @example
 * repairMojibake('SantÃ©') // 'Santé'
 * repairMojibake('Santé')  // null (not UTF-8 when re-encoded)
 */
export function repairMojibake(s: string): string | null {
  let high = false;
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) >= 0x80) {
      high = true;
      break;
    }
  }
  if (!high) return null;
  const bytes = encodeWindows1252(s);
  if (!bytes) return null;
  try {
    return UTF8_STRICT.decode(bytes);
  } catch {
    return null;
  }
}

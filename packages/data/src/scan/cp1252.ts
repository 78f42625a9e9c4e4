/**
 * windows-1252 decoding. Node 20's `TextDecoder('windows-1252')` decodes bytes 0x80–0x9F as the
 * C1 control characters (Latin-1), not as € ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ' ' " " • – — ˜ ™ š › œ ž Ÿ,
 * so the scanner maps that range itself (the WHATWG windows-1252 table; 0x81, 0x8D, 0x8F, 0x90
 * and 0x9D are undefined there and kept as U+0081 … like the WHATWG decoder does).
 */
const HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

/** Decodes windows-1252 bytes to a string. */
export function decodeCp1252(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    s += String.fromCharCode(b >= 0x80 && b < 0xa0 ? HIGH[b - 0x80] : b);
  }
  return s;
}

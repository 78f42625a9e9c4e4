/**
 * Interns byte strings (CSV cells) to dense integer codes without making a JS string per row.
 * Open addressing with linear probing over 16-byte slots `[w0, w1, w2, code + 1]`: a key of up
 * to 11 bytes is packed into the three words itself (its length in the top byte of w2), so a
 * lookup is one slot read and three integer compares; a longer key stores its FNV-1a hash and
 * length and is compared byte by byte with the arena. Every key's bytes are also kept in one
 * arena, decoded to strings once per distinct key at the end (`decodeKeys`).
 */
const LONG = 0xff << 24;

function mix(w0: number, w1: number, w2: number): number {
  let h = Math.imul(w0, 0x9e3779b1) ^ Math.imul(w1 ^ (w1 >>> 15), 0x85ebca77) ^ Math.imul(w2 ^ (w2 >>> 13), 0xc2b2ae3d);
  h ^= h >>> 16;
  h = Math.imul(h, 0x27d4eb2f);
  return h ^ (h >>> 15);
}

export class ByteInterner {
  size = 0;
  private slots: Int32Array;
  private mask: number;
  starts: Int32Array;
  lens: Int32Array;
  arena: Uint8Array;
  arenaLen = 0;

  constructor(expected = 1024) {
    let cap = 1024;
    while (cap < expected * 2) cap *= 2;
    this.slots = new Int32Array(cap * 4);
    this.mask = cap - 1;
    const k = Math.max(16, expected);
    this.starts = new Int32Array(k);
    this.lens = new Int32Array(k);
    this.arena = new Uint8Array(k * 8);
  }

  /** Code of the bytes `buf[s..e)`, adding them when new. */
  intern(buf: Uint8Array, s: number, e: number): number {
    const len = e - s;
    let w0 = 0;
    let w1 = 0;
    let w2 = 0;
    let h: number;
    if (len <= 11) {
      let i = s;
      for (let k = 0; k < 4 && i < e; k++) w0 |= buf[i++] << (8 * k);
      for (let k = 0; k < 4 && i < e; k++) w1 |= buf[i++] << (8 * k);
      for (let k = 0; k < 3 && i < e; k++) w2 |= buf[i++] << (8 * k);
      w2 |= len << 24;
      h = mix(w0, w1, w2);
    } else {
      h = 0x811c9dc5 | 0;
      for (let i = s; i < e; i++) h = Math.imul(h ^ buf[i], 0x01000193);
      w0 = h;
      w1 = len;
      w2 = LONG;
    }
    const slots = this.slots;
    const mask = this.mask;
    let idx = h & mask;
    for (;;) {
      const o = idx << 2;
      const c1 = slots[o + 3];
      if (c1 === 0) break;
      if (slots[o] === w0 && slots[o + 1] === w1 && slots[o + 2] === w2) {
        if (w2 !== LONG) return c1 - 1;
        const a = this.arena;
        let j = this.starts[c1 - 1];
        let i = s;
        while (i < e && a[j] === buf[i]) {
          i++;
          j++;
        }
        if (i === e) return c1 - 1;
      }
      idx = (idx + 1) & mask;
    }
    return this.insert(buf, s, e, idx, w0, w1, w2);
  }

  private insert(buf: Uint8Array, s: number, e: number, idx: number, w0: number, w1: number, w2: number): number {
    const code = this.size;
    const len = e - s;
    if (code === this.starts.length) {
      const n = code * 2;
      this.starts = grow32(this.starts, n);
      this.lens = grow32(this.lens, n);
    }
    if (this.arenaLen + len > this.arena.length) {
      const a = new Uint8Array(Math.max(this.arena.length * 2, this.arenaLen + len + 64));
      a.set(this.arena.subarray(0, this.arenaLen));
      this.arena = a;
    }
    this.arena.set(buf.subarray(s, e), this.arenaLen);
    this.starts[code] = this.arenaLen;
    this.lens[code] = len;
    this.arenaLen += len;
    const o = idx << 2;
    this.slots[o] = w0;
    this.slots[o + 1] = w1;
    this.slots[o + 2] = w2;
    this.slots[o + 3] = code + 1;
    this.size++;
    if (this.size * 2 > this.mask + 1) this.rehash();
    return code;
  }

  private rehash(): void {
    const old = this.slots;
    const cap = (this.mask + 1) * 2;
    const slots = new Int32Array(cap * 4);
    const mask = cap - 1;
    for (let o = 0; o < old.length; o += 4) {
      if (old[o + 3] === 0) continue;
      const w0 = old[o];
      const w1 = old[o + 1];
      const w2 = old[o + 2];
      let idx = (w2 === LONG ? w0 : mix(w0, w1, w2)) & mask;
      while (slots[(idx << 2) + 3] !== 0) idx = (idx + 1) & mask;
      const q = idx << 2;
      slots[q] = w0;
      slots[q + 1] = w1;
      slots[q + 2] = w2;
      slots[q + 3] = old[o + 3];
    }
    this.slots = slots;
    this.mask = mask;
  }

  /** The keys as plain transferable arrays (for a worker to send its dictionary home). */
  exportKeys(): { arena: Uint8Array; starts: Int32Array; lens: Int32Array; size: number } {
    return { arena: this.arena.slice(0, this.arenaLen), starts: this.starts.slice(0, this.size), lens: this.lens.slice(0, this.size), size: this.size };
  }
}

function grow32(a: Int32Array, n: number): Int32Array {
  const b = new Int32Array(n);
  b.set(a);
  return b;
}

const cp1252 = new TextDecoder('windows-1252');

/**
 * Decodes interned keys to strings: UTF-8, or windows-1252 (bytes 0x80–0x9F are € ‚ ƒ … in
 * windows-1252, not the Latin-1 control characters). Returns the strings and how many keys were
 * not valid UTF-8 when UTF-8 was asked for (decoded with U+FFFD then).
 */
export function decodeKeys(keys: { arena: Uint8Array; starts: Int32Array; lens: Int32Array; size: number }, encoding: 'utf-8' | 'windows-1252'): { strings: string[]; invalid: number } {
  const buf = Buffer.from(keys.arena.buffer, keys.arena.byteOffset, keys.arena.byteLength);
  const out = new Array<string>(keys.size);
  const strict = new TextDecoder('utf-8', { fatal: true });
  let invalid = 0;
  for (let c = 0; c < keys.size; c++) {
    const s = keys.starts[c];
    const e = s + keys.lens[c];
    let ascii = true;
    for (let i = s; i < e; i++) {
      if (buf[i] >= 0x80) {
        ascii = false;
        break;
      }
    }
    if (ascii) out[c] = buf.toString('latin1', s, e);
    else if (encoding === 'windows-1252') out[c] = cp1252.decode(buf.subarray(s, e));
    else {
      try {
        out[c] = strict.decode(buf.subarray(s, e));
      } catch {
        invalid++;
        out[c] = buf.toString('utf8', s, e);
      }
    }
  }
  return { strings: out, invalid };
}

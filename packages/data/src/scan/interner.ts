import { decodeWindows1252 } from '../internal/cp1252.js';

/**
 * Interns byte strings (CSV cells) to dense integer codes without making a JS string per row.
 * Open addressing with linear probing over 16-byte slots `[w0, w1, w2, code + 1]`: a key of up
 * to 11 bytes is packed into the three words itself (its length in the top byte of w2), so a
 * lookup is one slot read and three integer compares; a longer key stores its FNV-1a hash and
 * length and is compared byte by byte with the arena. Every key's bytes are also kept in one
 * arena, decoded to strings once per distinct key at the end (`decodeKeys`).
 */
const LONG = 0xff << 24;
/** Keys per prefetch batch in `internBatch`. */
const BATCH = 256;

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
    if (len <= 11) {
      let w0 = 0;
      let w1 = 0;
      let w2 = 0;
      let i = s;
      for (let k = 0; k < 4 && i < e; k++) w0 |= buf[i++] << (8 * k);
      for (let k = 0; k < 4 && i < e; k++) w1 |= buf[i++] << (8 * k);
      for (let k = 0; k < 3 && i < e; k++) w2 |= buf[i++] << (8 * k);
      return this.internShort(w0, w1, w2 | (len << 24), buf, s, e);
    }
    let h = 0x811c9dc5 | 0;
    for (let i = s; i < e; i++) h = Math.imul(h ^ buf[i], 0x01000193);
    const slots = this.slots;
    const mask = this.mask;
    let idx = h & mask;
    for (;;) {
      const o = idx << 2;
      const c1 = slots[o + 3];
      if (c1 === 0) break;
      if (slots[o] === h && slots[o + 1] === len && slots[o + 2] === LONG) {
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
    return this.insert(buf, s, e, idx, h, len, LONG);
  }

  /**
   * Code of a key of at most 11 bytes already packed by the caller: bytes 0–3 little-endian in
   * w0, 4–7 in w1, 8–10 in w2 with the length in its top byte; `buf[s..e)` are the bytes (stored
   * only when the key is new).
   */
  internShort(w0: number, w1: number, w2: number, buf: Uint8Array | null, s: number, e: number): number {
    const slots = this.slots;
    const mask = this.mask;
    let idx = mix(w0, w1, w2) & mask;
    for (;;) {
      const o = idx << 2;
      const c1 = slots[o + 3];
      if (c1 === 0) break;
      if (slots[o] === w0 && slots[o + 1] === w1 && slots[o + 2] === w2) return c1 - 1;
      idx = (idx + 1) & mask;
    }
    if (buf === null) return this.insertWords(idx, w0, w1, w2);
    return this.insert(buf, s, e, idx, w0, w1, w2);
  }

  /**
   * Interns a batch of packed short keys (see `internShort`), writing each code to
   * `out[rows[i]]`. A tight loop with independent table reads, so that the CPU overlaps their
   * cache misses (with 10^5–10^6 distinct ids the table no longer fits in the cache).
   */
  internBatch(w0s: Int32Array, w1s: Int32Array, w2s: Int32Array, rows: Int32Array, count: number, out: Int32Array): void {
    const hs = this.batchIdx;
    for (let start = 0; start < count; start += BATCH) {
      const stop = Math.min(count, start + BATCH);
      // Pass 1: home slot of each key, and a read of it — independent loads the CPU overlaps,
      // so pass 2 finds the slots in the cache (a software prefetch).
      let slots = this.slots;
      let mask = this.mask;
      let touch = 0;
      for (let i = start; i < stop; i++) {
        const idx = mix(w0s[i], w1s[i], w2s[i]) & mask;
        hs[i - start] = idx;
        touch |= slots[idx << 2];
      }
      this.touched = touch;
      for (let i = start; i < stop; i++) {
        const w0 = w0s[i];
        const w1 = w1s[i];
        const w2 = w2s[i];
        slots = this.slots;
        mask = this.mask;
        let idx = this.rehashed ? mix(w0, w1, w2) & mask : hs[i - start];
        let code = -1;
        for (;;) {
          const o = idx << 2;
          const c1 = slots[o + 3];
          if (c1 === 0) break;
          if (slots[o] === w0 && slots[o + 1] === w1 && slots[o + 2] === w2) {
            code = c1 - 1;
            break;
          }
          idx = (idx + 1) & mask;
        }
        out[rows[i]] = code >= 0 ? code : this.insertWords(idx, w0, w1, w2);
      }
      this.rehashed = false;
    }
  }

  private batchIdx = new Int32Array(BATCH);
  /** Set when the table grew during a batch (the home slots of pass 1 are then stale). */
  private rehashed = false;
  /** Sink of pass 1's reads (so they are not optimised away). */
  touched = 0;

  /** Inserts a short key from its packed words (its bytes are written to the arena from them). */
  private insertWords(idx: number, w0: number, w1: number, w2: number): number {
    const len = w2 >>> 24;
    const at = this.reserve(len);
    const a = this.arena;
    for (let k = 0; k < len; k++) a[at + k] = (k < 4 ? w0 >>> (8 * k) : k < 8 ? w1 >>> (8 * (k - 4)) : w2 >>> (8 * (k - 8))) & 0xff;
    return this.commit(idx, at, len, w0, w1, w2);
  }

  private insert(buf: Uint8Array, s: number, e: number, idx: number, w0: number, w1: number, w2: number): number {
    const len = e - s;
    const at = this.reserve(len);
    const a = this.arena;
    for (let k = 0; k < len; k++) a[at + k] = buf[s + k];
    return this.commit(idx, at, len, w0, w1, w2);
  }

  /** Room for `len` more bytes in the arena; returns where they go. */
  private reserve(len: number): number {
    if (this.size === this.starts.length) {
      const n = this.size * 2;
      this.starts = grow32(this.starts, n);
      this.lens = grow32(this.lens, n);
    }
    if (this.arenaLen + len > this.arena.length) {
      const a = new Uint8Array(Math.max(this.arena.length * 2, this.arenaLen + len + 64));
      a.set(this.arena.subarray(0, this.arenaLen));
      this.arena = a;
    }
    return this.arenaLen;
  }

  private commit(idx: number, at: number, len: number, w0: number, w1: number, w2: number): number {
    const code = this.size;
    this.starts[code] = at;
    this.lens[code] = len;
    this.arenaLen = at + len;
    const o = idx << 2;
    const slots = this.slots;
    slots[o] = w0;
    slots[o + 1] = w1;
    slots[o + 2] = w2;
    slots[o + 3] = code + 1;
    this.size = code + 1;
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
    this.rehashed = true;
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

/**
 * Decodes interned keys to strings: UTF-8, or windows-1252 (bytes 0x80–0x9F are € ‚ ƒ … in
 * windows-1252, not the Latin-1 control characters). Files that mix the two (a UTF-8 file with
 * a Latin-1 `Sant\xe9`, a windows-1252 file with a UTF-8 `SantÃ©`) are repaired value by value:
 * in a UTF-8 file a key that is not valid UTF-8 is read as windows-1252; in a windows-1252 file a
 * key whose bytes are valid multi-byte UTF-8 is read as UTF-8. `repaired` lists those keys.
 */
export function decodeKeys(keys: { arena: Uint8Array; starts: Int32Array; lens: Int32Array; size: number }, encoding: 'utf-8' | 'windows-1252'): { strings: string[]; repaired: number[] } {
  const buf = Buffer.from(keys.arena.buffer, keys.arena.byteOffset, keys.arena.byteLength);
  const out = new Array<string>(keys.size);
  const strict = new TextDecoder('utf-8', { fatal: true });
  const repaired: number[] = [];
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
    if (ascii) {
      out[c] = buf.toString('latin1', s, e);
      continue;
    }
    const bytes = buf.subarray(s, e);
    let utf8: string | null;
    try {
      utf8 = strict.decode(bytes);
    } catch {
      utf8 = null;
    }
    if (encoding === 'utf-8') {
      if (utf8 !== null) out[c] = utf8;
      else {
        out[c] = decodeWindows1252(bytes);
        repaired.push(c);
      }
    } else if (utf8 !== null) {
      out[c] = utf8;
      repaired.push(c);
    } else out[c] = decodeWindows1252(bytes);
  }
  return { strings: out, repaired };
}

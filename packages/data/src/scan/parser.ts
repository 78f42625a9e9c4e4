/**
 * The row loop of the fast scanner: reads CSV bytes (one chunk at a time, rows that straddle a
 * chunk end are carried to the next) straight into typed arrays. RFC 4180 quoting is handled in
 * place (quoted fields may hold separators, doubled quotes and line breaks); CRLF and LF endings.
 * One `RangeParser` parses one byte range of the file; `scanColumns` runs one per thread and
 * merges them.
 */
import { decodeWindows1252 } from '../internal/cp1252.js';
import type { FastRows } from './fastRows.js';
import { compileFastRows } from './fastRows.js';
import { ByteInterner } from './interner.js';
import { info, isoDay, NA_TOKENS, parseDate, parseNumber, POW10 } from './fields.js';

export const K_FACTOR = 0;
export const K_NUMBER = 1;
export const K_DATE = 2;

/** Reasons of bad cells, indexed by the codes the parser counts. */
export const REASONS = ['empty', 'not a number', 'not a date', 'missing field', 'unterminated quote', 'missing (NA)'] as const;
const R_EMPTY = 0;
const R_NAN = 1;
const R_NAD = 2;
const R_MISSING_FIELD = 3;
const R_QUOTE = 4;
const R_NA = 5;
const NR = REASONS.length;
/** Short ids parsed before they are interned in one batch. */
const PEND = 4096;

const LF = 10;
const CR = 13;
const QUOTE = 34;

/** One selected column, resolved against the header. */
export interface PlanColumn {
  name: string;
  /** The type asked for ('id', 'categorical', 'number', 'date'). */
  type: string;
  /** 0-based field index in a row. */
  field: number;
  kind: number;
  ms: boolean;
}

/** What every range parser needs to know (sent to workers as is). */
export interface ParsePlan {
  sep: number;
  headerFields: number;
  columns: PlanColumn[];
  maxIssues: number;
  /** Encoding of the file, to show bad cells as written. */
  encoding: 'utf-8' | 'windows-1252';
  /** Whether plain rows go through the generated loop (`fastRows.ts`). */
  fastPath: boolean;
}

/** A bad cell as the parser records it (line relative to the range start, 0-based). */
export interface RawIssue {
  line: number;
  col: number;
  value: string;
  reason: number;
}

/** Parses the rows of one byte range into growable typed arrays. */
export class RangeParser {
  n = 0;
  cap: number;
  readonly plan: ParsePlan;
  codes: Int32Array[];
  values: Float64Array[];
  interners: (ByteInterner | null)[];
  /** Lines consumed so far (relative to the range start). */
  line = 0;
  blank = 0;
  cells = 0;
  rowsWithIssues = 0;
  issueCounts: Int32Array;
  first: RawIssue[] = [];
  ragged = 0;
  raggedLines: number[] = [];
  /** Per column: bit 1 = '.' seen, bit 2 = ',' seen (numbers); bit k = date layout k seen (dates). */
  flags: Int32Array;
  /** True when the last `parse` call stopped at `stopAt`. */
  stopped = false;
  private readonly kinds: Int32Array;
  private readonly ms: Uint8Array;
  private readonly fieldCol: Int32Array;
  private readonly lastNeeded: number;
  private scratch = new Uint8Array(256);
  // Short ids waiting to be interned in one batch (see ByteInterner.internBatch): column, row, packed words.
  readonly pendCol = new Int32Array(PEND);
  readonly pendRow = new Int32Array(PEND);
  readonly pendW0 = new Int32Array(PEND);
  readonly pendW1 = new Int32Array(PEND);
  readonly pendW2 = new Int32Array(PEND);
  pendN = 0;
  readonly pendMax = PEND - 64;
  private rowPend = 0;
  private readonly fast: FastRows | null;
  private readonly factorCols: number[];
  private rowLog: number[] = [];
  private rowLogLen = 0;
  private rowFirstLen = 0;
  private rowHad = false;

  constructor(plan: ParsePlan, capacity: number, expectedKeys = 1024) {
    this.plan = plan;
    this.cap = Math.max(16, capacity);
    const nc = plan.columns.length;
    this.kinds = Int32Array.from(plan.columns, (c) => c.kind);
    this.ms = Uint8Array.from(plan.columns, (c) => (c.ms ? 1 : 0));
    this.lastNeeded = Math.max(...plan.columns.map((c) => c.field));
    this.fieldCol = new Int32Array(this.lastNeeded + 1).fill(-1);
    plan.columns.forEach((c, j) => (this.fieldCol[c.field] = j));
    this.codes = plan.columns.map((c) => (c.kind === K_FACTOR ? new Int32Array(this.cap) : new Int32Array(0)));
    this.values = plan.columns.map((c) => (c.kind === K_FACTOR ? new Float64Array(0) : new Float64Array(this.cap)));
    this.interners = plan.columns.map((c) => (c.kind === K_FACTOR ? new ByteInterner(expectedKeys) : null));
    this.issueCounts = new Int32Array(nc * NR);
    this.flags = new Int32Array(nc);
    this.factorCols = plan.columns.flatMap((c, j) => (c.kind === K_FACTOR ? [j] : []));
    this.fast = plan.fastPath ? compileFastRows(plan) : null;
  }

  /** For the fast path: interns an id longer than 11 bytes at once, after the pending ones. */
  internLong(col: number, buf: Uint8Array, fs: number, fe: number, n: number): void {
    this.flush();
    this.codes[col][n] = (this.interners[col] as ByteInterner).intern(buf, fs, fe);
  }

  /** Interns the pending short ids (in row order, so codes stay in order of first appearance). */
  flush(): void {
    const m = this.pendN;
    if (m === 0) return;
    if (this.factorCols.length === 1) {
      const j = this.factorCols[0];
      (this.interners[j] as ByteInterner).internBatch(this.pendW0, this.pendW1, this.pendW2, this.pendRow, m, this.codes[j]);
    } else {
      for (let i = 0; i < m; i++) {
        const j = this.pendCol[i];
        this.codes[j][this.pendRow[i]] = (this.interners[j] as ByteInterner).internShort(this.pendW0[i], this.pendW1[i], this.pendW2[i], null, 0, 0);
      }
    }
    this.pendN = 0;
  }

  /**
   * Parses the complete rows of `buf[start..end)`. Rows starting at absolute offset `stopAt` or
   * later are left alone (`stopped` is then set). Without `eof`, a row not terminated inside the
   * buffer is left for the next call. Returns the offset (in `buf`) of the first row not parsed.
   */
  parse(buf: Uint8Array, start: number, end: number, eof: boolean, absBase: number, stopAt: number): number {
    this.stopped = false;
    const lastLf = end > start ? buf.lastIndexOf(LF, end - 1) : -1;
    const fastEnd = lastLf < start ? start : lastLf + 1;
    const safeEnd = eof ? end : fastEnd;
    const fast = this.fast;
    const stop = stopAt - absBase;
    let p = start;
    while (p < end) {
      if (p >= stop) {
        this.stopped = true;
        break;
      }
      if (p >= safeEnd) break;
      if (fast !== null && p < fastEnd) {
        const q = fast(this, buf, p, fastEnd, stop);
        if (q !== p) {
          p = q;
          continue;
        }
      }
      const r = this.row(buf, p, end, eof);
      if (r < 0) break;
      p = r;
    }
    if (eof && absBase + p >= stopAt) this.stopped = true;
    this.flush();
    return p;
  }

  private grow(): void {
    this.flush();
    const cap = Math.floor(this.cap * 1.5) + 1024;
    this.codes = this.codes.map((a) => {
      if (a.length === 0) return a;
      const b = new Int32Array(cap);
      b.set(a.subarray(0, this.n));
      return b;
    });
    this.values = this.values.map((a) => {
      if (a.length === 0) return a;
      const b = new Float64Array(cap);
      b.set(a.subarray(0, this.n));
      return b;
    });
    this.cap = cap;
  }

  /** Parses one row starting at `p`; returns the offset after it, or -1 when it is incomplete. */
  private row(buf: Uint8Array, p: number, end: number, eof: boolean): number {
    const c0 = buf[p];
    if (c0 === LF || (c0 === CR && (p + 1 === end ? eof : buf[p + 1] === LF))) {
      this.line++;
      this.blank++;
      return c0 === LF ? p + 1 : p + 2;
    }
    if (this.n === this.cap) this.grow();
    const sep = this.plan.sep;
    const n = this.n;
    const lastNeeded = this.lastNeeded;
    const fieldCol = this.fieldCol;
    const kinds = this.kinds;
    let field = 0;
    let nl = 0;
    this.rowLogLen = 0;
    this.rowFirstLen = this.first.length;
    this.rowHad = false;
    if (this.pendN > PEND - 64) this.flush();
    this.rowPend = this.pendN;
    for (;;) {
      let fs: number;
      let fe: number;
      let src = buf;
      let bad = false;
      if (p < end && buf[p] === QUOTE) {
        let q = p + 1;
        let esc = false;
        for (;;) {
          let k = -1;
          for (let i = q; i < end; i++) {
            if (buf[i] === QUOTE) {
              k = i;
              break;
            }
          }
          if (k < 0) {
            if (!eof) return this.undo();
            fs = p + 1;
            fe = end;
            bad = true;
            p = end;
            break;
          }
          if (k + 1 >= end && !eof) return this.undo();
          if (k + 1 < end && buf[k + 1] === QUOTE) {
            esc = true;
            q = k + 2;
            continue;
          }
          fs = p + 1;
          fe = k;
          p = k + 1;
          break;
        }
        for (let i = fs; i < fe; i++) if (buf[i] === LF) nl++;
        if (esc && !bad) {
          if (this.scratch.length < fe - fs) this.scratch = new Uint8Array((fe - fs) * 2);
          const sc = this.scratch;
          let j = 0;
          for (let i = fs; i < fe; i++) {
            sc[j++] = buf[i];
            if (buf[i] === QUOTE) i++;
          }
          src = sc;
          fs = 0;
          fe = j;
        }
        while (p < end && buf[p] !== sep && buf[p] !== LF) p++;
        if (p >= end && !eof) return this.undo();
      } else {
        const col = field <= lastNeeded ? fieldCol[field] : -1;
        fs = p;
        if (col >= 0 && kinds[col] === K_FACTOR) {
          // Ids and categories: pack the first 11 bytes into three words while scanning (the interner's key).
          let w0 = 0;
          let w1 = 0;
          let w2 = 0;
          let k = 0;
          while (p < end) {
            const c = buf[p];
            if (c === sep || c === LF) break;
            if (k < 4) w0 |= c << (k << 3);
            else if (k < 8) w1 |= c << ((k - 4) << 3);
            else if (k < 11) w2 |= c << ((k - 8) << 3);
            k++;
            p++;
          }
          if (p >= end && !eof) return this.undo();
          fe = p;
          if (fe > fs && buf[fe - 1] === CR && (p >= end || buf[p] === LF)) {
            fe--;
            if (fe === fs) this.badCell(col, buf, fs, fe, n, R_EMPTY);
            else this.internNow(col, buf, fs, fe, n);
          } else if (k === 0) this.badCell(col, buf, fs, fe, n, R_EMPTY);
          else if (k <= 11) {
            const q = this.pendN++;
            this.pendCol[q] = col;
            this.pendRow[q] = n;
            this.pendW0[q] = w0;
            this.pendW1[q] = w1;
            this.pendW2[q] = w2 | (k << 24);
          } else this.internNow(col, buf, fs, fe, n);
          field++;
          if (p >= end) break;
          if (buf[p] === sep) {
            p++;
            continue;
          }
          p++;
          break;
        }
        if (col >= 0) {
          // Numbers and dates: parse while scanning (one pass); anything unusual goes to the exact parsers.
          if (kinds[col] === K_NUMBER) {
            let mant = 0;
            let digits = 0;
            let frac = 0;
            let inFrac = 0;
            let mark = 0;
            let plain = true;
            let neg = false;
            if (p < end && buf[p] === 45) {
              neg = true;
              p++;
            }
            while (p < end) {
              const c = buf[p];
              const d = c - 48;
              if (d >= 0 && d <= 9) {
                mant = mant * 10 + d;
                digits++;
                frac += inFrac;
                p++;
              } else if (c === sep || c === LF) break;
              else if ((c === 46 || c === 44) && mark === 0) {
                mark = c;
                inFrac = 1;
                p++;
              } else {
                plain = false;
                p++;
              }
            }
            if (p >= end && !eof) return this.undo();
            fe = p;
            const vals = this.values[col];
            if (plain && digits > 0 && digits <= 15) {
              const v = frac === 0 ? mant : mant / POW10[frac];
              vals[n] = neg ? -v : v;
              if (mark !== 0) this.flags[col] |= mark === 46 ? 1 : 2;
            } else {
              if (fe > fs && buf[fe - 1] === CR && (p >= end || buf[p] === LF)) fe--;
              this.cell(col, buf, fs, fe, n);
            }
          } else {
            const days = p + 10 <= end ? isoDay(buf, p) : -1e9;
            const t = p + 10 < end ? buf[p + 10] : eof ? LF : -1;
            if (days > -1e9 && (t === sep || t === LF || (t === CR && p + 11 < end && buf[p + 11] === LF))) {
              p += t === CR ? 11 : 10;
              this.values[col][n] = this.ms[col] === 1 ? days * 86400000 : days;
              this.flags[col] |= 1;
            } else {
              while (p < end) {
                const c = buf[p];
                if (c === sep || c === LF) break;
                p++;
              }
              if (p >= end && !eof) return this.undo();
              fe = p;
              if (fe > fs && buf[fe - 1] === CR && (p >= end || buf[p] === LF)) fe--;
              this.cell(col, buf, fs, fe, n);
            }
          }
          field++;
          if (p >= end) break;
          if (buf[p] === sep) {
            p++;
            continue;
          }
          p++;
          break;
        }
        while (p < end) {
          const c = buf[p];
          if (c === sep || c === LF) break;
          p++;
        }
        if (p >= end && !eof) return this.undo();
        fe = p;
        if (fe > fs && buf[fe - 1] === CR && (p >= end || buf[p] === LF)) fe--;
      }
      if (field <= lastNeeded) {
        const col = fieldCol[field];
        if (col >= 0) {
          if (bad) this.badCell(col, src, fs, fe, n, R_QUOTE);
          else this.cell(col, src, fs, fe, n);
        }
      }
      field++;
      if (p >= end) break;
      if (buf[p] === sep) {
        p++;
        continue;
      }
      p++;
      break;
    }
    if (field <= lastNeeded) {
      for (let f = field; f <= lastNeeded; f++) {
        const col = fieldCol[f];
        if (col >= 0) this.badCell(col, buf, 0, 0, n, R_MISSING_FIELD);
      }
    }
    if (field !== this.plan.headerFields) {
      this.ragged++;
      if (this.raggedLines.length < this.plan.maxIssues) this.raggedLines.push(this.line);
    }
    this.line += 1 + nl;
    this.n = n + 1;
    return p;
  }

  /** Forgets the bad cells recorded for a row that turned out incomplete; returns -1. */
  private undo(): number {
    this.pendN = this.rowPend;
    for (let i = 0; i < this.rowLogLen; i++) this.issueCounts[this.rowLog[i]]--;
    this.cells -= this.rowLogLen;
    if (this.rowHad) this.rowsWithIssues--;
    this.first.length = this.rowFirstLen;
    this.rowLogLen = 0;
    return -1;
  }

  private cell(col: number, src: Uint8Array, fs: number, fe: number, n: number): void {
    switch (this.kinds[col]) {
      case K_FACTOR:
        if (fs === fe) this.badCell(col, src, fs, fe, n, R_EMPTY);
        else this.internNow(col, src, fs, fe, n);
        return;
      case K_NUMBER: {
        const v = parseNumber(src, fs, fe);
        this.values[col][n] = v;
        if (v !== v) this.badCell(col, src, fs, fe, n, R_NAN);
        else if (info.mark !== 0) this.flags[col] |= info.mark === 46 ? 1 : 2;
        return;
      }
      default: {
        const v = parseDate(src, fs, fe, this.ms[col] === 1);
        this.values[col][n] = v;
        if (v !== v) this.badCell(col, src, fs, fe, n, R_NAD);
        else this.flags[col] |= 1 << info.dateFormat;
      }
    }
  }

  /** Interns at once (long or quoted ids), after the pending batch so codes keep first-appearance order. */
  private internNow(col: number, src: Uint8Array, fs: number, fe: number, n: number): void {
    if (this.pendN > 0) {
      // Keep this row's own pending ids (none before this field in practice) in order too.
      this.flush();
      this.rowPend = 0;
    }
    this.codes[col][n] = (this.interners[col] as ByteInterner).intern(src, fs, fe);
  }

  private badCell(col: number, src: Uint8Array, fs: number, fe: number, n: number, reason: number): void {
    if (this.kinds[col] === K_FACTOR) this.codes[col][n] = -1;
    else this.values[col][n] = NaN;
    let value = '';
    if (fe <= fs && (reason === R_NAN || reason === R_NAD)) reason = R_EMPTY;
    if (fe > fs) {
      let a = fs;
      let b = fe;
      while (a < b && src[a] === 32) a++;
      while (b > a && src[b - 1] === 32) b--;
      const raw = src.subarray(fs, Math.min(fe, fs + 120));
      value = this.plan.encoding === 'utf-8' ? Buffer.from(raw.buffer, raw.byteOffset, raw.length).toString('utf8') : decodeWindows1252(raw);
      if (a === b && reason !== R_QUOTE) reason = R_EMPTY;
      else if (reason !== R_QUOTE && NA_TOKENS.has(value.trim())) reason = R_NA;
      if (value.length > 40) value = value.slice(0, 40) + '…';
    }
    const k = col * NR + reason;
    this.issueCounts[k]++;
    this.cells++;
    this.rowLog[this.rowLogLen++] = k;
    if (!this.rowHad) {
      this.rowHad = true;
      this.rowsWithIssues++;
    }
    if (this.first.length < this.plan.maxIssues) this.first.push({ line: this.line, col, value, reason });
  }
}

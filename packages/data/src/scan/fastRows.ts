/**
 * The scanner's fast path: a row loop generated for one file layout (which fields, of which
 * type, which separator), so that V8 compiles straight-line code with every array in a local
 * variable — about 3× faster than the general row parser. It takes only plain rows: no quote in
 * a field it reads (a quoted field it skips may hold separators and doubled quotes, not a line break),
 * the header's number of fields, LF or CRLF endings, well-formed values (ids up to 11 bytes,
 * `YYYY-MM-DD` or `DD/MM/YYYY` dates, plain decimal numbers). On anything else it stops before
 * that row and the general parser (`RangeParser.row`) takes it, with the same results — so the
 * fast path never decides what a cell means, it only goes faster when nothing is unusual.
 */
import { dmyDay, isoDay, POW10 } from './fields.js';
import type { ParsePlan } from './parser.js';
import { K_DATE, K_FACTOR, K_NUMBER } from './parser.js';

/** State the generated loop reads and updates (the RangeParser's fields). */
export interface FastState {
  n: number;
  cap: number;
  line: number;
  codes: Int32Array[];
  values: Float64Array[];
  flags: Int32Array;
  pendN: number;
  pendCol: Int32Array;
  pendRow: Int32Array;
  pendW0: Int32Array;
  pendW1: Int32Array;
  pendW2: Int32Array;
  pendMax: number;
  /** Interns an id longer than 11 bytes at once (after the pending ones). */
  internLong(col: number, buf: Uint8Array, fs: number, fe: number, n: number): void;
}

/**
 * Parses plain rows from `p` while they start before `fastEnd` (a position just after a line
 * break, so every such row has its line break in the buffer) and before `stop`; returns the
 * position of the first row it did not take.
 */
export type FastRows = (S: FastState, buf: Uint8Array, p: number, fastEnd: number, stop: number) => number;

const LF = 10;
const CR = 13;
const QUOTE = 34;

/** Generates the fast loop for `plan` (null when the plan has nothing it can speed up). */
export function compileFastRows(plan: ParsePlan): FastRows | null {
  const SEP = plan.sep;
  const H = plan.headerFields;
  const byField = new Map(plan.columns.map((c, j) => [c.field, { ...c, j }]));
  const lines: string[] = [];
  const slow = '{ p = rs; pendN = pend0; break outer; }';
  for (let f = 0; f < H; f++) {
    const lastField = f === H - 1;
    const term = lastField ? LF : SEP;
    // A field ends at `term` (CR LF accepted at the end of the last field); anything else is slow.
    const endCheck = lastField ? `if (buf[p] === ${CR}) p++; if (buf[p] !== ${LF}) ${slow} p++;` : `if (buf[p] !== ${SEP}) ${slow} p++;`;
    const col = byField.get(f);
    if (!col) {
      // A field no column reads: skipped, quoted or not (a quoted one may hold separators and
      // doubled quotes, not a line break: that row goes to the general parser, which counts lines).
      lines.push(`{ const fs = p; let c = buf[p];
        if (c === ${QUOTE}) { p++;
          for (;;) { c = buf[p];
            if (c === ${QUOTE}) { if (buf[p + 1] === ${QUOTE}) { p += 2; continue; } p++; break; }
            if (c === ${LF} || c === ${CR}) ${slow}
            p++; } }
        else { while (c !== ${SEP} && c !== ${LF}) { if (c === ${QUOTE}) ${slow} p++; c = buf[p]; }
          if (${lastField ? `c === ${LF} && p > fs && buf[p - 1] === ${CR}` : 'false'}) { p--; } } }`);
      lines.push(endCheck);
      continue;
    }
    const j = col.j;
    if (col.kind === K_FACTOR) {
      lines.push(`{ const fs = p; let w0 = 0, w1 = 0, w2 = 0, k = 0;
        for (;;) { const c = buf[p];
          if (c === ${term} || c === ${SEP} || c === ${LF} || c === ${CR} || c === ${QUOTE}) break;
          if (k < 4) w0 |= c << (k << 3); else if (k < 8) w1 |= c << ((k - 4) << 3); else if (k < 11) w2 |= c << ((k - 8) << 3);
          k++; p++; }
        if (k === 0 || buf[p] === ${QUOTE}) ${slow}
        if (k > 11) { S.pendN = pendN; S.internLong(${j}, buf, fs, p, n); pendN = S.pendN; pend0 = pendN; }
        else { pendCol[pendN] = ${j}; pendRow[pendN] = n; pendW0[pendN] = w0; pendW1[pendN] = w1; pendW2[pendN] = w2 | (k << 24); pendN++; } }`);
    } else if (col.kind === K_DATE) {
      const scale = col.ms ? ' * 86400000' : '';
      lines.push(`{ let d = isoDay(buf, p); if (d > -1e9) f${j} |= 1; else { d = dmyDay(buf, p); if (d > -1e9) f${j} |= 4; else ${slow} }
        p += 10; v${j}[n] = d${scale}; }`);
    } else if (col.kind === K_NUMBER) {
      const markOk = (ch: number): string => (ch === SEP ? 'false' : `c === ${ch}`);
      lines.push(`{ let neg = false; if (buf[p] === 45) { neg = true; p++; }
        let mant = 0, digits = 0, frac = 0, inFrac = 0, mark = 0;
        for (;;) { const c = buf[p]; const d = c - 48;
          if (d >= 0 && d <= 9) { mant = mant * 10 + d; digits++; frac += inFrac; p++; }
          else if (mark === 0 && (${markOk(46)} || ${markOk(44)})) { mark = c; inFrac = 1; p++; }
          else break; }
        if (digits === 0 || digits > 15) ${slow}
        const c = buf[p]; if (c !== ${term} && ${lastField ? `c !== ${CR}` : 'true'}) ${slow}
        const v = frac === 0 ? mant : mant / POW10[frac]; v${j}[n] = neg ? -v : v;
        if (mark !== 0) f${j} |= mark === 46 ? 1 : 2; }`);
    } else return null;
    lines.push(endCheck);
  }
  const decl: string[] = [];
  const flush: string[] = [];
  for (const c of plan.columns) {
    const j = plan.columns.indexOf(c);
    if (c.kind === K_DATE || c.kind === K_NUMBER) {
      decl.push(`const v${j} = S.values[${j}]; let f${j} = 0;`);
      flush.push(`S.flags[${j}] |= f${j};`);
    }
  }
  const body = `
    let n = S.n; const cap = S.cap; let pendN = S.pendN; const pendMax = S.pendMax;
    const pendCol = S.pendCol, pendRow = S.pendRow, pendW0 = S.pendW0, pendW1 = S.pendW1, pendW2 = S.pendW2;
    ${decl.join('\n    ')}
    const n0 = n;
    outer: while (p < fastEnd && p < stop && n < cap && pendN < pendMax) {
      const rs = p; let pend0 = pendN;
      if (buf[p] === ${LF} || buf[p] === ${CR}) break;
      ${lines.join('\n      ')}
      n++;
    }
    S.n = n; S.line += n - n0; S.pendN = pendN;
    ${flush.join(' ')}
    return p;`;
  const make = new Function('isoDay', 'dmyDay', 'POW10', `return function fastRows(S, buf, p, fastEnd, stop) {${body}\n};`) as (a: typeof isoDay, b: typeof dmyDay, c: Float64Array) => FastRows;
  return make(isoDay, dmyDay, POW10);
}

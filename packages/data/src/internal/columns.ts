import type { Message } from '@satlab/messages';
import { MissingRecorder as BaseMissingRecorder } from '../missingReasons.js';
import { InputError } from '../errors.js';
import { msg, reasons } from '../messages.js';
import type { ColumnSpec, DateColumn, DecimalMark, FactorColumn, MissingCode, NumericColumn, TextColumn } from '../types.js';
import { isMissingMarker, parseDate, parseNumber } from './values.js';

/** Where the cells come from and how to treat trouble, shared by all column builders. */
export interface BuildContext {
  file: string;
  /** 1-based file line of each row; null when the cells are not from a file (row number used). */
  lines: ArrayLike<number> | null;
  /** 1-based column number in the file. */
  column: number;
  decimal: DecimalMark;
  /** Out-of-scale values throw instead of becoming missing. */
  strict: boolean;
  unknownLevels: 'error' | 'missing';
  /** Warnings of the load (appended to). */
  warnings: Message[];
}

const lineOf = (ctx: BuildContext, i: number): number => (ctx.lines ? ctx.lines[i] : i + 1);

/** The loader's recorder: also knows empty cells and declared missing codes. */
export class MissingRecorder extends BaseMissingRecorder {
  /**
   * Marks row `i` missing when its trimmed cell `s` is empty or one of the declared missing
   * `codes`; true when it did (the cell holds no value to parse).
   */
  markIfMissing(i: number, s: string, codes: MissingCodes, decimal: DecimalMark): boolean {
    const r = s === '' ? reasons.empty() : codes.size > 0 ? codes.match(s, decimal) : undefined;
    if (r === undefined) return false;
    this.mark(i, r);
    return true;
  }
}

/** Declared missing codes: strings match as written (trimmed), numbers match numerically. */
export class MissingCodes {
  private readonly str = new Map<string, string>();
  private readonly num = new Map<number, string>();
  constructor(codes: readonly MissingCode[] | undefined) {
    for (const c of codes ?? []) {
      if (typeof c === 'number') this.num.set(c, reasons.code(c));
      else this.str.set(c, reasons.code(c));
    }
  }
  get size(): number {
    return this.str.size + this.num.size;
  }
  /** The missing reason of a trimmed, non-empty cell, or undefined. */
  match(s: string, decimal: DecimalMark): string | undefined {
    if (this.str.size > 0) {
      const r = this.str.get(s);
      if (r !== undefined) return r;
    }
    if (this.num.size > 0) {
      const x = parseNumber(s, decimal);
      if (!Number.isNaN(x)) return this.num.get(x);
    }
    return undefined;
  }
  /** True when `key` (as written in a codebook's labels) is one of the codes. */
  covers(key: string): boolean {
    if (this.str.has(key)) return true;
    const x = key.trim() === '' ? NaN : Number(key);
    return !Number.isNaN(x) && this.num.has(x);
  }
}

/** First bad value of a column and how many there were; thrown at the end of the column. */
class BadValues {
  first = -1;
  value = '';
  count = 0;
  add(i: number, value: string): void {
    if (this.count++ === 0) {
      this.first = i;
      this.value = value;
    }
  }
  throwIfAny(ctx: BuildContext, name: string, text: (value: string, others: number) => Message): void {
    if (this.count === 0) return;
    throw new InputError(text(this.value, this.count - 1), { file: ctx.file, line: lineOf(ctx, this.first), column: ctx.column, columnName: name, value: this.value });
  }
}

/** Values outside the declared scale: missing plus one warning, or an error in strict mode. */
class OutOfScale {
  count = 0;
  lines: number[] = [];
  constructor(
    private readonly ctx: BuildContext,
    private readonly name: string,
    private readonly scale: [number, number],
  ) {}
  add(i: number, value: string, missing: MissingRecorder): void {
    const ctx = this.ctx;
    if (ctx.strict) throw new InputError(msg.outOfScale({ value, scale: this.scale }), { file: ctx.file, line: lineOf(ctx, i), column: ctx.column, columnName: this.name, value });
    this.count++;
    if (this.lines.length < 5) this.lines.push(lineOf(ctx, i));
    missing.mark(i, reasons.outOfScale(this.scale));
  }
  warn(): void {
    if (this.count > 0) this.ctx.warnings.push(msg.warnOutOfScale({ column: this.name, count: this.count, scale: this.scale, lines: this.lines }));
  }
}

type Built<C> = Omit<C, 'name' | 'label' | 'inferred'>;

/** A numeric column: numbers with the file's decimal mark, missing codes, scale. */
export function buildNumeric(name: string, cells: readonly string[], spec: ColumnSpec, ctx: BuildContext): Built<NumericColumn> {
  const n = cells.length;
  const values = new Float64Array(n);
  const missing = new MissingRecorder(n);
  const codes = new MissingCodes(spec.missing);
  const bad = new BadValues();
  const scale = spec.scale;
  const oos = scale ? new OutOfScale(ctx, name, scale) : null;
  const decimal = ctx.decimal;
  for (let i = 0; i < n; i++) {
    const s = cells[i].trim();
    values[i] = NaN;
    if (missing.markIfMissing(i, s, codes, decimal)) continue;
    const x = parseNumber(s, decimal);
    if (Number.isNaN(x)) {
      if (isMissingMarker(s)) missing.mark(i, reasons.code(s));
      else bad.add(i, s);
      continue;
    }
    if (scale && (x < scale[0] || x > scale[1])) {
      (oos as OutOfScale).add(i, s, missing);
      continue;
    }
    values[i] = x;
  }
  bad.throwIfAny(ctx, name, (v, others) => msg.notANumber({ value: v, decimal, others }));
  oos?.warn();
  const col: Built<NumericColumn> = { type: 'numeric', values, ...missing.result() };
  if (scale) col.scale = [scale[0], scale[1]];
  if (spec.labels) col.valueLabels = { ...spec.labels };
  return col;
}

/** A date column: ISO or DD/MM/YYYY, as ms since 1970 UTC. */
export function buildDate(name: string, cells: readonly string[], spec: ColumnSpec, ctx: BuildContext): Built<DateColumn> {
  const n = cells.length;
  const values = new Float64Array(n);
  const missing = new MissingRecorder(n);
  const codes = new MissingCodes(spec.missing);
  const bad = new BadValues();
  for (let i = 0; i < n; i++) {
    const s = cells[i].trim();
    values[i] = NaN;
    if (missing.markIfMissing(i, s, codes, ctx.decimal)) continue;
    const d = parseDate(s);
    if (d !== null) values[i] = d.ms;
    else if (isMissingMarker(s)) missing.mark(i, reasons.code(s));
    else bad.add(i, s);
  }
  bad.throwIfAny(ctx, name, (v, others) => msg.notADate({ value: v, others }));
  return { type: 'date', values, ...missing.result() };
}

/** An id or text column: trimmed strings, null when missing; duplicated ids are a warning. */
export function buildText(name: string, cells: readonly string[], spec: ColumnSpec, ctx: BuildContext): Built<TextColumn> {
  const n = cells.length;
  const values = new Array<string | null>(n);
  const missing = new MissingRecorder(n);
  const codes = new MissingCodes(spec.missing);
  const isId = spec.type === 'id';
  const seen = isId ? new Map<string, number>() : null;
  let dups = 0;
  let dupValue = '';
  let dupLines: number[] = [];
  for (let i = 0; i < n; i++) {
    const s = cells[i].trim();
    values[i] = null;
    if (missing.markIfMissing(i, s, codes, ctx.decimal)) continue;
    values[i] = s;
    if (seen) {
      const first = seen.get(s);
      if (first === undefined) seen.set(s, i);
      else if (dups++ === 0) {
        dupValue = s;
        dupLines = [lineOf(ctx, first), lineOf(ctx, i)];
      }
    }
  }
  if (dups > 0) ctx.warnings.push(msg.warnDuplicateIds({ column: name, count: dups, value: dupValue, lines: dupLines }));
  return { type: spec.type === 'id' ? 'id' : 'text', values, ...missing.result() };
}

const isNumericKey = (k: string): boolean => k.trim() !== '' && Number.isFinite(Number(k));

/**
 * A categorical or ordinal column. Levels, in order of preference: `levels` (labels map codes to
 * them; ordinal scores are the codes when every level has a numeric code, else 1..k); `labels`
 * alone (numeric codes sorted, every integer of an ordinal's scale included, scores = codes);
 * an ordinal `scale` alone (its integers); a categorical without either: order of first
 * appearance; an ordinal without either: the distinct numbers found, sorted.
 */
export function buildFactor(name: string, cells: readonly string[], spec: ColumnSpec, ctx: BuildContext, opts: { declared: boolean }): Built<FactorColumn> {
  const n = cells.length;
  const ordinal = spec.type === 'ordinal';
  const codes = new MissingCodes(spec.missing);
  const levels: string[] = [];
  let scores: number[] | null = null;
  const lookup = new Map<string, number>();
  const numLookup = new Map<number, number>();
  let discover: 'none' | 'appearance' | 'numeric' = 'none';
  const labelEntries = Object.entries(spec.labels ?? {}).filter(([k]) => !codes.covers(k));

  if (spec.levels) {
    spec.levels.forEach((l, k) => {
      levels.push(l);
      lookup.set(l, k);
    });
    const codeOfLevel = new Array<number>(levels.length).fill(NaN);
    for (const [code, label] of labelEntries) {
      const k = levels.indexOf(label);
      if (k < 0) continue;
      lookup.set(code, k);
      if (isNumericKey(code)) {
        numLookup.set(Number(code), k);
        codeOfLevel[k] = Number(code);
      }
    }
    if (ordinal) scores = codeOfLevel.every((c) => !Number.isNaN(c)) ? codeOfLevel : levels.map((_, k) => k + 1);
  } else if (labelEntries.length > 0) {
    const allNumeric = labelEntries.every(([k]) => isNumericKey(k));
    if (allNumeric) {
      const byCode = new Map<number, string>(labelEntries.map(([k, l]) => [Number(k), l]));
      let points = [...byCode.keys()].sort((a, b) => a - b);
      const sc = spec.scale;
      if (ordinal && sc) {
        const lo = Math.ceil(sc[0]);
        const hi = Math.floor(sc[1]);
        if (hi - lo <= 1000 && points.every((p) => Number.isInteger(p) && p >= lo && p <= hi)) {
          points = [];
          for (let v = lo; v <= hi; v++) points.push(v);
        }
      }
      points.forEach((v, k) => {
        const label = byCode.get(v) ?? String(v);
        levels.push(label);
        lookup.set(label, k);
        lookup.set(String(v), k);
        numLookup.set(v, k);
      });
      for (const [code, label] of labelEntries) lookup.set(code, levels.indexOf(label));
      if (ordinal) scores = points;
    } else {
      labelEntries.forEach(([code, label], k) => {
        levels.push(label);
        lookup.set(label, k);
        lookup.set(code, k);
      });
      if (ordinal) scores = levels.map((_, k) => k + 1);
    }
  } else if (ordinal && spec.scale) {
    const lo = Math.ceil(spec.scale[0]);
    const hi = Math.floor(spec.scale[1]);
    const pts: number[] = [];
    for (let v = lo; v <= hi; v++) pts.push(v);
    pts.forEach((v, k) => {
      levels.push(String(v));
      lookup.set(String(v), k);
      numLookup.set(v, k);
    });
    scores = pts;
  } else if (ordinal) {
    discover = 'numeric';
  } else {
    discover = 'appearance';
    if (opts.declared) ctx.warnings.push(msg.warnLevelsByAppearance({ column: name }));
  }

  const result = new Int32Array(n).fill(-1);
  const missing = new MissingRecorder(n);
  const bad = new BadValues();
  const scale = spec.scale;
  const oos = scale ? new OutOfScale(ctx, name, scale) : null;
  const unknownValues = new Set<string>();
  const unknownLines: number[] = [];
  let unknownCount = 0;
  const numbers = discover === 'numeric' ? new Float64Array(n).fill(NaN) : null;

  for (let i = 0; i < n; i++) {
    const s = cells[i].trim();
    if (missing.markIfMissing(i, s, codes, ctx.decimal)) continue;
    if (numbers) {
      const x = parseNumber(s, ctx.decimal);
      if (Number.isNaN(x)) throw new InputError(msg.ordinalNeedsOrder({ value: s }), { file: ctx.file, line: lineOf(ctx, i), column: ctx.column, columnName: name, value: s });
      if (scale && (x < scale[0] || x > scale[1])) (oos as OutOfScale).add(i, s, missing);
      else numbers[i] = x;
      continue;
    }
    let k = lookup.get(s);
    if (k === undefined) {
      const nfc = s.normalize('NFC');
      k = lookup.get(nfc);
      if (k === undefined && discover === 'appearance') {
        k = levels.length;
        levels.push(nfc);
        lookup.set(nfc, k);
        if (nfc !== s) lookup.set(s, k);
      }
    }
    let x = NaN;
    if (k === undefined && (numLookup.size > 0 || scale)) {
      x = parseNumber(s, ctx.decimal);
      if (!Number.isNaN(x)) k = numLookup.get(x);
    }
    if (k === undefined) {
      if (scale && !Number.isNaN(x) && (x < scale[0] || x > scale[1])) (oos as OutOfScale).add(i, s, missing);
      else if (ctx.unknownLevels === 'error' || ctx.strict) bad.add(i, s);
      else {
        unknownCount++;
        if (unknownValues.size < 10) unknownValues.add(s);
        if (unknownLines.length < 5) unknownLines.push(lineOf(ctx, i));
        missing.mark(i, reasons.unknownLevel());
      }
      continue;
    }
    result[i] = k;
  }
  bad.throwIfAny(ctx, name, (v, others) => msg.notALevel({ value: v, levels, others }));
  oos?.warn();
  if (unknownCount > 0) ctx.warnings.push(msg.warnUnknownLevels({ column: name, count: unknownCount, values: [...unknownValues], lines: unknownLines }));

  if (numbers) {
    const distinct = [...new Set(numbers.filter((v) => !Number.isNaN(v)))].sort((a, b) => a - b);
    const at = new Map<number, number>(distinct.map((v, k) => [v, k]));
    for (let i = 0; i < n; i++) if (!Number.isNaN(numbers[i])) result[i] = at.get(numbers[i]) as number;
    for (const v of distinct) levels.push(String(v));
    scores = distinct;
  }
  const col: Built<FactorColumn> = { type: ordinal ? 'ordinal' : 'categorical', codes: result, levels, ...missing.result() };
  if (ordinal) col.scores = Float64Array.from(scores ?? levels.map((_, k) => k + 1));
  return col;
}

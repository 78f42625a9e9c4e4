import type { Codebook, Column, ColumnSpec, FactorColumn, Table } from '@satlab/data';
import { InputError, MissingRecorder, missingReasonAt } from '@satlab/data';
import type { CodebookDiff, ScaleDescription } from './diffCodebooks.js';
import { diffCodebooks, scaleOf } from './diffCodebooks.js';
import { codebookOfTable } from './internal/codebookOfTable.js';

import type { Message } from '@satlab/messages';
import { describeScale, M, msg } from './messages.js';

/** One wave handed to {@link stackWaves}. */
export interface WaveInput {
  /** The wave's respondents (as `loadTable` returns them). */
  table: Table;
  /** Wave name, e.g. "Vague 3" or "2025-07". Unique. */
  label: string;
  /** Fieldwork date, ISO `YYYY-MM-DD` (optional; kept for charts and the report). */
  date?: string;
  /** The wave's questionnaire. Default: described from the table's columns as loaded. */
  codebook?: Codebook;
  /** The data file, for messages and provenance. */
  file?: string;
}

/**
 * How to put an item answered on another scale onto the reference scale, with the rule stated.
 * `linear`: y = to₀ + (x − from₀)·(to₁ − to₀)/(from₁ − from₀) (endpoints kept, e.g. 1–5 → 1, 1.75,
 * 2.5, 3.25, 4; the item becomes numeric). `recode`: each answer value mapped to a value of the
 * `to` scale (e.g. `{ 1: 1, 2: 2, 3: 2, 4: 3, 5: 4 }`), which keeps categories and top-box shares.
 */
export type ScaleMapping =
  | { method: 'linear'; from: [number, number]; to: [number, number]; rule?: string; waves?: string[] }
  | { method: 'recode'; from: [number, number]; to: [number, number]; map: Record<string, number>; rule?: string; waves?: string[] };

/** Options of {@link stackWaves}. */
export interface StackWavesOptions {
  /** Name of the wave column added to the stacked table. Default `"wave"`. */
  waveColumn?: string;
  /** Item name (the latest wave's name) → mapping of a changed scale. Default: none (a changed scale is refused). */
  scaleMap?: Record<string, ScaleMapping>;
  /** Stack only these columns (latest names). Default: every column of every wave. */
  columns?: readonly string[];
}

/** A scale mapping that was applied. */
export interface AppliedMapping {
  item: string;
  wave: string;
  from: [number, number];
  to: [number, number];
  method: 'linear' | 'recode';
  /** The rule in words. */
  rule: string;
}

/** Result of {@link stackWaves}. */
export interface StackedWaves {
  /** All respondents, waves in the order given, with the wave column (ordinal: levels = labels, scores 1, 2, …) first. */
  table: Table;
  waveColumn: string;
  waves: { label: string; date: string | null; n: number; file: string | null }[];
  /** Questionnaire differences between consecutive waves (wave i − 1 → wave i). */
  diffs: { from: string; to: string; diff: CodebookDiff }[];
  /** Renamed items, read under their latest name. */
  renamed: { wave: string; from: string; to: string; rule: string }[];
  mapped: AppliedMapping[];
  /** The stacked table's codebook: the latest declaration of each item (mapped scales applied). */
  codebook: Codebook;
  warnings: Message[];
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;

type Piece =
  | { kind: 'num'; values: Float64Array; labels: Map<number, string> | null; scale?: [number, number]; col: Column }
  | { kind: 'cat'; values: (string | null)[]; levels: string[]; col: Column }
  | { kind: 'date'; values: Float64Array; col: Column }
  | { kind: 'text'; values: (string | null)[]; col: Column };

function pieceOf(col: Column): Piece {
  switch (col.type) {
    case 'numeric':
      return { kind: 'num', values: col.values, labels: col.valueLabels ? new Map(Object.entries(col.valueLabels).map(([k, v]) => [Number(k), v])) : null, ...(col.scale ? { scale: col.scale } : {}), col };
    case 'ordinal': {
      const scores = col.scores ?? Float64Array.from(col.levels, (_, k) => k + 1);
      const values = new Float64Array(col.codes.length);
      for (let i = 0; i < values.length; i++) values[i] = col.codes[i] < 0 ? NaN : scores[col.codes[i]];
      return { kind: 'num', values, labels: new Map(col.levels.map((l, k) => [scores[k], l])), col };
    }
    case 'categorical':
      return { kind: 'cat', values: Array.from(col.codes, (k) => (k < 0 ? null : col.levels[k])), levels: col.levels, col };
    case 'date':
      return { kind: 'date', values: col.values, col };
    default:
      return { kind: 'text', values: col.values, col };
  }
}

function sameScale(a: [number, number] | undefined, b: [number, number] | undefined): boolean {
  return (a === undefined && b === undefined) || (a !== undefined && b !== undefined && a[0] === b[0] && a[1] === b[1]);
}

function checkMapping(item: string, m: ScaleMapping): void {
  const isPair = (v: unknown): v is [number, number] => Array.isArray(v) && v.length === 2 && v.every((x) => typeof x === 'number' && Number.isFinite(x)) && v[0] < v[1];
  if (m === null || typeof m !== 'object') throw new InputError(msg.scaleMapBad(item, 'expected { method, from, to }'));
  if (!isPair(m.from)) throw new InputError(msg.scaleMapBad(item, `from must be [min, max], got ${JSON.stringify(m.from)}`));
  if (!isPair(m.to)) throw new InputError(msg.scaleMapBad(item, `to must be [min, max], got ${JSON.stringify(m.to)}`));
  if (m.method === 'recode') {
    if (m.map === null || typeof m.map !== 'object') throw new InputError(msg.scaleMapBad(item, 'recode needs map: { value: newValue }'));
    for (const [k, v] of Object.entries(m.map)) {
      if (typeof v !== 'number' || !Number.isFinite(v) || v < m.to[0] || v > m.to[1]) throw new InputError(msg.scaleMapBad(item, `map["${k}"] must be a number on the "to" scale ${m.to[0]}-${m.to[1]}, got ${JSON.stringify(v)}`));
    }
  } else if (m.method !== 'linear') {
    throw new InputError(msg.scaleMapBad(item, `method must be "linear" or "recode", got ${JSON.stringify((m as { method?: unknown }).method)}`));
  }
  if (sameScale(m.from, m.to) && !(Array.isArray(m.waves) && m.waves.length > 0)) {
    throw new InputError(msg.scaleMapBad(item, 'from and to are the same scale: say which waves to recode with `waves`'));
  }
}

function mappingRule(m: ScaleMapping): string {
  if (m.rule) return m.rule;
  if (m.method === 'linear') return `linear ${m.from[0]}-${m.from[1]} → ${m.to[0]}-${m.to[1]}: y = ${m.to[0]} + (x − ${m.from[0]}) × ${(m.to[1] - m.to[0])}/${(m.from[1] - m.from[0])}`;
  return `recode ${Object.entries(m.map).map(([k, v]) => `${k}→${v}`).join(', ')}`;
}

/**
 * Stacks barometer waves (one table per wave) into one table with a wave column, after checking
 * that the questionnaires match. Consecutive waves' codebooks are compared with
 * {@link diffCodebooks}: renamed items (same label, or same position and scale) are read under
 * their latest name; items absent from a wave are missing there (reason "not in <wave>");
 * an item whose answer scale changed is **refused** with an `InputError` naming the item and both
 * scales, unless `scaleMap` maps it (`linear` or `recode`, the rule recorded in `mapped`); a
 * changed type (e.g. numeric → categorical) is always refused.
 *
 * Columns are merged by kind: numbers and ordinal scores (ordinal levels joined by score, labels
 * from the latest wave), categories (levels of the latest wave first, then earlier ones), dates,
 * text. A column of the files with the wave column's name is replaced by the wave label.
 *
 * @param waves The waves, oldest first.
 * @param opts Wave column name, scale mappings, columns to keep (see {@link StackWavesOptions}).
 * @throws {InputError} A changed scale without mapping, a changed type, a bad mapping or a value
 *   the recode map does not cover (message names the item, the waves and both scales; location:
 *   the later wave's codebook file and the item).
 * @throws {TypeError} No waves, a wave that is not a table, a missing or duplicate label, a date
 *   that is not ISO.
 * @example
 * import { loadTable } from '@satlab/data';
 * const load = (w: number) => loadTable(`datasets/barometer/wave-${w}.csv`, { codebook: 'datasets/barometer/codebook.yaml' }).table;
 * const s = stackWaves([{ table: load(1), label: 'Vague 1' }, { table: load(2), label: 'Vague 2' }]);
 * s.table.nRows; //=> 3000
 * s.table.columns[0]; //=> { name: 'wave', type: 'ordinal', levels: ['Vague 1', 'Vague 2'], … }
 */
export function stackWaves(waves: readonly WaveInput[], opts: StackWavesOptions = {}): StackedWaves {
  const fn = 'stackWaves';
  if (!Array.isArray(waves as unknown) || waves.length === 0) throw new TypeError(msg.noWaves(fn));
  const labels: string[] = [];
  waves.forEach((w, i) => {
    if (!w || typeof w !== 'object' || !w.table || !Array.isArray(w.table.columns) || typeof w.table.nRows !== 'number') throw new TypeError(msg.waveNotTable(fn, i));
    if (typeof w.label !== 'string' || w.label.trim() === '') throw new TypeError(msg.waveLabel(fn, i, w.label));
    if (labels.includes(w.label)) throw new TypeError(msg.duplicateWave(fn, w.label));
    if (w.date !== undefined && !(typeof w.date === 'string' && ISO.test(w.date))) throw new TypeError(msg.badDate(fn, i, w.date));
    labels.push(w.label);
  });
  const waveColumn = opts.waveColumn ?? 'wave';
  const scaleMap = opts.scaleMap ?? {};
  for (const [item, m] of Object.entries(scaleMap)) checkMapping(item, m);
  const warnings: Message[] = [];
  const k = waves.length;
  const books = waves.map((w) => w.codebook ?? codebookOfTable(w.table, w.file ?? w.label));
  const bookFile = (i: number): string => waves[i].codebook?.file ?? waves[i].file ?? waves[i].label;

  // 1. Questionnaire differences between consecutive waves.
  const diffs = waves.slice(1).map((w, j) => ({ from: labels[j], to: w.label, diff: diffCodebooks(books[j], books[j + 1]) }));

  // 2. Names: each wave's item → its latest name.
  const toLatest: Map<string, string>[] = new Array(k);
  toLatest[k - 1] = new Map(Object.keys(books[k - 1].columns).map((n) => [n, n]));
  for (let i = k - 2; i >= 0; i--) {
    const step = new Map(diffs[i].diff.renamed.map((r) => [r.from, r.to]));
    const m = new Map<string, string>();
    for (const n of new Set([...Object.keys(books[i].columns), ...waves[i].table.columns.map((c) => c.name)])) {
      const next = step.get(n) ?? n;
      m.set(n, toLatest[i + 1].get(next) ?? next);
    }
    toLatest[i] = m;
  }
  const latest = (i: number, name: string): string => toLatest[i].get(name) ?? name;
  const renamed: StackedWaves['renamed'] = [];
  diffs.forEach((d, j) => {
    for (const r of d.diff.renamed) {
      renamed.push({ wave: labels[j], from: r.from, to: r.to, rule: r.rule });
      warnings.push(M.renamedApplied({ from: r.from, to: latest(j + 1, r.to), wave: labels[j], rule: r.rule }));
    }
  });
  const wanted = opts.columns ? new Set(opts.columns) : null;
  const keep = (name: string): boolean => name !== waveColumn && (wanted === null || wanted.has(name));

  // 3. Types: refuse incompatible changes.
  diffs.forEach((d, j) => {
    for (const t of d.diff.typeChanged) {
      if (!keep(latest(j + 1, t.item))) continue;
      const textLike = (x: string): boolean => x === 'id' || x === 'text';
      if (textLike(t.from) && textLike(t.to)) continue;
      throw new InputError(msg.typeChangedRefused(t.item, labels[j], t.from, labels[j + 1], t.to), { file: bookFile(j + 1), columnName: t.item });
    }
  });

  // 4. Scales: the effective scale of each item in each wave, after mapping; all must agree.
  const mapped: AppliedMapping[] = [];
  const mappingFor: Map<string, ScaleMapping>[] = waves.map(() => new Map());
  const used = new Set<string>();
  const specOf = (i: number, item: string): ColumnSpec | undefined => {
    for (const [n, spec] of Object.entries(books[i].columns)) if (latest(i, n) === item) return spec;
    return undefined;
  };
  const items = new Set<string>();
  waves.forEach((w, i) => Object.keys(books[i].columns).forEach((n) => items.add(latest(i, n))));
  for (const item of items) {
    if (!keep(item)) continue;
    const m = scaleMap[item];
    const eff: (ScaleDescription | undefined)[] = waves.map((_, i) => {
      const spec = specOf(i, item);
      if (!spec || (spec.type !== 'numeric' && spec.type !== 'ordinal')) return spec ? scaleOf(spec) : undefined;
      const d = scaleOf(spec);
      if (m && d.scale && sameScale(d.scale, m.from) && (m.waves === undefined || m.waves.includes(labels[i]))) {
        mappingFor[i].set(item, m);
        used.add(item);
        mapped.push({ item, wave: labels[i], from: [...m.from], to: [...m.to], method: m.method, rule: mappingRule(m) });
        const labelsTo = specOf(k - 1, item)?.labels;
        return { type: m.method === 'linear' ? 'numeric' : spec.type, scale: [...m.to], ...(labelsTo ? { labels: labelsTo } : {}), text: describeScale({ scale: m.to }) };
      }
      return d;
    });
    // Refuse the first pair of consecutive waves (holding the item) that still disagree.
    let prev = -1;
    for (let i = 0; i < k; i++) {
      const e = eff[i];
      if (!e || (e.type !== 'numeric' && e.type !== 'ordinal')) continue;
      if (prev >= 0) {
        const p = eff[prev] as ScaleDescription;
        let change: CodebookDiff['scaleChanged'][number] | undefined;
        for (let j = prev; j < i && !change; j++) change = diffs[j].diff.scaleChanged.find((s) => latest(j + 1, s.item) === item);
        const boundsDiffer = !sameScale(p.scale, e.scale);
        const mappedHere = mappingFor[i].has(item) || mappingFor[prev].has(item);
        if (boundsDiffer || (change !== undefined && !mappedHere)) {
          const from = change && !boundsDiffer ? change.from.text : p.text;
          const to = change && !boundsDiffer ? change.to.text : e.text;
          throw new InputError(msg.scaleChangedRefused(item, labels[prev], from, labels[i], to), { file: bookFile(i), columnName: item });
        }
      }
      prev = i;
    }
  }
  for (const item of Object.keys(scaleMap)) if (!used.has(item)) warnings.push(M.scaleMapUnused({ item }));

  // 5. Stack.
  const nRows = waves.reduce((s, w) => s + w.table.nRows, 0);
  const offsets: number[] = [];
  let acc = 0;
  for (const w of waves) {
    offsets.push(acc);
    acc += w.table.nRows;
  }
  const order: string[] = [];
  const seen = new Set<string>();
  for (let i = k - 1; i >= 0; i--) {
    for (const c of waves[i].table.columns) {
      const name = latest(i, c.name);
      if (!keep(name) || seen.has(name)) continue;
      seen.add(name);
      order.push(name);
    }
  }
  // Column order: the latest wave's order, then columns only earlier waves have.
  const latestNames = waves[k - 1].table.columns.map((c) => c.name).filter((n) => keep(n));
  const rest = order.filter((n) => !latestNames.includes(n));
  const names = [...latestNames, ...rest];

  waves.forEach((w) => {
    const own = w.table.columns.find((c) => c.name === waveColumn);
    if (!own) return;
    // Silent when the file's own wave column holds one value (the usual wave number); noted otherwise.
    const seenValues = new Set<string>();
    for (let r = 0; r < w.table.nRows && seenValues.size < 2; r++) {
      const c = own;
      const v = 'codes' in c ? String(c.codes[r]) : String(c.values[r]);
      seenValues.add(v);
    }
    if (seenValues.size > 1) warnings.push(M.waveColumnReplaced({ column: waveColumn, wave: w.label }));
  });

  const out: Column[] = [];
  const waveCodes = new Int32Array(nRows);
  waves.forEach((w, i) => waveCodes.fill(i, offsets[i], offsets[i] + w.table.nRows));
  out.push({ name: waveColumn, type: 'ordinal', label: 'Wave', codes: waveCodes, levels: [...labels], scores: Float64Array.from(labels, (_, j) => j + 1), missing: { count: 0, byReason: {} }, inferred: false });

  const cbColumns: Record<string, ColumnSpec> = { [waveColumn]: { type: 'ordinal', label: 'Wave', levels: [...labels] } };
  for (const name of names) {
    const pieces: (Piece | null)[] = waves.map((w, i) => {
      const col = w.table.columns.find((c) => latest(i, c.name) === name && c.name !== waveColumn);
      return col ? pieceOf(col) : null;
    });
    const absent = labels.filter((_, i) => pieces[i] === null);
    if (absent.length > 0 && absent.length < k) warnings.push(M.itemAbsent({ wave: absent.join(', '), items: [name] }));
    const present = pieces.filter((p): p is Piece => p !== null);
    const rec = new MissingRecorder(nRows);
    const latestPiece = [...pieces].reverse().find((p) => p !== null) as Piece;
    const label = latestPiece.col.label;
    const base = { name, ...(label !== undefined ? { label } : {}), inferred: present.every((p) => p.col.inferred) };
    const kinds = new Set(present.map((p) => p.kind));
    const linear = waves.some((_, i) => mappingFor[i].get(name)?.method === 'linear');
    let column: Column;
    if (kinds.size === 1 && kinds.has('num') || (kinds.size > 1 && [...kinds].every((x) => x === 'num'))) {
      // Numbers and ordinal scores, mapped where asked.
      const values = new Float64Array(nRows);
      const scoreLabels = new Map<number, string>();
      pieces.forEach((p, i) => {
        const off = offsets[i];
        const nw = waves[i].table.nRows;
        if (p === null) {
          for (let r = 0; r < nw; r++) {
            values[off + r] = NaN;
            rec.mark(off + r, msg.notInWave(labels[i]));
          }
          return;
        }
        if (p.kind !== 'num') return;
        const m = mappingFor[i].get(name);
        for (let r = 0; r < nw; r++) {
          let x = p.values[r];
          if (Number.isNaN(x)) {
            values[off + r] = NaN;
            rec.mark(off + r, missingReasonAt(p.col, r) ?? 'missing');
            continue;
          }
          if (m?.method === 'linear') x = m.to[0] + ((x - m.from[0]) * (m.to[1] - m.to[0])) / (m.from[1] - m.from[0]);
          else if (m?.method === 'recode') {
            const y = m.map[String(x)];
            if (y === undefined) throw new InputError(msg.scaleMapValue(name, labels[i], x), { file: waves[i].file ?? labels[i], columnName: name, value: String(x) });
            x = y;
          }
          values[off + r] = x;
        }
      });
      // Labels by score: the latest wave that is not mapped gives them.
      for (let i = 0; i < k; i++) {
        const p = pieces[i];
        if (p?.kind === 'num' && p.labels && !mappingFor[i].has(name)) for (const [s, l] of p.labels) scoreLabels.set(s, l);
      }
      const allOrdinal = present.every((p) => p.col.type === 'ordinal') && !linear;
      if (allOrdinal) {
        const scores = [...new Set([...values].filter((x) => !Number.isNaN(x)).concat([...scoreLabels.keys()]))].sort((a, b) => a - b);
        const at = new Map(scores.map((s, j) => [s, j]));
        const codes = new Int32Array(nRows);
        for (let r = 0; r < nRows; r++) codes[r] = Number.isNaN(values[r]) ? -1 : (at.get(values[r]) as number);
        const levels = scores.map((s) => scoreLabels.get(s) ?? String(s));
        column = { ...base, type: 'ordinal', codes, levels, scores: Float64Array.from(scores), ...rec.result() } as FactorColumn;
      } else {
        const scale = (latestPiece.kind === 'num' ? latestPiece.scale : undefined) ?? mapped.find((a) => a.item === name)?.to;
        const valueLabels = latestPiece.col.type === 'numeric' ? latestPiece.col.valueLabels : undefined;
        column = { ...base, type: 'numeric', values, ...(scale ? { scale: [scale[0], scale[1]] as [number, number] } : {}), ...(valueLabels && !linear ? { valueLabels } : {}), ...rec.result() };
      }
    } else if (kinds.size === 1 && kinds.has('cat')) {
      const levels: string[] = [];
      for (let i = k - 1; i >= 0; i--) {
        const p = pieces[i];
        if (p?.kind === 'cat') for (const l of p.levels) if (!levels.includes(l)) levels.push(l);
      }
      // Keep the latest wave's order; earlier-only levels follow in their own order.
      const latestLevels = latestPiece.kind === 'cat' ? latestPiece.levels : [];
      const ordered = [...latestLevels, ...levels.filter((l) => !latestLevels.includes(l))];
      const at = new Map(ordered.map((l, j) => [l, j]));
      const codes = new Int32Array(nRows);
      pieces.forEach((p, i) => {
        const off = offsets[i];
        for (let r = 0; r < waves[i].table.nRows; r++) {
          const v = p?.kind === 'cat' ? p.values[r] : null;
          if (v === null) {
            codes[off + r] = -1;
            rec.mark(off + r, p === null ? msg.notInWave(labels[i]) : (missingReasonAt(p.col, r) ?? 'missing'));
          } else codes[off + r] = at.get(v) as number;
        }
      });
      column = { ...base, type: 'categorical', codes, levels: ordered, ...rec.result() };
    } else if (kinds.size === 1 && kinds.has('date')) {
      const values = new Float64Array(nRows);
      pieces.forEach((p, i) => {
        const off = offsets[i];
        for (let r = 0; r < waves[i].table.nRows; r++) {
          const x = p?.kind === 'date' ? p.values[r] : NaN;
          values[off + r] = x;
          if (Number.isNaN(x)) rec.mark(off + r, p === null ? msg.notInWave(labels[i]) : (missingReasonAt(p.col, r) ?? 'missing'));
        }
      });
      column = { ...base, type: 'date', values, ...rec.result() };
    } else {
      // Text, ids, or a mix the codebook diff let through (id ↔ text): kept as text.
      const values: (string | null)[] = new Array(nRows);
      pieces.forEach((p, i) => {
        const off = offsets[i];
        for (let r = 0; r < waves[i].table.nRows; r++) {
          let v: string | null = null;
          if (p !== null) {
            const c = p.col;
            if (c.type === 'id' || c.type === 'text') v = c.values[r];
            else if (c.type === 'categorical' || c.type === 'ordinal') v = c.codes[r] < 0 ? null : c.levels[c.codes[r]];
            else if (c.type === 'numeric' || c.type === 'date') v = Number.isNaN(c.values[r]) ? null : String(c.values[r]);
          }
          values[off + r] = v;
          if (v === null) rec.mark(off + r, p === null ? msg.notInWave(labels[i]) : (missingReasonAt(p.col, r) ?? 'missing'));
        }
      });
      const allId = present.every((p) => p.col.type === 'id');
      column = { ...base, type: allId ? 'id' : 'text', values, ...rec.result() };
    }
    out.push(column);
    // Codebook of the stacked table: the latest declaration, with a mapped scale where one applies.
    let spec: ColumnSpec | undefined;
    for (let i = k - 1; i >= 0 && !spec; i--) spec = specOf(i, name);
    if (spec) {
      const m = mapped.find((a) => a.item === name);
      cbColumns[name] = linear && m ? { type: 'numeric', ...(spec.label ? { label: spec.label } : {}), scale: [...m.to] } : { ...spec };
    } else {
      cbColumns[name] = { type: column.type };
    }
  }

  return {
    table: { nRows, columns: out },
    waveColumn,
    waves: waves.map((w) => ({ label: w.label, date: w.date ?? null, n: w.table.nRows, file: w.file ?? null })),
    diffs,
    renamed,
    mapped,
    codebook: { file: `<stacked: ${labels.join(', ')}>`, ...(books[k - 1].name ? { name: books[k - 1].name } : {}), columns: cbColumns, warnings: [] },
    warnings,
  };
}

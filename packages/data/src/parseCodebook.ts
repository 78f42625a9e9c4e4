import type { Message } from '@satlab/messages';
import { createRequire } from 'node:module';
import { InputError } from './errors.js';
import { msg } from './messages.js';
import type { Codebook, ColumnSpec, ColumnType, MissingCode } from './types.js';

const TYPES: readonly ColumnType[] = ['numeric', 'ordinal', 'categorical', 'date', 'id', 'text'];
const KNOWN_KEYS = new Set(['type', 'label', 'scale', 'missing', 'labels', 'levels', 'name']);
/** Keys people add for their own notes; accepted without a warning. */
const NOTE_KEYS = new Set(['description', 'note', 'notes', 'unit', 'question', 'comment']);

const show = (v: unknown): string => {
  const s = JSON.stringify(v);
  return s === undefined ? String(v) : s.length > 60 ? s.slice(0, 57) + '...' : s;
};
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Parses and validates a codebook written in YAML or JSON (JSON is YAML): `columns` maps each
 * column name to `{ type, label?, scale?, missing?, labels?, levels? }` (the brief's shared
 * contract); `columns` may also be a list of such objects with a `name`. Level and label values
 * are kept as strings (YAML `1` in `levels` becomes `"1"`), and a single missing code may be
 * written without brackets. Unknown keys are ignored with a warning in `codebook.warnings`.
 *
 * @param text The codebook's text.
 * @param fileName Named in error messages and kept as `codebook.file`.
 * @throws {InputError} Naming the codebook file and the column key: YAML/JSON syntax (with its
 *   line), no `columns`, a missing or unknown `type`, `scale` not `[min, max]` (numbers,
 *   min ≤ max) or on a non-numeric type, `missing` not codes, `levels` not strings or listed
 *   twice, `labels` not value → string, two codes with the same label, a label that is not one of
 *   the `levels` when both are given.
 * @example
 * parseCodebook('columns:\n  q1: { type: ordinal, scale: [1, 4], missing: [9] }\n', 'cb.yaml').columns;
 * //=> { q1: { type: 'ordinal', scale: [1, 4], missing: [9] } }
 * parseCodebook('columns:\n  q1: { type: note }\n', 'cb.yaml'); //=> throws InputError
 */
export function parseCodebook(text: string, fileName: string): Codebook {
  let doc: unknown;
  try {
    doc = yaml().parse(text.replace(/^\uFEFF/, ''), { uniqueKeys: true });
  } catch (err) {
    const e = err as Error & { linePos?: { line: number; col: number }[] };
    const pos = e.linePos?.[0];
    throw new InputError(msg.codebookSyntax({ detail: e.message.split('\n')[0] }), { file: fileName, ...(pos ? { line: pos.line, column: pos.col } : {}) });
  }
  if (!isObject(doc)) throw new InputError(msg.codebookNotObject(), { file: fileName });
  const raw = doc.columns;
  let entries: [string, unknown][];
  if (Array.isArray(raw)) {
    entries = raw.map((c, i) => {
      if (!isObject(c) || typeof c.name !== 'string' || c.name === '') throw new InputError(msg.codebookColumnNoName({ index: i }), { file: fileName });
      return [c.name, c];
    });
  } else if (isObject(raw)) {
    entries = Object.entries(raw);
  } else {
    throw new InputError(msg.codebookNoColumns(), { file: fileName });
  }
  const columns: Record<string, ColumnSpec> = {};
  const warnings: Message[] = [];
  for (const [name, spec] of entries) {
    const fail = (text: Message): never => {
      throw new InputError(text, { file: fileName, columnName: name });
    };
    if (!isObject(spec)) fail(msg.codebookColumnNotObject());
    const s = spec as Record<string, unknown>;
    if (s.type === undefined) fail(msg.codebookMissingType());
    if (typeof s.type !== 'string' || !TYPES.includes(s.type as ColumnType)) fail(msg.codebookUnknownType({ type: String(s.type) }));
    const type = s.type as ColumnType;
    const out: ColumnSpec = { type };
    if (s.label !== undefined) {
      if (typeof s.label !== 'string') fail(msg.codebookBadLabel());
      out.label = s.label as string;
    }
    if (s.scale !== undefined) {
      const sc = s.scale;
      if (!Array.isArray(sc) || sc.length !== 2 || typeof sc[0] !== 'number' || typeof sc[1] !== 'number' || !Number.isFinite(sc[0]) || !Number.isFinite(sc[1]) || sc[0] > sc[1]) {
        fail(msg.codebookBadScale({ value: show(sc) }));
      }
      if (type !== 'numeric' && type !== 'ordinal') fail(msg.codebookScaleType({ type }));
      out.scale = [(sc as number[])[0], (sc as number[])[1]];
    }
    if (s.missing !== undefined && s.missing !== null) {
      const m = Array.isArray(s.missing) ? s.missing : [s.missing];
      const codes: MissingCode[] = [];
      for (const c of m) {
        if (typeof c === 'number' && Number.isFinite(c)) codes.push(c);
        else if (typeof c === 'string' && c.trim() !== '') codes.push(c.trim());
        else fail(msg.codebookBadMissing({ value: show(s.missing) }));
      }
      out.missing = codes;
    }
    if (s.levels !== undefined) {
      if (!Array.isArray(s.levels)) fail(msg.codebookBadLevels({ value: show(s.levels) }));
      const levels: string[] = [];
      const seen = new Set<string>();
      for (const l of s.levels as unknown[]) {
        if (typeof l !== 'string' && typeof l !== 'number' && typeof l !== 'boolean') fail(msg.codebookBadLevels({ value: show(s.levels) }));
        const str = String(l).trim().normalize('NFC');
        if (seen.has(str)) fail(msg.codebookDuplicateLevel({ level: str }));
        seen.add(str);
        levels.push(str);
      }
      out.levels = levels;
    }
    if (s.labels !== undefined) {
      if (!isObject(s.labels)) fail(msg.codebookBadLabels({ value: show(s.labels) }));
      const labels: Record<string, string> = {};
      const seen = new Set<string>();
      for (const [k, v] of Object.entries(s.labels as Record<string, unknown>)) {
        if (typeof v !== 'string' && typeof v !== 'number') fail(msg.codebookBadLabels({ value: show(s.labels) }));
        const label = String(v).trim().normalize('NFC');
        if (seen.has(label)) fail(msg.codebookDuplicateLabel({ label }));
        seen.add(label);
        labels[k.trim()] = label;
      }
      out.labels = labels;
      if (out.levels && (type === 'ordinal' || type === 'categorical')) {
        const isMissingCode = (k: string): boolean => (out.missing ?? []).some((c) => (typeof c === 'number' ? k.trim() !== '' && Number(k) === c : c === k));
        for (const [k, label] of Object.entries(labels)) if (!out.levels.includes(label) && !isMissingCode(k)) fail(msg.codebookLabelNotLevel({ code: k, label }));
      }
    }
    if (type === 'ordinal' && out.scale && !out.labels && !out.levels) {
      const [lo, hi] = out.scale;
      if (Math.floor(hi) - Math.ceil(lo) > 1000) fail(msg.codebookScaleTooWide({ value: show(s.scale) }));
    }
    const unknown = Object.keys(s).filter((k) => !KNOWN_KEYS.has(k) && !NOTE_KEYS.has(k));
    if (unknown.length > 0) warnings.push(msg.codebookUnknownKeys({ file: fileName, column: name, keys: unknown }));
    columns[name] = out;
  }
  const cb: Codebook = { file: fileName, columns, warnings };
  if (typeof doc.name === 'string') cb.name = doc.name;
  return cb;
}

let yamlModule: typeof import('yaml') | undefined;
/** The YAML parser, loaded on first use (it takes a few hundred ms to load; most commands never read YAML). */
function yaml(): typeof import('yaml') {
  yamlModule ??= createRequire(import.meta.url)('yaml') as typeof import('yaml');
  return yamlModule;
}

import type { Codebook, ColumnSpec, ColumnType } from '@satlab/data';
import { describeScale } from './messages.js';

/** How an item answers: its scale, value labels or levels (the part of a codebook entry that must not change between waves). */
export interface ScaleDescription {
  type: ColumnType;
  scale?: [number, number];
  labels?: Record<string, string>;
  levels?: string[];
  /** The same, in words: `1-4 (1 "Pas du tout satisfait" … 4 "Tout à fait satisfait")`. */
  text: string;
}

/** An item whose name changed between the two questionnaires. */
export interface RenamedItem {
  from: string;
  to: string;
  /**
   * Why it is taken for the same question: `same label` (the wording is identical and no other
   * item has it), or `same position and scale` (same place in the codebook, same type, scale and
   * value labels, no other match).
   */
  rule: 'same label' | 'same position and scale';
}

/** An item whose answer scale changed: the waves cannot be compared on it unless mapped. */
export interface ScaleChange {
  /** Item name in the second codebook. */
  item: string;
  /** Name in the first codebook when the item was also renamed. */
  previousName?: string;
  from: ScaleDescription;
  to: ScaleDescription;
  /** `scale` (bounds differ), `levels` (categories or their number differ), `reversed` (same labels in another order). */
  reason: 'scale' | 'levels' | 'reversed';
}

/** Result of {@link diffCodebooks}. */
export interface CodebookDiff {
  /** Items of the second codebook absent from the first (renamed ones excluded). */
  added: string[];
  /** Items of the first codebook absent from the second (renamed ones excluded). */
  removed: string[];
  renamed: RenamedItem[];
  /** Items answered on another scale: refused by `stackWaves` unless a `scaleMap` maps them. */
  scaleChanged: ScaleChange[];
  /** Items whose type changed (e.g. numeric → text): never comparable. */
  typeChanged: { item: string; from: ColumnType; to: ColumnType }[];
  /** Same scale, other wording of the value labels (a caution, not a refusal). */
  labelsChanged: { item: string; from: Record<string, string>; to: Record<string, string> }[];
  /** Categorical items whose categories changed (added or removed levels). */
  levelsChanged: { item: string; added: string[]; removed: string[] }[];
  /** Question wording changed (same name, other label). */
  wordingChanged: { item: string; from: string; to: string }[];
  /** Declared missing codes changed. */
  missingChanged: { item: string; from: (string | number)[]; to: (string | number)[] }[];
  /** Items present and identical in both. */
  unchanged: string[];
  /** True when nothing at all differs. */
  identical: boolean;
  /** The differences in words, one line each (English). */
  summary: string[];
}

const NUMERIC_LIKE = new Set<ColumnType>(['numeric', 'ordinal']);

/** The answer scale of one codebook entry. */
export function scaleOf(spec: ColumnSpec): ScaleDescription {
  const d: ScaleDescription = { type: spec.type, text: '' };
  if (spec.scale) d.scale = [spec.scale[0], spec.scale[1]];
  if (spec.labels && Object.keys(spec.labels).length > 0) d.labels = { ...spec.labels };
  if (spec.levels && spec.levels.length > 0) d.levels = [...spec.levels];
  d.text = describeScale(d);
  return d;
}

const sameArray = <T>(a: readonly T[] | undefined, b: readonly T[] | undefined): boolean =>
  (a === undefined && b === undefined) || (a !== undefined && b !== undefined && a.length === b.length && a.every((x, i) => x === b[i]));

const sameRecord = (a: Record<string, string> | undefined, b: Record<string, string> | undefined): boolean => {
  if (a === undefined || b === undefined) return a === b;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => b[k] === a[k]);
};

const norm = (s: string | undefined): string => (s ?? '').normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();

/** Same type, scale, labels and levels: what the position rule requires. */
function sameAnswerScale(a: ColumnSpec, b: ColumnSpec): boolean {
  return a.type === b.type && sameArray(a.scale, b.scale) && sameRecord(a.labels, b.labels) && sameArray(a.levels, b.levels);
}

/**
 * Compares two questionnaires (codebooks of two barometer waves) item by item and says what
 * changed: items added and removed; items renamed, matched by one of two stated rules (1. the
 * same question wording `label`, unique in both codebooks; 2. failing that, the same position in
 * the codebook with the same type, scale and value labels, for items that have a scale); answer scales changed (bounds,
 * number or set of categories, or the same labels in reversed order — these make the waves
 * incomparable on the item unless a mapping is given); and softer changes reported for the
 * reader (value-label wording, question wording, missing codes, categorical levels).
 *
 * Only `type`, `scale`, `labels`, `levels`, `label` and `missing` are compared.
 *
 * @param a The earlier questionnaire (codebook of the earlier wave).
 * @param b The later one.
 * @returns A plain {@link CodebookDiff}; `identical` is true when nothing differs.
 * @example
 * diffCodebooks(
 *   { file: 'v1.yaml', warnings: [], columns: { q1: { type: 'ordinal', label: 'Accueil', scale: [1, 4] }, q2: { type: 'ordinal', label: 'Prix', scale: [1, 4] } } },
 *   { file: 'v2.yaml', warnings: [], columns: { q1: { type: 'ordinal', label: 'Accueil', scale: [1, 5] }, prix: { type: 'ordinal', label: 'Prix', scale: [1, 4] } } });
 * //=> { added: [], removed: [], renamed: [{ … }], scaleChanged: [{ … }], typeChanged: [],
 * //   labelsChanged: [], levelsChanged: [], wordingChanged: [], missingChanged: [],
 * //   unchanged: [], identical: false, summary: ['renamed: "q2" → "prix" (rule: same label)',
 * //   'scale changed: "q1" 1-4 → 1-5'] }
 */
export function diffCodebooks(a: Codebook | { columns: Record<string, ColumnSpec> }, b: Codebook | { columns: Record<string, ColumnSpec> }): CodebookDiff {
  if (a === null || typeof a !== 'object' || typeof a.columns !== 'object' || a.columns === null) throw new TypeError('diffCodebooks(a): expected a codebook { columns }');
  if (b === null || typeof b !== 'object' || typeof b.columns !== 'object' || b.columns === null) throw new TypeError('diffCodebooks(b): expected a codebook { columns }');
  const namesA = Object.keys(a.columns);
  const namesB = Object.keys(b.columns);
  const inA = new Set(namesA);
  const inB = new Set(namesB);
  const onlyA = namesA.filter((n) => !inB.has(n));
  const onlyB = namesB.filter((n) => !inA.has(n));

  // Renames, rule 1: same (non-empty) question wording, unique on both sides.
  const renamed: RenamedItem[] = [];
  const matchedA = new Set<string>();
  const matchedB = new Set<string>();
  const labelCount = (cols: Record<string, ColumnSpec>): Map<string, number> => {
    const m = new Map<string, number>();
    for (const s of Object.values(cols)) if (norm(s.label) !== '') m.set(norm(s.label), (m.get(norm(s.label)) ?? 0) + 1);
    return m;
  };
  const countA = labelCount(a.columns);
  const countB = labelCount(b.columns);
  for (const x of onlyA) {
    const l = norm(a.columns[x].label);
    if (l === '' || countA.get(l) !== 1 || countB.get(l) !== 1) continue;
    const y = onlyB.find((n) => !matchedB.has(n) && norm(b.columns[n].label) === l);
    if (y === undefined) continue;
    renamed.push({ from: x, to: y, rule: 'same label' });
    matchedA.add(x);
    matchedB.add(y);
  }
  // Rule 2: same index in the codebook, same type, scale, labels and levels.
  for (const x of onlyA) {
    if (matchedA.has(x)) continue;
    const pos = namesA.indexOf(x);
    const y = namesB[pos];
    if (y === undefined || inA.has(y) || matchedB.has(y)) continue;
    const sx = a.columns[x];
    // Only items with an answer scale (bounds, value labels or categories) can match by position.
    if (sx.scale === undefined && sx.labels === undefined && sx.levels === undefined) continue;
    if (!sameAnswerScale(sx, b.columns[y])) continue;
    renamed.push({ from: x, to: y, rule: 'same position and scale' });
    matchedA.add(x);
    matchedB.add(y);
  }

  const pairs: [string, string][] = [...namesB.filter((n) => inA.has(n)).map((n): [string, string] => [n, n]), ...renamed.map((r): [string, string] => [r.from, r.to])];
  const scaleChanged: ScaleChange[] = [];
  const typeChanged: CodebookDiff['typeChanged'] = [];
  const labelsChanged: CodebookDiff['labelsChanged'] = [];
  const levelsChanged: CodebookDiff['levelsChanged'] = [];
  const wordingChanged: CodebookDiff['wordingChanged'] = [];
  const missingChanged: CodebookDiff['missingChanged'] = [];
  const unchanged: string[] = [];

  for (const [x, y] of pairs) {
    const sa = a.columns[x];
    const sb = b.columns[y];
    let same = x === y;
    const named = x === y ? {} : { previousName: x };
    if (sa.type !== sb.type) {
      const bothNumeric = NUMERIC_LIKE.has(sa.type) && NUMERIC_LIKE.has(sb.type);
      if (!bothNumeric) {
        typeChanged.push({ item: y, from: sa.type, to: sb.type });
        continue;
      }
    }
    if (NUMERIC_LIKE.has(sb.type) && NUMERIC_LIKE.has(sa.type)) {
      const la = sa.labels ? Object.keys(sa.labels) : [];
      const lb = sb.labels ? Object.keys(sb.labels) : [];
      if (!sameArray(sa.scale, sb.scale)) {
        scaleChanged.push({ item: y, ...named, from: scaleOf(sa), to: scaleOf(sb), reason: 'scale' });
        same = false;
      } else if (!sameArray(sa.levels, sb.levels) && (sa.levels !== undefined || sb.levels !== undefined)) {
        scaleChanged.push({ item: y, ...named, from: scaleOf(sa), to: scaleOf(sb), reason: 'levels' });
        same = false;
      } else if (!sameRecord(sa.labels, sb.labels)) {
        const va = la.map((k) => norm(sa.labels?.[k]));
        const vb = lb.map((k) => norm(sb.labels?.[k]));
        const sameSet = va.length === vb.length && va.length > 1 && [...va].sort().join('\u0000') === [...vb].sort().join('\u0000');
        const sameKeys = sameArray([...la].sort(), [...lb].sort());
        if (sameSet && sameKeys && la.some((k) => norm(sa.labels?.[k]) !== norm(sb.labels?.[k]))) {
          scaleChanged.push({ item: y, ...named, from: scaleOf(sa), to: scaleOf(sb), reason: 'reversed' });
        } else if (!sameKeys && (sa.scale === undefined || sb.scale === undefined)) {
          // No declared bounds: the codes themselves are the scale.
          scaleChanged.push({ item: y, ...named, from: scaleOf(sa), to: scaleOf(sb), reason: 'levels' });
        } else {
          labelsChanged.push({ item: y, from: { ...(sa.labels ?? {}) }, to: { ...(sb.labels ?? {}) } });
        }
        same = false;
      }
    } else if (sb.type === 'categorical') {
      const la = sa.levels ?? (sa.labels ? Object.values(sa.labels) : []);
      const lb = sb.levels ?? (sb.labels ? Object.values(sb.labels) : []);
      const added = lb.filter((l) => !la.includes(l));
      const removed = la.filter((l) => !lb.includes(l));
      if (added.length > 0 || removed.length > 0) {
        levelsChanged.push({ item: y, added, removed });
        same = false;
      }
    }
    if (norm(sa.label) !== norm(sb.label) && x === y) {
      wordingChanged.push({ item: y, from: sa.label ?? '', to: sb.label ?? '' });
      same = false;
    }
    if (!sameArray((sa.missing ?? []).map(String), (sb.missing ?? []).map(String))) {
      missingChanged.push({ item: y, from: [...(sa.missing ?? [])], to: [...(sb.missing ?? [])] });
      same = false;
    }
    if (same) unchanged.push(y);
  }

  const added = onlyB.filter((n) => !matchedB.has(n));
  const removed = onlyA.filter((n) => !matchedA.has(n));
  const summary: string[] = [];
  for (const n of added) summary.push(`added: "${n}"${b.columns[n].label ? ` (${b.columns[n].label})` : ''}`);
  for (const n of removed) summary.push(`removed: "${n}"${a.columns[n].label ? ` (${a.columns[n].label})` : ''}`);
  for (const r of renamed) summary.push(`renamed: "${r.from}" → "${r.to}" (rule: ${r.rule})`);
  for (const s of scaleChanged) summary.push(`scale changed: "${s.item}" ${s.from.text} → ${s.to.text}${s.reason === 'reversed' ? ' (labels in another order)' : ''}`);
  for (const t of typeChanged) summary.push(`type changed: "${t.item}" ${t.from} → ${t.to}`);
  for (const l of labelsChanged) summary.push(`value labels reworded: "${l.item}" ${describeScale({ labels: l.from })} → ${describeScale({ labels: l.to })}`);
  for (const l of levelsChanged) summary.push(`categories changed: "${l.item}"${l.added.length ? ` added [${l.added.join(', ')}]` : ''}${l.removed.length ? ` removed [${l.removed.join(', ')}]` : ''}`);
  for (const w of wordingChanged) summary.push(`question reworded: "${w.item}" "${w.from}" → "${w.to}"`);
  for (const m of missingChanged) summary.push(`missing codes changed: "${m.item}" [${m.from.join(', ')}] → [${m.to.join(', ')}]`);
  return {
    added,
    removed,
    renamed,
    scaleChanged,
    typeChanged,
    labelsChanged,
    levelsChanged,
    wordingChanged,
    missingChanged,
    unchanged,
    identical: summary.length === 0,
    summary,
  };
}

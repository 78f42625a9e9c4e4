import type { Message } from '@satlab/messages';
import { msg } from '../messages.js';
import type { Column, ColumnType } from '../types.js';
import type { BuildContext } from './columns.js';
import { buildDate, buildFactor, buildNumeric, buildText } from './columns.js';
import { hasLeadingZero, isMissingMarker, parseDate, parseNumber } from './values.js';

/** Column names that say "identifier". */
const ID_NAME = /^(id|ident|identifiant|identifier|key|cle|clé)$|(^|[_ .-])id$|^id[_ .-]|^(n°|no|num|numero|numéro)([_ .-]|$)/i;
const MAX_LEVELS = 20;
const MAX_ID_LENGTH = 32;

/** What the loader decided for a column without a declaration. */
export interface Inference {
  column: Omit<Column, 'name' | 'label' | 'inferred'>;
  type: ColumnType;
  reason: Message;
}

/**
 * Infers a column's type from its cells:
 * numbers (NA-like tokens as missing) → numeric, or id when distinct integers under an id-like
 * name; dates (ISO or DD/MM/YYYY) → date; at most 20 distinct values and fewer than half the
 * non-empty cells → categorical (levels in order of first appearance); all distinct, at most
 * 32 characters and no spaces → id; else text. The reason says which rule applied.
 */
export function inferColumn(name: string, cells: readonly string[], ctx: BuildContext): Inference {
  const n = cells.length;
  let nonEmpty = 0;
  const tokens = new Set<string>();
  let numeric = true;
  let leadingZero = false;
  let integers = true;
  let min = Infinity;
  let max = -Infinity;
  let dates = true;
  const dateKinds = new Set<string>();
  let valuesSeen = 0;
  for (let i = 0; i < n && (numeric || dates); i++) {
    const s = cells[i].trim();
    if (s === '') continue;
    nonEmpty++;
    if (isMissingMarker(s)) {
      tokens.add(s);
      continue;
    }
    valuesSeen++;
    if (numeric) {
      const x = parseNumber(s, ctx.decimal);
      if (Number.isNaN(x)) numeric = false;
      else if (hasLeadingZero(s)) {
        numeric = false;
        leadingZero = true;
      } else {
        if (!Number.isInteger(x)) integers = false;
        if (x < min) min = x;
        if (x > max) max = x;
      }
    }
    if (dates) {
      const d = parseDate(s);
      if (d === null) dates = false;
      else dateKinds.add(d.kind);
    }
  }
  if (nonEmpty === 0) {
    return { column: buildText(name, cells, { type: 'text' }, ctx), type: 'text', reason: msg.inferEmpty() };
  }
  const missing = [...tokens];
  if (numeric && valuesSeen > 0) {
    const col = buildNumeric(name, cells, { type: 'numeric', missing }, ctx);
    if (integers && ID_NAME.test(name) && valuesSeen >= 2) {
      const distinct = new Set<number>();
      for (const v of col.values) if (!Number.isNaN(v)) distinct.add(v);
      if (distinct.size === valuesSeen) {
        return { column: buildText(name, cells, { type: 'id', missing }, ctx), type: 'id', reason: msg.inferIdNumbers({ n: valuesSeen, tokens: missing }) };
      }
    }
    return { column: col, type: 'numeric', reason: integers ? msg.inferIntegers({ min, max, tokens: missing }) : msg.inferNumbers({ min, max, tokens: missing }) };
  }
  if (dates && valuesSeen > 0) {
    return { column: buildDate(name, cells, { type: 'date', missing }, ctx), type: 'date', reason: msg.inferDates({ kinds: [...dateKinds].join(', '), tokens: missing }) };
  }
  const distinct = new Set<string>();
  // Cells repeat (categories): look at each raw string once.
  const seenRaw = new Set<string>();
  let maxLength = 0;
  let spaces = false;
  nonEmpty = 0;
  for (let i = 0; i < n; i++) {
    const raw = cells[i];
    if (seenRaw.has(raw)) {
      if (raw !== '' && raw.trim() !== '') nonEmpty++;
      continue;
    }
    seenRaw.add(raw);
    const s = raw.trim();
    if (s === '') continue;
    nonEmpty++;
    distinct.add(s.normalize('NFC'));
    if (s.length > maxLength) maxLength = s.length;
    if (!spaces && /\s/.test(s)) spaces = true;
  }
  const zeros = leadingZero;
  if (distinct.size <= MAX_LEVELS && distinct.size < 0.5 * nonEmpty) {
    const col = buildFactor(name, cells, { type: 'categorical' }, ctx, { declared: false });
    return { column: col, type: 'categorical', reason: msg.inferCategorical({ distinct: distinct.size, n: nonEmpty, zeros }) };
  }
  if (distinct.size === nonEmpty && maxLength <= MAX_ID_LENGTH && !spaces) {
    return { column: buildText(name, cells, { type: 'id' }, ctx), type: 'id', reason: msg.inferId({ n: nonEmpty, maxLength: MAX_ID_LENGTH, zeros }) };
  }
  return { column: buildText(name, cells, { type: 'text' }, ctx), type: 'text', reason: msg.inferText({ distinct: distinct.size, n: nonEmpty, zeros }) };
}

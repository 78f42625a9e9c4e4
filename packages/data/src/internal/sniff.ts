import type { DecimalMark, Separator } from '../types.js';

/** Characters of decoded text looked at to guess separator and decimal mark. */
export const SAMPLE_CHARS = 256 * 1024;
const SEPARATOR_RECORDS = 200;

/**
 * Splits the start of a delimited text into records of fields with RFC 4180 quoting (a quote
 * opens a quoted field only at the start of a field; `""` is a quote inside one). Blank lines
 * are left out. When `truncated`, the last (possibly cut) record is dropped.
 */
export function splitSample(text: string, sep: string, maxRecords: number, truncated: boolean): string[][] {
  const records: string[][] = [];
  let fields: string[] = [];
  let field = '';
  let inQuotes = false;
  let atFieldStart = true;
  const n = text.length;
  const endRecord = (): void => {
    fields.push(field);
    if (!(fields.length === 1 && fields[0].trim() === '')) records.push(fields);
    fields = [];
    field = '';
    atFieldStart = true;
  };
  for (let i = 0; i < n && records.length < maxRecords; i++) {
    const c = text[i];
    if (inQuotes) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else inQuotes = false;
      } else field += c;
      continue;
    }
    if (c === '"' && atFieldStart) {
      inQuotes = true;
      atFieldStart = false;
    } else if (c === sep) {
      fields.push(field);
      field = '';
      atFieldStart = true;
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRecord();
    } else {
      field += c;
      atFieldStart = false;
    }
  }
  const pending = field !== '' || fields.length > 0 || inQuotes;
  if (pending && !truncated && records.length < maxRecords) endRecord();
  return records;
}

/**
 * The separator among `;`, tab and `,` that splits the header and the following records into the
 * same number (> 1) of fields most consistently; ties go to more fields, then to `;`, tab, `,`.
 * A file where none splits the header is a one-column file (`,`).
 */
export function sniffSeparator(sample: string, truncated: boolean): Separator {
  let best: Separator = ',';
  let bestScore = -1;
  let bestFields = 0;
  for (const sep of [';', '\t', ','] as const) {
    const recs = splitSample(sample, sep, SEPARATOR_RECORDS, truncated);
    if (recs.length === 0) continue;
    const k = recs[0].length;
    if (k < 2) continue;
    let same = 0;
    for (const r of recs) if (r.length === k) same++;
    const score = same / recs.length;
    if (score > bestScore || (score === bestScore && k > bestFields)) {
      best = sep;
      bestScore = score;
      bestFields = k;
    }
  }
  return best;
}

const COMMA_DECIMAL = /^[+-]?\d{1,3}(?:[ \u00a0\u202f\u2009]?\d{3})*,\d+$|^[+-]?\d+,\d+$/;
const POINT_DECIMAL = /^[+-]?\d+\.\d+$/;

/**
 * Decimal mark: with a `,` separator always `.`; otherwise `,` when number-looking fields of the
 * sample (data records) write `d,d` at least as often as `d.d`, `.` when only `d.d` occurs, and
 * with no decimal number in the sample `,` for `;` files (the French Excel convention) and `.`
 * for tab files.
 */
export function sniffDecimal(sample: string, sep: Separator, truncated: boolean): DecimalMark {
  if (sep === ',') return '.';
  const recs = splitSample(sample, sep, Infinity, truncated);
  let comma = 0;
  let point = 0;
  for (let r = 1; r < recs.length; r++) {
    for (const f of recs[r]) {
      const s = f.trim();
      if (s.length === 0 || s.length > 40) continue;
      if (COMMA_DECIMAL.test(s)) comma++;
      else if (POINT_DECIMAL.test(s)) point++;
    }
  }
  if (comma > 0 && comma >= point) return ',';
  if (point > 0) return '.';
  return sep === ';' ? ',' : '.';
}

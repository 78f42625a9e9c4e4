import { isMessage } from '@satlab/messages';
import { cell, col, interval, renderWarnings, text } from '../cells.js';
import type { PresentOptions } from '../options.js';
import { langOf } from '../options.js';
import type { CellKind, Presentation, PresentedCell, PresentedTable } from '../types.js';

const W = {
  en: { title: 'Result', value: 'value', field: 'field', row: 'row' },
  fr: { title: 'Résultat', value: 'valeur', field: 'champ', row: 'ligne' },
};

/** The kind of a numeric field, guessed from its name (p-values, shares, counts). */
function kindOf(key: string, v: number): CellKind {
  if (/^p(value)?$|pvalue|^p[A-Z]/i.test(key)) return 'pvalue';
  if (/^(n|count|df)$|^n[A-Z]|count/i.test(key) && Number.isInteger(v)) return 'count';
  return 'number';
}

const isPair = (v: unknown): v is [number, number] => Array.isArray(v) && v.length === 2 && v.every((x) => typeof x === 'number');

function scalarCell(key: string, v: unknown, lang: 'fr' | 'en'): PresentedCell | null {
  if (typeof v === 'number') return cell(v, kindOf(key, v), lang);
  if (typeof v === 'boolean') return text(lang === 'fr' ? (v ? 'oui' : 'non') : v ? 'yes' : 'no');
  if (typeof v === 'string') return text(v);
  if (v === null) return { v: null, t: '—' };
  if (isPair(v)) return interval(v, 'number', lang);
  if (Array.isArray(v) && v.every((x) => typeof x === 'string' || typeof x === 'number') && v.length <= 12) return text(v.join(', '));
  return null;
}

/**
 * Any result without a dedicated presenter, for people rather than as JSON: its scalar fields
 * as key figures, each array of records as a table, and its warnings rendered in `lang`.
 * Nested objects are flattened one level; nothing is printed as raw JSON.
 *
 * @example
 * const p = presentGeneric({ method: 'Indice maison', statistic: 1.5, pValue: 0.2, warnings: [] }, { lang: 'en' });
 * p.title; //=> 'Indice maison'
 * p.summary; //=> [{ label: 'statistic', value: { v: 1.5, t: '1.500' } }, { label: 'pValue', value: { v: 0.2, t: '0.200' } }]
 * toText(p); //=> 'Indice maison\n\nstatistic = 1.500, pValue = 0.200\n'
 */
export function presentGeneric(result: unknown, opts: PresentOptions = {}): Presentation {
  const lang = langOf(opts);
  const w = W[lang];
  const r = (typeof result === 'object' && result !== null ? result : { [w.value]: result }) as Record<string, unknown>;
  const summary: { label: string; value: PresentedCell }[] = [];
  const tables: PresentedTable[] = [];
  for (const [k, v] of Object.entries(r)) {
    if (k === 'warnings' || k === 'method') continue;
    const sc = scalarCell(k, v, lang);
    if (sc) {
      summary.push({ label: k, value: sc });
      continue;
    }
    if (Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'object' && x !== null && !Array.isArray(x))) {
      const keys = [...new Set(v.flatMap((x) => Object.keys(x as object)))].filter((kk) => (v as Record<string, unknown>[]).every((x) => scalarCell(kk, x[kk], lang) !== null || x[kk] === undefined));
      tables.push({
        id: k,
        title: k,
        columns: keys.map((kk) => col(kk, kk, typeof (v[0] as Record<string, unknown>)[kk] === 'number' ? kindOf(kk, (v[0] as Record<string, number>)[kk]) : 'text')),
        rows: (v as Record<string, unknown>[]).map((x) => keys.map((kk) => scalarCell(kk, x[kk], lang) ?? { v: null, t: '' })),
      });
    } else if (Array.isArray(v) && v.length > 0 && v.every((x) => Array.isArray(x) && x.every((y: unknown) => typeof y === 'number'))) {
      const m = v as number[][];
      tables.push({
        id: k,
        title: k,
        rowHeader: true,
        columns: [col('row', w.row, 'label'), ...m[0].map((_, j) => col(`c${j}`, String(j + 1), 'number'))],
        rows: m.map((row, i) => [text(String(i + 1)), ...row.map((x) => cell(x, 'number', lang))]),
      });
    } else if (typeof v === 'object' && v !== null && !Array.isArray(v) && !ArrayBuffer.isView(v)) {
      for (const [k2, v2] of Object.entries(v as Record<string, unknown>)) {
        const c2 = scalarCell(k2, v2, lang);
        if (c2) summary.push({ label: `${k}.${k2}`, value: c2 });
      }
    }
  }
  const warnings = Array.isArray(r.warnings) ? renderWarnings((r.warnings as unknown[]).filter((x): x is string => typeof x === 'string' || isMessage(x)), lang) : [];
  return {
    kind: 'generic',
    lang,
    title: opts.labels?.title ?? (typeof r.method === 'string' ? r.method : w.title),
    summary,
    tables,
    reading: [],
    footnotes: [],
    warnings,
  };
}

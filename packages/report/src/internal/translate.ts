/**
 * Internal: codebook labels per language. A codebook may say which language its labels are in
 * (`lang: fr`) and carry translations beside them:
 *
 *   translations:
 *     en:
 *       columns:
 *         contract: { label: "Contract type", levels: { "Auto/Moto": "Car/motorbike" } }
 *       values: { oui: "yes", non: "no" }        # any column
 *
 * The report uses the translation of its language where there is one and the label as written
 * otherwise, counting what fell back (a warning says so).
 */
import { parse } from 'yaml';
import type { ReportLang } from '../types.js';

export interface LanguageLabels {
  columns: Record<string, { label?: string; levels: Record<string, string> }>;
  values: Record<string, string>;
}

/** What a codebook says about languages: its own language and its translations. */
export interface CodebookLanguages {
  lang: ReportLang | null;
  translations: Partial<Record<ReportLang, LanguageLabels>>;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const strMap = (v: unknown): Record<string, string> => {
  const out: Record<string, string> = {};
  if (isObj(v)) for (const [k, x] of Object.entries(v)) if (typeof x === 'string' || typeof x === 'number') out[k.trim().normalize('NFC')] = String(x);
  return out;
};

/** Reads `lang` and `translations` from a codebook's YAML text (other keys are @satlab/data's). */
export function codebookLanguages(text: string): CodebookLanguages {
  let doc: unknown;
  try {
    doc = parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { lang: null, translations: {} };
  }
  if (!isObj(doc)) return { lang: null, translations: {} };
  const lang = doc.lang === 'fr' || doc.lang === 'en' ? doc.lang : null;
  const translations: CodebookLanguages['translations'] = {};
  if (isObj(doc.translations)) {
    for (const l of ['fr', 'en'] as const) {
      const t = doc.translations[l];
      if (!isObj(t)) continue;
      const columns: LanguageLabels['columns'] = {};
      if (isObj(t.columns)) {
        for (const [c, spec] of Object.entries(t.columns)) {
          if (!isObj(spec)) continue;
          columns[c] = { ...(typeof spec.label === 'string' ? { label: spec.label } : {}), levels: strMap(spec.levels) };
        }
      }
      translations[l] = { columns, values: strMap(t.values) };
    }
  }
  return { lang, translations };
}

/** Translates codebook labels and category values into the report's language, remembering fallbacks. */
export class Translator {
  readonly lang: ReportLang;
  private readonly labels: LanguageLabels | null;
  private readonly active: boolean;
  /** Labels shown as written for want of a translation. */
  readonly fallbacks = new Set<string>();
  constructor(langs: CodebookLanguages | null, lang: ReportLang) {
    this.lang = lang;
    this.labels = langs?.translations[lang] ?? null;
    // Translate when the codebook is in another language, or says nothing but has translations for this one.
    this.active = langs !== null && (langs.lang !== null ? langs.lang !== lang : this.labels !== null);
  }
  /** A column's label (`fallback` is the codebook's own label, else the name). */
  label(column: string, fallback: string): string {
    if (!this.active) return fallback;
    const t = this.labels?.columns[column]?.label;
    if (t !== undefined) return t;
    this.fallbacks.add(fallback);
    return fallback;
  }
  /** A category value of a column. */
  level(column: string, value: string): string {
    if (!this.active) return value;
    const t = this.labels?.columns[column]?.levels[value] ?? this.labels?.values[value];
    if (t !== undefined) return t;
    this.fallbacks.add(value);
    return value;
  }
}

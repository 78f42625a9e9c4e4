import type { Codebook, CodebookColumn, CodebookColumnTranslation } from './codebook.js';

const KEY_ORDER: (keyof CodebookColumn)[] = ['type', 'label', 'scale', 'missing', 'labels', 'levels'];

function scalar(v: string | number): string {
  // JSON strings are valid YAML double-quoted scalars; numbers are written as numbers.
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new RangeError(`codebookToYaml: non-finite number ${v}`);
    return String(v);
  }
  return JSON.stringify(v);
}

function yamlKey(k: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(k) || /^-?\d+$/.test(k) ? k : JSON.stringify(k);
}

/** A flow mapping whose keys are texts (always double-quoted): `{ "Vague 1": "Wave 1" }`. */
function textMap(m: Record<string, string>): string {
  return `{ ${Object.entries(m).map(([k, v]) => `${JSON.stringify(k)}: ${scalar(v)}`).join(', ')} }`;
}

function translationLine(t: CodebookColumnTranslation): string {
  const parts: string[] = [];
  if (t.label !== undefined) parts.push(`label: ${scalar(t.label)}`);
  if (t.levels !== undefined) parts.push(`levels: ${textMap(t.levels)}`);
  return `{ ${parts.join(', ')} }`;
}

/** Comment lines written before a section of the codebook (each prefixed with `# `). */
export interface CodebookYamlNotes {
  /** Before `lang:`. */
  lang?: readonly string[];
  /** Before `translations:` (a blank line separates the translations from the columns). */
  translations?: readonly string[];
}

function comments(lines: readonly string[] | undefined): string[] {
  return (lines ?? []).map((h) => (h === '' ? '#' : `# ${h}`));
}

/**
 * Writes a codebook as YAML, one column a line in flow style (`name: { type: …, label: "…" }`),
 * keys in a fixed order, strings double-quoted (JSON escapes), so the output is deterministic,
 * diff-friendly and readable by any YAML 1.2 parser (including the `yaml` package @satlab/data uses).
 *
 * @param codebook the codebook object.
 * `lang` follows `name`; `translations` (labels in other languages) come last, one column a line,
 * level texts always quoted.
 *
 * @param header optional comment lines written first (each prefixed with `# `).
 * @param notes optional comment lines written before `lang` and before `translations`.
 * @returns the YAML text, LF line ends, final newline.
 * @throws {RangeError} on a non-finite number.
 * @example
 * codebookToYaml({ columns: { nps: { type: 'numeric', scale: [0, 10], missing: [99] } } });
 * //=> 'columns:\n  nps: { type: numeric, scale: [0, 10], m'…
 */
export function codebookToYaml(codebook: Codebook, header: readonly string[] = [], notes: CodebookYamlNotes = {}): string {
  const lines = comments(header);
  if (codebook.name !== undefined) lines.push(`name: ${scalar(codebook.name)}`);
  if (codebook.lang !== undefined) lines.push(...comments(notes.lang), `lang: ${/^[A-Za-z-]+$/.test(codebook.lang) ? codebook.lang : JSON.stringify(codebook.lang)}`);
  lines.push('columns:');
  for (const [name, col] of Object.entries(codebook.columns)) {
    const parts: string[] = [];
    for (const k of KEY_ORDER) {
      const v = col[k];
      if (v === undefined) continue;
      if (k === 'type') parts.push(`type: ${v as string}`);
      else if (k === 'labels') {
        const entries = Object.entries(v as Record<string, string>).map(([lk, lv]) => `${yamlKey(lk)}: ${scalar(lv)}`);
        parts.push(`labels: { ${entries.join(', ')} }`);
      } else if (Array.isArray(v)) parts.push(`${k}: [${(v as (string | number)[]).map(scalar).join(', ')}]`);
      else parts.push(`${k}: ${scalar(v as string)}`);
    }
    lines.push(`  ${yamlKey(name)}: { ${parts.join(', ')} }`);
  }
  if (codebook.translations !== undefined) {
    lines.push('', ...comments(notes.translations), 'translations:');
    for (const [lang, t] of Object.entries(codebook.translations)) {
      lines.push(`  ${yamlKey(lang)}:`, '    columns:');
      for (const [name, ct] of Object.entries(t.columns)) lines.push(`      ${yamlKey(name)}: ${translationLine(ct)}`);
      if (t.values !== undefined) lines.push(`    values: ${textMap(t.values)}`);
    }
  }
  return lines.join('\n') + '\n';
}

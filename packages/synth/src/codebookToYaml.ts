import type { Codebook, CodebookColumn } from './codebook.js';

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

/**
 * Writes a codebook as YAML, one column a line in flow style (`name: { type: …, label: "…" }`),
 * keys in a fixed order, strings double-quoted (JSON escapes), so the output is deterministic,
 * diff-friendly and readable by any YAML 1.2 parser (including the `yaml` package @satlab/data uses).
 *
 * @param codebook the codebook object.
 * @param header optional comment lines written first (each prefixed with `# `).
 * @returns the YAML text, LF line ends, final newline.
 * @throws {RangeError} on a non-finite number.
 * @example
 * codebookToYaml({ columns: { nps: { type: 'numeric', scale: [0, 10], missing: [99] } } });
 * // 'columns:\n  nps: { type: numeric, scale: [0, 10], missing: [99] }\n'
 */
export function codebookToYaml(codebook: Codebook, header: readonly string[] = []): string {
  const lines = header.map((h) => (h === '' ? '#' : `# ${h}`));
  if (codebook.name !== undefined) lines.push(`name: ${scalar(codebook.name)}`);
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
  return lines.join('\n') + '\n';
}

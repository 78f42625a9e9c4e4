import type { Codebook, ColumnSpec, Table } from '@satlab/data';

/**
 * A codebook describing a table's columns as loaded (type, label, scale, value labels, levels),
 * for waves read without a codebook: ordinal scales are the range of their scores, numeric
 * scales the declared one.
 */
export function codebookOfTable(table: Table, file: string): Codebook {
  const columns: Record<string, ColumnSpec> = {};
  for (const c of table.columns) {
    const spec: ColumnSpec = { type: c.type };
    if (c.label !== undefined) spec.label = c.label;
    if (c.type === 'numeric') {
      if (c.scale) spec.scale = [c.scale[0], c.scale[1]];
      if (c.valueLabels) spec.labels = { ...c.valueLabels };
    } else if (c.type === 'ordinal') {
      if (c.scores && c.scores.length > 0) {
        const s = Array.from(c.scores);
        spec.scale = [Math.min(...s), Math.max(...s)];
        const labels: Record<string, string> = {};
        c.levels.forEach((l, k) => (labels[String(s[k])] = l));
        spec.labels = labels;
      } else {
        spec.levels = [...c.levels];
      }
    } else if (c.type === 'categorical') {
      spec.levels = [...c.levels];
    }
    columns[c.name] = spec;
  }
  return { file, columns, warnings: [] };
}

import { createHash } from 'node:crypto';

/**
 * Vega numbers gradient and clip-path ids with a process-wide counter (`gradient_0`, `clip1`…), so
 * the same chart renders with different ids, and two SVGs rendered in different processes can
 * share an id — a problem once several SVGs sit inline in one HTML page (the second legend would
 * paint with the first one's gradient). This renames every such id after a hash of the SVG with its
 * ids blanked: the output is deterministic and distinct charts get distinct ids.
 */
export function stableSvgIds(svg: string): string {
  const ids = [...new Set([...svg.matchAll(/\bid="((?:gradient_|clip|pattern_)\d+)"/g)].map((m) => m[1]))];
  if (ids.length === 0) return svg;
  const pattern = new RegExp(`\\b(${ids.join('|')})\\b`, 'g');
  const hash = createHash('sha256').update(svg.replace(pattern, 'id')).digest('hex').slice(0, 10);
  const rename = new Map(ids.map((id, k) => [id, `satlab-${hash}-${k}`]));
  return svg.replace(pattern, (id) => rename.get(id) ?? id);
}

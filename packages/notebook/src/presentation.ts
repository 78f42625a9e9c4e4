/** Analysis results shown through the presenters of @satlab/present (internal). */
import { isPresentation, present, presenterKind, toHtml, toText } from '@satlab/present';
import type { PresentLabels, Presentation } from '@satlab/present';
import { isPlainObject, isTable, isVegaLiteSpec } from './bundles.js';
import type { Lang } from './labels.js';
import type { MimeBundle } from './types.js';

/**
 * The bundle of a result: `text/html` from `toHtml` (labelled tables, reading, footnotes,
 * warnings; the stylesheet inlined so that an exported page keeps it) and `text/plain` from
 * `toText` (laid out like R's print of an htest).
 */
export function presentationBundle(x: object, lang: Lang, title?: string, labels?: PresentLabels): MimeBundle {
  const all = { ...labels, ...(title !== undefined ? { title } : {}) };
  const p: Presentation = isPresentation(x) ? x : present(x, { lang, ...(Object.keys(all).length ? { labels: all } : {}) });
  return { data: { 'text/html': toHtml(p, { css: true }), 'text/plain': toText(p).trimEnd() }, metadata: {} };
}

/**
 * Whether a value is something `show()` displays better than Node's inspection: a chart, a
 * table, a presentation, or an analysis result (one a presenter recognises, or any object with a
 * `method` or `warnings`). The kernel displays such a value when it ends a cell.
 *
 * @example
 * isDisplayable({ method: "Welch Two Sample t-test", statistic: 2.1, pValue: 0.04, warnings: [] }); //=> true
 * isDisplayable({ a: 1 }); //=> false
 * isDisplayable([1, 2, 3]); //=> false
 */
export function isDisplayable(x: unknown): boolean {
  if (!isPlainObject(x)) return false;
  const r: Record<string, unknown> = x;
  if (typeof r.method === 'string' || Array.isArray(r.warnings)) return true;
  if (isVegaLiteSpec(x) || isTable(x) || isPresentation(x)) return true;
  return presenterKind(x) !== 'generic';
}

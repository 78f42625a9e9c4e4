import { createRequire } from 'node:module';
import type { MimeBundle } from './types.js';

type WriteDisplayData = (data: { data: Record<string, unknown>; metadata: Record<string, unknown>; transient: Record<string, unknown> }, update: boolean) => void;

/**
 * The display writer of the running tslab kernel, or undefined outside one. tslab keeps the writer
 * of the cell being executed in `lastWriteDisplayData` of its `dist/jupyter.js` module; its public
 * `display.raw(mime, string)` can only send one string-valued MIME type, while a chart needs one
 * message holding the Vega-Lite JSON object and the SVG. The module is looked up in Node's module
 * cache only, so nothing of tslab is loaded outside a kernel.
 */
function tslabWriter(): WriteDisplayData | undefined {
  const require = createRequire(import.meta.url);
  let path: string;
  try {
    path = require.resolve('tslab/dist/jupyter.js');
  } catch {
    return undefined;
  }
  const mod = require.cache[path];
  const write = (mod?.exports as { lastWriteDisplayData?: unknown } | undefined)?.lastWriteDisplayData;
  return typeof write === 'function' ? (write as WriteDisplayData) : undefined;
}

/**
 * Sends a MIME bundle to the Jupyter front end as one `display_data` message, when running inside
 * a tslab kernel (the satlab kernel is tslab).
 *
 * @param bundle e.g. from `toBundle`
 * @returns true when sent, false outside a tslab kernel (nothing is printed)
 * @example
 * // true in a notebook cell; here, outside a kernel, nothing is sent:
 * displayBundle({ data: { 'text/html': '<b>Santé</b>', 'text/plain': 'Santé' }, metadata: {} }); //=> false
 */
export function displayBundle(bundle: MimeBundle): boolean {
  const write = tslabWriter();
  if (!write) return false;
  write({ data: bundle.data, metadata: bundle.metadata, transient: {} }, false);
  return true;
}

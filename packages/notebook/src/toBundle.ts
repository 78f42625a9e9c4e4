import { formatScalar } from './cells.js';
import { gridBundle, isPlainObject, isRecords, isTable, isVegaLiteSpec, recordsGrid, specBundle, tableGrid } from './bundles.js';
import { getLang } from './lang.js';
import { presentationBundle } from './presentation.js';
import type { MimeBundle, ShowOptions } from './types.js';

/**
 * Builds the Jupyter MIME bundle that `show` displays, without displaying it (pure apart from
 * rendering charts). Dispatch:
 * - a Vega-Lite spec (from `@satlab/charts`, or any spec with a vega-lite `$schema`, a `mark` or a
 *   `layer`/`hconcat`/`vconcat`/`concat`): `application/vnd.vegalite.v5+json` (the spec as a JSON
 *   object, for JupyterLab / VS Code), `image/svg+xml` (rendered headlessly by `renderSvgSync`, for
 *   nbconvert HTML, GitHub and the classic notebook) and `text/plain`;
 * - a `Table` of `@satlab/data` (`{ nRows, columns }`) or an array of plain records: `text/html`
 *   (every header and cell escaped, at most `maxRows` rows then "… n more rows") and `text/plain`;
 * - an analysis result (cross-tab, χ² test, NPS…, any plain object) or a `Presentation`: the
 *   presenter of `@satlab/present` for its kind turns it into titled tables with the variables'
 *   labels, a reading, footnotes and warnings in `lang`; `text/html` from `toHtml` and
 *   `text/plain` from `toText` (laid out like R's print of an htest);
 * - anything else: `text/plain`.
 *
 * @param x the value to display
 * @param opts `lang` (default: the notebook's language, {@link setLang}'s, else from LANG like the
 *   CLI — the same as `show()`), `maxRows` (default 20), `title`, `labels` (variable names for the presentation)
 * @returns `{ data: { mime: representation, … }, metadata: {} }`, always with `text/plain`
 * @throws RangeError when `maxRows` is not a positive integer; TypeError for a Promise (await it first);
 *   Error when a chart cannot be rendered
 * @example
 * const b = toBundle([{ contrat: 'Santé', n: 144 }], { lang: 'fr' });
 * Object.keys(b.data); //=> ['text/html', 'text/plain']
 * b.data['text/plain']; //=> '1 ligne × 2 colonnes\ncontrat    n\n───────  ───\nSanté    144'
 * toBundle(Promise.resolve(1)); //=> throws TypeError
 * setLang('fr');
 * toBundle(0.5).data['text/plain']; //=> '0,5'
 * setLang('en');
 * toBundle(0.5).data['text/plain']; //=> '0.5'
 */
export function toBundle(x: unknown, opts: ShowOptions = {}): MimeBundle {
  const lang = opts.lang ?? getLang();
  if (lang !== 'fr' && lang !== 'en') throw new TypeError(`toBundle: opts.lang must be "fr" or "en", got ${JSON.stringify(lang)}`);
  const maxRows = opts.maxRows ?? 20;
  if (!Number.isInteger(maxRows) || maxRows < 1) throw new RangeError(`toBundle: opts.maxRows must be a positive integer, got ${maxRows}`);
  if (typeof (x as { then?: unknown } | null)?.then === 'function') throw new TypeError('toBundle: got a Promise; await it first (show(await analysis(…)))');
  if (isVegaLiteSpec(x)) return specBundle(x, lang);
  if (isTable(x)) return gridBundle(tableGrid(x, lang, maxRows), lang, opts.title);
  if (isRecords(x)) return gridBundle(recordsGrid(x, lang, maxRows), lang, opts.title);
  if (isPlainObject(x)) return presentationBundle(x, lang, opts.title, opts.labels);
  return { data: { 'text/plain': typeof x === 'string' ? x : formatScalar(x, lang) }, metadata: {} };
}

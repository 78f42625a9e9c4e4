import { displayBundle } from './displayBundle.js';
import { getLang } from './lang.js';
import { toBundle } from './toBundle.js';
import type { ShowOptions } from './types.js';

/**
 * Displays a chart spec, a table, records or an analysis result in a notebook: builds the bundle
 * with `toBundle` and sends it to the front end as one `display_data` message (Vega-Lite JSON +
 * SVG for charts; escaped HTML + text for tables; for results, the presentation of
 * `@satlab/present` — labelled tables with percentages, the reading, footnotes and warnings — as
 * HTML, and as text laid out like R's print of an htest). Synchronous — a chart is rendered before
 * `show` returns — so a plain `show(chart)` cell carries its figure, no `await` needed. Outside a
 * tslab kernel it prints the `text/plain` representation on stdout. Returns nothing, so that
 * tslab does not echo a value after the display.
 *
 * @param x a Vega-Lite spec, a `Table`, an array of records, a result object, or any value
 * @param opts `lang` (default: {@link setLang}'s, else from LANG like the CLI), `maxRows` (20), `title`
 * @throws as `toBundle`
 * @example
 * // In a notebook: show(crossTab(table, 'contrat', 'satisfaction'), { lang: 'fr' }) displays the
 * // cross-tab with its labels and row %; show(ipaChart(result, { lang: 'fr' })) the IPA matrix;
 * // show(table, { lang: 'fr', maxRows: 10 }) the first 10 rows, then "… 11 990 lignes de plus".
 * // Outside a kernel it prints the text form (toBundle(x).data['text/plain']) and returns nothing:
 * show([{ contrat: 'Santé', n: 144 }], { lang: 'fr' }); //=> undefined
 */
export function show(x: unknown, opts: ShowOptions = {}): void {
  const bundle = toBundle(x, { ...opts, lang: opts.lang ?? getLang() });
  if (!displayBundle(bundle)) process.stdout.write(bundle.data['text/plain'] + '\n');
}

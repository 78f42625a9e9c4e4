import { displayBundle } from './displayBundle.js';
import { toBundle } from './toBundle.js';
import type { ShowOptions } from './types.js';

/** Language from the environment, as the CLI decides it: French when LC_ALL / LC_MESSAGES / LANG start with "fr". */
function envLang(): 'fr' | 'en' {
  const env = process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || '';
  return env.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

/**
 * Displays a chart spec, a table, records or a result in a notebook: builds the bundle with
 * `toBundle` and sends it to the front end as one `display_data` message (Vega-Lite JSON + SVG
 * for charts, escaped HTML + text for tables, a formatted report for results). Synchronous — the
 * chart is rendered before `show` returns — so a plain `show(chart)` cell carries its figure, no
 * `await` needed. Outside a tslab kernel it prints the `text/plain` representation on stdout.
 * Returns nothing, so that tslab does not echo a value after the display.
 *
 * @param x a Vega-Lite spec, a `Table`, an array of records, a result object, or any value
 * @param opts `lang` (default from LANG like the CLI: fr when it starts with "fr", else en), `maxRows` (20), `title`
 * @throws as `toBundle`
 * @example
 * show(ipaChart(result, { lang: 'fr' }))   // the IPA matrix under the cell
 * show(table, { lang: 'fr', maxRows: 10 }) // the first 10 rows, "… 11 990 lignes de plus"
 */
export function show(x: unknown, opts: ShowOptions = {}): void {
  const bundle = toBundle(x, { ...opts, lang: opts.lang ?? envLang() });
  if (!displayBundle(bundle)) process.stdout.write(bundle.data['text/plain'] + '\n');
}

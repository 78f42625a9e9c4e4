import type * as Vega from 'vega';
import type { TopLevelSpec } from 'vega-lite';
import { loadVega, loadVegaLite } from './lazy.js';
import { stableSvgIds } from './svgIds.js';

/**
 * A Vega logger that keeps errors (Vega logs dataflow errors and carries on, so the real cause
 * would otherwise be lost behind a later failure) and passes warnings on to the console.
 */
function collectingLogger(vega: typeof Vega, errors: string[]): Vega.LoggerInterface {
  const text = (args: ArrayLike<unknown>): string => Array.from(args, (a) => (a instanceof Error ? a.message : String(a))).join(' ');
  return vega.logger(vega.Warn, undefined, (method: string, level: string, input: ArrayLike<unknown>) => {
    if (level === 'ERROR') errors.push(text(input));
    else console.warn(`${level} ${text(input)}`);
  });
}

/**
 * Renders a Vega-Lite spec to an SVG string headlessly (no browser, no canvas): the spec is
 * compiled by vega-lite 5 to Vega, parsed, run in a `vega.View` with `renderer: 'none'`, and
 * serialised by `view.toSVG()`. Text widths are estimated by Vega (no font metrics), so label
 * placement can differ by a pixel or two from a browser. Gradient and clip-path ids are renamed
 * after a hash of the chart, so the SVG is deterministic and can sit inline next to other charts.
 *
 * @param spec a Vega-Lite v5 spec (e.g. from `ipaChart`)
 * @returns a promise of the `<svg …>…</svg>` markup
 * @throws Error from vega-lite (invalid spec) or `renderSvg: <Vega error>` (e.g. an unknown colour scheme)
 * @example
 * const svg = await renderSvg({ data: { values: [{ a: 1 }] }, mark: 'point', encoding: { x: { field: 'a', type: 'quantitative' } } });
 * //=> '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" version="1.1" class="marks" width="216" height="62"'…
 * svg.endsWith('</svg>'); //=> true
 */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const vega = loadVega();
  const errors: string[] = [];
  const view = new vega.View(vega.parse(loadVegaLite().compile(spec).spec), { renderer: 'none', logger: collectingLogger(vega, errors) });
  try {
    const svg = await view.toSVG();
    if (errors.length > 0) throw new Error(errors[0]);
    return stableSvgIds(svg);
  } catch (e) {
    throw new Error(`renderSvg: ${errors[0] ?? (e instanceof Error ? e.message : String(e))}`, { cause: e });
  } finally {
    view.finalize();
  }
}

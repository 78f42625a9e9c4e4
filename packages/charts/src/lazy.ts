import { createRequire } from 'node:module';
import type * as Vega from 'vega';
import type * as VegaLite from 'vega-lite';

// Vega and vega-lite take about 0.4 s to load: they are required on first render only, so that
// importing @satlab/charts (or @satlab/notebook, or a CLI command) to build specs stays cheap.
const require = createRequire(import.meta.url);
let vega: typeof Vega | undefined;
let vegaLite: typeof VegaLite | undefined;

/** The `vega` module (5.x), loaded on first use. */
export function loadVega(): typeof Vega {
  return (vega ??= require('vega') as typeof Vega);
}

/** The `vega-lite` module (5.x), loaded on first use. */
export function loadVegaLite(): typeof VegaLite {
  return (vegaLite ??= require('vega-lite') as typeof VegaLite);
}

/** Absolute path of the `vega` module, for the render worker. */
export function vegaPath(): string {
  return require.resolve('vega');
}

import { MessageChannel, Worker, receiveMessageOnPort } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import type { TopLevelSpec } from 'vega-lite';
import { loadVegaLite, vegaPath } from './lazy.js';
import { stableSvgIds } from './svgIds.js';

/** Options of `renderSvgSync`. */
export interface RenderSvgSyncOptions {
  /** Longest wait for the renderer in milliseconds; default 60 000. */
  timeoutMs?: number;
}

// The worker runs exactly what renderSvg runs (vega.View with renderer 'none', then toSVG) and
// wakes the caller through a shared Int32Array; the reply is read with receiveMessageOnPort.
const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
const vega = require(workerData.vegaPath);
const port = workerData.port;
port.on('message', async (req) => {
  const errors = [];
  const text = (args) => Array.from(args, (a) => (a instanceof Error ? a.message : String(a))).join(' ');
  const logger = vega.logger(vega.Warn, undefined, (method, level, input) => {
    if (level === 'ERROR') errors.push(text(input));
    else console.warn(level + ' ' + text(input));
  });
  let reply;
  try {
    const view = new vega.View(vega.parse(req.spec), { renderer: 'none', logger });
    try {
      const svg = await view.toSVG();
      reply = errors.length ? { id: req.id, error: errors[0] } : { id: req.id, svg };
    } finally {
      view.finalize();
    }
  } catch (e) {
    reply = { id: req.id, error: errors[0] || String((e && e.message) || e) };
  }
  port.postMessage(reply);
  Atomics.store(req.signal, 0, 1);
  Atomics.notify(req.signal, 0);
});
`;

interface Renderer {
  worker: Worker;
  port: MessagePort;
  next: number;
}
let renderer: Renderer | undefined;

function getRenderer(): Renderer {
  if (renderer) return renderer;
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { vegaPath: vegaPath(), port: port2 }, transferList: [port2] });
  worker.unref();
  port1.unref();
  worker.on('error', () => {
    renderer = undefined;
  });
  worker.on('exit', () => {
    renderer = undefined;
  });
  renderer = { worker, port: port1, next: 0 };
  return renderer;
}

/**
 * Renders a Vega-Lite spec to an SVG string synchronously: the same pipeline as `renderSvg`
 * (vega-lite `compile`, `vega.parse`, `new vega.View(…, { renderer: 'none' }).toSVG()`), with the
 * Vega part run in a worker thread that the caller waits for (`Atomics.wait`). This is what a
 * notebook `show(chart)` needs: tslab only awaits cells that contain a top-level `await`, so a
 * display sent after an asynchronous render would arrive after the cell has finished. The worker is
 * started on first use (about 0.3 s to load Vega) and kept, unreferenced, for later calls.
 *
 * @param spec a Vega-Lite v5 spec
 * @param opts `timeoutMs` (default 60 000)
 * @returns the `<svg …>…</svg>` markup, identical to `await renderSvg(spec)`
 * @throws Error from vega-lite or Vega when the spec is invalid, or when the renderer times out
 * @example
 * const svg = renderSvgSync({ data: { values: [{ a: 1 }] }, mark: 'point', encoding: { x: { field: 'a', type: 'quantitative' } } });
 * //=> '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" version="1.1" class="marks" width="216" height="62"'…
 * svg.endsWith('</svg>'); //=> true
 */
export function renderSvgSync(spec: TopLevelSpec, opts: RenderSvgSyncOptions = {}): string {
  const timeoutMs = opts.timeoutMs ?? 60_000;
  if (!(timeoutMs > 0)) throw new RangeError(`renderSvgSync: opts.timeoutMs must be positive, got ${timeoutMs}`);
  const vgSpec = loadVegaLite().compile(spec).spec;
  const r = getRenderer();
  const id = ++r.next;
  const signal = new Int32Array(new SharedArrayBuffer(4));
  r.port.postMessage({ id, spec: vgSpec, signal });
  const waited = Atomics.wait(signal, 0, 0, timeoutMs);
  const reply = receiveMessageOnPort(r.port)?.message as { id: number; svg?: string; error?: string } | undefined;
  if (waited === 'timed-out' || !reply) {
    void r.worker.terminate();
    renderer = undefined;
    throw new Error(`renderSvgSync: the Vega renderer did not answer within ${timeoutMs} ms`);
  }
  if (reply.id !== id) throw new Error(`renderSvgSync: reply ${reply.id} does not match request ${id}`);
  if (reply.error !== undefined) throw new Error(`renderSvgSync: ${reply.error}`);
  return stableSvgIds(reply.svg as string);
}

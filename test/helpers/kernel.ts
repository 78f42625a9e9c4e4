/**
 * Runs notebooks and code cells in THIS checkout's satlab kernel, never in whatever "satlab"
 * kernel is registered machine-wide (it may point at another clone's tslab): `privateKernel()`
 * of @satlab/notebook writes a "satlab" kernelspec into a temporary directory put first on
 * `JUPYTER_PATH`, pointing at this checkout's tslab, kernel hook and the Node binary running the
 * tests, with `SATLAB_CHECKOUT` set to this checkout's root.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { privateKernel } from '@satlab/notebook';
import type { PrivateKernel } from '@satlab/notebook';

export const root = fileURLToPath(new URL('../..', import.meta.url));
/** Debian's Jupyter: another python may be first on PATH without nbconvert. */
export const JUPYTER = '/usr/bin/jupyter';

export interface Output {
  output_type: string;
  name?: string;
  text?: string | string[];
  ename?: string;
  evalue?: string;
  traceback?: string[];
  data?: Record<string, unknown>;
}
export interface Cell {
  id?: string;
  cell_type: string;
  source: string | string[];
  metadata: { tags?: string[] };
  outputs?: Output[];
}

/** nbformat may store a text as a list of lines. */
export const joined = (s: unknown): string => (Array.isArray(s) ? s.join('') : typeof s === 'string' ? s : '');

/** The checkout's kernel, made once per test file. */
let kernel: PrivateKernel | undefined;
export function checkoutKernel(): PrivateKernel {
  kernel ??= privateKernel();
  return kernel;
}
/** Removes the temporary kernelspec (call in afterAll). */
export function removeCheckoutKernel(): void {
  if (kernel) rmSync(kernel.jupyterPath, { recursive: true, force: true });
  kernel = undefined;
}

export interface Run {
  status: number | null;
  stderr: string;
  cells: Cell[];
}

/** Executes a notebook with nbconvert in the checkout's kernel (in the notebook's directory); returns its executed cells. */
export function executeNotebook(path: string, outDir: string, opts: { allowErrors?: boolean } = {}): Run {
  const out = join(outDir, basename(path));
  const args = ['nbconvert', '--to', 'notebook', '--execute', '--ExecutePreprocessor.kernel_name=satlab', '--ExecutePreprocessor.timeout=300'];
  if (opts.allowErrors) args.push('--allow-errors');
  const run = spawnSync(JUPYTER, [...args, path, '--output', out], { env: checkoutKernel().env, encoding: 'utf8', timeout: 330_000 });
  if (run.status !== 0) return { status: run.status, stderr: run.stderr, cells: [] };
  return { status: 0, stderr: run.stderr, cells: (JSON.parse(readFileSync(out, 'utf8')) as { cells: Cell[] }).cells };
}

/**
 * Runs code cells (TypeScript, in order) in the checkout's kernel with `dir` as the working
 * directory (the cells' notebook is written there for the run, then removed).
 */
export function runCells(sources: string[], dir: string, opts: { allowErrors?: boolean } = {}): Run {
  const nb = {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: { kernelspec: { name: 'satlab', display_name: 'satlab', language: 'typescript' } },
    cells: sources.map((s, i) => ({ id: `c${i}`, cell_type: 'code', metadata: {}, execution_count: null, outputs: [], source: s })),
  };
  const path = join(dir, `.satlab-cells-${process.pid}-${Date.now()}.ipynb`);
  const outDir = mkdtempSync(join(tmpdir(), 'satlab-cells-'));
  writeFileSync(path, JSON.stringify(nb));
  try {
    return executeNotebook(path, outDir, opts);
  } finally {
    rmSync(path, { force: true });
    rmSync(outDir, { recursive: true, force: true });
  }
}

/** The outputs of a cell of a given MIME type (display_data and execute_result). */
export function mime(cell: Cell, type: string): string[] {
  return (cell.outputs ?? []).filter((o) => o.data?.[type] !== undefined).map((o) => joined(o.data![type]));
}

import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** What `installKernel` wrote. */
export interface KernelInstall {
  /** Directory of the kernelspec (holds kernel.json). */
  dir: string;
  /** The kernelspec itself. */
  spec: { argv: string[]; display_name: string; language: string; env?: Record<string, string> };
}

/** Options of `installKernel`. */
export interface KernelInstallOptions {
  /** Jupyter data directory; default `$JUPYTER_DATA_DIR`, else `~/.local/share/jupyter`. */
  dataDir?: string;
  /** Kernel name (directory); default "satlab". */
  name?: string;
  /** Environment variables the kernel starts with (kernelspec `env`). Default none. */
  env?: Record<string, string>;
  /** Display name; default "satlab (TypeScript)". */
  displayName?: string;
}

/**
 * Registers the "satlab (TypeScript)" Jupyter kernel: tslab started by this very Node binary
 * with absolute paths (no PATH set-up needed; notebooks in the repository resolve the workspace
 * packages through the root node_modules), preloading this package's kernel hook
 * (`node --import …/kernelHook.js`), which makes a cell's error reach Jupyter with its class and
 * message and shows a bare result at the end of a cell as `show()` would.
 *
 * @example
 * import { existsSync, mkdtempSync } from 'node:fs';
 * import { tmpdir } from 'node:os';
 * import { join } from 'node:path';
 * const k = installKernel({ dataDir: mkdtempSync(join(tmpdir(), 'jupyter-')) });
 * // argv: [node, '--import', 'file:///…/packages/notebook/dist/kernelHook.js', '/…/tslab/bin/tslab', 'kernel', '--config-path', '{connection_file}']
 * k.spec.argv.slice(1, 2); //=> ['--import']
 * k.spec.argv.slice(4); //=> ['kernel', '--config-path', '{connection_file}']
 * k.spec.display_name; //=> 'satlab (TypeScript)'
 * existsSync(join(k.dir, 'kernel.json')); //=> true
 */
export function installKernel(opts: KernelInstallOptions = {}): KernelInstall {
  const require = createRequire(import.meta.url);
  const tslabPkg = require.resolve('tslab/package.json');
  const tslabBin = join(dirname(tslabPkg), 'bin', 'tslab');
  // dist/kernelHook.js from src/ (tests run the sources) and from dist/ alike.
  const hook = pathToFileURL(join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'kernelHook.js')).href;
  const dataDir = opts.dataDir ?? process.env.JUPYTER_DATA_DIR ?? join(homedir(), '.local', 'share', 'jupyter');
  const dir = join(dataDir, 'kernels', opts.name ?? 'satlab');
  const spec = {
    argv: [process.execPath, '--import', hook, tslabBin, 'kernel', '--config-path', '{connection_file}'],
    display_name: opts.displayName ?? 'satlab (TypeScript)',
    language: 'typescript',
    ...(opts.env ? { env: opts.env } : {}),
  };
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'kernel.json'), JSON.stringify(spec, null, 2) + '\n');
  return { dir, spec };
}

/** What {@link privateKernel} made: the kernelspec and the environment that selects it. */
export interface PrivateKernel extends KernelInstall {
  /** The temporary Jupyter path holding `kernels/satlab` (remove it when done). */
  jupyterPath: string;
  /** `process.env` with `JUPYTER_PATH` starting with it: run Jupyter with this. */
  env: NodeJS.ProcessEnv;
}

/**
 * A "satlab" kernelspec for THIS checkout (its tslab, its kernel hook, this Node binary) in a
 * fresh temporary directory put first on `JUPYTER_PATH`, where Jupyter looks before the user's
 * and the system's kernels: a notebook run with the returned `env` never executes whatever
 * "satlab" kernel is registered machine-wide (it may belong to another clone). The kernel gets
 * `SATLAB_CHECKOUT` (the checkout's root) in its environment, so a cell can check where it runs.
 *
 * @example
 * const k = privateKernel(); // then: spawnSync('/usr/bin/jupyter', ['nbconvert', '--execute', …], { env: k.env })
 * k.env.JUPYTER_PATH.split(':')[0] === k.jupyterPath; //=> true
 * k.spec.argv[1]; //=> '--import'
 */
export function privateKernel(opts: { env?: Record<string, string> } = {}): PrivateKernel {
  const jupyterPath = mkdtempSync(join(tmpdir(), 'satlab-kernel-'));
  const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
  const k = installKernel({ dataDir: jupyterPath, env: { SATLAB_CHECKOUT: root, ...opts.env }, displayName: 'satlab (TypeScript, this checkout)' });
  const env = { ...process.env, JUPYTER_PATH: [jupyterPath, process.env.JUPYTER_PATH].filter(Boolean).join(':') };
  return { ...k, jupyterPath, env };
}

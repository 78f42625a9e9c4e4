import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

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
}

/**
 * Registers the "satlab (TypeScript)" Jupyter kernel: tslab started by this very Node binary
 * with an absolute path, so no PATH set-up is needed; notebooks in the repository resolve the
 * workspace packages through the root node_modules.
 */
export function installKernel(opts: KernelInstallOptions = {}): KernelInstall {
  const require = createRequire(import.meta.url);
  const tslabPkg = require.resolve('tslab/package.json');
  const tslabBin = join(dirname(tslabPkg), 'bin', 'tslab');
  const dataDir = opts.dataDir ?? process.env.JUPYTER_DATA_DIR ?? join(homedir(), '.local', 'share', 'jupyter');
  const dir = join(dataDir, 'kernels', opts.name ?? 'satlab');
  const spec = {
    argv: [process.execPath, tslabBin, 'kernel', '--config-path', '{connection_file}'],
    display_name: 'satlab (TypeScript)',
    language: 'typescript',
  };
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'kernel.json'), JSON.stringify(spec, null, 2) + '\n');
  return { dir, spec };
}

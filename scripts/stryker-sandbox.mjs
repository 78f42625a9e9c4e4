// Stryker's build step (stryker.config.mjs), run inside its sandbox (.stryker-tmp/sandbox-*/):
// Stryker links only the root node_modules into the sandbox, so link each package's own
// node_modules (jstat, simple-statistics, DuckDB…) from the working tree as well.
import { existsSync, readdirSync, symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';

const sandbox = process.cwd();
const original = resolve(sandbox, '..', '..');
if (!sandbox.includes('.stryker-tmp')) throw new Error(`stryker-sandbox: run inside Stryker's sandbox, not in ${sandbox}`);
for (const p of readdirSync(join(sandbox, 'packages'))) {
  const from = join(original, 'packages', p, 'node_modules');
  const to = join(sandbox, 'packages', p, 'node_modules');
  if (existsSync(from) && !existsSync(to)) symlinkSync(from, to, 'dir');
}

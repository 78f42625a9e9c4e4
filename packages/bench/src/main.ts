/**
 * `pnpm bench [name …] [-- args]`: runs the named benchmarks (all when none is named), each a
 * module in `benches/` default-exporting a `Bench`. Benchmarks compare satlab with its peers
 * (pandas, scipy, numpy, DuckDB) side by side in one run; they are never part of `pnpm test`.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Bench } from './harness.js';
import { workDir } from './harness.js';

const dir = join(dirname(fileURLToPath(import.meta.url)), 'benches');
const available = readdirSync(dir).filter((f) => f.endsWith('.js')).map((f) => f.slice(0, -3)).sort();
const argv = process.argv.slice(2);
const dash = argv.indexOf('--');
const names = (dash >= 0 ? argv.slice(0, dash) : argv).filter((a) => !a.startsWith('-'));
const extra = dash >= 0 ? argv.slice(dash + 1) : argv.filter((a) => a.startsWith('-'));
const chosen = names.length ? names : available;
for (const n of chosen) {
  if (!available.includes(n)) {
    process.stderr.write(`bench: unknown benchmark "${n}" (have: ${available.join(', ')})\n`);
    process.exit(2);
  }
}
for (const n of chosen) {
  const mod = (await import(pathToFileURL(join(dir, `${n}.js`)).href)) as { default: Bench };
  process.stdout.write(`\n=== ${mod.default.name}: ${mod.default.description}\n`);
  await mod.default.run({ workDir: workDir(), args: extra });
}

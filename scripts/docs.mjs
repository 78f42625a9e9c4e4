// Builds the API site with TypeDoc into docs/api/ (open docs/api/index.html; no network needed),
// one page per package, then checks every relative link and anchor of the generated HTML.
// `pnpm run docs` builds; `pnpm run docs -- --check` also fails (exit 1) on TypeDoc validation
// warnings: an exported function without a doc comment, a broken {@link}.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const check = process.argv.includes('--check');
const out = join(root, 'docs', 'api');

// Every workspace package that has a public entry point; the CLI and the benchmarks are programs.
const skip = new Set(['cli', 'bench']);
const packages = readdirSync(join(root, 'packages'))
  .filter((p) => !skip.has(p) && existsSync(join(root, 'packages', p, 'src', 'index.ts')))
  .sort();

const args = ['typedoc', '--options', join(root, 'typedoc.json'), ...packages.flatMap((p) => ['--entryPoints', `packages/${p}`])];
if (check) args.push('--treatValidationWarningsAsErrors');
const r = spawnSync('npx', args, { cwd: root, stdio: 'inherit' });
if (r.status !== 0) {
  console.error(`docs: typedoc failed (exit ${r.status})`);
  process.exit(1);
}

// Link check: every href/src that is not external must name a file of the site, and an anchor
// (#id) must exist in the target page.
const files = [];
const walk = (d) => {
  for (const e of readdirSync(d)) {
    const f = join(d, e);
    if (statSync(f).isDirectory()) walk(f);
    else files.push(f);
  }
};
walk(out);
const ids = new Map();
const idsOf = (file) => {
  if (!ids.has(file)) {
    const html = readFileSync(file, 'utf8');
    ids.set(file, new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]).concat([...html.matchAll(/\sname="([^"]+)"/g)].map((m) => m[1]))));
  }
  return ids.get(file);
};
const broken = [];
for (const file of files.filter((f) => f.endsWith('.html'))) {
  const html = readFileSync(file, 'utf8');
  for (const m of html.matchAll(/\s(?:href|src)="([^"]*)"/g)) {
    const link = m[1];
    if (/^(?:[a-z]+:|\/\/)/i.test(link) || link === '' || link === '#') continue;
    const [path, anchor] = link.split('#');
    const target = path === '' ? file : resolve(dirname(file), decodeURIComponent(path));
    if (!existsSync(target)) broken.push(`${file.slice(root.length + 1)}: ${link} (no such file)`);
    // TypeDoc's own section anchors are created by script (the "md:" and "#"-prefixed ones).
    else if (anchor && target.endsWith('.html') && !anchor.startsWith('md:') && !idsOf(target).has(decodeURIComponent(anchor)))
      broken.push(`${file.slice(root.length + 1)}: ${link} (no such anchor)`);
  }
}
if (broken.length > 0) {
  console.error(`docs: ${broken.length} broken link(s):\n  ${broken.slice(0, 50).join('\n  ')}`);
  process.exit(1);
}
console.log(`docs: ${packages.length} packages, ${files.length} files, links checked; open docs/api/index.html`);

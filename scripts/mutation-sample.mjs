// Estimate a package's mutation score from a random sample of its code lines, when the full run
// (`pnpm run mutation`) would take hours on two cores:
//   pnpm run mutation:sample stats 0.3          # 30 % of the code lines of packages/stats/src
//   pnpm run mutation:sample drivers 0.3 7      # seed 7 (default 1)
// Every mutant on a sampled line is tested, so the sample is a cluster sample of mutants by line;
// the script prints the score with a 95 % interval that accounts for the clustering (ratio
// estimator, linearised variance). It writes `stryker.sample.mjs` (ignored by git), runs
// Stryker with it and reads `reports/mutation/<pkg>-sample.json`.
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import base from '../stryker.config.mjs';

const [pkg, qText = '0.3', seedText = '1', ...rest] = process.argv.slice(2);
if (!pkg || !/^[a-z]+$/.test(pkg)) {
  console.error('usage: pnpm run mutation:sample <package> [share of lines, default 0.3] [seed, default 1]');
  process.exit(2);
}
const q = Number(qText);
const seed = Number(seedText);
if (!(q > 0 && q <= 1) || !Number.isInteger(seed)) {
  console.error(`mutation:sample: the share must be in (0, 1] and the seed an integer (got ${qText}, ${seedText})`);
  process.exit(2);
}

// The files stryker.config.mjs's `mutate` leaves out (its `!` patterns), by file name.
const EXCLUDED = new Set(base.mutate.filter((p) => p.startsWith('!')).map((p) => p.split('/').pop()));
function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return walk(p);
    return name.endsWith('.ts') && !EXCLUDED.has(name) ? [p] : [];
  });
}

// mulberry32: a small seeded generator, so a sample can be drawn again.
function mulberry32(a) {
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = mulberry32(seed);

/** Code lines of a file: not blank, not a comment, not an import or a type declaration. */
function codeLines(text) {
  const out = [];
  let inComment = false;
  text.split('\n').forEach((raw, i) => {
    const t = raw.trim();
    if (inComment) {
      if (t.includes('*/')) inComment = false;
      return;
    }
    if (t.startsWith('/*')) {
      inComment = !t.includes('*/');
      return;
    }
    if (!t || t.startsWith('//') || t.startsWith('import ') || /^export (type|interface) /.test(t)) return;
    out.push(i + 1);
  });
  return out;
}

const files = walk(join('packages', pkg, 'src')).sort();
if (files.length === 0) {
  console.error(`mutation:sample: no sources under packages/${pkg}/src`);
  process.exit(2);
}
const ranges = [];
let total = 0;
for (const f of files) {
  for (const line of codeLines(readFileSync(f, 'utf8'))) {
    total++;
    if (random() < q) ranges.push(`${f}:${line}-${line}`);
  }
}
const report = `reports/mutation/${pkg}-sample.json`;
writeFileSync(
  'stryker.sample.mjs',
  `// Written by scripts/mutation-sample.mjs: ${ranges.length} of ${total} code lines of packages/${pkg}/src (q = ${q}, seed ${seed}).
import base from './stryker.config.mjs';
export default { ...base, mutate: ${JSON.stringify(ranges)},
  reporters: ['progress-append-only', 'json'], jsonReporter: { fileName: '${report}' } };
`,
);
console.log(`mutation:sample: ${ranges.length} of ${total} code lines of packages/${pkg}/src (q = ${q}, seed ${seed})`);
const run = spawnSync('npx', ['stryker', 'run', 'stryker.sample.mjs', ...rest], { stdio: 'inherit' });
if (run.status !== 0) process.exit(run.status ?? 1);

// Cluster estimate: y_l = mutants killed (or timed out) on line l, x_l = mutants scored on line l.
const result = JSON.parse(readFileSync(report, 'utf8'));
const perLine = new Map();
for (const [file, { mutants }] of Object.entries(result.files)) {
  for (const m of mutants) {
    const killed = m.status === 'Killed' || m.status === 'Timeout';
    const scored = killed || m.status === 'Survived' || m.status === 'NoCoverage';
    if (!scored) continue;
    const key = `${file}:${m.location.start.line}`;
    const c = perLine.get(key) ?? { y: 0, x: 0 };
    c.y += killed ? 1 : 0;
    c.x += 1;
    perLine.set(key, c);
  }
}
const cl = [...perLine.values()];
const X = cl.reduce((s, c) => s + c.x, 0);
const Y = cl.reduce((s, c) => s + c.y, 0);
const R = Y / X;
const k = cl.length;
const s2 = cl.reduce((s, c) => s + (c.y - R * c.x) ** 2, 0) / Math.max(1, k - 1);
const se = Math.sqrt((1 - q) * k * s2) / X; // finite-population correction (1 − q)
const pct = (v) => `${(100 * v).toFixed(1)} %`;
console.log(
  `mutation:sample: packages/${pkg}: ${Y} of ${X} scored mutants killed on ${k} lines: ` +
    `${pct(R)} (95 % interval ${pct(Math.max(0, R - 1.96 * se))} to ${pct(Math.min(1, R + 1.96 * se))})`,
);

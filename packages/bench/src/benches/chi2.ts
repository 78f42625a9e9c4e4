/**
 * `pnpm bench chi2 [-- --n 1000000 --runs 3]` (issue 4's benchmark): cross-tab + χ² of 1M
 * respondents (5 contract types × 4 satisfaction levels) read from CSV, end to end (process start,
 * parsing included), side by side in one run:
 *
 * - satlab: runners/chi2.ts — `scanColumns` (the byte scanner of @satlab/data) for the two
 *   categorical columns, a counting loop, `chiSquareTest` from @satlab/stats;
 * - pandas + scipy: peers/chi2_pandas.py — read_csv, pandas.crosstab, scipy.stats.chi2_contingency.
 *
 * Data: seeded (rng 2007), cells drawn in the proportions of the BTS 2007 case's annex 3 (contract
 * × satisfaction counts, copied below from the case). Target: at least 2× faster than
 * pandas + scipy. The two statistics, df and p-values are compared (relative difference).
 */
import { existsSync, openSync, closeSync, writeSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { rng } from '@satlab/stats';
import type { Bench, Measure } from '../harness.js';
import { ensureDebianPackages, measure, peersDir, python3, repoRoot, report } from '../harness.js';

/** BTS MUC 2007, E5 sujet 11, annexe 3: satisfaction by contract type (582 respondents). */
const CONTRACTS = ['Auto/Moto', 'Habitation', 'Prév. Retraite', 'Resp. civile', 'Santé'];
const LEVELS = ['Pas du tout satisfait', 'Plutôt pas satisfait', 'Plutôt satisfait', 'Tout à fait satisfait'];
const ANNEX3 = [
  [30, 54, 96, 18],
  [6, 36, 102, 18],
  [6, 0, 12, 12],
  [6, 12, 36, 12],
  [6, 30, 72, 18],
];

function arg(args: string[], name: string, fallback: string): string {
  const eq = args.find((a) => a.startsWith(`--${name}=`));
  if (eq) return eq.slice(name.length + 3);
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
}

/** Writes n respondents `contract,satisfaction`, cells drawn with the annex's proportions. */
function writeRespondents(file: string, n: number): void {
  const g = rng(2007);
  const cells: string[] = [];
  const cum: number[] = [];
  let total = 0;
  ANNEX3.forEach((row, i) => row.forEach((c, j) => {
    if (c === 0) return;
    total += c;
    cells.push(`${CONTRACTS[i]},${LEVELS[j]}\n`);
    cum.push(total);
  }));
  const fd = openSync(file, 'w');
  try {
    writeSync(fd, 'contract,satisfaction\n');
    let chunk = '';
    for (let k = 0; k < n; k++) {
      const u = g.next() * total;
      let c = 0;
      while (cum[c] <= u) c++;
      chunk += cells[c];
      if (chunk.length > 1 << 20) {
        writeSync(fd, chunk);
        chunk = '';
      }
    }
    writeSync(fd, chunk);
  } finally {
    closeSync(fd);
  }
}

function median(ms: Measure[]): Measure {
  const s = [...ms].sort((a, b) => a.seconds - b.seconds);
  return s[Math.floor((s.length - 1) / 2)];
}

const rel = (a: number, b: number): number => Math.abs(a - b) / Math.max(Math.abs(b), Number.MIN_VALUE);

const bench: Bench = {
  name: 'chi2',
  description: 'cross-tab + chi-square of 1M respondents (5 contracts × 4 satisfaction levels) from CSV: satlab vs pandas.crosstab + scipy',
  async run({ workDir, args }) {
    ensureDebianPackages(['python3-pandas', 'python3-scipy']);
    const runner = resolve(repoRoot, 'packages/bench/dist/runners/chi2.js');
    if (!existsSync(runner)) throw new Error('build first: pnpm exec tsc -b packages/bench');
    const n = Number(arg(args, 'n', '1000000'));
    const runs = Math.max(1, Number(arg(args, 'runs', '3')));
    const file = join(workDir, `respondents-chi2-${n}-seed2007.csv`);
    if (!existsSync(file)) writeRespondents(file, n);
    process.stdout.write(`load average before ${loadavg().map((x) => x.toFixed(2)).join(' ')} (2 cores shared by everyone)\n`);
    const tools: [string, string, string[]][] = [
      ['satlab scanColumns + chiSquareTest', process.execPath, [runner, file]],
      ['pandas.crosstab + scipy chi2_contingency', python3, [join(peersDir, 'chi2_pandas.py'), file]],
    ];
    const all: Measure[][] = tools.map(() => []);
    for (let k = 0; k < runs; k++) for (let t = 0; t < tools.length; t++) all[t].push(await measure(tools[t][0], tools[t][1], tools[t][2]));
    const med = all.map(median);
    report(`Cross-tab + χ², ${n} respondents (${runs} runs each, median; CSV ${file})`, med);
    const s = JSON.parse(med[0].stdout) as { statistic: number; df: number; pValue: number; n: number; observed: number[][] };
    const p = JSON.parse(med[1].stdout) as { statistic: number; df: number; pValue: number; n: number; observed: number[][] };
    const sameTable = JSON.stringify(s.observed) === JSON.stringify(p.observed);
    process.stdout.write(`satlab X² = ${s.statistic} (df ${s.df}, p = ${s.pValue}); scipy X² = ${p.statistic} (df ${p.df}, p = ${p.pValue})\n`);
    process.stdout.write(`tables ${sameTable ? 'identical' : 'DIFFER'}; relative difference: statistic ${rel(s.statistic, p.statistic).toExponential(2)}, p-value ${rel(s.pValue, p.pValue).toExponential(2)}\n`);
    const speed = med[1].seconds / med[0].seconds;
    process.stdout.write(`target (≥ 2× faster than pandas + scipy, parsing included): ${speed.toFixed(2)}× → ${speed >= 2 ? 'met' : 'MISSED'}\n`);
    process.stdout.write(`load average after ${loadavg().map((x) => x.toFixed(2)).join(' ')}\n`);
  },
};
export default bench;

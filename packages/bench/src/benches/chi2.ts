/**
 * `pnpm bench chi2 [-- --n 1000000 --runs 3]` (issues 4 and 14): cross-tab + χ² of 1M
 * respondents (5 contract types × 4 satisfaction levels) read from CSV, end to end (process start,
 * parsing, output included), side by side in one run:
 *
 * - satlab: the command users run, `satlab chi2 <file> --rows contract --cols satisfaction --json`
 *   (readSurvey: the byte scanner reads the two columns; crossTab, chiSquareTest, residuals…);
 * - pandas + scipy: peers/chi2_pandas.py — read_csv, pandas.crosstab, scipy.stats.chi2_contingency.
 *
 * Data: seeded (rng 2007), cells drawn in the proportions of the BTS 2007 case's annex 3 (contract
 * × satisfaction counts, copied below from the case). Target: at least 2× faster than
 * pandas + scipy with no more memory. The two statistics, df and p-values are compared.
 */
import { closeSync, existsSync, openSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { rng } from '@satlab/stats';
import type { Bench, Measure } from '../harness.js';
import { arg, ensureDebianPackages, loadLine, measure, median, peersDir, python3, repoRoot, report } from '../harness.js';

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

const rel = (a: number, b: number): number => Math.abs(a - b) / Math.max(Math.abs(b), Number.MIN_VALUE);

const bench: Bench = {
  name: 'chi2',
  description: 'cross-tab + chi-square of 1M respondents (5 contracts × 4 satisfaction levels) from CSV: satlab vs pandas.crosstab + scipy',
  async run({ workDir, args }) {
    ensureDebianPackages(['python3-pandas', 'python3-scipy']);
    const cli = resolve(repoRoot, 'packages/cli/dist/main.js');
    if (!existsSync(cli)) throw new Error('build first: pnpm -s build');
    const n = Number(arg(args, 'n', '1000000'));
    const runs = Math.max(1, Number(arg(args, 'runs', '3')));
    const file = join(workDir, `respondents-chi2-${n}-seed2007.csv`);
    if (!existsSync(file)) writeRespondents(file, n);
    const before = loadLine('before');
    const tools: [string, string, string[]][] = [
      ['satlab chi2 --rows --cols', process.execPath, [cli, 'chi2', file, '--rows', 'contract', '--cols', 'satisfaction', '--json', '--quiet']],
      ['pandas.crosstab + scipy chi2_contingency', python3, [join(peersDir, 'chi2_pandas.py'), file]],
    ];
    const all: Measure[][] = tools.map(() => []);
    for (let k = 0; k < runs; k++) for (let t = 0; t < tools.length; t++) all[t].push(await measure(tools[t][0], tools[t][1], tools[t][2]));
    const med = all.map(median);
    process.stdout.write(before);
    report(`Cross-tab + χ², ${n} respondents (${runs} runs each, median; CSV ${file})`, med);
    type Out = { statistic: number; df: number; pValue: number; n: number; observed: number[][]; rowLabels: string[]; colLabels: string[] };
    const s = JSON.parse(med[0].stdout) as Out;
    const p = JSON.parse(med[1].stdout) as Out;
    // Same counts cell by cell, matched by labels (pandas sorts them, satlab keeps the file's order).
    const cell = (o: Out, r: string, c: string): number => o.observed[o.rowLabels.indexOf(r)]?.[o.colLabels.indexOf(c)] ?? NaN;
    const sameTable = s.rowLabels.length === p.rowLabels.length && s.colLabels.length === p.colLabels.length && s.rowLabels.every((r) => s.colLabels.every((c) => cell(s, r, c) === cell(p, r, c)));
    process.stdout.write(`satlab X² = ${s.statistic} (df ${s.df}, p = ${s.pValue}); scipy X² = ${p.statistic} (df ${p.df}, p = ${p.pValue})\n`);
    process.stdout.write(`tables ${sameTable ? 'identical' : 'DIFFER'}; relative difference: statistic ${rel(s.statistic, p.statistic).toExponential(2)}, p-value ${rel(s.pValue, p.pValue).toExponential(2)}\n`);
    const speed = med[1].seconds / med[0].seconds;
    const mem = med[0].peakMiB <= med[1].peakMiB;
    process.stdout.write(`target (≥ 2× faster than pandas + scipy, no more memory): ${speed.toFixed(2)}× faster, ${med[0].peakMiB.toFixed(0)} vs ${med[1].peakMiB.toFixed(0)} MiB → ${speed >= 2 && mem ? 'met' : 'MISSED'}\n`);
    process.stdout.write(loadLine('after'));
  },
};
export default bench;

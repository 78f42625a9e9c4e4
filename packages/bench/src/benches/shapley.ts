/**
 * `pnpm bench shapley [-- --p 15,20 --n 10000 --repeat 5]`: exact Shapley/LMG decomposition of R²
 * with 15 and 20 drivers × 10 000 respondents, satlab vs a numpy brute force
 * (peers/shapley_numpy.py: np.linalg.solve on every one of the 2^p subsets, stacked by size), side
 * by side in one run. Both read the same seeded CSV written to .bench/.
 *
 * Two comparisons per p:
 *  1. end to end (process start, CSV read, analysis, output): `satlab drivers … --method shapley --json`
 *     vs `python3 shapley_numpy.py`, wall time and peak RSS under GNU time;
 *  2. compute only, in process: satlab's keyDriverAnalysis (correlation matrix, QR betas, VIFs,
 *     exact Shapley; median of --repeat runs) vs the peer's own timer around corrcoef + subsets + Shapley.
 * The Shapley values of both are compared (max |difference|).
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadTable, numericValues } from '@satlab/data';
import { keyDriverAnalysis } from '@satlab/drivers';
import { rng } from '@satlab/stats';
import type { Bench } from '../harness.js';
import { ensureDebianPackages, measure, peersDir, python3, repoRoot, report } from '../harness.js';

function arg(args: string[], name: string, fallback: string): string {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
}

/** Seeded synthetic ratings: p drivers sharing a latent factor, outcome = weighted sum + noise. */
function writeData(file: string, p: number, n: number): void {
  const g = rng(2007 + p);
  const lines: string[] = [['y', ...Array.from({ length: p }, (_, j) => `x${j + 1}`)].join(',')];
  const beta = Array.from({ length: p }, (_, j) => 0.05 + (0.5 * (p - j)) / p);
  const row = new Array<number>(p);
  for (let i = 0; i < n; i++) {
    const lat = g.normal();
    let y = 0;
    for (let j = 0; j < p; j++) {
      row[j] = 0.7 * lat + g.normal();
      y += beta[j] * row[j];
    }
    y += 1.5 * g.normal();
    lines.push([y, ...row].map((v) => v.toFixed(6)).join(','));
  }
  writeFileSync(file, lines.join('\n') + '\n');
}

const bench: Bench = {
  name: 'shapley',
  description: 'exact Shapley/LMG over 2^p subsets (p = 15, 20; 10 000 respondents): satlab vs numpy brute force',
  async run({ workDir, args }) {
    ensureDebianPackages(['python3-numpy']);
    const ps = arg(args, 'p', '15,20').split(',').map(Number);
    const n = Number(arg(args, 'n', '10000'));
    const repeat = Number(arg(args, 'repeat', '5'));
    const cli = resolve(repoRoot, 'packages/cli/dist/main.js');
    if (!existsSync(cli)) throw new Error('build first: pnpm exec tsc -b packages/cli packages/bench');
    const { loadavg } = await import('node:os');
    process.stdout.write(`load average at start: ${loadavg().map((x) => x.toFixed(2)).join(' ')} (2 cores shared)\n`);
    for (const p of ps) {
      const file = join(workDir, `shapley-p${p}-n${n}.csv`);
      if (!existsSync(file)) writeData(file, p, n);
      const ours = await measure('satlab drivers (CLI, Node)', process.execPath, [cli, 'drivers', file, '--outcome', 'y', '--drivers', 'x*', '--method', 'shapley', '--json']);
      const peer = await measure('numpy brute force', python3, [join(peersDir, 'shapley_numpy.py'), file]);
      report(`Shapley, p = ${p} drivers (2^${p} = ${2 ** p} subsets), n = ${n}: end to end`, [ours, peer]);
      const peerOut = JSON.parse(peer.stdout.trim().split('\n').pop() as string) as { compute_seconds: number; read_seconds: number; lmg: number[]; r2: number };
      const oursOut = JSON.parse(ours.stdout) as { r2: number; drivers: { shapleyR2: number }[] };
      const diff = Math.max(...oursOut.drivers.map((d, j) => Math.abs(d.shapleyR2 - peerOut.lmg[j])));
      // compute only, in process
      const { table } = loadTable(file);
      const y = numericValues(table, 'y');
      const drivers = Object.fromEntries(Array.from({ length: p }, (_, j) => [`x${j + 1}`, numericValues(table, `x${j + 1}`)]));
      const times: number[] = [];
      for (let r = 0; r < repeat; r++) {
        const t0 = performance.now();
        keyDriverAnalysis(y, drivers, { method: 'shapley' });
        times.push((performance.now() - t0) / 1000);
      }
      times.sort((a, b) => a - b);
      const med = times[Math.floor(times.length / 2)];
      process.stdout.write(
        `compute only: satlab keyDriverAnalysis ${med.toFixed(3)} s (median of ${repeat}; min ${times[0].toFixed(3)} s) · numpy ${peerOut.compute_seconds.toFixed(3)} s · numpy / satlab = ${(peerOut.compute_seconds / med).toFixed(1)}×\n` +
          `max |Shapley satlab − numpy| = ${diff.toExponential(2)} (R² ${oursOut.r2.toFixed(6)} vs ${peerOut.r2.toFixed(6)})\n`,
      );
    }
    process.stdout.write(`load average at end: ${loadavg().map((x) => x.toFixed(2)).join(' ')}\n`);
  },
};
export default bench;

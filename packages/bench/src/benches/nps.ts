/**
 * `pnpm bench nps [-- --n 300000 --runs 3]` (issue 14): the command users run,
 * `satlab nps <survey> --column nps --by region --json`, on 300k respondents × 40 columns (35 MB),
 * end to end (process start, parsing, output), side by side in one run with pandas
 * (peers/nps_pandas.py: read_csv + groupby). Target: at least 2× faster than pandas with no more
 * memory. The overall and per-segment NPS of both are compared.
 *
 * Data: seeded (rng 14): id, region (8 values, one with an accent), nps 0-10, q1…q30 ratings 1-5,
 * four amounts with decimals, a date, a channel and a free-text comment (some with commas, so
 * quoted), written once to .bench/.
 */
import { closeSync, existsSync, openSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { rng } from '@satlab/stats';
import type { Bench } from '../harness.js';
import { arg, ensureDebianPackages, loadLine, measure, median, peersDir, python3, repoRoot, report } from '../harness.js';

const REGIONS = ['Nord', 'Sud', 'Est', 'Ouest', 'Île-de-France', 'Centre', 'Bretagne', 'Normandie'];
const COMMENTS = ['Très bien', '"Service lent, personnel aimable"', 'RAS', 'Trop cher', ''];

/** Writes n respondents × 40 columns. */
export function writeSurvey(file: string, n: number): void {
  const g = rng(14);
  const int = (k: number): number => Math.floor(g.next() * k);
  const fd = openSync(file, 'w');
  try {
    const qs = Array.from({ length: 30 }, (_, k) => `q${k + 1}`);
    writeSync(fd, ['id', 'region', 'nps', ...qs, 'amount1', 'amount2', 'amount3', 'amount4', 'date', 'channel', 'comment'].join(',') + '\n');
    let chunk = '';
    for (let i = 0; i < n; i++) {
      const cells: (string | number)[] = [i + 1, REGIONS[int(8)], int(11)];
      for (let k = 0; k < 30; k++) cells.push(1 + int(5));
      for (let k = 0; k < 4; k++) cells.push((Math.exp(4 + 0.6 * (g.next() + g.next() + g.next() - 1.5))).toFixed(2));
      const d = new Date(Date.UTC(2026, 0, 1 + int(300)));
      cells.push(d.toISOString().slice(0, 10), ['web', 'phone', 'shop'][int(3)], COMMENTS[int(5)]);
      chunk += cells.join(',') + '\n';
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

const bench: Bench = {
  name: 'nps',
  description: 'satlab nps --by on 300k respondents × 40 columns (the command, end to end) vs pandas read_csv + groupby',
  async run({ workDir, args }) {
    ensureDebianPackages(['python3-pandas']);
    const cli = resolve(repoRoot, 'packages/cli/dist/main.js');
    if (!existsSync(cli)) throw new Error('build first: pnpm -s build');
    const n = Number(arg(args, 'n', '300000'));
    const runs = Math.max(1, Number(arg(args, 'runs', '3')));
    const file = join(workDir, `survey-nps-${n}x40-seed14.csv`);
    if (!existsSync(file)) writeSurvey(file, n);
    const before = loadLine('before');
    const tools: [string, string, string[]][] = [
      ['satlab nps --column nps --by region', process.execPath, [cli, 'nps', file, '--column', 'nps', '--by', 'region', '--json', '--quiet']],
      ['pandas read_csv + groupby', python3, [join(peersDir, 'nps_pandas.py'), file, 'nps', 'region']],
    ];
    const all = tools.map(() => [] as Awaited<ReturnType<typeof measure>>[]);
    for (let k = 0; k < runs; k++) for (let t = 0; t < tools.length; t++) all[t].push(await measure(tools[t][0], tools[t][1], tools[t][2]));
    const med = all.map(median);
    process.stdout.write(before);
    report(`NPS by region, ${n} respondents × 40 columns (${runs} runs each, median; CSV ${file})`, med);
    const s = JSON.parse(med[0].stdout) as { nps: number; n: number; groups?: { name: string; nps: number }[] };
    const p = JSON.parse(med[1].stdout) as { nps: number; n: number; groups: Record<string, number> };
    const diffs = [Math.abs(s.nps - p.nps), ...(s.groups ?? []).map((g) => Math.abs(g.nps - (p.groups[g.name] ?? NaN)))];
    process.stdout.write(`NPS satlab ${s.nps} (n ${s.n}), pandas ${p.nps} (n ${p.n}); largest difference over overall and ${(s.groups ?? []).length} segments: ${Math.max(...diffs).toExponential(2)} points\n`);
    const speed = med[1].seconds / med[0].seconds;
    const mem = med[0].peakMiB <= med[1].peakMiB;
    process.stdout.write(`target (≥ 2× faster than pandas, no more memory): ${speed.toFixed(2)}× faster, ${med[0].peakMiB.toFixed(0)} vs ${med[1].peakMiB.toFixed(0)} MiB → ${speed >= 2 && mem ? 'met' : 'MISSED'}\n`);
    process.stdout.write(loadLine('after'));
  },
};
export default bench;

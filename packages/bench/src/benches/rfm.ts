/**
 * `pnpm bench rfm [-- --sizes 1M,10M --runs 3]`: RFM per customer on 1M and 10M seeded
 * transactions (`generateTransactions`, seed 2007, written once to .bench/), side by side in one
 * run, end to end (process start, CSV read, group by customer, output):
 *
 * - satlab native: `satlab rfm <file> --customer customer_id --date date --amount amount --json --quiet`
 *   (byte scanner into typed arrays, 2 threads on large files, Kahan sums, scores, segments);
 * - satlab `--engine duckdb` (the same command, aggregation as SQL in DuckDB);
 * - pandas (peers/rfm_pandas.py: read_csv(parse_dates) + groupby agg, recency from the max date).
 *
 * Each tool runs `--runs` times, interleaved; the median wall time and its peak RSS (GNU time) are
 * reported with ratios to satlab. Target (issue 6): satlab at least 2.5× faster than pandas and
 * less memory, at both sizes. Customers, transactions and analysis date of the three are compared.
 */
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { generateTransactions } from '@satlab/synth';
import type { Bench, Measure } from '../harness.js';
import { ensureDebianPackages, measure, peersDir, python3, repoRoot, report } from '../harness.js';

function arg(args: string[], name: string, fallback: string): string {
  const eq = args.find((a) => a.startsWith(`--${name}=`));
  if (eq) return eq.slice(name.length + 3);
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
}

function rowsOf(label: string): number {
  const m = /^(\d+(?:\.\d+)?)([kKmM]?)$/.exec(label.trim());
  if (!m) throw new Error(`bench rfm: --sizes takes sizes like 1M,10M,500k; got "${label}"`);
  return Math.round(Number(m[1]) * (m[2].toLowerCase() === 'm' ? 1e6 : m[2].toLowerCase() === 'k' ? 1e3 : 1));
}

function median(ms: Measure[]): Measure {
  const s = [...ms].sort((a, b) => a.seconds - b.seconds);
  return s[Math.floor((s.length - 1) / 2)];
}

const bench: Bench = {
  name: 'rfm',
  description: 'RFM per customer on 1M and 10M transactions: satlab native and DuckDB engine vs pandas read_csv + groupby',
  async run({ workDir, args }) {
    ensureDebianPackages(['python3-pandas']);
    const cli = resolve(repoRoot, 'packages/cli/dist/main.js');
    if (!existsSync(cli)) throw new Error('build first: pnpm exec tsc -b packages/cli packages/bench');
    const sizes = arg(args, 'sizes', '1M,10M').split(',');
    const runs = Math.max(1, Number(arg(args, 'runs', '3')));
    const peer = join(peersDir, 'rfm_pandas.py');
    for (const label of sizes) {
      const rows = rowsOf(label);
      const file = join(workDir, `transactions-${label}-seed2007.csv`);
      if (!existsSync(file)) {
        process.stdout.write(`generating ${file} (generateTransactions, seed 2007, ${rows} rows)…\n`);
        await generateTransactions({ seed: 2007, rows, out: file });
      }
      const cols = ['--customer', 'customer_id', '--date', 'date', '--amount', 'amount'];
      const tools: [string, string, string[]][] = [
        ['satlab rfm (native)', process.execPath, [cli, 'rfm', file, ...cols, '--json', '--quiet']],
        ['satlab rfm --engine duckdb', process.execPath, [cli, 'rfm', file, ...cols, '--json', '--quiet', '--engine', 'duckdb']],
        ['pandas read_csv + groupby', python3, [peer, file]],
      ];
      process.stdout.write(`\n${label} transactions: load average before ${loadavg().map((x) => x.toFixed(2)).join(' ')} (2 cores shared by everyone)\n`);
      const all: Measure[][] = tools.map(() => []);
      for (let k = 0; k < runs; k++) {
        for (let t = 0; t < tools.length; t++) all[t].push(await measure(tools[t][0], tools[t][1], tools[t][2]));
      }
      const med = all.map(median);
      report(`RFM, ${label} transactions (${runs} runs each, median; CSV ${file})`, med);
      const [nat, duck, pd] = med.map((m) => JSON.parse(m.stdout) as { customers: number; transactions: number; asOf: string });
      const agree = nat.customers === pd.customers && nat.transactions === pd.transactions && nat.asOf === pd.asOf && duck.customers === pd.customers && duck.transactions === pd.transactions;
      process.stdout.write(`customers ${nat.customers}/${duck.customers}/${pd.customers}, transactions ${nat.transactions}/${duck.transactions}/${pd.transactions}, asOf ${nat.asOf}/${duck.asOf}/${pd.asOf}: ${agree ? 'agree' : 'DISAGREE'}\n`);
      const speed = med[2].seconds / med[0].seconds;
      const mem = med[0].peakMiB < med[2].peakMiB;
      process.stdout.write(`target (≥ 2.5× faster than pandas, less memory): ${speed.toFixed(2)}× faster, ${med[0].peakMiB.toFixed(0)} vs ${med[2].peakMiB.toFixed(0)} MiB → ${speed >= 2.5 && mem ? 'met' : 'MISSED'}\n`);
      process.stdout.write(`load average after ${loadavg().map((x) => x.toFixed(2)).join(' ')}\n`);
    }
  },
};
export default bench;

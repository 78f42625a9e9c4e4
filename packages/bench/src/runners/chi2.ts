/**
 * The satlab side of `pnpm bench chi2`, run as its own process (so its time and peak RSS are
 * measured like the peer's): `node dist/runners/chi2.js <file.csv>`. Reads the two categorical
 * columns with the fast scanner, counts the cross-tab (levels sorted, as pandas.crosstab), runs
 * `chiSquareTest` from @satlab/stats and prints one JSON line.
 */
import { scanColumns } from '@satlab/data/scan';
import type { ScannedFactor } from '@satlab/data/scan';
import { chiSquareTest } from '@satlab/stats';

const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: node chi2.js <file.csv>\n');
  process.exit(2);
}
const t0 = performance.now();
const scan = await scanColumns(file, { contract: 'categorical', satisfaction: 'categorical' });
const a = scan.columns.contract as ScannedFactor;
const b = scan.columns.satisfaction as ScannedFactor;
const order = (dict: string[]): { labels: string[]; rank: Int32Array } => {
  const labels = [...dict].sort();
  const rank = Int32Array.from(dict, (d) => labels.indexOf(d));
  return { labels, rank };
};
const ra = order(a.dictionary);
const rb = order(b.dictionary);
const R = ra.labels.length;
const C = rb.labels.length;
const counts = new Float64Array(R * C);
let missing = 0;
const ca = a.codes;
const cb = b.codes;
for (let i = 0; i < ca.length; i++) {
  const x = ca[i];
  const y = cb[i];
  if (x < 0 || y < 0) {
    missing++;
    continue;
  }
  counts[ra.rank[x] * C + rb.rank[y]]++;
}
const table = Array.from({ length: R }, (_, i) => Array.from(counts.subarray(i * C, (i + 1) * C)));
const t1 = performance.now();
const res = chiSquareTest(table, { rowLabels: ra.labels, colLabels: rb.labels });
const t2 = performance.now();
process.stdout.write(JSON.stringify({ statistic: res.statistic, df: res.df, pValue: res.pValue, n: res.n, missing, threads: scan.threads, observed: table, readSeconds: (t1 - t0) / 1000, testSeconds: (t2 - t1) / 1000 }) + '\n');

// Speed of analyzeVerbatims on 100,000 comments (issue 17: under 5 s). Run after `pnpm -s build`:
//   node packages/text/scripts/bench.mjs [n]
// The comments are the hand-written ones of datasets/verbatims/avis-assurance.csv, each made unique
// by joining two of them and a number (so the stem cache does not see only 250 texts), with segments
// and two waves. Prints the wall and CPU time of the analysis alone (file reading excluded) and the
// load average (on a shared machine the wall time grows with the load; the CPU time much less).
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { analyzeVerbatims } from '../dist/index.js';

const n = Number(process.argv[2] ?? 100000);
const rows = readFileSync(new URL('../../../datasets/verbatims/avis-assurance.csv', import.meta.url), 'utf8').trim().split('\n').slice(1).map((l) => l.split(';')).filter((r) => r[4] !== '' && r[3] !== '');
let seed = 42;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const text = [], score = [], by = [], wave = [];
for (let i = 0; i < n; i++) {
  const a = rows[Math.floor(rand() * rows.length)];
  const b = rows[Math.floor(rand() * rows.length)];
  text.push(`${a[4]} ${b[4]} (${i % 997})`);
  score.push(Number(a[3]));
  by.push(a[2]);
  wave.push(i % 2 === 0 ? '2025-S1' : '2025-S2');
}
const c0 = process.cpuUsage();
const t0 = performance.now();
const r = analyzeVerbatims({ text, score, by, wave });
const ms = performance.now() - t0;
const cpu = process.cpuUsage(c0);
console.log(JSON.stringify({ comments: r.n, seconds: +(ms / 1000).toFixed(2), cpuSeconds: +((cpu.user + cpu.system) / 1e6).toFixed(2), load1: +loadavg()[0].toFixed(2), topDetractorTerm: r.detractorTerms[0]?.label, themes: r.themes.length }));

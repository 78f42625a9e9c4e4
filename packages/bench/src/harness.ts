import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** One benchmark: `pnpm bench <name>` runs it; `pnpm bench` runs them all. */
export interface Bench {
  name: string;
  description: string;
  run(opts: BenchOptions): Promise<void>;
}

export interface BenchOptions {
  /** Scratch directory for generated inputs (kept between runs, git-ignored). */
  workDir: string;
  /** Extra command-line arguments after the bench name (e.g. sizes). */
  args: string[];
}

/** Wall time and peak resident memory of one run of a command. */
export interface Measure {
  label: string;
  seconds: number;
  /** Peak RSS in MiB, from GNU time's %M (whole process tree's largest process). */
  peakMiB: number;
  stdout: string;
}

const here = dirname(fileURLToPath(import.meta.url));
/** Repository root. */
export const repoRoot = resolve(here, '../../..');
/** Directory of the Python/R peers. */
export const peersDir = resolve(here, '../peers');

/** The scratch directory, created when missing. */
export function workDir(): string {
  const d = join(repoRoot, '.bench');
  mkdirSync(d, { recursive: true });
  return d;
}

/**
 * Runs a command under GNU time (`/usr/bin/time -f`) and returns wall seconds and peak RSS.
 * Throws with the command's stderr when it fails.
 */
export function measure(label: string, cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<Measure> {
  return new Promise((res, rej) => {
    const p = spawn('/usr/bin/time', ['-f', '__TIME__ %e %M', cmd, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    p.stdout.on('data', (d) => (out += d));
    p.stderr.on('data', (d) => (err += d));
    p.on('close', (code) => {
      const m = /__TIME__ ([\d.]+) (\d+)/.exec(err);
      if (code !== 0 || !m) return rej(new Error(`${label} failed (${code}): ${err.slice(-2000)}`));
      res({ label, seconds: Number(m[1]), peakMiB: Number(m[2]) / 1024, stdout: out });
    });
  });
}

/**
 * Makes sure the Debian packages a peer needs are present (python3-pandas, r-base-core, …),
 * installing them with apt-get when missing. The library never needs them; only benchmarks do.
 */
export function ensureDebianPackages(pkgs: string[]): void {
  const missing = pkgs.filter((p) => spawnSync('dpkg-query', ['-W', '-f=${Status}', p], { encoding: 'utf8' }).stdout.includes('ok installed') === false);
  if (missing.length === 0) return;
  process.stderr.write(`installing Debian packages for the peers: ${missing.join(' ')}\n`);
  const sudo = process.getuid?.() === 0 ? [] : ['sudo'];
  const run = (args: string[]): void => {
    const r = spawnSync(sudo[0] ?? args[0], sudo.length ? args : args.slice(1), { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (r.status !== 0) throw new Error(`${args.join(' ')} failed`);
  };
  run(['apt-get', 'update', '-qq']);
  run(['apt-get', 'install', '-y', '-qq', ...missing]);
}

/** Debian's python3 (pandas, scipy, numpy from Debian packages), not whatever python is first on PATH. */
export const python3 = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';

/** Prints a side-by-side table of measures, with each one's ratio to the first (satlab). */
export function report(title: string, rows: Measure[]): void {
  const base = rows[0];
  process.stdout.write(`\n${title}\n`);
  const head = ['', 'time (s)', 'peak RSS (MiB)', 'time / satlab', 'RSS / satlab'];
  const lines = rows.map((r) => [r.label, r.seconds.toFixed(2), r.peakMiB.toFixed(0), (r.seconds / base.seconds).toFixed(2) + '×', (r.peakMiB / base.peakMiB).toFixed(2) + '×']);
  const all = [head, ...lines];
  const w = head.map((_, j) => Math.max(...all.map((l) => l[j].length)));
  for (const l of all) process.stdout.write(l.map((c, j) => (j === 0 ? c.padEnd(w[j]) : c.padStart(w[j]))).join('  ') + '\n');
}

/** A `--name value` or `--name=value` bench argument, else `fallback`. */
export function arg(args: string[], name: string, fallback: string): string {
  const eq = args.find((a) => a.startsWith(`--${name}=`));
  if (eq) return eq.slice(name.length + 3);
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
}

/** The run whose time is the median of `ms` (its own peak memory with it). */
export function median(ms: Measure[]): Measure {
  const s = [...ms].sort((a, b) => a.seconds - b.seconds);
  return s[Math.floor((s.length - 1) / 2)];
}

/** The load average as a line of the bench output (2 cores shared by everyone on this machine). */
export function loadLine(when: string): string {
  return `load average ${when}: ${loadavg().map((x) => x.toFixed(2)).join(' ')} (${cpus().length} cores)\n`;
}

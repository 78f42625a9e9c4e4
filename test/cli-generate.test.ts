/** End-to-end: `satlab generate` (needs the build: pnpm exec tsc -b packages/cli). */
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import type { CliRun } from './helpers/satlab.js';
import { root, satlab, scratchDir } from './helpers/satlab.js';

const tmp = scratchDir('cli-generate');
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const run = (...args: string[]): CliRun => satlab(['generate', ...args], { cwd: tmp });

describe('satlab generate', () => {
  test('barometer --json writes the wave files, the stacked file and the codebook, and prints only JSON', () => {
    const r = run('barometer', '--out', 'baro', '--respondents', '100', '--seed', '3', '--json');
    expect(r.code).toBe(0);
    const res = JSON.parse(r.stdout);
    expect(res).toMatchObject({ files: ['wave-1.csv', 'wave-2.csv', 'wave-3.csv', 'barometer.csv', 'codebook.yaml'], seed: 3, waves: 3, respondentsPerWave: 100, respondents: 300, waveDates: ['2024-01-15', '2024-10-15', '2025-07-15'] });
    expect(readdirSync(join(tmp, 'baro')).sort()).toEqual(['barometer.csv', 'codebook.yaml', 'wave-1.csv', 'wave-2.csv', 'wave-3.csv']);
    expect(readFileSync(join(tmp, 'baro', 'barometer.csv'), 'utf8').trimEnd().split('\n')).toHaveLength(301);
  });

  test('barometer with the default seed reproduces datasets/barometer byte for byte', () => {
    const r = run('barometer', '--out', 'default', '--quiet');
    expect(r.code).toBe(0);
    for (const f of ['wave-1.csv', 'wave-2.csv', 'wave-3.csv', 'barometer.csv', 'codebook.yaml']) {
      expect(readFileSync(join(tmp, 'default', f)).equals(readFileSync(join(root, 'datasets/barometer', f))), f).toBe(true);
    }
  });

  test('transactions --json reports rows, customers and bytes; the file has them', () => {
    const r = run('transactions', '--out', 't.csv', '--rows', '5000', '--seed', '1', '--json');
    expect(r.code).toBe(0);
    const res = JSON.parse(r.stdout);
    expect(res).toMatchObject({ seed: 1, rows: 5000, customers: 250, start: '2022-01-01', end: '2024-12-31' });
    const text = readFileSync(join(tmp, 't.csv'), 'utf8');
    expect(Buffer.byteLength(text)).toBe(res.bytes);
    expect(text.trimEnd().split('\n')).toHaveLength(5001);
  });

  test('human output in French names the counts and the file', () => {
    const r = run('transactions', '--out', 'fr.csv', '--rows', '2000', '--lang', 'fr', '--quiet');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^2\s000 transactions de 100 clients \(2022-01-01 – 2024-12-31, graine 2007\) écrites dans .*fr\.csv/);
  });

  test('bad input exits 2 with one line on stderr', () => {
    for (const args of [['nothing'], ['transactions', '--out', 'x.csv', '--rows', '10', '--customers', '20'], ['barometer', '--out', 'b', '--respondents', 'many'], ['transactions']]) {
      const r = run(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(r.stdout).toBe('');
    }
  });
});

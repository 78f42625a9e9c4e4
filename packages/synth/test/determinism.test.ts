import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, describe, expect, test } from 'vitest';
import { barometerFiles, barometerToCsv, generateBarometer, generateTransactions } from '@satlab/synth';

const tmp = mkdtempSync(join(tmpdir(), 'satlab-synth-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const sha = (b: Buffer | string): string => createHash('sha256').update(b).digest('hex');

describe('generateBarometer determinism', () => {
  test('the same options give the same bytes; another seed gives different bytes', () => {
    const a = barometerFiles({ seed: 5, respondentsPerWave: 200 }).files;
    const b = barometerFiles({ seed: 5, respondentsPerWave: 200 }).files;
    const c = barometerFiles({ seed: 6, respondentsPerWave: 200 }).files;
    expect([...a.keys()]).toEqual(['wave-1.csv', 'wave-2.csv', 'wave-3.csv', 'barometer.csv', 'codebook.yaml']);
    for (const k of a.keys()) expect(a.get(k)).toBe(b.get(k));
    expect(a.get('barometer.csv')).not.toBe(c.get('barometer.csv'));
  });

  test('the stacked file is the wave files concatenated under one header', () => {
    const f = barometerFiles({ seed: 9, respondentsPerWave: 50 }).files;
    const body = (s: string) => s.slice(s.indexOf('\n') + 1);
    const header = f.get('wave-1.csv')!.split('\n')[0];
    expect(f.get('barometer.csv')).toBe(header + '\n' + body(f.get('wave-1.csv')!) + body(f.get('wave-2.csv')!) + body(f.get('wave-3.csv')!));
  });

  test('wave dates are monthsBetweenWaves apart, the day clamped to the month length', () => {
    expect(generateBarometer({ seed: 1, respondentsPerWave: 5 }).waveDates).toEqual(['2024-01-15', '2024-10-15', '2025-07-15']);
    expect(generateBarometer({ seed: 1, respondentsPerWave: 5, waves: 4, firstWaveDate: '2023-05-31', monthsBetweenWaves: 9 }).waveDates).toEqual(['2023-05-31', '2024-02-29', '2024-11-30', '2025-08-31']);
  });

  test('misuse throws RangeError/TypeError naming the argument', () => {
    expect(() => generateBarometer({ seed: 1, waves: 0 })).toThrow(/waves/);
    expect(() => generateBarometer({ seed: 1, respondentsPerWave: 1.5 })).toThrow(RangeError);
    expect(() => generateBarometer({ seed: 1, firstWaveDate: '15/01/2024' })).toThrow(/firstWaveDate/);
    expect(() => generateBarometer({ seed: 1, respondentsPerWave: 3000, customers: 6000 })).toThrow(/customers/);
    expect(() => generateBarometer({ seed: Number.NaN })).toThrow(TypeError);
  });

  test('barometerToCsv quotes fields with commas, semicolons and quotes (quotes doubled)', () => {
    const b = generateBarometer({ seed: 3, respondentsPerWave: 10, waves: 1 });
    const row = { ...b.waves[0][0], verbatim: 'Le "tarif", trop cher; vraiment' };
    const line = barometerToCsv(b.columns, [row]).split('\n')[1];
    expect(line.endsWith(',"Le ""tarif"", trop cher; vraiment"')).toBe(true);
  });
});

describe('generateTransactions determinism and streaming', () => {
  test('the same options give the same bytes; another seed gives different bytes', async () => {
    const f1 = join(tmp, 'a.csv');
    const f2 = join(tmp, 'b.csv');
    const f3 = join(tmp, 'c.csv');
    const r1 = await generateTransactions({ seed: 1, rows: 20_000, out: f1 });
    await generateTransactions({ seed: 1, rows: 20_000, out: f2 });
    await generateTransactions({ seed: 2, rows: 20_000, out: f3 });
    const [a, b, c] = [f1, f2, f3].map((f) => readFileSync(f));
    expect(sha(a)).toBe(sha(b));
    expect(sha(a)).not.toBe(sha(c));
    expect(r1.bytes).toBe(a.length);
    expect(r1.rows).toBe(20_000);
    expect(r1.customers).toBe(1000);
  });

  test('chunk size and a slow Writable with backpressure do not change the bytes', async () => {
    const file = join(tmp, 'ref.csv');
    await generateTransactions({ seed: 4, rows: 30_000, out: file });
    const chunks: Buffer[] = [];
    let writes = 0;
    let maxPending = 0;
    let pending = 0;
    const slow = new Writable({
      highWaterMark: 4096,
      write(chunk: Buffer, _enc, cb) {
        writes++;
        pending++;
        maxPending = Math.max(maxPending, pending);
        chunks.push(Buffer.from(chunk));
        setImmediate(() => {
          pending--;
          cb();
        });
      },
    });
    const progress: number[] = [];
    const res = await generateTransactions({ seed: 4, rows: 30_000, out: slow, chunkSize: 10_000, onProgress: (n) => progress.push(n) });
    const got = Buffer.concat(chunks);
    expect(sha(got)).toBe(sha(readFileSync(file)));
    expect(res.bytes).toBe(got.length);
    expect(writes).toBeGreaterThan(50);
    expect(maxPending).toBe(1); // each chunk waited for 'drain' before the next one
    expect(progress[progress.length - 1]).toBe(30_000);
    expect(slow.writableEnded).toBe(false); // a caller's Writable is not ended
  });

  test('misuse throws RangeError naming the argument', async () => {
    const out = join(tmp, 'bad.csv');
    await expect(generateTransactions({ seed: 1, rows: 10, customers: 11, out })).rejects.toThrow(/customers/);
    await expect(generateTransactions({ seed: 1, rows: 0, out })).rejects.toThrow(/rows/);
    await expect(generateTransactions({ seed: 1, rows: 10, start: '2024-02-30', out })).rejects.toThrow(/start/);
    await expect(generateTransactions({ seed: 1, rows: 10, start: '2024-02-01', end: '2024-01-01', out })).rejects.toThrow(/before start/);
  });

  test('a one-day period puts every row on that day', async () => {
    const file = join(tmp, 'day.csv');
    await generateTransactions({ seed: 1, rows: 500, customers: 50, start: '2024-02-29', end: '2024-02-29', out: file });
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n').slice(1);
    expect(lines).toHaveLength(500);
    expect(lines.every((l) => l.split(',')[1] === '2024-02-29')).toBe(true);
  });
});

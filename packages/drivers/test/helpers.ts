import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** Reads a fixture JSON from test/fixtures (null → NaN in numeric arrays via `num`). */
export function fixture<T = any>(name: string): T { // eslint-disable-line @typescript-eslint/no-explicit-any
  return JSON.parse(readFileSync(join(here, 'fixtures', name), 'utf8')) as T;
}

/** A numeric column from JSON (null = NA → NaN). */
export function num(a: readonly (number | null)[]): Float64Array {
  return Float64Array.from(a, (v) => (v === null ? NaN : v));
}

/** max |a − b| / max(|b|, floor) over two arrays. */
export function maxRel(a: ArrayLike<number>, b: ArrayLike<number>, floor = 1): number {
  if (a.length !== b.length) throw new Error(`length ${a.length} vs ${b.length}`);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]) / Math.max(Math.abs(b[i]), floor));
  return m;
}

/** max |a − b|. */
export function maxAbs(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`length ${a.length} vs ${b.length}`);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}

/**
 * Aligns the columns of `mine` (rows × k) to `ref` up to order and sign (greedy on the largest
 * |inner product|) and returns the max absolute difference after alignment, with the permutation.
 */
export function alignedMaxAbs(mine: number[][], ref: number[][]): { diff: number; perm: number[]; signs: number[] } {
  const k = ref[0].length;
  const used = new Set<number>();
  const perm: number[] = [];
  const signs: number[] = [];
  for (let j = 0; j < k; j++) {
    let best = -1;
    let bestScore = -Infinity;
    let bestSign = 1;
    for (let c = 0; c < k; c++) {
      if (used.has(c)) continue;
      let ip = 0;
      for (let i = 0; i < ref.length; i++) ip += mine[i][c] * ref[i][j];
      if (Math.abs(ip) > bestScore) {
        bestScore = Math.abs(ip);
        best = c;
        bestSign = ip < 0 ? -1 : 1;
      }
    }
    used.add(best);
    perm.push(best);
    signs.push(bestSign);
  }
  let diff = 0;
  for (let i = 0; i < ref.length; i++) for (let j = 0; j < k; j++) diff = Math.max(diff, Math.abs(signs[j] * mine[i][perm[j]] - ref[i][j]));
  return { diff, perm, signs };
}

/**
 * The committed barometer sample (fixtures/barometer-w1.csv: a header line, then integers separated
 * by commas, no quoting); codes 9 (1–4 ratings) and 99 (nps) become NaN, as in make-fixtures.R.
 */
export function barometerColumns(): Record<string, Float64Array> {
  const text = readFileSync(join(here, 'fixtures', 'barometer-w1.csv'), 'utf8');
  const [head, ...lines] = text.trim().split('\n');
  const cols = head.split(',');
  const out: Record<string, Float64Array> = Object.fromEntries(cols.map((c) => [c, new Float64Array(lines.length)]));
  lines.forEach((l, i) =>
    l.split(',').forEach((v, j) => {
      const x = Number(v);
      out[cols[j]][i] = (cols[j] === 'nps' ? x === 99 : x === 9) ? NaN : x;
    }),
  );
  return out;
}

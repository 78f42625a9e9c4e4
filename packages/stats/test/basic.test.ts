import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import * as stats from '@satlab/stats';

// Fixtures: test/fixtures/basic.json, produced by test/fixtures/basic.R, and basic-scipy.json, produced by
// test/fixtures/basic.py (scipy/statsmodels); each case carries the exact call that produced its values.
const here = dirname(fileURLToPath(import.meta.url));
type Json = null | number | string | boolean | Json[] | { [k: string]: Json };
interface Case { fn: string; args: Json[]; opts: Record<string, Json> | null; call: string; expected: Record<string, Json> }
const load = (f: string) => JSON.parse(readFileSync(join(here, 'fixtures', f), 'utf8')) as { R: string; cases: Case[] };

/** Tolerance: relative 1e-9 (absolute below 1e-300 for p-values that underflow in R too). */
const TOL = 1e-9;
const worst = new Map<string, number>();

/** JSON null (R's NA) → NaN, at any depth (X is an array of rows). */
function toArg(v: Json): unknown {
  if (Array.isArray(v)) return v.map((e) => (e === null ? NaN : toArg(e)));
  return v;
}
function relErr(got: number, want: number): number {
  if (Number.isNaN(want)) return Number.isNaN(got) ? 0 : Infinity;
  if (want === got) return 0;
  if (want === 0) return Math.abs(got) < 1e-300 ? 0 : Math.abs(got);
  return Math.abs(got - want) / Math.abs(want);
}
function compare(fn: string, field: string, got: unknown, want: Json | number): void {
  if (want === 'Inf' || want === '-Inf') want = want === 'Inf' ? Infinity : -Infinity;
  if (Array.isArray(want)) want = want.map((v) => (v === 'Inf' ? Infinity : v === '-Inf' ? -Infinity : v));
  if (typeof want === 'string' || (Array.isArray(want) && typeof want[0] === 'string')) {
    expect(got, field).toEqual(want);
    return;
  }
  const w = Array.isArray(want) ? want : [want];
  const g = Array.isArray(got) ? (got as number[]) : [got as number];
  expect(g.length, `${field} length`).toBe(w.length);
  for (let i = 0; i < w.length; i++) {
    const wi = w[i] === null ? NaN : (w[i] as number);
    const e = relErr(g[i], wi);
    worst.set(fn, Math.max(worst.get(fn) ?? 0, e));
    expect(e, `${field}[${i}]: got ${g[i]}, R ${wi}`).toBeLessThanOrEqual(TOL);
  }
}

for (const [file, script] of [['basic.json', 'basic.R'], ['basic-scipy.json', 'basic.py']]) {
const fx = load(file);
describe(`results match ${fx.R} to 1e-9 relative — fixtures/${script}`, () => {
  for (const c of fx.cases) {
    it(`${c.fn} = ${c.call}`, () => {
      const f = (stats as unknown as Record<string, (...a: unknown[]) => Record<string, unknown>>)[c.fn];
      expect(typeof f).toBe('function');
      const out = f(...c.args.map(toArg), ...(c.opts ? [c.opts] : [])) as unknown;
      expect(JSON.parse(JSON.stringify(out))).toBeTypeOf('object');
      // pAdjust returns the adjusted values themselves; every other function a result object with warnings.
      const res = (Array.isArray(out) ? { value: out, warnings: [] } : out) as Record<string, unknown>;
      expect(Array.isArray(res.warnings)).toBe(true);
      for (const [k, v] of Object.entries(c.expected)) {
        // "coefficients.se" reads the field se of every element of the array res.coefficients.
        const [head, sub] = k.split('.');
        const got = sub === undefined ? res[head] : (res[head] as Record<string, unknown>[]).map((e) => e[sub]);
        compare(c.fn, k, got, v);
      }
    });
  }
});
}

afterAll(() => {
  if (process.env.SATLAB_REPORT) console.log([...worst].map(([k, v]) => `${k}: max rel err ${v.toExponential(2)}`).join('\n'));
});

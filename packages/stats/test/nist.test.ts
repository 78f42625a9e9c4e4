import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { oneWayAnova, ols } from '@satlab/stats';

// NIST StRD certified values, parsed from the verbatim .dat files in fixtures/nist (see its README).
const here = dirname(fileURLToPath(import.meta.url));
const read = (f: string): string[] => readFileSync(join(here, 'fixtures/nist', f), 'utf8').split(/\r?\n/);

/** Log relative error: the number of correct significant digits (capped at 15). */
function lre(got: number, cert: number): number {
  if (got === cert) return 15;
  const e = cert === 0 ? Math.abs(got) : Math.abs(got - cert) / Math.abs(cert);
  return Math.min(15, -Math.log10(e));
}
const nums = (line: string): number[] => line.trim().split(/\s+/).map(Number);
/** Data rows after the line starting with "Data:" that holds column names. */
function dataRows(lines: string[]): number[][] {
  const start = lines.findIndex((l) => /^Data:\s+\S/.test(l) && !/Response|Factor|\d+ Response/.test(l) && /[a-zA-Z]/.test(l.slice(5)));
  return lines.slice(start + 1).filter((l) => l.trim() !== '').map(nums);
}
function certLine(lines: string[], label: RegExp): number[] {
  const l = lines.find((s) => label.test(s));
  if (!l) throw new Error(`certified line ${label} not found`);
  return l.trim().split(/\s+/).map(Number).filter((v) => Number.isFinite(v));
}

const report: string[] = [];
const MIN_DIGITS = 9;

function checkRegression(file: string): void {
  const lines = read(file);
  const rows = dataRows(lines);
  const y = rows.map((r) => r[0]);
  const X = rows.map((r) => r.slice(1));
  const p = X[0].length;
  const fit = ols(y, X);
  const worst: Record<string, number> = {};
  const note = (what: string, got: number, cert: number): void => {
    const d = lre(got, cert);
    worst[what] = Math.min(worst[what] ?? 15, d);
    expect(d, `${file} ${what}: got ${got}, certified ${cert}`).toBeGreaterThanOrEqual(MIN_DIGITS);
  };
  for (let j = 0; j <= p; j++) {
    const [est, sd] = certLine(lines, new RegExp(`^\\s+B${j}\\s`));
    note('coefficients', fit.coefficients[j].estimate, est);
    note('standard errors', fit.coefficients[j].se, sd);
  }
  note('residual SD', fit.sigma, certLine(lines, /Standard Deviation\s+\d/)[0]);
  note('R²', fit.rSquared, certLine(lines, /R-Squared/)[0]);
  const reg = certLine(lines, /^Regression\s/);
  const res = certLine(lines, /^Residual\s+\d/);
  note('regression SS', fit.mss, reg[1]);
  note('residual SS', fit.rss, res[1]);
  note('F statistic', fit.fStatistic, reg[3]);
  report.push(`${file}: ` + Object.entries(worst).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', '));
}

function checkAnova(file: string): void {
  const lines = read(file);
  const rows = dataRows(lines);
  const res = oneWayAnova(rows.map((r) => r[1]), rows.map((r) => r[0]));
  const between = certLine(lines, /^Between/);
  const within = certLine(lines, /^Within/);
  const worst: Record<string, number> = {};
  const note = (what: string, got: number, cert: number): void => {
    const d = lre(got, cert);
    worst[what] = d;
    expect(d, `${file} ${what}: got ${got}, certified ${cert}`).toBeGreaterThanOrEqual(MIN_DIGITS);
  };
  expect(res.df).toEqual([between[0], within[0]]);
  note('between SS', res.ssBetween, between[1]);
  note('between MS', res.msBetween, between[2]);
  note('F', res.statistic, between[3]);
  note('within SS', res.ssWithin, within[1]);
  note('within MS', res.msWithin, within[2]);
  note('R²', res.etaSquared, certLine(lines, /Certified R-Squared/)[0]);
  note('residual SD', res.residualSd, certLine(lines, /Standard Deviation\s+\d/)[0]);
  report.push(`${file}: ` + Object.entries(worst).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', '));
}

describe('NIST StRD certified values are reproduced to at least 9 significant digits', () => {
  it('OLS on Norris (linear, lower difficulty): coefficients, SEs, residual SD, R², ANOVA table', () => checkRegression('Norris.dat'));
  it('OLS on Longley (6 collinear predictors, higher difficulty): coefficients, SEs, residual SD, R², ANOVA table', () => checkRegression('Longley.dat'));
  it('one-way ANOVA on SiRstv (5 instruments, 3 constant leading digits)', () => checkAnova('SiRstv.dat'));
  it('one-way ANOVA on AtmWtAg (2 instruments, 7 constant leading digits)', () => checkAnova('AtmWtAg.dat'));
});

afterAll(() => {
  if (process.env.SATLAB_REPORT) console.log('NIST LRE (digits, worst per quantity)\n' + report.join('\n'));
});

/**
 * Issue 14's acceptance test: one survey written by R (`write.csv`), by pandas (`to_csv`), as an
 * Excel workbook and as an SPSS file (packages/data/test/fixtures/survey4/make_survey4.R and .py)
 * gives the same `--json` in every survey command. The CSV and Excel copies come with the codebook
 * the .sav carries (value labels, user-missing codes). Only the loader's own warnings may differ
 * (the CSVs' unnamed index column, columns the YAML codebook does not declare).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { requireBuild, satlab } from './helpers/satlab.js';

const dir = 'packages/data/test/fixtures/survey4';
const FILES: [string, string[]][] = [
  ['survey_r.csv', ['--codebook', `${dir}/codebook.yaml`]],
  ['survey_pandas.csv', ['--codebook', `${dir}/codebook.yaml`]],
  ['survey.xlsx', ['--codebook', `${dir}/codebook.yaml`]],
  ['survey.sav', []],
];

const COMMANDS: [string, string[]][] = [
  ['nps', ['--column', 'nps', '--by', 'region']],
  ['csat', ['--column', 'sat', '--scale', '1-5', '--by', 'educ']],
  ['ces', ['--column', 'ces', '--scale', '1-7']],
  ['chi2', ['--rows', 'educ', '--cols', 'smoke']],
  ['attrition', ['--satisfaction', 'sat', '--left', 'left', '--scale', '1-5']],
  ['fcr', ['--column', 'fcr', '--by', 'smoke']],
  ['drivers', ['--outcome', 'sat', '--drivers', 'q1,q2,q3,q4']],
  ['factors', ['--items', 'q1,q2,q3,q4', '--nfactors', '1']],
  ['pareto', ['--column', 'amount']],
];

/** The loader's notes about the file itself, which legitimately differ between formats. */
const LOADER_NOTE = /not declared in the codebook|has no name in the header|\.\.\.1/;

function normalise(json: string, file: string): unknown {
  return JSON.parse(json.split(file).join('<file>'), (k, v: unknown) => {
    if (Array.isArray(v) && k === 'warnings') return v.filter((w) => !LOADER_NOTE.test(typeof w === 'string' ? w : JSON.stringify(w)));
    if (k === 'file' || k === 'source') return undefined;
    return v;
  });
}

describe('one survey in four formats: every survey command gives the same --json', () => {
  beforeAll(() => requireBuild('nps'));
  for (const [command, args] of COMMANDS) {
    it(`satlab ${command} ${args.join(' ')}`, () => {
      const outs = FILES.map(([file, extra]) => {
        const r = satlab([command, `${dir}/${file}`, ...args, ...extra, '--json']);
        expect(r.stderr).toBe('');
        expect(r.code).toBe(0);
        return normalise(r.stdout, `${dir}/${file}`);
      });
      for (let k = 1; k < outs.length; k++) expect({ file: FILES[k][0], out: outs[k] }).toEqual({ file: FILES[k][0], out: outs[0] });
    });
  }

  it('prints the .sav value labels as chi2 categories', () => {
    const r = satlab(['chi2', `${dir}/survey.sav`, '--rows', 'educ', '--cols', 'smoke']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Primaire/);
    expect(r.stdout).toMatch(/Supérieur/);
    expect(r.stdout).toMatch(/Oui/);
  });

  it('satlab describe /dev/zero exits 2 at once with one line', () => {
    const t0 = Date.now();
    const r = satlab(['describe', '/dev/zero']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/\/dev\/zero: not a regular file \(a character device\)/);
    expect(Date.now() - t0).toBeLessThan(5000);
  });

  it('a file past --max-bytes exits 2', () => {
    const r = satlab(['nps', `${dir}/survey_r.csv`, '--column', 'nps', '--max-bytes', '1K']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/more than the limit of 1024 bytes/);
  });
});

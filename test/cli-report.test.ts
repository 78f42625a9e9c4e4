import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

// End-to-end: runs the built CLI (pnpm exec tsc -b packages/cli first).
const root = fileURLToPath(new URL('..', import.meta.url));
const main = 'packages/cli/dist/main.js';

function satlab(args: string[], env: Record<string, string> = {}): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [main, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, LANG: 'C', LC_ALL: '', LC_MESSAGES: '', SOURCE_DATE_EPOCH: '', ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function datasetCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'satlab-cli-report-'));
  for (const f of ['wave-1.csv', 'wave-2.csv', 'wave-3.csv', 'codebook.yaml', 'report.yaml']) copyFileSync(join(root, 'datasets/barometer', f), join(dir, f));
  return dir;
}

beforeAll(() => {
  for (const c of ['report', 'waves']) if (!existsSync(`${root}/packages/cli/dist/commands/${c}.js`)) throw new Error('build the CLI first: pnpm exec tsc -b packages/cli');
});

describe('satlab report', () => {
  it('--json prints { outDir, files, summary } and writes index.html, the CSV tables, tables.xlsx and summary.json', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'satlab-out-')), 'rapport');
    const r = satlab(['report', 'datasets/barometer/report.yaml', '--out', out, '--timestamp', '2025-08-01T00:00:00Z', '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(Object.keys(j)).toEqual(['outDir', 'files', 'summary']);
    expect(j.files).toEqual(expect.arrayContaining(['index.html', 'tables.xlsx', 'summary.json', 'tables/key_figures.csv', 'tables/verbatims.csv']));
    for (const f of j.files) expect(existsSync(join(out, f)), f).toBe(true);
    expect(j.summary).toMatchObject({ lang: 'fr', latestWave: 'Vague 3', generatedAt: '2025-08-01T00:00:00Z' });
    expect(j.summary.keyFigures.find((k: { id: string }) => k.id === 'sat_delai_indemn').markFirst).toBe('▲');
    expect(JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'))).toEqual(j.summary);
    // French CSV: BOM, ";" and decimal comma.
    const csv = readFileSync(join(out, 'tables', 'key_figures.csv'), 'utf8');
    expect(csv.startsWith('\uFEFFindicator;id;unit;wave;value;')).toBe(true);
    expect(csv).toMatch(/\nSatisfaction globale \(moyenne 1–4\);overall;scale;Vague 3;2,768;/);
  });

  it('SOURCE_DATE_EPOCH pins the timestamp; running twice gives byte-identical files', () => {
    const base = mkdtempSync(join(tmpdir(), 'satlab-out-'));
    const a = satlab(['report', 'datasets/barometer/report.yaml', '--out', join(base, 'a'), '--lang', 'en'], { SOURCE_DATE_EPOCH: '1754006400' });
    const b = satlab(['report', 'datasets/barometer/report.yaml', '--out', join(base, 'b'), '--lang', 'en'], { SOURCE_DATE_EPOCH: '1754006400' });
    expect(a.code).toBe(0);
    expect(b.code).toBe(0);
    expect(a.stdout).toMatch(/^Report written to .*: index\.html, \d+ CSV tables, tables\.xlsx, summary\.json\nLatest wave: Vague 3 \(3 waves\)/);
    for (const f of ['index.html', 'tables.xlsx', 'summary.json', 'tables/wave_comparison.csv']) expect(readFileSync(join(base, 'b', f)).equals(readFileSync(join(base, 'a', f))), f).toBe(true);
    expect(readFileSync(join(base, 'a', 'index.html'), 'utf8')).toContain('<time datetime="2025-08-01T00:00:00Z">');
    // English CSV: "," and decimal point, no BOM.
    expect(readFileSync(join(base, 'a', 'tables', 'key_figures.csv'), 'utf8')).toMatch(/^indicator,id,unit,wave,value,/);
  });

  it('a wave with a changed scale is refused: exit 2, one line naming the item and both scales', () => {
    const dir = datasetCopy();
    writeFileSync(join(dir, 'codebook-v3.yaml'), readFileSync(join(dir, 'codebook.yaml'), 'utf8').replace(/sat_rapport_couv_cot: \{[^\n]*\}/, 'sat_rapport_couv_cot: { type: ordinal, label: "Satisfaction — Rapport Couv/Cot", scale: [1, 5], missing: [9] }'));
    writeFileSync(join(dir, 'report.yaml'), readFileSync(join(dir, 'report.yaml'), 'utf8').replace('{ file: wave-3.csv, label: "Vague 3", date: 2025-07-15 }', '{ file: wave-3.csv, label: "Vague 3", date: 2025-07-15, codebook: codebook-v3.yaml }'));
    const r = satlab(['report', join(dir, 'report.yaml'), '--out', join(dir, 'out')]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^satlab report: codebook-v3\.yaml \(column "sat_rapport_couv_cot"\): the scale of item "sat_rapport_couv_cot" changed between Vague 2 and Vague 3: 1-4 .* in Vague 2, 1-5 in Vague 3/);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('a missing --out or config is a usage error (exit 2)', () => {
    expect(satlab(['report', 'datasets/barometer/report.yaml']).code).toBe(2);
    const r = satlab(['report', 'datasets/barometer/nope.yaml', '--out', join(tmpdir(), 'x')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/nope\.yaml: report config not found/);
  });
});

describe('satlab waves', () => {
  it('with a report config: --json gives every indicator × wave with its changes and marks', () => {
    const r = satlab(['waves', 'datasets/barometer/report.yaml', '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.waves.map((w: { label: string }) => w.label)).toEqual(['Vague 1', 'Vague 2', 'Vague 3']);
    expect(j.family).toMatchObject({ scope: 'all', tests: 48 });
    const rcc = j.indicators.find((i: { column: string }) => i.column === 'sat_rapport_couv_cot');
    expect(rcc.waves[2].changes.find((c: { against: string }) => c.against === 'first').mark).toBe('▼');
    expect(j.questionnaire).toHaveLength(2);
    expect(j.questionnaire[0].identical).toBe(true);
  });

  it('with wave files: prints the comparison table in English or French', () => {
    const files = ['datasets/barometer/wave-1.csv', 'datasets/barometer/wave-3.csv'];
    const en = satlab(['waves', ...files, '--codebook', 'datasets/barometer/codebook.yaml', '--labels', 'V1,V3', '--mean', 'sat_delai_indemn,sat_contact', '--nps', 'nps', '--lang', 'en']);
    expect(en.code).toBe(0);
    expect(en.stdout).toMatch(/^Wave comparison\nRespondents: V1 n = 1,500, V3 n = 1,500\n/);
    expect(en.stdout).toMatch(/sat_delai_indemn\s+2\.39\s+2\.71\s+\+0\.32 ▲\s+< 0\.001/);
    const fr = satlab(['waves', ...files, '--codebook', 'datasets/barometer/codebook.yaml', '--labels', 'V1,V3', '--mean', 'sat_delai_indemn', '--lang', 'fr']);
    expect(fr.stdout).toMatch(/sat_delai_indemn\s+2,39\s+2,71\s+\+0,32 ▲\s+< 0,001/);
    expect(fr.stdout).toMatch(/^Comparaison des vagues\nRépondants : V1 n = 1\s500, V3 n = 1\s500\n/);
    expect(fr.stdout).toContain('Famille : correction de Holm');
  });

  it('--latest prints the report’s key-figures table (presentWaves, layout latest): CI, n, previous and first wave', () => {
    const r = satlab(['waves', 'datasets/barometer/report.yaml', '--latest', '--lang', 'fr']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Chiffres clés — Vague 3\n/);
    expect(r.stdout).toMatch(/Indicateur\s+Vague 3\s+IC 95\s%\s+n\s+Vague 2\s+Écart vs Vague 2\s+p ajustée\s+Vague 1\s+Écart vs Vague 1\s+p ajustée/);
    expect(r.stdout).toMatch(/Net Promoter Score \(points\)\s+−17,7\s+\[−21,9 ; −13,5\]\s+1\s463\s+−19,8\s+\+2,1\s+1,000\s+−18,9\s+\+1,2\s+1,000/);
    expect(r.stdout).toMatch(/Satisfaction — Rapport Couv\/Cot\s+1,66\s+\[1,62 ; 1,70\]\s+1\s457\s+1,73\s+−0,07\s+0,581\s+1,90\s+−0,24 ▼\s+< 0,001/);
    const en = satlab(['waves', 'datasets/barometer/report.yaml', '--latest', '--lang', 'en']);
    expect(en.stdout).toMatch(/Customers who left\s+11\.6%\s+\[10\.1%, 13\.3%\]\s+1,500\s+11\.5%\s+\+0\.1 pt\s+1\.000\s+10\.1%\s+\+1\.5 pt\s+1\.000/);
  });

  it('with a stacked file and its wave column', () => {
    const r = satlab(['waves', 'datasets/barometer/barometer.csv', '--codebook', 'datasets/barometer/codebook.yaml', '--wave-column', 'wave', '--share', 'left_within_year=oui', '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.waves.map((w: { n: number }) => w.n)).toEqual([1500, 1500, 1500]);
    expect(j.indicators[0].waves.map((w: { value: number }) => Math.round(w.value * 1000) / 1000)).toEqual([0.101, 0.115, 0.116]);
  });

  it('names a questionnaire difference in the reader\'s language', () => {
    const dir = mkdtempSync(join(tmpdir(), 'satlab-waves-'));
    // Wave 2 without its first column (respondent_id: no quoted commas there).
    const w2 = readFileSync(join(root, 'datasets/barometer/wave-2.csv'), 'utf8').split('\n').map((l) => l.replace(/^[^,]*,/, '')).join('\n');
    writeFileSync(join(dir, 'w2.csv'), w2);
    const args = ['waves', 'datasets/barometer/wave-1.csv', join(dir, 'w2.csv'), '--mean', 'sat_contact'];
    const fr = satlab([...args, '--lang', 'fr']);
    expect(fr.code, fr.stderr).toBe(0);
    expect(fr.stdout).toMatch(/Différences de questionnaire :\n {2}wave-1 → w2 — retiré : «\s?respondent_id\s?»/);
    expect(satlab([...args, '--lang', 'en']).stdout).toContain('Questionnaire differences:\n  wave-1 → w2 — removed: "respondent_id"');
  });
});

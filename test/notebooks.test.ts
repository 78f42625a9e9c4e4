/**
 * Every notebook in notebooks/ runs end to end on the satlab kernel: executed by Jupyter's
 * nbconvert (Debian's /usr/bin/jupyter), it must leave no error output, no "Error" on stderr, and
 * every chart cell — a cell that passes a chart builder of @satlab/charts to `show(`, or a cell
 * tagged `chart` — must hold a rendered SVG (and the Vega-Lite JSON as an object).
 *
 * Needs the build (`pnpm exec tsc -b packages/notebook packages/charts`: notebooks import the
 * packages' dist/) and the kernel (`pnpm -s satlab kernel install`); `.ci/setup` does both.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as charts from '@satlab/charts';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const notebookDir = join(root, 'notebooks');
const JUPYTER = '/usr/bin/jupyter';
const notebooks = existsSync(notebookDir) ? readdirSync(notebookDir).filter((f) => f.endsWith('.ipynb')).sort() : [];
const work = mkdtempSync(join(tmpdir(), 'satlab-notebooks-'));

/** Names of the chart builders (functions of @satlab/charts other than the renderers). */
const builders = Object.entries(charts)
  .filter(([name, v]) => typeof v === 'function' && !name.startsWith('render'))
  .map(([name]) => name);

interface Output {
  output_type: string;
  name?: string;
  text?: string | string[];
  ename?: string;
  evalue?: string;
  data?: Record<string, unknown>;
}
interface Cell {
  id?: string;
  cell_type: string;
  source: string | string[];
  metadata: { tags?: string[] };
  outputs?: Output[];
}

const joined = (s: string | string[] | undefined): string => (Array.isArray(s) ? s.join('') : (s ?? ''));

/** A chart cell: tagged `chart`, or passes a chart builder's result to `show(`. */
function isChartCell(cell: Cell): boolean {
  if (cell.metadata.tags?.includes('chart')) return true;
  const src = joined(cell.source);
  if (!/\bshow\s*\(/.test(src)) return false;
  return builders.some((b) => new RegExp(`\\bshow\\s*\\(\\s*(?:charts\\.)?${b}\\s*\\(`).test(src));
}

function preconditions(): string[] {
  const missing: string[] = [];
  if (!existsSync(JUPYTER)) missing.push(`${JUPYTER} (apt-get install jupyter-nbconvert jupyter-client python3-nbclient)`);
  for (const pkg of ['notebook', 'charts']) {
    if (!existsSync(join(root, 'packages', pkg, 'dist', 'index.js'))) missing.push(`packages/${pkg}/dist (pnpm exec tsc -b packages/notebook packages/charts)`);
  }
  if (existsSync(JUPYTER)) {
    const list = spawnSync(JUPYTER, ['kernelspec', 'list', '--json'], { encoding: 'utf8' });
    const specs = list.status === 0 ? (JSON.parse(list.stdout) as { kernelspecs: Record<string, unknown> }).kernelspecs : {};
    if (!('satlab' in specs)) missing.push('the satlab Jupyter kernel (pnpm -s satlab kernel install)');
  }
  return missing;
}

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('notebooks', () => {
  it('exist, and the tools to run them are installed', () => {
    expect(notebooks).toContain('00-getting-started.ipynb');
    expect(preconditions()).toEqual([]);
    expect(builders).toEqual(expect.arrayContaining(['ipaChart', 'crossTabChart', 'npsChart', 'roiWaterfall']));
  });

  it.each(notebooks)('%s executes without errors and every chart cell holds a rendered SVG', (name) => {
    const out = join(work, name);
    const run = spawnSync(
      JUPYTER,
      ['nbconvert', '--to', 'notebook', '--execute', '--ExecutePreprocessor.kernel_name=satlab', '--ExecutePreprocessor.timeout=300', join(notebookDir, name), '--output', out],
      { cwd: notebookDir, encoding: 'utf8', timeout: 330_000 },
    );
    expect(run.status, `nbconvert failed:\n${run.stderr}`).toBe(0);
    const cells = (JSON.parse(readFileSync(out, 'utf8')) as { cells: Cell[] }).cells.filter((c) => c.cell_type === 'code');
    let chartCells = 0;
    for (const [k, cell] of cells.entries()) {
      const where = `${name}, code cell ${k + 1}${cell.id ? ` (${cell.id})` : ''}`;
      const outputs = cell.outputs ?? [];
      const errors = outputs.filter((o) => o.output_type === 'error').map((o) => `${o.ename}: ${o.evalue}`);
      expect(errors, where).toEqual([]);
      const stderr = outputs.filter((o) => o.output_type === 'stream' && o.name === 'stderr').map((o) => joined(o.text));
      expect(stderr.filter((t) => t.includes('Error')), where).toEqual([]);
      if (!isChartCell(cell)) continue;
      chartCells++;
      const displays = outputs.filter((o) => o.data && o.data['image/svg+xml'] !== undefined); // nbformat may store text as a list of lines
      expect(displays.length, `${where}: no image/svg+xml output`).toBeGreaterThan(0);
      for (const d of displays) {
        expect(joined(d.data!['image/svg+xml'] as string | string[]), where).toMatch(/^<svg[\s>][\s\S]*<\/svg>$/);
        const vl = d.data!['application/vnd.vegalite.v5+json'];
        if (vl !== undefined) expect(typeof vl, `${where}: the Vega-Lite MIME must hold a JSON object`).toBe('object');
      }
    }
    if (name === '00-getting-started.ipynb') expect(chartCells).toBeGreaterThan(0);
  }, 340_000);

  it('exports to HTML with the charts drawn (satlab export keeps the SVG nbconvert 6.5 would empty)', () => {
    const html = join(work, 'getting-started.html');
    const r = spawnSync(process.execPath, [join(root, 'packages/cli/dist/main.js'), 'export', join(notebookDir, '00-getting-started.ipynb'), '--execute', '--out', html], { encoding: 'utf8', timeout: 330_000 });
    expect(r.status, r.stderr).toBe(0);
    const page = readFileSync(html, 'utf8');
    const svgs = page.match(/<svg[\s\S]*?<\/svg>/g) ?? [];
    expect(svgs.length).toBeGreaterThan(0);
    // A drawn chart has marks and text inside its <svg>, not an empty shell.
    expect(svgs.some((s) => /<path[\s>]/.test(s) && /<text[\s>]/.test(s))).toBe(true);
  }, 340_000);
});

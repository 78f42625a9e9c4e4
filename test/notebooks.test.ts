/**
 * Notebooks, end to end, in THIS checkout's satlab kernel (a kernelspec in a temporary
 * JUPYTER_PATH, see test/helpers/kernel.ts — never the "satlab" kernel registered on the machine):
 * - the issue-13 snippet (`crossTab(table, "contrat", …)`, `show(chiSquareTest(ct))`, NPS by
 *   region) runs as written and displays labelled HTML tables with percentages and a p-value, no
 *   JSON; a bare result ending a cell displays the same way; an error inside `show()` reaches the
 *   user with its class and message;
 * - every notebook in notebooks/ executes without an error output or "Error" on stderr, and every
 *   chart cell holds a rendered SVG; the committed notebooks carry their outputs;
 * - `satlab export --execute` writes an HTML page with the charts drawn.
 *
 * Needs the build (`pnpm -s build`: the kernel loads the packages' dist/) and Debian's Jupyter
 * (`jupyter-nbconvert`, `python3-nbclient`); `.ci/setup` installs both.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as charts from '@satlab/charts';
import { afterAll, describe, expect, it } from 'vitest';
import { checkoutKernel, executeNotebook, JUPYTER, joined, mime, removeCheckoutKernel, root, runCells } from './helpers/kernel.js';
import type { Cell } from './helpers/kernel.js';

const notebookDir = join(root, 'notebooks');
// A survey export as analysts receive it (test/fixtures/enquete/README.md says where it comes from).
const enquete = join(root, 'test', 'fixtures', 'enquete');
const notebooks = existsSync(notebookDir) ? readdirSync(notebookDir).filter((f) => f.endsWith('.ipynb')).sort() : [];
const work = mkdtempSync(join(tmpdir(), 'satlab-notebooks-'));

/** Names of the chart builders (functions of @satlab/charts other than the renderers). */
const builders = Object.entries(charts)
  .filter(([name, v]) => typeof v === 'function' && !name.startsWith('render'))
  .map(([name]) => name);

/** A chart cell: tagged `chart`, or passes a chart builder's result to `show(`. */
function isChartCell(cell: Cell): boolean {
  if (cell.metadata.tags?.includes('chart')) return true;
  const src = joined(cell.source);
  if (!/\bshow\s*\(/.test(src)) return false;
  return builders.some((b) => new RegExp(`\\bshow\\s*\\(\\s*(?:charts\\.)?${b}\\s*\\(`).test(src));
}

/** The text of the cells of an HTML output (`<td>`, `<th>`). */
const cellTexts = (html: string): string[] => [...html.matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/g)].map((m) => m[1].replace(/<[^>]+>/g, ''));

function preconditions(): string[] {
  const missing: string[] = [];
  if (!existsSync(JUPYTER)) missing.push(`${JUPYTER} (apt-get install jupyter-nbconvert jupyter-client python3-nbclient)`);
  for (const pkg of ['notebook', 'charts', 'present', 'stats', 'survey', 'data']) {
    if (!existsSync(join(root, 'packages', pkg, 'dist', 'index.js'))) missing.push(`packages/${pkg}/dist (pnpm -s build)`);
  }
  if (!existsSync(join(root, 'packages', 'notebook', 'dist', 'kernelHook.js'))) missing.push('packages/notebook/dist/kernelHook.js (pnpm -s build)');
  return missing;
}

const SNIPPET = [
  'import { loadTable } from "@satlab/data";',
  'import { crossTab, chiSquareTest } from "@satlab/stats";',
  'import { netPromoterScore } from "@satlab/survey";',
  'import { show } from "@satlab/notebook";',
  'const { table } = loadTable("enquete.csv");',
  'const ct = crossTab(table, "contrat", "satisfaction_globale");',
  'show(ct);',
  'show(chiSquareTest(ct));',
  'show(netPromoterScore(table, "note_recommandation", { by: "région" }));',
].join('\n');

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  removeCheckoutKernel();
});

describe('the satlab kernel of this checkout', () => {
  it('has the tools it needs', () => {
    expect(preconditions()).toEqual([]);
    expect(notebooks).toContain('00-getting-started.ipynb');
    expect(builders).toEqual(expect.arrayContaining(['ipaChart', 'crossTabChart', 'npsChart', 'roiWaterfall']));
  });

  it('is the one that runs: this checkout’s tslab and kernel hook, whatever "satlab" kernel the machine has', () => {
    const k = checkoutKernel();
    expect(k.env.JUPYTER_PATH?.split(':')[0]).toBe(k.jupyterPath);
    const r = runCells(['console.log(JSON.stringify({ checkout: process.env.SATLAB_CHECKOUT, argv: process.argv, execArgv: process.execArgv }))'], enquete);
    expect(r.status, r.stderr).toBe(0);
    const seen = JSON.parse(joined(r.cells[0].outputs?.[0]?.text)) as { checkout: string; argv: string[]; execArgv: string[] };
    expect(resolve(seen.checkout)).toBe(resolve(root));
    expect(seen.argv[1].startsWith(join(root, 'packages', 'notebook', 'node_modules', 'tslab')) || seen.argv[1].startsWith(join(root, 'node_modules'))).toBe(true);
    expect(seen.execArgv.join(' ')).toContain(join(root, 'packages/notebook/dist/kernelHook.js'));
  }, 120_000);
});

describe('the issue-13 snippet in the kernel', () => {
  let cells: Cell[] = [];
  it('runs as written, with no error and nothing on stderr', () => {
    const r = runCells([SNIPPET, 'chiSquareTest(ct)', 'JSON.stringify(ct).startsWith("{")', 'show(crossTab(table, "contrat", "satisfaction"))'], enquete, { allowErrors: true });
    expect(r.status, r.stderr).toBe(0);
    cells = r.cells;
    const first = cells[0].outputs ?? [];
    expect(first.filter((o) => o.output_type === 'error' || o.name === 'stderr')).toEqual([]);
    expect(first.filter((o) => o.output_type === 'display_data')).toHaveLength(3);
  }, 180_000);

  it('shows the cross-tab with the levels as labels, counts and row percentages, and no JSON', () => {
    const [html] = mime(cells[0], 'text/html');
    const texts = cellTexts(html);
    for (const label of ['Auto/Moto', 'Habitation', 'Santé', 'Plutôt satisfait', 'Tout à fait satisfait', 'Pas du tout satisfait']) expect(texts).toContain(label);
    expect(texts.filter((t) => /^\d+\.\d%$/.test(t)).length).toBeGreaterThanOrEqual(20);
    expect(texts.some((t) => /[{}]|\[\s*\d/.test(t))).toBe(false);
    // Never the row numbers 1…5 where labels exist: the first cell of each body row is a label.
    const rowHeads = [...html.matchAll(/<tr><th scope="row"[^>]*>([^<]*)<\/th>/g)].map((m) => m[1]);
    expect(rowHeads.length).toBeGreaterThan(0);
    expect(rowHeads.some((h) => /^\d+$/.test(h))).toBe(false);
    const [text] = mime(cells[0], 'text/plain');
    expect(text).toContain('contrat');
    expect(text).toMatch(/Auto\/Moto\s+\d/);
  });

  it('shows the chi-square test with its p-value and the text reads like R’s htest print', () => {
    const html = mime(cells[0], 'text/html')[1];
    expect(html).toMatch(/p-value (=|&lt;) 0[.,]\d+/);
    expect(html).toContain('χ²');
    const text = mime(cells[0], 'text/plain')[1];
    expect(text.split('\n')[0]).toMatch(/chi-squared test/i);
    expect(text).toMatch(/χ² = \d+\.\d+, df = 12, p-value (=|<) 0\.\d+/);
    expect(text).toContain('contrat');
  });

  it('shows the NPS by region as a labelled table with percentages, no JSON', () => {
    const html = mime(cells[0], 'text/html')[2];
    const texts = cellTexts(html);
    for (const r of ['Île-de-France', 'Hauts-de-France', 'Nouvelle-Aquitaine']) expect(texts).toContain(r);
    expect(texts.filter((t) => /%$/.test(t)).length).toBeGreaterThanOrEqual(15);
    expect(texts.some((t) => /[{}]/.test(t))).toBe(false);
  });

  it('displays a bare result ending a cell like show(), and leaves JSON.stringify of results alone', () => {
    const bare = cells[1].outputs ?? [];
    expect(bare.filter((o) => o.output_type === 'stream')).toEqual([]);
    expect(mime(cells[1], 'text/html')).toEqual([mime(cells[0], 'text/html')[1]]);
    expect(joined(cells[2].outputs?.[0]?.text).trim()).toBe('true');
  });

  it('reports an error inside show() with its class and message: the column asked for and those available', () => {
    const errors = (cells[3].outputs ?? []).filter((o) => o.output_type === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0].ename).toBe('SatlabError');
    expect(errors[0].evalue).toBe('crossTab: no column “satisfaction” in the table (columns: id, contrat, région, satisfaction_globale, note_recommandation)');
    expect(joined(errors[0].traceback?.[0])).toContain('no column “satisfaction”');
  });

  it('makes nbconvert name the error instead of "<Error>:"', () => {
    const r = runCells(['import { show } from "@satlab/notebook";\nimport { loadTable } from "@satlab/data";\nshow(loadTable("absent.csv"))'], enquete);
    expect(r.status).not.toBe(0);
    expect(r.stderr).not.toContain('<Error>:');
    expect(r.stderr).toContain('InputError: absent.csv: file not found');
  }, 120_000);

  it('writes the error in French after setLang("fr")', () => {
    const r = runCells(['import { setLang } from "@satlab/notebook";\nimport { crossTab } from "@satlab/stats";\nimport { loadTable } from "@satlab/data";\nsetLang("fr");\ncrossTab(loadTable("enquete.csv").table, "contrat", "satisfaction")'], enquete, { allowErrors: true });
    const err = (r.cells[0].outputs ?? []).find((o) => o.output_type === 'error');
    expect(err?.evalue).toBe('crossTab : pas de colonne «\u00a0satisfaction\u00a0» dans le tableau (colonnes : id, contrat, région, satisfaction_globale, note_recommandation)');
  }, 120_000);
});

describe('notebooks', () => {
  it.each(notebooks)('%s executes without errors and every chart cell holds a rendered SVG', (name) => {
    const run = executeNotebook(join(notebookDir, name), work);
    expect(run.status, `nbconvert failed:\n${run.stderr}`).toBe(0);
    const cells = run.cells.filter((c) => c.cell_type === 'code');
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
      const displays = outputs.filter((o) => o.data && o.data['image/svg+xml'] !== undefined);
      expect(displays.length, `${where}: no image/svg+xml output`).toBeGreaterThan(0);
      for (const d of displays) {
        expect(joined(d.data!['image/svg+xml']), where).toMatch(/^<svg[\s>][\s\S]*<\/svg>$/);
        const vl = d.data!['application/vnd.vegalite.v5+json'];
        if (vl !== undefined) expect(typeof vl, `${where}: the Vega-Lite MIME must hold a JSON object`).toBe('object');
      }
    }
    if (name === '00-getting-started.ipynb') expect(chartCells).toBeGreaterThan(0);
  }, 340_000);

  it.each(notebooks)('%s is committed with its outputs (GitHub and VS Code show them without running it)', (name) => {
    const cells = (JSON.parse(readFileSync(join(notebookDir, name), 'utf8')) as { cells: (Cell & { execution_count?: number | null })[] }).cells.filter((c) => c.cell_type === 'code');
    const withOutputs = cells.filter((c) => (c.outputs ?? []).length > 0);
    expect(withOutputs.length, `${name}: no code cell has an output (run: pnpm -s satlab export ${name} --execute --to notebook)`).toBeGreaterThan(cells.length / 2);
    expect(cells.every((c) => typeof c.execution_count === 'number'), `${name}: cells not executed in order`).toBe(true);
    for (const c of cells) if (isChartCell(c)) expect(mime(c, 'image/svg+xml').length, `${name}: chart cell without its SVG`).toBeGreaterThan(0);
  });

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

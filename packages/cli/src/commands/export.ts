import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import type { Command } from '../command.js';
import { positional, printJson, stringOption, UsageError } from '../command.js';

/** Debian's Jupyter first: another python may be first on PATH without nbconvert. */
const JUPYTER = existsSync('/usr/bin/jupyter') ? '/usr/bin/jupyter' : 'jupyter';

/**
 * nbconvert 6.5 (Debian 12) passes every output through lxml's `clean_html`, which empties inline
 * SVG (jupyter/nbconvert#1849): exported charts come out blank. satlab's outputs are SVG it
 * rendered itself and HTML it escaped itself, so the export replaces that filter by the identity.
 */
const KEEP_SVG = "--HTMLExporter.filters={'clean_html': 'os.fspath'}";

const command: Command = {
  name: 'export',
  summary: { en: 'export a notebook to a self-contained HTML page with its charts', fr: 'exporter un notebook en page HTML autonome, graphiques compris' },
  usage: ['export <notebook.ipynb> [--out <file.html>] [--execute]'],
  options: {
    out: { type: 'string', arg: '<file.html>', description: { en: 'where to write the page (default: beside the notebook)', fr: 'fichier à écrire (défaut : à côté du notebook)' } },
    execute: { type: 'boolean', description: { en: 'run the notebook in the satlab kernel first', fr: 'exécuter d’abord le notebook dans le noyau satlab' } },
  },
  details: {
    en: 'Runs Jupyter nbconvert (Debian\'s /usr/bin/jupyter when present) so that the SVG charts survive nbconvert 6.5\'s HTML sanitiser.',
    fr: 'Lance Jupyter nbconvert (celui de Debian, /usr/bin/jupyter, s’il est là) de sorte que les graphiques SVG survivent au nettoyage HTML de nbconvert 6.5.',
  },
  run(ctx) {
    const nb = resolve(ctx.cwd, positional(ctx, 0, 'notebook.ipynb'));
    if (!nb.endsWith('.ipynb')) throw new UsageError(`expected a .ipynb notebook, got "${nb}"`);
    if (!existsSync(nb)) throw new UsageError(`no such notebook: ${nb}`);
    const out = resolve(ctx.cwd, stringOption(ctx, 'out') ?? nb.replace(/\.ipynb$/, '.html'));
    const args = ['nbconvert', '--to', 'html', KEEP_SVG, '--output-dir', dirname(out), '--output', basename(out).replace(/\.html$/, '')];
    if (ctx.values.execute === true) args.push('--execute', '--ExecutePreprocessor.kernel_name=satlab', '--ExecutePreprocessor.timeout=600');
    args.push(nb);
    const r = spawnSync(JUPYTER, args, { cwd: dirname(nb), encoding: 'utf8' });
    if (r.error) throw new Error(`export: cannot run ${JUPYTER} (${r.error.message}); install Jupyter (bash .ci/setup)`);
    if (r.status !== 0) throw new Error(`export: nbconvert failed: ${(r.stderr || '').trim().split('\n').slice(-1)[0]}`);
    if (ctx.json) return printJson(ctx, { notebook: nb, html: out });
    ctx.stdout.write(ctx.lang === 'fr' ? `Page écrite : ${out}\n` : `Wrote ${out}\n`);
  },
};
export default command;

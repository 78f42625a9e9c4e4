import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { renderMessage, SatlabError } from '@satlab/messages';
import { privateKernel } from '@satlab/notebook';
import type { Command } from '../command.js';
import { choiceOption, positional, printJson, stringOption, UsageError } from '../command.js';
import { nbMsg } from './_notebookMessages.js';

/** Debian's Jupyter first: another python may be first on PATH without nbconvert. */
const JUPYTER = existsSync('/usr/bin/jupyter') ? '/usr/bin/jupyter' : 'jupyter';
/** The python of that Jupyter (`python3 -m nbformat.sign` is `jupyter trust`, absent from Debian's packages). */
const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';

/**
 * nbconvert 6.5 (Debian 12) passes every output through lxml's `clean_html`, which empties inline
 * SVG (jupyter/nbconvert#1849): exported charts come out blank. satlab's outputs are SVG it
 * rendered itself and HTML it escaped itself, so the export replaces that filter by the identity.
 */
const KEEP_SVG = "--HTMLExporter.filters={'clean_html': 'os.fspath'}";

const command: Command = {
  name: 'export',
  summary: { en: 'export a notebook to a self-contained HTML page with its charts, or run it in place', fr: 'exporter un notebook en page HTML autonome, graphiques compris, ou l’exécuter sur place' },
  usage: ['export <notebook.ipynb> [--out <file.html>] [--execute]', 'export <notebook.ipynb> --execute --to notebook'],
  options: {
    out: { type: 'string', arg: '<file.html>', description: { en: 'where to write the page (default: beside the notebook)', fr: 'fichier à écrire (défaut : à côté du notebook)' } },
    execute: { type: 'boolean', description: { en: 'run the notebook in this checkout’s satlab kernel first', fr: 'exécuter d’abord le notebook dans le noyau satlab de ce dépôt' } },
    to: { type: 'string', arg: 'html|notebook', description: { en: '"notebook": save the executed notebook in place with its outputs, trusted (default html)', fr: '« notebook » : enregistrer sur place le notebook exécuté avec ses sorties, approuvé (défaut html)' } },
  },
  details: {
    en: 'Runs Jupyter nbconvert (Debian\'s /usr/bin/jupyter when present) so that the SVG charts survive nbconvert 6.5\'s HTML sanitiser. --execute runs the notebook in a kernelspec of this checkout written to a temporary JUPYTER_PATH, never in another "satlab" kernel registered on the machine.',
    fr: 'Lance Jupyter nbconvert (celui de Debian, /usr/bin/jupyter, s’il est là) de sorte que les graphiques SVG survivent au nettoyage HTML de nbconvert 6.5. --execute exécute le notebook dans un noyau de ce dépôt déclaré dans un JUPYTER_PATH temporaire, jamais dans un autre noyau « satlab » installé sur la machine.',
  },
  run(ctx) {
    const nb = resolve(ctx.cwd, positional(ctx, 0, 'notebook.ipynb'));
    if (!nb.endsWith('.ipynb')) throw new UsageError(nbMsg.notANotebook({ path: nb }));
    if (!existsSync(nb)) throw new UsageError(nbMsg.noSuchNotebook({ path: nb }));
    const to = choiceOption(ctx, 'to', ['html', 'notebook'] as const, 'html');
    const execute = ctx.values.execute === true;
    if (to === 'notebook' && !execute) throw new UsageError(nbMsg.needsExecute({}));
    const out = to === 'notebook' ? nb : resolve(ctx.cwd, stringOption(ctx, 'out') ?? nb.replace(/\.ipynb$/, '.html'));
    const args = to === 'notebook' ? ['nbconvert', '--to', 'notebook', '--inplace'] : ['nbconvert', '--to', 'html', KEEP_SVG, '--output-dir', dirname(out), '--output', basename(out).replace(/\.html$/, '')];
    const kernel = execute ? privateKernel() : undefined;
    if (execute) args.push('--execute', '--ExecutePreprocessor.kernel_name=satlab', '--ExecutePreprocessor.timeout=600');
    args.push(nb);
    try {
      const run = (a: string[]) => spawnSync(JUPYTER, a, { cwd: dirname(nb), encoding: 'utf8', env: kernel?.env ?? process.env });
      const r = run(args);
      if (r.error) throw new SatlabError(nbMsg.noJupyter({ jupyter: JUPYTER, reason: r.error.message }));
      if (r.status !== 0) throw new SatlabError(nbMsg.nbconvertFailed({ detail: (r.stderr || '').trim().split('\n').slice(-1)[0] ?? '' }));
      // Outputs a notebook shows (HTML, SVG) are only rendered once the notebook is trusted
      // (a signature in this user's Jupyter database: trust is per machine).
      if (to === 'notebook') spawnSync(PYTHON, ['-m', 'nbformat.sign', nb], { encoding: 'utf8', env: kernel?.env ?? process.env });
    } finally {
      if (kernel) rmSync(kernel.jupyterPath, { recursive: true, force: true });
    }
    if (ctx.json) return printJson(ctx, to === 'notebook' ? { notebook: nb, executed: true } : { notebook: nb, html: out });
    ctx.stdout.write(renderMessage(to === 'notebook' ? nbMsg.executed({ path: nb }) : nbMsg.wrote({ path: out }), ctx.lang) + '\n');
  },
};
export default command;

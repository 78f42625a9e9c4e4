import { installKernel } from '@satlab/notebook';
import { renderMessage } from '@satlab/messages';
import type { Command } from '../command.js';
import { printJson, stringOption, UsageError } from '../command.js';
import { nbMsg } from './_notebookMessages.js';

const command: Command = {
  name: 'kernel',
  summary: { en: 'register the "satlab (TypeScript)" Jupyter kernel', fr: 'installer le noyau Jupyter « satlab (TypeScript) »' },
  usage: ['kernel install [--data-dir <dir>]'],
  options: {
    'data-dir': { type: 'string', arg: '<dir>', description: { en: 'Jupyter data directory (default ~/.local/share/jupyter)', fr: 'répertoire de données Jupyter (défaut ~/.local/share/jupyter)' } },
  },
  run(ctx) {
    const action = ctx.positionals[0];
    if (action !== 'install') throw new UsageError(nbMsg.kernelAction({ got: action ?? '' }));
    const res = installKernel({ dataDir: stringOption(ctx, 'data-dir') });
    if (ctx.json) return printJson(ctx, res);
    ctx.stdout.write(renderMessage(nbMsg.installed({ name: res.spec.display_name, dir: res.dir }), ctx.lang) + '\n');
  },
};
export default command;

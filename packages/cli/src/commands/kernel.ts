import { installKernel } from '@satlab/notebook';
import type { Command } from '../command.js';
import { printJson, stringOption, UsageError } from '../command.js';

const command: Command = {
  name: 'kernel',
  summary: { en: 'register the "satlab (TypeScript)" Jupyter kernel', fr: 'installer le noyau Jupyter « satlab (TypeScript) »' },
  usage: ['kernel install [--data-dir <dir>]'],
  options: {
    'data-dir': { type: 'string', arg: '<dir>', description: { en: 'Jupyter data directory (default ~/.local/share/jupyter)', fr: 'répertoire de données Jupyter (défaut ~/.local/share/jupyter)' } },
  },
  run(ctx) {
    const action = ctx.positionals[0];
    if (action !== 'install') throw new UsageError(`expected "kernel install", got "kernel ${action ?? ''}"`);
    const res = installKernel({ dataDir: stringOption(ctx, 'data-dir') });
    if (ctx.json) return printJson(ctx, res);
    ctx.stdout.write(ctx.lang === 'fr' ? `Noyau « ${res.spec.display_name} » installé dans ${res.dir}\n` : `Kernel "${res.spec.display_name}" installed in ${res.dir}\n`);
  },
};
export default command;

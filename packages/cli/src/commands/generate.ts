import { resolve } from 'node:path';
import { generateTransactions, writeBarometer } from '@satlab/synth';
import { renderMessage } from '@satlab/messages';
import { cliMsg } from '../messages.js';
import type { Command, CommandContext } from '../command.js';
import { numberOption, printJson, stringOption, UsageError } from '../command.js';

const DEFAULT_SEED = 2007;

function intOption(ctx: CommandContext, name: string, fallback: number | undefined): number | undefined {
  if (ctx.values[name] === undefined) return fallback;
  const x = numberOption(ctx, name);
  if (!Number.isInteger(x)) throw new UsageError(cliMsg.integerOption({ option: name, value: stringOption(ctx, name) ?? '' }));
  return x;
}

async function barometer(ctx: CommandContext): Promise<void> {
  const dir = resolve(ctx.cwd, stringOption(ctx, 'out', true));
  const seed = intOption(ctx, 'seed', DEFAULT_SEED) as number;
  const res = writeBarometer(dir, {
    seed,
    respondentsPerWave: intOption(ctx, 'respondents', 1500),
    waves: intOption(ctx, 'waves', 3),
  });
  if (ctx.json) return printJson(ctx, res);
  ctx.stdout.write(renderMessage(cliMsg.barometerWritten({ seed, n: res.respondents, waves: res.waves, dates: res.waveDates, dir, files: res.files }), ctx.lang) + '\n');
}

async function transactions(ctx: CommandContext): Promise<void> {
  const file = resolve(ctx.cwd, stringOption(ctx, 'out', true));
  const seed = intOption(ctx, 'seed', DEFAULT_SEED) as number;
  const rows = intOption(ctx, 'rows', 120_000) as number;
  let lastPct = -1;
  const t0 = process.hrtime.bigint();
  const res = await generateTransactions({
    seed,
    rows,
    out: file,
    customers: intOption(ctx, 'customers', undefined),
    start: stringOption(ctx, 'start'),
    end: stringOption(ctx, 'end'),
    onProgress: ctx.quiet
      ? undefined
      : (done, total) => {
          const pct = Math.floor((100 * done) / total);
          if (pct === lastPct) return;
          lastPct = pct;
          ctx.stderr.write(`\r${renderMessage(cliMsg.progress({ what: 'transactions', done, total, pct }), ctx.lang)}`);
        },
  });
  if (!ctx.quiet) ctx.stderr.write('\n');
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  if (ctx.json) return printJson(ctx, { file, seed, seconds, ...res });
  const mb = Math.round(res.bytes / 1e6);
  ctx.stdout.write(renderMessage(cliMsg.transactionsWritten({ rows: res.rows, customers: res.customers, start: res.start, end: res.end, seed, file, mb }), ctx.lang) + '\n');
}

const command: Command = {
  name: 'generate',
  summary: { en: 'write the synthetic datasets (barometer waves, RFM transactions)', fr: 'écrire les jeux de données synthétiques (vagues de baromètre, transactions RFM)' },
  usage: ['generate barometer --out <dir> [--seed N] [--respondents N] [--waves N]', 'generate transactions --out <file> [--rows N] [--seed N] [--customers N] [--start YYYY-MM-DD] [--end YYYY-MM-DD]'],
  options: {
    out: { type: 'string', arg: '<dir|file>', description: { en: 'output directory (barometer) or CSV file (transactions)', fr: 'répertoire (baromètre) ou fichier CSV (transactions) de sortie' } },
    seed: { type: 'string', arg: '<N>', description: { en: `random seed (default ${DEFAULT_SEED})`, fr: `graine aléatoire (défaut ${DEFAULT_SEED})` } },
    respondents: { type: 'string', arg: '<N>', description: { en: 'barometer: respondents per wave (default 1500)', fr: 'baromètre : répondants par vague (défaut 1500)' } },
    waves: { type: 'string', arg: '<N>', description: { en: 'barometer: number of waves, 9 months apart (default 3)', fr: 'baromètre : nombre de vagues, à 9 mois d’intervalle (défaut 3)' } },
    rows: { type: 'string', arg: '<N>', description: { en: 'transactions: rows (default 120000; 10000000 takes a few seconds)', fr: 'transactions : lignes (défaut 120000 ; 10000000 prend quelques secondes)' } },
    customers: { type: 'string', arg: '<N>', description: { en: 'transactions: customers (default rows / 20)', fr: 'transactions : clients (défaut lignes / 20)' } },
    start: { type: 'string', arg: '<date>', description: { en: 'transactions: first day (default 2022-01-01)', fr: 'transactions : premier jour (défaut 2022-01-01)' } },
    end: { type: 'string', arg: '<date>', description: { en: 'transactions: last day (default 2024-12-31)', fr: 'transactions : dernier jour (défaut 2024-12-31)' } },
  },
  details: {
    en: [
      'barometer writes wave-1.csv … wave-<n>.csv, barometer.csv (all waves stacked) and codebook.yaml.',
      'transactions writes customer_id,date,amount, streaming (flat memory), with a progress line on stderr unless --quiet.',
      'The same seed and options always give byte-identical files. datasets/ holds the outputs of the defaults (seed 2007).',
      '--json keys: barometer {dir, files, bytes, seed, waves, respondentsPerWave, respondents, waveDates};',
      'transactions {file, seed, seconds, rows, customers, bytes, start, end, revenue}.',
    ].join('\n'),
    fr: [
      'barometer écrit wave-1.csv … wave-<n>.csv, barometer.csv (toutes les vagues empilées) et codebook.yaml.',
      'transactions écrit customer_id,date,amount en flux (mémoire constante), avec une ligne de progression sur stderr sauf --quiet.',
      'La même graine et les mêmes options donnent toujours des fichiers identiques à l’octet près. datasets/ contient les sorties par défaut (graine 2007).',
      'Clés --json : barometer {dir, files, bytes, seed, waves, respondentsPerWave, respondents, waveDates} ;',
      'transactions {file, seed, seconds, rows, customers, bytes, start, end, revenue}.',
    ].join('\n'),
  },
  async run(ctx) {
    const what = ctx.positionals[0];
    if (what === 'barometer') return barometer(ctx);
    if (what === 'transactions') return transactions(ctx);
    throw new UsageError(cliMsg.generateWhat({ value: what ?? '' }));
  },
};
export default command;

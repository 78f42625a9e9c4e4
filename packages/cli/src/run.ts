/**
 * The `satlab` command line. Each sub-command is a module in `commands/`, loaded only when asked
 * for, so `satlab rfm` does not pay for loading Vega. Exit codes: 0 success, 2 bad input or bad
 * command line (one line on stderr), 1 an internal error.
 */
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { renderMessage } from '@satlab/messages';
import type { Message } from '@satlab/messages';
import type { Command, CommandContext, Lang, OptionSpec } from './command.js';
import { UsageError } from './command.js';
import { cliMsg } from './messages.js';

const here = dirname(fileURLToPath(import.meta.url));
const commandsDir = join(here, 'commands');

const GLOBAL_OPTIONS: Record<string, OptionSpec> = {
  json: { type: 'boolean', description: { en: 'machine output (JSON) on stdout, nothing else', fr: 'sortie machine (JSON) sur stdout, rien d’autre' } },
  lang: { type: 'string', arg: 'fr|en', description: { en: 'language of human output (default: en, or fr when LANG starts with fr)', fr: 'langue de la sortie (défaut : en, ou fr si LANG commence par fr)' } },
  quiet: { type: 'boolean', description: { en: 'no progress on stderr', fr: 'pas de progression sur stderr' } },
  help: { type: 'boolean', short: 'h', description: { en: 'show this help', fr: 'afficher cette aide' } },
};

function commandNames(): string[] {
  if (!existsSync(commandsDir)) return [];
  return readdirSync(commandsDir)
    .filter((f) => /\.js$/.test(f) && !f.startsWith('_'))
    .map((f) => f.replace(/\.js$/, ''))
    .sort();
}

async function loadCommand(name: string): Promise<Command | undefined> {
  if (!/^[a-z][a-z0-9-]*$/.test(name)) return undefined;
  const file = join(commandsDir, `${name}.js`);
  if (!existsSync(file)) return undefined;
  const mod = (await import(pathToFileURL(file).href)) as { default: Command };
  return mod.default;
}

/** The language of human output when --lang is not given: LC_ALL, then LC_MESSAGES, then LANG. */
function defaultLang(): Lang {
  const env = process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || '';
  return env.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

function optionHelp(opts: Record<string, OptionSpec>, lang: Lang): string {
  const rows = Object.entries(opts).map(([k, o]) => {
    const flag = `${o.short ? `-${o.short}, ` : ''}--${k}${o.arg ? ` ${o.arg}` : o.type === 'string' ? ' <value>' : ''}`;
    return [flag, o.description[lang]];
  });
  const w = Math.max(...rows.map((r) => r[0].length));
  return rows.map(([f, d]) => `  ${f.padEnd(w)}  ${d}`).join('\n');
}

function commandHelp(cmd: Command, lang: Lang): string {
  const parts = [
    `satlab ${cmd.name} — ${cmd.summary[lang]}`,
    '',
    renderMessage(cliMsg.helpUsage(), lang),
    ...cmd.usage.map((u) => `  satlab ${u}`),
    '',
    renderMessage(cliMsg.helpOptions(), lang),
    optionHelp({ ...cmd.options, ...GLOBAL_OPTIONS }, lang),
  ];
  if (cmd.details) parts.push('', cmd.details[lang]);
  return parts.join('\n') + '\n';
}

async function mainHelp(lang: Lang): Promise<string> {
  const lines: string[] = [];
  for (const name of commandNames()) {
    const c = await loadCommand(name);
    if (c) lines.push([`  ${c.name.padEnd(12)}`, c.summary[lang]].join(' '));
  }
  return [
    renderMessage(cliMsg.helpTitle(), lang),
    '',
    renderMessage(cliMsg.helpMainUsage(), lang),
    '',
    renderMessage(cliMsg.helpCommands(), lang),
    ...lines,
    '',
  ].join('\n');
}

/** Runs the CLI with the given arguments; resolves to the exit code. */
export async function run(argv: string[], io: { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream; workdir?: string } = process): Promise<number> {
  const stdout = io.stdout as CommandContext['stdout'];
  const stderr = io.stderr as CommandContext['stderr'];
  const langArg = argv.indexOf('--lang');
  let lang: Lang = defaultLang();
  if (langArg >= 0 && (argv[langArg + 1] === 'fr' || argv[langArg + 1] === 'en')) lang = argv[langArg + 1] as Lang;
  const name = argv[0];
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    stdout.write(await mainHelp(lang));
    return 0;
  }
  const cmd = await loadCommand(name);
  if (!cmd) {
    stderr.write(`${renderMessage(cliMsg.errorPrefix({ command: '' }), lang)} ${renderMessage(cliMsg.unknownCommand({ name }), lang)}\n`);
    return 2;
  }
  try {
    const options = { ...cmd.options, ...GLOBAL_OPTIONS };
    checkOptions(argv.slice(1), options);
    const parsed = parseArgs({
      args: argv.slice(1),
      options: Object.fromEntries(Object.entries(options).map(([k, o]) => [k, { type: o.type, multiple: o.multiple ?? false, ...(o.short ? { short: o.short } : {}) }])),
      allowPositionals: true,
      strict: true,
    });
    const values = parsed.values as CommandContext['values'];
    if (values.help) {
      stdout.write(commandHelp(cmd, lang));
      return 0;
    }
    if (values.lang !== undefined && values.lang !== 'fr' && values.lang !== 'en') {
      throw new UsageError(cliMsg.badLang({ value: String(values.lang) }));
    }
    const ctx: CommandContext = {
      values,
      positionals: parsed.positionals,
      lang,
      json: values.json === true,
      quiet: values.quiet === true || !(io.stderr as NodeJS.WriteStream).isTTY,
      stdout,
      stderr,
      cwd: io.workdir ?? process.cwd(),
    };
    await cmd.run(ctx);
    return 0;
  } catch (err) {
    const { text, code } = describeError(err, lang);
    stderr.write(`${renderMessage(cliMsg.errorPrefix({ command: cmd.name }), lang)} ${text.split('\n')[0]}\n`);
    if (process.env.SATLAB_DEBUG) stderr.write(`${(err as Error).stack}\n`);
    return code;
  }
}

/**
 * Checks the options before node's parseArgs does, so the usual mistakes (an unknown option, a
 * value missing or given to a flag) are reported in the user's language.
 */
function checkOptions(args: readonly string[], options: Record<string, OptionSpec>): void {
  const shorts = new Map(Object.entries(options).flatMap(([k, o]) => (o.short ? [[o.short, k] as const] : [])));
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') return;
    let name: string | undefined;
    let inline = false;
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      name = eq >= 0 ? a.slice(2, eq) : a.slice(2);
      inline = eq >= 0;
    } else if (a.length === 2 && a[0] === '-' && a[1] !== '-' && Number.isNaN(Number(a))) {
      name = shorts.get(a[1]);
      if (name === undefined) throw new UsageError(cliMsg.unknownOption({ option: a }));
    } else continue;
    const spec = options[name];
    if (!spec) throw new UsageError(cliMsg.unknownOption({ option: `--${name}` }));
    if (spec.type === 'boolean' && inline) throw new UsageError(cliMsg.optionTakesNoValue({ option: name }));
    if (spec.type === 'string' && !inline) {
      if (i + 1 >= args.length) throw new UsageError(cliMsg.optionNeedsValue({ option: name }));
      i++;
    }
  }
}

/** The one line to print for an error, in `lang`, and the exit code (2 bad input, 1 internal). */
export function describeError(err: unknown, lang: Lang): { text: string; code: number } {
  const e = err as Error & { code?: unknown; path?: string; render?: (l: Lang) => string; detail?: Message };
  if (e && typeof e.render === 'function') return { text: e.render(lang), code: 2 };
  const errno = typeof e?.code === 'string' ? e.code : '';
  if (errno === 'ENOENT') return { text: renderMessage(cliMsg.fileNotFound({ file: e.path ?? '' }), lang), code: 2 };
  if (errno === 'EISDIR') return { text: renderMessage(cliMsg.isDirectory({ file: e.path ?? '' }), lang), code: 2 };
  if (errno === 'EACCES' || errno === 'EPERM') return { text: renderMessage(cliMsg.permissionDenied({ file: e.path ?? '' }), lang), code: 2 };
  if (errno.startsWith('ERR_PARSE_ARGS')) return { text: renderMessage(cliMsg.badCommandLine({ detail: e.message }), lang), code: 2 };
  // Programming-contract errors of the libraries (TypeError/RangeError) name the function and argument.
  if (e instanceof TypeError || e instanceof RangeError) return { text: e.message, code: 2 };
  return { text: renderMessage(cliMsg.internal({ detail: e?.message ?? String(err) }), lang), code: 1 };
}

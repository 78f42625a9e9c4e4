import type { Writable } from 'node:stream';
import type { Message } from '@satlab/messages';
import { SatlabError } from '@satlab/messages';
import type { Presentation } from '@satlab/present';
import { toText } from '@satlab/present';
import { cliMsg } from './messages.js';

export type Lang = 'fr' | 'en';

/** One option of a command, for parsing and for `--help`. */
export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  /** Shown in --help, e.g. "<col>". */
  arg?: string;
  description: { en: string; fr: string };
  multiple?: boolean;
}

/** Everything a command needs to run: parsed arguments and the output channels. */
export interface CommandContext {
  /** Parsed options (global ones included: json, lang, quiet). */
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
  lang: Lang;
  json: boolean;
  quiet: boolean;
  stdout: Writable;
  stderr: Writable;
  /** Working directory used to resolve relative paths. */
  cwd: string;
}

/**
 * A `satlab` sub-command. Each lives in `commands/<name>.ts` and default-exports one of these;
 * `main.ts` loads only the command asked for.
 */
export interface Command {
  name: string;
  summary: { en: string; fr: string };
  /** Usage line(s) after `satlab `, e.g. `chi2 <file> --rows <col> --cols <col> [--json]`. */
  usage: string[];
  options: Record<string, OptionSpec>;
  /** Longer help text (examples, output keys), per language. */
  details?: { en: string; fr: string };
  run(ctx: CommandContext): Promise<void> | void;
}

/**
 * A wrong command line (unknown option, missing argument). Exit code 2. Give it a message of the
 * `cli` catalogue (`cliMsg.missingOption({ option: 'rows' })`) so it prints in the user's
 * language; a plain string (code not yet migrated) prints as it is.
 */
export class UsageError extends SatlabError {
  override name = 'UsageError';
  constructor(message: Message | string) {
    super(typeof message === 'string' ? { code: 'cli.plain', params: {}, text: message } : message);
  }
}

/** Writes a presentation as text on stdout (the human output of every analysis command). */
export function printPresentation(ctx: CommandContext, p: Presentation | readonly Presentation[], extra: readonly string[] = []): void {
  const list = Array.isArray(p) ? (p as readonly Presentation[]) : [p as Presentation];
  // One blank line between the presentation and the extra lines, even when those start with one.
  const lines = extra.slice(extra.findIndex((l) => l !== '') === -1 ? extra.length : extra.findIndex((l) => l !== ''));
  ctx.stdout.write(list.map((x) => toText(x)).join('\n') + (lines.length ? `\n${lines.join('\n')}\n` : ''));
}

/** An option that must be one of a few words. */
export function choiceOption<T extends string>(ctx: CommandContext, name: string, allowed: readonly T[], fallback: T): T {
  const v = stringOption(ctx, name);
  if (v === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(v)) throw new UsageError(cliMsg.oneOf({ option: name, allowed, value: v }));
  return v as T;
}

/** Typed access to a string option, with a clear error when it is required and absent. */
export function stringOption(ctx: CommandContext, name: string, required: true): string;
export function stringOption(ctx: CommandContext, name: string, required?: boolean): string | undefined;
export function stringOption(ctx: CommandContext, name: string, required = false): string | undefined {
  const v = ctx.values[name];
  if (Array.isArray(v)) return v[v.length - 1];
  if (typeof v === 'string') return v;
  if (required) throw new UsageError(cliMsg.missingOption({ option: name }));
  return undefined;
}

/** A numeric option: parsed with `.` or `,` as decimal mark; clear error when not a number. */
export function numberOption(ctx: CommandContext, name: string, fallback?: number): number {
  const s = stringOption(ctx, name, fallback === undefined);
  if (s === undefined) return fallback as number;
  const x = Number(s.trim().replace(',', '.'));
  if (!Number.isFinite(x)) throw new UsageError(cliMsg.notANumber({ option: name, value: s }));
  return x;
}

/** The first positional argument, named for the error message when absent. */
export function positional(ctx: CommandContext, index: number, name: string): string {
  const v = ctx.positionals[index];
  if (v === undefined) throw new UsageError(cliMsg.missingArgument({ name }));
  return v;
}

/** Writes a value as JSON on stdout (and nothing else there). NaN/Infinity become null. */
export function printJson(ctx: CommandContext, value: unknown): void {
  ctx.stdout.write(JSON.stringify(value, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : ArrayBuffer.isView(v) && !(v instanceof DataView) ? Array.from(v as unknown as ArrayLike<number>) : v), 2) + '\n');
}

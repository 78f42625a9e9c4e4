import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root. */
export const root = fileURLToPath(new URL('../..', import.meta.url));
/** The built CLI entry (end-to-end tests run what users run: `pnpm test` builds it first). */
export const main = 'packages/cli/dist/main.js';

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the built `satlab` CLI from the repository root with a neutral locale (English unless
 * `--lang` says otherwise), as a user's shell would.
 */
export function satlab(args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string } = {}): CliRun {
  if (!existsSync(`${root}/${main}`)) throw new Error('build the CLI first: pnpm exec tsc -b packages/cli');
  const r = spawnSync(process.execPath, [`${root}/${main}`, ...args], {
    cwd: opts.cwd ?? root,
    encoding: 'utf8',
    input: opts.input,
    env: { ...process.env, LANG: 'C', LC_ALL: '', LC_MESSAGES: '', ...opts.env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Throws unless the CLI and the module of `command` are built: call it in `beforeAll`. */
export function requireBuild(command: string): void {
  if (!existsSync(join(root, main)) || !existsSync(join(root, `packages/cli/dist/commands/${command}.js`))) {
    throw new Error('build the CLI first: pnpm exec tsc -b packages/cli');
  }
}

/** A new directory under the system's temporary directory, named `satlab-<name>-XXXXXX`. */
export function scratchDir(name: string): string {
  return mkdtempSync(join(tmpdir(), `satlab-${name}-`));
}

let scratchFiles: string | undefined;
/** Writes a scratch file (in one temporary directory per test file) and returns its path. */
export function scratch(name: string, text: string): string {
  scratchFiles ??= scratchDir('cli');
  const p = join(scratchFiles, name);
  writeFileSync(p, text);
  return p;
}

/** Normalises the no-break spaces of French number formatting to plain spaces. */
export const plain = (s: string): string => s.replace(/[\u00a0\u202f]/g, ' ');

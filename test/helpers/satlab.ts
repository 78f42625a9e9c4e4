import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
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

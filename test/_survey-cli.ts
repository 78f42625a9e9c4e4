// Shared by the survey CLI end-to-end tests (cli-ipa, cli-nps, cli-attrition, cli-roi).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));
const main = 'packages/cli/dist/main.js';

export function satlab(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [main, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, LANG: 'C', LC_ALL: '', LC_MESSAGES: '' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function requireBuild(command: string): void {
  if (!existsSync(join(root, main)) || !existsSync(join(root, `packages/cli/dist/commands/${command}.js`))) {
    throw new Error('build the CLI first: pnpm exec tsc -b packages/cli');
  }
}

const dir = mkdtempSync(join(tmpdir(), 'satlab-survey-cli-'));
/** Writes a scratch file and returns its path. */
export function scratch(name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

/** Normalises the no-break spaces of French number formatting to plain spaces. */
export const plain = (s: string): string => s.replace(/[\u00a0\u202f]/g, ' ');

/** Runs the real `shenbao` command, as a user would, and captures what it prints. */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const BIN = fileURLToPath(new URL('../../bin/shenbao.js', import.meta.url));
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

if (!existsSync(new URL('../../dist/cli/main.js', import.meta.url))) {
  throw new Error('dist/ is missing: run `npm run build` (npm test does it) before the end-to-end tests');
}

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export function shenbao(args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? ROOT,
    env: { ...process.env, NO_COLOR: '1', SHENBAO_DEBUG: '', ...opts.env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

export function json<T = any>(r: Run): T {
  return JSON.parse(r.stdout) as T;
}

/**
 * Running the `shenbao` command as a user would. `run` calls the CLI's own entry point in
 * this process (the same argument parsing, pipelines, printing and exit codes, without
 * starting Node again for every command); `shenbao` spawns the real binary, for what only a
 * process shows (the entry script, a closed pipe).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main.js';

export const BIN = fileURLToPath(new URL('../../bin/shenbao.js', import.meta.url));
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** The real binary in a new process; needs dist/ (npm test builds it). */
export function shenbao(args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}): Run {
  if (!existsSync(new URL('../../dist/cli/main.js', import.meta.url))) {
    throw new Error('dist/ is missing: run `npm run build` (npm test does it) before the end-to-end tests');
  }
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? ROOT,
    env: { ...process.env, NO_COLOR: '1', SHENBAO_DEBUG: '', ...opts.env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** The CLI's entry point in this process, with its own current folder, environment and captured output. */
export async function run(args: string[], opts: { cwd?: string; env?: Record<string, string>; tty?: boolean } = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    env: { ...process.env, NO_COLOR: '1', SHENBAO_DEBUG: '', SHENBAO_TIMINGS: '', ...opts.env },
    cwd: opts.cwd ?? ROOT,
    out: { write: (s) => void (stdout += s), color: false },
    err: { write: (s) => void (stderr += s), color: false, ...(opts.tty && { tty: true }) },
    columns: 100,
  });
  return { code, stdout, stderr };
}

export function json<T = any>(r: Run): T {
  return JSON.parse(r.stdout) as T;
}

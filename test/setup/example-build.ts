/**
 * Builds the bundled example once for the whole run, with the real `shenbao build` as a
 * user runs it, and hands its output folder to every test file that reads a build (the
 * documents, the print set, the disc) — instead of each file building it again.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The example's build: <out>/<name>, and the whole run's stdout. */
    exampleBuild: { dir: string; out: string; stdout: string; stderr: string; code: number };
  }
}

export const EPOCH = '1760000000';

export default function setup(project: TestProject): () => void {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const out = mkdtempSync(path.join(tmpdir(), 'shenbao-example-'));
  const r = spawnSync(process.execPath, [path.join(root, 'bin/shenbao.js'), 'build', path.join(root, 'data/example'), '--out', out], {
    cwd: root,
    env: { ...process.env, NO_COLOR: '1', SOURCE_DATE_EPOCH: EPOCH, SHENBAO_DEBUG: '' },
    encoding: 'utf8',
  });
  const name = readdirSync(out).find((n) => !n.startsWith('.')) ?? '';
  project.provide('exampleBuild', { dir: path.join(out, name), out, stdout: r.stdout, stderr: r.stderr, code: r.status ?? -1 });
  return () => rmSync(out, { recursive: true, force: true });
}

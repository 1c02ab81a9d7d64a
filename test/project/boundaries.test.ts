/**
 * The folder boundaries hold on the real source, and the check really fails when one is
 * crossed: an import from cli/, a cycle between two folders, the disk touched in the core.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';
import { cleanup, tempDir } from '../helpers/fixture.js';

afterAll(cleanup);

const check = (dir: string) => spawnSync(process.execPath, [path.join(ROOT, 'scripts/boundaries.mjs'), dir], { cwd: ROOT, encoding: 'utf8' });

/** A tiny source tree with the given files (relative imports only). */
function tree(files: Record<string, string>): string {
  const dir = tempDir('bounds-');
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

describe('the boundary check', () => {
  it('passes on the source as it is', () => {
    const r = check(ROOT);
    expect(r.stdout).toMatch(/boundaries hold: \d+ modules/);
    expect(r.status).toBe(0);
  });

  it('fails on an import from cli/', () => {
    const r = check(tree({ 'src/core/a.ts': "import { b } from '../cli/b.js';\nexport const a = b;\n", 'src/cli/b.ts': 'export const b = 1;\n' }));
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('no-import-into-cli: src/core/a.ts → src/cli/b.ts');
  });

  it('fails on a cycle between folders, even one that no single file closes', () => {
    const r = check(
      tree({
        'src/check/x.ts': "import { y } from '../forms/y.js';\nexport const x = y;\n",
        'src/forms/y.ts': "export const y = 1;\nexport { z } from './z.js';\n",
        'src/forms/z.ts': "import type { W } from '../check/w.js';\nexport const z: W = 1;\n",
        'src/check/w.ts': 'export type W = number;\n',
      }),
    );
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('no-folder-cycles');
  });

  it('fails when the core touches the disk', () => {
    const r = check(tree({ 'src/check/x.ts': "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n" }));
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('disk-only-at-the-edges');
  });
});

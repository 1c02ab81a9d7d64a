/**
 * The bundled scheme's compiled copy (dist/schemes/, written by `npm run build`): what a run
 * loads instead of parsing the YAML. A user would notice a stale copy as forms that ignore an
 * edited template, or as a check that differs from the one the sources define.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseScheme, TEMPLATES_DIR } from '../../src/scheme/load.js';
import type { World } from '../../src/world/world.js';
import { WORLD } from '../helpers/fixture.js';

const compiled = fileURLToPath(new URL('../../dist/scheme/compiled.js', import.meta.url));
const dir = path.join(TEMPLATES_DIR, 'xam-2023');

describe.skipIf(!existsSync(compiled))('the compiled bundled scheme', async () => {
  const { compiledScheme } = (await import(compiled)) as typeof import('../../src/scheme/compiled.js');

  it('is what parsing and validating the templates gives now', async () => {
    const copy = await compiledScheme(WORLD, dir);
    expect(copy, 'no dist/schemes/xam-2023.json: run npm run build').toBeDefined();
    const fresh = await parseScheme(WORLD, dir);
    expect(fresh.diagnostics).toEqual([]);
    expect(copy).toStrictEqual(fresh.scheme);
  });

  const changed = (read: (p: string, real: World['read']) => Promise<Uint8Array> | undefined, list?: (p: string, real: World['list']) => Promise<string[]> | undefined): World => ({
    ...WORLD,
    read: (p) => read(p, WORLD.read.bind(WORLD)) ?? WORLD.read(p),
    list: (p) => list?.(p, WORLD.list.bind(WORLD)) ?? WORLD.list(p),
  });

  it('is not used once a template has changed: the folder is parsed again', async () => {
    const edited = changed((p, real) => (p.endsWith(`${path.sep}forms${path.sep}brief.yaml`) ? real(p).then((b) => Buffer.concat([b, Buffer.from('\n# edited\n')])) : undefined));
    expect(await compiledScheme(edited, dir)).toBeUndefined();
  });

  it('is not used when a disc template was added', async () => {
    const added = changed(() => undefined, (p, real) => (p.endsWith(`${path.sep}disc`) ? real(p).then((names) => [...names, 'extra.hbs']) : undefined));
    expect(await compiledScheme(added, dir)).toBeUndefined();
  });

  it('is not used for a scheme folder outside the bundled templates', async () => {
    expect(await compiledScheme(WORLD, path.join(path.dirname(TEMPLATES_DIR), 'elsewhere', 'xam-2023'))).toBeUndefined();
  });
});

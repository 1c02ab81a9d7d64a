/**
 * A World over a package reads a range of a file inside it as the file on disk would give it
 * (the check sniffs each large scan's first kilobyte this way), without reading more of it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { IoError } from '../../src/core/io.js';
import { BagWorld } from '../../src/package/bag-world.js';
import { openBag, type BagSource } from '../../src/package/sources.js';
import { EXAMPLE_DIR } from '../helpers/example.js';
import { WORLD } from '../helpers/fixture.js';

const pkg = inject('exampleBuild').dir;
const SCAN = '材料/09-成果证明/02-职业技能培训合格证书.jpg';
const sources: BagSource[] = [];
afterAll(async () => {
  for (const s of sources) await s.close();
});

describe('a range of a file inside a package', () => {
  let worlds: [string, BagWorld][];
  beforeAll(async () => {
    worlds = [];
    for (const part of [`${path.basename(pkg)}.zip`, `${path.basename(pkg)}.iso`, 'disc']) {
      const src = await openBag(WORLD, path.join(pkg, part));
      sources.push(src);
      worlds.push([part, new BagWorld(src, '/包', WORLD)]);
    }
  });

  it('is the file’s bytes there, fewer at its end, and a missing file is an IoError', async () => {
    const file = readFileSync(path.join(EXAMPLE_DIR, SCAN));
    for (const [part, w] of worlds) {
      const at = `/包/data/申报数据/${SCAN}`;
      expect(Buffer.from(await w.readRange(at, 0, 1024)).equals(file.subarray(0, 1024)), part).toBe(true);
      expect(Buffer.from(await w.readRange(at, 70_000, 3_000_000)).equals(file.subarray(70_000)), part).toBe(true);
      expect((await w.readRange(at, file.length + 10, 10)).length, part).toBe(0);
      await expect(w.readRange('/包/data/申报数据/没有.jpg', 0, 10), part).rejects.toBeInstanceOf(IoError);
    }
  });
});

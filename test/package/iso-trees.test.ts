/**
 * `verify` of an ISO image reads both of its trees — the ISO 9660 (primary) tree and the
 * Joliet tree — and their path tables, and checks that they agree: a reader without Joliet
 * sees the primary tree, so a corruption there must not pass.
 */
import { createWriteStream, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeBag, payloadDigests } from '../../src/package/bag.js';
import { planIso, SECTOR, writeIso } from '../../src/package/iso.js';
import { openBag } from '../../src/package/sources.js';
import { verifyBag } from '../../src/package/verify.js';
import { cleanup, tempDir, WORLD } from '../helpers/fixture.js';

afterAll(cleanup);

let image: Buffer;
beforeAll(async () => {
  const payload = new Map<string, Uint8Array>([
    ['data/表格/01-申请表.pdf', Buffer.alloc(5000, 1)],
    ['data/表格/02-推荐表.pdf', Buffer.alloc(3000, 2)],
    ['data/申报数据/submission.yaml', Buffer.from('kind: application\n')],
  ]);
  const bag = await makeBag(payload, await payloadDigests(payload), new Map([['说明.txt', Buffer.from('说明')]]), [['Bagging-Date', '2026-10-12']]);
  const files = [...bag.tree].map(([p, c]) => ({ path: p, size: (c as Uint8Array).byteLength, content: c as Uint8Array }));
  const file = path.join(tempDir('isot-'), 'x.iso');
  const out = createWriteStream(file);
  await writeIso(planIso(files, { volumeId: 'T', jolietVolumeId: 'T', date: new Date('2026-10-12T00:00:00Z') }), out);
  out.end();
  await finished(out);
  image = readFileSync(file);
});

const verify = async (bytes: Buffer) => {
  const file = path.join(tempDir('isot-'), 'y.iso');
  writeFileSync(file, bytes);
  const src = await openBag(WORLD, file);
  try {
    return (await verifyBag(src)).diagnostics.map((d) => d.code);
  } finally {
    await src.close();
  }
};

/** The primary volume descriptor's root, the path table locations, and the root's records. */
function primary(img: Buffer) {
  const pvd = 16 * SECTOR;
  const rootExtent = img.readUInt32LE(pvd + 156 + 2);
  const records: { at: number; name: string; dir: boolean }[] = [];
  for (let o = rootExtent * SECTOR; img[o]! > 0; o += img[o]!) {
    const idLen = img[o + 32]!;
    records.push({ at: o, name: img.toString('latin1', o + 33, o + 33 + idLen), dir: (img[o + 25]! & 2) !== 0 });
  }
  return { pvd, rootExtent, records, lTable: img.readUInt32LE(pvd + 140) * SECTOR, mTable: img.readUInt32BE(pvd + 148) * SECTOR };
}

describe('verify of an ISO image', () => {
  it('passes an intact image', async () => {
    expect(await verify(image)).toEqual([]);
  });

  it('finds a file record of the primary tree whose size was changed (both copies)', async () => {
    const b = Buffer.from(image);
    const f = primary(b).records.find((r) => !r.dir && r.name.endsWith('.TXT;1'))!;
    const size = b.readUInt32LE(f.at + 10);
    b.writeUInt32LE(size + 1, f.at + 10);
    b.writeUInt32BE(size + 1, f.at + 14);
    expect(await verify(b)).toContain('verify.isoTreesDiffer');
  });

  it('finds a primary record whose little- and big-endian extents disagree', async () => {
    const b = Buffer.from(image);
    const f = primary(b).records.find((r) => !r.dir && r.name.endsWith('.TXT;1'))!;
    b[f.at + 2] = b[f.at + 2]! ^ 0x01;
    expect(await verify(b)).toContain('verify.isoRecord');
  });

  it('finds a damaged path table, of either tree and either byte order', async () => {
    const p = primary(image);
    for (const at of [p.lTable, p.mTable]) {
      const b = Buffer.from(image);
      // The second record (the first subdirectory): its extent.
      const second = at + 8 + 1 + 1; // root record: 8 + id 1 + pad 1
      b[second + 2] = b[second + 2]! ^ 0x04;
      expect(await verify(b), String(at)).toContain('verify.isoPathTable');
    }
    const b = Buffer.from(image);
    const jvd = 17 * SECTOR;
    const jl = b.readUInt32LE(jvd + 140) * SECTOR;
    b[jl + 10 + 2] = b[jl + 10 + 2]! ^ 0x04;
    expect(await verify(b)).toContain('verify.isoPathTable');
  });

  it('finds a primary directory that points elsewhere than the Joliet one', async () => {
    const b = Buffer.from(image);
    const d = primary(b).records.find((r) => r.dir && r.name !== '\u0000' && r.name !== '\u0001')!;
    // Point the directory "data" at the root: the trees no longer hold the same files.
    const root = primary(b).rootExtent;
    b.writeUInt32LE(root, d.at + 2);
    b.writeUInt32BE(root, d.at + 6);
    const codes = await verify(b);
    expect(codes.some((c: string) => c === 'verify.isoTreesDiffer' || c === 'verify.isoTreeBroken'), codes.join()).toBe(true);
  });
});

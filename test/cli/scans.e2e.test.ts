/**
 * A build with more scans than are held in memory (files.ts KEEP_BYTES): the later scans stay
 * in their files, the print copies are written on demand. What the clerk gets must not show
 * it: the package verifies, the scans are in the volumes and on the disc byte for byte, and
 * the zip lays them out as it lays out files held in memory (CRC-32 ahead of the data).
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { unzipSync } from 'fflate';
import { PDFDocument, PDFName, PDFRawStream } from '#pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KEEP_BYTES } from '../../src/submission/files.js';
import { json, run } from '../helpers/cli.js';
import { runJob, type Built } from '../../src/pipeline/jobs.js';
import { EXAMPLE_DIR } from '../helpers/example.js';
import { cleanup, tempDir, WORLD } from '../helpers/fixture.js';

afterAll(cleanup);

const NAME = '科尔沁右翼前旗天骄职业技能培训学校-中式烹调师';
const SCANS = '材料/09-成果证明';
let dir: string;
let pkg: string;
let scans: Buffer[];

beforeAll(async () => {
  dir = path.join(tempDir('scans-'), 'example');
  cpSync(EXAMPLE_DIR, dir, { recursive: true });
  // The certificate scan padded after its end-of-image marker to a 300 dpi scan's size (as the bench does).
  const scan = readFileSync(path.join(EXAMPLE_DIR, SCANS, '02-职业技能培训合格证书.jpg'));
  const each = 2.5 * 1024 * 1024;
  scans = Array.from({ length: Math.ceil(KEEP_BYTES / each) + 1 }, (_, i) => Buffer.concat([scan, Buffer.alloc(each - scan.length, i + 1)]));
  scans.forEach((b, i) => writeFileSync(path.join(dir, SCANS, `扫描-${i + 1}.jpg`), b));
  const out = tempDir('scans-out-');
  const r = await run(['build', dir, '--out', out, '-q', '--force'], { env: { SOURCE_DATE_EPOCH: '1760000000' } });
  expect(r.code, r.stdout + r.stderr).toBe(0);
  pkg = path.join(out, NAME);
}, 120_000);

describe('a build with more scans than are held in memory', () => {
  it('verifies: the disc tree, the zip and the image', async () => {
    for (const part of ['disc', `${NAME}.zip`, `${NAME}.iso`]) {
      const r = await run(['verify', path.join(pkg, part), '--json']);
      expect(r.code, part).toBe(0);
      expect(json(r).ok, part).toBe(true);
    }
  });

  it('prints every scan, its bytes in each copy as in its file', async () => {
    for (const k of [1, 3]) {
      const doc = await PDFDocument.load(readFileSync(path.join(pkg, 'print', `第${k}份.pdf`)), { updateMetadata: false });
      const jpegs = doc.context
        .enumerateIndirectObjects()
        .map(([, o]) => o)
        .filter((o): o is PDFRawStream => o instanceof PDFRawStream && o.dict.get(PDFName.of('Filter')) === PDFName.of('DCTDecode'));
      for (const [i, s] of scans.entries()) expect(jpegs.some((j) => Buffer.compare(j.contents, s) === 0), `copy ${k}, scan ${i + 1}`).toBe(true);
    }
  });

  it('puts the scans on the disc and in the zip byte for byte, each zip entry sized in its header', async () => {
    for (const [i, s] of scans.entries()) expect(readFileSync(path.join(pkg, 'disc/data/申报数据', SCANS, `扫描-${i + 1}.jpg`)).equals(s)).toBe(true);
    const zip = readFileSync(path.join(pkg, `${NAME}.zip`));
    for (const [i, s] of scans.entries()) {
      // The local header (the first place its name appears) holds the CRC-32 and size, no data descriptor follows.
      const at = zip.indexOf(Buffer.from(`${NAME}/data/申报数据/${SCANS}/扫描-${i + 1}.jpg`)) - 30;
      expect(zip.readUInt32LE(at)).toBe(0x04034b50);
      expect(zip.readUInt16LE(at + 6) & 0x8).toBe(0);
      expect(zip.readUInt32LE(at + 14)).toBe(crc32(s) >>> 0);
      expect(zip.readUInt32LE(at + 18)).toBe(s.length);
    }
    const files = unzipSync(zip);
    for (const [i, s] of scans.entries()) expect(Buffer.from(files[`${NAME}/data/申报数据/${SCANS}/扫描-${i + 1}.jpg`]!).equals(s)).toBe(true);
    expect(Buffer.from(files[`${NAME}/data/打印册/第2份.pdf`]!).equals(readFileSync(path.join(pkg, 'print/第2份.pdf')))).toBe(true);
  });

  it('goes to a county as bytes: a plain folder built on a worker hands on every file of its disc tree, each as its digest says', async () => {
    const built = (await runJob(WORLD, { type: 'build', task: { index: 0, dir, cwd: dir } })) as Built;
    expect(built.problems).toEqual([]);
    const tree = new Map(built.tree!.map(([p, b, d]) => [p, { b, d }]));
    for (const [i, s] of scans.entries()) expect(Buffer.from(tree.get(`data/申报数据/${SCANS}/扫描-${i + 1}.jpg`)!.b).equals(s)).toBe(true);
    expect(built.volumes).toEqual(['data/打印册/书脊.pdf', 'data/打印册/第1份.pdf', 'data/打印册/第2份.pdf', 'data/打印册/第3份.pdf']);
    for (const [p, { b, d }] of tree) expect(createHash('sha256').update(b).digest('hex'), p).toBe(d.sha256);
    // The copies whole, each a PDF that opens with every page.
    const copy = await PDFDocument.load(tree.get('data/打印册/第3份.pdf')!.b, { updateMetadata: false });
    expect(copy.getPageCount()).toBe((await PDFDocument.load(readFileSync(path.join(pkg, 'print/第3份.pdf')), { updateMetadata: false })).getPageCount());
  }, 60_000);
});

/**
 * Writing a package: the writer checks the complete temporary folder before it takes the
 * output's place (build verifies the disc tree, the zip and the ISO it wrote), and cleans up
 * what an earlier, killed run left beside the output.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packTree } from '../../src/build/archive.js';
import type { Bundle, FileEntry } from '../../src/core/bundle.js';
import { Failure } from '../../src/core/failure.js';
import { makeBag, payloadDigests } from '../../src/package/bag.js';
import type { Digest } from '../../src/package/digest.js';
import { verifyOutput, verifiedWrite } from '../../src/pipeline/verify.js';
import { writeBundle } from '../../src/world/node-write.js';
import { cleanup, tempDir, WORLD } from '../helpers/fixture.js';

afterAll(cleanup);

const NAME = '测试机构-中式烹调师';
/** A pid no process has (Linux pids stop at 4,194,304). */
const DEAD = 999_999_999;

let pkg: Bundle;
let digests: Map<string, Digest>;
beforeAll(async () => {
  const payload = new Map<string, Uint8Array>([
    ['data/表格/01-申请表.pdf', Buffer.alloc(5000, 1)],
    ['data/申报数据/submission.yaml', Buffer.from('kind: application\n')],
  ]);
  const bag = await makeBag(payload, await payloadDigests(payload), new Map([['说明.txt', Buffer.from('说明')]]), [['Bagging-Date', '2026-10-12']]);
  digests = bag.all;
  pkg = packTree(bag.tree, NAME, new Date('2026-10-12T00:00:00Z'), { volumeId: 'T', jolietVolumeId: 'T', publisher: 'T' }).bundle;
  // As in a build: the document and its copy on the disc are the same bytes.
  pkg.set('documents/01-申请表.pdf', payload.get('data/表格/01-申请表.pdf')!);
});

const hidden = (dir: string) => readdirSync(dir).filter((n) => n.startsWith('.'));

/**
 * The bundle with its archive `part` written as it should be, except one byte that turns out
 * different on disk: `skip` bytes into the first run of the byte `fill` (a payload file's).
 */
function withByteFlipped(bundle: Bundle, part: string, fill: number, skip: number): Bundle {
  const good = bundle.get(part) as { kind: 'stream'; write(out: NodeJS.WritableStream): Promise<void> };
  const bad: Bundle = new Map(bundle);
  bad.set(part, {
    kind: 'stream',
    write: async (s) => {
      const pt = new PassThrough();
      const chunks: Buffer[] = [];
      pt.on('data', (c: Buffer) => chunks.push(c));
      await good.write(pt);
      pt.end();
      const all = Buffer.concat(chunks);
      const at = all.indexOf(Buffer.alloc(64, fill)) + skip;
      all[at] = all[at]! ^ 0xff;
      s.write(all);
    },
  });
  return bad;
}

describe('build verifies what it wrote', () => {
  it('passes a package written whole, and writes it', async () => {
    const out = tempDir('w-');
    const target = await writeBundle(out, NAME, pkg, { check: verifiedWrite(WORLD, NAME, { bundle: pkg, digests }) });
    expect(await verifyOutput(WORLD, target, NAME)).toEqual([]);
    expect(readdirSync(out)).toEqual([NAME]);
  });

  // Given what the disc tree is meant to hold, the check compares each file with the bytes it
  // was written from instead of hashing it: it must find what the full verify finds.
  for (const [how, meant] of [
    ['hashing every file', () => undefined],
    ['comparing with the bytes meant', () => ({ bundle: pkg, digests })],
  ] as const) {
    it(`refuses a package whose disc folder came out wrong (${how})`, async () => {
      const out = tempDir('w-');
      const bad: Bundle = new Map(pkg);
      const changed = Buffer.from(pkg.get('disc/data/表格/01-申请表.pdf') as Uint8Array);
      changed[100] = changed[100]! ^ 0xff;
      bad.set('disc/data/表格/01-申请表.pdf', changed);
      const e = await writeBundle(out, NAME, bad, { check: verifiedWrite(WORLD, NAME, meant()) }).catch((x: unknown) => x);
      expect((e as Failure).diagnostics.map((d) => [d.code, d.location.file])).toEqual([
        ['build.notVerified', 'disc'],
        ['verify.mismatch', 'disc: data/表格/01-申请表.pdf'],
        ['verify.mismatch', 'disc: data/表格/01-申请表.pdf'],
      ]);
      expect(readdirSync(out)).toEqual([]);
    });

    it(`refuses a package whose zip or image came out wrong, and leaves the older output as it was (${how})`, async () => {
      for (const ext of ['zip', 'iso']) {
        const out = tempDir('w-');
        mkdirSync(path.join(out, NAME));
        writeFileSync(path.join(out, NAME, 'old.txt'), 'the older output');
        const bad = withByteFlipped(pkg, `${NAME}.${ext}`, 1, 10);
        const e = await writeBundle(out, NAME, bad, { check: verifiedWrite(WORLD, NAME, meant()) }).catch((x: unknown) => x);
        expect(e, ext).toBeInstanceOf(Failure);
        expect((e as Failure).diagnostics.map((d) => d.code), ext).toEqual(['build.notVerified', 'verify.mismatch', 'verify.mismatch']);
        expect(readdirSync(out), ext).toEqual([NAME]);
        expect(readFileSync(path.join(out, NAME, 'old.txt'), 'utf8')).toBe('the older output');
      }
    });
  }
});

describe('a file the build does not hold in memory (read in chunks, as a county forwards one)', () => {
  it('is hashed in the disc folder, and its copies in the zip and the image are compared with that one', async () => {
    const scan = Buffer.alloc(70_000, 3);
    const entry: FileEntry = { kind: 'file', path: '/in/扫描.jpg', size: scan.length, open: async function* () { yield scan.subarray(0, 30_000); yield scan.subarray(30_000); } };
    const payload = new Map<string, Uint8Array | FileEntry>([
      ['data/申报数据/材料/扫描.jpg', entry],
      ['data/申报数据/submission.yaml', Buffer.from('kind: application\n')],
    ]);
    const bag = await makeBag(payload, await payloadDigests(payload), new Map([['说明.txt', Buffer.from('说明')]]), [['Bagging-Date', '2026-10-12']]);
    const chunked = packTree(bag.tree, NAME, new Date('2026-10-12T00:00:00Z'), { volumeId: 'T', jolietVolumeId: 'T', publisher: 'T' }).bundle;
    // A forwarded file's digests come from verifying its bag: no CRC-32 among them.
    const meant = { bundle: chunked, digests: new Map([...bag.all].map(([p, d]) => [p, { size: d.size, sha256: d.sha256, sha512: d.sha512 }])) };
    expect(readdirSync(path.dirname(await writeBundle(tempDir('w-'), NAME, chunked, { check: verifiedWrite(WORLD, NAME, meant) })))).toEqual([NAME]);
    for (const ext of ['zip', 'iso']) {
      const bad = withByteFlipped(chunked, `${NAME}.${ext}`, 3, 50_000);
      const e = await writeBundle(tempDir('w-'), NAME, bad, { check: verifiedWrite(WORLD, NAME, meant) }).catch((x: unknown) => x);
      expect((e as Failure).diagnostics.map((d) => [d.code, d.location.file]), ext).toEqual([
        ['build.notVerified', `${NAME}.${ext}`],
        ['verify.mismatch', `${NAME}.${ext}: data/申报数据/材料/扫描.jpg`],
        ['verify.mismatch', `${NAME}.${ext}: data/申报数据/材料/扫描.jpg`],
      ]);
    }
  });
});

describe('a file the build does not hold in memory, hashed with its CRC-32 (a scan kept in its file, a print copy written on demand)', () => {
  const scan = Buffer.alloc(70_000, 3);
  const entry = (content: Buffer): FileEntry => ({
    kind: 'file',
    path: '/in/扫描.jpg',
    size: content.length,
    async *open() {
      yield content.subarray(0, 30_000);
      yield content.subarray(30_000);
    },
    // Read through one buffer, as a file of the World is.
    async *scan(into = new Uint8Array(25_000)) {
      for (let at = 0; at < content.length; at += into.length) {
        const n = Math.min(into.length, content.length - at);
        into.set(content.subarray(at, at + n));
        yield into.subarray(0, n);
      }
    },
  });

  async function packageOf(e: FileEntry) {
    const payload = new Map<string, Uint8Array | FileEntry>([
      ['data/申报数据/材料/扫描.jpg', e],
      ['data/申报数据/submission.yaml', Buffer.from('kind: application\n')],
    ]);
    const bag = await makeBag(payload, await payloadDigests(payload), new Map([['说明.txt', Buffer.from('说明')]]), [['Bagging-Date', '2026-10-12']]);
    expect(bag.all.get('data/申报数据/材料/扫描.jpg')!.crc32).toBeDefined();
    return { bag, bundle: packTree(bag.tree, NAME, new Date('2026-10-12T00:00:00Z'), { volumeId: 'T', jolietVolumeId: 'T', publisher: 'T' }, bag.all).bundle };
  }

  it('passes when the disc folder holds what it is read again as (compared, not hashed)', async () => {
    const { bag, bundle } = await packageOf(entry(scan));
    const target = await writeBundle(tempDir('w-'), NAME, bundle, { check: verifiedWrite(WORLD, NAME, { bundle, digests: bag.all }) });
    expect(await verifyOutput(WORLD, target, NAME)).toEqual([]);
  });

  it('refuses a disc copy that came out other than the file, as hashing it would', async () => {
    const { bag, bundle } = await packageOf(entry(scan));
    const changed = Buffer.from(scan);
    changed[40_000] = 9;
    // The disc folder's copy is written wrong (its first read, the writer's); reading the file
    // again still gives what was hashed.
    let reads = 0;
    const bad: Bundle = new Map(bundle);
    bad.set('disc/data/申报数据/材料/扫描.jpg', { ...entry(scan), scan: (into) => entry(reads++ === 0 ? changed : scan).scan!(into) });
    const e = await writeBundle(tempDir('w-'), NAME, bad, { check: verifiedWrite(WORLD, NAME, { bundle: bad, digests: bag.all }) }).catch((x: unknown) => x);
    expect((e as Failure).diagnostics.map((d) => [d.code, d.location.file])).toEqual([
      ['build.notVerified', 'disc'],
      ['verify.mismatch', 'disc: data/申报数据/材料/扫描.jpg'],
      ['verify.mismatch', 'disc: data/申报数据/材料/扫描.jpg'],
    ]);
  });

  it('stops writing the zip when the file changed since it was hashed', async () => {
    const { bag } = await packageOf(entry(scan));
    const changed = Buffer.from(scan);
    changed[40_000] = 9;
    // What the zip reads of it now is not what its local header, from the hashing, says.
    const tree = new Map(bag.tree);
    tree.set('data/申报数据/材料/扫描.jpg', entry(changed));
    const bundle = packTree(tree, NAME, new Date('2026-10-12T00:00:00Z'), { volumeId: 'T', jolietVolumeId: 'T', publisher: 'T' }, bag.all).bundle;
    const out = tempDir('w-');
    await expect(writeBundle(out, NAME, bundle)).rejects.toThrow(/changed while the zip was written/);
    expect(readdirSync(out)).toEqual([]);
  });
});

describe('the same content in two places', () => {
  it('is two files: a document edited in place leaves the disc copy as the manifest lists it', async () => {
    const out = tempDir('w-');
    const target = await writeBundle(out, NAME, pkg, { check: verifiedWrite(WORLD, NAME, { bundle: pkg, digests }) });
    const doc = path.join(target, 'documents/01-申请表.pdf');
    const onDisc = path.join(target, 'disc/data/表格/01-申请表.pdf');
    expect(statSync(doc).ino).not.toBe(statSync(onDisc).ino);
    const before = readFileSync(onDisc);
    writeFileSync(doc, 'edited by hand', { flag: 'r+' });
    expect(readFileSync(onDisc).equals(before)).toBe(true);
  });
});

describe('what a killed run left', () => {
  it('is removed by the next run: the temporary folder and the older output moved aside', async () => {
    const out = tempDir('w-');
    for (const n of [`.${NAME}.partial-${DEAD}-1`, `.${NAME}.old-${DEAD}-1`, NAME]) {
      mkdirSync(path.join(out, n));
      writeFileSync(path.join(out, n, 'x.txt'), n);
    }
    await writeBundle(out, NAME, new Map([['a.txt', Buffer.from('new')]]));
    expect(readdirSync(out)).toEqual([NAME]);
    expect(readdirSync(path.join(out, NAME))).toEqual(['a.txt']);
  });

  it('puts the older output back when a kill came between the two renames of the swap', async () => {
    const out = tempDir('w-');
    mkdirSync(path.join(out, `.${NAME}.old-${DEAD}-1`));
    writeFileSync(path.join(out, `.${NAME}.old-${DEAD}-1`, 'x.txt'), 'the older output');
    mkdirSync(path.join(out, `.${NAME}.partial-${DEAD}-1`));
    // This run fails before its swap: the older output must be where it belongs.
    await writeBundle(out, NAME, new Map([['a.txt', Buffer.from('new')]]), { check: async () => Promise.reject(new Failure('problems', [])) }).catch(() => undefined);
    expect(readdirSync(out)).toEqual([NAME]);
    expect(readFileSync(path.join(out, NAME, 'x.txt'), 'utf8')).toBe('the older output');
    expect(hidden(out)).toEqual([]);
  });

  it('leaves a folder of a run still going (another process), and other names alone', async () => {
    const out = tempDir('w-');
    const alive = `.${NAME}.partial-${process.ppid}-1`;
    for (const n of [alive, `.其他-工种.partial-${DEAD}-1`]) mkdirSync(path.join(out, n));
    await writeBundle(out, NAME, new Map([['a.txt', Buffer.from('new')]]));
    expect(existsSync(path.join(out, alive))).toBe(true);
    expect(existsSync(path.join(out, `.其他-工种.partial-${DEAD}-1`))).toBe(true);
  });
});

/**
 * Verifying a small bag written to a folder: each problem is reported against the file that
 * is wrong — a file changed, or a manifest that lies about an intact file.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeBag, payloadDigests } from '../../src/package/bag.js';
import { openBag } from '../../src/package/sources.js';
import { verifyBag } from '../../src/package/verify.js';
import { writeBundleTo } from '../../src/world/node-write.js';
import { validateBag } from '../helpers/bagit-rules.js';
import { cleanup, tempDir, WORLD } from '../helpers/fixture.js';

afterAll(cleanup);

let bag = '';
beforeAll(async () => {
  const payload = new Map<string, Uint8Array>([
    ['data/表格/01-申请表.pdf', Buffer.alloc(3000, 1)],
    ['data/申报数据/submission.yaml', Buffer.from('kind: application\n')],
  ]);
  const tags = new Map([['说明.txt', Buffer.from('说明')], ['index.html', Buffer.from('<p>index</p>')]]);
  const b = await makeBag(payload, await payloadDigests(payload), tags, [['Bagging-Date', '2026-10-12']]);
  bag = tempDir('bag-');
  await writeBundleTo(bag, b.tree);
});

const copy = () => {
  const c = path.join(tempDir('bag-c-'), 'disc');
  cpSync(bag, c, { recursive: true });
  return c;
};
const verify = async (dir: string) => {
  const src = await openBag(WORLD, dir);
  try {
    return (await verifyBag(src)).diagnostics.map((d) => ({ code: d.code, file: d.location.file }));
  } finally {
    await src.close();
  }
};
/** Changes the checksum on the line of `file` in `manifest` (one hex digit). */
const lie = (dir: string, manifest: string, file: string) => {
  const p = path.join(dir, manifest);
  const lines = readFileSync(p, 'utf8').split('\n');
  const i = lines.findIndex((l) => l.endsWith(`  ${file}`));
  lines[i] = (lines[i]![0] === '0' ? '1' : '0') + lines[i]!.slice(1);
  writeFileSync(p, lines.join('\n'));
};

describe('tag manifests', () => {
  it('are written for SHA-256 and SHA-512 (RFC 8493 §2.2.1), over the same files, and verify', async () => {
    const list = (m: string) => readFileSync(path.join(bag, m), 'utf8').split('\n').filter(Boolean).map((l) => l.split('  ')[1]).sort();
    expect(list('tagmanifest-sha512.txt')).toEqual(list('tagmanifest-sha256.txt'));
    expect(list('tagmanifest-sha512.txt')).toEqual(['bag-info.txt', 'bagit.txt', 'index.html', 'manifest-sha256.txt', 'manifest-sha512.txt', '说明.txt']);
    expect(validateBag(bag)).toEqual([]);
    expect(await verify(bag)).toEqual([]);
  });

  it('a corrupted tagmanifest-sha256.txt is reported against itself, not against the intact file it lists', async () => {
    const c = copy();
    lie(c, 'tagmanifest-sha256.txt', 'index.html');
    expect(await verify(c)).toEqual([{ code: 'verify.manifestWrong', file: 'tagmanifest-sha256.txt' }]);
  });

  it('so is a corrupted tagmanifest-sha512.txt (it is read too)', async () => {
    const c = copy();
    lie(c, 'tagmanifest-sha512.txt', 'bag-info.txt');
    expect(await verify(c)).toEqual([{ code: 'verify.manifestWrong', file: 'tagmanifest-sha512.txt' }]);
  });

  it('a changed tag file is reported against that file', async () => {
    const c = copy();
    writeFileSync(path.join(c, 'index.html'), 'changed');
    expect(await verify(c)).toEqual([
      { code: 'verify.mismatch', file: 'index.html' },
      { code: 'verify.mismatch', file: 'index.html' },
    ]);
  });

  it('a payload manifest that lies about an intact file is the file reported', async () => {
    const c = copy();
    lie(c, 'manifest-sha256.txt', 'data/表格/01-申请表.pdf');
    const ds = await verify(c);
    expect(ds.filter((d) => d.file !== 'manifest-sha256.txt')).toEqual([]);
    expect(ds.map((d) => d.code)).toContain('verify.manifestWrong');
  });
});

describe('a payload file larger than the bag declares', () => {
  it('is reported from its size alone (a bomb put in its place is never hashed)', async () => {
    const c = copy();
    // 20 MB where the bag declares 3,018 bytes of payload in all.
    writeFileSync(path.join(c, 'data/表格/01-申请表.pdf'), Buffer.alloc(20 * 1024 * 1024, 0));
    const src = await openBag(WORLD, c);
    const read = src.read.bind(src);
    const scan = src.scan.bind(src);
    const opened: string[] = [];
    src.read = (p: string) => (opened.push(p), read(p));
    src.scan = (p, into) => (opened.push(p), scan(p, into));
    const found = (await verifyBag(src)).diagnostics.map((d) => ({ code: d.code, file: d.location.file }));
    await src.close();
    expect(opened).toContain('bagit.txt');
    expect(found).toContainEqual({ code: 'verify.oversized', file: 'data/表格/01-申请表.pdf' });
    expect(opened).not.toContain('data/表格/01-申请表.pdf');
  });
});

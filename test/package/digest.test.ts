/**
 * Digests of many files, shared between two threads when there are many bytes: each must be
 * the digest of its own file, whichever thread summed which half of it.
 */
import { createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { FileEntry } from '../../src/core/bundle.js';
import { digestAll, SHARED_MIN_BYTES } from '../../src/package/digest-shared.js';

const sums = (b: Uint8Array) => ({ size: b.byteLength, sha256: createHash('sha256').update(b).digest('hex'), sha512: createHash('sha512').update(b).digest('hex') });

describe('digests of many files', () => {
  it('are each file’s own, shared between threads: large and small, views into larger buffers, empty, read in chunks', async () => {
    const big = Buffer.alloc(SHARED_MIN_BYTES / 2 + 12_345);
    for (let i = 0; i < big.length; i += 4096) big[i] = (i / 4096) & 0xff;
    const other = Buffer.from(big);
    other[other.length - 1] = 7;
    const backing = Buffer.alloc(9 * 1024 * 1024 + 3, 5);
    const file: FileEntry = { kind: 'file', path: '/in/x', size: 6, open: async function* () { yield Buffer.from('abc'); yield Buffer.from('def'); } };
    const contents = [big, new Uint8Array(0), other, backing.subarray(1, -1), file, Buffer.from('说明')];
    const got = await digestAll(contents);
    expect(got).toEqual([sums(big), sums(new Uint8Array(0)), sums(other), sums(backing.subarray(1, -1)), { ...sums(Buffer.from('abcdef')), crc32: crc32('abcdef') }, sums(Buffer.from('说明'))]);
    // A file read in chunks has its CRC-32 from the same read (the zip's header needs it).
    expect(got[4]!.crc32).toBe(crc32(Buffer.from('abcdef')) >>> 0);
  });

  it('shares files read in chunks too (each read once per sum), and refuses one that changed between its reads', async () => {
    const bytesOf = (n: number, seed: number) => {
      const b = Buffer.alloc(n);
      for (let i = 0; i < n; i += 997) b[i] = (i * seed) & 0xff;
      return b;
    };
    const through = (path: string, b: Buffer): FileEntry => ({
      kind: 'file',
      path,
      size: b.length,
      async *open() {
        for (let i = 0; i < b.length; i += 1 << 20) yield b.subarray(i, i + (1 << 20));
      },
      async *scan(into = new Uint8Array(1 << 20)) {
        for (let i = 0; i < b.length; i += into.length) {
          const n = Math.min(into.length, b.length - i);
          into.set(b.subarray(i, i + n));
          yield into.subarray(0, n);
        }
      },
    });
    const a = bytesOf(SHARED_MIN_BYTES / 2, 3);
    const b = bytesOf(SHARED_MIN_BYTES / 3 + 5, 7);
    const held = bytesOf(SHARED_MIN_BYTES / 4, 11);
    const got = await digestAll([through('/in/a', a), held, through('/in/b', b)]);
    expect(got).toEqual([{ ...sums(a), crc32: crc32(a) >>> 0 }, sums(held), { ...sums(b), crc32: crc32(b) >>> 0 }]);

    let reads = 0;
    const changing: FileEntry = { ...through('/in/扫描.jpg', a), scan: () => through('', reads++ === 0 ? a : a.subarray(1)).scan!() };
    await expect(digestAll([changing, held, bytesOf(SHARED_MIN_BYTES / 2, 5)])).rejects.toThrow(/扫描\.jpg changed while it was hashed/);
  });
});

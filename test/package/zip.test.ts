/**
 * The disc zip is written by our own few headers (package/zip.ts) where archiver wrote it
 * before: the bytes must be archiver's, byte for byte, for bytes in memory and for files read
 * in chunks alike, so a package built before and after the change has the same checksums.
 */
import { once } from 'node:events';
import { PassThrough, Readable, type Writable } from 'node:stream';
import { ZipArchive } from 'archiver';
import { describe, expect, it } from 'vitest';
import type { FileEntry } from '../../src/core/bundle.js';
import { zipTime } from '../../src/render/zip.js';
import { writeZip, type ZipSource } from '../../src/package/zip.js';

async function collect(write: (out: Writable) => Promise<void>): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  await write(out);
  out.end();
  return Buffer.concat(chunks);
}

/** How the disc zip was written until now: archiver, stored, UTF-8 names, mode 0644, one date. */
async function byArchiver(files: readonly ZipSource[], top: string, date: Date, out: Writable): Promise<void> {
  const archive = new ZipArchive({ store: true, forceLocalTime: false, zlib: { level: 0 } });
  archive.pipe(out, { end: false });
  for (const f of [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    const c = f.content;
    archive.append(c instanceof Uint8Array ? Buffer.from(c.buffer, c.byteOffset, c.byteLength) : Readable.from(c.open()), { name: `${top}/${f.path}`, date: zipTime(date), mode: 0o644 });
  }
  const ended = once(archive, 'end');
  await archive.finalize();
  await ended;
}

/** A file read in chunks, as a county forwards an applicant's file from the bag it came in. */
const chunked = (path: string, parts: Uint8Array[]): FileEntry => ({
  kind: 'file',
  path,
  size: parts.reduce((n, p) => n + p.byteLength, 0),
  open: async function* () {
    yield* parts;
  },
});

const FILES: ZipSource[] = [
  { path: 'bagit.txt', content: Buffer.from('BagIt-Version: 1.0\n') },
  { path: 'data/表格/01-申请表.pdf', content: Buffer.alloc(70_000, 7) },
  { path: 'data/empty.txt', content: new Uint8Array(0) },
  { path: 'data/申报数据/材料/扫描-001.jpg', content: chunked('/in/扫描-001.jpg', [Buffer.alloc(65_536, 1), Buffer.alloc(10, 2), Buffer.from('end')]) },
  { path: 'data/ascii/readme.txt', content: chunked('/in/readme.txt', []) },
  { path: '说明.txt', content: new Uint8Array(Buffer.from('\ufeff说明\r\n')) },
  { path: 'a.bin', content: Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 31) & 0xff)).subarray(17, 2900) },
];

describe('the disc zip', () => {
  for (const [what, date] of [
    ['a date of 2025, odd seconds', new Date('2025-10-09T19:33:21Z')],
    ['a date before 1980', new Date('1970-01-01T00:00:00Z')],
    ['a date after 2043', new Date('2050-06-01T12:00:00Z')],
  ] as const) {
    it(`is archiver's bytes: in memory and read in chunks, ASCII and Chinese names, empty files (${what})`, async () => {
      const ours = await collect((out) => writeZip(FILES, '科尔沁右翼前旗天骄职业技能培训学校-中式烹调师', date, out));
      const theirs = await collect((out) => byArchiver(FILES, '科尔沁右翼前旗天骄职业技能培训学校-中式烹调师', date, out));
      expect(ours.length).toBe(theirs.length);
      expect(ours.equals(theirs)).toBe(true);
    });
  }

  it("is archiver's bytes under an ASCII top folder, and with no files at all", async () => {
    const date = new Date('2026-10-12T00:00:00Z');
    for (const files of [FILES, []]) {
      const ours = await collect((out) => writeZip(files, 'package', date, out));
      expect(ours.equals(await collect((out) => byArchiver(files, 'package', date, out)))).toBe(true);
    }
  });
});

/**
 * The disc tree as one zip (archiver), for sending by network or USB stick: every file under
 * one top folder, UTF-8 names, stored without compression (the scans and Office files are
 * compressed already, and storing keeps packaging at disk speed), one fixed date, in
 * code-point order — the same bytes for the same input and date.
 */
import { once } from 'node:events';
import { Readable, type Writable } from 'node:stream';
import { ZipArchive } from 'archiver';
import { byCodePoint, isBytes, type FileEntry } from '../core/bundle.js';
import { zipTime } from '../render/zip.js';

export interface ZipSource {
  path: string;
  content: Uint8Array | FileEntry;
}

export async function writeZip(files: readonly ZipSource[], top: string, date: Date, out: Writable): Promise<void> {
  const archive = new ZipArchive({ store: true, forceLocalTime: false, zlib: { level: 0 } });
  const failed = once(archive, 'error').then(([e]) => Promise.reject(e as Error));
  archive.pipe(out, { end: false });
  const time = zipTime(date);
  for (const f of [...files].sort((a, b) => byCodePoint(a.path, b.path))) {
    const c = f.content;
    archive.append(isBytes(c) ? Buffer.from(c.buffer, c.byteOffset, c.byteLength) : Readable.from(c.open()), {
      name: `${top}/${f.path}`,
      date: time,
      mode: 0o644,
    });
  }
  const ended = once(archive, 'end');
  await archive.finalize();
  await Promise.race([ended, failed]);
}

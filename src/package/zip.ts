/**
 * The disc tree as one zip, for sending by network or USB stick: every file under one top
 * folder, UTF-8 names, stored without compression (the scans and Office files are compressed
 * already, and storing keeps packaging at disk speed), one fixed date, in code-point order —
 * the same bytes for the same input and date.
 *
 * Written here, not by archiver (which wrote it before, and whose bytes these are, header for
 * header — the tests compare the two): archiver sums each entry's CRC-32 in JavaScript, 2.2 s
 * of an 800 MB package, where Node's zlib.crc32 is native and ten times faster, and a stored
 * zip is a few headers around the files' bytes, which are written as they are, never copied.
 *
 * archiver's layout: bytes in memory get their CRC-32 and sizes in the local header (version
 * 10); a file read in chunks gets them in a data descriptor after its bytes (version 20,
 * flag 3). The UTF-8 flag (11) is set for a name that is not ASCII; every entry is a Unix
 * file of mode 0644 (version made by 3.45); DOS times are UTC. ZIP64 records appear only
 * where they must: an entry starting past 4 GiB, or a central directory past it.
 */
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { crc32 } from 'node:zlib';
import { byCodePoint, isBytes, writeThrough, type FileEntry } from '../core/bundle.js';
import { zipTime } from '../render/zip.js';

export interface ZipSource {
  path: string;
  content: Uint8Array | FileEntry;
  /**
   * A file's CRC-32 known from hashing it (an attachment, a print volume written on demand):
   * it is laid out as bytes in memory are, as it was when those were held whole, and checked
   * against what is read.
   */
  crc?: number;
  /** The size it was hashed at, with `crc`. */
  size?: number;
}

const MAX32 = 0xffffffff;
const MODE = 0o100644; // a regular file, rw-r--r--
const DOS_ARCHIVE = 0x20;

/** archiver's name cleaning (normalize-path, then no drive letter or leading ../ or /), applied as often as it applied it. */
function sanitize(name: string): string {
  let n = name;
  for (let i = 0; i < 3; i++) {
    if (n === '\\' || n === '/') n = '/';
    else if (n.length > 1) {
      let prefix = '';
      if (n.length > 4 && n[3] === '\\' && (n[2] === '?' || n[2] === '.') && n.startsWith('\\\\')) {
        n = n.slice(2);
        prefix = '//';
      }
      n = prefix + n.split(/[/\\]+/).join('/');
    }
    n = n.replace(/^\w+:/, '').replace(/^(\.\.\/|\/)+/, '');
  }
  return n;
}

/** A moment as a zip's DOS date and time (one 32-bit number), read in UTC, clamped to what DOS can say. */
function dosDateTime(d: Date): number {
  const year = d.getUTCFullYear();
  if (year < 1980) return 0x210000; // 1980-01-01 00:00:00
  if (year >= 2044) return 0x7f9fbf7d; // 2043-12-31 23:59:58
  return (((year - 1980) << 25) | ((d.getUTCMonth() + 1) << 21) | (d.getUTCDate() << 16) | (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | (d.getUTCSeconds() >> 1)) >>> 0;
}

const u64 = (b: Buffer, v: number, at: number) => {
  b.writeUInt32LE(v % 0x100000000, at);
  b.writeUInt32LE(Math.floor(v / 0x100000000), at + 4);
};

interface Written {
  name: Buffer;
  flags: number;
  version: number;
  crc: number;
  size: number;
  offset: number;
}

export async function writeZip(files: readonly ZipSource[], top: string, date: Date, out: Writable): Promise<void> {
  let offset = 0;
  // Backpressure is waited for before the next write, not after this one: the next entry's
  // CRC-32 is summed while this one's bytes go to the disk.
  let drained: Promise<unknown> | undefined;
  const write = async (chunk: Uint8Array) => {
    if (drained) await drained;
    drained = undefined;
    offset += chunk.byteLength;
    if (!out.write(chunk)) (drained = once(out, 'drain')).catch(() => {});
  };
  /** Writes and waits until `out` is done with the chunk (see writeThrough). */
  const writeNow = async (chunk: Uint8Array) => {
    if (drained) await drained;
    drained = undefined;
    offset += chunk.byteLength;
    await writeThrough(out, chunk);
  };
  /** One buffer for every file read through one. */
  let through: Uint8Array | undefined;
  const time = dosDateTime(zipTime(date));
  const written: Written[] = [];
  for (const f of [...files].sort((a, b) => byCodePoint(a.path, b.path))) {
    const text = sanitize(`${top}/${f.path}`);
    const name = Buffer.from(text, 'utf8');
    const known = !isBytes(f.content) && f.crc !== undefined && f.size !== undefined;
    const inMemory = isBytes(f.content) || known;
    const flags = (name.length !== text.length ? 0x800 : 0) | (inMemory ? 0 : 0x8);
    const e: Written = { name, flags, version: inMemory ? 10 : 20, crc: 0, size: 0, offset };
    if (isBytes(f.content)) {
      e.crc = crc32(f.content) >>> 0;
      e.size = f.content.byteLength;
    } else if (known) {
      e.crc = f.crc!;
      e.size = f.size!;
    }
    if (e.size > MAX32) throw new Error(`${f.path}: a zip entry of more than 4 GiB`);
    const local = Buffer.alloc(30 + name.length);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(e.version, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(0, 8); // stored
    local.writeUInt32LE(time, 10);
    local.writeUInt32LE(e.crc, 14);
    local.writeUInt32LE(e.size, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(name.length, 26);
    name.copy(local, 30);
    await write(local);
    if (isBytes(f.content)) {
      if (e.size > 0) await write(f.content);
    } else {
      let crc = 0;
      let size = 0;
      // A file that can be read through one buffer is: each chunk written out before the next is read.
      const reuse = f.content.scan !== undefined;
      for await (const chunk of reuse ? f.content.scan!((through ??= new Uint8Array(1024 * 1024))) : f.content.open()) {
        crc = crc32(chunk, crc);
        size += chunk.byteLength;
        if (reuse) await writeNow(chunk);
        else await write(chunk);
      }
      if (known) {
        // Its header already said what it holds: a file changed since it was hashed must not pass.
        if ((crc >>> 0) !== e.crc || size !== e.size) throw new Error(`${f.path} changed while the zip was written`);
        written.push(e);
        continue;
      }
      if (size > MAX32) throw new Error(`${f.path}: a zip entry of more than 4 GiB`);
      e.crc = crc >>> 0;
      e.size = size;
      const descriptor = Buffer.alloc(16);
      descriptor.writeUInt32LE(0x08074b50, 0);
      descriptor.writeUInt32LE(e.crc, 4);
      descriptor.writeUInt32LE(size, 8);
      descriptor.writeUInt32LE(size, 12);
      await write(descriptor);
    }
    written.push(e);
  }

  const centralOffset = offset;
  for (const e of written) {
    const zip64 = e.offset > MAX32;
    const h = Buffer.alloc(46 + e.name.length + (zip64 ? 28 : 0));
    h.writeUInt32LE(0x02014b50, 0);
    h.writeUInt16LE((3 << 8) | 45, 4); // made by: Unix, version 4.5
    h.writeUInt16LE(zip64 ? 45 : e.version, 6);
    h.writeUInt16LE(e.flags, 8);
    h.writeUInt16LE(0, 10);
    h.writeUInt32LE(time, 12);
    h.writeUInt32LE(e.crc, 16);
    h.writeUInt32LE(zip64 ? MAX32 : e.size, 20);
    h.writeUInt32LE(zip64 ? MAX32 : e.size, 24);
    h.writeUInt16LE(e.name.length, 28);
    h.writeUInt16LE(zip64 ? 28 : 0, 30);
    h.writeUInt32LE(((MODE << 16) | DOS_ARCHIVE) >>> 0, 38);
    h.writeUInt32LE(zip64 ? MAX32 : e.offset, 42);
    e.name.copy(h, 46);
    if (zip64) {
      const x = 46 + e.name.length;
      h.writeUInt16LE(0x0001, x);
      h.writeUInt16LE(24, x + 2);
      u64(h, e.size, x + 4);
      u64(h, e.size, x + 12);
      u64(h, e.offset, x + 20);
    }
    await write(h);
  }
  const centralLength = offset - centralOffset;
  const zip64 = written.length > 0xffff || centralLength > MAX32 || centralOffset > MAX32;
  if (zip64) {
    const z = Buffer.alloc(56 + 20);
    z.writeUInt32LE(0x06064b50, 0);
    u64(z, 44, 4);
    z.writeUInt16LE(45, 12);
    z.writeUInt16LE(45, 14);
    u64(z, written.length, 24);
    u64(z, written.length, 32);
    u64(z, centralLength, 40);
    u64(z, centralOffset, 48);
    z.writeUInt32LE(0x07064b50, 56);
    u64(z, centralOffset + centralLength, 64);
    z.writeUInt32LE(1, 72);
    await write(z);
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(zip64 ? 0xffff : written.length, 8);
  end.writeUInt16LE(zip64 ? 0xffff : written.length, 10);
  end.writeUInt32LE(zip64 ? MAX32 : centralLength, 12);
  end.writeUInt32LE(zip64 ? MAX32 : centralOffset, 16);
  await write(end);
  if (drained) await drained;
}

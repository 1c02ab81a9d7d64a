/**
 * What `verify` reads a bag from — a folder, a zip or a disc image — behind one interface:
 * the list of files (relative to the bag's root) and a way to read each in chunks, all
 * through the World. Nothing is ever extracted: zip entries and image extents are read in
 * place. Entries whose names would lead outside the bag (`../x`, `/etc/x`), and links, are
 * reported and never followed.
 *
 * Zips are read with yauzl, from the central directory with random access (fflate, which
 * re-zips Office files, reads only local headers: it cannot find the end of a stored entry
 * that holds another zip, and sees no symlinks or lying sizes).
 */
import path from 'node:path';
import { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { byCodePoint } from '../core/bundle.js';
import { IoError } from '../core/io.js';
import { sniff } from '../core/sniff.js';
import type { FileReader, World } from '../world/world.js';
import { IsoError, readIsoFile, readIsoImage, type IsoImage, type IsoProblem } from './iso-read.js';

export type Problem =
  | {
      kind: 'unsafe' | 'link' | 'broken';
      name: string;
      reason?: string;
    }
  /** One of an image's two trees is damaged or disagrees with the other. */
  | { kind: 'iso'; problem: IsoProblem };

export interface BagSource {
  kind: 'folder' | 'zip' | 'iso';
  /** Files by path relative to the bag root. */
  files: Map<string, { size: number }>;
  read(p: string): AsyncIterable<Uint8Array>;
  /**
   * Reads a file through `into`, the caller's buffer: one view of it after another, each
   * valid only until the next is asked for. Nothing is allocated per chunk, so reading a
   * large package back (or forwarding it: a county's disc, zip and image) keeps the garbage
   * collector idle.
   */
  scan(p: string, into: Uint8Array): AsyncIterable<Uint8Array>;
  problems: Problem[];
  close(): Promise<void>;
}

export class SourceFailure extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

/** Limits for archives that would cost hours to read (a “zip bomb”); far beyond any real package. */
export const LIMITS = { entries: 100_000, bytes: 64 * 1024 ** 3 };

/**
 * One World file opened on first use and shared by every read of an archive (a zip or an
 * image), closed with the source: not opened again for each chunk of each entry.
 */
function sharedReader(world: World, file: string): { get(): Promise<FileReader>; close(): Promise<void> } {
  let reader: Promise<FileReader> | undefined;
  return {
    get: () => (reader ??= world.open(file)),
    close: async () => {
      const r = reader;
      reader = undefined;
      if (r) await (await r.catch(() => undefined))?.close();
    },
  };
}

/**
 * `size` bytes from `offset` (or to the end of the file, without `size`) through `into`, in
 * two halves: the next half is read while the caller has the last. Fewer bytes than `size`
 * means the archive is cut short.
 */
async function* spanChunks(reader: FileReader, offset: number, size: number | undefined, into: Uint8Array, short: () => Error): AsyncGenerator<Uint8Array> {
  const half = into.byteLength >> 1;
  if (half === 0) throw new Error('a scan needs a buffer of two bytes or more');
  const halves = [into.subarray(0, half), into.subarray(half)] as const;
  const end = size === undefined ? Infinity : offset + size;
  const readInto = (i: 0 | 1, at: number) => {
    const b = halves[i];
    const r = at < end ? reader.read(end - at < b.byteLength ? b.subarray(0, end - at) : b, at) : Promise.resolve(0);
    r.catch(() => {}); // awaited below; not left unhandled should the caller stop first
    return r;
  };
  let at = offset;
  let i: 0 | 1 = 0;
  let next = readInto(0, at);
  try {
    for (;;) {
      const n = await next;
      if (n === 0) break;
      const chunk = halves[i].subarray(0, n);
      at += n;
      i = i === 0 ? 1 : 0;
      next = readInto(i, at);
      yield chunk;
    }
  } finally {
    // A caller that stops early gets its buffer back only when no read is still filling it.
    await next.catch(() => 0);
  }
  if (size !== undefined && at < end) throw short();
}

async function readAll(it: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  for await (const c of it) parts.push(c);
  return Buffer.concat(parts);
}

/** The bag root inside a listing: the top itself, or a single top folder holding bagit.txt. */
function rebase(files: Map<string, { size: number }>): { prefix: string; files: Map<string, { size: number }> } {
  if (files.has('bagit.txt')) return { prefix: '', files };
  const tops = new Set([...files.keys()].map((p) => p.split('/')[0]!));
  for (const top of tops) {
    if (files.has(`${top}/bagit.txt`)) {
      const out = new Map<string, { size: number }>();
      for (const [p, v] of files) if (p.startsWith(`${top}/`)) out.set(p.slice(top.length + 1), v);
      // Anything beside the bag folder in the archive is extra to the bag.
      for (const [p, v] of files) if (!p.startsWith(`${top}/`)) out.set(`../${p}`, v);
      return { prefix: `${top}/`, files: out };
    }
  }
  return { prefix: '', files };
}

/** Every regular file under a folder, relative, in name order, with its size; links are listed apart, never followed. */
export async function walkFiles(world: World, root: string): Promise<{ files: Map<string, { size: number }>; links: string[] }> {
  const files = new Map<string, { size: number }>();
  const links: string[] = [];
  const walk = async (rel: string): Promise<void> => {
    for (const name of (await world.list(path.join(root, rel))).sort(byCodePoint)) {
      const r = rel ? `${rel}/${name}` : name;
      const st = await world.lstat(path.join(root, r));
      if (st?.kind === 'link') links.push(r);
      else if (st?.kind === 'dir') await walk(r);
      else if (st?.kind === 'file') files.set(r, { size: st.size });
    }
  };
  await walk('');
  return { files, links };
}

/** Where a folder's bag is: the folder itself or its disc/ (an output folder of `build`). */
export async function bagRootOf(world: World, dir: string): Promise<string | undefined> {
  if ((await world.stat(path.join(dir, 'bagit.txt')))?.kind === 'file') return dir;
  if ((await world.stat(path.join(dir, 'disc', 'bagit.txt')))?.kind === 'file') return path.join(dir, 'disc');
  return undefined;
}

async function folderSource(world: World, dir: string): Promise<BagSource> {
  const root = (await bagRootOf(world, dir)) ?? dir;
  const { files, links } = await walkFiles(world, root);
  const problems: Problem[] = links.map((name) => ({ kind: 'link', name }));
  return {
    kind: 'folder',
    files,
    problems,
    read: (p) => world.stream(path.join(root, ...p.split('/'))),
    scan: async function* (p, into) {
      const reader = await world.open(path.join(root, ...p.split('/')));
      try {
        yield* spanChunks(reader, 0, undefined, into, () => new Error(`${p}: cut short`));
      } finally {
        await reader.close();
      }
    },
    close: async () => {},
  };
}

/** yauzl reads a zip through the World by byte ranges, from one open file. */
class WorldReader extends yauzl.RandomAccessReader {
  constructor(private readonly file: () => Promise<FileReader>) {
    super();
  }

  override _readStreamForRange(start: number, end: number): Readable {
    const { file } = this;
    return Readable.from(
      (async function* () {
        const reader = await file();
        const chunk = 1024 * 1024;
        for (let at = start; at < end; ) {
          const b = Buffer.allocUnsafe(Math.min(chunk, end - at));
          const n = await reader.read(b, at);
          if (n === 0) throw new Error('unexpected end of the zip file');
          at += n;
          yield b.subarray(0, n);
        }
      })(),
    );
  }
}

function openZip(reader: WorldReader, size: number): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.fromRandomAccessReader(reader, size, { lazyEntries: true, autoClose: false, decodeStrings: true, validateEntrySizes: true, strictFileNames: true }, (e, z) => (e ? reject(e) : resolve(z!))),
  );
}

async function zipSource(world: World, file: string, size: number): Promise<BagSource> {
  const shared = sharedReader(world, file);
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(new WorldReader(shared.get), size);
  } catch (e) {
    await shared.close();
    throw new SourceFailure((e as Error).message);
  }
  const entries = new Map<string, yauzl.Entry>();
  const all = new Map<string, { size: number }>();
  const problems: Problem[] = [];
  let total = 0;
  await new Promise<void>((resolve) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      const name = entry.fileName;
      const mode = (entry.externalFileAttributes >>> 16) & 0o170000;
      total += entry.uncompressedSize;
      if (entries.size > LIMITS.entries || total > LIMITS.bytes) {
        problems.push({ kind: 'broken', name, reason: 'too large (more than 64 GB or 100,000 entries)' });
        resolve();
        return;
      }
      if (mode === 0o120000) problems.push({ kind: 'link', name });
      else if (!name.endsWith('/')) {
        entries.set(name, entry);
        all.set(name, { size: entry.uncompressedSize });
      }
      zip.readEntry();
    });
    zip.on('end', () => resolve());
    zip.on('error', (e: Error) => {
      // yauzl refuses names that leave the archive (“../x”, “/x”) and damaged records.
      const unsafe = /invalid relative path|absolute path|invalid characters/i.test(e.message);
      problems.push({ kind: unsafe ? 'unsafe' : 'broken', name: unsafe ? e.message.replace(/^.*?: /, '') : file, reason: e.message });
      resolve();
    });
    zip.readEntry();
  });
  const { prefix, files } = rebase(all);
  const read = async function* (p: string): AsyncGenerator<Uint8Array> {
    const entry = entries.get(prefix + p);
    if (!entry) throw new SourceFailure(`no entry ${p}`);
    const stream = await new Promise<Readable>((resolve, reject) => zip.openReadStream(entry, (e, s) => (e ? reject(e) : resolve(s!))));
    yield* stream as AsyncIterable<Uint8Array>;
  };
  return {
    kind: 'zip',
    files,
    problems,
    read,
    scan: async function* (p, into) {
      const entry = entries.get(prefix + p);
      if (!entry) throw new SourceFailure(`no entry ${p}`);
      // A stored entry is its file's bytes as they are, after its local header (found and
      // bounds-checked by yauzl); anything else is read through yauzl's own stream.
      if (entry.compressionMethod !== 0 || entry.isEncrypted() || entry.compressedSize !== entry.uncompressedSize) {
        yield* read(p);
        return;
      }
      const { fileDataStart } = await new Promise<{ fileDataStart: number }>((resolve, reject) => zip.readLocalFileHeader(entry, { minimal: true }, (e, h) => (e ? reject(e) : resolve(h))));
      yield* spanChunks(await shared.get(), fileDataStart, entry.compressedSize, into, () => new Error(`${p}: unexpected end of the zip file`));
    },
    close: async () => {
      zip.close();
      await shared.close();
    },
  };
}

async function isoSource(world: World, file: string, size: number): Promise<BagSource> {
  const shared = sharedReader(world, file);
  const img: IsoImage = { size, reader: shared.get };
  let entries;
  let isoProblems: IsoProblem[];
  try {
    ({ entries, problems: isoProblems } = await readIsoImage(img));
  } catch (e) {
    await shared.close();
    throw new SourceFailure((e as Error).message);
  }
  const byPath = new Map(entries.map((e) => [e.path, e]));
  const files = new Map([...byPath].map(([p, e]) => [p, { size: e.size }]));
  return {
    kind: 'iso',
    files,
    problems: isoProblems.map((problem) => ({ kind: 'iso', problem })),
    read: (p) => readIsoFile(img, byPath.get(p)!),
    scan: async function* (p, into) {
      const e = byPath.get(p)!;
      yield* spanChunks(await shared.get(), e.offset, e.size, into, () => new IsoError(`${e.path} is cut short: truncated image`));
    },
    close: () => shared.close(),
  };
}


/** Opens a folder, a zip or an ISO image, told apart by what they are, not their names. Throws IoError when unreadable. */
export async function openBag(world: World, target: string): Promise<BagSource> {
  const st = await world.stat(target);
  if (!st) throw new IoError(target, 'missing', 'ENOENT');
  if (st.kind === 'dir') return folderSource(world, target);
  const head = await world.readRange(target, 0, 1024);
  if (sniff(head) === 'zip' || /\.zip$/i.test(target)) return zipSource(world, target, st.size);
  return isoSource(world, target, st.size);
}

export { readAll };

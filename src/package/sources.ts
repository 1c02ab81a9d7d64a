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
import type { World } from '../world/world.js';
import { readIsoFile, readIsoImage, type IsoImage, type IsoProblem } from './iso-read.js';

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
    close: async () => {},
  };
}

/** yauzl reads a zip through the World by byte ranges. */
class WorldReader extends yauzl.RandomAccessReader {
  constructor(
    private readonly world: World,
    private readonly file: string,
  ) {
    super();
  }

  override _readStreamForRange(start: number, end: number): Readable {
    const { world, file } = this;
    return Readable.from(
      (async function* () {
        const chunk = 1024 * 1024;
        for (let at = start; at < end; ) {
          const b = await world.readRange(file, at, Math.min(chunk, end - at));
          if (b.byteLength === 0) throw new Error('unexpected end of the zip file');
          at += b.byteLength;
          yield b;
        }
      })(),
    );
  }
}

function openZip(world: World, file: string, size: number): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.fromRandomAccessReader(new WorldReader(world, file), size, { lazyEntries: true, autoClose: false, decodeStrings: true, validateEntrySizes: true, strictFileNames: true }, (e, z) => (e ? reject(e) : resolve(z!))),
  );
}

async function zipSource(world: World, file: string, size: number): Promise<BagSource> {
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(world, file, size);
  } catch (e) {
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
  return {
    kind: 'zip',
    files,
    problems,
    read: async function* (p) {
      const entry = entries.get(prefix + p);
      if (!entry) throw new SourceFailure(`no entry ${p}`);
      const stream = await new Promise<Readable>((resolve, reject) => zip.openReadStream(entry, (e, s) => (e ? reject(e) : resolve(s!))));
      yield* stream as AsyncIterable<Uint8Array>;
    },
    close: async () => zip.close(),
  };
}

async function isoSource(world: World, file: string, size: number): Promise<BagSource> {
  const img: IsoImage = { world, file, size };
  let entries;
  let isoProblems: IsoProblem[];
  try {
    ({ entries, problems: isoProblems } = await readIsoImage(img));
  } catch (e) {
    throw new SourceFailure((e as Error).message);
  }
  const byPath = new Map(entries.map((e) => [e.path, e]));
  const files = new Map([...byPath].map(([p, e]) => [p, { size: e.size }]));
  return {
    kind: 'iso',
    files,
    problems: isoProblems.map((problem) => ({ kind: 'iso', problem })),
    read: (p) => readIsoFile(img, byPath.get(p)!),
    close: async () => {},
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

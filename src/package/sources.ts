/**
 * What `verify` reads a bag from — a folder, a zip or a disc image — behind one interface:
 * the list of files (relative to the bag's root) and a way to read each in chunks. Nothing
 * is ever extracted: zip entries and image extents are read in place. Entries whose names
 * would lead outside the bag (`../x`, `/etc/x`), and links, are reported and never followed.
 */
import { closeSync, createReadStream, existsSync, lstatSync, openSync, readdirSync, readSync } from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { sniff } from '../core/sniff.js';
import { readIsoEntries, readIsoFile } from './iso-read.js';
import { ISO_NAMES } from './disc.js';

export interface Problem {
  kind: 'unsafe' | 'link' | 'broken';
  name: string;
  reason?: string;
}

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
export function walkFiles(root: string): { files: Map<string, { size: number }>; links: string[] } {
  const files = new Map<string, { size: number }>();
  const links: string[] = [];
  const walk = (rel: string) => {
    for (const name of readdirSync(path.join(root, rel)).sort()) {
      const r = rel ? `${rel}/${name}` : name;
      const st = lstatSync(path.join(root, r));
      if (st.isSymbolicLink()) links.push(r);
      else if (st.isDirectory()) walk(r);
      else if (st.isFile()) files.set(r, { size: st.size });
    }
  };
  walk('');
  return { files, links };
}

function folderSource(dir: string): BagSource {
  const root = existsSync(path.join(dir, 'bagit.txt')) ? dir : existsSync(path.join(dir, 'disc', 'bagit.txt')) ? path.join(dir, 'disc') : dir;
  const { files, links } = walkFiles(root);
  const problems: Problem[] = links.map((name) => ({ kind: 'link', name }));
  return {
    kind: 'folder',
    files,
    problems,
    read: (p) => createReadStream(path.join(root, p), { highWaterMark: 1024 * 1024 }) as AsyncIterable<Uint8Array>,
    close: async () => {},
  };
}

function openZip(file: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.open(file, { lazyEntries: true, autoClose: false, decodeStrings: true, validateEntrySizes: true, strictFileNames: true }, (e, z) => (e ? reject(e) : resolve(z!))),
  );
}

async function zipSource(file: string): Promise<BagSource> {
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(file);
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

async function isoSource(file: string): Promise<BagSource> {
  let r: Awaited<ReturnType<typeof readIsoEntries>>;
  try {
    r = await readIsoEntries(file);
  } catch (e) {
    throw new SourceFailure((e as Error).message);
  }
  const byPath = new Map(r.entries.map((e) => [e.path, e]));
  // Names shortened for Joliet are listed in the bag; read them under their original names.
  const names = byPath.get(ISO_NAMES);
  if (names) {
    const text = (await readAll(readIsoFile(r.handle, names))).toString('utf8');
    for (const line of text.split('\n')) {
      const [onDisc, original] = line.split('\t');
      const e = onDisc && original ? byPath.get(onDisc) : undefined;
      if (e) {
        byPath.delete(onDisc!);
        byPath.set(original!, { ...e, path: original! });
      }
    }
  }
  const files = new Map([...byPath].map(([p, e]) => [p, { size: e.size }]));
  return {
    kind: 'iso',
    files,
    problems: [],
    read: (p) => readIsoFile(r.handle, byPath.get(p)!),
    close: () => r.handle.close(),
  };
}

/** Opens a folder, a zip or an ISO image, told apart by what they are, not their names. */
export async function openBag(target: string): Promise<BagSource> {
  const st = lstatSync(target);
  if (st.isDirectory()) return folderSource(target);
  const head = Buffer.alloc(1024);
  const fd = openSync(target, 'r');
  try {
    readSync(fd, head, 0, 1024, 0);
  } finally {
    closeSync(fd);
  }
  if (sniff(head) === 'zip' || /\.zip$/i.test(target)) return zipSource(target);
  return isoSource(target);
}

export { readAll };

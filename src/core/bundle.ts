/**
 * A bundle is a value: relative path → content. Every output (documents, print volumes, the
 * disc tree, the zip and the disc image) is described in one, and only a writer (the CLI's
 * or the server's) puts it on disk — so checksums, the zip and the image are all computed
 * from the same value.
 *
 * Content is bytes made in memory, a file read in chunks when needed, never whole (an
 * applicant's forwarded file, a large scan, a print copy whose scans stay in their files),
 * or a stream written on demand (the zip and the ISO, which are as large as their payload).
 */
import type { Writable } from 'node:stream';

export interface FileEntry {
  kind: 'file';
  /** Where the file is, as its World knows it (shown in messages; a writer may copy it directly). */
  path: string;
  size: number;
  /** Reads it in chunks. */
  open(): AsyncIterable<Uint8Array>;
  /** Up to `length` bytes from `offset`, where the file can be read at an offset (the start of a scan, for its header). */
  range?(offset: number, length: number): Promise<Uint8Array>;
  /**
   * The same chunks read into one buffer used again (`into`, or one of its own), each valid
   * only until the next is asked for: for a reader that keeps none (hashing), so 800 MB
   * hashed leave no garbage behind. `offset`, `length`: a part of the file only.
   */
  scan?(into?: Uint8Array, offset?: number, length?: number): AsyncIterable<Uint8Array>;
}

/**
 * `length` bytes of a file from `offset` (a scanned page's image inside an attachment PDF),
 * as an entry of its own. Read by ranges where the file can be, else by reading up to it.
 */
export function sliceOf(file: FileEntry, offset: number, length: number): FileEntry {
  const CHUNK = 1024 * 1024;
  async function* open(): AsyncGenerator<Uint8Array> {
    if (file.range) {
      for (let at = 0; at < length; at += CHUNK) yield await file.range(offset + at, Math.min(CHUNK, length - at));
      return;
    }
    let pos = 0;
    for await (const c of file.open()) {
      const from = Math.max(offset - pos, 0);
      const to = Math.min(offset + length - pos, c.byteLength);
      if (to > from) yield c.slice(from, to);
      if ((pos += c.byteLength) >= offset + length) return;
    }
  }
  return {
    kind: 'file',
    path: file.path,
    size: length,
    open,
    scan: (into) => (file.scan ? file.scan(into, offset, length) : open()),
    ...(file.range && { range: (o: number, l: number) => file.range!(offset + o, Math.max(0, Math.min(l, length - o))) }),
  };
}

/**
 * Writes a chunk and waits until the stream is done with it (a file stream has written it):
 * so a file read through one buffer (`scan`) can be written from it, leaving no garbage.
 */
export function writeThrough(out: Writable, chunk: Uint8Array): Promise<void> {
  return new Promise((resolve, reject) => out.write(chunk, (e) => (e ? reject(e) : resolve())));
}

/** A file's chunks through `scan` where it has one (the reader must keep none). */
export function scanChunks(e: Uint8Array | FileEntry, into?: Uint8Array): AsyncIterable<Uint8Array> | Uint8Array[] {
  return isBytes(e) ? [e] : (e.scan?.(into) ?? e.open());
}

export interface StreamEntry {
  kind: 'stream';
  /** Writes the content to `out` and resolves when done (without ending `out`). */
  write(out: Writable): Promise<void>;
}

export type Entry = Uint8Array | FileEntry | StreamEntry;

export type Bundle = Map<string, Entry>;

export function isBytes(e: Entry): e is Uint8Array {
  return e instanceof Uint8Array;
}

/** Size in bytes of bytes or a file (streams are sized only when written). */
export function entrySize(e: Entry): number {
  if (isBytes(e)) return e.byteLength;
  if (e.kind === 'file') return e.size;
  throw new Error('a stream entry has no size before it is written');
}

/** The content of bytes or a file as chunks, without holding a file whole. */
export function entryChunks(e: Uint8Array | FileEntry): AsyncIterable<Uint8Array> | Uint8Array[] {
  return isBytes(e) ? [e] : e.open();
}

export function bundleSize(b: Bundle): number {
  let n = 0;
  for (const v of b.values()) if (isBytes(v) || v.kind === 'file') n += entrySize(v);
  return n;
}

/** Code-point order, the order every listing, manifest and archive uses. */
export function byCodePoint(a: string, c: string): number {
  return a < c ? -1 : a > c ? 1 : 0;
}

export function sortedPaths(b: Bundle): string[] {
  return [...b.keys()].sort(byCodePoint);
}

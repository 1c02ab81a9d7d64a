/**
 * The one port: everything shenbao needs from outside comes through a World — files
 * (read, a range, a stream, an open file read into a buffer, stat, list, the real path), the fonts and the run's clock. The core is a library over this interface; the CLI
 * and the local server give it the Node implementation (node.ts), tests and uploads an
 * in-memory one (memory.ts). Only the front ends and node.ts touch the disk.
 *
 * Paths are absolute, in the platform's form (path.resolve). Failures are IoError, whose
 * reason (missing, denied …) a message can explain in either language.
 */
import type { Clock } from '../core/clock.js';
import type { FontRole } from '../paper/typography.js';

export type EntryKind = 'file' | 'dir' | 'link' | 'other';

export interface EntryStat {
  kind: EntryKind;
  size: number;
}

export interface FontSource {
  /** The font file bundled for each role (npm font packages). */
  readonly bundled: Readonly<Record<FontRole, string>>;
  /** A font file's bytes, read once and shared: the same array every time it is asked for. */
  read(path: string): Promise<Uint8Array>;
}

/** A file held open for reads anywhere in it. */
export interface FileReader {
  /**
   * Fills `into` with the bytes from `position` on (fewer at the end of the file); resolves
   * with how many. The caller's buffer, used again for every read: reading a 1 GB archive
   * back allocates nothing, where fresh chunks kept the garbage collector busy.
   */
  read(into: Uint8Array, position: number): Promise<number>;
  close(): Promise<void>;
}

export interface World {
  /** A whole file. */
  read(path: string): Promise<Uint8Array>;
  /** Up to `length` bytes from `offset` (fewer at the end of the file). */
  readRange(path: string, offset: number, length: number): Promise<Uint8Array>;
  /** A file opened for reads at any offset into a buffer of the caller's (see FileReader). */
  open(path: string): Promise<FileReader>;
  /** A file in chunks, never held whole. */
  stream(path: string): AsyncIterable<Uint8Array>;
  /** What is at `path`, not following a link there; undefined when nothing is. */
  lstat(path: string): Promise<EntryStat | undefined>;
  /** What is at `path`, following links; undefined when nothing is (or a link leads nowhere). */
  stat(path: string): Promise<EntryStat | undefined>;
  /** The names in a folder, in no particular order. */
  list(dir: string): Promise<string[]>;
  /** `path` with every link resolved. */
  realpath(path: string): Promise<string>;
  readonly fonts: FontSource;
  readonly clock: Clock;
  /**
   * The World that serves everything under `dir`, when that is another one beneath this (a
   * package's World hands what lies outside the package to the one it stands on): what is
   * loaded from a folder and kept (a scheme) is kept per that World, and so shared.
   */
  servedBy?(dir: string): World;
}

/** UTF-8 text of a file's bytes (a byte-order mark dropped). */
export function decodeText(bytes: Uint8Array): string {
  const text = new TextDecoder('utf-8').decode(bytes);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Reads a text file as UTF-8 (a byte-order mark dropped). */
export async function readText(world: World, path: string): Promise<string> {
  return decodeText(await world.read(path));
}

/** Whether something is at `path` (a file or folder). */
export async function exists(world: World, path: string): Promise<boolean> {
  return (await world.stat(path)) !== undefined;
}

/**
 * A file's chunks read into one buffer used again (see FileEntry.scan): each chunk is valid
 * only until the next is asked for. `offset`, `length`: a part of the file only.
 */
export async function* scanFile(world: World, path: string, into?: Uint8Array, offset = 0, length = Infinity): AsyncGenerator<Uint8Array> {
  const reader = await world.open(path);
  try {
    const buf = into ?? new Uint8Array(1024 * 1024);
    for (let at = 0; at < length; ) {
      const n = await reader.read(buf.subarray(0, Math.min(buf.length, length - at)), offset + at);
      if (n === 0) return;
      yield buf.subarray(0, n);
      at += n;
    }
  } finally {
    await reader.close();
  }
}

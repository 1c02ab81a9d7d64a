/**
 * A World held in memory: a map from path to bytes, for tests and for files that arrive as
 * uploads. Folders exist where files are under them; links are not modelled. Whatever is
 * not in the map (a bundled scheme, say) can come from a fallback World underneath.
 */
import path from 'node:path';
import type { Clock } from '../core/clock.js';
import { IoError } from '../core/io.js';
import type { EntryStat, FileReader, FontSource, World } from './world.js';

export interface MemoryWorldOptions {
  clock: Clock;
  fonts: FontSource;
  /** Paths not held here are read from this World (e.g. the bundled templates). */
  fallback?: World;
}

/** Reads from bytes held whole, as a file opened on them. */
export function readerOver(bytes: Uint8Array): FileReader {
  return {
    async read(into, position) {
      const part = bytes.subarray(position, position + into.byteLength);
      into.set(part);
      return part.byteLength;
    },
    close: async () => {},
  };
}

export class MemoryWorld implements World {
  private readonly files = new Map<string, Uint8Array>();
  readonly fonts: FontSource;
  readonly clock: Clock;
  private readonly fallback?: World;

  constructor(files: Record<string, Uint8Array | string> | Map<string, Uint8Array>, opts: MemoryWorldOptions) {
    this.fonts = opts.fonts;
    this.clock = opts.clock;
    this.fallback = opts.fallback;
    const entries = files instanceof Map ? [...files] : Object.entries(files);
    for (const [p, v] of entries) this.put(p, v);
  }

  /** Adds or replaces a file. */
  put(p: string, data: Uint8Array | string): void {
    this.files.set(path.resolve(p), typeof data === 'string' ? new TextEncoder().encode(data) : data);
  }

  /** Every file held, by absolute path. */
  entries(): IterableIterator<[string, Uint8Array]> {
    return this.files.entries();
  }

  private isDir(p: string): boolean {
    const prefix = p.endsWith(path.sep) ? p : p + path.sep;
    for (const k of this.files.keys()) if (k.startsWith(prefix)) return true;
    return false;
  }

  private own(p: string): boolean {
    return this.files.has(p) || this.isDir(p);
  }

  async read(p: string): Promise<Uint8Array> {
    const abs = path.resolve(p);
    const f = this.files.get(abs);
    if (f) return f;
    if (this.isDir(abs)) throw new IoError(p, 'isDir', 'EISDIR');
    if (this.fallback) return this.fallback.read(abs);
    throw new IoError(p, 'missing', 'ENOENT');
  }

  async readRange(p: string, offset: number, length: number): Promise<Uint8Array> {
    const abs = path.resolve(p);
    if (!this.own(abs) && this.fallback) return this.fallback.readRange(abs, offset, length);
    return (await this.read(abs)).subarray(offset, offset + length);
  }

  async open(p: string): Promise<FileReader> {
    const abs = path.resolve(p);
    if (!this.own(abs) && this.fallback) return this.fallback.open(abs);
    return readerOver(await this.read(abs));
  }

  async *stream(p: string): AsyncGenerator<Uint8Array> {
    const abs = path.resolve(p);
    if (!this.own(abs) && this.fallback) {
      yield* this.fallback.stream(abs);
      return;
    }
    const bytes = await this.read(abs);
    const chunk = 1024 * 1024;
    for (let i = 0; i < bytes.length; i += chunk) yield bytes.subarray(i, i + chunk);
  }

  async lstat(p: string): Promise<EntryStat | undefined> {
    const abs = path.resolve(p);
    const f = this.files.get(abs);
    if (f) return { kind: 'file', size: f.byteLength };
    if (this.isDir(abs)) return { kind: 'dir', size: 0 };
    return this.fallback?.lstat(abs);
  }

  stat(p: string): Promise<EntryStat | undefined> {
    return this.lstat(p);
  }

  async list(dir: string): Promise<string[]> {
    const abs = path.resolve(dir);
    if (!this.own(abs)) {
      if (this.fallback) return this.fallback.list(abs);
      throw new IoError(dir, 'missing', 'ENOENT');
    }
    if (this.files.has(abs)) throw new IoError(dir, 'notDir', 'ENOTDIR');
    const prefix = abs.endsWith(path.sep) ? abs : abs + path.sep;
    const names = new Set<string>();
    for (const k of this.files.keys()) if (k.startsWith(prefix)) names.add(k.slice(prefix.length).split(path.sep)[0]!);
    return [...names];
  }

  async realpath(p: string): Promise<string> {
    const abs = path.resolve(p);
    if (!this.own(abs) && this.fallback) return this.fallback.realpath(abs);
    if (!this.own(abs)) throw new IoError(p, 'missing', 'ENOENT');
    return abs;
  }
}

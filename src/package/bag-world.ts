/**
 * A World over a bag as it stands — a folder, a zip or a disc image — so an applicant's
 * submission inside a package is loaded and checked in place, never unpacked: the county
 * reads a package's bytes only through its archive, and a damaged or oversized package
 * never reaches the disk. Read-only; fonts and clock come from the World beneath.
 */
import path from 'node:path';
import { IoError } from '../core/io.js';
import { readerOver } from '../world/memory.js';
import type { EntryStat, FileReader, FontSource, World } from '../world/world.js';
import { readAll, type BagSource } from './sources.js';

export class BagWorld implements World {
  readonly fonts: FontSource;
  readonly clock: World['clock'];
  private readonly dirs = new Set<string>();

  /** `root`: the absolute path this bag appears under (its files are root/<path in the bag>). */
  constructor(
    private readonly src: BagSource,
    readonly root: string,
    private readonly parent: World,
  ) {
    this.clock = parent.clock;
    this.fonts = { bundled: parent.fonts.bundled, read: (p) => (this.inside(p) ? this.read(p) : parent.fonts.read(p)) };
    for (const p of src.files.keys()) {
      if (p.startsWith('../')) continue;
      const parts = p.split('/');
      for (let i = 1; i < parts.length; i++) this.dirs.add(parts.slice(0, i).join('/'));
    }
    this.dirs.add('');
  }

  private inside(p: string): boolean {
    const rel = path.relative(this.root, path.resolve(p));
    return !rel.startsWith('..') && !path.isAbsolute(rel);
  }

  /** The bag's own path of an absolute path, or undefined when it lies outside the bag. */
  private rel(p: string): string | undefined {
    const abs = path.resolve(p);
    if (!this.inside(abs)) return undefined;
    return path.relative(this.root, abs).split(path.sep).join('/');
  }

  async read(p: string): Promise<Uint8Array> {
    const rel = this.rel(p);
    if (rel === undefined) return this.parent.read(p);
    if (!this.src.files.has(rel)) throw new IoError(p, this.dirs.has(rel) ? 'isDir' : 'missing', this.dirs.has(rel) ? 'EISDIR' : 'ENOENT');
    return readAll(this.src.read(rel));
  }

  async readRange(p: string, offset: number, length: number): Promise<Uint8Array> {
    const rel = this.rel(p);
    if (rel === undefined) return this.parent.readRange(p, offset, length);
    if (!this.src.files.has(rel)) throw new IoError(p, this.dirs.has(rel) ? 'isDir' : 'missing', this.dirs.has(rel) ? 'EISDIR' : 'ENOENT');
    // Read only as far as the range (the check sniffs a large scan's first kilobyte).
    const parts: Uint8Array[] = [];
    let pos = 0;
    for await (const c of this.src.read(rel)) {
      const from = Math.max(offset - pos, 0);
      const to = Math.min(offset + length - pos, c.byteLength);
      if (to > from) parts.push(c.slice(from, to));
      if ((pos += c.byteLength) >= offset + length) break;
    }
    return new Uint8Array(Buffer.concat(parts));
  }

  async open(p: string): Promise<FileReader> {
    if (this.rel(p) === undefined) return this.parent.open(p);
    return readerOver(await this.read(p));
  }

  async *stream(p: string): AsyncGenerator<Uint8Array> {
    const rel = this.rel(p);
    if (rel === undefined) {
      yield* this.parent.stream(p);
      return;
    }
    if (!this.src.files.has(rel)) throw new IoError(p, 'missing', 'ENOENT');
    yield* this.src.read(rel);
  }

  async lstat(p: string): Promise<EntryStat | undefined> {
    const rel = this.rel(p);
    if (rel === undefined) return this.parent.lstat(p);
    const f = this.src.files.get(rel);
    if (f) return { kind: 'file', size: f.size };
    return this.dirs.has(rel) ? { kind: 'dir', size: 0 } : undefined;
  }

  stat(p: string): Promise<EntryStat | undefined> {
    return this.lstat(p);
  }

  async list(dir: string): Promise<string[]> {
    const rel = this.rel(dir);
    if (rel === undefined) return this.parent.list(dir);
    if (!this.dirs.has(rel)) throw new IoError(dir, this.src.files.has(rel) ? 'notDir' : 'missing', 'ENOTDIR');
    const prefix = rel === '' ? '' : `${rel}/`;
    const names = new Set<string>();
    for (const p of [...this.src.files.keys(), ...this.dirs]) {
      if (p !== rel && p.startsWith(prefix) && !p.startsWith('../')) names.add(p.slice(prefix.length).split('/')[0]!);
    }
    names.delete('');
    return [...names];
  }

  async realpath(p: string): Promise<string> {
    return this.rel(p) === undefined ? this.parent.realpath(p) : path.resolve(p);
  }

  /** A folder wholly outside the bag (neither in it nor holding it) is the parent's. */
  servedBy(dir: string): World {
    const up = path.relative(path.resolve(dir), this.root);
    const holds = !up.startsWith('..') && !path.isAbsolute(up);
    return this.rel(dir) === undefined && !holds ? (this.parent.servedBy?.(dir) ?? this.parent) : this;
  }
}

/**
 * Facts about the files a submission refers to — whether each exists, stays inside the
 * submission folder (by its path and by any link), is non-empty, and what its bytes hold —
 * gathered once while loading, so the checks that use them stay pure. Each file is read
 * whole here, once, and looked at closely then (a PDF's pages, a scan's pixels: analyze.ts).
 * Its bytes are kept for the volume and the archive while the kept files total a few
 * megabytes (a submission without large scans builds from memory, as it always did); beyond
 * that a file is kept as a FileEntry, read again in chunks when it is hashed, drawn into the
 * volume or copied, so memory does not grow with the scans.
 */
import path from 'node:path';
import type { PDFDocument } from '#pdf-lib';
import type { FileEntry } from '../core/bundle.js';
import type { Location } from '../core/diagnostic.js';
import { IoError, type IoReason } from '../core/io.js';
import { sniff, SNIFF_BYTES, type ContentType } from '../core/sniff.js';
import { scanFile, type World } from '../world/world.js';
import { analyzeBytes } from './analyze.js';
import { collectNow } from '../core/memory.js';

export type FileStatus = 'ok' | 'missing' | 'outside' | 'notFile' | 'unreadable' | 'empty' | 'tooLarge';

export interface FileFact {
  /** Path relative to the submission folder, with forward slashes. */
  path: string;
  /** Where the path was written (YAML position). */
  where: Location;
  status: FileStatus;
  size: number;
  content: ContentType;
  /** Why an unreadable file could not be read. */
  reason?: IoReason;
  /** Set when this file was found by listing a folder named in the submission. */
  fromFolder?: string;
  /** For a PDF that opens: its pages (see analyze.ts). */
  pdf?: { pages: number; sizes: { width: number; height: number }[] };
  /** For a scan: its size in pixels, as it will stand on the page. */
  pixels?: { width: number; height: number };
  /** For a scan stored turned or mirrored: its EXIF orientation (2–8), which the volume honours. */
  orientation?: number;
  /** A PDF or image whose content cannot be used. */
  problem?: 'encrypted' | 'broken' | 'noPages';
}

/** No attachment is this large; beyond it a file is refused unread (it would not fit a disc image's file either). */
export const MAX_FILE_BYTES = 2 * 1024 ** 3;

/** Files a clerk's computer leaves in folders that are never attachments. */
const IGNORED = /^(\.|~\$|thumbs\.db$|desktop\.ini$)/i;

function isInside(root: string, target: string): boolean {
  const rel = path.relative(root, target);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** Code-point order, so the order of files in a folder is the same on every machine. */
function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The files kept in memory after loading, in total (the example's attachments are 3 MB). */
export const KEEP_BYTES = 8 * 1024 * 1024;

/** A PDF not kept, at least this large, is collected as soon as it has been looked at. */
const COLLECT_AFTER = 16 * 1024 * 1024;

/** What reading one file found, kept per path (a file named twice is read once). */
interface Seen {
  size: number;
  content: ContentType;
  found: Partial<FileFact>;
}

export class FileInspector {
  /** Every file read, by relative path: its bytes, or (beyond KEEP_BYTES) the file to read again. */
  readonly contents = new Map<string, Uint8Array | FileEntry>();
  /** The PDFs parsed while loading whose bytes are kept: the volume copies their pages. */
  readonly pdfs = new Map<string, PDFDocument>();
  private readonly seen = new Map<string, Seen>();
  private kept = 0;
  private scratch = new Uint8Array(0);
  private rootReal?: string;

  constructor(
    private readonly world: World,
    readonly root: string,
  ) {}

  /** Resolves a submission path; undefined when it leaves the folder (lexically or through links). */
  async resolve(rel: string): Promise<string | undefined> {
    const abs = path.resolve(this.root, rel);
    if (!isInside(this.root, abs)) return undefined;
    this.rootReal ??= await this.world.realpath(this.root);
    try {
      const real = await this.world.realpath(abs);
      return isInside(this.rootReal, real) ? abs : undefined;
    } catch {
      return abs; // does not exist (yet); the lexical check above already passed
    }
  }

  /**
   * Facts for a path that must name one file (a folder there is `notFile`). `keep`: its bytes
   * are needed whole (the roster, the brief), so they are kept whatever the total.
   */
  file(rel: string, where: Location, keep = false): Promise<FileFact> {
    return this.fact(rel, where, undefined, keep);
  }

  /** The bytes of a file read with `keep`. */
  bytes(rel: string): Uint8Array {
    const c = this.contents.get(rel);
    if (!(c instanceof Uint8Array)) throw new Error(`${rel} was not kept`);
    return c;
  }

  private async fact(rel: string, where: Location, fromFolder?: string, keep = false): Promise<FileFact> {
    const base: FileFact = { path: rel, where, status: 'ok', size: 0, content: 'unknown', ...(fromFolder !== undefined && { fromFolder }) };
    const abs = await this.resolve(rel);
    if (!abs) return { ...base, status: 'outside' };
    let st;
    try {
      st = await this.world.stat(abs);
    } catch (e) {
      return { ...base, status: 'unreadable', reason: e instanceof IoError ? e.reason : 'other' };
    }
    if (!st) return { ...base, status: 'missing' };
    if (st.kind !== 'file') return { ...base, status: 'notFile' };
    if (st.size === 0) return { ...base, status: 'empty', content: 'empty' };
    if (st.size > MAX_FILE_BYTES) return { ...base, status: 'tooLarge', size: st.size };
    let seen = this.seen.get(rel);
    if (seen && keep && !(this.contents.get(rel) instanceof Uint8Array)) seen = undefined;
    if (!seen) {
      const keeps = keep || this.kept + st.size <= KEEP_BYTES;
      try {
        seen = await this.readAndExamine(rel, abs, st.size, keeps);
      } catch (e) {
        return { ...base, status: 'unreadable', size: st.size, reason: e instanceof IoError ? e.reason : 'other' };
      }
      // A large PDF not kept leaves its bytes and pdf-lib's objects (more than its size) for the
      // collector: collected now, before the stages after pile their own on top of them.
      if (!keeps && seen.content === 'pdf' && seen.size >= COLLECT_AFTER) collectNow();
      this.seen.set(rel, seen);
    }
    return { ...base, size: seen.size, content: seen.content, ...seen.found };
  }

  /**
   * A file that will not be kept, read into one buffer used again for each: 200 MB of scans
   * read one after another would otherwise leave 200 MB for the collector to find.
   */
  private async readScratch(abs: string, size: number): Promise<Uint8Array> {
    if (this.scratch.length < size) this.scratch = new Uint8Array(size);
    const reader = await this.world.open(abs);
    try {
      return this.scratch.subarray(0, await reader.read(this.scratch.subarray(0, size), 0));
    } finally {
      await reader.close();
    }
  }

  /** Whether a file holds a PDF, from its first bytes: one too large to keep is read into a buffer of its own (pdf-lib parses whole buffers). */
  private async isPdf(abs: string): Promise<boolean> {
    return sniff(await this.world.readRange(abs, 0, SNIFF_BYTES)) === 'pdf';
  }

  /** Reads a file (into a buffer of its own or the scratch buffer) and examines it; its bytes go out of reach on return. */
  private async readAndExamine(rel: string, abs: string, size: number, keeps: boolean): Promise<Seen> {
    const bytes = keeps || (await this.isPdf(abs)) ? await this.world.read(abs) : await this.readScratch(abs, size);
    return this.examine(rel, abs, bytes, keeps);
  }

  /** Sniffs and analyzes a file just read, then keeps its bytes or, beyond the budget, where it is. */
  private async examine(rel: string, abs: string, bytes: Uint8Array, keeps: boolean): Promise<Seen> {
    const content = sniff(bytes);
    const size = bytes.byteLength;
    // A PDF not kept is parsed with its streams as views into its bytes: no second copy of its images.
    const { found, doc } = await analyzeBytes(bytes, content, !keeps);
    if (keeps) {
      this.kept += size;
      this.contents.set(rel, bytes);
      if (doc) this.pdfs.set(rel, doc);
    } else {
      const world = this.world;
      const entry: FileEntry = { kind: 'file', path: abs, size, open: () => world.stream(abs), scan: (into, offset, length) => scanFile(world, abs, into, offset, length), range: (offset, length) => world.readRange(abs, offset, length) };
      this.contents.set(rel, entry);
      this.pdfs.delete(rel);
    }
    return { size, content, found };
  }

  /**
   * Facts for one path written in the submission. A folder stands for the files in it
   * (recursively, in code-point order, hidden and system files skipped).
   */
  async inspect(rel: string, where: Location): Promise<FileFact[]> {
    const clean = rel.replace(/\/+$/, '');
    const abs = await this.resolve(rel);
    if (abs) {
      let isDir = false;
      try {
        isDir = (await this.world.stat(abs))?.kind === 'dir';
      } catch {
        // reported by fact()
      }
      if (isDir) return this.listFolder(clean, where);
    }
    return [await this.fact(clean, where)];
  }

  private async listFolder(relDir: string, where: Location): Promise<FileFact[]> {
    const out: FileFact[] = [];
    const walk = async (rel: string): Promise<void> => {
      let names: string[];
      try {
        names = (await this.world.list(path.resolve(this.root, rel))).filter((n) => !IGNORED.test(n)).sort(byCodePoint);
      } catch (e) {
        // A folder that cannot be listed is a file problem of its own, not a crash.
        out.push({ path: rel, where, status: 'unreadable', size: 0, content: 'unknown', reason: e instanceof IoError ? e.reason : 'other', fromFolder: relDir });
        return;
      }
      for (const name of names) {
        const childRel = rel === '' ? name : `${rel}/${name}`;
        const lst = await this.world.lstat(path.resolve(this.root, childRel));
        // Follow a link only to report it; a link to a folder is not walked.
        if (lst?.kind === 'dir') await walk(childRel);
        else out.push(await this.fact(childRel, where, relDir));
      }
    };
    await walk(relDir);
    return out;
  }
}

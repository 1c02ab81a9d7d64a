/**
 * The workspace: a folder of submission folders in exactly the format the CLI reads (and
 * county.yaml with its inbox, for a county). Every path a request names is resolved here,
 * and only to something inside the workspace: no `..`, no absolute path or drive letter, no
 * NUL or backslash, and no link that leads out. Writes are atomic: a temporary file beside
 * the target, renamed over it, so a file is either the old one or the new one.
 */
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { lstat, readdir, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import { SUBMISSION_NAMES } from '../submission/load.js';
import { makeDirs } from '../world/node-write.js';
import { refuse } from './refusal.js';

/** Why a relative path a request gave cannot be used; undefined when it is fine. */
export function badSegment(rel: string): boolean {
  if (typeof rel !== 'string' || rel === '' || rel.length > 1000) return true;
  if (/[\u0000-\u001f\\]/.test(rel)) return true;
  if (rel.startsWith('/') || /^[A-Za-z]:/.test(rel)) return true;
  // Only dots and spaces ('..', '...', '.. ') is no name: Windows would read some of them as the parent.
  return rel.split('/').some((s) => s === '' || /^[. ]+$/.test(s));
}

const isInside = (root: string, p: string) => {
  const rel = path.relative(root, p);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
};

/** Characters Windows forbids in names, and what a browser might send for a folder. */
const FORBIDDEN = /[<>:"|?*\u0000-\u001f/\\]/g;

/** A file name as a browser sent it, made safe to write: the last part only, no forbidden characters. */
export function safeFileName(name: string, fallback = 'file'): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  let out = base.normalize('NFC').replace(FORBIDDEN, '_').replace(/[. ]+$/, '').trim();
  if (out === '' || out === '.' || out === '..' || /^\.+$/.test(out)) out = fallback;
  // Windows' reserved device names.
  if (/^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i.test(out)) out = `_${out}`;
  // Keep within what every file system takes (255 bytes), without cutting a character.
  while (Buffer.byteLength(out) > 200) {
    const ext = path.extname(out);
    const stem = [...out.slice(0, out.length - ext.length)];
    stem.pop();
    out = stem.join('') + ext;
  }
  return out;
}

export class Workspace {
  private constructor(
    /** The workspace folder, links resolved. */
    readonly root: string,
  ) {}

  static async open(dir: string): Promise<Workspace> {
    const root = await realpath(path.resolve(dir));
    if (!(await stat(root)).isDirectory()) throw new Error(`${dir} is not a folder`);
    return new Workspace(root);
  }

  /**
   * The absolute path of `rel` inside the workspace, or a refusal (400). Whatever exists of
   * it must stay inside when its links are followed.
   */
  async resolve(rel: string): Promise<string> {
    if (rel === '.') return this.root;
    // Not a string (a parameter given twice, a slot the scheme does not have) is no path either.
    if (badSegment(rel)) throw refuse(400, 'server.badPath', { path: String(rel).slice(0, 200) });
    const target = path.resolve(this.root, ...rel.split('/'));
    if (!isInside(this.root, target)) throw refuse(400, 'server.badPath', { path: rel.slice(0, 200) });
    // Follow links on the part that exists: it must not lead out.
    let probe = target;
    while (probe !== this.root) {
      try {
        const real = await realpath(probe);
        if (!isInside(this.root, real)) throw refuse(400, 'server.badPath', { path: rel.slice(0, 200) });
        break;
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        // A name longer than the file system takes is no path of the workspace.
        if (code === 'ENAMETOOLONG') throw refuse(400, 'server.badPath', { path: rel.slice(0, 200) });
        // Not there yet (or a file where a folder would be): look at what exists above it.
        if (code !== 'ENOENT' && code !== 'ENOTDIR') throw e;
        probe = path.dirname(probe);
      }
    }
    return target;
  }

  /** A path inside a folder already resolved (a submission's), refusing what leaves it. */
  async within(dir: string, rel: string): Promise<string> {
    // Judged as given, before it is put under the folder: `C:/x` is a drive even after `a/`.
    if (badSegment(rel)) throw refuse(400, 'server.badPath', { path: String(rel).slice(0, 200) });
    const base = path.relative(this.root, dir).split(path.sep).join('/');
    return this.resolve(base ? `${base}/${rel}` : rel);
  }

  /** Shown to the user: the path relative to the workspace. */
  shown(p: string): string {
    return path.relative(this.root, p).split(path.sep).join('/') || '.';
  }

  /** The submission folders: the workspace itself when it holds a submission file, and each child folder that does. */
  async submissions(): Promise<{ id: string; dir: string; file: string }[]> {
    const out: { id: string; dir: string; file: string }[] = [];
    const fileIn = async (dir: string) => {
      for (const n of SUBMISSION_NAMES) {
        const st = await lstat(path.join(dir, n)).catch(() => undefined);
        if (st?.isFile()) return n;
      }
      return undefined;
    };
    const own = await fileIn(this.root);
    if (own) out.push({ id: '.', dir: this.root, file: own });
    const names = (await readdir(this.root, { withFileTypes: true })).filter((e) => e.isDirectory() && !e.name.startsWith('.')).map((e) => e.name);
    for (const n of names.sort()) {
      const file = await fileIn(path.join(this.root, n));
      if (file) out.push({ id: n, dir: path.join(this.root, n), file });
    }
    return out;
  }
}

/** Writes a file so that it is either the old one or the new one (temporary file, then rename). */
export async function writeAtomic(file: string, data: Uint8Array | string): Promise<void> {
  await makeDirs(path.dirname(file));
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.part`);
  try {
    await writeFile(tmp, data, { flag: 'wx' });
    await rename(tmp, file);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}

/**
 * Streams an upload into a temporary file beside `file` (never into the file itself), up to
 * `max` bytes; returns the temporary path, which the caller renames into place once the
 * content is judged, or removes.
 */
export async function receive(stream: Readable, dir: string, name: string): Promise<string> {
  await makeDirs(dir);
  const tmp = path.join(dir, `.${name}.${randomBytes(6).toString('hex')}.part`);
  try {
    await pipeline(stream, createWriteStream(tmp, { flags: 'wx' }));
    return tmp;
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}

/** A name not yet taken in `dir`: 名称.pdf, 名称 (2).pdf, … */
export async function freeName(dir: string, name: string): Promise<string> {
  const ext = path.extname(name);
  const stem = name.slice(0, name.length - ext.length);
  for (let i = 1; ; i++) {
    const candidate = i === 1 ? name : `${stem} (${i})${ext}`;
    if (!(await lstat(path.join(dir, candidate)).catch(() => undefined))) return candidate;
  }
}

export const REMOVED_DIR = '.shenbao/removed';

/** Moves a file out of the way (into .shenbao/removed/<time>/) rather than deleting what a clerk made. */
export async function moveAside(root: string, file: string): Promise<void> {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const dir = path.join(root, ...REMOVED_DIR.split('/'), stamp, path.dirname(path.relative(root, file)));
  await makeDirs(dir);
  // Two removals of one name in one millisecond keep both (名称 (2).pdf), never one over the other.
  await rename(file, path.join(dir, await freeName(dir, path.basename(file))));
}


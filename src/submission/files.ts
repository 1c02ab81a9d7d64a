/**
 * Facts about the files a submission refers to — whether each exists, stays inside the
 * submission folder (by its path and by any link), is non-empty, and what its bytes hold —
 * gathered once while loading, so the checks that use them stay pure.
 */
import { closeSync, lstatSync, openSync, readdirSync, readSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Location } from '../core/diagnostic.js';
import { sniff, SNIFF_BYTES, type ContentType } from '../core/sniff.js';

export type FileStatus = 'ok' | 'missing' | 'outside' | 'notFile' | 'unreadable' | 'empty';

export interface FileFact {
  /** Path relative to the submission folder, with forward slashes. */
  path: string;
  /** Where the path was written (YAML position). */
  where: Location;
  status: FileStatus;
  size: number;
  content: ContentType;
  /** Set when this file was found by listing a folder named in the submission. */
  fromFolder?: string;
  /** For a PDF that opens: its pages (see analyze.ts). */
  pdf?: { pages: number; sizes: { width: number; height: number }[] };
  /** For a scan: its size in pixels, as it will stand on the page. */
  pixels?: { width: number; height: number };
  /** A PDF or image whose content cannot be used. */
  problem?: 'encrypted' | 'broken' | 'noPages';
}

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

export class FileInspector {
  private readonly rootReal: string;

  constructor(readonly root: string) {
    this.rootReal = realpathSync(root);
  }

  /** Resolves a submission path; undefined when it leaves the folder (lexically or through links). */
  resolve(rel: string): string | undefined {
    const abs = path.resolve(this.root, rel);
    if (!isInside(this.root, abs)) return undefined;
    try {
      const real = realpathSync(abs);
      return isInside(this.rootReal, real) ? abs : undefined;
    } catch {
      return abs; // does not exist (yet); the lexical check above already passed
    }
  }

  /** Facts for a path that must name one file (a folder there is `notFile`). */
  file(rel: string, where: Location): FileFact {
    return this.fact(rel, where);
  }

  private fact(rel: string, where: Location, fromFolder?: string): FileFact {
    const base: FileFact = { path: rel, where, status: 'ok', size: 0, content: 'unknown', fromFolder };
    const abs = this.resolve(rel);
    if (!abs) return { ...base, status: 'outside' };
    let st;
    try {
      st = statSync(abs);
    } catch (e) {
      return { ...base, status: (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : 'unreadable' };
    }
    if (!st.isFile()) return { ...base, status: 'notFile' };
    if (st.size === 0) return { ...base, status: 'empty', content: 'empty' };
    try {
      const fd = openSync(abs, 'r');
      try {
        const head = Buffer.alloc(Math.min(SNIFF_BYTES, st.size));
        readSync(fd, head, 0, head.length, 0);
        return { ...base, size: st.size, content: sniff(head) };
      } finally {
        closeSync(fd);
      }
    } catch {
      return { ...base, status: 'unreadable', size: st.size };
    }
  }

  /**
   * Facts for one path written in the submission. A folder stands for the files in it
   * (recursively, in code-point order, hidden and system files skipped).
   */
  inspect(rel: string, where: Location): FileFact[] {
    const abs = this.resolve(rel);
    if (abs) {
      let isDir = false;
      try {
        isDir = statSync(abs).isDirectory();
      } catch {
        // not there: reported by fact()
      }
      if (isDir) return this.listFolder(rel.replace(/\/+$/, ''), where);
    }
    return [this.fact(rel.replace(/\/+$/, ''), where)];
  }

  private listFolder(relDir: string, where: Location): FileFact[] {
    const out: FileFact[] = [];
    const walk = (rel: string) => {
      const names = readdirSync(path.resolve(this.root, rel)).filter((n) => !IGNORED.test(n)).sort(byCodePoint);
      for (const name of names) {
        const childRel = rel === '' ? name : `${rel}/${name}`;
        const abs = path.resolve(this.root, childRel);
        const lst = lstatSync(abs);
        // Follow a link only to report it; a link to a folder is not walked.
        if (lst.isDirectory()) walk(childRel);
        else out.push(this.fact(childRel, where, relDir));
      }
    };
    walk(relDir);
    return out;
  }
}

/**
 * The one writer on Node: puts a bundle on disk under <out>/<name>/ so that the folder is
 * either the complete new output or untouched. Files go into a hidden temporary folder
 * beside the target, which is renamed into place only when every file is written; an older
 * output is moved aside first and removed last; what a killed run left is cleaned up by the
 * next. Files are copied and streams written chunk
 * by chunk, so memory does not grow with the size of the payload.
 */
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { isBytes, sortedPaths, writeThrough, type Bundle } from '../core/bundle.js';
import { asIoError, IoError } from '../core/io.js';

/** Removes a folder, ignoring failures (cleanup must not hide the error that caused it). */
async function removeQuietly(p: string): Promise<void> {
  try {
    await rm(p, { recursive: true, force: true });
  } catch {
    // nothing more to do
  }
}

const exists = (p: string) => stat(p).then(() => true, () => false);

/**
 * mkdir -p that ends: Node's own recursive mkdir loops for ever where a parent exists but
 * refuses children (/proc/x), so each level is made on its own and a second ENOENT is an error.
 */
export async function makeDirs(dir: string): Promise<void> {
  try {
    await mkdir(dir);
    return;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' && (await stat(dir)).isDirectory()) return;
    if (code !== 'ENOENT' || path.dirname(dir) === dir) throw e;
  }
  await makeDirs(path.dirname(dir));
  try {
    await mkdir(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST' && (await stat(dir)).isDirectory()) return;
    throw e;
  }
}

/**
 * Whether an output folder can be made, found before any work is done (a build takes
 * seconds): a probe folder is made and removed in the nearest folder that exists.
 */
export async function probeOutput(outRoot: string): Promise<void> {
  let at = outRoot;
  while (!(await exists(at)) && path.dirname(at) !== at) at = path.dirname(at);
  try {
    if (!(await stat(at)).isDirectory()) throw Object.assign(new Error(`${at} is not a folder`), { code: 'ENOTDIR' });
    const probe = path.join(at, `.shenbao-probe-${process.pid}`);
    await mkdir(probe);
    await rm(probe, { recursive: true, force: true });
  } catch (e) {
    throw asIoError(e, outRoot);
  }
}

export async function writeBundleTo(dir: string, bundle: Bundle): Promise<void> {
  // One buffer for every file read through one (FileEntry.scan).
  const into = new Uint8Array(1024 * 1024);
  // Files made in memory are written several at a time: one after the other, the example's
  // seventy small files spent most of their time waiting on each open and close in turn.
  const made = new Set<string>();
  let batch: Promise<void>[] = [];
  const flush = async () => {
    const writing = batch;
    batch = [];
    await Promise.all(writing);
  };
  for (const rel of sortedPaths(bundle)) {
    const file = path.join(dir, ...rel.split('/'));
    const folder = path.dirname(file);
    if (!made.has(folder)) {
      await makeDirs(folder);
      made.add(folder);
    }
    const entry = bundle.get(rel)!;
    if (isBytes(entry)) {
      batch.push(writeFile(file, entry));
      if (batch.length >= WRITES_AT_ONCE) await flush();
      continue;
    }
    await flush();
    const out = createWriteStream(file);
    const failed = new Promise<never>((_, reject) => out.once('error', reject));
    try {
      if (entry.kind === 'file' && entry.scan) {
        // Through one buffer: each chunk is written out before the next is read into it.
        for await (const chunk of entry.scan(into)) await Promise.race([writeThrough(out, chunk), failed]);
      } else if (entry.kind === 'file') {
        for await (const chunk of entry.open()) if (!out.write(chunk)) await Promise.race([new Promise<void>((r) => out.once('drain', () => r())), failed]);
      } else await Promise.race([entry.write(out), failed]);
      out.end();
      await finished(out);
    } catch (e) {
      out.destroy();
      throw e;
    }
  }
  await flush();
}

const WRITES_AT_ONCE = 8;

export interface WriteOptions {
  /**
   * Runs on the complete temporary folder before it takes the output's place (build verifies
   * the disc tree, zip and image it wrote). Whatever it throws is thrown on, the temporary
   * folder removed: nothing half-checked ever becomes the output.
   */
  check?(dir: string): Promise<void>;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whether a process of this id is running (a kill of pid 0 only asks). */
function running(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * What an earlier run of the same output left when it was killed: its temporary folder
 * (.<name>.partial-<pid>-<time>) and the older output it had moved aside (.<name>.old-…).
 * Folders of a run still going are left alone. A kill between the swap's two renames leaves no
 * output but the older one moved aside: that is put back first, so a failing run never leaves
 * less than there was.
 */
async function cleanLeftovers(outRoot: string, name: string, target: string): Promise<void> {
  let names: string[];
  try {
    names = await readdir(outRoot);
  } catch {
    return;
  }
  const re = new RegExp(`^\\.${escape(name)}\\.(partial|old)-(\\d+)-(\\d+)$`);
  const left = names
    .map((n) => ({ n, m: re.exec(n) }))
    .filter((x): x is { n: string; m: RegExpExecArray } => x.m !== null && !running(Number(x.m[2])))
    // The newest older output first, should there be several.
    .sort((a, b) => Number(b.m[3]) - Number(a.m[3]));
  for (const { n, m } of left) {
    const p = path.join(outRoot, n);
    if (m[1] === 'old' && !(await exists(target))) {
      try {
        await rename(p, target);
        continue;
      } catch {
        // removed below
      }
    }
    await removeQuietly(p);
  }
}

/** Writes `bundle` as <outRoot>/<name>/ in one step; resolves with the folder. Throws IoError, or what `check` throws. */
export async function writeBundle(outRoot: string, name: string, bundle: Bundle, opts: WriteOptions = {}): Promise<string> {
  const target = path.join(outRoot, name);
  await cleanLeftovers(outRoot, name, target);
  const stamp = `${process.pid}-${Date.now()}`;
  const temp = path.join(outRoot, `.${name}.partial-${stamp}`);
  const old = path.join(outRoot, `.${name}.old-${stamp}`);
  try {
    await makeDirs(outRoot);
    await mkdir(temp);
    await writeBundleTo(temp, bundle);
  } catch (e) {
    await removeQuietly(temp);
    throw e instanceof IoError ? e : asIoError(e, target);
  }
  if (opts.check) {
    try {
      await opts.check(temp);
    } catch (e) {
      await removeQuietly(temp);
      throw e;
    }
  }
  try {
    if (await exists(target)) await rename(target, old);
    await rename(temp, target);
  } catch (e) {
    // Put the previous output back if the swap failed halfway.
    if (!(await exists(target)) && (await exists(old))) await rename(old, target);
    await removeQuietly(temp);
    throw asIoError(e, target);
  }
  await removeQuietly(old);
  return target;
}

/**
 * Writes several files of one folder, each through a temporary name so an interrupted run
 * leaves no half-written file; with `overwrite` false, nothing is written if any exists.
 */
export async function writeFiles(dir: string, files: ReadonlyMap<string, Uint8Array | string>, folders: readonly string[] = []): Promise<void> {
  try {
    await makeDirs(dir);
    for (const f of folders) await makeDirs(path.join(dir, ...f.split('/')));
    for (const [rel, data] of files) {
      const file = path.join(dir, ...rel.split('/'));
      await makeDirs(path.dirname(file));
      const tmp = `${file}.tmp-${process.pid}`;
      await writeFile(tmp, data);
      await rename(tmp, file);
    }
  } catch (e) {
    throw asIoError(e, dir);
  }
}

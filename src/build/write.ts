/**
 * The one writer: puts a bundle on disk under <out>/<name>/ so that the folder is either
 * the complete new output or untouched. Files go into a hidden temporary folder beside the
 * target, which is renamed into place only when every file is written; an older output is
 * moved aside first and removed last. Files are copied and streams written chunk by chunk,
 * so memory does not grow with the size of the payload.
 */
import { copyFileSync, createWriteStream, existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { isBytes, sortedPaths, type Bundle } from './bundle.js';

export class WriteFailure extends Error {
  constructor(readonly target: string, readonly reason: string) {
    super(reason);
  }
}

/** Removes a folder, ignoring failures (cleanup must not hide the error that caused it). */
function removeQuietly(p: string): void {
  try {
    rmSync(p, { recursive: true, force: true });
  } catch {
    // nothing more to do
  }
}

export async function writeBundleTo(dir: string, bundle: Bundle): Promise<void> {
  for (const rel of sortedPaths(bundle)) {
    const file = path.join(dir, ...rel.split('/'));
    mkdirSync(path.dirname(file), { recursive: true });
    const entry = bundle.get(rel)!;
    if (isBytes(entry)) writeFileSync(file, entry);
    else if (entry.kind === 'file') copyFileSync(entry.path, file);
    else {
      const out = createWriteStream(file);
      await entry.write(out);
      out.end();
      await finished(out);
    }
  }
}

export async function writeBundle(outRoot: string, name: string, bundle: Bundle): Promise<string> {
  const target = path.join(outRoot, name);
  const stamp = `${process.pid}-${Date.now()}`;
  const temp = path.join(outRoot, `.${name}.partial-${stamp}`);
  const old = path.join(outRoot, `.${name}.old-${stamp}`);
  try {
    mkdirSync(outRoot, { recursive: true });
    mkdirSync(temp);
    await writeBundleTo(temp, bundle);
  } catch (e) {
    removeQuietly(temp);
    throw new WriteFailure(target, (e as Error).message);
  }
  try {
    if (existsSync(target)) renameSync(target, old);
    renameSync(temp, target);
  } catch (e) {
    // Put the previous output back if the swap failed halfway.
    if (!existsSync(target) && existsSync(old)) renameSync(old, target);
    removeQuietly(temp);
    throw new WriteFailure(target, (e as Error).message);
  }
  removeQuietly(old);
  return target;
}

/** A part of a file or folder name, safe on Windows and Linux: no separators, reserved characters, spaces or leading dots. */
export function fileNamePart(s: string): string {
  return s.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '-').replace(/\s+/g, '').replace(/^\.+/, '');
}

/** A folder name from the institution and trade. */
export function outputName(institution: string, trade: string, kind: 'application' | 'review'): string {
  return `${fileNamePart(institution)}-${fileNamePart(trade)}${kind === 'review' ? '-复评' : ''}`;
}

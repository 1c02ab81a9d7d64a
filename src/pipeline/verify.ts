/**
 * Verify a package (a disc folder, a zip or an ISO) as one call, for the CLI and the page:
 * open it in place, check completeness and fixity, close it. A package that cannot even be
 * opened as one (a truncated zip, say) is a diagnostic, not a throw; a file that cannot be
 * read is a Failure (exit 3).
 */
import { error, type Diagnostic } from '../core/diagnostic.js';
import { Failure, ioFailure } from '../core/failure.js';
import { IoError } from '../core/io.js';
import { openBag, SourceFailure, type BagSource } from '../package/sources.js';
import { verifyBag, type Meant, type VerifyOptions, type VerifyResult } from '../package/verify.js';
import { isBytes, scanChunks, type Bundle } from '../core/bundle.js';
import type { Digest } from '../package/digest.js';
import path from 'node:path';
import type { World } from '../world/world.js';

export type Verified =
  | { opened: true; kind: BagSource['kind']; result: VerifyResult; errors: number }
  | { opened: false; diagnostics: Diagnostic[] };

/** `target` is absolute; `shown` is how messages name it. */
export async function verifyPackage(world: World, target: string, shown: string, opts: VerifyOptions = {}): Promise<Verified> {
  let source: BagSource;
  try {
    source = await openBag(world, target);
  } catch (e) {
    if (e instanceof IoError) throw ioFailure(new IoError(shown, e.reason, e.detail));
    if (!(e instanceof SourceFailure)) throw e;
    return { opened: false, diagnostics: [error('verify.broken', { detail: e.reason }, { file: shown })] };
  }
  try {
    const result = await verifyBag(source, opts);
    return { opened: true, kind: source.kind, result, errors: result.diagnostics.filter((d) => d.severity === 'error').length };
  } finally {
    await source.close();
  }
}

/** What a package's disc tree is meant to hold: the bundle written (its disc/… entries) and every file's digest. */
export interface MeantDisc {
  bundle: Bundle;
  /** By path in the bag, payload and tag files alike (the bag's `all`). */
  digests: ReadonlyMap<string, Digest>;
}

/**
 * The disc tree's files as verifyBag compares them: those held in memory with their bytes;
 * the others by the disc folder's copy, once `discVerified` — the folder's own check proved
 * it. In the disc folder itself, a file read in chunks whose CRC-32 the hashing found (a scan
 * kept in its file, a print copy written on demand) is compared with its content read again:
 * the zip checked that content against that CRC-32 as it wrote it, after the disc copy, so
 * equal bytes are the bytes hashed (a file changed in between would differ from its zip
 * entry's CRC and have failed the write). A county's forwarded files carry no CRC-32: the
 * disc folder's copy of them is hashed.
 */
function expectedOf(world: World, meant: MeantDisc, disc: string, discVerified: boolean): Map<string, Meant> {
  const out = new Map<string, Meant>();
  // One buffer for every file read again: verifyBag compares one file at a time.
  const into = new Uint8Array(1024 * 1024);
  for (const [p, e] of meant.bundle) {
    if (!p.startsWith('disc/')) continue;
    const rel = p.slice('disc/'.length);
    const digest = meant.digests.get(rel);
    if (!digest) continue;
    if (isBytes(e)) {
      if (digest.size === e.byteLength) out.set(rel, { bytes: e, digest });
    } else if (discVerified) out.set(rel, { copy: () => world.open(path.join(disc, ...rel.split('/'))), digest });
    else if (e.kind === 'file' && digest.crc32 !== undefined) out.set(rel, { chunks: () => scanChunks(e, into) as AsyncIterable<Uint8Array>, digest });
  }
  return out;
}

/**
 * A written package checked as `verify` checks it: its disc tree, <name>.zip and <name>.iso
 * (those it has). Returns the errors, each named by the part it was found in. With `meant`,
 * each file is compared with the bytes it was written from rather than hashed again (see
 * VerifyOptions): the same findings, from one read of what was written. Only a file not held
 * in memory is hashed, once, in the disc folder; the zip's and the image's copies of it are
 * compared with that one.
 */
export async function verifyOutput(world: World, dir: string, name: string, meant?: MeantDisc): Promise<Diagnostic[]> {
  const check = async (part: string, discVerified: boolean): Promise<Diagnostic[]> => {
    const target = path.join(dir, part);
    if (!(await world.stat(target))) return [];
    const opts: VerifyOptions = meant ? { expected: expectedOf(world, meant, path.join(dir, 'disc'), discVerified) } : {};
    const v = await verifyPackage(world, target, part, opts);
    const errors = (v.opened ? v.result.diagnostics : v.diagnostics).filter((d) => d.severity === 'error');
    return errors.length ? [error('build.notVerified', { part, errors: errors.length }, { file: part }), ...errors.map((d) => ({ ...d, location: { ...d.location, file: d.location.file ? `${part}: ${d.location.file}` : part } }))] : [];
  };
  // The disc folder first (the zip's and the image's copies of a file not held in memory are
  // compared with its copy there once it verifies); then the zip and the image at once.
  const disc = await check('disc', false);
  const discVerified = disc.length === 0 && (await world.stat(path.join(dir, 'disc'))) !== undefined;
  const [zip, iso] = await Promise.all([check(`${name}.zip`, discVerified), check(`${name}.iso`, discVerified)]);
  return [...disc, ...zip, ...iso];
}

/** The writer's check of a package (world/node-write.ts): a Failure (exit 1) when what was written does not verify. */
export const verifiedWrite = (world: World, name: string, meant?: MeantDisc) => async (dir: string): Promise<void> => {
  const problems = await verifyOutput(world, dir, name, meant);
  if (problems.length) throw new Failure('problems', problems);
};

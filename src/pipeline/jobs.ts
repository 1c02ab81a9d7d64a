/**
 * The two jobs a worker does for the county: take in a package (verify, check in place),
 * and build the package of an applicant who handed in a plain submission folder and goes
 * on — the same build `shenbao build` makes, so the League gets the same disc tree from
 * everyone. What comes back is data: the built disc tree as bytes with its digests.
 */
import { isBytes, type FileEntry } from '../core/bundle.js';
import type { Diagnostic } from '../core/diagnostic.js';
import { Failure } from '../core/failure.js';
import type { Intake, IntakeTask } from '../county/intake.js';
import type { Digest } from '../package/digest.js';
import { DIR } from '../package/disc.js';
import type { World } from '../world/world.js';
import { intake } from './intake.js';
import { prepare } from './prepare.js';

export interface BuildTask {
  index: number;
  /** The submission folder. */
  dir: string;
  scheme?: string;
  config?: string;
  cwd: string;
}

export interface Built {
  /** The disc tree: every file of the applicant's new bag, with its digest. */
  tree?: [path: string, bytes: Uint8Array, digest: Digest][];
  volumes: string[];
  problems: Diagnostic[];
}

export type Job = { type: 'intake'; task: IntakeTask } | { type: 'build'; task: BuildTask };
export type JobResult = Intake | Built;

async function build(world: World, task: BuildTask): Promise<Built> {
  const prepared = await prepare(world, { dir: task.dir, scheme: task.scheme, config: task.config, cwd: task.cwd });
  if (!prepared.ok) return { volumes: [], problems: [] };
  try {
    // The build stack (renderers, volumes, archives: half a second to load) is loaded by the
    // first build job, not by every worker: most runs take packages in and build none.
    const { makePackage } = await import('./build.js');
    const pkg = await makePackage(prepared, world.clock.now);
    // Only the disc tree goes on: it holds the documents, the volumes and the sources.
    const tree: NonNullable<Built['tree']> = [];
    for (const [k, e] of pkg.bundle) {
      if (!k.startsWith('disc/')) continue;
      const p = k.slice('disc/'.length);
      // Files a large build keeps on disk or writes on demand (scans, print volumes) are read
      // whole here: the tree goes to the main thread as bytes.
      if (isBytes(e) || e.kind === 'file') tree.push([p, isBytes(e) ? e : await bytesOf(e), pkg.archive.digests.get(p)!]);
    }
    const volumes = tree.map(([p]) => p).filter((p) => p.startsWith(`${DIR.print}/`)).sort();
    return { tree, volumes, problems: pkg.diagnostics.filter((d) => d.severity === 'error') };
  } catch (e) {
    if (e instanceof Failure) return { volumes: [], problems: e.diagnostics };
    throw e;
  }
}

/** The whole content of a file entry. */
async function bytesOf(e: FileEntry): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  for await (const c of e.open()) chunks.push(c);
  return Buffer.concat(chunks);
}

/**
 * A result with its bytes ready to be handed to the main thread rather than copied (a built
 * package's disc tree is megabytes): each byte array gets a buffer of its own (one that is a
 * slice of a larger buffer, Node's pool say, is copied out of it), and those buffers go in
 * the transfer list. A result holds only bytes its job made, so nothing the worker keeps for
 * later jobs loses its buffer.
 */
export function handOver(result: JobResult): { result: JobResult; transfer: ArrayBuffer[] } {
  if (!('tree' in result) || !result.tree) return { result, transfer: [] };
  const transfer = new Set<ArrayBuffer>();
  const tree = result.tree.map(([p, b, digest]): [string, Uint8Array, Digest] => {
    const mine = b.buffer instanceof ArrayBuffer && b.byteOffset === 0 && b.byteLength === b.buffer.byteLength ? b : new Uint8Array(b);
    transfer.add(mine.buffer as ArrayBuffer);
    return [p, mine, digest];
  });
  return { result: { ...result, tree }, transfer: [...transfer] };
}

export function runJob(world: World, job: Job): Promise<JobResult> {
  return job.type === 'intake' ? intake(world, job.task) : build(world, job.task);
}

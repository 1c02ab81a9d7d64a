/**
 * Choosing and loading the scheme for a run: --scheme, else the one the submission (or
 * county.yaml) names, else the default. Each World loads a scheme folder once and keeps it,
 * so a server answering many requests reads its templates once.
 */
import { Failure } from '../core/failure.js';
import { error } from '../core/diagnostic.js';
import { loadScheme, schemeDirFor } from '../scheme/load.js';
import type { Scheme } from '../scheme/schema.js';
import type { World } from '../world/world.js';

const loaded = new WeakMap<World, Map<string, Promise<Scheme>>>();

/** The scheme in `dir`, or a Failure (exit 2: a scheme is configuration, not the user's data) naming each problem. */
export function schemeIn(asked: World, dir: string): Promise<Scheme> {
  // A package's World reads the scheme (outside the package) from the World beneath: loaded once for all packages.
  const world = asked.servedBy?.(dir) ?? asked;
  let byDir = loaded.get(world);
  if (!byDir) loaded.set(world, (byDir = new Map()));
  let hit = byDir.get(dir);
  if (!hit) {
    hit = loadScheme(world, dir).then(({ scheme, diagnostics }) => {
      if (scheme) return scheme;
      throw new Failure('usage', [...diagnostics, error('scheme.invalid', { dir, count: diagnostics.length })]);
    });
    byDir.set(dir, hit);
    hit.catch(() => byDir!.delete(dir));
  }
  return hit;
}

/** A picker for loadSubmission: the option wins over the name a submission gives. */
export function schemePicker(world: World, option: string | undefined, cwd: string): (named: string | undefined) => Promise<Scheme> {
  // --scheme is relative to where the command runs; a scheme the submission names by path is already absolute.
  return async (named) => schemeIn(world, await schemeDirFor(world, option ?? named, cwd));
}

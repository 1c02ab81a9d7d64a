/** What a scheme folder holds, as its loader and its compiled copy both see it. */
import path from 'node:path';
import type { World } from '../world/world.js';

/** The scheme's text files as the loader read them, by path relative to the scheme folder ('forms/x.yaml'). */
export type SchemeFiles = Map<string, string>;

/** The templates (.hbs) of one kind in a scheme folder, by name. */
export async function templateNames(world: World, dir: string, folder: string): Promise<string[]> {
  const base = path.join(dir, folder);
  return (await world.stat(base))?.kind === 'dir' ? (await world.list(base)).filter((n) => n.endsWith('.hbs')).sort() : [];
}

/**
 * Reads a scheme folder (templates/<id>/: scheme.yaml, forms/*.yaml, disc/*.hbs,
 * skeleton/*.hbs) through the World, once, and validates it. The compiled copy of a bundled
 * scheme is used when it is current (compiled.ts); parsing and validating the YAML is in
 * parse.ts, loaded only when needed, since YAML with positions and the zod schemas are a
 * tenth of a second of a cold process that has a compiled copy.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { World } from '../world/world.js';
import { compiledScheme } from './compiled.js';
import type { SchemeFiles } from './files.js';
import type { SchemeLoad } from './parse.js';

export type { SchemeLoad };

/** templates/ next to dist/ (installed package) or src/ (tests). */
export const TEMPLATES_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));
export const DEFAULT_SCHEME = 'xam-2023';

/** The folder of a scheme: a bare id names a bundled scheme, anything else is a folder. */
export async function schemeDirFor(world: World, idOrDir: string | undefined, cwd: string): Promise<string> {
  if (!idOrDir) return path.join(TEMPLATES_DIR, DEFAULT_SCHEME);
  const dir = path.resolve(cwd, idOrDir);
  if (/^[\w.-]+$/.test(idOrDir) && (await world.stat(dir))?.kind !== 'dir') return path.join(TEMPLATES_DIR, idOrDir);
  return dir;
}

/**
 * A scheme folder, from the copy `npm run build` validated when the folder's files are still
 * the ones it read (see compiled.ts), else parsed and validated now.
 */
export async function loadScheme(world: World, dir: string): Promise<SchemeLoad> {
  const compiled = await compiledScheme(world, dir);
  return compiled ? { scheme: compiled, diagnostics: [] } : parseScheme(world, dir);
}

/** Parses and validates every file of a scheme folder; `files` is what was read. */
export async function parseScheme(world: World, dir: string, files: SchemeFiles = new Map()): Promise<SchemeLoad> {
  return (await import('./parse.js')).parseScheme(world, dir, files);
}

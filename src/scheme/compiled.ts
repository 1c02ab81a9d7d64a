/**
 * The bundled schemes as `npm run build` validated them (scripts/compile-schemes.mjs writes
 * dist/schemes/<id>.json). Parsing a scheme's YAML with positions and validating it costs
 * a cold process about 0.2 s — most of a `check` — while the JSON of the validated scheme
 * parses in a millisecond. The copy is used only while the folder's files are byte for byte
 * the ones it was made from (a SHA-256 over their paths and texts), so an edited template
 * is parsed again, and only for a scheme that had nothing to report: a diagnostic's place
 * in a file is never taken from a copy. Under the test runner (TypeScript sources) there
 * are no copies and every scheme is parsed.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { IoError } from '../core/io.js';
import { readText, type World } from '../world/world.js';
import { templateNames, type SchemeFiles } from './files.js';
import type { Scheme } from './schema.js';

/** dist/schemes/ beside dist/scheme/. */
export const COMPILED_DIR = fileURLToPath(new URL('../schemes/', import.meta.url));
/** The bundled schemes' folder (as load.ts has it; not imported from there, which imports this). */
const TEMPLATES = fileURLToPath(new URL('../../templates/', import.meta.url));

export interface CompiledScheme {
  format: 1;
  /** SHA-256 over the files read, in order: path, NUL, text, NUL. */
  digest: string;
  files: string[];
  scheme: Omit<Scheme, 'dir'>;
}

export function digestOf(files: SchemeFiles): string {
  const h = createHash('sha256');
  for (const [name, text] of files) h.update(name).update('\0').update(text).update('\0');
  return h.digest('hex');
}

/** The copy of a scheme compiled from `files` (which must have loaded without a diagnostic). */
export function compile(scheme: Scheme, files: SchemeFiles): CompiledScheme {
  const { dir: _dir, ...rest } = scheme;
  return { format: 1, digest: digestOf(files), files: [...files.keys()], scheme: rest };
}

export function compiledFile(dir: string): string {
  return path.join(COMPILED_DIR, `${path.basename(dir)}.json`);
}

/** The compiled copy of a bundled scheme folder, when there is one and the folder is unchanged. */
export async function compiledScheme(world: World, dir: string): Promise<Scheme | undefined> {
  if (!import.meta.url.endsWith('.js') || path.dirname(path.resolve(dir)) !== path.resolve(TEMPLATES)) return undefined;
  let copy: CompiledScheme;
  try {
    copy = JSON.parse(await readText(world, compiledFile(dir))) as CompiledScheme;
  } catch (e) {
    if (e instanceof IoError || e instanceof SyntaxError) return undefined;
    throw e;
  }
  if (copy.format !== 1) return undefined;
  // A template added to disc/ or skeleton/ since is a change too.
  for (const folder of ['disc', 'skeleton']) {
    const names = (await templateNames(world, dir, folder)).map((n) => `${folder}/${n}`);
    if (names.join('\n') !== copy.files.filter((f) => f.startsWith(`${folder}/`)).join('\n')) return undefined;
  }
  const files: SchemeFiles = new Map();
  try {
    for (const f of copy.files) files.set(f, await readText(world, path.join(dir, ...f.split('/'))));
  } catch (e) {
    if (e instanceof IoError) return undefined;
    throw e;
  }
  if (digestOf(files) !== copy.digest) return undefined;
  return { ...copy.scheme, dir };
}

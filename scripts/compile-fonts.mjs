/**
 * `npm run build`: each bundled font that its npm package ships only as WOFF (LXGW WenKai)
 * is written once as TrueType into fonts/, where world/node.ts looks first. Unpacking the
 * WOFF (16 MB of glyphs inflated) otherwise costs every process that draws with it about
 * 0.1 s, on every thread. The bytes are those render/woff.ts makes in memory, so the PDFs
 * are the same either way. prepack (pack-fonts.mjs) writes the same file for the package.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { BUNDLED_FONTS } = await import(pathToFileURL(path.join(root, 'dist/world/node.js')).href);
const { isWoff, woffToSfnt } = await import(pathToFileURL(path.join(root, 'dist/render/woff.js')).href);
const require = createRequire(path.join(root, 'package.json'));
const out = path.join(root, 'fonts');

/** The font file of a role as its package has it, or undefined when the package is not installed (an installed shenbao). */
export function packageFont(f) {
  try {
    return path.join(path.dirname(require.resolve(`${f.pkg}/package.json`)), f.file);
  } catch {
    return undefined;
  }
}

/** Writes `dest` as the sfnt of the WOFF `src`, through a temporary file (never half-written). */
export function writeSfnt(src, dest) {
  const tmp = `${dest}.${process.pid}.tmp`;
  writeFileSync(tmp, woffToSfnt(readFileSync(src)));
  renameSync(tmp, dest);
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  let written = 0;
  for (const f of new Map(Object.values(BUNDLED_FONTS).map((f) => [f.packed, f])).values()) {
    const src = packageFont(f);
    if (!src || !existsSync(src) || !isWoff(readFileSync(src).subarray(0, 48))) continue;
    const dest = path.join(out, f.packed);
    if (existsSync(dest) && statSync(dest).mtimeMs >= statSync(src).mtimeMs) continue;
    mkdirSync(out, { recursive: true });
    writeSfnt(src, dest);
    written++;
  }
  if (written) console.log(`fonts/: ${written} WOFF font(s) written as TrueType`);
}

/**
 * prepack: copies the four font files shenbao draws with (and their licences) from the npm
 * font packages into fonts/, so the published package ships 45 MB of fonts instead of the
 * packages' 260 MB of weights that are never drawn. The font packages are devDependencies:
 * a checkout reads the fonts from them, an installed package from fonts/ (world/node.ts).
 * All three fonts are under the SIL Open Font License 1.1, which allows this redistribution
 * with the licence alongside.
 */
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { BUNDLED_FONTS } = await import(pathToFileURL(path.join(root, 'dist/world/node.js')).href);
const { isWoff } = await import(pathToFileURL(path.join(root, 'dist/render/woff.js')).href);
const { writeSfnt } = await import('./compile-fonts.mjs');
const require = createRequire(path.join(root, 'package.json'));
const out = path.join(root, 'fonts');

rmSync(out, { recursive: true, force: true });
mkdirSync(out);
const readme = ['shenbao 打印用字体 / the fonts shenbao draws with (SIL Open Font License 1.1)', ''];
const seen = new Set();
for (const [role, f] of Object.entries(BUNDLED_FONTS)) {
  if (seen.has(f.packed)) continue;
  seen.add(f.packed);
  const dir = path.dirname(require.resolve(`${f.pkg}/package.json`));
  const { version } = require(`${f.pkg}/package.json`);
  const src = path.join(dir, f.file);
  // A WOFF goes in as TrueType (compile-fonts.mjs says why).
  if (isWoff(readFileSync(src).subarray(0, 48))) writeSfnt(src, path.join(out, f.packed));
  else copyFileSync(src, path.join(out, f.packed));
  const licence = `${path.parse(f.packed).name}.LICENSE.txt`;
  copyFileSync(path.join(dir, f.licence), path.join(out, licence));
  readme.push(`${f.packed}  (${role})  ← npm ${f.pkg}@${version} ${f.file}${f.file.endsWith('.woff') ? ' (WOFF → TrueType, tables unchanged)' : ''}; licence: ${licence}`);
}
writeFileSync(path.join(out, 'README.txt'), `${readme.join('\n')}\n`);
console.log(`fonts/: ${seen.size} font files`);

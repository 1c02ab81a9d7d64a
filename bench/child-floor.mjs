/**
 * The floor under `build` (issue #13): in one fresh process, read every input file, subset
 * each font with the characters the inputs and the form templates use, and write every
 * output file the build made (its bytes read in beforehand, as given). No tool can make the
 * package without doing at least this. `node bench/child-floor.mjs <submission> <built> <out>`.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const [input, built, out] = process.argv.slice(2);
const files = (dir) => readdirSync(dir, { withFileTypes: true, recursive: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
// What the build wrote, held before the clock of this process matters (it is the given).
const before = performance.now();
const outputs = files(built).map((f) => [path.relative(built, f), readFileSync(f)]);
const given = performance.now();

const read = files(input).map((f) => readFileSync(f));
const root = path.resolve(import.meta.dirname, '..');
const texts = [...read.filter((_, i) => /\.(ya?ml|txt|csv|md)$/.test(files(input)[i])), ...files(path.join(root, 'templates/xam-2023/forms')).map((f) => readFileSync(f))];
const chars = new Set([...texts.map((b) => b.toString('utf8')).join('')].map((c) => c.codePointAt(0)));

const { bundledFontFiles } = await import('../dist/world/node.js');
const fontkit = createRequire(import.meta.url)('fontkit');
for (const file of new Set(Object.values(bundledFontFiles()))) {
  const font = fontkit.create(readFileSync(file));
  const subset = font.createSubset();
  for (const cp of chars) if (font.hasGlyphForCodePoint(cp)) subset.includeGlyph(font.glyphForCodePoint(cp));
  subset.encode();
}

for (const [rel, bytes] of outputs) {
  const to = path.join(out, rel);
  mkdirSync(path.dirname(to), { recursive: true });
  writeFileSync(to, bytes);
}
// The whole process since it started (performance.now() counts from there) but the reading of the given.
process.stdout.write(JSON.stringify({ ms: performance.now() - (given - before), files: outputs.length }));

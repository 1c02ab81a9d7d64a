#!/usr/bin/env node
// After tsc: each bundled scheme (templates/<id>/) parsed and validated once, and written as
// dist/schemes/<id>.json, which the loader takes instead of parsing while the folder's files
// are unchanged (src/scheme/compiled.ts). A scheme with anything to report gets no copy.
import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { compile, compiledFile, COMPILED_DIR } from '../dist/scheme/compiled.js';
import { parseScheme, TEMPLATES_DIR } from '../dist/scheme/load.js';
import { nodeWorld } from '../dist/world/node.js';

const world = nodeWorld({});
mkdirSync(COMPILED_DIR, { recursive: true });
for (const id of readdirSync(TEMPLATES_DIR, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name)) {
  const dir = path.join(TEMPLATES_DIR, id);
  const files = new Map();
  const { scheme, diagnostics } = await parseScheme(world, dir, files);
  const out = compiledFile(dir);
  if (!scheme || diagnostics.length > 0) {
    rmSync(out, { force: true });
    process.stderr.write(`compile-schemes: ${id} has ${diagnostics.length} diagnostic(s); it will be parsed at each run\n`);
    continue;
  }
  writeFileSync(`${out}.tmp`, JSON.stringify(compile(scheme, files)));
  renameSync(`${out}.tmp`, out);
}

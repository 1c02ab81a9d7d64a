/**
 * `npm run build`, after tsc: the command line as a few ES modules in dist/bundle/ (esbuild),
 * which bin/shenbao.js runs. Loading ~300 small modules (ours, zod's 95, yargs, yaml …) one
 * by one cost the build ~0.1 s of start-up before any work; one bundle with a chunk per
 * command loads in a fraction of that (docs/performance.md).
 *
 * The bundle sits two folders below the project, as every dist/<folder>/ file does, so the
 * paths the code finds from its own URL (templates/, fonts/, web/, dist/schemes/, the worker
 * entries beside it) are the same. Packages that read their own files at run time, or that
 * must be one shared instance (fontkit, which pdfkit and our code share), stay outside.
 */
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'dist/bundle');
rmSync(out, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: { main: 'dist/cli/main.js', 'render-worker': 'dist/pipeline/render-worker.js', worker: 'dist/pipeline/worker.js' },
  outdir: out,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  mainFields: ['module', 'main'],
  // Read their own data files, load optional parts by name, or must stay one instance.
  external: ['pdfkit', 'pdfmake', 'fontkit', 'exceljs', 'docx', 'fastify', '@fastify/*', 'pino', '#pdf-lib', 'pdf-lib', 'archiver'],
  // CommonJS inside the bundle asks for require(); ESM output has none of its own.
  banner: { js: "import { createRequire as __shenbaoRequire } from 'node:module'; const require = __shenbaoRequire(import.meta.url);" },
  logLevel: 'warning',
  legalComments: 'none',
});

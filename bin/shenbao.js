#!/usr/bin/env node
// The compiled CLI lives in dist/ (built by `npm ci` through the prepare script).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// The bundle (scripts/bundle.mjs) when it is there: it loads faster than dist/cli/'s modules.
const bundled = new URL('../dist/bundle/main.js', import.meta.url);
const entry = existsSync(fileURLToPath(bundled)) ? bundled : new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  process.stderr.write('shenbao 尚未编译：请先在项目目录运行 npm ci（或 npm run build）。\nshenbao is not built yet: run `npm ci` (or `npm run build`) in the project folder.\n');
  process.exit(4);
}
// `shenbao check … | head` closes the pipe early: that is not an error worth a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}
// `shenbao --version` alone needs no argument parser (yargs takes most of the start-up).
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-v')) {
  const { VERSION } = await import(new URL('../dist/core/version.js', import.meta.url).href);
  process.stdout.write(`${VERSION}\n`);
  process.exit(0);
}
const { main } = await import(entry.href);
process.exitCode = await main(process.argv.slice(2));

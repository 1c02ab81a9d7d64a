// `check` in a fresh process, as the built command runs it (plain node, dist/): modules are
// loaded first (start-up); then load + fonts + roster + rules are timed.
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const dist = (rel) => pathToFileURL(path.resolve(import.meta.dirname, '../dist', rel)).href;
const { prepare } = await import(dist('pipeline/prepare.js'));
const { nodeWorld } = await import(dist('world/node.js'));

const world = nodeWorld();
const t = performance.now();
const r = await prepare(world, { dir: process.argv[2], cwd: process.cwd() });
if (!r.ok) throw new Error('check failed');
process.stdout.write(JSON.stringify({ ms: performance.now() - t, trainees: r.report?.roster?.trainees.length ?? 0 }));

// `check` in a fresh process, as the built command runs it (plain node, dist/): modules are
// loaded first (start-up); then load + fonts + roster + rules are timed.
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const dist = (rel) => pathToFileURL(path.resolve(import.meta.dirname, '../dist', rel)).href;
const { prepare } = await import(dist('cli/prepare.js'));
const { clockFromEnv } = await import(dist('core/clock.js'));

const t = performance.now();
const { report } = await prepare({ dir: process.argv[2], lang: 'zh' }, clockFromEnv());
process.stdout.write(JSON.stringify({ ms: performance.now() - t, trainees: report?.roster?.trainees.length ?? 0 }));
